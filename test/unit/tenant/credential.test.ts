import { strict as assert } from 'node:assert';
import { ClientCertificateCredential, ClientSecretCredential, DefaultAzureCredential } from '@azure/identity';
import { createLiveCredential, StaticTokenCredential } from '../../../src/tenant/index.js';

describe('credentials', () => {
  const tenantId = '00000000-0000-4000-8000-000000000001';

  it('uses a client secret when one is configured', () => {
    const c = createLiveCredential({ tenantId, clientId: 'app', clientSecret: 'not-a-real-secret' });
    assert.ok(c instanceof ClientSecretCredential);
  });

  it('prefers a client certificate', () => {
    const c = createLiveCredential({
      tenantId,
      clientId: 'app',
      clientCertificatePath: '/nonexistent/cert.pem',
    });
    assert.ok(c instanceof ClientCertificateCredential);
  });

  it('falls back to DefaultAzureCredential (managed identity, Azure CLI)', () => {
    assert.ok(createLiveCredential({ tenantId }) instanceof DefaultAzureCredential);
    assert.ok(createLiveCredential({ tenantId, clientId: 'mi-client-id' }) instanceof DefaultAzureCredential);
  });

  it('the static credential returns its token with an expiry an hour ahead', async () => {
    const token = await new StaticTokenCredential('fixed', () => 1000).getToken();
    assert.deepEqual(token, { token: 'fixed', expiresOnTimestamp: 1000 + 3600_000, tokenType: 'Bearer' });
  });
});
