// The composition root: picks implementations from Config and wires them together. Nothing else knows
// which store, tenant or bot identity is in use.
import path from 'node:path';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Logger } from 'pino';
import { type BotDeps, createBot, loadCardSigningKey, type Pacer } from './bot/index.js';
import type { Config } from './config.js';
import { createHttpServer, type HttpServer } from './http/index.js';
import { createTranslator } from './i18n/index.js';
import {
  createRequestJobs,
  GroupMembership,
  type RequestJobs,
  RequestLedger,
  RequestLifecycle,
} from './requests/index.js';
import { openSqliteStore, type Store } from './store/index.js';
import {
  createTab,
  LOCAL_TAB_APP_ID,
  LOCAL_TAB_DOMAIN,
  loadTabBundle,
  simulatedPreviewSignIn,
  type TabIdentity,
  tabAudiences,
} from './tab/index.js';
import {
  createLiveCredential,
  createLiveTenantGateway,
  generateTemporaryPassword,
  SEED,
  type SimulatorOptions,
  simulatedConnection,
  simulatedDirectory,
  type TenantGateway,
  TenantSimulator,
} from './tenant/index.js';
import { createWorker, type Worker } from './worker/index.js';

/** An approved request not unblocked within this is reported (the retry budget is well under it). */
const STUCK_AFTER_MS = 60 * 60_000;

export interface AppOptions {
  logger: Logger;
  /** Overrides for tests: a fixed clock, a known password generator, simulator behaviour. */
  now?: () => Date;
  generatePassword?: () => string;
  simulator?: Partial<SimulatorOptions>;
  pacer?: Pacer;
  /** Run only the worker (no HTTP endpoint is served): `npm run worker`. */
  workerOnly?: boolean;
  /** Replaces the live Microsoft 365 credential: for tests whose process cannot trust a local authority. */
  tenantCredential?: TokenCredential;
}

export interface App {
  http: HttpServer;
  store: Store;
  tenant: TenantGateway;
  /** The in-process simulated tenant, in TENANT_MODE=simulated. */
  simulator: TenantSimulator | null;
  tenantId: string;
  approverGroupId: string | undefined;
  /** The in-process worker, when WORKER=in-process or in worker-only mode. */
  worker: Worker | null;
  /** The lifecycle's background work the worker runs (its resume monitor, for tests and benchmarks). */
  requestJobs: RequestJobs | null;
  lifecycle: RequestLifecycle;
  stop(): Promise<void>;
}

interface TenantWiring {
  gateway: TenantGateway;
  simulator: TenantSimulator | null;
  /** The simulator's URL (in-process or SIMULATOR_URL) in simulated mode. */
  simulatorUrl: string | null;
  tenantId: string;
  approverGroupId: string | undefined;
}

/** The people the local preview offers to sign in as: helpdesk agents, approvers, and someone in neither. */
const PREVIEW_PEOPLE = [
  SEED.users.agent.id,
  SEED.users.agent2.id,
  SEED.users.approver.id,
  SEED.users.nestedApprover.id,
  SEED.users.nonApprover.id,
];

async function wireTenant(config: Config, options: AppOptions): Promise<TenantWiring> {
  const logger = options.logger.child({ component: 'tenant' });
  if (config.tenant.mode === 'simulated') {
    // A simulator already running elsewhere (SIMULATOR_URL), or one started here.
    let simulator: TenantSimulator | null = null;
    if (!config.tenant.simulatorUrl) {
      simulator = new TenantSimulator({
        releaseDelayMs: config.tenant.releaseDelayMs,
        logger,
        ...options.simulator,
      });
      await simulator.start();
    }
    const simulatorUrl = config.tenant.simulatorUrl ?? simulator?.baseUrl ?? '';
    const connection = simulatedConnection(simulatorUrl);
    return {
      gateway: createLiveTenantGateway({ ...connection, logger }),
      simulator,
      simulatorUrl,
      tenantId: connection.tenantId,
      approverGroupId: config.approverGroupId ?? SEED.groups.approvers,
    };
  }
  return {
    gateway: createLiveTenantGateway({
      graphBaseUrl: config.tenant.graphBaseUrl,
      exoBaseUrl: config.tenant.exoBaseUrl,
      tenantId: config.tenant.tenantId,
      credential: options.tenantCredential ?? createLiveCredential(config.tenant),
      logger,
    }),
    simulator: null,
    simulatorUrl: null,
    tenantId: config.tenant.tenantId,
    approverGroupId: config.approverGroupId,
  };
}

