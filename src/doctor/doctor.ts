// `npm run doctor`: checks that the configured tenant gives the bot what it needs, and says what to grant
// when it does not. TENANT_MODE=live probes Microsoft 365 with the configured credential; simulated mode
// runs the same checks against the simulator (in-process, or SIMULATOR_URL) and says so. Never prints a
// secret or a token: only variable names, ids, URLs and the services' error codes.
import type { TokenCredential } from '@azure/identity';
import pino from 'pino';
import type { Config } from '../config.js';
import {
  createLiveCredential,
  createLiveTenantProbe,
  SEED,
  simulatedConnection,
  type TenantProbe,
  TenantSimulator,
} from '../tenant/index.js';
import { botCredential, botScope, describeBotTokenFailure } from './botToken.js';
import { type CheckResult, type CheckSettings, runChecks } from './checks.js';
import { exitCodeFor, renderResults } from './report.js';

export interface DoctorOptions {
  /** Where each output line goes (the script writes to stdout). */
  write: (line: string) => void;
  /** Replaces the live credential: for tests whose process cannot trust a local authority's TLS. */
  credential?: TokenCredential;
  /** Replaces the bot's own credential (MicrosoftAppId), for the same reason. */
  botCredential?: TokenCredential;
}

export interface DoctorOutcome {
  exitCode: 0 | 1;
  results: CheckResult[];
}

interface Target {
  probe: TenantProbe;
  approverGroupId: string | undefined;
  helpdeskGroupId: string | undefined;
  identity: string;
  description: string[];
  close(): Promise<void>;
}

/** A few quick tries: the doctor reports throttling rather than waiting it out. */
const DOCTOR_RETRY = { maxRetries: 1, baseDelayMs: 500, maxDelayMs: 5000 };

export async function runDoctor(config: Config, options: DoctorOptions): Promise<DoctorOutcome> {
  const target = await openTarget(config, options);
  try {
    options.write('unblock-assistant doctor');
    for (const line of target.description) options.write(line);
    options.write('');
    const results = await runChecks(target.probe, checkSettings(config, target, options));
    for (const line of renderResults(results)) options.write(line);
    return { exitCode: exitCodeFor(results), results };
  } finally {
    await target.close();
  }
}

async function openTarget(config: Config, options: DoctorOptions): Promise<Target> {
  const tenant = config.tenant;
  if (tenant.mode === 'live') {
    return {
      probe: createLiveTenantProbe({
        graphBaseUrl: tenant.graphBaseUrl,
        exoBaseUrl: tenant.exoBaseUrl,
        tenantId: tenant.tenantId,
        credential: options.credential ?? createLiveCredential(tenant),
        retry: DOCTOR_RETRY,
      }),
      approverGroupId: config.approverGroupId,
      helpdeskGroupId: config.helpdeskGroupId,
      identity: tenant.clientId
        ? `app ${tenant.clientId} (AZURE_CLIENT_ID)`
        : 'the identity DefaultAzureCredential found',
      description: [
        `TENANT_MODE=live: checking tenant ${tenant.tenantId} as ${credentialKind(tenant)}`,
        `Graph ${tenant.graphBaseUrl} · Exchange ${tenant.exoBaseUrl} · authority ${tenant.authorityHost ?? 'https://login.microsoftonline.com'}`,
        ...(tenant.clientSecret || tenant.clientCertificatePath
          ? []
          : [
              'Without a secret or certificate this is DefaultAzureCredential: on the App Service its managed identity; on a workstation your own Azure CLI login, which proves nothing about the bot (run it with `az webapp ssh`: docs/setup.md, "7. Check the configuration").',
            ]),
      ],
      close: async () => undefined,
    };
  }
  const simulator = tenant.simulatorUrl ? null : new TenantSimulator({ logger: pino({ enabled: false }) });
  const base = tenant.simulatorUrl ?? (await simulator?.start())?.baseUrl ?? '';
  return {
    probe: createLiveTenantProbe({
      ...simulatedConnection(base),
      retry: DOCTOR_RETRY,
    }),
    approverGroupId: config.approverGroupId ?? SEED.groups.approvers,
    helpdeskGroupId: config.helpdeskGroupId ?? SEED.groups.helpdesk,
    identity: 'the simulated app',
    description: [
      simulator
        ? 'TENANT_MODE=simulated: these checks run against an in-process tenant simulator (seeded contoso.com), not a Microsoft 365 tenant.'
        : `TENANT_MODE=simulated: these checks run against the simulator at ${base} (SIMULATOR_URL), not a Microsoft 365 tenant.`,
      'Set TENANT_MODE=live and the AZURE_* variables to check your tenant.',
    ],
    close: async () => {
      await simulator?.stop();
    },
  };
}

function checkSettings(config: Config, target: Target, options: DoctorOptions): CheckSettings {
  const bot = config.bot;
  const credential = options.botCredential ?? botCredential(bot);
  const scope = botScope(bot);
  return {
    approverGroupId: target.approverGroupId,
    helpdeskGroupId: target.helpdeskGroupId,
    anyUserMayStart: config.tenant.mode === 'live' && config.anyUserMayStart,
    identity: target.identity,
    botExpected: config.tenant.mode === 'live',
    botToken:
      bot.appId && credential
        ? {
            appId: bot.appId,
            get: async () => {
              const token = await credential.getToken(scope);
              if (!token?.token) throw new Error('no token');
            },
            describeFailure: (error) => describeBotTokenFailure(bot, error),
          }
        : null,
  };
}

function credentialKind(tenant: Extract<Config['tenant'], { mode: 'live' }>): string {
  const app = tenant.clientId ? `app ${tenant.clientId}` : 'the default identity';
  if (tenant.clientId && tenant.clientCertificatePath)
    return `${app} with a client certificate (AZURE_CLIENT_CERTIFICATE_PATH=${tenant.clientCertificatePath})`;
  if (tenant.clientId && tenant.clientSecret)
    return `${app} with a client secret (AZURE_CLIENT_SECRET, not shown)`;
  return `${app} through DefaultAzureCredential (managed identity, Azure CLI)`;
}
