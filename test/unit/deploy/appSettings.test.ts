// deploy/main.bicep against src/config.ts: the app settings the template sets must start the app in
// live mode, be variables the app knows, and be explained in docs/setup.md. No Bicep compiler runs
// here, so the template is read as text: its `var appSettings = [ … ]` block of { name, value } objects.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';

const ROOT = path.join(__dirname, '..', '..', '..');
const bicep = readFileSync(path.join(ROOT, 'deploy', 'main.bicep'), 'utf8');
const setupDoc = readFileSync(path.join(ROOT, 'docs', 'setup.md'), 'utf8');
const envExample = readFileSync(path.join(ROOT, '.env.example'), 'utf8');

/** App Service's own settings (not read by the app), allowed in the template beside config variables. */
const APP_SERVICE_SETTINGS = ['SCM_DO_BUILD_DURING_DEPLOYMENT'];

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

const literal = (expression: string) => /^'([^'$]*)'$/.exec(expression)?.[1];

/** A valid stand-in for a value the template computes at deployment (parameters, resource properties). */
function dummyValue(setting: AppSetting): string {
  const fixed = literal(setting.expression);
  if (fixed !== undefined) return fixed;
  const byName: Record<string, string> = {
    MicrosoftAppId: '11111111-1111-4111-8111-111111111111',
    // App Service resolves the Key Vault reference before the process starts.
    MicrosoftAppPassword: 'secret-from-key-vault',
    MicrosoftAppTenantId: '22222222-2222-4222-8222-222222222222',
    AZURE_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    AZURE_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
    APPROVER_GROUP_ID: '44444444-4444-4444-8444-444444444444',
    HELPDESK_GROUP_ID: '',
    LOG_LEVEL: 'info',
    RESUME_POLL_INTERVAL_S: '60',
    RESUME_GIVE_UP_AFTER_H: '24',
    // The storage account's blob endpoint, as ARM reports it (with a trailing slash).
    AZURE_STORAGE_ACCOUNT_URL: 'https://stabc123.blob.core.windows.net/',
    AZURE_STORAGE_PREFIX: 'unblock',
  };
  const value = byName[setting.name];
  assert.ok(value !== undefined, `no dummy value for ${setting.name} = ${setting.expression}`);
  return value;
}

const settings = appSettingsOf(bicep);
const appEnv = Object.fromEntries(
  settings.filter((s) => !APP_SERVICE_SETTINGS.includes(s.name)).map((s) => [s.name, dummyValue(s)]),
);
const without = (name: string) => Object.fromEntries(Object.entries(appEnv).filter(([k]) => k !== name));

describe('deploy/main.bicep app settings', () => {
  it('sets the settings the production configuration needs, once each', () => {
    const names = settings.map((s) => s.name);
    assert.equal(new Set(names).size, names.length, `duplicates in ${names.join(', ')}`);
    assert.ok(names.length >= 15, `only ${names.length} settings found`);
  });

  describe('(a) against loadConfig from src/config.ts', () => {
    it('starts in live mode, authenticated, listening on all interfaces, on Azure Storage through the identity', () => {
      const config = loadConfig(appEnv);
      assert.equal(config.tenant.mode, 'live');
      assert.equal(config.bot.appId, appEnv.MicrosoftAppId);
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
        clientId: appEnv.AZURE_CLIENT_ID,
        tenantId: appEnv.AZURE_TENANT_ID,
        authorityHost: undefined,
      });
      assert.equal(config.worker.inProcess, false, 'the worker is its own app');
      assert.equal(config.approverGroupId, appEnv.APPROVER_GROUP_ID);
      assert.ok(config.tenant.mode === 'live' && config.tenant.clientId === appEnv.AZURE_CLIENT_ID);
    });

    it('fails to start without each setting that config.ts requires in live mode', () => {
      const throwing = Object.keys(appEnv).filter((name) => {
        try {
          loadConfig(without(name));
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
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
      ]);
    });

    it('would silently run in a wrong mode without TENANT_MODE, MicrosoftAppId or HOST', () => {
      assert.equal(loadConfig(without('TENANT_MODE')).tenant.mode, 'simulated');
      assert.equal(loadConfig(without('MicrosoftAppId')).bot.appId, undefined, 'unauthenticated');
      assert.equal(loadConfig(without('HOST')).http.host, '127.0.0.1', 'unreachable on App Service');
    });

    it('takes the bot secret from Key Vault and the Azure identity from the managed identity', () => {
      const expression = (name: string) => settings.find((s) => s.name === name)?.expression ?? '';
      assert.match(
        expression('MicrosoftAppPassword'),
        /^'@Microsoft\.KeyVault\(SecretUri=\$\{botPasswordSecret\.properties\.secretUri\}\)'$/,
      );
      assert.equal(expression('AZURE_CLIENT_ID'), 'identity.properties.clientId');
      assert.equal(expression('MicrosoftAppId'), 'botAppId');
      assert.equal(expression('MicrosoftAppTenantId'), 'tenantId');
      assert.equal(expression('AZURE_TENANT_ID'), 'tenantId');
    });
  });

  it('(b) sets only variables the app knows (.env.example) and App Service settings', () => {
    const known = new Set([...envExample.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    assert.ok(known.has('TENANT_MODE') && known.has('MicrosoftAppId'), '.env.example is readable');
    const unknown = settings
      .map((s) => s.name)
      .filter((name) => !known.has(name) && !APP_SERVICE_SETTINGS.includes(name));
    assert.deepEqual(unknown, []);
    for (const name of APP_SERVICE_SETTINGS) assert.match(name, /^(SCM|WEBSITES?)_/);
  });

  it('(c) docs/setup.md explains every setting the app needs in production', () => {
    const required = [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppType',
      'MicrosoftAppTenantId',
      'TENANT_MODE',
      'AZURE_TENANT_ID',
      'AZURE_CLIENT_ID',
      'APPROVER_GROUP_ID',
      'HOST',
    ];
    const missing = [...new Set([...required, ...settings.map((s) => s.name)])].filter(
      (name) => !new RegExp(`\\b${name}\\b`).test(setupDoc),
    );
    assert.deepEqual(missing, []);
  });
});
