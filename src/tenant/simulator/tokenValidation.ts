// Real bearer-token validation for the simulator: the token must be a JWT signed (RS256/PS256) by a key of
// the trusted authority's JWKS, issued by it (`iss`), for the API called (`aud`), for the seeded tenant
// (`tid`), and within its lifetime (`exp`/`nbf`, with clock skew). The token's app roles go back to the
// server, which checks them per route (permissions.ts), with its `wids` and `oid` for Exchange's role checks.
import type { JsonWebKey } from 'node:crypto';
import type { TokenVerdict } from './auth.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';
import { SEED } from './seed.js';
import type { TokenAudience, TokenValidator } from './server.js';

export interface TrustedAuthority {
  /** The `iss` its access tokens carry, e.g. https://login.microsoftonline.com/{tenant}/v2.0. */
  issuer: string;
  /** Its signing keys: the document at its jwks_uri. */
  jwks: { keys: JsonWebKey[] };
  /** The `tid` tokens must carry. Default: the seeded tenant. */
  tenantId?: string;
  /** Tolerated clock skew on exp and nbf. Default 300 s, what Microsoft's token validation allows. */
  clockSkewSeconds?: number;
}

/** What each API accepts in `aud`: its resource URI, or its first-party app id (v2.0 tokens). */
const AUDIENCES: Record<TokenAudience, readonly string[]> = {
  'https://graph.microsoft.com': [
    'https://graph.microsoft.com',
    'https://graph.microsoft.com/',
    '00000003-0000-0000-c000-000000000000',
  ],
  'https://outlook.office365.com': [
    'https://outlook.office365.com',
    'https://outlook.office365.com/',
    '00000002-0000-0ff1-ce00-000000000000',
  ],
};

export function createJwtValidator(authority: TrustedAuthority, now: () => Date): TokenValidator {
  const tenantId = (authority.tenantId ?? SEED.tenantId).toLowerCase();
  const skew = authority.clockSkewSeconds ?? 300;
  return (token, audience): TokenVerdict => {
    const jwt = decodeJwt(token);
    if (jwt === null) return { valid: false, reason: 'malformed' };
    const keys = authority.jwks.keys.filter((k) => jwt.header.kid === undefined || k.kid === jwt.header.kid);
    if (!keys.some((key) => verifyJwtSignature(jwt, key)))
      return { valid: false, reason: 'invalid-signature' };
    const claims = jwt.payload;
    const nowSeconds = now().getTime() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds - skew)
      return { valid: false, reason: 'expired' };
    if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + skew)
      return { valid: false, reason: 'not-yet-valid' };
    if (claims.iss !== authority.issuer) return { valid: false, reason: 'wrong-issuer' };
    if (typeof claims.aud !== 'string' || !AUDIENCES[audience].includes(claims.aud))
      return { valid: false, reason: 'wrong-audience' };
    if (typeof claims.tid !== 'string' || claims.tid.toLowerCase() !== tenantId)
      return { valid: false, reason: 'wrong-tenant' };
    const strings = (claim: unknown) =>
      Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : [];
    return {
      valid: true,
      roles: strings(claims.roles),
      wids: strings(claims.wids),
      ...(typeof claims.oid === 'string' ? { principalId: claims.oid.toLowerCase() } : {}),
    };
  };
}
