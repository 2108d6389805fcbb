// The @azure/identity credential for live mode, from already-validated configuration (src/config.ts):
// a client certificate (what Microsoft documents for app-only Exchange, m365-contracts.md §2.2), a client
// secret, or, with neither, DefaultAzureCredential (managed identity on Azure, the Azure CLI on a laptop).
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  type TokenCredential,
} from '@azure/identity';

export interface LiveCredentialOptions {
  tenantId: string;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  clientCertificatePath?: string | undefined;
  /** A non-public-cloud authority (sovereign cloud, a local test authority). */
  authorityHost?: string | undefined;
}

const PUBLIC_CLOUD_AUTHORITY = 'https://login.microsoftonline.com';

export function createLiveCredential(options: LiveCredentialOptions): TokenCredential {
  const authorityHost = options.authorityHost?.replace(/\/+$/, '');
  const authority =
    authorityHost === undefined || authorityHost === ''
      ? {}
      : {
          authorityHost,
          // MSAL otherwise asks the public cloud for instance discovery and never reaches a local or
          // sovereign authority (platform-notes.md, "@azure/identity against a local token authority").
          disableInstanceDiscovery: authorityHost.toLowerCase() !== PUBLIC_CLOUD_AUTHORITY,
        };
  const { tenantId, clientId, clientSecret, clientCertificatePath } = options;
  if (clientId && clientCertificatePath) {
    return new ClientCertificateCredential(
      tenantId,
      clientId,
      { certificatePath: clientCertificatePath },
      authority,
    );
  }
  if (clientId && clientSecret)
    return new ClientSecretCredential(tenantId, clientId, clientSecret, authority);
  return new DefaultAzureCredential({
    tenantId,
    ...(clientId ? { managedIdentityClientId: clientId } : {}),
    ...authority,
  });
}
