// Loads the built bundle into memory at start (its files are small and never change while the process runs),
// rebuilding it first when its sources changed since it was built (bundle.ts). A bundle that cannot be
// built leaves the API working and the pages answering 503 with what to run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { buildTabBundle, DEFAULT_BUNDLE_DIR, isBundleFresh, readManifest } from './bundle.js';
import type { BundleFile, LoadedBundle } from './web.js';

export async function loadTabBundle(options: { logger: Logger; dir?: string }): Promise<LoadedBundle | null> {
  const dir = options.dir ?? DEFAULT_BUNDLE_DIR;
  const logger = options.logger.child({ component: 'tab' });
  try {
    if (!isBundleFresh(dir)) {
      const started = performance.now();
      await buildTabBundle(dir);
      logger.info(
        { dir, ms: Math.round(performance.now() - started) },
        'built the Requests tab (its sources changed)',
      );
    }
    const manifest = readManifest(dir);
    if (!manifest) throw new Error('manifest.json is missing after the build');
    const files = new Map<string, BundleFile>();
    for (const name of Object.values(manifest.scripts)) {
      const file = path.join(dir, name);
      files.set(name, {
        identity: readFileSync(file),
        gzip: readFileSync(`${file}.gz`),
        br: readFileSync(`${file}.br`),
      });
    }
    return { scripts: manifest.scripts, files };
  } catch (error) {
    logger.error({ err: error, dir }, 'the Requests tab could not be built: run `npm run build:tab`');
    return null;
  }
}
