// The approval card's checklist of suspicious findings: each one with what was found and, while it is open,
// the fix the API allows (remove forwarding, disable the rule, revoke sessions) and Waive, for approvers; a
// fixed or waived finding shows who did it and when (or why). A fix or a waiver is confirmed in a panel
// on the card before anything happens. Pure: built from the stored request alone.
import type { Language, MessageKey, MessageVars, Translator } from '../../i18n/index.js';
import {
  type CompromiseChecks,
  type Finding,
  type FindingFix,
  findingsOf,
  resolutionOf,
  type UnblockRequest,
} from '../../runbook/index.js';
import { evidenceActionParts, type SignCard } from '../cardSigning.js';
import { userLabel } from '../cards/runbookCards.js';
import type { EvidenceVerb } from '../verbs.js';

export interface EvidenceContext {
  t: Translator;
  language: Language;
  sign: SignCard;
}

/** A confirmation the approver asked for: fix this finding, or waive it (with a reason). */
export interface EvidencePanel {
  kind: 'fix' | 'waive';
  finding: string;
}

const fixLabel: Record<FindingFix, MessageKey> = {
  'remove-forwarding': 'evidence.removeForwarding',
  'disable-rule': 'evidence.disableRule',
  'revoke-sessions': 'evidence.revokeSessions',
};

function tr(ctx: EvidenceContext, key: MessageKey, vars?: MessageVars): string {
  return ctx.t.t(ctx.language, key, vars);
}

function button(
  ctx: EvidenceContext,
  request: UnblockRequest,
  finding: string,
  verb: EvidenceVerb,
  title: string,
) {
  return {
    title,
    verb,
    data: {
      requestId: request.id,
      finding,
      sig: ctx.sign(...evidenceActionParts(request.id, finding, verb)),
    },
  };
}

function riskLevel(ctx: EvidenceContext, level: string): string {
  const key: MessageKey =
    level === 'low'
      ? 'evidence.levelLow'
      : level === 'medium'
        ? 'evidence.levelMedium'
        : level === 'high'
          ? 'evidence.levelHigh'
          : 'evidence.levelOther';
  return tr(ctx, key);
}

/** What a finding is, in one line. */
export function findingLabel(ctx: EvidenceContext, finding: Finding): string {
  switch (finding.kind) {
    case 'forwarding':
      return tr(ctx, 'evidence.forwarding', { address: finding.address });
    case 'inbox-rule': {
      const addresses = finding.forwardsTo.join(', ');
      if (addresses && finding.deletes)
        return tr(ctx, 'evidence.ruleForwardsDeletes', { name: finding.name, addresses });
      if (addresses) return tr(ctx, 'evidence.ruleForwards', { name: finding.name, addresses });
      return tr(ctx, 'evidence.ruleDeletes', { name: finding.name });
    }
    case 'sign-in-risk':
      return tr(ctx, 'evidence.signInRisk', {
        level: riskLevel(ctx, finding.riskLevel),
        count: finding.recentDetections,
      });
    case 'app-consents':
      return tr(ctx, 'evidence.appConsents', { apps: finding.apps.join(', ') });
  }
}

/** Facts for the compromise check's card: the sign-in risk and app consents, when they were checked. */
export function evidenceFacts(
  ctx: EvidenceContext,
  checks: CompromiseChecks,
): { title: string; value: string }[] {
  const facts: { title: string; value: string }[] = [];
  if (checks.signInRisk !== undefined) {
    const risk = checks.signInRisk;
    const quiet =
      risk && ['none', 'low'].includes(risk.riskLevel.toLowerCase()) && risk.recentDetections === 0;
    facts.push({
      title: tr(ctx, 'evidence.riskFact'),
      value: !risk
        ? tr(ctx, 'evidence.unreadable')
        : quiet
          ? tr(ctx, 'evidence.riskNone')
          : tr(ctx, 'evidence.riskValue', {
              level: riskLevel(ctx, risk.riskLevel),
              count: risk.recentDetections,
            }),
    });
  }
  if (checks.appConsents !== undefined) {
    const consents = checks.appConsents;
    facts.push({
      title: tr(ctx, 'evidence.consentsFact'),
      value: !consents
        ? tr(ctx, 'evidence.unreadable')
        : consents.length === 0
          ? tr(ctx, 'evidence.consentsNone')
          : [...new Set(consents.map((c) => c.appName))].join(', '),
    });
  }
  return facts;
}

