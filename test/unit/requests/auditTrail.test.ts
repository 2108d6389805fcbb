// The audit trail says what was decided and what the bot did (docs/security.md, 12: "everything it does is
// audited with who, when and what"), and the daily cap counts exactly the last 24 hours.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { unblockJobId } from '../../../src/requests/index.js';
import { TenantError } from '../../../src/runbook/index.js';
import type { Job } from '../../../src/store/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { agent, approver, type Harness, openHarness, requestJobsOf } from './harness.js';

const rob = {
  id: SEED.users.rob.id,
  displayName: 'Rob Young',
  userPrincipalName: 'rob@contoso.com',
  mail: 'rob@contoso.com',
  onPremisesSyncEnabled: false,
};

function unblockJobOf(requestId: string): Job {
  return {
    id: unblockJobId(requestId),
    type: 'unblock',
    payload: { requestId },
    status: 'running',
    runAt: new Date().toISOString(),
    attempts: 1,
    lastError: null,
    owner: 'test',
    leaseUntil: null,
  };
}

describe('the audit trail of decisions and unblocks', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    sinon.restore();
    await h.close();
  });

  const decide = (requestId: string, decision: 'approve' | 'reject' | 'retry') =>
    h.lifecycle.decide({
      requestId,
      decision,
      clicker: approver,
      conversationId: 'a:approver',
      isApprover: true,
    });

  it('records each decision with what was decided, and a retry with its attempt and the failure it retries', async () => {
    const approved = await h.seed('a@contoso.com', ['pending_approval']);
    const rejected = await h.seed('b@contoso.com', ['pending_approval']);
    const failed = await h.seed('c@contoso.com', ['pending_approval', 'approved', 'failed'], {
      failure: 'insufficient-permissions',
    });
    await decide(approved.id, 'approve');
    await decide(rejected.id, 'reject');
    await decide(failed.id, 'retry');
    const last = async (id: string) => (await h.store.audit.listForRequest(id)).at(-1);
    assert.deepEqual((await last(approved.id))?.detail, { decision: 'approve' });
    assert.deepEqual((await last(rejected.id))?.detail, { decision: 'reject' });
    assert.deepEqual((await last(failed.id))?.detail, {
      decision: 'retry',
      attempt: 2,
      previousFailure: 'insufficient-permissions',
    });
    assert.equal((await last(approved.id))?.actor?.aadObjectId, approver.aadObjectId);
  });

  it('records the address and attempt of each Remove call, and why an unblock failed', async () => {
    const jobs = requestJobsOf(h);
    h.simulator.restrict('one@contoso.com');
    const done = await h.seed('one@contoso.com', ['pending_approval', 'approved']);
    await jobs.handlers.unblock(unblockJobOf(done.id));
    const entries = await h.store.audit.listForRequest(done.id);
    assert.deepEqual(
      entries.map((e) => [e.action, e.detail]),
      [
        ['request.transition', {}],
        ['unblock.called', { address: 'one@contoso.com', attempt: 1 }],
        ['request.transition', { address: 'one@contoso.com' }],
      ],
    );

    h.simulator.restrict('denied@contoso.com');
    const denied = await h.seed('denied@contoso.com', ['pending_approval', 'approved']);
    sinon
      .stub(h.tenant, 'unblockSender')
      .rejects(new TenantError('Forbidden', 'Exchange.ManageAsApp is missing'));
    await jobs.handlers.unblock(unblockJobOf(denied.id));
    const failure = (await h.store.audit.listForRequest(denied.id)).at(-1);
    assert.equal(failure?.toState, 'failed');
    assert.deepEqual(failure?.detail, { failure: 'insufficient-permissions' });
  });

  it('counts an unblock exactly 24 hours ago out of the daily cap', async () => {
    for (let i = 0; i < 3; i++) {
      await h.seed(
        'rob@contoso.com',
        ['pending_approval', 'approved', 'unblocking', 'waiting_resume', 'resumed'],
        {
          target: rob,
          unblockedAt: new Date(
            h.clock.now.getTime() - (i === 0 ? 24 * 3600_000 : i * 3600_000),
          ).toISOString(),
        },
      );
    }
    const party = { actor: agent, conversationId: 'a:agent', tenantId: SEED.tenantId };
    const started = await h.lifecycle.start({ id: 'r-4', party, locale: 'en', target: rob });
    assert.equal(started.kind, 'started', 'two unblocks within the last 24 hours, one exactly 24 hours ago');
  });
});
