// The approval card in every state and both views, and the agent's notes: what each person sees, which
// buttons they get (approvers decide a pending request and retry a retryable failure; everyone else only
// refreshes), which facts and notes are shown, and that every card is a valid Adaptive Card for Teams.
import { strict as assert } from 'node:assert';
import { agentNoteCard, approvalCard, MAX_REFRESH_USERS } from '../../../src/bot/approvals/approvalCards.js';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { createTranslator } from '../../../src/i18n/index.js';
import type { RequestEvent } from '../../../src/requests/index.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';
import { cardProblems } from '../../support/adaptiveCards.js';
import { cardText } from '../../support/teams.js';

const t = createTranslator();
const sign = createCardSigner(Buffer.alloc(32, 7)).sign;
const patti = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Patti Fernandez' };
const at = {
  created: '2026-11-23T08:00:00.000Z',
  submitted: '2026-11-23T08:05:00.000Z',
  decided: '2026-11-23T09:10:00.000Z',
  unblocked: '2026-11-23T09:11:00.000Z',
  resumed: '2026-11-23T09:40:00.000Z',
};
const when = (iso: string) => t.formatDateTime('en', iso);
const decided = { decidedBy: patti, decidedAt: at.decided };

const requests: Record<string, UnblockRequest> = {
  pending: sampleRequest({ state: 'pending_approval', createdAt: at.created, submittedAt: at.submitted }),
  approved: sampleRequest({ state: 'approved', ...decided }),
  unblocking: sampleRequest({ state: 'unblocking', ...decided }),
  waiting: sampleRequest({ state: 'waiting_resume', ...decided, unblockedAt: at.unblocked }),
  resumed: sampleRequest({ state: 'resumed', ...decided, unblockedAt: at.unblocked, resumedAt: at.resumed }),
  rejected: sampleRequest({
    state: 'rejected',
    ...decided,
    decisionComment: 'Not before the checks are done',
  }),
  expired: sampleRequest({ state: 'expired' }),
  retryable: sampleRequest({ state: 'failed', ...decided, failure: 'retries-exhausted' }),
  limit: sampleRequest({ state: 'failed', ...decided, failure: 'unblock-limit-reached' }),
};

function render(
  request: UnblockRequest,
  view: 'status' | 'approver',
  extra: { notice?: string; refreshUserIds?: string[] } = {},
) {
  return approvalCard(request, {
    t,
    language: 'en',
    view,
    refreshUserIds: extra.refreshUserIds ?? ['29:patti'],
    sign,
    giveUpAfterHours: 24,
    ...(extra.notice ? { notice: extra.notice } : {}),
  });
}

/** The verbs of the card's buttons (not its refresh action), and whether it asks for a comment. */
function controls(card: object): { verbs: string[]; comment: boolean } {
  const verbs: string[] = [];
  let comment = false;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string') verbs.push(record.verb);
    if (record.type === 'Input.Text') comment = true;
    for (const [key, value] of Object.entries(record)) if (key !== 'refresh') walk(value);
  };
  walk(card);
  return { verbs, comment };
}

