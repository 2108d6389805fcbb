// A local Entra-style token authority over HTTPS on 127.0.0.1, for proving the client-credentials flow end
// to end with @azure/identity (platform-notes.md, "@azure/identity against a local token authority"):
//   GET  /{tenant}/v2.0/.well-known/openid-configuration   endpoints on the same scheme and host
//   GET  /{tenant}/discovery/v2.0/keys                      the JWKS (one RSA signing key)
//   POST /{tenant}/oauth2/v2.0/token                        client_credentials with client_secret, or with a
//        client_assertion signed by a registered certificate (x5t or x5t#S256, RS256 or PS256)
// Access tokens are RS256 JWTs for the resource of `scope` (<resource>/.default → aud) carrying the app's
// roles for that resource. Failures answer Entra's JSON error with AADSTS codes. Every issued token is
// logged (claims only) so a test can assert which audiences were asked for.
import {
  createHash,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomUUID,
  timingSafeEqual,
  X509Certificate,
} from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { compactVerify, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import type { KeyAndCertificate } from './testCa.js';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const EXCHANGE_RESOURCE = 'https://outlook.office365.com';
/** The Bot Framework's resource: a bot's tokens for its replies to the channel. */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';

export interface RegisteredApp {
  clientId: string;
  secret?: string;
  /** The certificate uploaded to the app registration (public part, PEM). */
  certificatePem?: string;
  /** App roles consented per resource, e.g. { 'https://graph.microsoft.com': ['User.Read.All'] }. */
  roles: Record<string, string[]>;
  /** Entra role template ids assigned tenant-wide to its service principal: the tokens' `wids` claim. */
  wids?: string[];
}

export interface IssuedToken {
  clientId: string;
  audience: string;
  roles: string[];
  grant: 'client_secret' | 'client_assertion' | 'minted';
  issuedAt: number;
  expiresAt: number;
}

export interface TokenAuthorityOptions {
  tenantId: string;
  tls: KeyAndCertificate;
  apps: RegisteredApp[];
  lifetimeSeconds?: number;
}

/** Claims a test can force on a minted token (e.g. an expired one, another audience). */
export type ClaimOverrides = Record<string, unknown>;

export class TokenAuthority {
  private readonly signingKey: KeyObject;
  private readonly jwk: JsonWebKey;
  private readonly server: Server;
  private readonly apps = new Map<string, RegisteredApp>();
  private readonly log: IssuedToken[] = [];
  private readonly tokens: string[] = [];
  private origin: string | null = null;

  constructor(private readonly options: TokenAuthorityOptions) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.signingKey = privateKey;
    const kid = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64url');
    this.jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
    for (const app of options.apps) this.apps.set(app.clientId, app);
    this.server = createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { error: 'server_error', error_description: String(error) });
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** The value for AZURE_AUTHORITY_HOST. */
  get authorityHost(): string {
    if (!this.origin) throw new Error('TokenAuthority is not started');
    return this.origin;
  }

  /** The `iss` of its tokens and of its OpenID configuration. */
  get issuer(): string {
    return `${this.authorityHost}/${this.options.tenantId}/v2.0`;
  }

  get jwks(): { keys: JsonWebKey[] } {
    return { keys: [this.jwk] };
  }

  /** Every token issued, oldest first (claims only). */
  issued(): IssuedToken[] {
    return this.log.map((t) => ({ ...t, roles: [...t.roles] }));
  }

  /** The raw tokens issued, only so tests can assert they never show up in output. */
  issuedTokenValues(): string[] {
    return [...this.tokens];
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** The object id of an app's service principal: the `oid` its tokens carry. */
  servicePrincipalId(clientId: string): string {
    return uuidFrom(`sp:${clientId}`);
  }

  /** Adds or replaces an app registration (roles, secret, certificate). */
  register(app: RegisteredApp): void {
    this.apps.set(app.clientId, app);
  }

  /** Signs a token for `clientId` and `audience` without HTTP; `overrides` replace any claim. */
  mint(
    clientId: string,
    audience: string,
    overrides: ClaimOverrides = {},
    signingKey?: KeyObject,
  ): Promise<string> {
    return this.issue(clientId, audience, 'minted', overrides, signingKey);
  }

  /** A TokenCredential that mints in-process: for tests whose process does not trust the test CA. */
  credentialFor(clientId: string): TokenCredential {
    return {
      getToken: async (scopes): Promise<AccessToken> => {
        const scope = Array.isArray(scopes) ? (scopes[0] ?? '') : scopes;
        const token = await this.issue(clientId, resourceOf(scope) ?? scope, 'minted');
        const payload = decodeJwt(token);
        return { token, expiresOnTimestamp: Number(payload.exp) * 1000, tokenType: 'Bearer' };
      },
    };
  }

  private async issue(
    clientId: string,
    audience: string,
    grant: IssuedToken['grant'],
    overrides: ClaimOverrides = {},
    signingKey = this.signingKey,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = this.options.lifetimeSeconds ?? 3600;
    const app = this.apps.get(clientId);
    const roles = app?.roles[audience] ?? [];
    const wids = app?.wids ?? [];
    const claims: Record<string, unknown> = {
      aud: audience,
      iss: this.issuer,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      appid: clientId,
      azp: clientId,
      appidacr: grant === 'client_assertion' ? '2' : '1',
      idtyp: 'app',
      oid: uuidFrom(`sp:${clientId}`),
      sub: uuidFrom(`sp:${clientId}`),
      tid: this.options.tenantId,
      uti: randomUUID(),
      ver: '2.0',
      ...(roles.length > 0 ? { roles } : {}),
      ...(wids.length > 0 ? { wids } : {}),
      ...overrides,
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: String(this.jwk.kid) })
      .sign(signingKey);
    this.tokens.push(token);
    this.log.push({
      clientId,
      audience: String(claims.aud),
      roles: Array.isArray(claims.roles) ? (claims.roles as string[]) : [],
      grant,
      issuedAt: Number(claims.iat),
      expiresAt: Number(claims.exp),
    });
    return token;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<Answered> {
    const url = new URL(req.url ?? '/', this.authorityHost);
    const [tenant, ...rest] = url.pathname.split('/').filter(Boolean);
    const route = `${req.method} ${rest.join('/')}`;
    if (tenant !== this.options.tenantId) {
      return entraError(res, 400, 'invalid_request', 90002, `Tenant '${tenant ?? ''}' not found.`);
    }
    if (route === 'GET v2.0/.well-known/openid-configuration')
      return send(res, 200, this.openIdConfiguration());
    if (route === 'GET discovery/v2.0/keys') return send(res, 200, this.jwks);
    if (route === 'POST oauth2/v2.0/token')
      return await this.token(res, new URLSearchParams(await readBody(req)));
    return send(res, 404, { error: 'not_found' });
  }

  private openIdConfiguration(): Record<string, unknown> {
    const base = `${this.authorityHost}/${this.options.tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: this.issuer,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    };
  }

  private async token(res: ServerResponse, form: URLSearchParams): Promise<Answered> {
    const clientId = form.get('client_id') ?? '';
    if (form.get('grant_type') !== 'client_credentials') {
      return entraError(
        res,
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const app = this.apps.get(clientId);
    if (!app) {
      return entraError(
        res,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${this.options.tenantId}'.`,
      );
    }
    const resource = resourceOf(form.get('scope') ?? '');
    if (!resource) {
      return entraError(res, 400, 'invalid_scope', 1002012, 'The provided value for scope is not valid.');
    }
    if (![GRAPH_RESOURCE, EXCHANGE_RESOURCE, BOT_FRAMEWORK_RESOURCE].includes(resource)) {
      return entraError(
        res,
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${this.options.tenantId}.`,
      );
    }
    const refusal = await this.authenticate(app, form);
    if (refusal) return entraError(res, 401, 'invalid_client', refusal.code, refusal.text);
    const grant = form.has('client_assertion') ? 'client_assertion' : 'client_secret';
    const lifetime = this.options.lifetimeSeconds ?? 3600;
    return send(res, 200, {
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await this.issue(clientId, resource, grant),
    });
  }

  /** Null when the client proved who it is; otherwise the AADSTS refusal. */
  private async authenticate(
    app: RegisteredApp,
    form: URLSearchParams,
  ): Promise<{ code: number; text: string } | null> {
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      return app.secret !== undefined && sameText(secret, app.secret)
        ? null
        : {
            code: 7000215,
            text: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
          };
    }
    if (assertion === null) {
      return {
        code: 7000218,
        text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      };
    }
    const unregistered = {
      code: 700027,
      text: 'The certificate with identifier used to sign the client assertion is not registered on application.',
    };
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      return unregistered;
    }
    const certificate = app.certificatePem ? new X509Certificate(app.certificatePem) : null;
    const x5t = header.x5t ?? header['x5t#S256'];
    const expected = certificate
      ? header.x5t !== undefined
        ? createHash('sha1').update(certificate.raw).digest('base64url')
        : createHash('sha256').update(certificate.raw).digest('base64url')
      : null;
    if (!certificate || x5t !== expected) return unregistered;
    let claims: Record<string, unknown>;
    try {
      const { payload } = await compactVerify(assertion, certificate.publicKey, {
        algorithms: ['RS256', 'PS256'],
      });
      claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    } catch {
      return { code: 700027, text: 'Client assertion failed signature validation.' };
    }
    const now = Date.now() / 1000;
    if (claims.iss !== app.clientId || claims.sub !== app.clientId)
      return { code: 700021, text: "Client assertion application identifier doesn't match." };
    if (
      typeof claims.aud !== 'string' ||
      new URL(claims.aud).pathname !== `/${this.options.tenantId}/oauth2/v2.0/token`
    )
      return { code: 700212, text: 'The audience claim of the client assertion is not the token endpoint.' };
    if (
      typeof claims.exp !== 'number' ||
      claims.exp < now - 300 ||
      (typeof claims.nbf === 'number' && claims.nbf > now + 300)
    )
      return { code: 700024, text: 'Client assertion is not within its valid time range.' };
    return null;
  }
}

/** `https://graph.microsoft.com/.default` → `https://graph.microsoft.com`; null for anything else. */
function resourceOf(scope: string): string | null {
  const match = /^(https:\/\/[^\s/]+)\/\.default$/.exec(scope.trim());
  return match?.[1] ?? null;
}

function entraError(
  res: ServerResponse,
  status: number,
  error: string,
  code: number,
  text: string,
): Answered {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return send(res, status, {
    error,
    error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

/** What every responder returns, so a route can end with `return send(…)`. */
type Answered = true;

function send(res: ServerResponse, status: number, body: unknown): Answered {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store, no-cache',
  });
  res.end(text);
  return true;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sameText(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** A stable GUID-shaped id derived from a name. */
function uuidFrom(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
