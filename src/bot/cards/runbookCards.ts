// Pure builders for the runbook's step cards: from the runbook state and the stored request to card JSON,
// in the agent's language. No I/O here.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import {
  type CompromiseChecks,
  type DirectoryUser,
  numberedStepCount,
  parseRestrictionReason,
  type RestrictedSender,
  type RunbookStep,
  stepNumber,
  type UnblockRequest,
} from '../../runbook/index.js';
import { runbookActionParts, type SignCard } from '../cardSigning.js';
import type { RunbookVerb } from '../verbs.js';
import { type AdaptiveCardJson, renderCard } from './render.js';

const COMPROMISED_ACCOUNT_URL =
  'https://learn.microsoft.com/defender-office-365/responding-to-a-compromised-email-account';
/** Microsoft 365 admin center, Users > Active users (where "Reset password" is). */
const ADMIN_CENTER_USERS_URL = 'https://admin.microsoft.com/#/users';

type Color = 'default' | 'attention' | 'warning' | 'good' | 'accent';
interface Paragraph {
  text: string;
  color: Color;
  weight: 'default' | 'bolder';
}
interface Fact {
  title: string;
  value: string;
}
interface Action {
  title: string;
  verb: RunbookVerb;
  data: { runbookId: string; step: RunbookStep; sig: string };
  style: 'default' | 'positive' | 'destructive';
  /** Secondary actions go to the card's overflow menu, so three buttons never truncate each other. */
  mode: 'primary' | 'secondary';
}

/** Where a card belongs: the runbook it is part of and the step its buttons answer. */
export interface CardContext {
  t: Translator;
  language: Language;
  runbookId: string;
  step: RunbookStep;
  /** Signs each button's ids (runbook, step, verb): see cardSigning.ts. */
  sign: SignCard;
}

function text(s: string, color: Color = 'default', weight: Paragraph['weight'] = 'default'): Paragraph {
  return { text: s, color, weight };
}

function label(ctx: CardContext, key: MessageKey, vars?: MessageVars): string {
  return ctx.t.t(ctx.language, key, vars);
}

function action(
  ctx: CardContext,
  key: MessageKey,
  verb: RunbookVerb,
  style: Action['style'] = 'default',
  mode: Action['mode'] = 'primary',
): Action {
  const sig = ctx.sign(...runbookActionParts(ctx.runbookId, ctx.step, verb));
  return {
    title: label(ctx, key),
    verb,
    data: { runbookId: ctx.runbookId, step: ctx.step, sig },
    style,
    mode,
  };
}

function cancelAction(ctx: CardContext): Action {
  return action(ctx, 'common.cancel', 'runbook.cancel', 'default', 'secondary');
}

/** "Unblock email · Step 2 of 4" */
export function stepHeader(ctx: CardContext): string {
  const appName = label(ctx, 'app.name');
  const n = stepNumber(ctx.step);
  return n === null
    ? appName
    : `${appName} · ${label(ctx, 'app.stepOf', { number: n, count: numberedStepCount })}`;
}

function stepCard(
  ctx: CardContext,
  model: {
    title: string;
    paragraphs?: Paragraph[];
    facts?: Fact[];
    textInput?: { label: string; placeholder: string };
    choiceInput?: { label: string; placeholder: string; choices: { title: string; value: string }[] };
    /**
     * Actions that answer the text just above them, in a row of their own under it: beside Continue and
     * the overflow menu a long label ("Revoke sign-in sessions", "Nee, nu opnieuw instellen") is cut off.
     */
    inlineActions?: Action[];
    link?: { title: string; url: string };
    actions: Action[];
  },
): AdaptiveCardJson {
  return renderCard('runbook-step', {
    header: stepHeader(ctx),
    paragraphs: [],
    facts: [],
    textInput: null,
    choiceInput: null,
    inlineActions: [],
    link: null,
    ...model,
  });
}

export function userLabel(user: DirectoryUser): string {
  const address = user.mail ?? user.userPrincipalName;
  return user.displayName && user.displayName !== address ? `${user.displayName} (${address})` : address;
}

export function askUserCard(ctx: CardContext, problem?: string): AdaptiveCardJson {
  return stepCard(ctx, {
    title: label(ctx, 'who.title'),
    paragraphs: [...(problem ? [text(problem, 'attention')] : []), text(label(ctx, 'who.text'))],
    textInput: { label: label(ctx, 'who.placeholder'), placeholder: label(ctx, 'who.placeholder') },
    actions: [action(ctx, 'who.search', 'runbook.search', 'positive'), cancelAction(ctx)],
  });
}

