// Pure builders for a phishing wave's cards, from the stored requests alone: the helpdesk's incident (every
// account and where it is), the approvers' batch approval (approve all clean accounts, or one; the others
// are left out with the reason), and the closing summary.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import type { WaveView } from '../../requests/index.js';
import {
  batchExclusion,
  findingsOf,
  resolutionOf,
  type UnblockRequest,
  type WaveMemberStatus,
  waveCounts,
  waveMemberStatus,
} from '../../runbook/index.js';
import { type SignCard, waveActionParts } from '../cardSigning.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { userLabel } from '../cards/runbookCards.js';
import type { WaveVerb } from '../verbs.js';

export interface WaveCardContext {
  t: Translator;
  language: Language;
  sign: SignCard;
}

/** Lines listed on a card; the rest are counted ("… and 40 more"), so a card stays under Teams' 28 KB. */
const MAX_LINES = 40;
/** Accounts that get their own Approve button on the batch card. */
const MAX_SINGLE_APPROVALS = 15;

const statusKey: Record<WaveMemberStatus, MessageKey> = {
  checking: 'wave.statusChecking',
  clean: 'wave.statusClean',
  flagged: 'wave.statusFlagged',
  taken: 'wave.statusTaken',
  approved: 'wave.statusApproved',
  unblocked: 'wave.statusUnblocked',
  resumed: 'wave.statusResumed',
  ended: 'wave.statusEnded',
};

const countKey: Record<WaveMemberStatus, MessageKey> = {
  checking: 'wave.countChecking',
  clean: 'wave.countClean',
  flagged: 'wave.countFlagged',
  taken: 'wave.countTaken',
  approved: 'wave.countApproved',
  unblocked: 'wave.countUnblocked',
  resumed: 'wave.countResumed',
  ended: 'wave.countEnded',
};

const kindKey: Record<string, MessageKey> = {
  forwarding: 'repeat.kindForwarding',
  'inbox-rule': 'repeat.kindRule',
  'sign-in-risk': 'repeat.kindRisk',
  'app-consents': 'repeat.kindConsents',
};

function tr(ctx: WaveCardContext, key: MessageKey, vars?: MessageVars): string {
  return ctx.t.t(ctx.language, key, vars);
}

function why(ctx: WaveCardContext, member: UnblockRequest): string {
  const exclusion = batchExclusion(member);
  if (exclusion === 'repeat-offender') return tr(ctx, 'wave.whyRepeat');
  if (exclusion === 'daily-cap') return tr(ctx, 'wave.whyCap');
  const open = findingsOf(member.checks).filter((f) => !resolutionOf(member, f.key));
  const kinds = [
    ...new Set(open.map((f) => (kindKey[f.kind] ? tr(ctx, kindKey[f.kind] as MessageKey) : f.kind))),
  ];
  return tr(ctx, 'wave.whyFindings', { findings: kinds.join(', ') });
}

/** One member in one line: who, and where their case is. */
export function memberLine(ctx: WaveCardContext, member: UnblockRequest): string {
  const status = waveMemberStatus(member);
  const vars: MessageVars = {
    why: status === 'flagged' ? why(ctx, member) : '',
    agent: member.detection?.claimedBy?.name ?? member.requester.name,
    state: tr(ctx, `state.${member.state}`),
  };
  return tr(ctx, 'wave.line', { user: userLabel(member.target), status: tr(ctx, statusKey[status], vars) });
}

function countFacts(ctx: WaveCardContext, members: UnblockRequest[]) {
  const counts = waveCounts(members);
  return (Object.keys(counts) as WaveMemberStatus[])
    .filter((status) => counts[status] > 0)
    .map((status) => ({ title: tr(ctx, countKey[status]), value: String(counts[status]) }));
}

function lines(ctx: WaveCardContext, members: UnblockRequest[]) {
  const color = (m: UnblockRequest) =>
    ({ flagged: 'attention', resumed: 'good', clean: 'default' })[waveMemberStatus(m) as string] ?? 'default';
  return {
    items: members
      .slice(0, MAX_LINES)
      .map((m) => ({ text: memberLine(ctx, m), color: color(m), actions: [] })),
    notes:
      members.length > MAX_LINES
        ? [{ text: tr(ctx, 'wave.more', { count: members.length - MAX_LINES }) }]
        : [],
  };
}

