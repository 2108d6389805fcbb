// What every card says about a repeat offender: the banner (probably still compromised), the history of its
// earlier unblocks (the five most recent, with who approved and what was found and how it was dealt with),
// the daily cap, and who may approve it now. Nothing at all for an account that is not one.
import { strict as assert } from 'node:assert';
import { repeatLines, repeatRule } from '../../../src/bot/approvals/repeatSection.js';
import { createTranslator } from '../../../src/i18n/index.js';
import {
  type PriorUnblock,
  type RepeatOffence,
  UNBLOCKS_PER_ACCOUNT_PER_DAY,
  type UnblockRequest,
} from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const t = createTranslator();
const ctx = { t, language: 'en' as const };
const carol = { aadObjectId: '00000000-0000-4000-8000-0000000000ca', name: 'Carol Approver' };
const when = (day: number) => `2024-05-0${day}T10:00:00.000Z`;
const date = (day: number) => t.formatDateTime('en', when(day));

const prior = (day: number, overrides: Partial<PriorUnblock> = {}): PriorUnblock => ({
  requestId: `req-${day}`,
  restrictedAt: null,
  unblockedAt: when(day),
  approvedBy: carol,
  findings: [],
  ...overrides,
});

const offender = (repeat: RepeatOffence | undefined): UnblockRequest =>
  sampleRequest({ state: 'pending_approval', repeat });

describe('the repeat offender section of the cards', () => {
  it('opens with the latest unblock and the window, then each earlier unblock, then the daily cap', () => {
    const lines = repeatLines(
      offender({
        windowDays: 7,
        previous: [
          prior(6, {
            findings: [
              { kind: 'forwarding', fix: 'remove-forwarding', resolution: 'fixed' },
              { kind: 'inbox-rule', fix: null, resolution: 'waived' },
              { kind: 'sign-in-risk', fix: 'revoke-sessions', resolution: null },
              { kind: 'app-consents', fix: null, resolution: null },
            ],
          }),
          prior(3, { approvedBy: null }),
        ],
        unblocksLast24h: 1,
      }),
      ctx,
    );
    assert.deepEqual(lines, [
      `Probably still compromised: Rob Young (rob@contoso.com) was unblocked on ${date(6)} and is restricted again within 7 days.`,
      `Unblocked ${date(6)}, approved by Carol Approver. Found then: mailbox forwarding (fixed), inbox rule (waived), sign-in risk, app consents.`,
      `Unblocked ${date(3)}, approved by unknown. Found then: nothing suspicious.`,
      `Unblocked 1 time in the last 24 hours. The bot allows ${UNBLOCKS_PER_ACCOUNT_PER_DAY} unblocks per account per day; past Microsoft's own limit only Microsoft Support can unblock.`,
    ]);
  });

  it('shows the five most recent unblocks of a longer history', () => {
    const previous = [9, 8, 7, 6, 5, 4, 3].map((day) => prior(day));
    const lines = repeatLines(offender({ windowDays: 7, previous, unblocksLast24h: 0 }), ctx);
    assert.equal(lines.length, 1 + 5 + 1);
    assert.match(lines[5] ?? '', new RegExp(`^Unblocked ${date(5)},`));
  });

  it('names a finding of a kind it has no word for as it was stored', () => {
    const previous = [prior(6, { findings: [{ kind: 'new-kind', fix: null, resolution: 'fixed' }] })];
    const [, history] = repeatLines(offender({ windowDays: 7, previous, unblocksLast24h: 0 }), ctx);
    assert.match(history ?? '', /Found then: new-kind \(fixed\)\.$/);
  });

  it('says nothing about an account that is not a repeat offender', () => {
    assert.deepEqual(repeatLines(offender(undefined), ctx), []);
    assert.deepEqual(repeatLines(offender({ windowDays: 7, previous: [], unblocksLast24h: 0 }), ctx), []);
    assert.equal(repeatRule(offender(undefined), ctx, true), null);
    assert.equal(repeatRule(offender(undefined), ctx, false), null);
  });

  it('says who may approve: a security approver when that group is set, otherwise another approver', () => {
    const request = offender({ windowDays: 7, previous: [prior(6)], unblocksLast24h: 0 });
    assert.equal(
      repeatRule(request, ctx, true),
      'Only a member of the security approvers group can approve this unblock.',
    );
    assert.equal(
      repeatRule(request, ctx, false),
      'Approve needs an approver other than Carol Approver, who approved the previous unblock, and the acknowledgement below.',
    );
    const unknown = offender({
      windowDays: 7,
      previous: [prior(6, { approvedBy: null })],
      unblocksLast24h: 0,
    });
    assert.match(repeatRule(unknown, ctx, false) ?? '', /other than unknown,/);
  });
});
