// The helpdesk's card of a case the bot opened by itself: who was restricted, when and why (the parsed
// Reason), Microsoft's alert when there is one, and Start runbook while nobody has taken the case. Built
// from the stored request alone, like every card; the same card is updated as the case moves on.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import { isUnclaimedDetection, type UnblockRequest } from '../../runbook/index.js';
import { repeatLines } from '../approvals/repeatSection.js';
import { detectionActionParts, type SignCard } from '../cardSigning.js';
import { noticeCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { restrictionFacts, userLabel } from '../cards/runbookCards.js';

export interface HelpdeskCardOptions {
  t: Translator;
  language: Language;
  sign: SignCard;
  /** A line for the clicker only (why nothing started, where the runbook continues). */
  notice?: string;
}

/** Whether the case can still be started from the card (open, and nobody has taken it). */
export function isStartable(request: UnblockRequest): boolean {
  return request.state === 'open' && isUnclaimedDetection(request);
}

export function helpdeskCard(request: UnblockRequest, options: HelpdeskCardOptions): AdaptiveCardJson {
  const { t, language } = options;
  const tr = (key: MessageKey, vars?: MessageVars) => t.t(language, key, vars);
  const user = userLabel(request.target);
  const ctx = { t, language, runbookId: request.id, step: 'restriction' as const, sign: options.sign };
  const startable = isStartable(request);
  const claimedBy = request.detection?.claimedBy;
  const alerts = request.detection?.alerts ?? [];
  const paragraphs = [
    ...(options.notice ? [options.notice] : []),
    ...(startable ? [tr('detection.intro', { user })] : []),
    ...repeatLines(request, { t, language }),
    ...alerts
      .slice(0, 3)
      .map((alert) =>
        alert.webUrl ? tr('detection.alert', { url: alert.webUrl }) : tr('detection.alertNoLink'),
      ),
    ...(claimedBy
      ? [
          tr('detection.claimedBy', {
            agent: claimedBy.name,
            date: t.formatDateTime(language, request.detection?.claimedAt ?? request.updatedAt),
          }),
        ]
      : []),
    ...(request.state === 'resolved-by-itself' ? [tr('detection.resolved', { user })] : []),
    ...(startable ? [tr('detection.startHint')] : []),
  ];
  const verb = 'detection.startRunbook';
  return noticeCard({
    style: startable ? 'warning' : request.state === 'resolved-by-itself' ? 'good' : 'default',
    header: tr('detection.header'),
    title: tr('detection.title', { user }),
    paragraphs,
    facts: [
      ...(request.restriction ? restrictionFacts(ctx, request.restriction) : []),
      { title: tr('approval.status'), value: tr(`state.${request.state}`) },
    ],
    actions: startable
      ? [
          {
            title: tr('detection.startRunbook'),
            verb,
            data: { requestId: request.id, sig: options.sign(...detectionActionParts(request.id, verb)) },
            style: 'positive',
          },
        ]
      : [],
  });
}
