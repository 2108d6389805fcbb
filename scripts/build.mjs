// Compiles the app for `npm start`, `npm run worker` and `npm run doctor`: one esbuild bundle per entry
// point in dist/, CommonJS for Node 22, with source maps so stack traces name the TypeScript lines. Plain
// JavaScript because it runs before anything is compiled.
//
//   node scripts/build.mjs              build (npm install runs it as `prepare`, App Service as `build`)
//   node scripts/build.mjs --if-stale   build only when a source is newer than dist/ (npm's prestart)
//
// Production then runs plain `node dist/index.js`: no TypeScript loader, no transpiling at start.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'dist');
const ENTRY_POINTS = {
  app: 'src/index.ts',
  doctor: 'scripts/doctor.ts',
  'migrate-store': 'scripts/migrate-store.ts',
  'build-tab': 'scripts/build-tab.ts',
};
const BUNDLES = Object.keys(ENTRY_POINTS).map((name) => path.join(OUT_DIR, `${name}.js`));
/** What `npm start` runs: turns on Node's compile cache, then loads the app bundle (see LAUNCHER). */
const LAUNCHER = path.join(OUT_DIR, 'index.js');
/** Built outputs: each must exist and be newer than every input. */
const OUTPUTS = [...BUNDLES, LAUNCHER];
/** What a build reads besides node_modules: a change to any of these makes dist/ stale. */
const INPUTS = [
  'src',
  ...Object.values(ENTRY_POINTS).filter((entry) => entry.startsWith('scripts/')),
  'scripts/build.mjs',
  'package.json',
  'package-lock.json',
];
/**
 * Left out of the bundle, loaded from node_modules at run time: better-sqlite3 loads its compiled addon
 * relative to its own folder; esbuild (the Requests tab's builder, src/tab/bundle.ts) runs its own binary;
 * the Azure Storage SDK's ES module builds find a WebAssembly file beside themselves through
 * import.meta.url, which a CommonJS bundle does not have (required, they use their CommonJS builds).
 * Optional native helpers that restify and ws probe for and do without are left out too.
 */
const EXTERNAL = [
  'better-sqlite3',
  'esbuild',
  '@azure/data-tables',
  '@azure/storage-blob',
  '@azure/storage-common',
  '@azure/storage-queue',
  'dtrace-provider',
  'bufferutil',
  'utf-8-validate',
];

/**
 * In one bundle every module's `__dirname` would be dist/. The app's own files that use it to find files
 * beside them (the Requests tab's sources) get their own folder back, relative to the bundle's, so dist/
 * works wherever the checkout is, as long as it sits beside src/.
 */
/**
 * The Azure Storage store is loaded only when STORE=azure (app.ts imports it on demand). Its modules have no
 * side effects at load, so the bundle can leave them out of what a SQLite start loads: src/store/index.ts
 * re-exports them for the store's other users (tests, npm run migrate-store).
 */
const AZURE_STORE_DIR = path.join(ROOT, 'src', 'store', 'azure') + path.sep;
const azureStoreOnDemand = {
  name: 'azure-store-on-demand',
  setup(build) {
    build.onResolve({ filter: /azure/ }, async (args) => {
      if (args.pluginData?.resolving || !args.path.startsWith('.')) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(AZURE_STORE_DIR)) return undefined;
      return { path: resolved.path, sideEffects: false };
    });
  },
};

