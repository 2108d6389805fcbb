import { strict as assert } from 'node:assert';
import { checkApproval, checkRetry, type UnblockRequest } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const requester = { aadObjectId: 'requester', name: 'Megan Bowen' };
const approver = { aadObjectId: 'approver', name: 'Patti Fernandez' };

function pending(overrides: Partial<UnblockRequest> = {}): UnblockRequest {
  return sampleRequest({ state: 'pending_approval', requester, ...overrides });
}

describe('approval policy', () => {
  it('lets an approver decide a pending request', () => {
    assert.deepEqual(
      checkApproval({ request: pending(), clicker: approver, isApprover: true, allowSelfApproval: false }),
      {
        ok: true,
      },
    );
  });

  it('refuses someone outside the approver group, whatever the state', () => {
    const verdict = checkApproval({
      request: pending(),
      clicker: approver,
      isApprover: false,
      allowSelfApproval: true,
    });
    assert.deepEqual(verdict, { ok: false, reason: 'not-approver' });
  });

  it('refuses the requester who is an approver: nobody approves their own request', () => {
    const verdict = checkApproval({
      request: pending(),
      clicker: requester,
      isApprover: true,
      allowSelfApproval: false,
    });
    assert.deepEqual(verdict, { ok: false, reason: 'own-request' });
    const allowed = checkApproval({
      request: pending(),
      clicker: requester,
      isApprover: true,
      allowSelfApproval: true,
    });
    assert.deepEqual(allowed, { ok: true }, 'unless ALLOW_SELF_APPROVAL says otherwise');
  });

  it('refuses a decision on a request that is no longer pending (a stale card)', () => {
    for (const state of ['approved', 'rejected', 'expired', 'cancelled', 'resumed'] as const) {
      const verdict = checkApproval({
        request: pending({ state }),
        clicker: approver,
        isApprover: true,
        allowSelfApproval: false,
      });
      assert.deepEqual(verdict, { ok: false, reason: 'not-pending' }, state);
    }
  });

  it('lets an approver retry a retryable failure, with the same separation of duties', () => {
    const failed = pending({ state: 'failed', failure: 'retries-exhausted' });
    assert.deepEqual(
      checkRetry({ request: failed, clicker: approver, isApprover: true, allowSelfApproval: false }),
      { ok: true },
    );
    assert.deepEqual(
      checkRetry({ request: failed, clicker: requester, isApprover: true, allowSelfApproval: false }),
      {
        ok: false,
        reason: 'own-request',
      },
    );
    assert.deepEqual(
      checkRetry({ request: failed, clicker: approver, isApprover: false, allowSelfApproval: false }),
      {
        ok: false,
        reason: 'not-approver',
      },
    );
    assert.deepEqual(
      checkRetry({ request: pending(), clicker: approver, isApprover: true, allowSelfApproval: false }),
      { ok: false, reason: 'not-retryable' },
    );
  });
});
