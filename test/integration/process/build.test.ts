// Production runs compiled JavaScript with plain Node 22: `npm start` starts dist/ (built by `prepare` on npm
// install, rebuilt by `prestart` when a source is newer), and its source map turns a stack frame in the
// bundle back into the TypeScript file and line.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { startAzurite } from '../../support/azurite.js';
import { freePort, startCompiledApp, waitUntilUp } from '../../support/processes.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

interface BuildScript {
  build(): Promise<void>;
  isStale(): boolean;
}

// scripts/build.mjs is plain JavaScript (it runs before anything is compiled): loaded as a module.
const loadBuild = () => import(path.join(ROOT, 'scripts', 'build.mjs')) as Promise<BuildScript>;

describe('the compiled runtime', function () {
  this.timeout(60_000);

  it('npm start and npm run worker run dist/ with plain node, source maps on, Node 22 or newer', () => {
    for (const script of ['start', 'worker']) {
      const command = pkg.scripts[script] ?? '';
      assert.match(command, /^node .*--enable-source-maps.* dist\/index\.js/, command);
      assert.doesNotMatch(command, /tsx|--import|--require/, command);
      assert.equal(pkg.scripts[`pre${script}`], 'node scripts/build.mjs --if-stale');
    }
    assert.match(pkg.scripts.prepare ?? '', /^node scripts\/build\.mjs($| && )/);
    assert.equal(pkg.engines.node, '>=22');
    assert.equal(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim(), '22');
    assert.ok(Number(process.versions.node.split('.')[0]) >= 22, `running on Node ${process.version}`);
  });

  it('maps a place in the bundle back to its TypeScript file and line', async () => {
    const { build } = await loadBuild();
    await build();
    const bundle = readFileSync(path.join(ROOT, 'dist', 'app.js'), 'utf8').split('\n');
    const map = new SourceMap(JSON.parse(readFileSync(path.join(ROOT, 'dist', 'app.js.map'), 'utf8')));
    const source = readFileSync(path.join(ROOT, 'src', 'config.ts'), 'utf8').split('\n');
    const expectedLine = source.findIndex((line) => line.startsWith('export function loadConfig('));
    const line = bundle.findIndex((l) => l.includes('function loadConfig('));
    assert.ok(line >= 0 && expectedLine >= 0);
    const entry = map.findEntry(line, bundle[line]?.indexOf('function loadConfig(') ?? 0) as {
      originalSource?: string;
      originalLine?: number;
    };
    assert.match(entry.originalSource ?? '', /src\/config\.ts$/);
    assert.equal(entry.originalLine, expectedLine);
  });

  it('is stale once a source is newer than dist/, and fresh after a build', async () => {
    const { build, isStale } = await loadBuild();
    await build();
    assert.equal(isStale(), false);
    const file = path.join(ROOT, 'src', 'config.ts');
    const { atime, mtime } = statSync(file);
    try {
      utimesSync(file, atime, new Date(Date.now() + 60_000));
      assert.equal(isStale(), true);
    } finally {
      utimesSync(file, atime, mtime);
    }
    assert.equal(isStale(), false);
  });

  it('runs from dist/ on Azure Storage too (its SDK is loaded only then)', async () => {
    const azurite = await startAzurite();
    const port = await freePort();
    const app = startCompiledApp({
      PORT: String(port),
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_PREFIX: 'compiled',
      LOG_LEVEL: 'info',
    });
    try {
      await waitUntilUp(`http://127.0.0.1:${port}/readyz`, 30_000, app);
      assert.match(app.output(), /azure storage store opened/);
    } finally {
      app.signal('SIGTERM');
      await app.exited;
      await azurite.stop();
    }
  });
});
