// Pure builders for the approval card and the notes to the agent, from the stored request alone (never from
// what a clicked card sent back). The status view is what everyone sees; approvers get buttons through the
// card's refresh (Universal Actions), re-checked on the server at every click.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import type { RequestEvent } from '../../requests/index.js';
import {
  canRetryUnblock,
  DETECTION_ACTOR,
  type UnblockRequest,
  unresolvedFindings,
} from '../../runbook/index.js';
import { approvalActionParts, type SignCard } from '../cardSigning.js';
import { noticeCard } from '../cards/noticeCards.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { checkFacts, restrictionFacts, userLabel } from '../cards/runbookCards.js';
import type { ApprovalVerb } from '../verbs.js';
import { type EvidencePanel, evidencePanel, evidenceSection } from './evidenceSection.js';
import { repeatLines, repeatRule } from './repeatSection.js';

/** Teams shows refresh-driven views to at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

export interface ApprovalCardOptions {
  t: Translator;
  language: Language;
  view: 'status' | 'approver';
  /** Teams user ids (29:…) whose client refreshes the card to their own view automatically. */
  refreshUserIds: string[];
  /** A line for the clicker only, e.g. why their click was refused. */
  notice?: string;
  /** Signs each button's ids (request, verb): see cardSigning.ts. */
  sign: SignCard;
  /** RESUME_GIVE_UP_AFTER_H, quoted when sending never resumed. */
  giveUpAfterHours: number;
  /** The fix or waiver the approver is confirming (approver view only). */
  panel?: EvidencePanel;
  /** SECURITY_APPROVER_GROUP_ID is set: a repeat offender needs one of them (else an acknowledgement). */
  securityApprovers?: boolean;
}

type Color = 'default' | 'good' | 'attention' | 'warning' | 'accent';

const stateStyle: Record<UnblockRequest['state'], { style: string; color: Color }> = {
  open: { style: 'default', color: 'default' },
  pending_approval: { style: 'warning', color: 'warning' },
  approved: { style: 'accent', color: 'accent' },
  unblocking: { style: 'accent', color: 'accent' },
  waiting_resume: { style: 'accent', color: 'accent' },
  resumed: { style: 'good', color: 'good' },
  rejected: { style: 'attention', color: 'attention' },
  cancelled: { style: 'default', color: 'default' },
  failed: { style: 'attention', color: 'attention' },
  expired: { style: 'default', color: 'default' },
  'resolved-by-itself': { style: 'good', color: 'good' },
};

const passwordKey: Record<NonNullable<UnblockRequest['password']> | 'unknown', MessageKey> = {
  'reset-by-agent': 'approval.passwordResetByAgent',
  'reset-by-bot': 'approval.passwordResetByBot',
  'on-premises': 'approval.passwordOnPremises',
  unknown: 'approval.passwordUnknown',
};

