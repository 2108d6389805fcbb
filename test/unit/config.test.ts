import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  return [];
}

describe('configuration', () => {
  it('runs locally with no variables at all: simulated tenant, SQLite in ./data, port 3978 on loopback', () => {
    const config = loadConfig({});
    assert.equal(config.http.port, 3978);
    assert.equal(config.http.host, '127.0.0.1');
    assert.equal(config.http.maxBodyBytes, 256 * 1024);
    assert.equal(config.tenant.mode, 'simulated');
    assert.deepEqual(config.store, { kind: 'sqlite', dataDir: './data' });
    assert.equal(config.bot.appId, undefined);
    assert.deepEqual(config.resume, {
      pollIntervalMs: 5_000,
      giveUpAfterMs: 24 * 3600_000,
      messageTraceCallsPer5Min: 50,
    });
  });

  it('polls the Restricted list every minute against a live tenant, every 5 s against the simulated one', () => {
    const live = loadConfig({
      TENANT_MODE: 'live',
      AZURE_TENANT_ID: '77ba9c8f-8432-4421-935c-e5c7e1fccbcf',
      APPROVER_GROUP_ID: 'b9dbc3cb-35c5-4306-bbd9-628babd3bf6c',
      HELPDESK_GROUP_ID: '258821ab-563d-4d96-a90b-e6c700f5e1dc',
    });
    assert.equal(live.resume.pollIntervalMs, 60_000);
    assert.equal(loadConfig({}).resume.pollIntervalMs, 5_000);
  });

  it('keeps the resume monitor within Graph message trace: 10-day windows, 100 calls per 5 minutes', () => {
    const tooLong = problems({ RESUME_GIVE_UP_AFTER_H: '241' });
    assert.equal(tooLong.length, 1);
    assert.match(tooLong[0] ?? '', /^RESUME_GIVE_UP_AFTER_H must be at most 240 hours \(10 days/);
    assert.equal(loadConfig({ RESUME_GIVE_UP_AFTER_H: '240' }).resume.giveUpAfterMs, 240 * 3600_000);
    assert.match(
      problems({ MESSAGE_TRACE_CALLS_PER_5_MIN: '101' })[0] ?? '',
      /^MESSAGE_TRACE_CALLS_PER_5_MIN /,
    );
    assert.match(
      problems({ MESSAGE_TRACE_CALLS_PER_5_MIN: '0' })[0] ?? '',
      /^MESSAGE_TRACE_CALLS_PER_5_MIN /,
    );
    assert.equal(loadConfig({ MESSAGE_TRACE_CALLS_PER_5_MIN: '80' }).resume.messageTraceCallsPer5Min, 80);
  });

  it('treats empty variables (as .env.example leaves them) as unset', () => {
    assert.equal(loadConfig({ MicrosoftAppId: '', PORT: '', APPROVER_GROUP_ID: ' ' }).bot.appId, undefined);
  });

  it('names every bad variable on its own line', () => {
    const found = problems({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      MicrosoftAppId: 'not-a-guid',
      TENANT_MODE: 'cloud',
    });
    assert.equal(found.length, 4);
    for (const name of ['PORT', 'LOG_LEVEL', 'MicrosoftAppId', 'TENANT_MODE']) {
      assert.ok(
        found.some((p) => p.startsWith(`${name} `)),
        `${name} in ${found.join(' | ')}`,
      );
    }
  });

  it('requires what live mode needs', () => {
    const found = problems({ TENANT_MODE: 'live' });
    assert.ok(found.some((p) => p.startsWith('AZURE_TENANT_ID ')));
    assert.ok(found.some((p) => p.startsWith('APPROVER_GROUP_ID ')));
  });

  describe('who may start a request in live mode', () => {
    const live = {
      TENANT_MODE: 'live',
      AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
      APPROVER_GROUP_ID: '00000000-0000-0000-0000-000000000002',
    };

    it('refuses live mode without HELPDESK_GROUP_ID, naming the opt-out', () => {
      const found = problems(live);
      assert.equal(found.length, 1, found.join(' | '));
      assert.match(found[0] ?? '', /^HELPDESK_GROUP_ID is required when TENANT_MODE=live/);
      assert.match(found[0] ?? '', /ALLOW_ANY_USER_TO_START=true/);
    });

    it('starts with a helpdesk group, or with the explicit opt-out', () => {
      const grouped = loadConfig({ ...live, HELPDESK_GROUP_ID: '00000000-0000-0000-0000-000000000003' });
      assert.equal(grouped.helpdeskGroupId, '00000000-0000-0000-0000-000000000003');
      assert.equal(grouped.anyUserMayStart, false);
      const open = loadConfig({ ...live, ALLOW_ANY_USER_TO_START: 'true' });
      assert.equal(open.helpdeskGroupId, undefined);
      assert.equal(open.anyUserMayStart, true);
      assert.ok(problems({ ...live, ALLOW_ANY_USER_TO_START: 'false' }).length === 1);
      assert.ok(problems({ ...live, ALLOW_ANY_USER_TO_START: 'yes' }).some((p) => p.startsWith('ALLOW_ANY')));
    });

    it('lets anyone start requests in simulated mode, where there is nobody real to protect', () => {
      assert.equal(loadConfig({}).helpdeskGroupId, undefined);
    });
  });

  it('refuses a Key Vault reference that App Service left unresolved, once per variable', () => {
    const found = problems({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000009',
      MicrosoftAppPassword: '@Microsoft.KeyVault(VaultName=kvabc;SecretName=MicrosoftAppPassword)',
      CARD_SIGNING_SECRET:
        ' @Microsoft.KeyVault(SecretUri=https://kvabc.vault.azure.net/secrets/CardSigningSecret)',
    });
    assert.equal(found.length, 2, found.join(' | '));
    for (const name of ['MicrosoftAppPassword', 'CARD_SIGNING_SECRET'])
      assert.ok(
        found.some((p) => p.startsWith(`${name} is a Key Vault reference that App Service did not resolve`)),
      );
  });

  it('requires the bot password and tenant with an app id', () => {
    const found = problems({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' });
    assert.ok(found.some((p) => p.startsWith('MicrosoftAppPassword ')));
    assert.ok(found.some((p) => p.startsWith('MicrosoftAppTenantId ')));
  });

  it('never echoes a secret in a problem', () => {
    const found = problems({
      TENANT_MODE: 'live',
      AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
      APPROVER_GROUP_ID: '00000000-0000-0000-0000-000000000002',
      AZURE_CLIENT_SECRET: 'super-secret-value',
      AZURE_CLIENT_CERTIFICATE_PATH: '/tmp/cert.pem',
    });
    assert.ok(found.length > 0);
    assert.ok(found.every((p) => !p.includes('super-secret-value')));
  });

  it('reads a complete live configuration', () => {
    const config = loadConfig({
      TENANT_MODE: 'live',
      AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000003',
      AZURE_CLIENT_CERTIFICATE_PATH: '/secrets/cert.pem',
      APPROVER_GROUP_ID: '00000000-0000-0000-0000-000000000002',
      HELPDESK_GROUP_ID: '00000000-0000-0000-0000-000000000004',
      RESUME_POLL_INTERVAL_S: '30',
    });
    assert.equal(config.tenant.mode, 'live');
    assert.equal(config.resume.pollIntervalMs, 30_000);
    if (config.tenant.mode === 'live')
      assert.equal(config.tenant.graphBaseUrl, 'https://graph.microsoft.com/v1.0');
  });

  it('defaults the Bot Framework endpoints and the security limits to the public cloud and safe values', () => {
    const config = loadConfig({});
    assert.deepEqual(config.bot.channel, {
      cloud: 'public',
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      tokenIssuer: 'https://api.botframework.com',
      loginUrl: 'https://login.microsoftonline.com/botframework.com',
      oauthScope: 'https://api.botframework.com',
    });
    assert.deepEqual(config.security, {
      allowedTenantIds: undefined,
      cardSigningSecret: undefined,
      userRateLimitPerMinute: 60,
      maxConcurrentTurns: 64,
    });
  });

  describe("Bot Framework endpoints under botbuilder's own setting names", () => {
    // ConfigurationBotFrameworkAuthentication's keys: what a Bot Framework admin already has in App Service.
    it('reads BotOpenIdMetadata, ToBotFromChannelTokenIssuer, ToChannelFromBotLoginUrl and ToChannelFromBotOAuthScope', () => {
      const channel = loadConfig({
        BotOpenIdMetadata: 'https://issuer.example/v1/.well-known/openidconfiguration',
        ToBotFromChannelTokenIssuer: 'https://issuer.example',
        ToChannelFromBotLoginUrl: 'https://login.example/botframework.com',
        ToChannelFromBotOAuthScope: 'https://channel.example',
      }).bot.channel;
      assert.deepEqual(channel, {
        cloud: 'public',
        openIdMetadataUrl: 'https://issuer.example/v1/.well-known/openidconfiguration',
        tokenIssuer: 'https://issuer.example',
        loginUrl: 'https://login.example/botframework.com',
        oauthScope: 'https://channel.example',
      });
    });

    it('keeps the BOT_* names as aliases, and accepts both when they agree', () => {
      assert.equal(
        loadConfig({ BOT_LOGIN_URL: 'https://login.example/botframework.com' }).bot.channel.loginUrl,
        'https://login.example/botframework.com',
      );
      const same = 'https://issuer.example';
      assert.equal(
        loadConfig({ BOT_TOKEN_ISSUER: same, ToBotFromChannelTokenIssuer: same }).bot.channel.tokenIssuer,
        same,
      );
    });

    it('refuses to start when a name and its alias disagree, naming both', () => {
      const found = problems({
        BOT_OAUTH_SCOPE: 'https://a.example',
        ToChannelFromBotOAuthScope: 'https://b.example',
        BOT_OPENID_METADATA: 'https://a.example/metadata',
        BotOpenIdMetadata: 'https://b.example/metadata',
      });
      assert.equal(found.length, 2);
      assert.match(
        found[0] ?? '',
        /^BotOpenIdMetadata and BOT_OPENID_METADATA are both set, to different values/,
      );
      assert.match(found[1] ?? '', /^ToChannelFromBotOAuthScope and BOT_OAUTH_SCOPE are both set/);
    });

    it('takes the US Government cloud from ChannelService, and refuses an unknown one', () => {
      const channel = loadConfig({ ChannelService: 'https://botframework.azure.us' }).bot.channel;
      assert.deepEqual(channel, {
        cloud: 'usgov',
        openIdMetadataUrl: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
        tokenIssuer: 'https://api.botframework.us',
        loginUrl: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
        oauthScope: 'https://api.botframework.us',
      });
      assert.match(
        problems({ ChannelService: 'https://botframework.example' })[0] ?? '',
        /^ChannelService must be empty/,
      );
    });

    it('refuses an http login URL under either name', () => {
      assert.match(problems({ ToChannelFromBotLoginUrl: 'http://login.example/x' })[0] ?? '', /https/);
      assert.match(problems({ BOT_LOGIN_URL: 'http://login.example/x' })[0] ?? '', /https/);
    });

    it('refuses a password with a managed identity', () => {
      const found = problems({
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
        MicrosoftAppPassword: 'secret-that-must-not-be-echoed',
      });
      assert.equal(found.length, 1);
      assert.match(
        found[0] ?? '',
        /^MicrosoftAppPassword must be empty with MicrosoftAppType=UserAssignedMSI/,
      );
      assert.ok(!found[0]?.includes('secret-that-must-not-be-echoed'));
    });
  });

  it('reads ALLOWED_TENANT_IDS as a comma-separated list of GUIDs', () => {
    const ids = '11111111-1111-4111-8111-111111111111, 22222222-2222-4222-8222-222222222222';
    assert.deepEqual(loadConfig({ ALLOWED_TENANT_IDS: ids }).security.allowedTenantIds, [
      '11111111-1111-4111-8111-111111111111',
      '22222222-2222-4222-8222-222222222222',
    ]);
  });

  it('names bad security settings without echoing a secret', () => {
    const found = problems({
      ALLOWED_TENANT_IDS: 'contoso.com',
      CARD_SIGNING_SECRET: 'short-secret',
      USER_RATE_LIMIT_PER_MIN: '0',
      MAX_CONCURRENT_TURNS: 'many',
      BOT_LOGIN_URL: 'http://127.0.0.1:1/botframework.com',
      BOT_OPENID_METADATA: 'not a url',
    });
    for (const name of [
      'ALLOWED_TENANT_IDS',
      'CARD_SIGNING_SECRET',
      'USER_RATE_LIMIT_PER_MIN',
      'MAX_CONCURRENT_TURNS',
      'BOT_LOGIN_URL',
      'BOT_OPENID_METADATA',
    ]) {
      assert.ok(
        found.some((p) => p.startsWith(`${name} `)),
        `${name} in ${found.join(' | ')}`,
      );
    }
    assert.ok(found.every((p) => !p.includes('short-secret')));
  });
});

describe('configuration of the Azure Storage store', () => {
  it('derives the table, queue and blob endpoints from any one of them, in any cloud', () => {
    const config = loadConfig({
      STORE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://stabc123.queue.core.usgovcloudapi.net/',
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
    });
    assert.deepEqual(config.store, {
      kind: 'azure',
      prefix: 'unblock',
      connectionString: undefined,
      endpoints: {
        table: 'https://stabc123.table.core.usgovcloudapi.net',
        queue: 'https://stabc123.queue.core.usgovcloudapi.net',
        blob: 'https://stabc123.blob.core.usgovcloudapi.net',
      },
      clientId: '00000000-0000-0000-0000-000000000001',
      tenantId: undefined,
      authorityHost: undefined,
    });
  });

  it('takes a connection string (Azurite) and a name prefix', () => {
    const config = loadConfig({
      STORE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      AZURE_STORAGE_PREFIX: 'staging2',
    });
    assert.equal(
      config.store.kind === 'azure' && config.store.connectionString,
      'UseDevelopmentStorage=true',
    );
    assert.equal(config.store.kind === 'azure' && config.store.prefix, 'staging2');
  });

  it('needs exactly one of an account URL and a connection string, and names the variable', () => {
    assert.deepEqual(problems({ STORE: 'azure' }), [
      'AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING is required when STORE=azure',
    ]);
    const both = problems({
      STORE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://stabc.blob.core.windows.net',
      AZURE_STORAGE_CONNECTION_STRING: 'AccountKey=secret-key-value',
    });
    assert.equal(both.length, 1);
    assert.match(
      both[0] ?? '',
      /^AZURE_STORAGE_ACCOUNT_URL and AZURE_STORAGE_CONNECTION_STRING are both set/,
    );
    assert.ok(
      both.every((p) => !p.includes('secret-key-value')),
      'the connection string is never echoed',
    );
  });

  it('refuses an account URL that is not a storage endpoint, and a bad prefix', () => {
    for (const url of [
      'http://stabc.blob.core.windows.net',
      'https://example.com',
      'https://stabc.file.core.windows.net',
    ]) {
      assert.match(
        problems({ STORE: 'azure', AZURE_STORAGE_ACCOUNT_URL: url })[0] ?? '',
        /AZURE_STORAGE_ACCOUNT_URL must be an endpoint/,
      );
    }
    assert.match(
      problems({
        STORE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: 'x',
        AZURE_STORAGE_PREFIX: 'Bad-Prefix',
      })[0] ?? '',
      /^AZURE_STORAGE_PREFIX must be 3–20 lowercase letters/,
    );
  });
});

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    const source = readFileSync(path.join(__dirname, '../../src/config.ts'), 'utf8');
    const schema = source.slice(source.indexOf('const schema = z'), source.indexOf('.superRefine('));
    const variables = [...schema.matchAll(/^ {4}([A-Za-z][A-Za-z0-9_]*):/gm)].map((m) => m[1]);
    assert.ok(variables.length > 30, `found ${variables.length} variables`);
    const example = readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
    const missing = variables.filter((v) => !new RegExp(`^${v}=`, 'm').test(example));
    assert.deepEqual(missing, []);
  });
});
