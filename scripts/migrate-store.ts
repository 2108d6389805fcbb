// `npm run migrate-store`: copies requests, audit trail, sent cards, conversation references and the card
// signing key from the SQLite store (DATA_DIR) to Azure Storage (AZURE_STORAGE_ACCOUNT_URL or
// AZURE_STORAGE_CONNECTION_STRING), with a progress bar and a summary. Safe to run again: what is there is
// skipped, so an interrupted copy resumes. Stop the bot and workers first (docs/setup.md).
import 'dotenv/config';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import pino from 'pino';
import { describeStore, openStore } from '../src/app.js';
import { CARD_SIGNING_STATE_KEY } from '../src/bot/cardSigning.js';
import { type Config, ConfigError, loadConfig } from '../src/config.js';
import { type AzureStore, type MigrationSummary, migrateStore } from '../src/store/index.js';

const SQLITE_FILE = 'unblock-assistant.db';

function configs(): { source: Config['store']; target: Config['store'] } | string {
  try {
    return {
      source: loadConfig({ ...process.env, STORE: 'sqlite' }).store,
      target: loadConfig({ ...process.env, STORE: 'azure' }).store,
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

function report(summary: MigrationSummary, target: string): string {
  const lines = [
    `Copied to ${target}:`,
    `  requests:                     ${summary.requests.copied} copied, ${summary.requests.alreadyThere} already there`,
    `  audit entries:                ${summary.auditEntries} with the copied requests, ${summary.auditWithoutRequest} about no request`,
    `  sent cards:                   ${summary.sentCards}`,
    `  conversation references:      ${summary.references}`,
    `  state:                        ${summary.stateItems.length ? summary.stateItems.join(', ') : 'nothing'}`,
  ];
  if (summary.openJobsInSource > 0) {
    lines.push(
      `  not copied: ${summary.openJobsInSource} jobs still queued in SQLite. Unblocks of approved requests are`,
      '  queued again by the worker; notifications that were still pending are not sent.',
    );
  }
  lines.push(
    '',
    'Next: set STORE=azure (docs/setup.md, "Move from SQLite to Azure Storage") and start the bot.',
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const wanted = configs();
  if (typeof wanted === 'string') {
    process.stderr.write(`unblock-assistant migrate-store: the configuration is invalid.\n${wanted}\n`);
    return 2;
  }
  const { source: sourceConfig, target: targetConfig } = wanted;
  if (sourceConfig.kind !== 'sqlite' || targetConfig.kind !== 'azure') return 2;
  if (!existsSync(path.join(sourceConfig.dataDir, SQLITE_FILE))) {
    process.stderr.write(`There is no SQLite store in ${path.resolve(sourceConfig.dataDir)} (DATA_DIR).\n`);
    return 2;
  }
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const source = await openStore(sourceConfig, logger);
  const opened = await openStore(targetConfig, logger);
  if (!('importer' in opened)) throw new Error('the target is not an Azure store');
  const target: AzureStore = opened as AzureStore;
  const bar = new SingleBar({
    format: 'Copying [{bar}] {percentage}% | {value}/{total} | {what}',
    stream: process.stderr,
    hideCursor: true,
  });
  try {
    process.stderr.write(`From ${describeStore(sourceConfig)}\nTo   ${describeStore(targetConfig)}\n`);
    const summary = await migrateStore(source, target, {
      stateKeys: [CARD_SIGNING_STATE_KEY],
      progress: {
        start: (total) => bar.start(total, 0, { what: '' }),
        advance: (what) => bar.increment(1, { what }),
        stop: () => bar.stop(),
      },
    });
    process.stdout.write(`${report(summary, describeStore(targetConfig))}\n`);
    return 0;
  } finally {
    await source.close();
    await target.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const status = (error as { statusCode?: number })?.statusCode;
    process.stderr.write(
      `\nmigrate-store stopped (${error instanceof Error ? error.name : 'error'}${status ? ` HTTP ${status}` : ''}). ` +
        'Nothing copied is lost: run it again to resume.\n',
    );
    process.exitCode = 1;
  },
);
