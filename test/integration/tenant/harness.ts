// Starts a TenantSimulator on a free 127.0.0.1 port and points the LIVE gateway at it, with a recording
// sleep (no real waiting) and an in-memory log so tests can assert what was logged.
import pino from 'pino';
import type { RetryOptions, TenantGateway } from '../../../src/tenant/index.js';
import {
  createLiveTenantGateway,
  SEED,
  StaticTokenCredential,
  TenantSimulator,
  type TenantSimulatorOptions,
} from '../../../src/tenant/index.js';

export const TEST_TOKEN = 'test-token-5f1d2c8b-do-not-log';

export interface Harness {
  sim: TenantSimulator;
  gateway: TenantGateway;
  /** Every wait the gateway asked for, in ms. */
  delays: number[];
  /** Every log line the gateway wrote (JSON). */
  logLines: string[];
  /** A fresh gateway against the same simulator, e.g. with other retry options or token. */
  makeGateway(options?: { retry?: Partial<RetryOptions>; token?: string }): TenantGateway;
}

export async function startHarness(options: TenantSimulatorOptions = {}): Promise<Harness> {
  const sim = new TenantSimulator(options);
  await sim.start();
  const delays: number[] = [];
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) });
  const makeGateway = (o: { retry?: Partial<RetryOptions>; token?: string } = {}) =>
    createLiveTenantGateway({
      graphBaseUrl: sim.graphBaseUrl,
      exoBaseUrl: sim.exoBaseUrl,
      tenantId: SEED.tenantId,
      credential: new StaticTokenCredential(o.token ?? TEST_TOKEN),
      logger,
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5000, ...o.retry },
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
    });
  return { sim, gateway: makeGateway(), delays, logLines, makeGateway };
}

/** Resets the simulator and the recordings between tests. */
export function resetHarness(h: Harness): void {
  h.sim.reset();
  h.sim.updateSettings({
    releaseDelayMs: 5000,
    unblockLimitPerDay: 3,
    exoMaxPageSize: 1000,
    graphMaxPageSize: 999,
    notRestrictedAnswer: 'empty',
  });
  h.delays.length = 0;
  h.logLines.length = 0;
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}
