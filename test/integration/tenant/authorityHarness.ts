// A throwaway test CA, the local token authority (HTTPS) with app registrations, and a tenant simulator
// that validates the authority's tokens for real, over HTTPS or HTTP. Tests running in this process do not
// trust the CA (NODE_EXTRA_CA_CERTS is read at start), so in-process calls use the HTTP simulator and
// minted tokens, and child processes get NODE_EXTRA_CA_CERTS=ca.caCertPath.
import path from 'node:path';
import { ENTRA_ROLES, SEED, TenantSimulator } from '../../../src/tenant/index.js';
import { startProcess } from '../../support/processes.js';
import { type ClientCertificate, createTestCa, type TestCa } from '../../support/testCa.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE, TokenAuthority } from '../../support/tokenAuthority.js';

/** Every Graph application permission the bot uses. */
export const GRAPH_ROLES = [
  'User.Read.All',
  'GroupMember.Read.All',
  'User-PasswordProfile.ReadWrite.All',
  'User.RevokeSessions.All',
  'MailboxSettings.Read',
  'ExchangeMessageTrace.Read.All',
];
export const FULL_ROLES = { [GRAPH_RESOURCE]: GRAPH_ROLES, [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] };
/** The Entra roles of the fallback setup: User Administrator and Exchange Administrator, tenant-wide. */
export const FULL_WIDS = [ENTRA_ROLES.userAdministrator.id, ENTRA_ROLES.exchangeAdministrator.id];

export const APPS = {
  /** Every permission, authenticates with a client secret. */
  secret: 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0001',
  /** Every permission, authenticates with a client certificate. */
  certificate: 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0002',
  /** Graph permissions, but Exchange.ManageAsApp was never granted. */
  noExchangeRole: 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0003',
  /** The bot's own app registration (MicrosoftAppId): no Microsoft 365 permissions at all. */
  bot: 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0004',
} as const;

/** Not a real secret: a throwaway value for the local authority only. */
export const CLIENT_SECRET = 'local-authority-secret~Q8v.3kT_9';
/** The bot app's throwaway secret at the local authority. */
export const BOT_SECRET = 'local-bot-secret~7hQ.2pL_4';

export interface AuthorityHarness {
  ca: TestCa;
  authority: TokenAuthority;
  clientCertificate: ClientCertificate;
  /** Validates tokens from `authority`, over HTTPS (for child processes that trust the CA). */
  httpsSim: TenantSimulator;
  /** The same validation over plain HTTP (for calls from this process). */
  httpSim: TenantSimulator;
  dispose(): Promise<void>;
}

export async function startAuthorityHarness(): Promise<AuthorityHarness> {
  const ca = await createTestCa();
  const [authorityTls, simulatorTls, clientCertificate] = await Promise.all([
    ca.issueServerCertificate('token-authority'),
    ca.issueServerCertificate('tenant-simulator'),
    ca.issueClientCertificate('unblock-assistant-app'),
  ]);
  const authority = new TokenAuthority({
    tenantId: SEED.tenantId,
    tls: authorityTls,
    apps: [
      { clientId: APPS.secret, secret: CLIENT_SECRET, roles: FULL_ROLES, wids: FULL_WIDS },
      {
        clientId: APPS.certificate,
        certificatePem: clientCertificate.certPem,
        roles: FULL_ROLES,
        wids: FULL_WIDS,
      },
      { clientId: APPS.noExchangeRole, secret: CLIENT_SECRET, roles: { [GRAPH_RESOURCE]: GRAPH_ROLES } },
      { clientId: APPS.bot, secret: BOT_SECRET, roles: {} },
    ],
  });
  await authority.start();
  const trust = { issuer: authority.issuer, jwks: authority.jwks };
  const httpsSim = new TenantSimulator({
    tokenAuthority: trust,
    tls: { key: simulatorTls.keyPem, cert: simulatorTls.certPem },
  });
  const httpSim = new TenantSimulator({ tokenAuthority: trust });
  await Promise.all([httpsSim.start(), httpSim.start()]);
  return {
    ca,
    authority,
    clientCertificate,
    httpsSim,
    httpSim,
    async dispose() {
      await Promise.all([httpsSim.stop(), httpSim.stop(), authority.stop()]);
      await ca.dispose();
    },
  };
}

/** The environment of a TENANT_MODE=live process pointed at the harness (add the credential variables). */
export function liveEnvironment(h: AuthorityHarness, clientId: string): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: h.ca.caCertPath,
    TENANT_MODE: 'live',
    AZURE_TENANT_ID: SEED.tenantId,
    AZURE_CLIENT_ID: clientId,
    AZURE_CLIENT_SECRET: '',
    AZURE_CLIENT_CERTIFICATE_PATH: '',
    AZURE_AUTHORITY_HOST: h.authority.authorityHost,
    GRAPH_BASE_URL: h.httpsSim.graphBaseUrl,
    EXO_BASE_URL: h.httpsSim.exoBaseUrl,
    APPROVER_GROUP_ID: SEED.groups.approvers,
    HELPDESK_GROUP_ID: SEED.groups.helpdesk,
    SIMULATOR_URL: '',
    LOG_LEVEL: 'silent',
  };
}

const projectRoot = path.resolve(__dirname, '../../..');

export interface ChildResult {
  code: number | null;
  output: string;
}

/** Runs `command args` in the project root with `env` on top of this process's, and waits for it. */
export async function runChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ChildResult> {
  const started = startProcess(command, args, env, projectRoot);
  const timer = setTimeout(() => started.signal('SIGKILL'), timeoutMs);
  try {
    const code = await started.exited;
    return { code, output: started.output() };
  } finally {
    clearTimeout(timer);
  }
}

/** tsx from node_modules (not npx, which can leave a child behind when killed). */
export const TSX = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
