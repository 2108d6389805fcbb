// Everything the runbook needs from Microsoft 365, behind one interface. The live implementation talks to
// Microsoft Graph and the Exchange Online admin REST endpoint; in simulated mode the same live clients are
// pointed at the simulator. Failures throw TenantError (src/runbook/errors.ts).
import type {
  DirectoryUser,
  InboxRuleSummary,
  MailboxForwarding,
  RestrictedSender,
} from '../runbook/index.js';

export interface MessageTraceEntry {
  senderAddress: string;
  recipientAddress: string;
  receivedDateTime: string;
  status: string;
}

export interface TenantGateway {
  /**
   * Finds users by what an agent types: a prefix ("rob"), a UPN or a mail address. At most `limit`
   * results (default 10), exact UPN/mail matches first.
   */
  findUsers(query: string, limit?: number): Promise<DirectoryUser[]>;
  /** One user by object id or UPN; null when there is no such user. */
  getUser(idOrUpn: string): Promise<DirectoryUser | null>;
  /**
   * Sets a new password with forceChangePasswordNextSignIn. Throws TenantError 'OnPremisesManaged' for a
   * synced/federated user, whose password must be changed on-premises.
   */
  resetPassword(userId: string, newPassword: string): Promise<void>;
  /** Invalidates refresh tokens and session cookies (Graph revokeSignInSessions). */
  revokeSessions(userId: string): Promise<void>;
  /** The whole Restricted entities list, every page (one logical Get-BlockedSenderAddress call). */
  listRestrictedSenders(): Promise<RestrictedSender[]>;
  /** Get-BlockedSenderAddress -SenderAddress; null when the address is not restricted. */
  findRestrictedSender(address: string): Promise<RestrictedSender | null>;
  /** Remove-BlockedSenderAddress. Throws TenantError 'UnblockLimitReached' when Microsoft refuses. */
  unblockSender(address: string): Promise<void>;
  /** Mailbox-level forwarding (Exchange Get-Mailbox); Graph does not expose it. */
  getMailboxForwarding(address: string): Promise<MailboxForwarding>;
  /** Inbox rules (Graph messageRules), summarised for the compromise check. */
  listInboxRules(userId: string): Promise<InboxRuleSummary[]>;
  /**
   * Object ids of every user in a group, directly or through nested groups (Graph transitiveMembers,
   * every page). Throws TenantError 'NotFound' for an unknown group.
   */
  listGroupUserIds(groupId: string): Promise<string[]>;
  /** Which of `groupIds` (≤ 20) the user is a transitive member of (Graph checkMemberGroups). */
  checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]>;
  /** Outbound messages from a sender in a time window (Graph message trace). */
  listMessageTrace(senderAddress: string, from: Date, to: Date): Promise<MessageTraceEntry[]>;
  /** Cheap calls to Graph and Exchange, for /readyz. Throws when either is unreachable. */
  ping(): Promise<void>;
}
