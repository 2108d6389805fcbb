// The simulator's real token validation, called directly: tokens minted by the local authority (or forged
// around it) against Graph and Exchange paths, and the 401/403 envelopes the real services answer.
import { strict as assert } from 'node:assert';
import { generateKeyPairSync } from 'node:crypto';
import { request } from 'node:https';
import type { TenantError } from '../../../src/runbook/errors.js';
import { createLiveTenantGateway, SEED } from '../../../src/tenant/index.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from '../../support/tokenAuthority.js';
import { APPS, type AuthorityHarness, startAuthorityHarness } from './authorityHarness.js';
import { rejection } from './harness.js';

interface GraphErrorBody {
  error: { code: string; message: string; innerError: { 'request-id': string; date: string } };
}

const HOUR = 3600;

describe('simulator token validation', function () {
  this.timeout(30_000);
  let h: AuthorityHarness;
  before(async () => {
    h = await startAuthorityHarness();
  });
  after(() => h.dispose());
  beforeEach(() => h.httpSim.reset());

  const graphToken = (claims: Record<string, unknown> = {}) =>
    h.authority.mint(APPS.secret, GRAPH_RESOURCE, claims);
  const exchangeToken = (claims: Record<string, unknown> = {}) =>
    h.authority.mint(APPS.secret, EXCHANGE_RESOURCE, claims);
  // Tokens are signed asynchronously: the callers hand over the promise.
  const getUsers = async (pending?: string | Promise<string>) => {
    const token = await pending;
    return fetch(
      `${h.httpSim.graphBaseUrl}/users?$top=1`,
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
  };
  const invoke = async (pending?: string | Promise<string>) => {
    const token = await pending;
    return fetch(`${h.httpSim.exoBaseUrl}/${SEED.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-OrganizationConfig', Parameters: {} } }),
    });
  };

  async function assertGraph401(response: Response, message: string): Promise<void> {
    assert.equal(response.status, 401);
    assert.match(
      response.headers.get('www-authenticate') ?? '',
      /^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.com\//,
    );
    const body = (await response.json()) as GraphErrorBody;
    assert.equal(body.error.code, 'InvalidAuthenticationToken');
    assert.equal(body.error.message, message);
    assert.ok(body.error.innerError['request-id'] && body.error.innerError.date);
  }

  async function assertExchange401(response: Response, diagnostics: RegExp | null): Promise<void> {
    assert.equal(response.status, 401);
    assert.equal(await response.text(), '');
    assert.match(
      response.headers.get('www-authenticate') ?? '',
      /^Bearer client_id="00000002-0000-0ff1-ce00-000000000000".*error="invalid_token"/,
    );
    const header = response.headers.get('x-ms-diagnostics');
    if (diagnostics === null) assert.equal(header, null);
    else assert.match(header ?? '', diagnostics);
  }

  it('accepts a valid token for each API', async () => {
    assert.equal((await getUsers(graphToken())).status, 200);
    assert.equal((await invoke(exchangeToken())).status, 200);
  });

  it('refuses a missing token', async () => {
    await assertGraph401(await getUsers(), 'Access token is empty.');
    await assertExchange401(await invoke(), null);
  });

  it('refuses an expired token', async () => {
    const expired = { iat: now() - 2 * HOUR, nbf: now() - 2 * HOUR, exp: now() - HOUR };
    await assertGraph401(
      await getUsers(graphToken(expired)),
      'Lifetime validation failed, the token is expired.',
    );
    await assertExchange401(
      await invoke(exchangeToken(expired)),
      /^2000008;reason="The token has expired\.";error_category="invalid_token"$/,
    );
  });

  it('refuses a token for the other API (wrong audience)', async () => {
    await assertGraph401(
      await getUsers(exchangeToken()),
      'Access token validation failure. Invalid audience.',
    );
    await assertExchange401(await invoke(graphToken()), /^2000003;.*error_category="invalid_resource"$/);
  });

  it('refuses a token signed by another key, from another issuer, or for another tenant', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await h.authority.mint(APPS.secret, GRAPH_RESOURCE, {}, privateKey);
    await assertGraph401(await getUsers(forged), 'Access token validation failure.');
    await assertGraph401(
      await getUsers(graphToken({ iss: 'https://login.microsoftonline.com/someone-else/v2.0' })),
      'Access token validation failure. Invalid issuer.',
    );
    await assertGraph401(
      await getUsers(graphToken({ tid: '00000000-0000-4000-8000-000000000000' })),
      'Access token validation failure. Invalid tenant.',
    );
    await assertGraph401(
      await getUsers('not-a-jwt'),
      'CompactToken parsing failed with error code: 80049217',
    );
  });

  it('answers Exchange 403 with a NUL body to a token without Exchange.ManageAsApp; the gateway says what to grant', async () => {
    const noRole = await h.authority.mint(APPS.noExchangeRole, EXCHANGE_RESOURCE);
    const response = await invoke(noRole);
    assert.equal(response.status, 403);
    const body = await response.text();
    assert.ok(body.length > 0 && [...body].every((c) => c === '\u0000'), 'a body of NUL bytes');
    const gateway = createLiveTenantGateway({
      graphBaseUrl: h.httpSim.graphBaseUrl,
      exoBaseUrl: h.httpSim.exoBaseUrl,
      tenantId: SEED.tenantId,
      credential: h.authority.credentialFor(APPS.noExchangeRole),
      retry: { maxRetries: 0 },
    });
    const error = (await rejection(() => gateway.listRestrictedSenders())) as unknown as TenantError;
    assert.equal(error.code, 'Forbidden');
    assert.match(error.message, /Exchange\.ManageAsApp/);
    assert.equal((await gateway.findUsers('rob'))[0]?.userPrincipalName, SEED.users.rob.upn);
  });

  it('answers Graph 403 Authorization_RequestDenied when the app lacks the permission for the route', async () => {
    const usersOnly = await graphToken({ roles: ['User.Read.All'] });
    assert.equal((await getUsers(usersOnly)).status, 200);
    const response = await fetch(
      `${h.httpSim.graphBaseUrl}/users/${SEED.users.approver.id}/checkMemberGroups`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${usersOnly}`, 'content-type': 'application/json' },
        body: JSON.stringify({ groupIds: [SEED.groups.approvers] }),
      },
    );
    assert.equal(response.status, 403);
    const body = (await response.json()) as GraphErrorBody;
    assert.equal(body.error.code, 'Authorization_RequestDenied');
    assert.equal(body.error.message, 'Insufficient privileges to complete the operation.');
  });

  it('serves the same over HTTPS with the test CA', async () => {
    const token = await graphToken();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${h.httpsSim.graphBaseUrl}/organization`,
        { ca: h.ca.caCertPem, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 200);
    assert.match(h.httpsSim.baseUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
  });
});

function now(): number {
  return Math.floor(Date.now() / 1000);
}
