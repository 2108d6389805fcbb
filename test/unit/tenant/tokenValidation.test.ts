import { strict as assert } from 'node:assert';
import { constants, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { SEED } from '../../../src/tenant/index.js';
import { decodeJwt, verifyJwtSignature } from '../../../src/tenant/simulator/jwt.js';
import { createJwtValidator } from '../../../src/tenant/simulator/tokenValidation.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' };
const ISSUER = 'https://127.0.0.1:1/tenant/v2.0';
const NOW = 1_800_000_000;

function jwt(
  claims: Record<string, unknown>,
  alg: 'RS256' | 'PS256' = 'RS256',
  key: KeyObject = privateKey,
): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg, typ: 'JWT', kid: 'k1' })}.${part(claims)}`;
  const signature =
    alg === 'RS256'
      ? sign('sha256', Buffer.from(input), key)
      : sign('sha256', Buffer.from(input), {
          key,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
        });
  return `${input}.${signature.toString('base64url')}`;
}

const claims = (over: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  aud: 'https://graph.microsoft.com',
  tid: SEED.tenantId,
  nbf: NOW - 60,
  exp: NOW + 3600,
  roles: ['User.Read.All'],
  ...over,
});

describe('JWT validation in the simulator', () => {
  const validate = createJwtValidator({ issuer: ISSUER, jwks: { keys: [jwk] } }, () => new Date(NOW * 1000));

  it('verifies RS256 and PS256 signatures and refuses other algorithms', () => {
    for (const alg of ['RS256', 'PS256'] as const) {
      const decoded = decodeJwt(jwt(claims(), alg));
      assert.ok(decoded && verifyJwtSignature(decoded, publicKey));
    }
    const none = decodeJwt(`${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`);
    assert.ok(none && !verifyJwtSignature(none, publicKey));
    assert.equal(decodeJwt('a.b'), null);
  });

  it('accepts a valid token and returns its roles; the app id is an accepted audience', () => {
    assert.deepEqual(validate(jwt(claims()), 'https://graph.microsoft.com'), {
      valid: true,
      roles: ['User.Read.All'],
      wids: [],
    });
    const byAppId = jwt(claims({ aud: '00000002-0000-0ff1-ce00-000000000000', roles: undefined }));
    assert.deepEqual(validate(byAppId, 'https://outlook.office365.com'), {
      valid: true,
      roles: [],
      wids: [],
    });
  });

  it("returns the caller's Entra roles (wids) and service principal (oid) for Exchange's role checks", () => {
    const token = jwt(
      claims({
        wids: ['29232CDF-9323-42fd-ade2-1d097af3e4de', 42],
        oid: 'AAAAAAAA-0000-4000-8000-000000000001',
      }),
    );
    assert.deepEqual(validate(token, 'https://graph.microsoft.com'), {
      valid: true,
      roles: ['User.Read.All'],
      wids: ['29232CDF-9323-42fd-ade2-1d097af3e4de'],
      principalId: 'aaaaaaaa-0000-4000-8000-000000000001',
    });
  });

  it('tolerates five minutes of clock skew, not more', () => {
    assert.equal(
      (validate(jwt(claims({ exp: NOW - 299 })), 'https://graph.microsoft.com') as { valid: boolean }).valid,
      true,
    );
    assert.deepEqual(validate(jwt(claims({ exp: NOW - 301 })), 'https://graph.microsoft.com'), {
      valid: false,
      reason: 'expired',
    });
    assert.deepEqual(validate(jwt(claims({ nbf: NOW + 301 })), 'https://graph.microsoft.com'), {
      valid: false,
      reason: 'not-yet-valid',
    });
  });

  it('names why a token is refused', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cases: Array<[string, string]> = [
      [jwt(claims(), 'RS256', other), 'invalid-signature'],
      [jwt(claims({ exp: undefined })), 'expired'],
      [jwt(claims({ iss: 'https://sts.windows.net/x/' })), 'wrong-issuer'],
      [jwt(claims({ aud: 'https://outlook.office365.com' })), 'wrong-audience'],
      [jwt(claims({ tid: 'another-tenant' })), 'wrong-tenant'],
      ['xyz', 'malformed'],
    ];
    for (const [token, reason] of cases)
      assert.deepEqual(validate(token, 'https://graph.microsoft.com'), { valid: false, reason });
  });
});
