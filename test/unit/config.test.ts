import { strict as assert } from 'node:assert';
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
    assert.deepEqual(config.resume, { pollIntervalMs: 60_000, giveUpAfterMs: 24 * 3600_000 });
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
      RESUME_POLL_INTERVAL_S: '30',
    });
    assert.equal(config.tenant.mode, 'live');
    assert.equal(config.resume.pollIntervalMs, 30_000);
    if (config.tenant.mode === 'live')
      assert.equal(config.tenant.graphBaseUrl, 'https://graph.microsoft.com/v1.0');
  });
});
