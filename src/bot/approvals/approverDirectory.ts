// Who the approvers are: membership of APPROVER_GROUP_ID (transitive, Graph checkMemberGroups) cached for a
// minute, and which of them the bot can reach (people who chatted with it 1:1 at least once).
import type { Logger } from 'pino';
import type { ConversationStore } from '../../store/index.js';
import type { TenantGateway } from '../../tenant/index.js';
import { type StoredReference, USER_REFERENCE_PREFIX } from '../conversationKeys.js';

export interface ReachableApprover {
  aadObjectId: string;
  teamsUserId: string;
  referenceKey: string;
}

export class ApproverDirectory {
  private readonly cache = new Map<string, { isApprover: boolean; until: number }>();

  constructor(
    private readonly deps: {
      tenant: TenantGateway;
      conversations: ConversationStore;
      approverGroupId: string | undefined;
      logger: Logger;
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  async isApprover(aadObjectId: string): Promise<boolean> {
    const groupId = this.deps.approverGroupId;
    if (!groupId || !aadObjectId) return false;
    const now = (this.deps.now ?? Date.now)();
    const cached = this.cache.get(aadObjectId);
    if (cached && cached.until > now) return cached.isApprover;
    const groups = await this.deps.tenant.checkMemberGroups(aadObjectId, [groupId]);
    const isApprover = groups.includes(groupId);
    this.cache.set(aadObjectId, { isApprover, until: now + (this.deps.ttlMs ?? 60_000) });
    return isApprover;
  }

  /** Approvers with a 1:1 chat the bot can post to, except `excludeAadObjectId` (the requester). */
  async reachableApprovers(excludeAadObjectId?: string): Promise<ReachableApprover[]> {
    const found: ReachableApprover[] = [];
    for (const { key, reference } of await this.deps.conversations.listReferences(USER_REFERENCE_PREFIX)) {
      const aadObjectId = key.slice(USER_REFERENCE_PREFIX.length);
      if (aadObjectId === excludeAadObjectId) continue;
      const teamsUserId = (reference as StoredReference).reference?.user?.id;
      if (!teamsUserId) continue;
      try {
        if (await this.isApprover(aadObjectId)) found.push({ aadObjectId, teamsUserId, referenceKey: key });
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'approver membership could not be checked');
      }
    }
    return found;
  }
}
