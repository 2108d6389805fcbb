import { strict as assert } from 'node:assert';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { SEED } from '../../../src/tenant/index.js';
import { createJwtValidator } from '../../../src/tenant/simulator/tokenValidation.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' };
const ISSUER = 'https://127.0.0.1:1/tenant/v2.0';
const NOW = 1_800_000_000;
const GRAPH = 'https://graph.microsoft.com';

function jwt(
  claims: Record<string, unknown>,
  alg: 'RS256' | 'PS256' = 'RS256',
  key: KeyObject = privateKey,
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid: 'k1' }).sign(key);
}

const claims = (over: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: GRAPH,
  tid: SEED.tenantId,
  nbf: NOW - 60,
  exp: NOW + 3600,
  roles: ['User.Read.All'],
  ...over,
});

describe('JWT validation in the simulator', () => {
  const validate = createJwtValidator({ issuer: ISSUER, jwks: { keys: [jwk] } }, () => new Date(NOW * 1000));

  it('accepts RS256 and PS256 signatures and refuses unsigned and HMAC tokens', async () => {
    for (const alg of ['RS256', 'PS256'] as const) {
      assert.deepEqual(await validate(await jwt(claims(), alg), GRAPH), {
        valid: true,
        roles: ['User.Read.All'],
        wids: [],
      });
    }
    const unsigned = new UnsecuredJWT(claims()).encode();
    assert.deepEqual(await validate(unsigned, GRAPH), { valid: false, reason: 'invalid-signature' });
    // The classic confusion: the public key, as text, used as an HMAC secret.
    const hmac = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(new TextEncoder().encode(JSON.stringify(jwk)));
    assert.deepEqual(await validate(hmac, GRAPH), { valid: false, reason: 'invalid-signature' });
  });

  it('accepts a valid token and returns its roles; the app id is an accepted audience', async () => {
    assert.deepEqual(await validate(await jwt(claims()), GRAPH), {
      valid: true,
      roles: ['User.Read.All'],
      wids: [],
    });
    const byAppId = await jwt(claims({ aud: '00000002-0000-0ff1-ce00-000000000000', roles: undefined }));
    assert.deepEqual(await validate(byAppId, 'https://outlook.office365.com'), {
      valid: true,
      roles: [],
      wids: [],
    });
  });

  it("returns the caller's Entra roles (wids) and service principal (oid) for Exchange's role checks", async () => {
    const token = await jwt(
      claims({
        wids: ['29232CDF-9323-42fd-ade2-1d097af3e4de', 42],
        oid: 'AAAAAAAA-0000-4000-8000-000000000001',
      }),
    );
    assert.deepEqual(await validate(token, GRAPH), {
      valid: true,
      roles: ['User.Read.All'],
      wids: ['29232CDF-9323-42fd-ade2-1d097af3e4de'],
      principalId: 'aaaaaaaa-0000-4000-8000-000000000001',
    });
  });

  it('tolerates five minutes of clock skew, not more', async () => {
    assert.equal(
      ((await validate(await jwt(claims({ exp: NOW - 299 })), GRAPH)) as { valid: boolean }).valid,
      true,
    );
    assert.deepEqual(await validate(await jwt(claims({ exp: NOW - 301 })), GRAPH), {
      valid: false,
      reason: 'expired',
    });
    assert.deepEqual(await validate(await jwt(claims({ nbf: NOW + 301 })), GRAPH), {
      valid: false,
      reason: 'not-yet-valid',
    });
  });

  it('names why a token is refused', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cases: Array<[string, string]> = [
      [await jwt(claims(), 'RS256', other), 'invalid-signature'],
      [await jwt(claims({ exp: undefined })), 'expired'],
      [await jwt(claims({ iss: 'https://sts.windows.net/x/' })), 'wrong-issuer'],
      [await jwt(claims({ aud: 'https://outlook.office365.com' })), 'wrong-audience'],
      [await jwt(claims({ tid: 'another-tenant' })), 'wrong-tenant'],
      ['xyz', 'malformed'],
      ['a.b.c', 'malformed'],
    ];
    for (const [token, reason] of cases)
      assert.deepEqual(await validate(token, GRAPH), { valid: false, reason });
  });
});
