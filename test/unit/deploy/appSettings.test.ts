// deploy/main.bicep against src/config.ts: the app settings the template sets must start the app in live
// mode, cover every variable the live configuration reads (each from a parameter, so that a redeploy
// applies the parameters file instead of wiping what an administrator set), default to the app's own
// defaults, and be explained in docs/setup.md. No Bicep compiler runs here, so the template is read as
// text: its `var appSettings = [ … ]` block of { name, value } objects, whose values use a few simple
// expression forms that this file evaluates with the parameters' defaults.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';

const ROOT = path.join(__dirname, '..', '..', '..');
const bicep = readFileSync(path.join(ROOT, 'deploy', 'main.bicep'), 'utf8');
const setupDoc = readFileSync(path.join(ROOT, 'docs', 'setup.md'), 'utf8');
const configSource = readFileSync(path.join(ROOT, 'src', 'config.ts'), 'utf8');

/** Every variable src/config.ts reads (the keys of its zod schema). */
const CONFIG_VARIABLES = [
  ...configSource
    .slice(configSource.indexOf('const schema = z'), configSource.indexOf('.superRefine('))
    .matchAll(/^ {4}([A-Za-z][A-Za-z0-9_]*):/gm),
].map((m) => m[1] as string);

/** Variables a deployment on App Service does not set, and why. */
const NOT_ON_AZURE: Record<string, string> = {
  PORT: 'App Service sets it for its Node image',
  SIMULATOR_URL: 'simulated mode only',
  SIMULATOR_RELEASE_DELAY_S: 'simulated mode only',
  AZURE_CLIENT_SECRET: 'the managed identity needs no secret',
  AZURE_CLIENT_CERTIFICATE_PATH: 'the managed identity needs no certificate',
  // botbuilder's own names for the BOT_* settings the template sets; an admin's existing ones still work.
  BotOpenIdMetadata: 'the template sets its alias BOT_OPENID_METADATA',
  ToBotFromChannelTokenIssuer: 'the template sets its alias BOT_TOKEN_ISSUER',
  ToChannelFromBotLoginUrl: 'the template sets its alias BOT_LOGIN_URL',
  ToChannelFromBotOAuthScope: 'the template sets its alias BOT_OAUTH_SCOPE',
  DATA_DIR: 'SQLite only; a deployment keeps its state in Azure Storage',
  AZURE_STORAGE_CONNECTION_STRING: 'shared keys are off: the managed identity reaches the storage account',
  WORKER_HEALTH_PORT: "the worker app only (its own setting, added to the bot app's)",
};

/** Settings the deployment decides itself rather than from a parameter, and why. */
const DECIDED_BY_TEMPLATE: Record<string, string> = {
  HOST: 'App Service reaches the app on all interfaces',
  TENANT_MODE: 'a deployment talks to Microsoft 365',
  STORE: 'Azure Storage: several instances share it, and SQLite must not live on a network share',
  AZURE_STORAGE_ACCOUNT_URL: 'the storage account the template creates',
  AZURE_STORAGE_PREFIX: 'the names of the tables, queues and container the template creates',
  WORKER: 'the worker runs as its own app on every instance (workerApp)',
  AZURE_CLIENT_ID: 'the managed identity the template creates',
};

interface AppSetting {
  name: string;
  /** The Bicep expression, e.g. `'live'`, `botAppId`, `string(resumePollIntervalSeconds)`. */
  expression: string;
}

function appSettingsOf(template: string): AppSetting[] {
  const start = template.indexOf('var appSettings = [');
  assert.ok(start >= 0, 'main.bicep declares `var appSettings = [`');
  const end = template.indexOf('\n]\n', start);
  assert.ok(end > start, 'the appSettings array is closed by a `]` line');
  const block = template.slice(start, end);
  return [...block.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+)/g)].map((m) => ({
    name: m[1] as string,
    expression: (m[2] as string).trim(),
  }));
}

interface Param {
  name: string;
  defaultValue: string | number | boolean | undefined;
}

function paramsOf(template: string): Param[] {
  return [...template.matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)].map((m) => {
    const raw = m[3]?.trim();
    let defaultValue: Param['defaultValue'];
    if (raw === undefined) defaultValue = undefined;
    else if (/^'[^']*'$/.test(raw)) defaultValue = raw.slice(1, -1);
    else if (/^-?\d+$/.test(raw)) defaultValue = Number(raw);
    else if (raw === 'true' || raw === 'false') defaultValue = raw === 'true';
    else defaultValue = `<${raw}>`; // computed at deployment, e.g. tenant().tenantId
    return { name: m[1] as string, defaultValue };
  });
}

const params = paramsOf(bicep);
const paramNames = new Set(params.map((p) => p.name));
const settings = appSettingsOf(bicep);

