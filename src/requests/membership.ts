// Who is in the approver and helpdesk groups: transitive membership through the tenant (Graph
// checkMemberGroups), read fresh when a decision depends on it and from a short cache for what a person
// may see. Only an Entra object id can be a member; a user the directory does not know is nobody's member.
import { TenantError } from '../runbook/index.js';
import type { TenantGateway } from '../tenant/index.js';

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GroupMembershipDeps {
  tenant: Pick<TenantGateway, 'checkMemberGroups'>;
  approverGroupId: string | undefined;
  /** When set, only its members (and approvers) may use the bot (HELPDESK_GROUP_ID). */
  helpdeskGroupId: string | undefined;
  /** How long a cached answer is used when a fresh one is not required. Default one minute. */
  ttlMs?: number;
  now?: () => number;
}

export class GroupMembership {
  private readonly cache = new Map<string, { isMember: boolean; until: number }>();

  constructor(private readonly deps: GroupMembershipDeps) {}

  /** Whether the person may approve; `fresh` asks the directory now (every decision does). */
  isApprover(aadObjectId: string, options: { fresh: boolean }): Promise<boolean> {
    const groupId = this.deps.approverGroupId;
    return groupId ? this.isMember(aadObjectId, groupId, options.fresh) : Promise.resolve(false);
  }

  /** Whether the person belongs to the helpdesk: everyone, unless HELPDESK_GROUP_ID names a group. */
  isHelpdesk(aadObjectId: string, options: { fresh: boolean }): Promise<boolean> {
    const groupId = this.deps.helpdeskGroupId;
    return groupId ? this.isMember(aadObjectId, groupId, options.fresh) : Promise.resolve(true);
  }

  private async isMember(aadObjectId: string, groupId: string, fresh: boolean): Promise<boolean> {
    if (!ENTRA_OBJECT_ID.test(aadObjectId)) return false;
    const key = `${groupId}|${aadObjectId.toLowerCase()}`;
    const now = (this.deps.now ?? Date.now)();
    const cached = this.cache.get(key);
    if (!fresh && cached && cached.until > now) return cached.isMember;
    let isMember: boolean;
    try {
      isMember = (await this.deps.tenant.checkMemberGroups(aadObjectId, [groupId])).includes(groupId);
    } catch (error) {
      if (!(error instanceof TenantError && error.code === 'NotFound')) throw error;
      isMember = false;
    }
    this.cache.set(key, { isMember, until: now + (this.deps.ttlMs ?? 60_000) });
    return isMember;
  }
}
