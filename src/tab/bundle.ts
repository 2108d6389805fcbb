// Builds the Requests tab's browser code (client/) with esbuild into build/tab/: one script per page with a
// content hash in its name (so it can be cached for a year), its gzip and brotli forms, and manifest.json
// naming them with a hash of the sources they came from. `npm run build:tab` (and `npm install`, through
// `prepare`) builds it; at start the app builds it again only when the sources changed since (stale).
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = path.join(__dirname, '..', '..');
export const DEFAULT_BUNDLE_DIR = path.join(ROOT, 'build', 'tab');
const CLIENT_DIR = path.join(__dirname, 'client');
/** Everything the bundle is made of besides client/: a change to any of them makes it stale. */
const INPUTS = [
  path.join(__dirname, 'contract.ts'),
  path.join(__dirname, 'bundle.ts'),
  path.join(ROOT, 'src', 'runbook', 'types.ts'),
];
const BUNDLED_PACKAGES = [
  '@fluentui/react-components',
  '@microsoft/teams-js',
  'react',
  'react-dom',
  'esbuild',
];

/** The pages and their entry points. */
export const ENTRY_POINTS = {
  tab: path.join(CLIENT_DIR, 'main.tsx'),
  preview: path.join(CLIENT_DIR, 'preview', 'main.tsx'),
} as const;
export type EntryName = keyof typeof ENTRY_POINTS;

export interface BundleManifest {
  sourceHash: string;
  /** Entry → file name in the bundle directory. */
  scripts: Record<EntryName, string>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

/** A hash of every source the bundle is built from and of the bundled packages' versions. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(CLIENT_DIR), ...INPUTS]) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of BUNDLED_PACKAGES) {
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    const version = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
      : '';
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

export function readManifest(dir = DEFAULT_BUNDLE_DIR): BundleManifest | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest;
  } catch {
    return null;
  }
}

/** Whether the bundle in `dir` was built from the current sources. */
export function isBundleFresh(dir = DEFAULT_BUNDLE_DIR): boolean {
  const manifest = readManifest(dir);
  if (!manifest || manifest.sourceHash !== sourceHash()) return false;
  return Object.values(manifest.scripts).every((file) => existsSync(path.join(dir, file)));
}

export interface BuildResult {
  manifest: BundleManifest;
  /** Bytes per script, before compression. */
  sizes: Record<string, number>;
}

/**
 * Builds the bundle into `dir`. Safe while another process builds or serves the same directory: files are
 * named by content, and manifest.json is replaced in one rename at the end.
 */
export async function buildTabBundle(dir = DEFAULT_BUNDLE_DIR): Promise<BuildResult> {
  const hash = sourceHash();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: ENTRY_POINTS,
    bundle: true,
    write: false,
    outdir: dir,
    entryNames: '[name]-[hash]',
    format: 'iife',
    platform: 'browser',
    // Teams runs tabs in current Edge/Chrome (WebView2), Safari on macOS and iOS, and browsers.
    target: ['chrome110', 'edge110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    // Fully minified for the browser, esbuild itself builds React's production code (NODE_ENV).
    minify: true,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  mkdirSync(dir, { recursive: true });
  const scripts: Partial<Record<EntryName, string>> = {};
  const sizes: Record<string, number> = {};
  for (const output of result.outputFiles) {
    const name = path.basename(output.path);
    const entry = (Object.keys(ENTRY_POINTS) as EntryName[]).find((key) => name.startsWith(`${key}-`));
    if (entry) scripts[entry] = name;
    const bytes = Buffer.from(output.contents);
    sizes[name] = bytes.length;
    writeIfMissing(path.join(dir, name), bytes);
    writeIfMissing(path.join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
    writeIfMissing(
      path.join(dir, `${name}.br`),
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    );
  }
  const manifest = { sourceHash: hash, scripts: scripts as Record<EntryName, string> };
  const temporary = path.join(dir, `manifest.json.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temporary, path.join(dir, 'manifest.json'));
  return { manifest, sizes };
}

/** Content-named files never change: an existing one is the same bytes. */
function writeIfMissing(file: string, bytes: Buffer): void {
  if (existsSync(file) && statSync(file).size === bytes.length) return;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}
