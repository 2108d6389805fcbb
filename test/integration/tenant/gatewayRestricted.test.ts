import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { TenantError } from '../../../src/runbook/errors.js';
import { NDR_5_1_8, SEED } from '../../../src/tenant/index.js';
import { type Harness, rejection, resetHarness, startHarness } from './harness.js';

const ROB = SEED.users.rob.upn;

describe('live gateway against the simulator: Restricted entities', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.sim.stop());
  beforeEach(() => resetHarness(h));

  it('lists every restricted sender across pages, re-POSTing the same body to @odata.nextLink', async () => {
    h.sim.updateSettings({ exoMaxPageSize: 2 });
    const senders = await h.gateway.listRestrictedSenders();
    assert.deepEqual(
      senders.map((s) => s.senderAddress).sort(),
      [ROB, SEED.users.adele.upn, SEED.users.diego.upn, SEED.users.grady.upn, SEED.users.synced.upn].sort(),
    );
    const calls = h.sim.calls();
    assert.equal(calls.length, 3);
    for (const call of calls) {
      assert.equal(call.method, 'POST');
      assert.equal(call.path, `/adminapi/beta/${SEED.tenantId}/InvokeCommand`);
      assert.equal(call.cmdlet, 'Get-BlockedSenderAddress');
      assert.deepEqual(call.parameters, {});
    }
    assert.equal(calls[0]?.query, '');
    assert.match(calls[1]?.query ?? '', /skiptoken/);
    assert.notEqual(calls[1]?.query, calls[2]?.query);
  });

  it('sends the §2.1 headers', async () => {
    await h.gateway.listRestrictedSenders();
    const headers = h.sim.calls()[0]?.headers ?? {};
    assert.equal(
      headers['x-anchormailbox'],
      `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${SEED.tenantId}`,
    );
    assert.equal(headers.prefer, 'odata.maxpagesize=1000');
    assert.equal(headers['x-cmdletname'], 'Get-BlockedSenderAddress');
    assert.match(headers['client-request-id'] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(headers.authorization, undefined, 'the call log never keeps the token');
  });

  it('parses a row into a RestrictedSender', async () => {
    const adele = await h.gateway.findRestrictedSender('Adele.Vance@contoso.com');
    assert.ok(adele);
    assert.equal(adele.senderAddress, 'adele.vance@contoso.com');
    assert.match(adele.reason, /ExceedingLimitType=External/);
    assert.ok(adele.createdAt && !Number.isNaN(Date.parse(adele.createdAt)));
    assert.equal(adele.temporaryBlock, false);
    assert.equal((await h.gateway.findRestrictedSender(SEED.users.diego.upn))?.temporaryBlock, true);
    assert.deepEqual(h.sim.calls()[0]?.parameters, { SenderAddress: 'Adele.Vance@contoso.com' });
  });

  it('finds nobody for an unrestricted sender', async () => {
    assert.equal(await h.gateway.findRestrictedSender(SEED.users.roberta.upn), null);
  });

  it('finds nobody for an unrestricted sender when Exchange answers with a not-found error', async () => {
    // Empty result or ManagementObjectNotFoundException: Microsoft documents neither, both mean "not listed".
    h.sim.updateSettings({ notRestrictedAnswer: 'not-found' });
    assert.equal(await h.gateway.findRestrictedSender(SEED.users.roberta.upn), null);
    assert.equal(h.sim.calls()[0]?.status, 400, 'Exchange did answer with an error');
  });

  it('lists a hosted mailbox by its user principal name, not its primary SMTP address', async () => {
    h.sim.restrict('alex.wilber@contoso.com');
    const alex = await h.gateway.findRestrictedSender(SEED.users.nonApprover.upn);
    assert.equal(alex?.senderAddress, 'alexw@contoso.onmicrosoft.com');
    assert.equal(await h.gateway.findRestrictedSender('alex.wilber@contoso.com'), null);
  });

  it('refuses something that is not an address before calling Exchange', async () => {
    const error = await rejection(() => h.gateway.findRestrictedSender('not an address'));
    assert.equal((error as unknown as TenantError).code, 'BadRequest');
    assert.equal(h.sim.calls().length, 0);
  });

  it('unblocks: the sender is off the list at once', async () => {
    await h.gateway.unblockSender(ROB);
    assert.equal(await h.gateway.findRestrictedSender(ROB), null);
    const removes = h.sim.calls().filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress');
    assert.deepEqual(
      removes.map((c) => [c.parameters, c.status]),
      [[{ SenderAddress: ROB }, 200]],
    );
  });

  it('reports unblocking a sender who is not on the list as NotFound', async () => {
    const error = await rejection(() => h.gateway.unblockSender(SEED.users.roberta.upn));
    assert.ok(error instanceof TenantError);
    assert.equal(error.code, 'NotFound');
    assert.equal(error.retryable, false);
    assert.match(error.message, /couldn't be found/);
  });

  it('stops at the per-account unblock limit with a non-retryable UnblockLimitReached', async () => {
    h.sim.updateSettings({ unblockLimitPerDay: 2 });
    for (let i = 0; i < 2; i++) {
      await h.gateway.unblockSender(ROB);
      h.sim.restrict(ROB);
    }
    const error = await rejection(() => h.gateway.unblockSender(ROB));
    assert.ok(error instanceof TenantError);
    assert.equal(error.code, 'UnblockLimitReached');
    assert.equal(error.retryable, false);
    assert.match(error.message, /Microsoft Support/);
    assert.equal(
      h.sim.calls().filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length,
      3,
      'no retry',
    );
    assert.ok(await h.gateway.findRestrictedSender(ROB), 'still restricted');
    assert.deepEqual(h.delays, []);
  });

  describe('release after unblocking', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      // Only Date is faked: the HTTP stack keeps its real timers.
      clock = sinon.useFakeTimers({ now: Date.parse('2026-11-22T10:00:00Z'), toFake: ['Date'] });
      h.sim.reset();
    });
    afterEach(() => clock.restore());

    it('bounces mail (5.1.8) until the release delay has passed, then traces a delivered message', async () => {
      const unblockedAt = new Date();
      await h.gateway.unblockSender(ROB);

      clock.tick(4000);
      const early = h.sim.sendAttempt(ROB);
      assert.equal(early.status, 'failed');
      assert.equal(h.sim.canSend(ROB), false);

      clock.tick(1001);
      assert.equal(h.sim.canSend(ROB), true);
      const trace = await h.gateway.listMessageTrace(ROB, unblockedAt, new Date());
      const delivered = trace.filter((t) => t.status === 'delivered');
      assert.equal(delivered.length, 1);
      assert.equal(delivered[0]?.receivedDateTime, new Date(unblockedAt.getTime() + 5000).toISOString());
      assert.ok(
        trace.some((t) => t.status === 'failed'),
        'the early attempt is traced as failed',
      );
      assert.equal(NDR_5_1_8.startsWith('550 5.1.8'), true);
    });

    it('sends the trace filter Graph documents, with both time bounds', async () => {
      const from = new Date(Date.now() - 3600_000);
      await h.gateway.listMessageTrace(ROB, from, new Date());
      const query = decodeURIComponent(h.sim.calls()[0]?.query ?? '');
      assert.equal(
        query,
        `$filter=senderAddress eq '${ROB}' and receivedDateTime ge 2026-11-22T09:00:00Z and receivedDateTime le 2026-11-22T10:00:00Z`,
      );
    });

    it('a user restricted again before release stays blocked', async () => {
      await h.gateway.unblockSender(ROB);
      h.sim.restrict(ROB);
      clock.tick(10_000);
      assert.equal(h.sim.canSend(ROB), false);
      assert.equal(h.sim.sendAttempt(ROB).status, 'failed');
    });
  });
});
