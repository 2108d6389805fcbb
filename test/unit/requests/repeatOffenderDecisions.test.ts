// Deciding a repeat offender (an account restricted again soon after an unblock), as the lifecycle enforces
// it whatever the card shows: with SECURITY_APPROVER_GROUP_ID set only its members approve, and they may
// decide that request though they are no approvers; without it, an approver other than the previous one who
// acknowledges it. What a caller leaves out counts against the clicker. Rejecting needs none of this, and
// evidence gates approval only. A request started for a repeat offender says so in its audit entry.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { type DecisionInput, RequestLifecycle } from '../../../src/requests/lifecycle.js';
import type { RepeatOffence, UnblockRequest } from '../../../src/runbook/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { agent, approver, type Harness, openHarness, otherApprover } from './harness.js';

const security = { aadObjectId: 'c3c3c3c3-0000-4000-8000-000000000003', name: 'Sam Security' };
const day = 24 * 3600_000;

describe('deciding a repeat offender', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const lifecycle = (securityApproverGroupConfigured: boolean) =>
    new RequestLifecycle({
      requests: h.store.requests,
      ledger: h.ledger,
      now: h.now,
      allowSelfApproval: false,
      securityApproverGroupConfigured,
      repeatWindowMs: 7 * day,
    });

  const repeat: RepeatOffence = {
    windowDays: 7,
    previous: [
      {
        requestId: 'earlier',
        restrictedAt: null,
        unblockedAt: new Date(Date.now() - day).toISOString(),
        approvedBy: approver,
        findings: [],
      },
    ],
    unblocksLast24h: 0,
  };
  const offender = () => h.seed('rob@contoso.com', ['pending_approval'], { repeat });
  const ordinary = () => h.seed('diego@contoso.com', ['pending_approval']);

  const decide = (
    l: RequestLifecycle,
    request: UnblockRequest,
    input: Partial<DecisionInput> & Pick<DecisionInput, 'clicker' | 'isApprover'>,
  ) =>
    l.decide({
      requestId: request.id,
      decision: 'approve',
      conversationId: 'a:decider',
      ...input,
    });
  const reasonOf = (result: Awaited<ReturnType<RequestLifecycle['decide']>>) =>
    result.kind === 'refused' ? result.reason : result.kind;

  describe('with a security approvers group', () => {
    it('refuses an approver who is not in it, and one who does not say whether they are', async () => {
      const l = lifecycle(true);
      const request = await offender();
      assert.equal(
        reasonOf(
          await decide(l, request, { clicker: otherApprover, isApprover: true, isSecurityApprover: false }),
        ),
        'needs-security-approver',
      );
      assert.equal(
        reasonOf(await decide(l, request, { clicker: otherApprover, isApprover: true, acknowledged: true })),
        'needs-security-approver',
        'left out: not a security approver',
      );
      assert.equal((await h.store.requests.get(request.id))?.state, 'pending_approval');
    });

    it('lets a member approve it though they are no approver', async () => {
      const l = lifecycle(true);
      const request = await offender();
      const result = await decide(l, request, {
        clicker: security,
        isApprover: false,
        isSecurityApprover: true,
      });
      assert.equal(result.kind, 'decided');
      assert.equal((await h.store.requests.get(request.id))?.state, 'approved');
    });

    it('gives a member who is no approver no say over any other request', async () => {
      const l = lifecycle(true);
      const request = await ordinary();
      const result = await decide(l, request, {
        clicker: security,
        isApprover: false,
        isSecurityApprover: true,
      });
      assert.equal(reasonOf(result), 'not-approver');
    });
  });

  describe('without a security approvers group', () => {
    it('refuses the approver of the previous unblock, and another until they acknowledge it', async () => {
      const l = lifecycle(false);
      const request = await offender();
      assert.equal(
        reasonOf(await decide(l, request, { clicker: approver, isApprover: true, acknowledged: true })),
        'previous-approver',
      );
      assert.equal(
        reasonOf(await decide(l, request, { clicker: otherApprover, isApprover: true })),
        'needs-acknowledgement',
        'left out: not acknowledged',
      );
      assert.equal(
        reasonOf(await decide(l, request, { clicker: otherApprover, isApprover: true, acknowledged: false })),
        'needs-acknowledgement',
      );
      const result = await decide(l, request, {
        clicker: otherApprover,
        isApprover: true,
        acknowledged: true,
      });
      assert.equal(result.kind, 'decided');
    });

    it('gives a security approver no say when no such group is configured', async () => {
      const l = lifecycle(false);
      const request = await offender();
      const result = await decide(l, request, {
        clicker: security,
        isApprover: false,
        isSecurityApprover: true,
      });
      assert.equal(reasonOf(result), 'not-approver');
    });
  });

  it('lets any approver reject it, and reject a request whose findings are still open', async () => {
    const l = lifecycle(true);
    const request = await offender();
    const rejected = await decide(l, request, {
      clicker: otherApprover,
      isApprover: true,
      decision: 'reject',
    });
    assert.equal(rejected.kind, 'decided');
    assert.equal((await h.store.requests.get(request.id))?.state, 'rejected');
    const flagged = await h.seed('diego@contoso.com', ['pending_approval'], {
      checks: {
        forwarding: {
          forwardingSmtpAddress: 'x@evil.example',
          forwardingAddress: null,
          deliverToMailboxAndForward: false,
        },
        suspiciousRules: [],
        ruleCount: 0,
        sessionsRevoked: false,
      },
    });
    assert.equal(
      reasonOf(await decide(l, flagged, { clicker: otherApprover, isApprover: true })),
      'unresolved-findings',
    );
    const rejectedFlagged = await decide(l, flagged, {
      clicker: otherApprover,
      isApprover: true,
      decision: 'reject',
    });
    assert.equal(rejectedFlagged.kind, 'decided');
  });

  it('records a repeat offender as such when an agent starts its request', async () => {
    const rob = await h.tenant.getUser('rob@contoso.com');
    assert.ok(rob);
    await h.seed(
      'rob@contoso.com',
      ['pending_approval', 'approved', 'unblocking', 'waiting_resume', 'resumed'],
      {
        target: rob,
        unblockedAt: new Date(h.now().getTime() - 2 * day).toISOString(),
      },
    );
    const started = await lifecycle(false).start({
      id: randomUUID(),
      party: { actor: agent, conversationId: 'a:megan', tenantId: SEED.tenantId },
      locale: 'en',
      target: rob,
    });
    assert.equal(started.kind, 'started');
    if (started.kind !== 'started') return;
    assert.equal(started.request.repeat?.previous.length, 1);
    const [created] = (await h.store.audit.listForRequest(started.request.id)).filter(
      (e) => e.action === 'request.created',
    );
    assert.deepEqual(created?.detail, { target: 'rob@contoso.com', repeatOffender: true });
  });
});