/** Values for what only a deployment knows (required parameters, resource properties). */
const DEPLOYMENT_VALUES: Record<string, string> = {
  botAppId: '11111111-1111-4111-8111-111111111111',
  tenantId: '22222222-2222-4222-8222-222222222222',
  approverGroupId: '44444444-4444-4444-8444-444444444444',
  helpdeskGroupId: '55555555-5555-4555-8555-555555555555',
  'identity.properties.clientId': '33333333-3333-4333-8333-333333333333',
  'botIdentity.properties.clientId': '66666666-6666-4666-8666-666666666666',
  // The storage account's blob endpoint, as ARM reports it (with a trailing slash).
  'storage.properties.primaryEndpoints.blob': 'https://stabc123.blob.core.windows.net/',
};

type Value = string | number | boolean;

/**
 * Evaluates the expression forms the app settings use: 'literal', param, var, string(x), x == 'literal',
 * and cond ? a : b. A string with ${…} stands for a Key Vault reference, which App Service resolves.
 */
function evaluate(expression: string, overrides: Record<string, Value>): Value {
  const e = expression.trim();
  const ternary = /^([^?]+?) \? (.+?) : (.+)$/.exec(e);
  if (ternary) {
    return evaluate(ternary[1] as string, overrides)
      ? evaluate(ternary[2] as string, overrides)
      : evaluate(ternary[3] as string, overrides);
  }
  const equals = /^(\w+) == '([^']*)'$/.exec(e);
  if (equals) return evaluate(equals[1] as string, overrides) === equals[2];
  if (/^'@Microsoft\.KeyVault\(.*\)'$/.test(e)) return 'secret-resolved-by-app-service-from-key-vault';
  const literal = /^'([^'$]*)'$/.exec(e);
  if (literal) return literal[1] as string;
  const stringCall = /^string\((\w+)\)$/.exec(e);
  if (stringCall) return String(evaluate(stringCall[1] as string, overrides));
  if (e in overrides) return overrides[e] as Value;
  if (e in DEPLOYMENT_VALUES) return DEPLOYMENT_VALUES[e] as string;
  const variable = new RegExp(`^var ${e} = (.+)$`, 'm').exec(bicep);
  if (variable) return evaluate(variable[1] as string, overrides);
  const param = params.find((p) => p.name === e);
  assert.ok(param && param.defaultValue !== undefined, `no value for ${e}`);
  return param.defaultValue;
}

/** The environment App Service gives the app for a deployment with these parameters (else defaults). */
function environment(overrides: Record<string, Value> = {}): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.name, String(evaluate(s.expression, overrides))]));
}

const without = (env: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(env).filter(([k]) => k !== name));

/** The identifiers an expression mentions. */
const identifiers = (expression: string) =>
  expression
    .replace(/'(?:[^'$]|\$\{[^}]*\})*'/g, (s) => s.replace(/[^${}.\w]/g, ' '))
    .match(/[A-Za-z_]\w*/g) ?? [];

/** Whether an expression depends on a parameter, directly or through a variable. */
function usesParameter(expression: string, depth = 0): boolean {
  return identifiers(expression).some((id) => {
    if (paramNames.has(id)) return true;
    const variable = new RegExp(`^var ${id} = (.+)$`, 'm').exec(bicep);
    return depth < 3 && variable !== null && usesParameter(variable[1] as string, depth + 1);
  });
}

