// The layering in DESIGN.md is checked by `npm run lint` (biome.json's import rules), not hoped for: these
// tests lint planted files through Biome's stdin, at the path they would have, and expect the refusals.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const biome = path.join(root, 'node_modules', '.bin', 'biome');

/**
 * Lints one planted file at `filePath` in a scratch copy of the project's Biome configuration, so the
 * path-based rules apply exactly as in the repository. ok = no import rule refused it.
 */
function lint(filePath: string, source: string): { ok: boolean; output: string } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'unblock-lint-'));
  try {
    copyFileSync(path.join(root, 'biome.json'), path.join(scratch, 'biome.json'));
    mkdirSync(path.join(scratch, path.dirname(filePath)), { recursive: true });
    writeFileSync(path.join(scratch, filePath), source);
    const run = spawnSync(biome, ['lint', '--vcs-enabled=false', filePath], {
      cwd: scratch,
      encoding: 'utf8',
    });
    if (run.error) throw run.error;
    const output = `${run.stdout}${run.stderr}`;
    return { ok: !output.includes('lint/style/noRestrictedImports'), output };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const use = (name: string) => `\nexport const planted = ${name};\n`;

describe('import layering (npm run lint)', function () {
  this.timeout(20_000);

  it('refuses an import from src/bot/ into src/worker/, at any depth', () => {
    for (const [file, from] of [
      ['src/bot/planted.ts', '../worker/index.js'],
      ['src/bot/approvals/planted.ts', '../../worker/index.js'],
    ] as const) {
      const result = lint(file, `import { createWorker } from '${from}';${use('createWorker')}`);
      assert.equal(result.ok, false, `${file} → ${from}`);
      assert.match(result.output, /src\/bot\/ never imports src\/worker\//);
    }
  });

  it('refuses an import from src/worker/ into src/bot/, and from src/requests/ into an adapter', () => {
    const worker = lint(
      'src/worker/planted.ts',
      `import { createBot } from '../bot/index.js';${use('createBot')}`,
    );
    assert.equal(worker.ok, false);
    assert.match(worker.output, /src\/worker\/ never imports src\/bot\//);
    const requests = lint(
      'src/requests/planted.ts',
      `import { createWorker } from '../worker/index.js';${use('createWorker')}`,
    );
    assert.equal(requests.ok, false);
    assert.match(requests.output, /never imports its adapters/);
  });

  it('refuses an import from the Requests tab into the bot, which is another adapter', () => {
    const tab = lint(
      'src/tab/client/planted.tsx',
      `import { createBot } from '../../bot/index.js';${use('createBot')}`,
    );
    assert.equal(tab.ok, false);
    assert.match(tab.output, /src\/tab\/ is an adapter/);
  });

  it("refuses a reach into another folder's files, and allows its index.ts", () => {
    const inside = lint(
      'src/tenant/live/planted.ts',
      `import { transition } from '../../runbook/requestLifecycle.js';${use('transition')}`,
    );
    assert.equal(inside.ok, false);
    assert.match(inside.output, /through their index\.ts/);
    const viaIndex = lint(
      'src/tenant/live/planted.ts',
      `import { transition } from '../../runbook/index.js';${use('transition')}`,
    );
    assert.equal(viaIndex.ok, true, viaIndex.output);
    const ownFolder = lint(
      'src/bot/commands/planted.ts',
      `import { RunbookFlow } from '../runbook/runbookFlow.js';${use('RunbookFlow')}`,
    );
    assert.equal(ownFolder.ok, true, `a folder's own subfolders are its own business: ${ownFolder.output}`);
  });

  it('keeps botbuilder inside src/bot/ and src/runbook/ free of every other folder', () => {
    const outside = lint(
      'src/requests/planted.ts',
      `import { TurnContext } from 'botbuilder';${use('TurnContext')}`,
    );
    assert.equal(outside.ok, false);
    assert.match(outside.output, /Only src\/bot\/ may import botbuilder/);
    const inside = lint(
      'src/bot/planted.ts',
      `import { TurnContext } from 'botbuilder';${use('TurnContext')}`,
    );
    assert.equal(inside.ok, true, inside.output);
    const domain = lint('src/runbook/planted.ts', `import { z } from '../store/index.js';${use('z')}`);
    assert.equal(domain.ok, false);
  });
});
