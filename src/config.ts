// Environment → typed, validated Config. The only file that reads process.env (index.ts passes it in).
// A bad value stops startup with one line per problem, naming the variable.
import { z } from 'zod';

/** botbuilder's ChannelService value for the US Government cloud (GovernmentConstants.ChannelService). */
const US_GOVERNMENT_CHANNEL_SERVICE = 'https://botframework.azure.us';

/**
 * The Bot Framework endpoints of each cloud, as botbuilder's AuthenticationConstants and
 * GovernmentConstants define them (botframework-connector/src/auth).
 */
const BOT_CLOUDS = {
  public: {
    openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    tokenIssuer: 'https://api.botframework.com',
    loginUrl: 'https://login.microsoftonline.com/botframework.com',
    oauthScope: 'https://api.botframework.com',
  },
  usgov: {
    openIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
    tokenIssuer: 'https://api.botframework.us',
    loginUrl: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
    oauthScope: 'https://api.botframework.us',
  },
} as const;

/** Each endpoint under botbuilder's setting name and its documented alias. */
const BOT_ENDPOINT_SETTINGS = [
  { key: 'openIdMetadataUrl', name: 'BotOpenIdMetadata', alias: 'BOT_OPENID_METADATA' },
  { key: 'tokenIssuer', name: 'ToBotFromChannelTokenIssuer', alias: 'BOT_TOKEN_ISSUER' },
  { key: 'loginUrl', name: 'ToChannelFromBotLoginUrl', alias: 'BOT_LOGIN_URL' },
  { key: 'oauthScope', name: 'ToChannelFromBotOAuthScope', alias: 'BOT_OAUTH_SCOPE' },
] as const;

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const guid = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a GUID like 00000000-0000-0000-0000-000000000000',
  );
const optionalGuid = z.preprocess(emptyToUndefined, guid.optional());
const url = z.string().url('must be an absolute URL such as https://graph.microsoft.com/v1.0');
const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0)
  .max(65535, 'must be 0–65535');
const loginUrl = url.refine(
  (u) => u.startsWith('https://'),
  'must be an https:// URL (MSAL refuses http authorities)',
);
const atLeastOne = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be 1 or more');
const positive = (label: string) =>
  z.coerce.number({ error: 'must be a number' }).positive(`must be a positive number of ${label}`);

