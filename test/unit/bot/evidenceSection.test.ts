// What the approval card says about the compromise check's findings, in the approver's words: each kind of
// finding in one line, and the sign-in risk and app consents as facts (read, unreadable or quiet).
import { strict as assert } from 'node:assert';
import { evidenceFacts, findingLabel } from '../../../src/bot/approvals/evidenceSection.js';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { createTranslator } from '../../../src/i18n/index.js';
import type { CompromiseChecks, Finding } from '../../../src/runbook/index.js';

const ctx = {
  t: createTranslator(),
  language: 'en' as const,
  sign: createCardSigner(Buffer.alloc(32, 7)).sign,
};

const rule = (forwardsTo: string[], deletes: boolean): Finding => ({
  key: 'rule:1',
  kind: 'inbox-rule',
  ruleId: '1',
  name: '.',
  forwardsTo,
  deletes,
  fix: 'disable-rule',
});

const risk = (riskLevel: string, recentDetections: number): Finding => ({
  key: 'sign-in-risk',
  kind: 'sign-in-risk',
  riskLevel,
  recentDetections,
  fix: 'revoke-sessions',
});

/** The checks as far as the facts read them; the mailbox parts do not matter here. */
const checks = (parts: Pick<CompromiseChecks, 'signInRisk' | 'appConsents'>) => parts as CompromiseChecks;

const factValues = (parts: Pick<CompromiseChecks, 'signInRisk' | 'appConsents'>) =>
  evidenceFacts(ctx, checks(parts)).map((f) => `${f.title}: ${f.value}`);

describe('the approval card’s findings', () => {
  it('says what an inbox rule does: forwards (to every address), deletes, or both', () => {
    assert.equal(
      findingLabel(ctx, rule(['a@evil.example', 'b@evil.example'], false)),
      'Inbox rule "." forwards mail to a@evil.example, b@evil.example',
    );
    assert.equal(findingLabel(ctx, rule([], true)), 'Inbox rule "." deletes mail');
    assert.equal(
      findingLabel(ctx, rule(['a@evil.example'], true)),
      'Inbox rule "." forwards mail to a@evil.example and deletes it',
    );
  });

  it('names the risk level in words, and an unknown level as unknown', () => {
    const labels = ['low', 'medium', 'high', 'hidden'].map((level) => findingLabel(ctx, risk(level, 2)));
    assert.deepEqual(labels, [
      'Identity Protection: low risk, 2 risk detections in the last 7 days',
      'Identity Protection: medium risk, 2 risk detections in the last 7 days',
      'Identity Protection: high risk, 2 risk detections in the last 7 days',
      'Identity Protection: unknown risk, 2 risk detections in the last 7 days',
    ]);
  });

  it('lists every app the user consented to', () => {
    const consents: Finding = {
      key: 'app-consents',
      kind: 'app-consents',
      apps: ['Mail Sync', 'Notes'],
      fix: null,
    };
    assert.equal(
      findingLabel(ctx, consents),
      'Apps the user consented to in the last 7 days: Mail Sync, Notes',
    );
  });

  it('shows the sign-in risk as a fact: unreadable, quiet (none or low without detections), or its level', () => {
    assert.deepEqual(factValues({}), [], 'not checked: no fact');
    assert.deepEqual(factValues({ signInRisk: null }), ['Sign-in risk: Could not be read']);
    for (const level of ['none', 'low', 'LOW'])
      assert.deepEqual(
        factValues({ signInRisk: { riskLevel: level, riskState: 'none', recentDetections: 0 } }),
        ['Sign-in risk: None in the last 7 days'],
      );
    assert.deepEqual(
      factValues({ signInRisk: { riskLevel: 'low', riskState: 'atRisk', recentDetections: 1 } }),
      ['Sign-in risk: low, 1 risk detection in the last 7 days'],
    );
    assert.deepEqual(
      factValues({ signInRisk: { riskLevel: 'medium', riskState: 'atRisk', recentDetections: 0 } }),
      ['Sign-in risk: medium, 0 risk detections in the last 7 days'],
    );
  });

  it('shows the app consents as a fact: unreadable, none, or each app once', () => {
    assert.deepEqual(factValues({ appConsents: null }), ['App consents (7 days): Could not be read']);
    assert.deepEqual(factValues({ appConsents: [] }), ['App consents (7 days): None']);
    const at = '2026-12-01T10:00:00Z';
    assert.deepEqual(
      factValues({
        appConsents: [
          { appName: 'Mail Sync', at },
          { appName: 'Notes', at },
          { appName: 'Mail Sync', at },
        ],
      }),
      ['App consents (7 days): Mail Sync, Notes'],
    );
  });
});
