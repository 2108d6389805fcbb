// The bot-facing use cases of the request lifecycle, each one commit: the request, its audit entries and
// the jobs it implies, or nothing at all.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import { unblockJobId } from '../../../src/requests/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { agent, approver, type Harness, openHarness, otherApprover } from './harness.js';

const party = (actor: typeof agent) => ({
  actor,
  conversationId: `a:${actor.name}`,
  tenantId: SEED.tenantId,
});
const rob = {
  id: SEED.users.rob.id,
  displayName: 'Rob Young',
  userPrincipalName: 'rob@contoso.com',
  mail: 'rob@contoso.com',
  onPremisesSyncEnabled: false,
};

describe('request lifecycle use cases', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    sinon.restore();
    await h.close();
  });

  async function submitted() {
    const started = await h.lifecycle.start({
      id: randomUUID(),
      party: party(agent),
      locale: 'en',
      target: rob,
    });
    assert.equal(started.kind, 'started');
    if (started.kind !== 'started') throw new Error('not started');
    const moved = await h.lifecycle.submit(started.request, party(agent));
    assert.ok(moved.ok);
    return moved.request;
  }

  describe('start', () => {
    it('opens the request and its "created" audit entry together', async () => {
      const started = await h.lifecycle.start({ id: 'r-1', party: party(agent), locale: 'da', target: rob });
      assert.equal(started.kind, 'started');
      assert.equal((await h.store.requests.get('r-1'))?.state, 'open');
      const [created] = await h.store.audit.listForRequest('r-1');
      assert.equal(created?.action, 'request.created');
      assert.equal(created?.actor?.aadObjectId, agent.aadObjectId);
      assert.equal(created?.detail.target, 'rob@contoso.com');
    });

    it('continues the request in progress instead of opening a second one for the same user', async () => {
      await h.lifecycle.start({ id: 'r-1', party: party(agent), locale: 'en', target: rob });
      const again = await h.lifecycle.start({ id: 'r-2', party: party(approver), locale: 'en', target: rob });
      assert.equal(again.kind, 'active');
      assert.equal(again.kind === 'active' && again.existing.id, 'r-1');
      assert.equal(await h.store.requests.get('r-2'), null);
    });

    it('refuses a fourth unblock of the same account within a day (the daily cap)', async () => {
      for (let i = 0; i < 3; i++) {
        await h.seed(
          'rob@contoso.com',
          ['pending_approval', 'approved', 'unblocking', 'waiting_resume', 'resumed'],
          {
            target: rob,
            unblockedAt: new Date(h.clock.now.getTime() - (i + 1) * 3600_000).toISOString(),
          },
        );
      }
      const capped = await h.lifecycle.start({ id: 'r-4', party: party(agent), locale: 'en', target: rob });
      assert.deepEqual(capped, { kind: 'daily-cap', count: 3 });
      h.clock.now = new Date(h.clock.now.getTime() + 22 * 3600_000);
      const nextDay = await h.lifecycle.start({ id: 'r-5', party: party(agent), locale: 'en', target: rob });
      assert.equal(nextDay.kind, 'started', 'the oldest unblock is more than 24 hours old now');
    });
  });

  it('submits to the approvers with the "submitted" notify job in the same commit', async () => {
    const request = await submitted();
    assert.equal(request.state, 'pending_approval');
    assert.equal(request.submittedAt, h.clock.now.toISOString());
    assert.ok(await h.store.jobs.get(`notify:${request.id}:submitted:${request.version}`));
  });

  describe('decide', () => {
    it('approves with its unblock job and the "approved" notification, all in one commit', async () => {
      const request = await submitted();
      const decided = await h.lifecycle.decide({
        requestId: request.id,
        decision: 'approve',
        clicker: approver,
        conversationId: 'a:approver',
        comment: '  checked the rules  ',
        isApprover: true,
      });
      assert.equal(decided.kind, 'decided');
      const stored = await h.store.requests.get(request.id);
      assert.equal(stored?.state, 'approved');
      assert.equal(stored?.decidedBy?.aadObjectId, approver.aadObjectId);
      assert.equal(stored?.decisionComment, 'checked the rules');
      const job = await h.store.jobs.get(unblockJobId(request.id));
      assert.equal(job?.type, 'unblock');
      assert.deepEqual(job?.payload, { requestId: request.id, attempt: 1 });
      assert.ok(await h.store.jobs.get(`notify:${request.id}:approved:${stored?.version}`));
      const entry = (await h.store.audit.listForRequest(request.id)).at(-1);
      assert.equal(entry?.action, 'approval.decided');
      assert.equal(entry?.conversationId, 'a:approver');
    });

    it('writes nothing when one write of the commit fails: no approval without its unblock job', async () => {
      const request = await submitted();
      const auditBefore = (await h.store.audit.listForRequest(request.id)).length;
      sinon
        .stub(h.store.jobs as unknown as { enqueueNow(): boolean }, 'enqueueNow')
        .throws(new Error('disk full'));
      await assert.rejects(
        h.lifecycle.decide({
          requestId: request.id,
          decision: 'approve',
          clicker: approver,
          conversationId: 'a:approver',
          isApprover: true,
        }),
        /disk full/,
      );
      sinon.restore();
      const stored = await h.store.requests.get(request.id);
      assert.equal(stored?.state, 'pending_approval');
      assert.equal(stored?.version, request.version);
      assert.equal((await h.store.audit.listForRequest(request.id)).length, auditBefore);
      assert.equal(await h.store.jobs.get(unblockJobId(request.id)), null);
    });

    it('rejects without an unblock job', async () => {
      const request = await submitted();
      const decided = await h.lifecycle.decide({
        requestId: request.id,
        decision: 'reject',
        clicker: approver,
        conversationId: 'a:approver',
        isApprover: true,
      });
      assert.equal(decided.kind === 'decided' && decided.request.state, 'rejected');
      assert.equal(await h.store.jobs.get(unblockJobId(request.id)), null);
    });

    it('refuses the requester even when the requester is an approver (separation of duties)', async () => {
      const started = await h.lifecycle.start({
        id: 'own',
        party: party(approver),
        locale: 'en',
        target: rob,
      });
      assert.equal(started.kind, 'started');
      if (started.kind !== 'started') return;
      await h.lifecycle.submit(started.request, party(approver));
      const own = await h.lifecycle.decide({
        requestId: 'own',
        decision: 'approve',
        clicker: approver,
        conversationId: 'a:approver',
        isApprover: true,
      });
      assert.equal(own.kind === 'refused' && own.reason, 'own-request');
      assert.equal((await h.store.requests.get('own'))?.state, 'pending_approval');
      assert.equal(await h.store.jobs.get(unblockJobId('own')), null);
      const refusal = (await h.store.audit.listForRequest('own')).at(-1);
      assert.equal(refusal?.action, 'approval.refused');
      assert.equal(refusal?.detail.reason, 'own-request');
    });

    it('lets the requester approve only where ALLOW_SELF_APPROVAL says so', async () => {
      await h.close();
      h = await openHarness({ allowSelfApproval: true });
      const started = await h.lifecycle.start({
        id: 'own',
        party: party(approver),
        locale: 'en',
        target: rob,
      });
      if (started.kind !== 'started') throw new Error('not started');
      await h.lifecycle.submit(started.request, party(approver));
      const own = await h.lifecycle.decide({
        requestId: 'own',
        decision: 'approve',
        clicker: approver,
        conversationId: 'a:approver',
        isApprover: true,
      });
      assert.equal(own.kind, 'decided');
    });

    it('refuses someone outside the approver group and records the refusal', async () => {
      const request = await submitted();
      const refused = await h.lifecycle.decide({
        requestId: request.id,
        decision: 'approve',
        clicker: otherApprover,
        conversationId: 'a:other',
        isApprover: false,
      });
      assert.equal(refused.kind === 'refused' && refused.reason, 'not-approver');
      assert.equal((await h.store.requests.get(request.id))?.state, 'pending_approval');
    });

    it('decides once when two approvers click at the same moment: one unblock job', async () => {
      const request = await submitted();
      const click = (clicker: typeof approver, decision: 'approve' | 'reject') =>
        h.lifecycle.decide({
          requestId: request.id,
          decision,
          clicker,
          conversationId: 'a:x',
          isApprover: true,
        });
      const results = await Promise.all([click(approver, 'approve'), click(otherApprover, 'reject')]);
      assert.equal(results.filter((r) => r.kind === 'decided').length, 1);
      const loser = results.find((r) => r.kind === 'refused');
      assert.equal(loser?.kind === 'refused' && loser.reason, 'not-pending');
      const decidedBy = (await h.store.requests.get(request.id))?.decidedBy;
      const decisions = (await h.store.audit.listForRequest(request.id)).filter(
        (e) => e.action === 'approval.decided',
      );
      assert.equal(decisions.length, 1);
      assert.equal(decisions[0]?.actor?.aadObjectId, decidedBy?.aadObjectId);
    });

    it('answers not-found for an unknown request', async () => {
      const result = await h.lifecycle.decide({
        requestId: 'nope',
        decision: 'approve',
        clicker: approver,
        conversationId: 'a:x',
        isApprover: true,
      });
      assert.equal(result.kind, 'not-found');
    });
  });

  describe('retry', () => {
    it('approves a new attempt of a failed unblock, with its own unblock job', async () => {
      const failed = await h.seed('rob@contoso.com', ['pending_approval', 'approved', 'failed'], {
        failure: 'retries-exhausted',
      });
      const retried = await h.lifecycle.decide({
        requestId: failed.id,
        decision: 'retry',
        clicker: approver,
        conversationId: 'a:approver',
        isApprover: true,
      });
      assert.equal(retried.kind, 'decided');
      const stored = await h.store.requests.get(failed.id);
      assert.equal(stored?.state, 'approved');
      assert.equal(stored?.attempt, 2);
      assert.equal(stored?.failure, null);
      const job = await h.store.jobs.get(unblockJobId(failed.id, 2));
      assert.deepEqual(job?.payload, { requestId: failed.id, attempt: 2 });
      const entry = (await h.store.audit.listForRequest(failed.id)).at(-1);
      assert.equal(entry?.action, 'approval.retried');
      assert.equal(entry?.detail.previousFailure, 'retries-exhausted');
    });

    it('refuses a retry of a failure no new attempt can fix, and of a request that has not failed', async () => {
      const limit = await h.seed('a@contoso.com', ['pending_approval', 'approved', 'failed'], {
        failure: 'unblock-limit-reached',
      });
      const pending = await h.seed('b@contoso.com', ['pending_approval']);
      for (const request of [limit, pending]) {
        const result = await h.lifecycle.decide({
          requestId: request.id,
          decision: 'retry',
          clicker: approver,
          conversationId: 'a:approver',
          isApprover: true,
        });
        assert.equal(result.kind === 'refused' && result.reason, 'not-retryable', request.state);
        assert.equal((await h.store.requests.get(request.id))?.state, request.state);
      }
    });
  });

  it('cancels a request in progress and records why, but never one that has ended', async () => {
    const started = await h.lifecycle.start({ id: 'c-1', party: party(agent), locale: 'en', target: rob });
    if (started.kind !== 'started') throw new Error('not started');
    const cancelled = await h.lifecycle.cancel(started.request, party(agent), { outcome: 'not-restricted' });
    assert.ok(cancelled.ok);
    assert.equal((await h.store.audit.listForRequest('c-1')).at(-1)?.detail.outcome, 'not-restricted');
    const ended = await h.seed('x@contoso.com', ['pending_approval', 'rejected']);
    const refused = await h.lifecycle.cancel(ended, party(agent));
    assert.equal(refused.ok === false && refused.reason, 'invalid-transition');
    assert.equal((await h.store.requests.get(ended.id))?.state, 'rejected');
  });
});