const schema = z
  .object({
    PORT: z.preprocess(emptyToUndefined, port.default(3978)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    MicrosoftAppId: optionalGuid,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    ),
    MicrosoftAppTenantId: optionalGuid,
    TENANT_MODE: z.preprocess(emptyToUndefined, z.enum(['simulated', 'live']).default('simulated')),
    GRAPH_BASE_URL: z.preprocess(emptyToUndefined, url.default('https://graph.microsoft.com/v1.0')),
    EXO_BASE_URL: z.preprocess(emptyToUndefined, url.default('https://outlook.office365.com/adminapi/beta')),
    AZURE_TENANT_ID: optionalString,
    AZURE_CLIENT_ID: optionalGuid,
    AZURE_CLIENT_SECRET: optionalString,
    AZURE_CLIENT_CERTIFICATE_PATH: optionalString,
    AZURE_AUTHORITY_HOST: z.preprocess(emptyToUndefined, url.optional()),
    BOT_DOMAIN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((v) => !/^[a-z]+:\/\//i.test(v), 'must be a host name without https://')
        .refine(
          (v) =>
            /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(
              v,
            ),
          'must be a host name such as unblock.azurewebsites.net (no path, no port)',
        )
        .transform((v) => v.toLowerCase())
        .optional(),
    ),
    APPROVER_GROUP_ID: optionalGuid,
    HELPDESK_GROUP_ID: optionalGuid,
    ALLOW_ANY_USER_TO_START: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
    STORE: z.preprocess(emptyToUndefined, z.enum(['sqlite', 'azure']).default('sqlite')),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    AZURE_STORAGE_ACCOUNT_URL: z.preprocess(emptyToUndefined, url.optional()),
    AZURE_STORAGE_CONNECTION_STRING: optionalString,
    AZURE_STORAGE_PREFIX: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z][a-z0-9]{2,19}$/, 'must be 3–20 lowercase letters and digits, starting with a letter')
        .default('unblock'),
    ),
    // Default 60 s against a live tenant, 5 s against the simulated one (loadConfig).
    RESUME_POLL_INTERVAL_S: z.preprocess(emptyToUndefined, positive('seconds').optional()),
    // Graph message trace looks at most 10 days back per query: the monitor cannot confirm a resume later.
    RESUME_GIVE_UP_AFTER_H: z.preprocess(
      emptyToUndefined,
      positive('hours')
        .max(240, 'must be at most 240 hours (10 days: the longest window Graph message trace searches)')
        .default(24),
    ),
    // Graph allows 100 message-trace requests per 5 minutes per tenant, shared with every other tool there.
    MESSAGE_TRACE_CALLS_PER_5_MIN: z.preprocess(
      emptyToUndefined,
      atLeastOne.max(100, "must be at most 100 (Graph's limit per tenant; other tools share it)").default(50),
    ),
    SIMULATOR_URL: z.preprocess(emptyToUndefined, url.optional()),
    ALLOW_SELF_APPROVAL: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
    APPROVAL_REMIND_AFTER_H: z.preprocess(emptyToUndefined, positive('hours').default(4)),
    APPROVAL_EXPIRE_AFTER_H: z.preprocess(emptyToUndefined, positive('hours').default(24)),
    WORKER: z.preprocess(emptyToUndefined, z.enum(['in-process', 'off']).default('in-process')),
    WORKER_POLL_INTERVAL_MS: z.preprocess(emptyToUndefined, positive('milliseconds').default(500)),
    WORKER_HEALTH_PORT: z.preprocess(emptyToUndefined, port.optional()),
    WORKER_LEASE_S: z.preprocess(emptyToUndefined, positive('seconds').default(60)),
    JOB_MAX_ATTEMPTS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(1)
        .max(100)
        .default(12),
    ),
    JOB_MAX_BACKOFF_S: z.preprocess(emptyToUndefined, positive('seconds').default(300)),
    TENANT_TIME_ZONE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as Europe/Copenhagen')
        .default('UTC'),
    ),
    SIMULATOR_RELEASE_DELAY_S: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: 'must be a number' }).min(0, 'must be 0 or more').default(30),
    ),
    // Where the channel's signing keys and the bot's own tokens come from. botbuilder's own setting names
    // (what a Bot Framework admin already has in App Service) and the BOT_* aliases; unset = the cloud that
    // ChannelService names (public by default).
    ChannelService: z.preprocess(
      emptyToUndefined,
      z
        .enum([US_GOVERNMENT_CHANNEL_SERVICE], {
          error: `must be empty (public cloud) or ${US_GOVERNMENT_CHANNEL_SERVICE} (US Government); for another cloud set BotOpenIdMetadata, ToBotFromChannelTokenIssuer, ToChannelFromBotLoginUrl and ToChannelFromBotOAuthScope`,
        })
        .optional(),
    ),
    BotOpenIdMetadata: z.preprocess(emptyToUndefined, url.optional()),
    BOT_OPENID_METADATA: z.preprocess(emptyToUndefined, url.optional()),
    ToBotFromChannelTokenIssuer: optionalString,
    BOT_TOKEN_ISSUER: optionalString,
    ToChannelFromBotLoginUrl: z.preprocess(emptyToUndefined, loginUrl.optional()),
    BOT_LOGIN_URL: z.preprocess(emptyToUndefined, loginUrl.optional()),
    ToChannelFromBotOAuthScope: optionalString,
    BOT_OAUTH_SCOPE: optionalString,
    ALLOWED_TENANT_IDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((list) =>
          list
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        )
        .refine(
          (ids) => ids.length > 0 && ids.every((id) => guid.safeParse(id).success),
          'must be tenant GUIDs separated by commas, like 00000000-0000-0000-0000-000000000000',
        )
        .optional(),
    ),
    CARD_SIGNING_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 48)').optional(),
    ),
    USER_RATE_LIMIT_PER_MIN: z.preprocess(emptyToUndefined, atLeastOne.default(60)),
    MAX_CONCURRENT_TURNS: z.preprocess(emptyToUndefined, atLeastOne.default(64)),
    MAX_BODY_KB: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: 'must be a number' }).int().min(1).max(10240).default(256),
    ),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      problem(
        'MicrosoftAppPassword',
        'is required when MicrosoftAppId is set (or set MicrosoftAppType=UserAssignedMSI)',
      );
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      problem('MicrosoftAppTenantId', `is required for MicrosoftAppType=${env.MicrosoftAppType}`);
    }
    if (env.MicrosoftAppType === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
      problem(
        'MicrosoftAppPassword',
        'must be empty with MicrosoftAppType=UserAssignedMSI (the managed identity has no password)',
      );
    }
    for (const { name, alias } of BOT_ENDPOINT_SETTINGS) {
      if (env[name] !== undefined && env[alias] !== undefined && env[name] !== env[alias]) {
        problem(
          name,
          `and ${alias} are both set, to different values: keep one (${alias} is an alias of botbuilder's ${name})`,
        );
      }
    }
    if (env.STORE === 'azure') {
      const given = [env.AZURE_STORAGE_ACCOUNT_URL, env.AZURE_STORAGE_CONNECTION_STRING].filter(
        Boolean,
      ).length;
      if (given !== 1) {
        problem(
          'AZURE_STORAGE_ACCOUNT_URL',
          given === 0
            ? 'or AZURE_STORAGE_CONNECTION_STRING is required when STORE=azure'
            : 'and AZURE_STORAGE_CONNECTION_STRING are both set: choose one',
        );
      }
      if (env.AZURE_STORAGE_ACCOUNT_URL && !storageEndpoints(env.AZURE_STORAGE_ACCOUNT_URL)) {
        problem(
          'AZURE_STORAGE_ACCOUNT_URL',
          'must be an endpoint of the storage account, like https://myaccount.blob.core.windows.net',
        );
      }
    }
    if (env.TENANT_MODE === 'live') {
      if (!env.AZURE_TENANT_ID)
        problem('AZURE_TENANT_ID', 'is required when TENANT_MODE=live (your Entra tenant id)');
      if (!env.APPROVER_GROUP_ID) {
        problem(
          'APPROVER_GROUP_ID',
          'is required when TENANT_MODE=live (the Entra group whose members approve)',
        );
      }
      // Starting a request can reset a password and shows the temporary password: in a real tenant that
      // is for the helpdesk only, unless the admin says in so many words that anyone may (security.md).
      if (!env.HELPDESK_GROUP_ID && env.ALLOW_ANY_USER_TO_START !== 'true') {
        problem(
          'HELPDESK_GROUP_ID',
          'is required when TENANT_MODE=live: only its members may start a request, which can reset a password and shows the temporary password. To let anyone in the tenant start requests, set ALLOW_ANY_USER_TO_START=true instead',
        );
      }
      if (env.AZURE_CLIENT_SECRET && env.AZURE_CLIENT_CERTIFICATE_PATH) {
        problem('AZURE_CLIENT_SECRET', 'and AZURE_CLIENT_CERTIFICATE_PATH are both set: choose one');
      }
      if ((env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH) && !env.AZURE_CLIENT_ID) {
        problem('AZURE_CLIENT_ID', 'is required with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH');
      }
    }
  });

