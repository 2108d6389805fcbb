// The approval card's evidence checklist renders valid Adaptive Card 1.5 under 28 KB in every language,
// with the confirmation panels, and Approve disabled until every finding is dealt with.
import { strict as assert } from 'node:assert';
import { approvalCard } from '../../../src/bot/approvals/approvalCards.js';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { createTranslator, supportedLanguages } from '../../../src/i18n/index.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';
import { cardProblems } from '../../support/adaptiveCards.js';
import { cardText, findAction } from '../../support/teams.js';

const t = createTranslator();
const sign = createCardSigner(Buffer.alloc(32, 7)).sign;
const request: UnblockRequest = {
  ...sampleRequest(),
  state: 'pending_approval',
  checks: {
    forwarding: {
      forwardingSmtpAddress: 'x@evil.example',
      forwardingAddress: null,
      deliverToMailboxAndForward: false,
    },
    suspiciousRules: [
      { id: 'r1', name: '.', enabled: true, forwardsTo: ['x@evil.example'], deletesMessages: true },
    ],
    ruleCount: 3,
    sessionsRevoked: false,
    signInRisk: { riskLevel: 'high', riskState: 'atRisk', recentDetections: 1 },
    appConsents: null,
  },
};
const options = (language: (typeof supportedLanguages)[number]) => ({
  t,
  language,
  sign,
  view: 'approver' as const,
  refreshUserIds: ['29:p'],
  giveUpAfterHours: 24,
});

describe('approval card evidence', () => {
  for (const language of supportedLanguages) {
    it(`renders the checklist and both panels valid at 1.5 in ${language}`, () => {
      for (const panel of [
        undefined,
        { kind: 'fix' as const, finding: 'rule:r1' },
        { kind: 'waive' as const, finding: 'forwarding' },
      ]) {
        assert.deepEqual(cardProblems(approvalCard(request, { ...options(language), panel })), []);
      }
    });
  }

  it('disables Approve while findings are open, and says why; unreadable parts are named', () => {
    const card = approvalCard(request, options('en'));
    assert.equal((findAction(card, 'approval.approve') as { isEnabled?: boolean }).isEnabled, false);
    assert.match(cardText(card), /Approve works once every suspicious finding is fixed or waived/);
    assert.match(cardText(card), /App consents could not be read/);
    assert.ok(findAction(card, 'Disable rule'));
  });

  it('enables Approve once every finding is fixed or waived, showing who did it', () => {
    const by = { aadObjectId: 'p', name: 'Patti Fernandez' };
    const resolved: UnblockRequest = {
      ...request,
      resolutions: ['forwarding', 'rule:r1', 'sign-in-risk'].map((finding) => ({
        finding,
        kind: 'waived' as const,
        by,
        at: '2026-11-23T10:00:00Z',
        reason: 'own archive',
      })),
    };
    const card = approvalCard(resolved, options('en'));
    assert.equal((findAction(card, 'approval.approve') as { isEnabled?: boolean }).isEnabled, true);
    assert.match(cardText(card), /waived by Patti Fernandez: own archive/);
    assert.equal(findAction(card, 'evidence.waive'), undefined);
  });
});
