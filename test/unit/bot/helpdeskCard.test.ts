// The helpdesk card of a detected case renders valid Adaptive Card 1.5 in every state and language, with
// Start runbook only while nobody has taken the case.
import { strict as assert } from 'node:assert';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { helpdeskCard } from '../../../src/bot/detection/helpdeskCard.js';
import { createTranslator, supportedLanguages } from '../../../src/i18n/index.js';
import { detectedRequest, type UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';
import { cardProblems } from '../../support/adaptiveCards.js';
import { cardText, findAction } from '../../support/teams.js';

const t = createTranslator();
const sign = createCardSigner(Buffer.alloc(32, 7)).sign;
const open = detectedRequest({
  id: '6f1c5d2e-8a0b-4c3d-9e7f-1a2b3c4d5e6f',
  tenantId: 't',
  target: sampleRequest().target,
  restriction: {
    senderAddress: 'rob@contoso.com',
    reason: 'OutboundSpamLast24Hours=120;OutboundMailLast24Hours=130',
    createdAt: '2026-11-23T08:15:00Z',
    changedAt: null,
    temporaryBlock: false,
  },
  alerts: [{ id: 'fa1', webUrl: 'https://security.microsoft.com/alerts/fa1' }],
  waveId: null,
  locale: 'en',
  now: new Date('2026-11-23T08:16:00Z'),
});
const agent = { aadObjectId: 'a', name: 'Megan Bowen' };
const claimed: UnblockRequest = {
  ...open,
  requester: agent,
  detection: open.detection
    ? { ...open.detection, claimedBy: agent, claimedAt: '2026-11-23T08:20:00Z' }
    : null,
};
const resolved: UnblockRequest = { ...open, state: 'resolved-by-itself' };

describe('helpdesk card', () => {
  for (const language of supportedLanguages) {
    it(`renders every state valid at 1.5 in ${language}`, () => {
      for (const request of [open, claimed, resolved]) {
        assert.deepEqual(cardProblems(helpdeskCard(request, { t, language, sign })), []);
      }
    });
  }

  it("says who, when and why, links the alert, and offers Start runbook while the case is nobody's", () => {
    const card = helpdeskCard(open, { t, language: 'en', sign });
    const text = cardText(card);
    assert.match(text, /was restricted from sending email/);
    assert.match(text, /Restricted since/);
    assert.match(text, /Outbound spam/);
    assert.match(text, /https:\/\/security\.microsoft\.com\/alerts\/fa1/);
    assert.ok(findAction(card, 'detection.startRunbook'));
  });

  it('shows who took the case, and no button', () => {
    const card = helpdeskCard(claimed, { t, language: 'en', sign });
    assert.match(cardText(card), /Taken by Megan Bowen/);
    assert.equal(findAction(card, 'detection.startRunbook'), undefined);
  });

  it('says the account left the list by itself', () => {
    const card = helpdeskCard(resolved, { t, language: 'en', sign });
    assert.match(cardText(card), /left the Restricted entities page by itself/);
    assert.equal(findAction(card, 'detection.startRunbook'), undefined);
  });
});