describe('approval card', () => {
  for (const [name, request] of Object.entries(requests)) {
    for (const view of ['status', 'approver'] as const) {
      it(`${name}, ${view} view: a valid Adaptive Card 1.5 under 28 KB`, () => {
        assert.deepEqual(cardProblems(render(request, view)), []);
      });
    }
  }

  const expected: Record<string, { status: string[]; approver: string[]; refresh: boolean }> = {
    pending: {
      status: ['approval.refresh'],
      // The sample's suspicious findings come first: each fixed (where the API allows) or waived.
      approver: ['evidence.fix', 'evidence.waive', 'evidence.waive', 'approval.approve', 'approval.reject'],
      refresh: true,
    },
    retryable: { status: ['approval.refresh'], approver: ['approval.retry'], refresh: true },
    approved: { status: [], approver: [], refresh: false },
    unblocking: { status: [], approver: [], refresh: false },
    waiting: { status: [], approver: [], refresh: false },
    resumed: { status: [], approver: [], refresh: false },
    rejected: { status: [], approver: [], refresh: false },
    expired: { status: [], approver: [], refresh: false },
    limit: { status: [], approver: [], refresh: false },
  };
  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: buttons ${want.approver.join(', ') || 'none'} for approvers, ${want.status.join(', ') || 'none'} for everyone else`, () => {
      const request = requests[name] as UnblockRequest;
      const status = render(request, 'status');
      const approver = render(request, 'approver');
      assert.deepEqual(controls(status), { verbs: want.status, comment: false });
      assert.deepEqual(controls(approver), { verbs: want.approver, comment: want.approver.length > 0 });
      assert.equal('refresh' in status, want.refresh, 'refreshes to each approver’s own view');
    });
  }

  it('refreshes for at most 60 listed approvers, and not at all with nobody to list', () => {
    const many = Array.from({ length: MAX_REFRESH_USERS + 10 }, (_, i) => `29:approver-${i}`);
    const card = render(requests.pending as UnblockRequest, 'status', { refreshUserIds: many });
    const refresh = card.refresh as {
      action: { verb: string; data: { requestId: string } };
      userIds: string[];
    };
    assert.deepEqual(refresh.userIds, many.slice(0, MAX_REFRESH_USERS));
    assert.equal(refresh.action.verb, 'approval.refresh');
    assert.equal(refresh.action.data.requestId, 'req-0001');
    assert.equal(
      'refresh' in render(requests.pending as UnblockRequest, 'status', { refreshUserIds: [] }),
      false,
    );
  });

  it('shows when it was asked for (the submission, not the draft), and the password step', () => {
    const text = cardText(render(requests.pending as UnblockRequest, 'status'));
    assert.match(text, new RegExp(`Requested\\n${when(at.submitted)}`));
    assert.match(text, /Requested by\nMegan Bowen/);
    assert.match(text, /Password\nReset by the bot \(temporary password\)/);
    const unknown = cardText(
      render(sampleRequest({ state: 'pending_approval', password: null, createdAt: at.created }), 'status'),
    );
    assert.match(unknown, new RegExp(`Requested\\n${when(at.created)}`));
    assert.match(unknown, /Password\nNot confirmed/);
  });

  it('tells approvers what approving does, and that the account may be blocked again', () => {
    const text = cardText(render(requests.pending as UnblockRequest, 'approver'));
    assert.match(text, /Approving removes the user from the Restricted entities page/);
    assert.match(text, /If the account is still compromised, it will be blocked again/);
    assert.doesNotMatch(
      cardText(render(requests.approved as UnblockRequest, 'status')),
      /Approving removes|blocked again/,
    );
    assert.doesNotMatch(text, /failed|did not complete/, 'no failure note before anything failed');
  });

  it('shows the decision, the unblock and the resume with their times once they happened', () => {
    const text = cardText(render(requests.resumed as UnblockRequest, 'status'));
    assert.match(text, new RegExp(`Decided by\\nPatti Fernandez, ${when(at.decided)}`));
    assert.match(text, new RegExp(`Unblocked\\n${when(at.unblocked)}`));
    assert.match(text, new RegExp(`Sending resumed\\n${when(at.resumed)}`));
    assert.match(text, /If the account is still compromised, it will be blocked again/);
    const waiting = cardText(render(requests.waiting as UnblockRequest, 'status'));
    assert.match(waiting, /Unblocked\n/);
    assert.doesNotMatch(waiting, /Sending resumed/);
    assert.doesNotMatch(
      cardText(render(requests.approved as UnblockRequest, 'status')),
      /Unblocked|Sending resumed/,
    );
    assert.match(
      cardText(render(requests.rejected as UnblockRequest, 'status')),
      /Comment\nNot before the checks are done/,
    );
  });

  it('says why an unblock failed, and that an approver can retry it when a retry can help', () => {
    const retryable = cardText(render(requests.retryable as UnblockRequest, 'approver'));
    assert.match(retryable, /Exchange Online did not complete the unblock of Rob Young/);
    assert.match(retryable, /An approver can retry the unblock: a new attempt/);
    const limit = cardText(render(requests.limit as UnblockRequest, 'approver'));
    assert.match(limit, /the unblock limit for this account is reached/);
    assert.doesNotMatch(limit, /An approver can retry the unblock/);
    const timeout = cardText(render(sampleRequest({ state: 'failed', failure: 'resume-timeout' }), 'status'));
    assert.match(timeout, /after 24 hours I still cannot confirm/);
  });

  it('shows a notice to the clicker first', () => {
    const card = render(requests.pending as UnblockRequest, 'status', {
      notice: 'You asked for this unblock yourself.',
    });
    assert.match(cardText(card), /^(.|\n)*You asked for this unblock yourself\.(.|\n)*Approving removes/);
    assert.doesNotMatch(cardText(render(requests.pending as UnblockRequest, 'status')), /You asked/);
  });
});

describe('notes to the agent', () => {
  const note = (event: RequestEvent, request: UnblockRequest, intro?: string) =>
    agentNoteCard(event, request, {
      t,
      language: 'en',
      giveUpAfterHours: 24,
      expireAfterHours: 48,
      ...(intro ? { intro } : {}),
    });

  const cases: Array<[RequestEvent, UnblockRequest, RegExp[]]> = [
    [
      'approved',
      requests.approved as UnblockRequest,
      [/Patti Fernandez approved the unblock of Rob Young/, /Status\nApproved/i],
    ],
    [
      'rejected',
      requests.rejected as UnblockRequest,
      [/Patti Fernandez rejected the unblock of Rob Young/, /Comment: Not before the checks are done/],
    ],
    [
      'unblocked',
      requests.waiting as UnblockRequest,
      [/Rob Young \(rob@contoso\.com\) is off the Restricted entities page/],
    ],
    [
      'resumed',
      requests.resumed as UnblockRequest,
      [/Rob Young \(rob@contoso\.com\) can send email again/, /finish the checks/],
    ],
    [
      'expired',
      requests.expired as UnblockRequest,
      [/Nobody approved the unblock of Rob Young \(rob@contoso\.com\) within 48 hours/],
    ],
    ['failed', requests.limit as UnblockRequest, [/Microsoft refused to unblock Rob Young/]],
    [
      'failed',
      sampleRequest({ state: 'failed', failure: 'resume-timeout' }),
      [/after 24 hours I still cannot confirm/],
    ],
  ];
  for (const [event, request, patterns] of cases) {
    it(`tells the agent about ${event} (${request.failure ?? request.state})`, () => {
      const card = note(event, request);
      assert.ok(card);
      assert.deepEqual(cardProblems(card), []);
      for (const pattern of patterns) assert.match(cardText(card), pattern);
    });
  }

  it('says exactly what happened, nothing more', () => {
    assert.equal(
      cardText(note('expired', requests.expired as UnblockRequest)),
      'Unblock email\nNobody approved the unblock of Rob Young (rob@contoso.com) within 48 hours, so nothing was unblocked. Type **unblock** and the user name to ask again.\nStatus\nexpired',
    );
  });

  it('says nothing to the agent about a submission or a reminder', () => {
    assert.equal(note('submitted', requests.pending as UnblockRequest), null);
    assert.equal(note('reminder', requests.pending as UnblockRequest), null);
  });

  it('adds no comment line to a rejection without one, and leads with an intro where the note is redirected', () => {
    const plain = cardText(note('rejected', sampleRequest({ state: 'rejected', ...decided })));
    assert.doesNotMatch(plain, /Comment:/);
    const redirected = cardText(
      note('resumed', requests.resumed as UnblockRequest, 'I could not reach Megan Bowen'),
    );
    assert.match(redirected, /^I could not reach Megan Bowen/);
  });
});
