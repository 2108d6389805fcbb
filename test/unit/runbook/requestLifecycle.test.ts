import { strict as assert } from 'node:assert';
import {
  canRetryUnblock,
  canTransition,
  isTerminal,
  openRequest,
  type RequestFailure,
  type RequestState,
  recordFacts,
  senderAddressOf,
  terminalStates,
  transition,
  unblockAttemptOf,
} from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const now = new Date('2026-11-23T10:00:00Z');
const later = new Date('2026-11-23T10:05:00Z');

describe('request lifecycle', () => {
  it('opens a request at version 1 with nothing decided', () => {
    const r = openRequest({
      id: 'r1',
      tenantId: 't',
      requester: { aadObjectId: 'a', name: 'Agent' },
      conversationId: 'c',
      locale: 'da',
      target: sampleRequest().target,
      now,
    });
    assert.equal(r.state, 'open');
    assert.equal(r.version, 1);
    assert.equal(r.createdAt, now.toISOString());
    assert.equal(r.decidedBy, null);
    assert.equal(r.locale, 'da');
  });

  it('follows open → pending_approval → approved → unblocking → waiting_resume → resumed', () => {
    let r = { ...sampleRequest(), state: 'open' as RequestState, version: 1 };
    for (const to of ['pending_approval', 'approved', 'unblocking', 'waiting_resume', 'resumed'] as const) {
      const next = transition(r, to, later);
      assert.ok(next.ok, `open path to ${to}`);
      assert.equal(next.request.version, r.version + 1);
      assert.equal(next.request.updatedAt, later.toISOString());
      r = next.request;
    }
    assert.equal(r.state, 'resumed');
  });

  it('refuses transitions the runbook does not allow', () => {
    const pending = { ...sampleRequest(), state: 'pending_approval' as RequestState };
    assert.deepEqual(transition(pending, 'unblocking', later), {
      ok: false,
      reason: 'invalid-transition',
      from: 'pending_approval',
      to: 'unblocking',
    });
    assert.equal(
      canTransition('open', 'approved'),
      false,
      'nobody approves a request that was not submitted',
    );
    assert.equal(canTransition('rejected', 'approved'), false);
  });

  it('never leaves an end state, except a failed unblock an approver retries', () => {
    for (const end of terminalStates) {
      assert.ok(isTerminal(end));
      for (const to of ['open', 'pending_approval', 'approved', 'cancelled', 'resumed'] as const) {
        const retry = end === 'failed' && to === 'approved';
        assert.equal(canTransition(end, to), retry, `${end} → ${to}`);
      }
    }
    assert.equal(isTerminal('waiting_resume'), false);
  });

  it('lets an approver retry only the failures a new attempt can fix', () => {
    const failed = (failure: RequestFailure) => ({ ...sampleRequest(), state: 'failed' as const, failure });
    assert.equal(canRetryUnblock(failed('retries-exhausted')), true);
    assert.equal(canRetryUnblock(failed('insufficient-permissions')), true);
    assert.equal(canRetryUnblock(failed('resume-timeout')), true);
    assert.equal(canRetryUnblock(failed('unblock-limit-reached')), false, 'only Microsoft Support can help');
    assert.equal(canRetryUnblock(failed('user-not-found')), false);
    assert.equal(canRetryUnblock({ ...failed('retries-exhausted'), state: 'approved' }), false);
  });

  it('counts unblock attempts from 1, also for records written before retries existed', () => {
    const { attempt: _none, ...old } = sampleRequest();
    assert.equal(unblockAttemptOf(old), 1);
    assert.equal(unblockAttemptOf({ ...old, attempt: 3 }), 3);
  });

  it('addresses the sender as the Restricted list names it, else by mail, else by user principal name', () => {
    const r = sampleRequest();
    const restriction = {
      senderAddress: 'Rob@Contoso.com',
      reason: '',
      createdAt: null,
      changedAt: null,
      temporaryBlock: false,
    };
    assert.equal(senderAddressOf({ ...r, restriction }), 'Rob@Contoso.com');
    assert.equal(
      senderAddressOf({ ...r, restriction: null, target: { ...r.target, mail: 'm@contoso.com' } }),
      'm@contoso.com',
    );
    assert.equal(
      senderAddressOf({
        ...r,
        restriction: null,
        target: { ...r.target, mail: null, userPrincipalName: 'u@contoso.com' },
      }),
      'u@contoso.com',
    );
  });

  it('records findings with a new version and no state change', () => {
    const r = { ...sampleRequest(), state: 'open' as RequestState, version: 4 };
    const next = recordFacts(r, { password: 'reset-by-bot' }, later);
    assert.equal(next.version, 5);
    assert.equal(next.state, 'open');
    assert.equal(next.password, 'reset-by-bot');
    assert.equal(r.version, 4, 'the original record is not mutated');
  });
});