const keepDirname = {
  name: 'keep-dirname',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('__dirname')) return undefined;
      const relative = path.relative(OUT_DIR, path.dirname(args.path)).split(path.sep).join('/');
      return {
        contents: source.replace(
          /\b__dirname\b/g,
          `require('node:path').join(__dirname, ${JSON.stringify(relative)})`,
        ),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

function newestInput() {
  let newest = 0;
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const name of readdirSync(file)) visit(path.join(file, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of INPUTS) visit(path.join(ROOT, input));
  return newest;
}

/** Whether dist/ is missing an output or older than a source. */
export function isStale() {
  if (!OUTPUTS.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  return newestInput() > oldestOutput;
}

export async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without devDependencies keeps the dist/ it was given (e.g. built in CI).
    if (OUTPUTS.every((file) => existsSync(file))) {
      process.stderr.write('esbuild is not installed: using the existing dist/.\n');
      return;
    }
    throw new Error(
      'dist/ is missing and esbuild is not installed: run `npm install` (with dev dependencies).',
    );
  }
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: EXTERNAL,
    plugins: [azureStoreOnDemand, keepDirname],
    sourcemap: 'linked',
    // The original TypeScript is not needed to map a stack trace to file and line.
    sourcesContent: false,
    legalComments: 'linked',
    // Node keeps every script's source in memory: without whitespace and with simpler syntax the bundle is
    // two thirds the size. Names stay, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  for (const output of BUNDLES) {
    const mapFile = `${output}.map`;
    writeFileSync(mapFile, JSON.stringify(keepOwnMappings(JSON.parse(readFileSync(mapFile, 'utf8')))));
  }
  writeFileSync(
    LAUNCHER,
    [
      '// Built by scripts/build.mjs. Node keeps the compiled app bundle in its compile cache (in the temp',
      '// folder), so a restart skips parsing and compiling the bundle again: a faster start, less memory.',
      "'use strict';",
      "require('node:module').enableCompileCache?.();",
      "require('./app.js');",
      '',
    ].join('\n'),
  );
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** Base64 VLQ numbers of one source map segment. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeSegment(values) {
  let text = '';
  for (const number of values) {
    let value = number < 0 ? (-number << 1) | 1 : number << 1;
    do {
      let digit = value & 31;
      value >>>= 5;
      if (value > 0) digit |= 32;
      text += BASE64[digit];
    } while (value > 0);
  }
  return text;
}

/**
 * Keeps the mappings into the app's own sources, one per original line, without names; code from
 * dependencies is marked unmapped. Node's --enable-source-maps decodes a whole map into memory the first
 * time it formats a stack (some dependencies do at load): a map of the entire bundle decodes to more than the
 * app's heap limit, and even the app's own code, mapped token by token, costs ~12 MB of heap. A stack frame
 * needs the file and line. Frames inside dependencies show their place in the bundle, which is enough to
 * find them.
 */
function keepOwnMappings(map) {
  const own = map.sources.map((source) => !source.includes('node_modules/'));
  const absolute = [0, 0, 0, 0, 0]; // column, source, line, column, name: running values as decoded
  const written = [0, 0, 0]; // source, line, column: running values as re-encoded
  const lines = map.mappings.split(';').map((line) => {
    absolute[0] = 0;
    let writtenColumn = 0;
    let last = null; // what the previous kept segment maps to: 'dependency', or `${source}:${line}`
    const kept = [];
    for (const segment of line === '' ? [] : line.split(',')) {
      const deltas = decodeSegment(segment);
      deltas.forEach((delta, index) => {
        absolute[index] += delta;
      });
      const mine = deltas.length >= 4 && own[absolute[1]];
      const place = mine ? `${absolute[1]}:${absolute[2]}` : 'dependency';
      if (place === last) continue;
      last = place;
      if (!mine) {
        // An unmapped segment: the dependency's code must not inherit the app's preceding mapping.
        kept.push(encodeSegment([absolute[0] - writtenColumn]));
      } else {
        kept.push(
          encodeSegment([
            absolute[0] - writtenColumn,
            absolute[1] - written[0],
            absolute[2] - written[1],
            absolute[3] - written[2],
          ]),
        );
        [written[0], written[1], written[2]] = [absolute[1], absolute[2], absolute[3]];
      }
      writtenColumn = absolute[0];
    }
    return kept.join(',');
  });
  return { ...map, names: [], mappings: lines.join(';') };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) {
    build().catch((error) => {
      process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  }
}
