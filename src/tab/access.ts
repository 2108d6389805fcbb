// What a signed-in person may see in the Requests tab: approvers see every request, the helpdesk sees the
// requests they started, and when HELPDESK_GROUP_ID names a group, people in neither group see nothing.
// Roles for reading come from a cache of at most a minute; a decision asks the directory again (api.ts).
import type { GroupMembership } from '../requests/index.js';
import type { UnblockRequest } from '../runbook/index.js';
import type { TabRole } from './contract.js';
import type { SignedInPerson } from './tokens.js';

export class TabAccess {
  constructor(private readonly membership: GroupMembership) {}

  /** The person's role, or null when they may not use the tab at all. */
  async roleOf(person: SignedInPerson): Promise<TabRole | null> {
    if (await this.membership.isApprover(person.aadObjectId, { fresh: false })) return 'approver';
    if (await this.membership.isHelpdesk(person.aadObjectId, { fresh: false })) return 'helpdesk';
    return null;
  }

  /** Membership asked of the directory now: every Approve, Reject and Retry, as on the card. */
  isApproverNow(person: SignedInPerson): Promise<boolean> {
    return this.membership.isApprover(person.aadObjectId, { fresh: true });
  }

  mayRead(role: TabRole, person: SignedInPerson, request: UnblockRequest): boolean {
    return role === 'approver' || request.requester.aadObjectId === person.aadObjectId;
  }
}
