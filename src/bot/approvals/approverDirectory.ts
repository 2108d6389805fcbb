// Who may do what: membership of APPROVER_GROUP_ID (and HELPDESK_GROUP_ID) (transitive, Graph checkMemberGroups) cached for a
// minute, and which of them the bot can reach (people who chatted with it 1:1 at least once).
import type { Logger } from 'pino';
import { TenantError } from '../../runbook/index.js';
import type { ConversationStore } from '../../store/index.js';
import type { TenantGateway } from '../../tenant/index.js';
import { type StoredReference, USER_REFERENCE_PREFIX } from '../conversationKeys.js';

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReachableApprover {
  aadObjectId: string;
  teamsUserId: string;
  referenceKey: string;
}

export class ApproverDirectory {
  private readonly cache = new Map<string, { isMember: boolean; until: number }>();

  constructor(
    private readonly deps: {
      tenant: TenantGateway;
      conversations: ConversationStore;
      approverGroupId: string | undefined;
      /** When set, only its members may start requests (HELPDESK_GROUP_ID). */
      helpdeskGroupId?: string;
      /** When set, only its members approve repeat offenders (SECURITY_APPROVER_GROUP_ID). */
      securityApproverGroupId?: string;
      logger: Logger;
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  async isApprover(aadObjectId: string): Promise<boolean> {
    const groupId = this.deps.approverGroupId;
    return groupId ? this.isMember(aadObjectId, groupId) : false;
  }

  /** A member of SECURITY_APPROVER_GROUP_ID (false when it is not set). */
  async isSecurityApprover(aadObjectId: string): Promise<boolean> {
    const groupId = this.deps.securityApproverGroupId;
    return groupId ? this.isMember(aadObjectId, groupId) : false;
  }

  /** Everyone may start requests unless HELPDESK_GROUP_ID limits it to its members. */
  async mayStartRequests(aadObjectId: string): Promise<boolean> {
    const groupId = this.deps.helpdeskGroupId;
    return groupId ? this.isMember(aadObjectId, groupId) : true;
  }

  private async isMember(aadObjectId: string, groupId: string): Promise<boolean> {
    // Only an Entra object id can be a member; Teams ids (29:…) of guests or forged activities cannot.
    if (!ENTRA_OBJECT_ID.test(aadObjectId)) return false;
    const key = `${groupId}|${aadObjectId}`;
    const now = (this.deps.now ?? Date.now)();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.isMember;
    let isMember: boolean;
    try {
      isMember = (await this.deps.tenant.checkMemberGroups(aadObjectId, [groupId])).includes(groupId);
    } catch (error) {
      // A user who is not in the directory (deleted, or an id that was never there) is nobody's member.
      if (!(error instanceof TenantError && error.code === 'NotFound')) throw error;
      isMember = false;
    }
    this.cache.set(key, { isMember, until: now + (this.deps.ttlMs ?? 60_000) });
    return isMember;
  }

  /**
   * Approvers with a 1:1 chat the bot can post to, except `excludeAadObjectId` (the requester); with
   * `security`, the security approvers too (a repeat offender's card must reach them).
   */
  async reachableApprovers(excludeAadObjectId?: string, security = false): Promise<ReachableApprover[]> {
    const found: ReachableApprover[] = [];
    for (const { key, reference } of await this.deps.conversations.listReferences(USER_REFERENCE_PREFIX)) {
      const aadObjectId = key.slice(USER_REFERENCE_PREFIX.length);
      if (aadObjectId === excludeAadObjectId) continue;
      const teamsUserId = (reference as StoredReference).reference?.user?.id;
      if (!teamsUserId) continue;
      try {
        const decides =
          (await this.isApprover(aadObjectId)) || (security && (await this.isSecurityApprover(aadObjectId)));
        if (decides) found.push({ aadObjectId, teamsUserId, referenceKey: key });
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'approver membership could not be checked');
      }
    }
    return found;
  }
}
