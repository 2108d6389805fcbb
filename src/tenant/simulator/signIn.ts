// The simulated tenant's Microsoft Entra sign-in, as far as an app that validates user tokens sees it: the
// OpenID configuration documents (v2.0 and v1) and the signing keys at their jwks_uri, under
//   GET /{tenant}/v2.0/.well-known/openid-configuration     issuer {origin}/{tenant}/v2.0
//   GET /{tenant}/.well-known/openid-configuration          issuer {origin}/{tenant}/ (Entra: sts.windows.net)
//   GET /{tenant}/discovery/v2.0/keys, /{tenant}/discovery/keys
// and it signs delegated access tokens for the seeded people, shaped like the ones Teams single sign-on
// hands a tab (scp access_as_user, oid, tid, name, preferred_username), so the Requests tab can be
// previewed and tested locally without Entra. There is no interactive sign-in: in-process callers and
// the control API (POST /_sim/tokens) ask for a token by user.
import {
  createHash,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomUUID,
  sign,
} from 'node:crypto';
import { type ApiRequest, type Sent, sendJson } from './http.js';
import type { SimUser } from './state.js';

/** The Teams web client, which asks Entra for the tab's token (setup.md, "Expose an API"). */
const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

export interface UserTokenOptions {
  /** `aud`: the tab's Application ID URI (api://{domain}/{app id}) or its app id. */
  audience: string;
  /** Default 3600. */
  lifetimeSeconds?: number;
  /** Replace or add claims, e.g. an expired `exp` for a test. */
  claims?: Record<string, unknown>;
}

export class SimulatedSignIn {
  private readonly privateKey: KeyObject;
  private readonly jwk: JsonWebKey;

  constructor(
    private readonly tenantId: string,
    private readonly now: () => Date,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    const kid = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64url')
      .slice(0, 27);
    this.jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
  }

  /** The `iss` of its v2.0 tokens. */
  issuer(origin: string): string {
    return `${origin}/${this.tenantId}/v2.0`;
  }

  /** Answers the authority routes; null when the path is not one of them. */
  handle(request: ApiRequest, res: Parameters<typeof sendJson>[0]): Sent | null {
    if (request.method !== 'GET') return null;
    const [tenant, ...rest] = request.segments;
    if (tenant?.toLowerCase() !== this.tenantId) return null;
    const base = `${request.origin}/${this.tenantId}`;
    switch (rest.join('/')) {
      case 'v2.0/.well-known/openid-configuration':
        return sendJson(res, 200, this.configuration(base, this.issuer(request.origin), 'v2.0/'));
      case '.well-known/openid-configuration':
        return sendJson(res, 200, this.configuration(base, `${base}/`, ''));
      case 'discovery/v2.0/keys':
      case 'discovery/keys':
        return sendJson(res, 200, { keys: [this.jwk] });
      default:
        return null;
    }
  }

  /** A v2.0 delegated access token for `user`, as Teams single sign-on would get it for a tab. */
  userToken(origin: string, user: SimUser, options: UserTokenOptions): string {
    const now = Math.floor(this.now().getTime() / 1000);
    const claims: Record<string, unknown> = {
      aud: options.audience,
      iss: this.issuer(origin),
      iat: now,
      nbf: now,
      exp: now + (options.lifetimeSeconds ?? 3600),
      aio: randomUUID(),
      azp: TEAMS_WEB_CLIENT_ID,
      azpacr: '0',
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      rh: randomUUID(),
      scp: 'access_as_user',
      sid: randomUUID(),
      sub: createHash('sha256').update(`${user.id}|${options.audience}`).digest('base64url').slice(0, 43),
      tid: this.tenantId,
      uti: randomUUID().replaceAll('-', '').slice(0, 22),
      ver: '2.0',
      ...options.claims,
    };
    const header = { typ: 'JWT', alg: 'RS256', kid: this.jwk.kid };
    const input = `${base64url(header)}.${base64url(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  private configuration(base: string, issuer: string, version: string) {
    return {
      token_endpoint: `${base}/oauth2/${version}token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/${version}keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer,
      authorization_endpoint: `${base}/oauth2/${version}authorize`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    };
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
