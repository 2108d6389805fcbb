// Adding people to the simulated directory. In local mode (simulated tenant, no MicrosoftAppId) any local
// client may talk to the bot: a person the directory does not know joins it as a helpdesk agent, with a
// contoso.com address made from their name, so the runbook, the audit log and group checks treat them like
// Megan Bowen.
import { SEED, seedHelpdeskAgent } from './seed.js';
import type { SimUser, TenantState } from './state.js';

export interface Enrolment {
  user: SimUser;
  /** False when the directory already knew the id (nothing was changed). */
  created: boolean;
}

export function enrolHelpdeskAgent(state: TenantState, id: string, displayName: string): Enrolment {
  const known = state.findUser(id);
  if (known) return { user: known, created: false };
  const name =
    displayName
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .trim()
      .slice(0, 64) || 'Local user';
  const user = seedHelpdeskAgent(id.toLowerCase(), name, freeAddress(state, name));
  state.users.push(user);
  state.groups.find((g) => g.id === SEED.groups.helpdesk)?.memberUserIds.push(user.id);
  return { user, created: true };
}

/** "Alex Wilber" → alex.wilber@contoso.com, or alex.wilber2@… when that address is taken. */
function freeAddress(state: TenantState, name: string): string {
  const local =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 40) || 'user';
  for (let n = 1; ; n++) {
    const address = `${local}${n === 1 ? '' : n}@contoso.com`;
    if (!state.findUserByAddress(address)) return address;
  }
}
