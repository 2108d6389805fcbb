// A phishing wave's cards render valid Adaptive Card 1.5 under Teams' 28 KB in every language, even for a
// wave of 500 accounts: the list is cut and counted, the per-account buttons are few.
import { strict as assert } from 'node:assert';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { batchCard, incidentCard, summaryCard } from '../../../src/bot/waves/waveCards.js';
import { createTranslator, supportedLanguages } from '../../../src/i18n/index.js';
import type { WaveView } from '../../../src/requests/index.js';
import { detectedRequest, type UnblockRequest } from '../../../src/runbook/index.js';
import { cardProblems } from '../../support/adaptiveCards.js';
import { cardText, findAction } from '../../support/teams.js';

const t = createTranslator();
const sign = createCardSigner(Buffer.alloc(32, 7)).sign;
const clean = {
  forwarding: null,
  suspiciousRules: [],
  ruleCount: 0,
  sessionsRevoked: false,
  signInRisk: null,
  appConsents: [],
};

function member(i: number, state: UnblockRequest['state'], findings = false): UnblockRequest {
  const request = detectedRequest({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    tenantId: 't',
    target: {
      id: `u${i}`,
      displayName: `Wave User With A Long Name ${i}`,
      userPrincipalName: `wave.user.with.a.long.address.${i}@contoso.com`,
      mail: `wave.user.with.a.long.address.${i}@contoso.com`,
      onPremisesSyncEnabled: false,
    },
    restriction: {
      senderAddress: `wave${i}@contoso.com`,
      reason: 'OutboundSpamLast24Hours=9',
      createdAt: '2026-11-23T08:00:00Z',
      changedAt: null,
      temporaryBlock: false,
    },
    alerts: [],
    waveId: '6f1c5d2e-8a0b-4c3d-9e7f-1a2b3c4d5e6f',
    locale: 'en',
    now: new Date('2026-11-23T08:01:00Z'),
  });
  const checks = findings
    ? {
        ...clean,
        forwarding: {
          forwardingSmtpAddress: 'x@evil.example',
          forwardingAddress: null,
          deliverToMailboxAndForward: false,
        },
      }
    : clean;
  return { ...request, state, checks: state === 'open' ? null : checks };
}

const states: UnblockRequest['state'][] = [
  'open',
  'pending_approval',
  'approved',
  'waiting_resume',
  'resumed',
  'failed',
];
const big: WaveView = {
  id: '6f1c5d2e-8a0b-4c3d-9e7f-1a2b3c4d5e6f',
  startedAt: '2026-11-23T08:00:00Z',
  members: Array.from({ length: 500 }, (_, i) => member(i, states[i % states.length] ?? 'open', i % 7 === 0)),
};

describe('wave cards', () => {
  for (const language of supportedLanguages) {
    it(`render a 500-account wave valid at 1.5 and under 28 KB in ${language}`, () => {
      const ctx = { t, language, sign };
      assert.deepEqual(cardProblems(incidentCard(big, ctx)), []);
      assert.deepEqual(
        cardProblems(
          batchCard(big, ctx, { view: 'approver', refreshUserIds: ['29:p'], unblocksPerMinute: 60 }),
        ),
        [],
      );
      assert.deepEqual(cardProblems(summaryCard(big, ctx)), []);
    });
  }

  it('offers Approve all clean to approvers only, counts what it does not list, and says why accounts are left out', () => {
    const ctx = { t, language: 'en' as const, sign };
    const approver = batchCard(big, ctx, { view: 'approver', refreshUserIds: [], unblocksPerMinute: 60 });
    assert.ok(findAction(approver, 'wave.approveClean'));
    assert.ok(findAction(approver, 'wave.approveOne'));
    assert.match(cardText(approver), /… and 460 more\./);
    assert.match(
      cardText(incidentCard(big, ctx)),
      /User With A Long Name 7 \(.*\): left out of the batch: findings \(mailbox forwarding\)/,
    );
    const status = batchCard(big, ctx, { view: 'status', refreshUserIds: ['29:p'], unblocksPerMinute: 60 });
    assert.equal(findAction(status, 'wave.approveClean'), undefined);
    assert.ok(findAction(status, 'wave.refresh'));
    assert.match(cardText(incidentCard(big, ctx)), /500 accounts restricted from sending email since/);
  });
});
