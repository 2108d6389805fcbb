// When an unanswered approval gets its reminder and when it ends as expired (not unblocked): the decision
// of approvalTimerAction, at the edges of both timeouts.
import { strict as assert } from 'node:assert';
import { approvalTimerAction, type UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const minute = 60_000;
const timeouts = { remindAfterMs: 60 * minute, expireAfterMs: 120 * minute };
const submittedAt = '2026-12-01T10:00:00.000Z';
const atOffset = (ms: number) => new Date(Date.parse(submittedAt) + ms);

function pending(overrides: Partial<UnblockRequest> = {}): UnblockRequest {
  return sampleRequest({ state: 'pending_approval', submittedAt, updatedAt: submittedAt, ...overrides });
}

describe('approval timers', () => {
  it('reminds once the reminder time has come, not a moment before', () => {
    assert.equal(approvalTimerAction(pending(), atOffset(60 * minute - 1), timeouts), null);
    assert.equal(approvalTimerAction(pending(), atOffset(60 * minute), timeouts), 'remind');
    assert.equal(approvalTimerAction(pending(), atOffset(90 * minute), timeouts), 'remind');
  });

  it('reminds only once', () => {
    const reminded = pending({ remindedAt: atOffset(60 * minute).toISOString() });
    assert.equal(approvalTimerAction(reminded, atOffset(90 * minute), timeouts), null);
  });

  it('expires an unanswered request at the expiry time, reminded or not', () => {
    assert.equal(approvalTimerAction(pending(), atOffset(120 * minute - 1), timeouts), 'remind');
    assert.equal(approvalTimerAction(pending(), atOffset(120 * minute), timeouts), 'expire');
    const reminded = pending({ remindedAt: atOffset(60 * minute).toISOString() });
    assert.equal(approvalTimerAction(reminded, atOffset(120 * minute), timeouts), 'expire');
  });

  it('counts from the submission, not from the last change of the record', () => {
    const touchedLater = pending({ updatedAt: atOffset(100 * minute).toISOString() });
    assert.equal(approvalTimerAction(touchedLater, atOffset(120 * minute), timeouts), 'expire');
    const neverSubmitted = pending({ submittedAt: null, updatedAt: atOffset(100 * minute).toISOString() });
    assert.equal(approvalTimerAction(neverSubmitted, atOffset(120 * minute), timeouts), null);
  });

  it('leaves every request that is not waiting for a decision alone', () => {
    for (const state of ['open', 'approved', 'rejected', 'failed', 'expired', 'cancelled'] as const) {
      assert.equal(approvalTimerAction(pending({ state }), atOffset(1000 * minute), timeouts), null, state);
    }
  });
});