/** The helpdesk's incident: every account of the wave and where it is. */
export function incidentCard(wave: WaveView, ctx: WaveCardContext): AdaptiveCardJson {
  const date = ctx.t.formatDateTime(ctx.language, wave.startedAt);
  return renderCard('wave', {
    style: 'attention',
    header: tr(ctx, 'wave.incidentHeader'),
    title: tr(ctx, 'wave.incidentTitle', { count: wave.members.length, date }),
    paragraphs: [
      { text: tr(ctx, 'wave.incidentIntro'), color: 'default' },
      { text: tr(ctx, 'wave.passwordsNote'), color: 'warning' },
    ],
    facts: countFacts(ctx, wave.members),
    ...lines(ctx, wave.members),
    actions: [],
  });
}

export interface BatchCardOptions {
  view: 'status' | 'approver';
  /** A line for the clicker only. */
  notice?: string;
  /** Teams user ids whose client refreshes the card to the approver view. */
  refreshUserIds: string[];
  /** WAVE_UNBLOCKS_PER_MIN, quoted on the card. */
  unblocksPerMinute: number;
}

/** The approvers' batch approval: the clean accounts (approve all, or one), and why the others are left out. */
export function batchCard(wave: WaveView, ctx: WaveCardContext, options: BatchCardOptions): AdaptiveCardJson {
  const clean = wave.members.filter((m) => waveMemberStatus(m) === 'clean');
  const others = wave.members.filter((m) => waveMemberStatus(m) !== 'clean');
  const approver = options.view === 'approver';
  const button = (verb: WaveVerb, title: string, requestId?: string) => ({
    title,
    verb,
    data: {
      waveId: wave.id,
      ...(requestId ? { requestId } : {}),
      sig: ctx.sign(...waveActionParts(wave.id, requestId, verb)),
    },
  });
  const shown = [...clean, ...others].slice(0, MAX_LINES);
  const items = shown.map((m, i) => ({
    text: memberLine(ctx, m),
    color: waveMemberStatus(m) === 'flagged' ? 'attention' : 'default',
    actions:
      approver && waveMemberStatus(m) === 'clean' && i < MAX_SINGLE_APPROVALS
        ? [button('wave.approveOne', tr(ctx, 'wave.approveOne'), m.id)]
        : [],
  }));
  const card = renderCard('wave', {
    style: clean.length > 0 ? 'warning' : 'default',
    header: tr(ctx, 'wave.batchHeader'),
    title: tr(ctx, 'wave.batchTitle'),
    paragraphs: [
      ...(options.notice ? [{ text: options.notice, color: 'attention' }] : []),
      { text: tr(ctx, 'wave.batchIntro'), color: 'default' },
      { text: tr(ctx, 'wave.batchPacing', { perMinute: options.unblocksPerMinute }), color: 'default' },
      { text: tr(ctx, 'wave.passwordsNote'), color: 'warning' },
      ...(clean.length === 0 ? [{ text: tr(ctx, 'wave.noneClean'), color: 'default' }] : []),
    ],
    facts: countFacts(ctx, wave.members),
    items,
    notes:
      wave.members.length > MAX_LINES
        ? [{ text: tr(ctx, 'wave.more', { count: wave.members.length - MAX_LINES }) }]
        : [],
    actions:
      clean.length === 0
        ? []
        : approver
          ? [
              {
                ...button('wave.approveClean', tr(ctx, 'wave.approveAll', { count: clean.length })),
                style: 'positive',
              },
            ]
          : [{ ...button('wave.refresh', tr(ctx, 'approval.refresh')), style: 'default' }],
  });
  if (clean.length === 0 || options.refreshUserIds.length === 0) return card;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: 'wave.refresh', data: button('wave.refresh', '').data },
      userIds: options.refreshUserIds.slice(0, 60),
    },
  };
}

/** The one message when every account of the wave has an outcome. */
export function summaryCard(wave: WaveView, ctx: WaveCardContext): AdaptiveCardJson {
  const date = ctx.t.formatDateTime(ctx.language, wave.startedAt);
  return renderCard('wave', {
    style: 'good',
    header: tr(ctx, 'wave.incidentHeader'),
    title: tr(ctx, 'wave.summaryTitle', { count: wave.members.length }),
    paragraphs: [{ text: tr(ctx, 'wave.summaryText', { date }), color: 'default' }],
    facts: countFacts(ctx, wave.members),
    ...lines(
      ctx,
      wave.members.filter((m) => m.state !== 'resumed'),
    ),
    actions: [],
  });
}
