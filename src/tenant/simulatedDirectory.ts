// The simulated directory as local mode sees it: adds a person the local client names to the simulator's
// directory as a helpdesk agent, over the simulator's control API (in-process or at SIMULATOR_URL alike).
// Never used against a live tenant: the bot has no permission to create users there, by design.
import { TenantError } from '../runbook/index.js';

export interface DirectoryEnrolment {
  /** True when the person was added now; false when the directory already knew them. */
  created: boolean;
  userPrincipalName: string;
}

export interface SimulatedDirectory {
  enrolHelpdeskAgent(person: { id: string; displayName: string }): Promise<DirectoryEnrolment>;
}

export function simulatedDirectory(simulatorBaseUrl: string): SimulatedDirectory {
  const url = `${simulatorBaseUrl.replace(/\/+$/, '')}/_sim/users`;
  return {
    async enrolHelpdeskAgent(person) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(person),
        signal: AbortSignal.timeout(5000),
      });
      if (res.status !== 200 && res.status !== 201)
        throw new TenantError('Unavailable', `the simulator refused to add a user: HTTP ${res.status}`, {
          status: res.status,
        });
      const user = (await res.json()) as { userPrincipalName?: unknown };
      return { created: res.status === 201, userPrincipalName: String(user.userPrincipalName ?? '') };
    },
  };
}