export function chooseUserCard(ctx: CardContext, query: string, users: DirectoryUser[], problem?: string) {
  return stepCard(ctx, {
    title: label(ctx, 'who.title'),
    paragraphs: [...(problem ? [text(problem, 'attention')] : []), text(label(ctx, 'who.choose', { query }))],
    choiceInput: {
      label: label(ctx, 'who.choosePlaceholder'),
      placeholder: label(ctx, 'who.choosePlaceholder'),
      choices: users.map((u) => ({ title: userLabel(u), value: u.id })),
    },
    actions: [action(ctx, 'who.select', 'runbook.chooseUser', 'positive'), cancelAction(ctx)],
  });
}

export function passwordCard(ctx: CardContext, target: DirectoryUser, problem?: string): AdaptiveCardJson {
  return stepCard(ctx, {
    title: label(ctx, 'password.title'),
    paragraphs: [
      ...(problem ? [text(problem, 'attention')] : []),
      text(label(ctx, 'password.instruction'), 'default', 'bolder'),
      text(label(ctx, 'password.question', { user: userLabel(target) })),
    ],
    inlineActions: [
      action(ctx, 'password.alreadyReset', 'runbook.passwordAlreadyReset'),
      action(ctx, 'password.resetNow', 'runbook.passwordResetNow', 'positive'),
    ],
    // Alone in its row, Cancel is a plain button rather than an overflow menu of one.
    actions: [action(ctx, 'common.cancel', 'runbook.cancel')],
  });
}

/** Shown only in the invoke response to the requesting agent; never sent as a message. */
export function temporaryPasswordCard(
  ctx: CardContext,
  target: DirectoryUser,
  password: string,
): AdaptiveCardJson {
  return renderCard('temporary-password', {
    header: stepHeader(ctx),
    title: label(ctx, 'password.temporaryTitle', { user: userLabel(target) }),
    password,
    once: label(ctx, 'password.temporaryOnce'),
    warning: label(ctx, 'password.temporaryWarning'),
    change: label(ctx, 'password.temporaryChange'),
    actions: [action(ctx, 'password.noted', 'runbook.passwordNoted', 'positive')],
  });
}

export function onPremisesPasswordCard(ctx: CardContext, target: DirectoryUser): AdaptiveCardJson {
  return stepCard(ctx, {
    title: label(ctx, 'password.onPremisesTitle'),
    paragraphs: [text(label(ctx, 'password.onPremisesText', { user: userLabel(target) }), 'warning')],
    actions: [
      action(ctx, 'password.onPremisesDone', 'runbook.passwordOnPremisesDone', 'positive'),
      cancelAction(ctx),
    ],
  });
}

/** The bot was refused the reset (an administrator account): the agent resets it in the admin center. */
export function privilegedPasswordCard(ctx: CardContext, target: DirectoryUser): AdaptiveCardJson {
  return stepCard(ctx, {
    title: label(ctx, 'password.privilegedTitle'),
    paragraphs: [
      text(label(ctx, 'password.privilegedText', { user: userLabel(target) }), 'warning'),
      text(label(ctx, 'password.privilegedHow'), 'default', 'bolder'),
      text(label(ctx, 'password.privilegedElse')),
    ],
    link: { title: label(ctx, 'password.privilegedLink'), url: ADMIN_CENTER_USERS_URL },
    actions: [
      action(ctx, 'password.privilegedDone', 'runbook.passwordResetByHand', 'positive'),
      cancelAction(ctx),
    ],
  });
}

export function restrictionFacts(ctx: CardContext, restriction: RestrictedSender): Fact[] {
  const reason = parseRestrictionReason(restriction.reason);
  const facts: Fact[] = [];
  const unreadable = new Set(restriction.unreadable ?? []);
  if (restriction.createdAt || unreadable.has('createdAt')) {
    facts.push({
      title: label(ctx, 'restriction.since'),
      value: restriction.createdAt
        ? ctx.t.formatDateTime(ctx.language, restriction.createdAt)
        : label(ctx, 'common.unknown'),
    });
  }
  const why = unreadable.has('reason')
    ? label(ctx, 'common.unknown')
    : reason.kind === 'recipient-limit'
      ? label(ctx, 'restriction.reasonRecipientLimit', {
          limit: label(
            ctx,
            reason.limitType === 'Internal'
              ? 'restriction.limitInternal'
              : reason.limitType === 'External'
                ? 'restriction.limitExternal'
                : 'restriction.limitUnknown',
          ),
        })
      : reason.kind === 'outbound-spam'
        ? label(ctx, 'restriction.reasonSpam')
        : label(ctx, 'restriction.reasonUnknown');
  facts.push({ title: label(ctx, 'restriction.reason'), value: why });
  if (reason.internalRecipientsToday !== undefined || reason.externalRecipientsToday !== undefined) {
    facts.push({
      title: label(ctx, 'restriction.recipientsToday'),
      value: label(ctx, 'restriction.recipientsTodayValue', {
        internal: reason.internalRecipientsToday ?? 0,
        external: reason.externalRecipientsToday ?? 0,
      }),
    });
  }
  return facts;
}

