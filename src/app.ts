// The composition root: picks implementations from Config and wires them together. Nothing else knows
// which store, tenant or bot identity is in use.
import type { TokenCredential } from '@azure/identity';
import type { Logger } from 'pino';
import { createBot } from './bot/index.js';
import type { Config } from './config.js';
import { createHttpServer, type HttpServer } from './http/index.js';
import { createTranslator } from './i18n/index.js';
import { openSqliteStore, type Store } from './store/index.js';
import {
  createLiveCredential,
  createLiveTenantGateway,
  generateTemporaryPassword,
  SEED,
  type SimulatorOptions,
  StaticTokenCredential,
  type TenantGateway,
  TenantSimulator,
} from './tenant/index.js';

export interface AppOptions {
  logger: Logger;
  /** Overrides for tests: a fixed clock, a known password generator, simulator behaviour. */
  now?: () => Date;
  generatePassword?: () => string;
  simulator?: Partial<SimulatorOptions>;
}

export interface App {
  http: HttpServer;
  store: Store;
  tenant: TenantGateway;
  /** The in-process simulated tenant, in TENANT_MODE=simulated. */
  simulator: TenantSimulator | null;
  tenantId: string;
  approverGroupId: string | undefined;
  stop(): Promise<void>;
}

interface TenantWiring {
  gateway: TenantGateway;
  simulator: TenantSimulator | null;
  tenantId: string;
  approverGroupId: string | undefined;
}

async function wireTenant(config: Config, options: AppOptions): Promise<TenantWiring> {
  const logger = options.logger.child({ component: 'tenant' });
  if (config.tenant.mode === 'simulated') {
    const simulator = new TenantSimulator({
      releaseDelayMs: config.tenant.releaseDelayMs,
      logger,
      ...options.simulator,
    });
    await simulator.start();
    const credential: TokenCredential = new StaticTokenCredential('simulated-tenant-token');
    return {
      gateway: createLiveTenantGateway({
        graphBaseUrl: simulator.graphBaseUrl,
        exoBaseUrl: simulator.exoBaseUrl,
        tenantId: SEED.tenantId,
        credential,
        logger,
      }),
      simulator,
      tenantId: SEED.tenantId,
      approverGroupId: config.approverGroupId ?? SEED.groups.approvers,
    };
  }
  return {
    gateway: createLiveTenantGateway({
      graphBaseUrl: config.tenant.graphBaseUrl,
      exoBaseUrl: config.tenant.exoBaseUrl,
      tenantId: config.tenant.tenantId,
      credential: createLiveCredential(config.tenant),
      logger,
    }),
    simulator: null,
    tenantId: config.tenant.tenantId,
    approverGroupId: config.approverGroupId,
  };
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const store = openSqliteStore({
    dataDir: config.store.dataDir,
    logger: logger.child({ component: 'store' }),
  });
  let tenant: TenantWiring;
  try {
    tenant = await wireTenant(config, options);
  } catch (error) {
    await store.close();
    throw error;
  }
  const t = createTranslator();
  const bot = createBot({
    identity: config.bot,
    tenant: tenant.gateway,
    requests: store.requests,
    audit: store.audit,
    conversations: store.conversations,
    state: store.state,
    t,
    logger,
    tenantId: tenant.tenantId,
    generatePassword: options.generatePassword ?? (() => generateTemporaryPassword()),
    now: options.now,
  });
  const http = createHttpServer({
    maxBodyBytes: config.http.maxBodyBytes,
    logger,
    messages: bot,
    readiness: { store: () => store.ping(), tenant: () => tenant.gateway.ping() },
  });

  return {
    http,
    store,
    tenant: tenant.gateway,
    simulator: tenant.simulator,
    tenantId: tenant.tenantId,
    approverGroupId: tenant.approverGroupId,
    async stop() {
      await http.close();
      await tenant.simulator?.stop();
      await store.close();
    },
  };
}