/**
 * The table, queue and blob endpoints of a storage account from any one of them
 * (https://<account>.<blob|queue|table>.<cloud suffix>), so one setting names the account in every cloud.
 */
function storageEndpoints(accountUrl: string): { table: string; queue: string; blob: string } | null {
  const parsed = new URL(accountUrl);
  const match = /^([a-z0-9]{3,24})\.(?:blob|queue|table)\.(.+)$/.exec(parsed.hostname);
  if (parsed.protocol !== 'https:' || !match) return null;
  const at = (service: string) =>
    `https://${match[1]}.${service}.${match[2]}${parsed.port ? `:${parsed.port}` : ''}`;
  return { table: at('table'), queue: at('queue'), blob: at('blob') };
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  http: { port: number; host: string; maxBodyBytes: number };
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    appTenantId: string | undefined;
    /** Where the channel's signing keys and the bot's own tokens come from (public cloud by default). */
    channel: {
      /** The Bot Framework cloud (ChannelService): picks the endpoints below that are not set. */
      cloud: 'public' | 'usgov';
      openIdMetadataUrl: string;
      tokenIssuer: string;
      loginUrl: string;
      oauthScope: string;
    };
  };
  /** Limits that keep other tenants, forged cards and floods out. */
  security: {
    /** Tenants whose people may use the bot; undefined = the bot's and the managed tenant (see app.ts). */
    allowedTenantIds: string[] | undefined;
    /** Key for the HMAC on card data; undefined = generated once and kept in the store. */
    cardSigningSecret: string | undefined;
    userRateLimitPerMinute: number;
    maxConcurrentTurns: number;
  };
  tenant:
    | {
        mode: 'simulated';
        releaseDelayMs: number;
        /** A simulator already running elsewhere (tests, several processes); default: start one in-process. */
        simulatorUrl: string | undefined;
      }
    | {
        mode: 'live';
        graphBaseUrl: string;
        exoBaseUrl: string;
        tenantId: string;
        clientId: string | undefined;
        clientSecret: string | undefined;
        clientCertificatePath: string | undefined;
        authorityHost: string | undefined;
      };
  approverGroupId: string | undefined;
  /** Only its members may start requests; undefined = anyone (simulated mode, or ALLOW_ANY_USER_TO_START). */
  helpdeskGroupId: string | undefined;
  /** ALLOW_ANY_USER_TO_START=true: the admin's explicit choice to let anyone in the tenant start requests. */
  anyUserMayStart: boolean;
  /** The Requests tab and its API: who signs in (single sign-on tokens) and where it is served. */
  tab: {
    /** The public host name (BOT_DOMAIN): the tab's Application ID URI is api://{domain}/{MicrosoftAppId}. */
    domain: string | undefined;
    /** Where the Entra sign-in keys come from (AZURE_AUTHORITY_HOST, public cloud by default). */
    authorityHost: string;
  };
  store:
    | { kind: 'sqlite'; dataDir: string }
    | {
        kind: 'azure';
        /** Starts every table, queue and container name. */
        prefix: string;
        /** Azurite or a key-based account (local runs); deployments use `endpoints` with a credential. */
        connectionString: string | undefined;
        endpoints: { table: string; queue: string; blob: string } | undefined;
        /** The user-assigned managed identity (AZURE_CLIENT_ID) DefaultAzureCredential signs in as. */
        clientId: string | undefined;
        tenantId: string | undefined;
        authorityHost: string | undefined;
      };
  resume: {
    pollIntervalMs: number;
    giveUpAfterMs: number;
    /** The bot's share of Graph's 100 message-trace requests per 5 minutes. */
    messageTraceCallsPer5Min: number;
  };
  approvals: { allowSelfApproval: boolean; remindAfterMs: number; expireAfterMs: number };
  worker: {
    inProcess: boolean;
    /** `npm run worker` serves /healthz and /readyz here (App Service probes a port); none when unset. */
    healthPort: number | undefined;
    pollIntervalMs: number;
    leaseMs: number;
    /** The retry budget of a job before its request fails visibly. */
    maxAttempts: number;
    maxBackoffMs: number;
  };
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * App Service leaves a Key Vault reference it could not resolve in place, as the literal
 * `@Microsoft.KeyVault(...)` text: the app would then run with that text as its password or key.
 */