/**
 * ALLOWED_TENANT_IDS when set; otherwise the bot registration's tenant (MicrosoftAppTenantId) and the
 * Microsoft 365 tenant it manages (the simulator's contoso in simulated mode).
 */
function allowedTenants(config: Config, managedTenantId: string): string[] {
  if (config.security.allowedTenantIds) return config.security.allowedTenantIds;
  return [...new Set([config.bot.appTenantId, managedTenantId].filter((id): id is string => Boolean(id)))];
}

/** Local mode: the simulated tenant without a MicrosoftAppId (src/bot/localMode.ts). */
function localModeOf(config: Config, tenant: TenantWiring): BotDeps['localMode'] {
  if (config.tenant.mode !== 'simulated' || config.bot.appId) return undefined;
  const simulatorUrl = config.tenant.simulatorUrl ?? tenant.simulator?.baseUrl;
  if (!simulatorUrl) return undefined;
  return { tenantId: tenant.tenantId, directory: simulatedDirectory(simulatorUrl) };
}

/** SQLite on this machine, or Azure Storage shared by any number of bot and worker processes. */
export async function openStore(store: Config['store'], logger: Logger): Promise<Store> {
  if (store.kind === 'sqlite') return openSqliteStore({ dataDir: store.dataDir, logger });
  const authorityHost = store.authorityHost?.replace(/\/+$/, '');
  const connection = store.connectionString
    ? { connectionString: store.connectionString }
    : {
        endpoints: store.endpoints ?? { table: '', queue: '', blob: '' },
        // Managed identity on Azure (AZURE_CLIENT_ID names the user-assigned one), the Azure CLI on a laptop.
        credential: new DefaultAzureCredential({
          ...(store.tenantId ? { tenantId: store.tenantId } : {}),
          ...(store.clientId ? { managedIdentityClientId: store.clientId } : {}),
          ...(authorityHost
            ? {
                authorityHost,
                disableInstanceDiscovery: authorityHost !== 'https://login.microsoftonline.com',
              }
            : {}),
        }),
      };
  // Loaded only here: the Azure Storage SDK costs a SQLite installation start time and memory for nothing.
  const { openAzureStore } = require('./store/azure/index.js') as typeof import('./store/azure/index.js');
  return openAzureStore({ connection, prefix: store.prefix, logger });
}

