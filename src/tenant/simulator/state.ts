// The simulated tenant's in-memory state and its rules: who is restricted, the per-account unblock limit,
// the delay between an unblock and the moment the user can really send again, and the message trace.
// Time comes from an injected clock and due releases are applied lazily on every access, so tests can
// drive it with sinon fake timers and never wait.
import { randomUUID } from 'node:crypto';
import { ExchangeRbac } from './exchangeRbac.js';
import { seedGroups, seedInboxRules, seedRestrictions, seedUsers } from './seed.js';

export interface SimUser {
  id: string;
  userPrincipalName: string;
  mail: string | null;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  accountEnabled: boolean;
  /** Graph returns null (not false) for cloud-only users. */
  onPremisesSyncEnabled: boolean | null;
  /** Only the time is kept: the simulator never stores a password. */
  passwordChangedAt: string | null;
  forceChangePasswordNextSignIn: boolean;
  sessionsRevokedAt: string | null;
  /** Exchange Get-Mailbox values; ForwardingSmtpAddress carries the "smtp:" prefix like Exchange does. */
  forwardingSmtpAddress: string | null;
  forwardingAddress: string | null;
  deliverToMailboxAndForward: boolean;
  /** Microsoft Entra roles the user holds (display names), e.g. "Global Administrator". */
  directoryRoles: string[];
}

export interface SimGroup {
  id: string;
  displayName: string;
  memberUserIds: string[];
  memberGroupIds: string[];
}

/** A Graph messageRule, stored as Graph returns it. */
export interface GraphMessageRule {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  hasError: boolean;
  isReadOnly: boolean;
  conditions: Record<string, unknown>;
  actions: Record<string, unknown>;
}

/** One row of Get-BlockedSenderAddress, field names as Exchange returns them. */
export interface BlockedSenderRow {
  SenderAddress: string;
  Reason: string;
  CreatedDatetime: string;
  ChangedDatetime: string;
  TemporaryBlock: boolean;
}

/** One Graph exchangeMessageTrace. */
export interface MessageTraceRow {
  id: string;
  senderAddress: string;
  recipientAddress: string;
  messageId: string;
  receivedDateTime: string;
  subject: string;
  size: number;
  fromIP: string;
  toIP: string;
  status: 'delivered' | 'failed' | 'pending';
}

/** The cmdlets whose rows a test can give unexpected field values. */
export type RowFieldsCmdlet = 'Get-BlockedSenderAddress' | 'Get-Mailbox';

export type UnblockOutcome = 'unblocked' | 'not-on-list' | 'limit-exceeded';

export interface StateSettings {
  releaseDelayMs: number;
  unblockLimitPerDay: number;
  notRestrictedAnswer: 'empty' | 'not-found';
  /** False: the tenant did not grant ExchangeMessageTrace.Read.All, so message trace answers 403. */
  messageTraceGranted: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
export const NDR_5_1_8 = '550 5.1.8 Access denied, bad outbound sender';

export class TenantState {
  users: SimUser[] = [];
  groups: SimGroup[] = [];
  inboxRules = new Map<string, GraphMessageRule[]>();
  readonly blocked = new Map<string, BlockedSenderRow>();
  readonly messageTrace: MessageTraceRow[] = [];
  /** Who may run which Exchange cmdlet app-only (role groups, service principals). */
  readonly exchangeRbac = new ExchangeRbac();
  /**
   * Raw values served in place of a row's own, per cmdlet and identity: Exchange documents no output schema
   * for these cmdlets (m365-contracts.md §1.1, §2.3), so tests can serve what a real tenant might send.
   */
  readonly rowFields = new Map<string, Record<string, unknown>>();
  /** When each message-trace request of the tenant (the bot's and other tools') was made. */
  private readonly traceRequests: number[] = [];
  private readonly unblocks = new Map<string, number[]>();
  private readonly pendingReleases = new Map<string, number>();

  constructor(
    readonly settings: StateSettings,
    readonly now: () => Date,
  ) {
    this.reset();
  }

  reset(): void {
    this.exchangeRbac.reset();
    this.users = seedUsers();
    this.groups = seedGroups();
    this.inboxRules = seedInboxRules();
    this.blocked.clear();
    this.messageTrace.length = 0;
    this.rowFields.clear();
    this.traceRequests.length = 0;
    this.unblocks.clear();
    this.pendingReleases.clear();
    const nowMs = this.now().getTime();
    for (const r of seedRestrictions()) {
      const at = new Date(nowMs - r.hoursAgo * HOUR_MS);
      this.restrict(r.address, r.reason, r.temporaryBlock, at);
      this.addTrace(
        r.address,
        'partner@fabrikam.com',
        'failed',
        'Invoice overdue',
        new Date(at.getTime() + 60_000),
      );
    }
  }

  /** Applies every release that is due. Called before each read or write. */
  advance(): void {
    const nowMs = this.now().getTime();
    for (const [address, releaseAt] of this.pendingReleases) {
      if (releaseAt > nowMs) continue;
      this.pendingReleases.delete(address);
      // The user notices they can send again and does: that is what the resume monitor looks for.
      this.addTrace(
        address,
        'colleague@fabrikam.com',
        'delivered',
        'Re: Are you receiving my mail?',
        new Date(releaseAt),
      );
    }
  }

  findUser(idOrUpn: string): SimUser | undefined {
    const key = idOrUpn.toLowerCase();
    return this.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
  }

