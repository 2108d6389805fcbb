// A TokenCredential that always returns the same fake token: used in simulated mode, where the live
// clients talk to the local tenant simulator, which accepts any bearer token.
import type { AccessToken, TokenCredential } from '@azure/identity';

const ONE_HOUR_MS = 60 * 60 * 1000;

export class StaticTokenCredential implements TokenCredential {
  constructor(
    private readonly token = 'simulated-tenant-token',
    private readonly now: () => number = Date.now,
  ) {}

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: this.now() + ONE_HOUR_MS, tokenType: 'Bearer' };
  }
}
