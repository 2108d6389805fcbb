// Who may do what, and whom the bot can reach. Approvers are the transitive members of APPROVER_GROUP_ID:
// to address approval cards (refresh.userIds, 1:1 posts) the group is read once — every page of Graph's
// transitiveMembers — kept a minute and intersected with the people who chat with the bot, instead of one
// Graph call per stored conversation. A click is authorized live (checkMemberGroups, never cached), and a
// click whose answer contradicts the cached list (a new approver, or one just removed) makes the next card
// read the group again. Members of HELPDESK_GROUP_ID are checked per person, cached a minute.
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
  private readonly memberCache = new Map<string, { isMember: boolean; until: number }>();
  /** The approver group's users as last read; `until` is when the next card reads the group again. */
  private approvers: { ids: ReadonlySet<string>; until: number } | null = null;
  private reading: Promise<ReadonlySet<string>> | null = null;
  /** Bumped when a click proves the list outdated, so a read begun before it does not count as fresh. */
  private generation = 0;

  constructor(
    private readonly deps: {
      tenant: TenantGateway;
      conversations: ConversationStore;
      approverGroupId: string | undefined;
      /** When set, only its members may start requests (HELPDESK_GROUP_ID). */
      helpdeskGroupId?: string;
      logger: Logger;
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  /**
   * Whether this person may decide approvals, asked of Graph now: a click is authorized on what the
   * directory says at that moment, not on a list up to a minute old.
   */
  async isApprover(aadObjectId: string): Promise<boolean> {
    const groupId = this.deps.approverGroupId;
    if (!groupId || !ENTRA_OBJECT_ID.test(aadObjectId)) return false;
    const isMember = await this.checkMembership(aadObjectId, groupId);
    if (this.approvers && this.approvers.ids.has(aadObjectId) !== isMember) {
      this.approvers = { ids: this.approvers.ids, until: 0 };
      this.generation += 1;
    }
    return isMember;
  }

  /** Everyone may start requests unless HELPDESK_GROUP_ID limits it to its members. */
  async mayStartRequests(aadObjectId: string): Promise<boolean> {
    const groupId = this.deps.helpdeskGroupId;
    if (!groupId) return true;
    // Only an Entra object id can be a member; Teams ids (29:…) of guests or forged activities cannot.
    if (!ENTRA_OBJECT_ID.test(aadObjectId)) return false;
    const key = `${groupId}|${aadObjectId}`;
    const now = this.now();
    const cached = this.memberCache.get(key);
    if (cached && cached.until > now) return cached.isMember;
    const isMember = await this.checkMembership(aadObjectId, groupId);
    this.memberCache.set(key, { isMember, until: now + this.ttlMs });
    return isMember;
  }

  /** Approvers with a 1:1 chat the bot can post to, except `excludeAadObjectId` (the requester). */
  async reachableApprovers(excludeAadObjectId?: string): Promise<ReachableApprover[]> {
    const approvers = await this.approverIds();
    if (approvers.size === 0) return [];
    const found: ReachableApprover[] = [];
    for (const { key, reference } of await this.deps.conversations.listReferences(USER_REFERENCE_PREFIX)) {
      const aadObjectId = key.slice(USER_REFERENCE_PREFIX.length);
      if (aadObjectId === excludeAadObjectId || !approvers.has(aadObjectId)) continue;
      const teamsUserId = (reference as StoredReference).reference?.user?.id;
      if (teamsUserId) found.push({ aadObjectId, teamsUserId, referenceKey: key });
    }
    return found;
  }

  private async checkMembership(aadObjectId: string, groupId: string): Promise<boolean> {
    try {
      return (await this.deps.tenant.checkMemberGroups(aadObjectId, [groupId])).includes(groupId);
    } catch (error) {
      // A user who is not in the directory (deleted, or an id that was never there) is nobody's member.
      if (error instanceof TenantError && error.code === 'NotFound') return false;
      throw error;
    }
  }

  /** The approver group's users: the cached list, or one read shared by everyone asking meanwhile. */
  private approverIds(): Promise<ReadonlySet<string>> {
    const groupId = this.deps.approverGroupId;
    if (!groupId) return Promise.resolve(new Set());
    if (this.approvers && this.approvers.until > this.now()) return Promise.resolve(this.approvers.ids);
    this.reading ??= this.readGroup(groupId).finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readGroup(groupId: string): Promise<ReadonlySet<string>> {
    const generation = this.generation;
    try {
      const ids: ReadonlySet<string> = new Set(await this.deps.tenant.listGroupUserIds(groupId));
      const fresh = generation === this.generation;
      this.approvers = { ids, until: fresh ? this.now() + this.ttlMs : 0 };
      return ids;
    } catch (error) {
      // Cards stay readable without refresh.userIds (the base card is the status view), so an outage costs
      // the live buttons, not the card: use the last list read, if any.
      this.deps.logger.warn({ err: error }, 'the approver group could not be read; using the last list read');
      return this.approvers?.ids ?? new Set();
    }
  }

  private get ttlMs(): number {
    return this.deps.ttlMs ?? 60_000;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
