// The approval card's notes and inputs for detected cases, repeat offenders and open findings: who asked
// (the bot itself for a case it opened), the repeat-offender banner in red with its history in plain text and
// who may approve now, the acknowledgement an approver ticks where there is no security approvers group,
// the "finish the findings first" line only while a decision is pending, and which buttons stay enabled.
import { strict as assert } from 'node:assert';
import { approvalCard } from '../../../src/bot/approvals/approvalCards.js';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { createTranslator } from '../../../src/i18n/index.js';
import { DETECTION_ACTOR, type RepeatOffence, type UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const t = createTranslator();
const sign = createCardSigner(Buffer.alloc(32, 7)).sign;
const carol = { aadObjectId: '00000000-0000-4000-8000-0000000000ca', name: 'Carol Approver' };

const repeat: RepeatOffence = {
  windowDays: 7,
  previous: [
    {
      requestId: 'req-0',
      restrictedAt: null,
      unblockedAt: '2024-04-28T10:00:00.000Z',
      approvedBy: carol,
      findings: [],
    },
  ],
  unblocksLast24h: 0,
};
/** Checks that found nothing suspicious and read everything: no checklist, Approve enabled. */
const cleanChecks = {
  forwarding: null,
  suspiciousRules: [],
  ruleCount: 2,
  sessionsRevoked: true,
  signInRisk: { riskLevel: 'none', riskState: 'none', recentDetections: 0 },
  appConsents: [],
};

type Block = {
  type?: string;
  text?: string;
  color?: string;
  title?: string;
  items?: Block[];
  body?: Block[];
};
type Action = { verb: string; isEnabled?: boolean };

function render(
  request: UnblockRequest,
  options: { view?: 'approver' | 'status'; securityApprovers?: boolean; notice?: string } = {},
) {
  return approvalCard(request, {
    t,
    language: 'en',
    sign,
    view: options.view ?? 'approver',
    securityApprovers: options.securityApprovers ?? false,
    refreshUserIds: [],
    giveUpAfterHours: 24,
    notice: options.notice,
  }) as { body: Block[]; actions: Action[] };
}

function blocks(card: { body: Block[] }): Block[] {
  const all: Block[] = [];
  const walk = (list: Block[] | undefined) => {
    for (const block of list ?? []) {
      all.push(block);
      walk(block.items);
    }
  };
  walk(card.body);
  return all;
}

/** The colour of the text block that says `text`; fails when there is none. */
function colorOf(card: { body: Block[] }, text: RegExp): string | undefined {
  const block = blocks(card).find((b) => b.type === 'TextBlock' && text.test(b.text ?? ''));
  assert.ok(block, `a text block ${text}`);
  return block.color;
}

const says = (card: { body: Block[] }, text: RegExp) =>
  blocks(card).some((b) => b.type === 'TextBlock' && text.test(b.text ?? ''));
const toggle = (card: { body: Block[] }) => blocks(card).find((b) => b.type === 'Input.Toggle');
const facts = (card: { body: Block[] }) =>
  (blocks(card).find((b) => b.type === 'FactSet') as { facts?: { title: string; value: string }[] }).facts ??
  [];

const pendingRepeat = () =>
  sampleRequest({ state: 'pending_approval', checks: cleanChecks, resolutions: [], repeat });

describe('the approval card of a repeat offender', () => {
  it('shows the banner in red, the history in plain text and who may approve in red', () => {
    const card = render(pendingRepeat());
    assert.equal(colorOf(card, /^Probably still compromised/), 'attention');
    assert.equal(colorOf(card, /^Unblocked .*approved by Carol Approver/), 'default');
    assert.equal(colorOf(card, /^Approve needs an approver other than Carol Approver/), 'attention');
  });

  it('asks the approver to acknowledge it where there is no security approvers group, and nobody else', () => {
    assert.equal(
      toggle(render(pendingRepeat()))?.title,
      'I checked the account again: it was restricted again soon after an unblock, and its findings are dealt with.',
    );
    assert.equal(toggle(render(pendingRepeat(), { securityApprovers: true })), undefined);
    assert.equal(toggle(render(pendingRepeat(), { view: 'status' })), undefined);
    assert.equal(
      toggle(render(sampleRequest({ state: 'pending_approval', checks: cleanChecks }))),
      undefined,
      'not a repeat offender',
    );
  });

  it('says who may approve only while there is a decision to make', () => {
    const decided = sampleRequest({ state: 'approved', checks: cleanChecks, repeat, decidedBy: carol });
    const card = render(decided);
    assert.ok(says(card, /^Probably still compromised/), 'the history stays');
    assert.equal(says(card, /^Approve needs an approver other than/), false);
    assert.equal(toggle(card), undefined);
  });
});

describe('the approval card’s notes', () => {
  it('names the bot as the requester of a case it opened by itself', () => {
    const card = render(
      sampleRequest({ state: 'pending_approval', requester: DETECTION_ACTOR, checks: cleanChecks }),
    );
    const requestedBy = facts(card).find((f) => f.title === 'Requested by');
    assert.equal(requestedBy?.value, t.t('en', 'detection.requester'));
    assert.notEqual(requestedBy?.value, DETECTION_ACTOR.name);
  });

  it('shows the facts it has and no others', () => {
    const bare = sampleRequest({ state: 'pending_approval', restriction: null, checks: null });
    assert.deepEqual(
      facts(render(bare)).map((f) => f.title),
      ['Requested by', 'Requested', 'Password'],
    );
  });

  it('shows a notice for the clicker in red', () => {
    const card = render(pendingRepeat(), { notice: 'Something went wrong' });
    assert.equal(colorOf(card, /^Something went wrong$/), 'attention');
  });

  it('asks to deal with the findings first only while the request waits for a decision', () => {
    const open = sampleRequest({ state: 'pending_approval' });
    assert.equal(colorOf(render(open), /^Approve works once every suspicious finding/), 'warning');
    assert.equal(
      says(render({ ...open, state: 'approved', decidedBy: carol }), /^Approve works once/),
      false,
    );
    assert.equal(says(render(pendingRepeat()), /^Approve works once/), false, 'nothing open');
  });

  it('keeps Reject and Retry enabled; only Approve waits for the findings', () => {
    const enabled = (card: { actions: Action[] }) =>
      Object.fromEntries(card.actions.map((a) => [a.verb, a.isEnabled]));
    assert.deepEqual(enabled(render(sampleRequest({ state: 'pending_approval' }))), {
      'approval.approve': false,
      'approval.reject': true,
    });
    assert.deepEqual(enabled(render(pendingRepeat())), { 'approval.approve': true, 'approval.reject': true });
    const failed = sampleRequest({ state: 'failed', failure: 'retries-exhausted', decidedBy: carol });
    assert.deepEqual(enabled(render(failed)), { 'approval.retry': true });
  });
});
