// The domain vocabulary of the "Unblock email" runbook. Framework-free: parsed at the edges, trusted here.

/** A person in the tenant directory, as the runbook needs to know them. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  /** Synced from on-premises AD: the cloud cannot set the password (change it on-premises). */
  onPremisesSyncEnabled: boolean;
}

/** One row of Exchange Online's Get-BlockedSenderAddress (the Restricted entities list). */
export interface RestrictedSender {
  senderAddress: string;
  /** The raw Reason string, e.g. "EmailSendingLimitExceeded;ExceedingLimitType=External;…". */
  reason: string;
  createdAt: string | null;
  changedAt: string | null;
  temporaryBlock: boolean;
  /** Fields Exchange sent with a value of an unexpected type: unknown, not empty (absent = none). */
  unreadable?: Array<'reason' | 'createdAt' | 'changedAt' | 'temporaryBlock'>;
}

export interface InboxRuleSummary {
  name: string;
  enabled: boolean;
  /** Addresses the rule forwards or redirects to; a common sign of a compromised mailbox. */
  forwardsTo: string[];
  deletesMessages: boolean;
}

export interface MailboxForwarding {
  forwardingSmtpAddress: string | null;
  forwardingAddress: string | null;
  deliverToMailboxAndForward: boolean;
  /** Fields Exchange sent with a value of an unexpected type: unknown, not empty (absent = none). */
  unreadable?: Array<'forwardingSmtpAddress' | 'forwardingAddress' | 'deliverToMailboxAndForward'>;
}

/** What the bot found when it checked the account for signs of compromise. */
export interface CompromiseChecks {
  forwarding: MailboxForwarding | null;
  suspiciousRules: InboxRuleSummary[];
  ruleCount: number;
  sessionsRevoked: boolean;
}

export type PasswordStatus =
  /** The agent said the password was already reset. */
  | 'reset-by-agent'
  /** The bot reset it with a temporary password shown only to the agent. */
  | 'reset-by-bot'
  /** Synced/federated account: the password must be changed on-premises. */
  | 'on-premises';

export type RequestState =
  | 'open'
  | 'pending_approval'
  | 'approved'
  | 'unblocking'
  | 'waiting_resume'
  | 'resumed'
  | 'rejected'
  | 'cancelled'
  | 'failed'
  | 'expired';

/** Who did something, for the audit log and the cards. */
export interface Actor {
  aadObjectId: string;
  name: string;
}

/** The server's record of one unblock request: the single source of truth for every card. */
export interface UnblockRequest {
  id: string;
  /** Incremented on every change; every update is a compare-and-set on it. */
  version: number;
  state: RequestState;
  tenantId: string;
  requester: Actor;
  /** Where the agent talks to the bot, to reach them proactively. */
  conversationId: string;
  /** The agent's language, pinned when the request starts (Teams may send another on a later invoke). */
  locale: string;
  target: DirectoryUser;
  password: PasswordStatus | null;
  restriction: RestrictedSender | null;
  checks: CompromiseChecks | null;
  createdAt: string;
  updatedAt: string;
  /** When the agent confirmed and the request went to the approvers. */
  submittedAt: string | null;
  /** When the approvers were reminded of the pending request. */
  remindedAt: string | null;
  decidedBy: Actor | null;
  decidedAt: string | null;
  decisionComment: string | null;
  unblockedAt: string | null;
  resumedAt: string | null;
  /** A stable code (see RequestFailure) when state is 'failed'. */
  failure: RequestFailure | null;
  /**
   * Which unblock attempt is current: 1 for the first approval, + 1 for each retry of a failed request.
   * Absent in records written before retries existed (read it with unblockAttemptOf).
   */
  attempt?: number;
}

export type RequestFailure =
  | 'unblock-limit-reached'
  | 'user-not-found'
  | 'insufficient-permissions'
  | 'not-restricted'
  | 'resume-timeout'
  /** Exchange kept failing for longer than the job retry budget (JOB_MAX_ATTEMPTS). */
  | 'retries-exhausted';

/** One line of the append-only audit trail. */
export interface AuditEvent {
  requestId: string | null;
  at: string;
  actor: Actor | null;
  action: AuditAction;
  fromState: RequestState | null;
  toState: RequestState | null;
  conversationId: string | null;
  /** Extra facts, never secrets (no passwords, no tokens). */
  detail: Record<string, string | number | boolean | null>;
}

export type AuditAction =
  | 'request.created'
  | 'request.transition'
  | 'password.reset'
  | 'password.confirmed'
  | 'password.on-premises'
  | 'sessions.revoked'
  | 'restriction.checked'
  | 'checks.completed'
  | 'approval.refused'
  | 'approval.decided'
  | 'approval.retried'
  | 'approval.reminded'
  | 'approvals-channel.set'
  | 'unblock.called'
  | 'notify.sending'
  | 'notify.sent'
  | 'notify.failed'
  | 'job.gave-up'
  | 'reconciler.repaired'
  | 'access.refused';
