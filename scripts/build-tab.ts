// `npm run build:tab` (and `npm install`, through `prepare`): builds the Requests tab's browser bundle into
// build/tab/ (src/tab/bundle.ts). The app also rebuilds it at start when its sources changed since.
import path from 'node:path';
import { buildTabBundle, DEFAULT_BUNDLE_DIR } from '../src/tab/bundle.js';

async function main(): Promise<void> {
  const started = performance.now();
  const { sizes } = await buildTabBundle(DEFAULT_BUNDLE_DIR);
  const files = Object.entries(sizes)
    .map(([name, bytes]) => `${name} (${Math.round(bytes / 1024)} KB)`)
    .join(', ');
  process.stdout.write(
    `Built the Requests tab into ${path.relative(process.cwd(), DEFAULT_BUNDLE_DIR)} in ${Math.round(performance.now() - started)} ms: ${files}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm run build:tab failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
