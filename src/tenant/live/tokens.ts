// Access tokens from an @azure/identity credential, one scope per API. The credential caches and refreshes
// tokens itself; failures become TenantError without the credential's details in the message.
import type { TokenCredential } from '@azure/identity';
import { TenantError } from '../../runbook/errors.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const EXCHANGE_SCOPE = 'https://outlook.office365.com/.default';

export type TokenSource = () => Promise<string>;

export function tokenSource(credential: TokenCredential, scope: string): TokenSource {
  return async () => {
    let token: Awaited<ReturnType<TokenCredential['getToken']>>;
    try {
      token = await credential.getToken(scope);
    } catch (error) {
      throw new TenantError('Unauthorized', `Could not get an access token for ${scope}`, {
        cause: error,
        retryable: false,
      });
    }
    if (!token?.token)
      throw new TenantError('Unauthorized', `No access token for ${scope}`, { retryable: false });
    return token.token;
  };
}