  findUserByAddress(address: string): SimUser | undefined {
    const key = address.toLowerCase();
    return this.users.find((u) => u.userPrincipalName.toLowerCase() === key || u.mail?.toLowerCase() === key);
  }

  restrict(address: string, reason: string, temporaryBlock = false, at = this.now()): BlockedSenderRow {
    this.advance();
    const key = address.toLowerCase();
    this.pendingReleases.delete(key);
    const row: BlockedSenderRow = {
      SenderAddress: key,
      Reason: reason,
      CreatedDatetime: at.toISOString(),
      ChangedDatetime: at.toISOString(),
      TemporaryBlock: temporaryBlock,
    };
    this.blocked.set(key, row);
    return row;
  }

  blockedRows(senderAddress?: string): BlockedSenderRow[] {
    this.advance();
    if (senderAddress === undefined) return [...this.blocked.values()];
    const row = this.blocked.get(senderAddress.toLowerCase());
    return row ? [row] : [];
  }

  unblock(address: string): UnblockOutcome {
    this.advance();
    const key = address.toLowerCase();
    if (!this.blocked.has(key)) return 'not-on-list';
    const nowMs = this.now().getTime();
    const recent = (this.unblocks.get(key) ?? []).filter((t) => t > nowMs - DAY_MS);
    if (recent.length >= this.settings.unblockLimitPerDay) return 'limit-exceeded';
    this.unblocks.set(key, [...recent, nowMs]);
    this.blocked.delete(key);
    this.pendingReleases.set(key, nowMs + this.settings.releaseDelayMs);
    return 'unblocked';
  }

  /** The fields to serve instead of a row's own for `cmdlet` and `identity` (an address or a user id). */
  fieldsFor(cmdlet: RowFieldsCmdlet, identity: string): Record<string, unknown> {
    return this.rowFields.get(`${cmdlet}|${identity.toLowerCase()}`) ?? {};
  }

  setFieldsFor(cmdlet: RowFieldsCmdlet, identity: string, fields: Record<string, unknown>): void {
    this.rowFields.set(`${cmdlet}|${identity.toLowerCase()}`, fields);
  }

  /**
   * Counts one message-trace request against the tenant's rolling limit: null when it may proceed, else
   * how long until the oldest request in the window leaves it (the Retry-After).
   */
  takeTraceQuota(limit: { requests: number; windowMs: number }): number | null {
    const nowMs = this.now().getTime();
    while (this.traceRequests.length > 0 && (this.traceRequests[0] ?? 0) <= nowMs - limit.windowMs) {
      this.traceRequests.shift();
    }
    if (this.traceRequests.length >= limit.requests) {
      return (this.traceRequests[0] ?? nowMs) + limit.windowMs - nowMs;
    }
    this.traceRequests.push(nowMs);
    return null;
  }

  /** Message-trace requests made by other tools in the tenant just now: they share the same limit. */
  spendTraceQuota(count: number): void {
    const nowMs = this.now().getTime();
    for (let i = 0; i < count; i++) this.traceRequests.push(nowMs);
  }

  /** Whether mail from the address leaves the tenant right now. */
  canSend(address: string): boolean {
    this.advance();
    const key = address.toLowerCase();
    return !this.blocked.has(key) && !this.pendingReleases.has(key);
  }

  /** The user tries to send: delivered, or bounced with 5.1.8 while restricted or not yet released. */
  sendAttempt(from: string, to: string, subject = 'Test message'): MessageTraceRow {
    const status = this.canSend(from) ? 'delivered' : 'failed';
    return this.addTrace(from, to, status, subject, this.now());
  }

  /** Every member of a group, directly or through nested groups: users and groups, each once. */
  transitiveMembers(groupId: string): Array<{ kind: 'user' | 'group'; id: string }> {
    const users = new Set<string>();
    const groups = new Set<string>();
    let frontier = [groupId];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        const group = this.groups.find((g) => g.id === id);
        for (const userId of group?.memberUserIds ?? []) users.add(userId);
        for (const nested of group?.memberGroupIds ?? []) {
          if (groups.has(nested) || nested === groupId) continue;
          groups.add(nested);
          next.push(nested);
        }
      }
      frontier = next;
    }
    return [
      ...[...users].map((id) => ({ kind: 'user' as const, id })),
      ...[...groups].map((id) => ({ kind: 'group' as const, id })),
    ];
  }

  /** Group ids the user belongs to, directly or through nested groups. */
  transitiveGroupIds(userId: string): Set<string> {
    const result = new Set<string>();
    let frontier = this.groups.filter((g) => g.memberUserIds.includes(userId)).map((g) => g.id);
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        if (result.has(id)) continue;
        result.add(id);
        next.push(...this.groups.filter((g) => g.memberGroupIds.includes(id)).map((g) => g.id));
      }
      frontier = next;
    }
    return result;
  }

  private addTrace(
    from: string,
    to: string,
    status: MessageTraceRow['status'],
    subject: string,
    at: Date,
  ): MessageTraceRow {
    const row: MessageTraceRow = {
      id: randomUUID(),
      senderAddress: from.toLowerCase(),
      recipientAddress: to.toLowerCase(),
      messageId: `<${randomUUID()}@contoso.com>`,
      receivedDateTime: at.toISOString(),
      subject,
      size: 4096 + this.messageTrace.length,
      fromIP: '203.0.113.10',
      toIP: status === 'delivered' ? '198.51.100.25' : '',
      status,
    };
    this.messageTrace.push(row);
    return row;
  }
}
