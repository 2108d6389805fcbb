// What every card says about a repeat offender (an account restricted again soon after an unblock): that
// it is probably still compromised, the history of those unblocks (when, who approved, what was found and
// how it was dealt with), who may approve it now, and the daily cap. Pure.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import {
  isRepeatOffender,
  type PriorUnblock,
  previousApprover,
  UNBLOCKS_PER_ACCOUNT_PER_DAY,
  type UnblockRequest,
} from '../../runbook/index.js';
import { userLabel } from '../cards/runbookCards.js';

export interface RepeatContext {
  t: Translator;
  language: Language;
}

const kindKey: Record<string, MessageKey> = {
  forwarding: 'repeat.kindForwarding',
  'inbox-rule': 'repeat.kindRule',
  'sign-in-risk': 'repeat.kindRisk',
  'app-consents': 'repeat.kindConsents',
};

function tr(ctx: RepeatContext, key: MessageKey, vars?: MessageVars): string {
  return ctx.t.t(ctx.language, key, vars);
}

function found(ctx: RepeatContext, prior: PriorUnblock): string {
  if (prior.findings.length === 0) return tr(ctx, 'repeat.foundNothing');
  return prior.findings
    .map((f) => {
      const what = kindKey[f.kind] ? tr(ctx, kindKey[f.kind] as MessageKey) : f.kind;
      const how =
        f.resolution === 'fixed'
          ? 'repeat.resolutionFixed'
          : f.resolution === 'waived'
            ? 'repeat.resolutionWaived'
            : null;
      return how ? `${what} (${tr(ctx, how)})` : what;
    })
    .join(', ');
}

/** The banner and history lines; empty for an account that is not a repeat offender. */
export function repeatLines(request: UnblockRequest, ctx: RepeatContext): string[] {
  if (!isRepeatOffender(request) || !request.repeat) return [];
  const { previous, windowDays } = request.repeat;
  const latest = previous[0];
  const date = (iso: string) => ctx.t.formatDateTime(ctx.language, iso);
  return [
    tr(ctx, 'repeat.banner', {
      user: userLabel(request.target),
      // Stryker disable next-line StringLiteral: a repeat offender has at least one earlier unblock
      date: latest ? date(latest.unblockedAt) : '',
      days: windowDays,
    }),
    ...previous.slice(0, 5).map((prior) =>
      tr(ctx, 'repeat.history', {
        date: date(prior.unblockedAt),
        approver: prior.approvedBy?.name ?? tr(ctx, 'repeat.nobody'),
        findings: found(ctx, prior),
      }),
    ),
    tr(ctx, 'repeat.cap', { count: request.repeat.unblocksLast24h, max: UNBLOCKS_PER_ACCOUNT_PER_DAY }),
  ];
}

/** Who may approve a repeat offender, for a card still waiting for a decision. */
export function repeatRule(
  request: UnblockRequest,
  ctx: RepeatContext,
  securityApprovers: boolean,
): string | null {
  if (!isRepeatOffender(request)) return null;
  if (securityApprovers) return tr(ctx, 'repeat.needsSecurity');
  return tr(ctx, 'repeat.needsOther', {
    approver: previousApprover(request)?.name ?? tr(ctx, 'repeat.nobody'),
  });
}
