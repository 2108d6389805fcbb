// Azurite (the Azure Storage emulator, npm package `azurite`) started by a test as its own process on free
// loopback ports, and stopped by its PID. Flags from ../shared/reference/platform-notes.md. A missing
// Azurite is an error, never a reason to skip: the Azure store must be tested wherever the tests run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, type StartedProcess, startProcess } from './processes.js';

const projectRoot = path.resolve(__dirname, '../..');
const AZURITE_BIN = path.join(projectRoot, 'node_modules', '.bin', 'azurite');
/** Azurite's well-known development account (public, documented by Microsoft: not a secret). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  process: StartedProcess;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  if (!existsSync(AZURITE_BIN)) {
    throw new Error(
      `Azurite is not installed (${AZURITE_BIN}): run npm install. The Azure store tests need it.`,
    );
  }
  const [blob, queue, table] = [await freePort(), await freePort(), await freePort()];
  const args = [
    '--inMemoryPersistence',
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    ...['--blobHost', '127.0.0.1', '--blobPort', String(blob)],
    ...['--queueHost', '127.0.0.1', '--queuePort', String(queue)],
    ...['--tableHost', '127.0.0.1', '--tablePort', String(table)],
  ];
  // The bin itself, not npx (npx leaves a child behind when killed).
  const started = startProcess(AZURITE_BIN, args, {}, projectRoot);
  const deadline = Date.now() + 20_000;
  while ((started.output().match(/successfully listening/g) ?? []).length < 3) {
    if (started.child.exitCode !== null) throw new Error(`Azurite exited early:\n${started.output()}`);
    if (Date.now() > deadline) {
      started.signal('SIGKILL');
      throw new Error(`Azurite did not start within 20 s:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = 'http://127.0.0.1';
  const connectionString = [
    'DefaultEndpointsProtocol=http',
    `AccountName=${ACCOUNT}`,
    `AccountKey=${KEY}`,
    `BlobEndpoint=${base}:${blob}/${ACCOUNT}`,
    `QueueEndpoint=${base}:${queue}/${ACCOUNT}`,
    `TableEndpoint=${base}:${table}/${ACCOUNT}`,
  ].join(';');
  return {
    connectionString,
    process: started,
    async stop() {
      started.signal('SIGTERM');
      const timer = setTimeout(() => started.signal('SIGKILL'), 5000);
      await started.exited;
      clearTimeout(timer);
    },
  };
}

let counter = 0;

/** A fresh name prefix, so each test gets its own tables, queues and container on one Azurite. */
export function uniquePrefix(): string {
  counter += 1;
  return `t${process.pid.toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}
