// Real bearer-token validation for the simulator, with jose: the token must be a JWT signed (RS256/PS256) by
// a key of the trusted authority's JWKS, issued by it (`iss`), for the API called (`aud`), for the seeded
// tenant (`tid`), and within its lifetime (`exp`/`nbf`, with clock skew). The token's app roles go back to
// the server, which checks them per route (permissions.ts), with its `wids` and `oid` for Exchange's role
// checks.
import type { JsonWebKey } from 'node:crypto';
import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify } from 'jose';
import type { TokenRejection, TokenVerdict } from './auth.js';
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
const AUDIENCES: Record<TokenAudience, string[]> = {
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
  const keys = createLocalJWKSet(authority.jwks as JSONWebKeySet);
  return async (token, audience): Promise<TokenVerdict> => {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        algorithms: ['RS256', 'PS256'],
        issuer: authority.issuer,
        audience: AUDIENCES[audience],
        requiredClaims: ['exp'],
        clockTolerance: authority.clockSkewSeconds ?? 300,
        currentDate: now(),
      }));
    } catch (error) {
      return { valid: false, reason: rejection(error) };
    }
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

/** jose's reason, in the words Graph and Exchange use (auth.ts). */
function rejection(error: unknown): TokenRejection {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'exp':
        return 'expired';
      case 'nbf':
        return 'not-yet-valid';
      case 'iss':
        return 'wrong-issuer';
      case 'aud':
        return 'wrong-audience';
      default:
        return 'refused';
    }
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JOSEAlgNotAllowed
  )
    return 'invalid-signature';
  if (error instanceof errors.JOSEError) return 'malformed';
  throw error;
}