export function restrictionCard(ctx: CardContext, target: DirectoryUser, restriction: RestrictedSender) {
  const recipientLimit = parseRestrictionReason(restriction.reason).kind === 'recipient-limit';
  return stepCard(ctx, {
    title: label(ctx, 'restriction.title'),
    paragraphs: [
      text(label(ctx, 'restriction.onList', { user: userLabel(target) }), 'attention', 'bolder'),
      text(label(ctx, 'restriction.blockedEverywhere')),
      ...(recipientLimit ? [text(label(ctx, 'restriction.recipientLimitNote'), 'warning')] : []),
    ],
    facts: restrictionFacts(ctx, restriction),
    actions: [action(ctx, 'common.continue', 'runbook.restrictionContinue', 'positive'), cancelAction(ctx)],
  });
}

export function checkFacts(ctx: CardContext, checks: CompromiseChecks): Fact[] {
  const forwarding = checks.forwarding
    ? (checks.forwarding.forwardingSmtpAddress ?? checks.forwarding.forwardingAddress)
      ? label(ctx, 'checks.forwardingTo', {
          address: checks.forwarding.forwardingSmtpAddress ?? checks.forwarding.forwardingAddress ?? '',
        })
      : checks.forwarding.unreadable?.some((f) => f !== 'deliverToMailboxAndForward')
        ? label(ctx, 'common.unknown')
        : label(ctx, 'checks.forwardingNone')
    : label(ctx, 'checks.forwardingUnknown');
  const rules =
    checks.ruleCount < 0
      ? label(ctx, 'checks.rulesUnknown')
      : checks.suspiciousRules.length > 0
        ? label(ctx, 'checks.rulesSuspicious', {
            count: checks.suspiciousRules.length,
            names: checks.suspiciousRules.map((r) => `"${r.name}"`).join(', '),
          })
        : checks.ruleCount === 0
          ? label(ctx, 'checks.rulesNone')
          : label(ctx, 'checks.rulesCount', { count: checks.ruleCount });
  const sessions = label(ctx, checks.sessionsRevoked ? 'checks.sessionsRevoked' : 'checks.sessionsActive');
  return [
    { title: label(ctx, 'checks.forwarding'), value: forwarding },
    { title: label(ctx, 'checks.rules'), value: rules },
    { title: label(ctx, 'checks.sessions'), value: sessions },
  ];
}

export function checksCard(ctx: CardContext, checks: CompromiseChecks): AdaptiveCardJson {
  const suspicious =
    checks.suspiciousRules.length > 0 ||
    Boolean(checks.forwarding?.forwardingSmtpAddress ?? checks.forwarding?.forwardingAddress);
  return stepCard(ctx, {
    title: label(ctx, 'checks.title'),
    paragraphs: [
      text(label(ctx, 'checks.intro')),
      ...(suspicious ? [text(label(ctx, 'checks.advice'), 'attention', 'bolder')] : []),
    ],
    facts: checkFacts(ctx, checks),
    inlineActions: checks.sessionsRevoked ? [] : [action(ctx, 'checks.revoke', 'runbook.revokeSessions')],
    link: { title: label(ctx, 'checks.learnMore'), url: COMPROMISED_ACCOUNT_URL },
    actions: [action(ctx, 'common.continue', 'runbook.checksContinue', 'positive'), cancelAction(ctx)],
  });
}

export function unblockCard(ctx: CardContext, request: UnblockRequest): AdaptiveCardJson {
  return stepCard(ctx, {
    title: label(ctx, 'unblock.title'),
    paragraphs: [
      text(label(ctx, 'unblock.question', { user: userLabel(request.target) }), 'default', 'bolder'),
      text(label(ctx, 'unblock.summary')),
      text(label(ctx, 'unblock.comeBack'), 'warning'),
    ],
    facts: request.restriction ? restrictionFacts(ctx, request.restriction) : [],
    actions: [
      action(ctx, 'unblock.action', 'runbook.unblock', 'positive'),
      action(ctx, 'unblock.notNow', 'runbook.cancel'),
    ],
  });
}

export function confirmCard(ctx: CardContext, request: UnblockRequest): AdaptiveCardJson {
  return stepCard(ctx, {
    title: label(ctx, 'unblock.confirmTitle'),
    paragraphs: [
      text(label(ctx, 'unblock.confirmQuestion', { user: userLabel(request.target) }), 'default', 'bolder'),
      text(label(ctx, 'unblock.limitNote'), 'warning'),
    ],
    actions: [
      action(ctx, 'common.yes', 'runbook.confirm', 'positive'),
      action(ctx, 'common.no', 'runbook.cancel'),
    ],
  });
}
