// Fixing and waiving the compromise check's findings as use cases, on real parts (SQLite, the simulated
// tenant over HTTP): who may (an approver, never the requester), when (only while the request waits for a
// decision, each finding once), what a fix does in the tenant, that a waiver needs a reason, what a failed
// fix records, and that two approvers dealing with two findings at once both count.
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { gatherEvidence } from '../../../src/requests/evidence/gather.js';
import { FindingActions } from '../../../src/requests/index.js';
import type { CompromiseChecks, DirectoryUser, UnblockRequest } from '../../../src/runbook/index.js';
import { agent, approver, type Harness, openHarness, otherApprover } from './harness.js';

const ROB = 'rob@contoso.com';

describe('fixing and waiving findings', () => {
  let h: Harness;
  let rob: DirectoryUser;
  let checks: CompromiseChecks;
  let request: UnblockRequest;

  const actions = (allowSelfApproval = false) =>
    new FindingActions({
      requests: h.store.requests,
      ledger: h.ledger,
      tenant: h.tenant,
      logger: pino({ enabled: false }),
      now: h.now,
      allowSelfApproval,
    });
  const click = (finding: string, clicker = approver, isApprover = true) => ({
    requestId: request.id,
    finding,
    clicker,
    conversationId: 'a:approver-chat',
    isApprover,
  });
  const audit = async (action: string) =>
    (await h.store.audit.listForRequest(request.id)).filter((e) => e.action === action);
  const tenantCalls = (path: RegExp) =>
    h.simulator.calls().filter((c) => c.method !== 'GET' && (path.test(c.path) || path.test(c.cmdlet ?? '')));

  beforeEach(async () => {
    h = await openHarness();
    const found = await h.tenant.getUser(ROB);
    assert.ok(found);
    rob = found;
    // Rob's mailbox in the simulated tenant forwards, has a rule that forwards and deletes, a risky sign-in
    // and a recent app consent: four kinds of finding.
    checks = await gatherEvidence(h.tenant, rob, pino({ enabled: false }), h.now());
    request = await h.seed(ROB, ['pending_approval'], { target: rob, checks });
    h.simulator.clearCalls();
  });
  afterEach(async () => {
    await h.close();
  });

  it('removes the forwarding in the tenant, then records who fixed it and when', async () => {
    const result = await actions().fix(click('forwarding'));
    assert.equal(result.kind, 'done');
    assert.equal((await h.tenant.getMailboxForwarding(ROB)).forwardingSmtpAddress, null);
    const stored = await h.store.requests.get(request.id);
    assert.deepEqual(stored?.resolutions, [
      { finding: 'forwarding', kind: 'fixed', by: approver, at: h.now().toISOString(), reason: null },
    ]);
    const [entry] = await audit('finding.fixed');
    assert.deepEqual(entry?.detail, { finding: 'forwarding', fix: 'remove-forwarding' });
    assert.equal(entry?.actor?.aadObjectId, approver.aadObjectId);
  });

  it('disables the very rule found, and revokes the sessions (the check then says so)', async () => {
    const rule = checks.suspiciousRules[0];
    assert.ok(rule?.id);
    assert.equal((await actions().fix(click(`rule:${rule.id}`))).kind, 'done');
    const rules = h.simulator.inboxRules(ROB) ?? [];
    assert.equal(rules.find((r) => r.id === rule.id)?.isEnabled, false);
    assert.ok(
      rules.filter((r) => r.id !== rule.id).every((r) => r.isEnabled),
      'the other rules are left alone',
    );
    const revoked = await actions().fix(click('sign-in-risk'));
    assert.equal(revoked.kind, 'done');
    assert.equal(tenantCalls(/revokeSignInSessions/).length, 1);
    assert.equal(revoked.kind === 'done' && revoked.request.checks?.sessionsRevoked, true);
  });

  it('refuses someone who is no approver, audited, and changes nothing in the tenant', async () => {
    const result = await actions().fix(click('forwarding', otherApprover, false));
    assert.equal(result.kind === 'refused' && result.reason, 'not-approver');
    assert.equal(tenantCalls(/./).length, 0);
    const [refusal] = await audit('approval.refused');
    assert.deepEqual(refusal?.detail, { reason: 'not-approver', finding: 'forwarding' });
    assert.equal((await h.store.requests.get(request.id))?.resolutions?.length ?? 0, 0);
  });

  it('refuses the requester, even an approver, unless self-approval is allowed', async () => {
    const own = await actions().waive({ ...click('app-consents', agent), reason: 'my own app' });
    assert.equal(own.kind === 'refused' && own.reason, 'own-request');
    assert.equal((await audit('approval.refused'))[0]?.detail.reason, 'own-request');
    const allowed = await actions(true).waive({ ...click('app-consents', agent), reason: 'my own app' });
    assert.equal(allowed.kind, 'done');
  });

  it('deals with findings only while the request waits for a decision', async () => {
    const decided = await h.seed(ROB, ['pending_approval', 'rejected'], { target: rob, checks });
    const result = await actions().fix({ ...click('forwarding'), requestId: decided.id });
    assert.equal(result.kind === 'refused' && result.reason, 'not-pending');
    assert.equal(tenantCalls(/./).length, 0);
  });

  it('refuses a finding the request does not have, and one already dealt with', async () => {
    const unknown = await actions().fix(click('rule:not-there'));
    assert.equal(unknown.kind === 'refused' && unknown.reason, 'unknown-finding');
    assert.equal((await actions().waive({ ...click('forwarding'), reason: 'own archive' })).kind, 'done');
    const again = await actions().fix(click('forwarding'));
    assert.equal(again.kind === 'refused' && again.reason, 'already-resolved');
    assert.equal(tenantCalls(/./).length, 0, 'a waived finding is not fixed after all');
  });

  it('offers no fix where the API has none: app consents can only be waived', async () => {
    const result = await actions().fix(click('app-consents'));
    assert.equal(result.kind === 'refused' && result.reason, 'no-fix');
  });

  it('waives only with a reason of 3 to 500 characters (spaces around it do not count)', async () => {
    for (const reason of [undefined, '', '  ab  ', 'x'.repeat(501)]) {
      const result = await actions().waive({ ...click('app-consents'), reason });
      assert.equal(result.kind === 'refused' && result.reason, 'reason-required', JSON.stringify(reason));
    }
    const result = await actions().waive({ ...click('app-consents'), reason: '  abc  ' });
    assert.equal(result.kind, 'done');
    assert.equal(result.kind === 'done' && result.request.resolutions?.[0]?.reason, 'abc');
    assert.equal((await audit('finding.waived'))[0]?.detail.reason, 'abc');
    const longest = await actions().waive({ ...click('forwarding'), reason: 'y'.repeat(500) });
    assert.equal(longest.kind, 'done');
  });

  it('records a fix the tenant refused as failed, with nothing resolved', async () => {
    // A mailbox Exchange no longer has (deleted since the check): Set-Mailbox is refused.
    const gone = await h.seed(ROB, ['pending_approval'], {
      target: { ...rob, mail: 'gone@contoso.com', userPrincipalName: 'gone@contoso.com' },
      checks,
    });
    const result = await actions().fix({ ...click('forwarding'), requestId: gone.id });
    assert.equal(result.kind, 'failed');
    const [failure] = (await h.store.audit.listForRequest(gone.id)).filter(
      (e) => e.action === 'finding.fix-failed',
    );
    assert.equal(failure?.detail.finding, 'forwarding');
    assert.equal(failure?.detail.fix, 'remove-forwarding');
    assert.equal((await h.store.requests.get(gone.id))?.resolutions?.length ?? 0, 0);
  });

  it('keeps both of two findings dealt with at the same moment by two approvers', async () => {
    const [a, b] = await Promise.all([
      actions().waive({ ...click('app-consents'), reason: 'known app' }),
      actions().waive({ ...click('sign-in-risk', otherApprover), reason: 'travel' }),
    ]);
    assert.equal(a.kind, 'done');
    assert.equal(b.kind, 'done');
    const stored = await h.store.requests.get(request.id);
    assert.deepEqual(stored?.resolutions?.map((r) => r.finding).sort(), ['app-consents', 'sign-in-risk']);
  });

  it('answers a request that does not exist as not found', async () => {
    const result = await actions().fix({ ...click('forwarding'), requestId: 'no-such-request' });
    assert.equal(result.kind, 'not-found');
  });
});