/** Where the store is, for the startup banner and log (never the connection string: it holds a key). */
export function describeStore(store: Config['store']): string {
  if (store.kind === 'sqlite') return `SQLite in ${path.resolve(store.dataDir)}`;
  const where = store.endpoints
    ? store.endpoints.table.replace('.table.', '.*.')
    : 'AZURE_STORAGE_CONNECTION_STRING';
  return `Azure Storage at ${where} (prefix ${store.prefix})`;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const store = await openStore(config.store, logger.child({ component: 'store' }));
  let tenant: TenantWiring;
  let cardSigningKey: Buffer;
  try {
    cardSigningKey = await loadCardSigningKey(store.state, config.security.cardSigningSecret);
    tenant = await wireTenant(config, options);
  } catch (error) {
    await store.close();
    throw error;
  }
  const t = createTranslator(undefined, config.timeZone);
  const now = options.now ?? (() => new Date());
  let worker: Worker | null = null;
  let requestJobs: RequestJobs | null = null;
  const ledger = new RequestLedger(store.requests, store.audit, now, () => worker?.runner.poke());
  const lifecycle = new RequestLifecycle({
    requests: store.requests,
    ledger,
    now,
    allowSelfApproval: config.approvals.allowSelfApproval,
  });
  const bot = createBot({
    identity: config.bot,
    tenant: tenant.gateway,
    store,
    lifecycle,
    t,
    logger,
    tenantId: tenant.tenantId,
    approverGroupId: tenant.approverGroupId,
    helpdeskGroupId: config.helpdeskGroupId,
    allowSelfApproval: config.approvals.allowSelfApproval,
    expireAfterHours: config.approvals.expireAfterMs / 3600_000,
    giveUpAfterHours: config.resume.giveUpAfterMs / 3600_000,
    generatePassword: options.generatePassword ?? (() => generateTemporaryPassword()),
    cardSigningKey,
    allowedTenantIds: allowedTenants(config, tenant.tenantId),
    userRateLimitPerMinute: config.security.userRateLimitPerMinute,
    maxConcurrentTurns: config.security.maxConcurrentTurns,
    pacer: options.pacer,
    localMode: localModeOf(config, tenant),
  });
  if (config.worker.inProcess || options.workerOnly) {
    requestJobs = createRequestJobs({
      store,
      ledger,
      tenant: tenant.gateway,
      notifier: bot.notifier,
      logger: logger.child({ component: 'worker' }),
      now,
      approvals: {
        remindAfterMs: config.approvals.remindAfterMs,
        expireAfterMs: config.approvals.expireAfterMs,
      },
      giveUpAfterMs: config.resume.giveUpAfterMs,
      messageTraceCallsPer5Min: config.resume.messageTraceCallsPer5Min,
      stuckAfterMs: STUCK_AFTER_MS,
    });
    worker = createWorker({
      jobs: store.jobs,
      requestJobs,
      logger,
      monitorIntervalMs: config.resume.pollIntervalMs,
      pollIntervalMs: config.worker.pollIntervalMs,
      leaseMs: config.worker.leaseMs,
      budget: {
        maxAttempts: config.worker.maxAttempts,
        baseBackoffMs: 1000,
        maxBackoffMs: config.worker.maxBackoffMs,
      },
      now,
    });
    worker.start();
  }
  const membership = new GroupMembership({
    tenant: tenant.gateway,
    approverGroupId: tenant.approverGroupId,
    helpdeskGroupId: config.helpdeskGroupId,
  });
  // In the simulated mode the tab signs people in at the simulated tenant's authority, for a local app id
  // unless a real one is configured; live, at AZURE_AUTHORITY_HOST for MicrosoftAppId.
  const simulatorUrl = tenant.simulatorUrl;
  const tabIdentity: TabIdentity = simulatorUrl
    ? {
        appId: config.bot.appId ?? LOCAL_TAB_APP_ID,
        domain: config.tab.domain ?? LOCAL_TAB_DOMAIN,
        authorityHost: simulatorUrl,
        allowedTenantIds: allowedTenants(config, tenant.tenantId),
      }
    : {
        appId: config.bot.appId,
        domain: config.tab.domain,
        authorityHost: config.tab.authorityHost,
        allowedTenantIds: allowedTenants(config, tenant.tenantId),
      };
  const tabRoutes = createTab({
    identity: tabIdentity,
    membership,
    lifecycle,
    store,
    allowSelfApproval: config.approvals.allowSelfApproval,
    bundle: options.workerOnly ? null : await loadTabBundle({ logger }),
    preview: simulatorUrl
      ? simulatedPreviewSignIn({
          simulatorUrl,
          audience: tabAudiences(tabIdentity)[0] ?? '',
          personIds: PREVIEW_PEOPLE,
          tenant: tenant.gateway,
          membership,
        })
      : null,
    logger,
  });
  const http = createHttpServer({
    maxBodyBytes: config.http.maxBodyBytes,
    logger,
    // A worker-only process answers health checks (WORKER_HEALTH_PORT) but takes no Teams traffic.
    messages: options.workerOnly ? undefined : bot.endpoint,
    readiness: { store: () => store.ping(), tenant: () => tenant.gateway.ping() },
    routes: tabRoutes,
  });

  return {
    http,
    store,
    tenant: tenant.gateway,
    simulator: tenant.simulator,
    tenantId: tenant.tenantId,
    approverGroupId: tenant.approverGroupId,
    worker,
    requestJobs,
    lifecycle,
    async stop() {
      await http.close();
      await worker?.stop();
      await tenant.simulator?.stop();
      await store.close();
    },
  };
}
