// A local stand-in for the Bot Framework's identity services, over HTTPS on 127.0.0.1, so tests can run the
// bot with a MicrosoftAppId and botbuilder's own token validation (platform-notes.md):
//   GET  /v1/.well-known/openidconfiguration                 the channel's OpenID metadata (BOT_OPENID_METADATA)
//   GET  /v1/keys                                            its JWKS: RS256 keys endorsed for "msteams"
//   GET  /{tenant}/v2.0/.well-known/openid-configuration     the login authority (BOT_LOGIN_URL) …
//   POST /{tenant}/oauth2/v2.0/token                         … that gives the bot its outgoing token
//   GET  /msi/token                                          App Service's managed identity endpoint
// The login authority answers like Entra: a single-tenant app gets tokens only from its own tenant; asked at
// "botframework.com" it gets 400 unauthorized_client AADSTS700016 "Application with identifier … was not
// found in the directory 'Bot Framework'" (the error botbuilder users report when a SingleTenant bot asks
// the multi-tenant authority, e.g. OfficeDev/Microsoft-Teams-Samples#1741). A multi-tenant app gets them
// from botframework.com too. The managed identity endpoint speaks App Service's protocol (API version
// 2019-08-01, the X-IDENTITY-HEADER secret, resource and client_id in the query; MSAL's AppService source),
// which @azure/identity's ManagedIdentityCredential uses when IDENTITY_ENDPOINT and IDENTITY_HEADER are set.
// `channelToken()` signs what the Teams channel would send; its options forge every kind of bad token.
import { generateKeyPairSync, type JsonWebKey, type KeyObject, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { KeyAndCertificate } from './testCa.js';

export const CHANNEL_ISSUER = 'https://api.botframework.com';
const LOGIN_TENANT = 'botframework.com';

export interface ChannelTokenOptions {
  /** Claims to set or override (undefined removes one). */
  claims?: Record<string, unknown>;
  /** 'stranger' signs with a key the channel never published, under the channel's kid. */
  key?: 'channel' | 'stranger' | 'webchat-only';
  alg?: 'RS256' | 'none' | 'HS256';
  kid?: string;
}

export interface BotTokenRequest {
  clientId: string;
  scope: string;
  granted: boolean;
  /** The tenant in the authority asked ("botframework.com" or a tenant id); null for managed identity. */
  tenant: string | null;
  grant: 'client_secret' | 'managed_identity';
}

export interface BotApp {
  appId: string;
  /** Absent for a managed identity. */
  appPassword?: string;
  appType?: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  /** The tenant the app registration (or managed identity) lives in. */
  homeTenantId?: string;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: JsonWebKey;
}

function signingKey(kid: string, endorsements: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', endorsements };
  return { kid, privateKey, jwk: jwk as JsonWebKey };
}

export class BotFrameworkChannel {
  /** Every request for the bot's own token, granted or not. */
  readonly tokenRequests: BotTokenRequest[] = [];
  /** The access tokens handed to the bot, newest last. */
  readonly botTokens: string[] = [];
  private readonly channelKey = signingKey(`channel-${randomUUID()}`, ['msteams']);
  private readonly webchatKey = signingKey(`webchat-${randomUUID()}`, ['webchat']);
  private readonly strangerKey = signingKey('unused', []);
  private readonly server: Server;
  private origin = '';

  /** The secret App Service hands the process in IDENTITY_HEADER. */
  readonly identityHeader = `identity-header-${randomUUID()}`;

  constructor(private readonly options: { tls: KeyAndCertificate } & BotApp) {
    this.server = createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get openIdMetadataUrl(): string {
    return `${this.origin}/v1/.well-known/openidconfiguration`;
  }

  get loginUrl(): string {
    return `${this.origin}/${LOGIN_TENANT}`;
  }

  /** The value for IDENTITY_ENDPOINT (App Service managed identity). */
  get identityEndpoint(): string {
    return `${this.origin}/msi/token`;
  }

  /** A token as the Teams channel signs it for this bot and `serviceUrl`, or a forgery of one. */
  async channelToken(serviceUrl: string, options: ChannelTokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: CHANNEL_ISSUER,
      aud: this.options.appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...options.claims,
    };
    const key =
      options.key === 'stranger'
        ? { ...this.strangerKey, kid: this.channelKey.kid }
        : options.key === 'webchat-only'
          ? this.webchatKey
          : this.channelKey;
    const alg = options.alg ?? 'RS256';
    const header = { alg, typ: 'JWT', kid: options.kid ?? key.kid };
    if (alg === 'none') return new UnsecuredJWT(claims).encode();
    const token = new SignJWT(claims).setProtectedHeader(header);
    // The classic confusion attack: the public key, as text, used as an HMAC secret.
    if (alg === 'HS256') return token.sign(new TextEncoder().encode(JSON.stringify(this.channelKey.jwk)));
    return token.sign(key.privateKey);
  }

  /** Entra's rule: a multi-tenant app anywhere it is known, a single-tenant app in its own tenant only. */
  private servesTenant(tenant: string): boolean {
    const { appType, homeTenantId } = this.options;
    if (appType === 'SingleTenant') return tenant === homeTenantId;
    return tenant === LOGIN_TENANT || tenant === homeTenantId;
  }

  private issue(): string {
    const token = `bot-token-${randomUUID()}`;
    this.botTokens.push(token);
    return token;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (req.method === 'GET' && url.pathname === '/v1/.well-known/openidconfiguration') {
      send(res, 200, {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: `${this.origin}/v1/authorize`,
        jwks_uri: `${this.origin}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/keys') {
      send(res, 200, { keys: [this.channelKey.jwk, this.webchatKey.jwk] });
      return;
    }
    const login = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(
      url.pathname,
    );
    const tenant = login?.[1] ?? '';
    if (req.method === 'GET' && login?.[2]?.startsWith('v2.0')) {
      send(res, 200, {
        issuer: `${this.origin}/${tenant}/v2.0`,
        authorization_endpoint: `${this.origin}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${this.origin}/${tenant}/oauth2/v2.0/token`,
        jwks_uri: `${this.origin}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
      return;
    }
    if (req.method === 'POST' && login?.[2]?.startsWith('oauth2')) {
      const form = new URLSearchParams(await readBody(req));
      const request: BotTokenRequest = {
        clientId: form.get('client_id') ?? '',
        scope: form.get('scope') ?? '',
        granted: false,
        tenant,
        grant: 'client_secret',
      };
      this.tokenRequests.push(request);
      const known =
        form.get('grant_type') === 'client_credentials' &&
        request.clientId === this.options.appId &&
        this.options.appPassword !== undefined &&
        form.get('client_secret') === this.options.appPassword;
      if (!known) {
        send(res, 401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret.',
        });
        return;
      }
      if (!this.servesTenant(tenant)) {
        send(res, 400, {
          error: 'unauthorized_client',
          error_description: `AADSTS700016: Application with identifier '${request.clientId}' was not found in the directory '${tenant === LOGIN_TENANT ? 'Bot Framework' : tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        });
        return;
      }
      request.granted = true;
      send(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: this.issue(),
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/msi/token') {
      const request: BotTokenRequest = {
        clientId: url.searchParams.get('client_id') ?? '',
        scope: url.searchParams.get('resource') ?? '',
        granted: false,
        tenant: null,
        grant: 'managed_identity',
      };
      this.tokenRequests.push(request);
      const known =
        req.headers['x-identity-header'] === this.identityHeader &&
        url.searchParams.get('api-version') === '2019-08-01' &&
        this.options.appType === 'UserAssignedMSI' &&
        request.clientId === this.options.appId;
      if (!known) {
        send(res, 400, {
          statusCode: 400,
          message: 'No managed identity found for the specified client_id.',
        });
        return;
      }
      request.granted = true;
      send(res, 200, {
        access_token: this.issue(),
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: request.scope,
        token_type: 'Bearer',
        client_id: request.clientId,
      });
      return;
    }
    send(res, 404, { error: 'not_found' });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
