// What /readyz asks Microsoft 365: one Graph call and one Exchange call that the least-privileged setup
// allows. Graph GET /users needs User.Read.All, which step 0 needs anyway (GET /organization would need
// Organization.Read.All or more: see docs/setup.md). Exchange Get-BlockedSenderAddress is a cmdlet of the
// narrow role group (docs/setup.md), unlike Get-OrganizationConfig; filtered to an address that is never a
// sender, it answers with nothing instead of the whole Restricted list.
import { TenantError } from '../../runbook/index.js';
import type { ExchangeClient } from './exchangeClient.js';
import type { GraphApi } from './graphClient.js';

/** An address no tenant can have (the .invalid top-level domain is reserved, RFC 2606). */
export const PROBE_SENDER = 'unblock-assistant-probe@example.invalid';

export async function pingTenant(graph: GraphApi, exchange: ExchangeClient): Promise<void> {
  await Promise.all([
    graph.get('/users', { $select: 'id', $top: '1' }),
    exchange.invoke('Get-BlockedSenderAddress', { SenderAddress: PROBE_SENDER }).catch((error: unknown) => {
      // Exchange may answer "not found" for a sender that is not on the list: the cmdlet ran, so it is up.
      if (error instanceof TenantError && error.code === 'NotFound') return [];
      throw error;
    }),
  ]);
}
