// Access tokens from an @azure/identity credential, one scope per API. The credential caches and refreshes
// tokens itself; failures become TenantError whose message says what to fix (credentialErrors.ts) without
// the credential's details.
import type { TokenCredential } from '@azure/identity';
import { TenantError } from '../../runbook/index.js';
import { describeCredentialFailure, isCredentialOutage } from './credentialErrors.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const EXCHANGE_SCOPE = 'https://outlook.office365.com/.default';

export type TokenSource = () => Promise<string>;

export function tokenSource(credential: TokenCredential, scope: string): TokenSource {
  return async () => {
    let token: Awaited<ReturnType<TokenCredential['getToken']>>;
    try {
      token = await credential.getToken(scope);
    } catch (error) {
      const outage = isCredentialOutage(error);
      throw new TenantError(
        outage ? 'Unavailable' : 'Unauthorized',
        `Could not get an access token for ${scope}: ${describeCredentialFailure(error)}`,
        { cause: error, retryable: outage },
      );
    }
    if (!token?.token)
      throw new TenantError('Unauthorized', `No access token for ${scope}`, { retryable: false });
    return token.token;
  };
}