const UNRESOLVED_KEY_VAULT_REFERENCE = /^\s*@Microsoft\.KeyVault\(/i;

function unresolvedKeyVaultReferences(env: Record<string, string | undefined>): string[] {
  return Object.keys(schema.shape)
    .filter((name) => UNRESOLVED_KEY_VAULT_REFERENCE.test(env[name] ?? ''))
    .map(
      (name) =>
        `${name} is a Key Vault reference that App Service did not resolve: give the web app's identity the Key Vault Secrets User role on the vault and check that the secret exists (docs/setup.md, "Check the Key Vault references")`,
    );
}

/** The Bot Framework endpoints: botbuilder's name, else its BOT_* alias, else the cloud's value. */
function botChannel(e: z.infer<typeof schema>): Config['bot']['channel'] {
  const cloud = e.ChannelService === US_GOVERNMENT_CHANNEL_SERVICE ? 'usgov' : 'public';
  const endpoints: Omit<Config['bot']['channel'], 'cloud'> = { ...BOT_CLOUDS[cloud] };
  for (const { key, name, alias } of BOT_ENDPOINT_SETTINGS) {
    const value = e[name] ?? e[alias];
    if (value !== undefined) endpoints[key] = value;
  }
  return { cloud, ...endpoints };
}

/** Reads and validates the environment. Throws ConfigError listing every problem, one per line. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const unresolved = unresolvedKeyVaultReferences(env);
  const parsed = schema.safeParse(env);
  if (!parsed.success || unresolved.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues;
    throw new ConfigError([
      ...unresolved,
      ...issues
        .filter((issue) => !unresolved.some((line) => line.startsWith(`${issue.path.join('.')} `)))
        .map((issue) => {
          const variable = issue.path.join('.') || '(environment)';
          // Never echo the received value: it may be a secret.
          return `${variable} ${issue.message.replace(/^Invalid option: expected/, 'must be').replace(/^Invalid input: /, 'must be ')}`;
        }),
    ]);
  }
  const e = parsed.data;
  return {
    http: { port: e.PORT, host: e.HOST, maxBodyBytes: e.MAX_BODY_KB * 1024 },
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId,
      channel: botChannel(e),
    },
    security: {
      allowedTenantIds: e.ALLOWED_TENANT_IDS,
      cardSigningSecret: e.CARD_SIGNING_SECRET,
      userRateLimitPerMinute: e.USER_RATE_LIMIT_PER_MIN,
      maxConcurrentTurns: e.MAX_CONCURRENT_TURNS,
    },
    tenant:
      e.TENANT_MODE === 'simulated'
        ? {
            mode: 'simulated',
            releaseDelayMs: e.SIMULATOR_RELEASE_DELAY_S * 1000,
            simulatorUrl: e.SIMULATOR_URL,
          }
        : {
            mode: 'live',
            graphBaseUrl: e.GRAPH_BASE_URL,
            exoBaseUrl: e.EXO_BASE_URL,
            tenantId: e.AZURE_TENANT_ID ?? '',
            clientId: e.AZURE_CLIENT_ID,
            clientSecret: e.AZURE_CLIENT_SECRET,
            clientCertificatePath: e.AZURE_CLIENT_CERTIFICATE_PATH,
            authorityHost: e.AZURE_AUTHORITY_HOST,
          },
    approverGroupId: e.APPROVER_GROUP_ID,
    helpdeskGroupId: e.HELPDESK_GROUP_ID,
    anyUserMayStart: e.ALLOW_ANY_USER_TO_START === 'true',
    tab: {
      domain: e.BOT_DOMAIN,
      authorityHost: (e.AZURE_AUTHORITY_HOST ?? 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    },
    store:
      e.STORE === 'azure'
        ? {
            kind: 'azure',
            prefix: e.AZURE_STORAGE_PREFIX,
            connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
            endpoints: e.AZURE_STORAGE_ACCOUNT_URL
              ? (storageEndpoints(e.AZURE_STORAGE_ACCOUNT_URL) ?? undefined)
              : undefined,
            clientId: e.AZURE_CLIENT_ID,
            tenantId: e.AZURE_TENANT_ID,
            authorityHost: e.AZURE_AUTHORITY_HOST,
          }
        : { kind: 'sqlite', dataDir: e.DATA_DIR },
    resume: {
      // The simulated tenant is local and unthrottled: a quick poll lets a newcomer see "can send again"
      // seconds after the simulated release instead of a minute later.
      pollIntervalMs: (e.RESUME_POLL_INTERVAL_S ?? (e.TENANT_MODE === 'simulated' ? 5 : 60)) * 1000,
      giveUpAfterMs: e.RESUME_GIVE_UP_AFTER_H * 3600_000,
      messageTraceCallsPer5Min: e.MESSAGE_TRACE_CALLS_PER_5_MIN,
    },
    approvals: {
      allowSelfApproval: e.ALLOW_SELF_APPROVAL === 'true',
      remindAfterMs: e.APPROVAL_REMIND_AFTER_H * 3600_000,
      expireAfterMs: e.APPROVAL_EXPIRE_AFTER_H * 3600_000,
    },
    worker: {
      inProcess: e.WORKER === 'in-process',
      healthPort: e.WORKER_HEALTH_PORT,
      pollIntervalMs: e.WORKER_POLL_INTERVAL_MS,
      leaseMs: e.WORKER_LEASE_S * 1000,
      maxAttempts: e.JOB_MAX_ATTEMPTS,
      maxBackoffMs: e.JOB_MAX_BACKOFF_S * 1000,
    },
    timeZone: e.TENANT_TIME_ZONE,
    logLevel: e.LOG_LEVEL,
  };
}