/** The checklist; null when the request has no compromise check or nothing worth a line. */
export function evidenceSection(request: UnblockRequest, ctx: EvidenceContext, interactive: boolean) {
  if (!request.checks) return null;
  const findings = findingsOf(request.checks);
  const open = request.state === 'pending_approval';
  const items = findings.map((finding) => {
    const resolution = resolutionOf(request, finding.key);
    const label = findingLabel(ctx, finding);
    if (resolution) {
      const how =
        resolution.kind === 'fixed'
          ? tr(ctx, 'evidence.fixed', {
              name: resolution.by.name,
              date: ctx.t.formatDateTime(ctx.language, resolution.at),
            })
          : // Stryker disable next-line StringLiteral: a waiver always has its reason (FindingActions.waive)
            tr(ctx, 'evidence.waived', { name: resolution.by.name, reason: resolution.reason ?? '' });
      return { text: `✓ ${label}: ${how}`, color: 'good', actions: [] };
    }
    const actions =
      interactive && open
        ? [
            ...(finding.fix
              ? [button(ctx, request, finding.key, 'evidence.fix', tr(ctx, fixLabel[finding.fix]))]
              : []),
            button(ctx, request, finding.key, 'evidence.waive', tr(ctx, 'evidence.waive')),
          ]
        : [];
    return { text: `⚠ ${label}`, color: 'attention', actions };
  });
  const notes = [
    ...(request.checks.signInRisk === null ? [{ text: tr(ctx, 'evidence.riskUnreadable') }] : []),
    ...(request.checks.appConsents === null ? [{ text: tr(ctx, 'evidence.consentsUnreadable') }] : []),
  ];
  if (items.length === 0 && notes.length === 0) return null;
  const unresolved = findings.some((f) => !resolutionOf(request, f.key));
  return {
    title: tr(ctx, 'evidence.title'),
    intro: items.length === 0 ? null : tr(ctx, unresolved ? 'evidence.intro' : 'evidence.allResolved'),
    items,
    notes,
  };
}

/** The confirmation panel of a fix or a waiver; null when it no longer applies (already dealt with). */
export function evidencePanel(request: UnblockRequest, panel: EvidencePanel, ctx: EvidenceContext) {
  const finding = findingsOf(request.checks).find((f) => f.key === panel.finding);
  if (!finding || resolutionOf(request, finding.key) || request.state !== 'pending_approval') return null;
  const user = userLabel(request.target);
  const back = {
    ...button(ctx, request, finding.key, 'evidence.back', tr(ctx, 'evidence.back')),
    style: 'default',
  };
  if (panel.kind === 'fix' && finding.fix) {
    const question: MessageKey =
      finding.fix === 'remove-forwarding'
        ? 'evidence.confirmRemoveForwarding'
        : finding.fix === 'disable-rule'
          ? 'evidence.confirmDisableRule'
          : 'evidence.confirmRevokeSessions';
    // Each question has only its own placeholder: what the others get never shows.
    const vars = {
      user,
      // Stryker disable next-line StringLiteral: only the forwarding question has {{address}}
      address: finding.kind === 'forwarding' ? finding.address : '',
      // Stryker disable next-line StringLiteral: only the inbox rule question has {{name}}
      name: finding.kind === 'inbox-rule' ? finding.name : '',
    };
    return {
      text: tr(ctx, question, vars),
      reasonInput: null,
      actions: [
        {
          ...button(ctx, request, finding.key, 'evidence.confirmFix', tr(ctx, 'evidence.confirmYes')),
          style: 'positive',
        },
        back,
      ],
    };
  }
  return {
    text: `${findingLabel(ctx, finding)}\n\n${tr(ctx, 'evidence.waiveQuestion')}`,
    reasonInput: { label: tr(ctx, 'evidence.waiveLabel'), placeholder: tr(ctx, 'evidence.waivePlaceholder') },
    actions: [
      {
        ...button(ctx, request, finding.key, 'evidence.confirmWaive', tr(ctx, 'evidence.confirmWaive')),
        style: 'positive',
      },
      back,
    ],
  };
}
