// The domain vocabulary of the "Unblock email" runbook. Framework-free: parsed at the edges, trusted here.
import type { RepeatOffence } from './repeatOffenders.js';

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
  /** Graph's messageRule id, to disable the rule; absent in records from before fixes existed. */
  id?: string;
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
  /** Identity Protection's view of the account; null = not readable here, absent = not checked. */
  signInRisk?: SignInRisk | null;
  /** Apps the user consented to in the last 7 days; null = not readable here, absent = not checked. */
  appConsents?: AppConsent[] | null;
}

/** Identity Protection: the user's risk and the risk detections of the last 7 days. */
export interface SignInRisk {
  /** low | medium | high | hidden | none (Graph riskyUser.riskLevel). */
  riskLevel: string;
  /** atRisk | confirmedCompromised | remediated | dismissed | none … (Graph riskyUser.riskState). */
  riskState: string;
  /** Risk detections (risky sign-ins and user risk events) in the last 7 days. */
  recentDetections: number;
}

/** A consent the user gave an application (audit log "Consent to application"). */
export interface AppConsent {
  appName: string;
  at: string;
}

/** How an approver dealt with a suspicious finding before approving: fixed from the card, or waived. */
export interface FindingResolution {
  /** The finding's key (findings.ts): "forwarding", "rule:<id>", "sign-in-risk", "app-consents". */
  finding: string;
  kind: 'fixed' | 'waived';
  by: Actor;
  at: string;
  /** Why a waived finding is acceptable (required for a waiver). */
  reason: string | null;
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
  | 'expired'
  /** A detected restriction that ended before anyone acted: the account left the list by itself. */
  | 'resolved-by-itself';

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
  /**
   * Set when the bot opened the request itself because the account landed on the Restricted list
   * (detection); absent for requests an agent started.
   */
  detection?: DetectionFacts | null;
  /** Suspicious findings fixed or waived on the approval card (absent: none yet). */
  resolutions?: FindingResolution[];
  /** Set when the account was unblocked shortly before (repeatOffenders.ts): probably still compromised. */
  repeat?: RepeatOffence | null;
}

/** How a request the bot opened by itself came about, and who took it over. */
export interface DetectionFacts {
  /** The restriction episode: the address and the CreatedDatetime Exchange lists it with. */
  episode: string;
  detectedAt: string;
  /** Microsoft's "User restricted from sending email" alerts that name this account. */
  alerts: DetectionAlert[];
  /** The phishing wave (many accounts restricted at once) this account belongs to; null when alone. */
  waveId: string | null;
  /** The agent who continued it (Start runbook, or typing "unblock"); null while nobody has. */
  claimedBy: Actor | null;
  claimedAt: string | null;
}

export interface DetectionAlert {
  id: string;
  /** The alert in the Microsoft Defender portal. */
  webUrl: string | null;
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
  | 'access.refused'
  | 'request.claimed'
  | 'request.alerted'
  | 'helpdesk-channel.set'
  | 'finding.fixed'
  | 'finding.waived'
  | 'finding.fix-failed'
  | 'wave.approved';
