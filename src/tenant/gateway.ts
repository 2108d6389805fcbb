// Everything the runbook needs from Microsoft 365, behind one interface. The live implementation talks to
// Microsoft Graph and the Exchange Online admin REST endpoint; in simulated mode the same live clients are
// pointed at the simulator. Failures throw TenantError (src/runbook/errors.ts).
import type {
  AppConsent,
  DirectoryUser,
  InboxRuleSummary,
  MailboxForwarding,
  RestrictedSender,
  SignInRisk,
} from '../runbook/index.js';

export interface MessageTraceEntry {
  senderAddress: string;
  recipientAddress: string;
  receivedDateTime: string;
  status: string;
}

/** An account named by an alert's evidence, by whatever the evidence carries. */
export interface AlertAccount {
  address: string | null;
  userPrincipalName: string | null;
  objectId: string | null;
}

/** Microsoft's "User restricted from sending email" alert (Graph security alerts_v2). */
export interface RestrictionAlert {
  id: string;
  createdAt: string;
  webUrl: string | null;
  /** Every account its evidence names: one alert can cover several users (aggregation). */
  accounts: AlertAccount[];
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
  /** Turns an inbox rule off (Graph PATCH messageRule isEnabled=false; MailboxSettings.ReadWrite). */
  disableInboxRule(userId: string, ruleId: string): Promise<void>;
  /** Removes mailbox-level forwarding (Exchange Set-Mailbox; Graph does not expose it). */
  removeMailboxForwarding(address: string): Promise<void>;
  /**
   * Identity Protection: the user's risk level and state, and their risk detections since `since`
   * (IdentityRiskyUser.Read.All, IdentityRiskEvent.Read.All; Entra ID P2). Throws 'Forbidden' without them.
   */
  getSignInRisk(userId: string, since: Date): Promise<SignInRisk>;
  /** Consents the user gave applications since `since` (directory audit log; AuditLog.Read.All). */
  listAppConsents(userId: string, since: Date): Promise<AppConsent[]>;
  /**
   * Object ids of every user in a group, directly or through nested groups (Graph transitiveMembers,
   * every page). Throws TenantError 'NotFound' for an unknown group.
   */
  listGroupUserIds(groupId: string): Promise<string[]>;
  /** Which of `groupIds` (≤ 20) the user is a transitive member of (Graph checkMemberGroups). */
  checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]>;
  /** Outbound messages from a sender in a time window (Graph message trace). */
  listMessageTrace(senderAddress: string, from: Date, to: Date): Promise<MessageTraceEntry[]>;
  /**
   * "User restricted from sending email" alerts created since `since` (Graph security/alerts_v2, every
   * page). Needs SecurityAlert.Read.All; throws TenantError 'Forbidden' without it.
   */
  listRestrictionAlerts(since: Date): Promise<RestrictionAlert[]>;
  /** Cheap calls to Graph and Exchange, for /readyz. Throws when either is unreachable. */
  ping(): Promise<void>;
}
