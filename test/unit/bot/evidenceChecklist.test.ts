// The approval card's evidence checklist and its confirmation panels, as data: which finding gets which
// buttons (only for approvers, only while the request waits for a decision), each button signed for its
// request, finding and verb, what a fixed or waived finding says, the notes on unreadable parts, and which
// panel a Fix or a Waive opens, and when none applies any more.
import { strict as assert } from 'node:assert';
import {
  type EvidencePanel,
  evidencePanel,
  evidenceSection,
} from '../../../src/bot/approvals/evidenceSection.js';
import { createCardSigner, evidenceActionParts } from '../../../src/bot/cardSigning.js';
import { createTranslator } from '../../../src/i18n/index.js';
import type { CompromiseChecks, FindingResolution, UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const signer = createCardSigner(Buffer.alloc(32, 7));
const t = createTranslator();
const ctx = { t, language: 'en' as const, sign: signer.sign };

const checks: CompromiseChecks = {
  forwarding: {
    forwardingSmtpAddress: 'x@evil.example',
    forwardingAddress: null,
    deliverToMailboxAndForward: false,
  },
  suspiciousRules: [
    { id: 'r1', name: 'Hide', enabled: true, forwardsTo: [], deletesMessages: true },
    { name: 'Legacy', enabled: true, forwardsTo: ['y@evil.example'], deletesMessages: false },
  ],
  ruleCount: 4,
  sessionsRevoked: false,
  signInRisk: { riskLevel: 'high', riskState: 'atRisk', recentDetections: 2 },
  appConsents: [{ appName: 'Mail Sync', at: '2024-05-01T07:00:00.000Z' }],
};

const pending = (overrides: Partial<UnblockRequest> = {}): UnblockRequest =>
  sampleRequest({ id: 'req-7', state: 'pending_approval', checks, resolutions: [], ...overrides });

const carol = { aadObjectId: '00000000-0000-4000-8000-0000000000ca', name: 'Carol Approver' };
const fixed = (finding: string): FindingResolution => ({
  finding,
  kind: 'fixed',
  by: carol,
  at: '2024-05-01T09:30:00.000Z',
  reason: null,
});
const waived = (finding: string, reason: string): FindingResolution => ({
  finding,
  kind: 'waived',
  by: carol,
  at: '2024-05-01T09:31:00.000Z',
  reason,
});

interface Button {
  title: string;
  verb: string;
  style?: string;
  data: { requestId: string; finding: string; sig: string };
}

const titles = (actions: readonly Button[]) => actions.map((a) => `${a.title} (${a.verb})`);

function section(request: UnblockRequest, interactive = true) {
  const built = evidenceSection(request, ctx, interactive);
  assert.ok(built, 'a checklist');
  return built as typeof built & { items: { text: string; color: string; actions: Button[] }[] };
}

describe('the approval card’s evidence checklist', () => {
  it('lists every finding in card order, each open one with its fix (where the API has one) and Waive', () => {
    const { title, intro, items, notes } = section(pending());
    assert.equal(title, 'Before approving');
    assert.equal(
      intro,
      'Fix each suspicious finding, or waive it with a reason. Approve works when none is left.',
    );
    assert.deepEqual(
      items.map((i) => [i.text, i.color, titles(i.actions)]),
      [
        [
          '⚠ Mailbox forwarding to x@evil.example',
          'attention',
          ['Remove forwarding (evidence.fix)', 'Waive (evidence.waive)'],
        ],
        [
          '⚠ Inbox rule "Hide" deletes mail',
          'attention',
          ['Disable rule (evidence.fix)', 'Waive (evidence.waive)'],
        ],
        // A rule without an id cannot be disabled through the API: it can only be waived.
        ['⚠ Inbox rule "Legacy" forwards mail to y@evil.example', 'attention', ['Waive (evidence.waive)']],
        [
          '⚠ Identity Protection: high risk, 2 risk detections in the last 7 days',
          'attention',
          ['Revoke sessions (evidence.fix)', 'Waive (evidence.waive)'],
        ],
        [
          '⚠ Apps the user consented to in the last 7 days: Mail Sync',
          'attention',
          ['Waive (evidence.waive)'],
        ],
      ],
    );
    assert.deepEqual(notes, []);
  });

  it('signs each button for its request, its finding and its verb, so no button works for another', () => {
    const { items } = section(pending());
    const buttons = items.flatMap((i) => i.actions);
    for (const button of buttons) {
      assert.equal(button.data.requestId, 'req-7');
      assert.ok(
        signer.verify(button.data.sig, ...evidenceActionParts('req-7', button.data.finding, button.verb)),
        `${button.title} for ${button.data.finding}`,
      );
    }
    assert.deepEqual(
      buttons.map((b) => b.data.finding),
      [
        'forwarding',
        'forwarding',
        'rule:r1',
        'rule:r1',
        'rule:Legacy',
        'sign-in-risk',
        'sign-in-risk',
        'app-consents',
      ],
    );
    const [fix, waive] = buttons;
    assert.ok(fix && waive);
    assert.equal(
      signer.verify(fix.data.sig, ...evidenceActionParts('req-7', 'forwarding', 'evidence.waive')),
      false,
    );
    assert.equal(
      signer.verify(fix.data.sig, ...evidenceActionParts('req-8', 'forwarding', 'evidence.fix')),
      false,
    );
    assert.equal(
      signer.verify(fix.data.sig, ...evidenceActionParts('req-7', 'rule:r1', 'evidence.fix')),
      false,
    );
  });

  it('offers no buttons to someone who is no approver, or once the request no longer waits for a decision', () => {
    const open = (request: UnblockRequest, interactive: boolean) =>
      section(request, interactive).items.flatMap((i) => i.actions);
    assert.deepEqual(open(pending(), false), []);
    for (const state of ['approved', 'rejected', 'expired', 'resumed'] as const)
      assert.deepEqual(open(pending({ state }), true), [], state);
    assert.equal(open(pending(), true).length, 8);
  });

  it('shows a fixed finding with who fixed it and when, a waived one with who and why, both without buttons', () => {
    const request = pending({
      resolutions: [fixed('forwarding'), waived('rule:Legacy', 'the user’s own archive')],
    });
    const { intro, items } = section(request);
    assert.deepEqual(
      items.slice(0, 3).map((i) => [i.text, i.color, i.actions.length]),
      [
        [
          `✓ Mailbox forwarding to x@evil.example: fixed by Carol Approver, ${t.formatDateTime('en', '2024-05-01T09:30:00.000Z')}`,
          'good',
          0,
        ],
        ['⚠ Inbox rule "Hide" deletes mail', 'attention', 2],
        [
          '✓ Inbox rule "Legacy" forwards mail to y@evil.example: waived by Carol Approver: the user’s own archive',
          'good',
          0,
        ],
      ],
    );
    assert.equal(
      intro,
      'Fix each suspicious finding, or waive it with a reason. Approve works when none is left.',
    );
  });

  it('says every finding is dealt with once none is open', () => {
    const request = pending({
      resolutions: ['forwarding', 'rule:r1', 'rule:Legacy', 'sign-in-risk', 'app-consents'].map((key) =>
        waived(key, 'checked with the user'),
      ),
    });
    const { intro, items } = section(request);
    assert.equal(intro, 'Every suspicious finding is fixed or waived.');
    assert.ok(items.every((i) => i.color === 'good' && i.actions.length === 0));
  });

  it('names the parts that could not be read, even when nothing suspicious was found', () => {
    const quiet: CompromiseChecks = {
      ...checks,
      forwarding: null,
      suspiciousRules: [],
      signInRisk: null,
      appConsents: null,
    };
    const built = section(pending({ checks: quiet }));
    assert.deepEqual(built.items, []);
    assert.equal(built.intro, null, 'no findings: nothing to fix or waive');
    assert.deepEqual(
      built.notes.map((n) => n.text),
      [
        'Sign-in risk could not be read (Identity Protection permissions, see docs/setup.md).',
        'App consents could not be read (AuditLog.Read.All, see docs/setup.md).',
      ],
    );
    assert.deepEqual(
      section(pending({ checks: { ...quiet, signInRisk: null, appConsents: [] } })).notes.map((n) => n.text),
      ['Sign-in risk could not be read (Identity Protection permissions, see docs/setup.md).'],
    );
  });

  it('has no checklist without a compromise check, or when the check found nothing and read everything', () => {
    assert.equal(evidenceSection(pending({ checks: null }), ctx, true), null);
    const clean: CompromiseChecks = {
      ...checks,
      forwarding: null,
      suspiciousRules: [
        { id: 'r9', name: 'Off', enabled: false, forwardsTo: ['z@evil.example'], deletesMessages: true },
      ],
      signInRisk: { riskLevel: 'none', riskState: 'none', recentDetections: 0 },
      appConsents: [],
    };
    assert.equal(evidenceSection(pending({ checks: clean }), ctx, true), null);
    // Not checked at all (older requests): no notes either.
    const { signInRisk: _risk, appConsents: _consents, ...unchecked } = clean;
    assert.equal(evidenceSection(pending({ checks: unchecked }), ctx, true), null);
  });
});

describe('the evidence confirmation panels', () => {
  const panel = (request: UnblockRequest, wanted: EvidencePanel) => {
    const built = evidencePanel(request, wanted, ctx);
    assert.ok(built, `a panel for ${wanted.kind} ${wanted.finding}`);
    return built as typeof built & { actions: Button[] };
  };

  it('asks before each fix, naming the user and what will change', () => {
    const user = 'Rob Young (rob@contoso.com)';
    const questions = ['forwarding', 'rule:r1', 'sign-in-risk'].map(
      (finding) => panel(pending(), { kind: 'fix', finding }).text,
    );
    assert.deepEqual(questions, [
      `Remove the forwarding of the mailbox of ${user} to x@evil.example?`,
      `Disable the inbox rule "Hide" in the mailbox of ${user}?`,
      `Revoke every sign-in session of ${user}? Every device must sign in again.`,
    ]);
  });

  it('confirms a fix with "Yes, do it" or goes back, each signed for the finding', () => {
    const built = panel(pending(), { kind: 'fix', finding: 'rule:r1' });
    assert.equal(built.reasonInput, null);
    assert.deepEqual(
      built.actions.map((a) => [a.title, a.verb, a.style]),
      [
        ['Yes, do it', 'evidence.confirmFix', 'positive'],
        ['Back', 'evidence.back', 'default'],
      ],
    );
    for (const action of built.actions)
      assert.ok(signer.verify(action.data.sig, ...evidenceActionParts('req-7', 'rule:r1', action.verb)));
  });

  it('asks for a reason before a waiver, and a finding without a fix can only be waived', () => {
    for (const wanted of [
      { kind: 'waive' as const, finding: 'forwarding' },
      // Fix asked for a finding the API cannot fix: the waiver panel instead.
      { kind: 'fix' as const, finding: 'app-consents' },
    ]) {
      const built = panel(pending(), wanted);
      const label =
        wanted.finding === 'forwarding'
          ? 'Mailbox forwarding to x@evil.example'
          : 'Apps the user consented to in the last 7 days: Mail Sync';
      assert.equal(
        built.text,
        `${label}\n\nWhy is this finding acceptable? Your reason is recorded with your name.`,
      );
      assert.deepEqual(built.reasonInput, {
        label: 'Reason',
        placeholder: "For example: the forwarding address is the user's own archive",
      });
      assert.deepEqual(
        built.actions.map((a) => [a.title, a.verb, a.style]),
        [
          ['Waive it', 'evidence.confirmWaive', 'positive'],
          ['Back', 'evidence.back', 'default'],
        ],
      );
    }
  });

  it('has no panel for a finding already dealt with, one that is gone, or a request no longer waiting', () => {
    const wanted: EvidencePanel = { kind: 'fix', finding: 'forwarding' };
    assert.equal(evidencePanel(pending({ resolutions: [fixed('forwarding')] }), wanted, ctx), null);
    assert.equal(evidencePanel(pending(), { kind: 'waive', finding: 'rule:r404' }, ctx), null);
    assert.equal(evidencePanel(pending({ state: 'approved' }), wanted, ctx), null);
    assert.ok(evidencePanel(pending(), wanted, ctx));
  });
});
