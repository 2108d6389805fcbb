// Accepts only a Microsoft Entra ID access token that Teams single sign-on issued for this app, verified
// with jose: the signature against the tenant authority's published keys (its OpenID configuration's
// jwks_uri under AZURE_AUTHORITY_HOST), the issuer (the v2.0 one, or v1's sts issuer when the app
// registration keeps accessTokenAcceptedVersion at 1), the audience (api://{BOT_DOMAIN}/{app id} for v1
// tokens, the app id for v2.0), the tenant (ALLOWED_TENANT_IDS), the lifetime (5 minutes of clock skew,
// as Entra allows) and a delegated scope (access_as_user), so an app-only token is refused too.
// https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
// Refusals carry a reason for the log, never the token or anything taken from it.
import { createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify } from 'jose';

export interface SignedInPerson {
  aadObjectId: string;
  name: string;
  tenantId: string;
}

export type TokenRefusal =
  | 'missing'
  | 'malformed'
  | 'invalid-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'wrong-tenant'
  | 'not-delegated'
  /** The authority's configuration or keys could not be read: not the caller's fault (503). */
  | 'authority-unavailable';

export type TokenCheck = { ok: true; person: SignedInPerson } | { ok: false; refusal: TokenRefusal };

export interface EntraTokenVerifierOptions {
  /** e.g. https://login.microsoftonline.com (AZURE_AUTHORITY_HOST), or the simulator's URL. */
  authorityHost: string;
  /** Accepted `aud` values: the Application ID URI and the app id. */
  audiences: readonly string[];
  allowedTenantIds: readonly string[];
  /** The scope Teams asks for (setup.md, "Expose an API"). */
  scope?: string;
  /** For tests: the verifier's clock. */
  now?: () => Date;
}

const CLOCK_TOLERANCE_S = 300;
/** A Teams SSO token is about 1.5–2.5 kB; anything far bigger is not one. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const METADATA_TIMEOUT_MS = 5000;

interface Authority {
  issuers: string[];
  keys: ReturnType<typeof createRemoteJWKSet>;
}

export interface EntraTokenVerifier {
  verify(token: string | null): Promise<TokenCheck>;
}

export function createEntraTokenVerifier(options: EntraTokenVerifierOptions): EntraTokenVerifier {
  const allowed = new Set(options.allowedTenantIds.map((id) => id.toLowerCase()));
  const authorities = new Map<string, Promise<Authority>>();
  const scope = options.scope ?? 'access_as_user';

  /** The tenant's issuers and keys, read once and kept; a failed read is retried on the next token. */
  const authorityOf = (tenantId: string): Promise<Authority> => {
    let found = authorities.get(tenantId);
    if (!found) {
      found = loadAuthority(options.authorityHost, tenantId);
      authorities.set(tenantId, found);
      found.catch(() => authorities.delete(tenantId));
    }
    return found;
  };

  return {
    async verify(token) {
      if (!token) return refuse('missing');
      if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) return refuse('malformed');
      let unverified: JWTPayload;
      try {
        unverified = decodeJwt(token);
      } catch {
        return refuse('malformed');
      }
      const tenantId = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
      // The tenant decides which authority's keys to fetch: only allowed tenants get that far.
      if (!allowed.has(tenantId)) return refuse('wrong-tenant');
      let authority: Authority;
      try {
        authority = await authorityOf(tenantId);
      } catch {
        return refuse('authority-unavailable');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, authority.keys, {
          issuer: authority.issuers,
          audience: [...options.audiences],
          algorithms: ['RS256'],
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'oid', 'tid'],
          ...(options.now ? { currentDate: options.now() } : {}),
        }));
      } catch (error) {
        return refuse(refusalOf(error));
      }
      if (String(payload.tid).toLowerCase() !== tenantId) return refuse('wrong-tenant');
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(scope) || typeof payload.oid !== 'string') return refuse('not-delegated');
      const name =
        stringClaim(payload.name) ?? stringClaim(payload.preferred_username) ?? stringClaim(payload.upn);
      return { ok: true, person: { aadObjectId: payload.oid, name: name ?? payload.oid, tenantId } };
    },
  };
}

function refuse(refusal: TokenRefusal): TokenCheck {
  return { ok: false, refusal };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function refusalOf(error: unknown): TokenRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'iss') return 'wrong-issuer';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'not-yet-valid';
    return 'malformed';
  }
  if (error instanceof errors.JWKSTimeout) return 'authority-unavailable';
  if (error instanceof errors.JOSEError) {
    // A bad signature, a key the authority never published, an algorithm other than RS256.
    if (
      error instanceof errors.JWSSignatureVerificationFailed ||
      error instanceof errors.JWKSNoMatchingKey ||
      error instanceof errors.JWKSMultipleMatchingKeys ||
      error instanceof errors.JOSEAlgNotAllowed
    )
      return 'invalid-signature';
    return 'malformed';
  }
  // fetch failed (the keys could not be read).
  return 'authority-unavailable';
}

async function loadAuthority(authorityHost: string, tenantId: string): Promise<Authority> {
  const base = `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}`;
  const v2 = await openIdConfiguration(`${base}/v2.0/.well-known/openid-configuration`);
  // v1 tokens (accessTokenAcceptedVersion 1, the default for a new registration) carry the v1 issuer.
  const v1 = await openIdConfiguration(`${base}/.well-known/openid-configuration`).catch(() => null);
  return {
    issuers: [v2.issuer, ...(v1 ? [v1.issuer] : [])],
    keys: createRemoteJWKSet(new URL(v2.jwks_uri), {
      timeoutDuration: METADATA_TIMEOUT_MS,
      // Entra rotates keys every few weeks and publishes the next one ahead: a day is safe, and an
      // unknown kid makes jose fetch again (at most every 30 s).
      cacheMaxAge: 24 * 3600_000,
    }),
  };
}

async function openIdConfiguration(url: string): Promise<{ issuer: string; jwks_uri: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(METADATA_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`OpenID configuration answered HTTP ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string')
    throw new Error('OpenID configuration without issuer or jwks_uri');
  return { issuer: document.issuer, jwks_uri: document.jwks_uri };
}