describe('deploy/main.bicep app settings', () => {
  it('sets each setting once, and only variables the app reads', () => {
    const names = settings.map((s) => s.name);
    assert.equal(new Set(names).size, names.length, `duplicates in ${names.join(', ')}`);
    assert.deepEqual(
      names.filter((n) => !CONFIG_VARIABLES.includes(n)),
      [],
      'App Service settings belong in platformSettings',
    );
  });

  it('covers every variable the live configuration reads, each from a parameter unless the template decides it', () => {
    assert.ok(CONFIG_VARIABLES.length > 30, `found ${CONFIG_VARIABLES.length} variables in src/config.ts`);
    const missing = CONFIG_VARIABLES.filter(
      (v) => !(v in NOT_ON_AZURE) && !settings.some((s) => s.name === v),
    );
    assert.deepEqual(
      missing,
      [],
      'add a parameter and an app setting for each, or say in NOT_ON_AZURE why not',
    );
    const fixed = settings
      .filter((s) => !usesParameter(s.expression) && s.name !== 'MicrosoftAppPassword')
      .map((s) => s.name);
    assert.deepEqual(fixed.sort(), Object.keys(DECIDED_BY_TEMPLATE).sort());
  });

  describe('against loadConfig from src/config.ts', () => {
    it('starts in live mode, authenticated, listening on all interfaces, on Azure Storage through the identity', () => {
      const env = environment();
      const config = loadConfig(env);
      assert.equal(config.tenant.mode, 'live');
      assert.equal(config.bot.appId, DEPLOYMENT_VALUES.botAppId);
      assert.equal(config.bot.appType, 'SingleTenant');
      assert.equal(config.http.host, '0.0.0.0');
      assert.deepEqual(config.store, {
        kind: 'azure',
        prefix: 'unblock',
        connectionString: undefined,
        endpoints: {
          table: 'https://stabc123.table.core.windows.net',
          queue: 'https://stabc123.queue.core.windows.net',
          blob: 'https://stabc123.blob.core.windows.net',
        },
        clientId: env.AZURE_CLIENT_ID,
        tenantId: env.AZURE_TENANT_ID,
        authorityHost: undefined,
      });
      assert.equal(config.worker.inProcess, false, 'the worker is its own app');
      assert.equal(config.approverGroupId, DEPLOYMENT_VALUES.approverGroupId);
      assert.equal(config.helpdeskGroupId, DEPLOYMENT_VALUES.helpdeskGroupId);
      assert.ok(config.tenant.mode === 'live' && config.tenant.clientId === env.AZURE_CLIENT_ID);
    });

    it("defaults every parameter to the app's own default", () => {
      const env = environment();
      const identity = [
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppType',
        'MicrosoftAppTenantId',
        'AZURE_TENANT_ID',
        'APPROVER_GROUP_ID',
        'HELPDESK_GROUP_ID',
        ...Object.keys(DECIDED_BY_TEMPLATE),
      ];
      const minimal = Object.fromEntries(Object.entries(env).filter(([k]) => identity.includes(k)));
      assert.deepEqual(loadConfig(env), loadConfig(minimal));
    });

    it('passes each parameter through: a non-default value reaches the configuration', () => {
      const config = loadConfig(
        environment({
          resumeGiveUpAfterHours: 48,
          tenantTimeZone: 'Europe/Copenhagen',
          allowSelfApproval: true,
          maxBodyKb: 512,
          workerPollIntervalMs: 250,
          allowedTenantIds: '22222222-2222-4222-8222-222222222222',
        }),
      );
      assert.equal(config.resume.giveUpAfterMs, 48 * 3600_000);
      assert.equal(config.timeZone, 'Europe/Copenhagen');
      assert.equal(config.approvals.allowSelfApproval, true);
      assert.equal(config.http.maxBodyBytes, 512 * 1024);
      assert.equal(config.worker.pollIntervalMs, 250);
      assert.deepEqual(config.security.allowedTenantIds, ['22222222-2222-4222-8222-222222222222']);
    });

    it('fails to start without each setting that config.ts requires in live mode', () => {
      const env = environment();
      const throwing = Object.keys(env).filter((name) => {
        try {
          loadConfig(without(env, name));
          return false;
        } catch (error) {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, new RegExp(`- ${name} `), `the error names ${name}`);
          return true;
        }
      });
      assert.deepEqual(throwing.sort(), [
        'APPROVER_GROUP_ID',
        'AZURE_STORAGE_ACCOUNT_URL',
        'AZURE_TENANT_ID',
        'HELPDESK_GROUP_ID',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
      ]);
    });

    it('starts without a helpdesk group only when allowAnyUserToStart says so', () => {
      assert.throws(() => loadConfig(environment({ helpdeskGroupId: '' })), /HELPDESK_GROUP_ID is required/);
      const open = loadConfig(environment({ helpdeskGroupId: '', allowAnyUserToStart: true }));
      assert.equal(open.helpdeskGroupId, undefined);
      assert.equal(open.anyUserMayStart, true);
    });

    it("uses the bot's own managed identity and no secret with botAuthentication=UserAssignedMSI", () => {
      const env = environment({ botAuthentication: 'UserAssignedMSI' });
      assert.equal(env.MicrosoftAppPassword, '');
      const config = loadConfig(env);
      assert.equal(config.bot.appType, 'UserAssignedMSI');
      assert.equal(config.bot.appId, DEPLOYMENT_VALUES['botIdentity.properties.clientId']);
      assert.notEqual(config.bot.appId, env.AZURE_CLIENT_ID, 'not the Microsoft 365 identity');
    });

    it('takes the card signing key from Key Vault only when asked to', () => {
      assert.equal(loadConfig(environment()).security.cardSigningSecret, undefined);
      assert.ok(loadConfig(environment({ cardSigningSecretInKeyVault: true })).security.cardSigningSecret);
    });

    it('would silently run in a wrong mode without TENANT_MODE, MicrosoftAppId or HOST', () => {
      const env = environment();
      assert.equal(loadConfig(without(env, 'TENANT_MODE')).tenant.mode, 'simulated');
      assert.equal(loadConfig(without(env, 'MicrosoftAppId')).bot.appId, undefined, 'unauthenticated');
      assert.equal(loadConfig(without(env, 'HOST')).http.host, '127.0.0.1', 'unreachable on App Service');
    });
  });

  it('docs/setup.md explains every setting the app needs in production', () => {
    const required = [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'TENANT_MODE',
      'AZURE_TENANT_ID',
      'AZURE_CLIENT_ID',
      'APPROVER_GROUP_ID',
      'HELPDESK_GROUP_ID',
      'ALLOW_ANY_USER_TO_START',
      'HOST',
    ];
    const missing = [...new Set([...required, ...settings.map((s) => s.name)])].filter(
      (name) => !new RegExp(`\\b${name}\\b`).test(setupDoc),
    );
    assert.deepEqual(missing, []);
  });
});
