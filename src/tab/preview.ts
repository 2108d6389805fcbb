// The local preview's sign-in, for the simulated mode only: the people of the simulated tenant who use the
// bot (helpdesk agents, approvers, someone in neither group), and a single sign-on token for one of them
// from the simulated tenant's sign-in authority (POST /_sim/tokens), for this app's audience.
import type { GroupMembership } from '../requests/index.js';
import type { TenantGateway } from '../tenant/index.js';
import type { PreviewPerson, PreviewSignIn } from './web.js';

export interface SimulatedPreviewDeps {
  /** The simulator's base URL (its control API and sign-in authority). */
  simulatorUrl: string;
  /** The audience the tab's API accepts (api://{domain}/{app id}). */
  audience: string;
  /** Entra object ids of the people offered, in the order shown. */
  personIds: readonly string[];
  tenant: Pick<TenantGateway, 'getUser'>;
  membership: GroupMembership;
}

export function simulatedPreviewSignIn(deps: SimulatedPreviewDeps): PreviewSignIn {
  const offered = new Set(deps.personIds);
  return {
    async people() {
      const people: PreviewPerson[] = [];
      for (const id of deps.personIds) {
        const user = await deps.tenant.getUser(id);
        if (!user) continue;
        const role = (await deps.membership.isApprover(id, { fresh: false }))
          ? 'approver'
          : (await deps.membership.isHelpdesk(id, { fresh: false }))
            ? 'helpdesk'
            : 'none';
        people.push({ id, name: user.displayName, userPrincipalName: user.userPrincipalName, role });
      }
      return people;
    },
    async token(personId) {
      if (!offered.has(personId)) return null;
      const response = await fetch(`${deps.simulatorUrl.replace(/\/+$/, '')}/_sim/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: personId, audience: deps.audience }),
        signal: AbortSignal.timeout(5000),
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`the simulator refused a preview token (HTTP ${response.status})`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
  };
}