export function approvalCard(request: UnblockRequest, options: ApprovalCardOptions): AdaptiveCardJson {
  const { t, language } = options;
  const tr = (key: MessageKey, vars?: MessageVars) => t.t(language, key, vars);
  // Stryker disable next-line StringLiteral: every time shown is set (createdAt always; the others with theirs)
  const when = (iso: string | null) => (iso ? t.formatDateTime(language, iso) : '');
  const ctx = { t, language, runbookId: request.id, step: 'unblock' as const, sign: options.sign };
  const data = (verb: ApprovalVerb) => ({
    requestId: request.id,
    sig: options.sign(...approvalActionParts(request.id, verb)),
  });
  const facts = [
    {
      title: tr('approval.requestedBy'),
      value:
        request.requester.aadObjectId === DETECTION_ACTOR.aadObjectId
          ? tr('detection.requester')
          : request.requester.name,
    },
    { title: tr('approval.requestedAt'), value: when(request.submittedAt ?? request.createdAt) },
    ...(request.restriction ? restrictionFacts(ctx, request.restriction) : []),
    { title: tr('approval.password'), value: tr(passwordKey[request.password ?? 'unknown']) },
    ...(request.checks ? checkFacts(ctx, request.checks) : []),
  ];
  if (request.decidedBy) {
    facts.push({
      title: tr('approval.decidedBy'),
      value: `${request.decidedBy.name}, ${when(request.decidedAt)}`,
    });
  }
  if (request.decisionComment) facts.push({ title: tr('approval.comment'), value: request.decisionComment });
  if (request.unblockedAt)
    facts.push({ title: tr('approval.unblockedAt'), value: when(request.unblockedAt) });
  if (request.resumedAt) facts.push({ title: tr('approval.resumedAt'), value: when(request.resumedAt) });

  const pending = request.state === 'pending_approval';
  // Approve stays disabled while a suspicious finding is open (and the server refuses it anyway).
  const evidenceClear = unresolvedFindings(request).length === 0;
  // A failed unblock an approver can retry keeps live buttons (Retry), like a pending one.
  const retryable = canRetryUnblock(request);
  const user = userLabel(request.target);
  const repeat = repeatLines(request, { t, language });
  const rule =
    pending || retryable ? repeatRule(request, { t, language }, options.securityApprovers ?? false) : null;
  const notes = [
    ...(options.notice ? [{ text: options.notice, color: 'attention' }] : []),
    ...repeat.map((text, i) => ({ text, color: i === 0 ? 'attention' : 'default' })),
    ...(rule ? [{ text: rule, color: 'attention' }] : []),
    ...(pending ? [{ text: tr('approval.onApprove'), color: 'default' }] : []),
    ...(pending && !evidenceClear ? [{ text: tr('evidence.unresolved'), color: 'warning' }] : []),
    ...(request.state === 'failed'
      ? [
          {
            text: tr(failureKey[request.failure ?? 'not-restricted'], {
              user,
              hours: options.giveUpAfterHours,
            }),
            color: 'attention',
          },
        ]
      : []),
    ...(retryable ? [{ text: tr('approval.onRetry'), color: 'default' }] : []),
    ...(pending || request.state === 'resumed' ? [{ text: tr('unblock.comeBack'), color: 'warning' }] : []),
  ];
  const action = (
    key: MessageKey,
    verb: ApprovalVerb,
    style: 'default' | 'positive' | 'destructive',
    isEnabled = true,
  ) => ({
    title: tr(key),
    verb,
    data: data(verb),
    style,
    isEnabled,
  });
  const approverView = options.view === 'approver';
  const evidenceCtx = { t, language, sign: options.sign };
  const card = renderCard('approval', {
    style: stateStyle[request.state].style,
    statusColor: stateStyle[request.state].color,
    header: tr('approval.header'),
    title: tr('approval.title', { user: userLabel(request.target) }),
    status: `${tr('approval.status')}: ${tr(`state.${request.state}`)}`,
    facts,
    notes,
    evidence: evidenceSection(request, evidenceCtx, approverView),
    // Without security approvers, a repeat offender's approver acknowledges it (checked on the server).
    acknowledgeInput:
      approverView && rule && !options.securityApprovers ? { title: tr('repeat.acknowledge') } : null,
    panel: approverView && options.panel ? evidencePanel(request, options.panel, evidenceCtx) : null,
    commentInput:
      approverView && (pending || retryable)
        ? { label: tr('approval.commentLabel'), placeholder: tr('approval.commentPlaceholder') }
        : null,
    actions:
      approverView && pending
        ? [
            action('approval.approve', 'approval.approve', 'positive', evidenceClear),
            action('approval.reject', 'approval.reject', 'destructive'),
          ]
        : approverView && retryable
          ? [action('approval.retry', 'approval.retry', 'positive')]
          : pending || retryable
            ? [action('approval.refresh', 'approval.refresh', 'default')]
            : [],
  });
  if (!(pending || retryable) || options.refreshUserIds.length === 0) return card;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: 'approval.refresh', data: data('approval.refresh') },
      userIds: options.refreshUserIds.slice(0, MAX_REFRESH_USERS),
    },
  };
}

const failureKey: Record<NonNullable<UnblockRequest['failure']>, MessageKey> = {
  'unblock-limit-reached': 'agentNote.failedUnblockLimit',
  'insufficient-permissions': 'agentNote.failedPermissions',
  'user-not-found': 'agentNote.failedUserNotFound',
  'not-restricted': 'agentNote.failedOther',
  'resume-timeout': 'agentNote.failedResumeTimeout',
  'retries-exhausted': 'agentNote.failedRetriesExhausted',
};

/** The message the requesting agent gets when their request changes; null when there is nothing to say. */
export function agentNoteCard(
  event: RequestEvent,
  request: UnblockRequest,
  options: {
    t: Translator;
    language: Language;
    giveUpAfterHours: number;
    expireAfterHours: number;
    intro?: string;
  },
): AdaptiveCardJson | null {
  const { t, language } = options;
  const tr = (key: MessageKey, vars?: MessageVars) => t.t(language, key, vars);
  const user = userLabel(request.target);
  // Stryker disable next-line StringLiteral: the notes that name the approver come with a decision
  const approver = request.decidedBy?.name ?? '';
  const lines: string[] = [];
  let style: 'good' | 'attention' | 'warning' | 'accent' | 'default' = 'default';
  switch (event) {
    case 'approved':
      lines.push(tr('agentNote.approved', { approver, user }));
      style = 'accent';
      break;
    case 'rejected':
      lines.push(tr('agentNote.rejected', { approver, user }));
      if (request.decisionComment)
        lines.push(tr('agentNote.rejectedComment', { comment: request.decisionComment }));
      style = 'attention';
      break;
    case 'unblocked':
      lines.push(tr('agentNote.unblocked', { user }));
      style = 'accent';
      break;
    case 'resumed':
      lines.push(tr('agentNote.resumed', { user }), tr('agentNote.resumedAdvice'));
      style = 'good';
      break;
    case 'expired':
      lines.push(tr('agentNote.expired', { user, hours: options.expireAfterHours }));
      style = 'warning';
      break;
    case 'failed':
      lines.push(
        tr(failureKey[request.failure ?? 'not-restricted'], { user, hours: options.giveUpAfterHours }),
      );
      style = 'attention';
      break;
    default:
      return null;
  }
  return noticeCard({
    style,
    header: options.intro ?? null,
    title: tr('app.name'),
    paragraphs: lines,
    facts: [{ title: tr('approval.status'), value: tr(`state.${request.state}`) }],
  });
}
