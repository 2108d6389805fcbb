import { strict as assert } from 'node:assert';
import { TenantError } from '../../../src/runbook/errors.js';
import { generateTemporaryPassword, SEED } from '../../../src/tenant/index.js';
import { type Harness, rejection, resetHarness, startHarness, TEST_TOKEN } from './harness.js';

describe('live gateway against the simulator: directory and account', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.sim.stop());
  beforeEach(() => resetHarness(h));

  describe('findUsers', () => {
    it('finds every user a prefix matches, the exact alias first', async () => {
      const users = await h.gateway.findUsers('rob');
      assert.deepEqual(
        users.map((u) => u.userPrincipalName),
        ['rob@contoso.com', 'robert.smith@contoso.com', 'roberta@contoso.com'],
      );
      const [call] = h.sim.calls();
      assert.match(
        decodeURIComponent(call?.query ?? ''),
        /startswith\(userPrincipalName,'rob'\) or startswith\(mail,'rob'\)/,
      );
    });

    it('matches display names too', async () => {
      const users = await h.gateway.findUsers('Lee');
      assert.deepEqual(
        users.map((u) => u.id),
        [SEED.users.synced.id],
      );
      assert.equal(users[0]?.onPremisesSyncEnabled, true);
    });

    it('looks an address up exactly, by UPN or by mail', async () => {
      const byUpn = await h.gateway.findUsers('rob@contoso.com');
      assert.deepEqual(
        byUpn.map((u) => u.id),
        [SEED.users.rob.id],
      );
      const byMail = await h.gateway.findUsers('alex.wilber@contoso.com');
      assert.deepEqual(
        byMail.map((u) => u.id),
        [SEED.users.nonApprover.id],
      );
      assert.match(
        decodeURIComponent(h.sim.calls()[0]?.query ?? ''),
        /userPrincipalName eq 'rob@contoso.com'/,
      );
    });

    it('falls back to a prefix search for a partial address', async () => {
      const users = await h.gateway.findUsers('robert.smith@');
      assert.deepEqual(
        users.map((u) => u.id),
        [SEED.users.robertSmith.id],
      );
    });

    it('returns nothing for unknown users, empty, hostile or over-long input', async () => {
      assert.deepEqual(await h.gateway.findUsers('nobody'), []);
      assert.deepEqual(await h.gateway.findUsers("x') or startswith(displayName,'"), []);
      assert.deepEqual(await h.gateway.findUsers('a&b#c%d?e/f'), []);
      assert.deepEqual(await h.gateway.findUsers('   '), []);
      assert.deepEqual(await h.gateway.findUsers('r'.repeat(300)), []);
    });

    it('honours the limit', async () => {
      assert.equal((await h.gateway.findUsers('rob', 2)).length, 2);
    });
  });

  describe('getUser', () => {
    it('gets a user by id or UPN, with onPremisesSyncEnabled', async () => {
      const byId = await h.gateway.getUser(SEED.users.synced.id);
      assert.equal(byId?.userPrincipalName, SEED.users.synced.upn);
      assert.equal(byId?.onPremisesSyncEnabled, true);
      const byUpn = await h.gateway.getUser('ROB@contoso.com');
      assert.equal(byUpn?.id, SEED.users.rob.id);
      assert.equal(byUpn?.onPremisesSyncEnabled, false);
    });

    it('returns null for an unknown user (Graph 404 Request_ResourceNotFound)', async () => {
      assert.equal(await h.gateway.getUser('nobody@contoso.com'), null);
      assert.equal(h.sim.calls()[0]?.status, 404);
    });
  });

  describe('resetPassword', () => {
    it('sets a generated password with forceChangePasswordNextSignIn (204)', async () => {
      await h.gateway.resetPassword(SEED.users.rob.id, generateTemporaryPassword());
      const rob = h.sim.findUser(SEED.users.rob.id);
      assert.ok(rob?.passwordChangedAt);
      assert.equal(rob?.forceChangePasswordNextSignIn, true);
      assert.equal(h.sim.calls()[0]?.status, 204);
    });

    it('refuses a weak password as BadRequest, without the password in the error', async () => {
      const error = await rejection(() => h.gateway.resetPassword(SEED.users.rob.id, 'weakpass'));
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'BadRequest');
      assert.match(error.message, /complexity/);
      assert.ok(!error.message.includes('weakpass'));
      assert.ok(!JSON.stringify(error).includes('weakpass'));
    });

    it('reports a synced user as OnPremisesManaged', async () => {
      const error = await rejection(() =>
        h.gateway.resetPassword(SEED.users.synced.id, generateTemporaryPassword()),
      );
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'OnPremisesManaged');
      assert.equal(error.retryable, false);
      assert.equal(h.sim.findUser(SEED.users.synced.id)?.passwordChangedAt, null);
    });

    it("reports Graph's refusal to reset an administrator's password as Forbidden, not retryable", async () => {
      const error = await rejection(() =>
        h.gateway.resetPassword(SEED.users.admin.id, generateTemporaryPassword()),
      );
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'Forbidden');
      assert.equal(error.status, 403);
      assert.equal(error.retryable, false);
      assert.match(error.message, /Authorization_RequestDenied/);
      assert.equal(h.sim.findUser(SEED.users.admin.id)?.passwordChangedAt, null);
    });

    it('reports an unknown user as NotFound', async () => {
      const error = await rejection(() =>
        h.gateway.resetPassword('nobody@contoso.com', generateTemporaryPassword()),
      );
      assert.equal((error as unknown as TenantError).code, 'NotFound');
    });

    it('never logs the password or the token', async () => {
      const password = generateTemporaryPassword();
      h.sim.setFaults({ graph: { sequence: [503], retryAfterSeconds: 0 } });
      await h.gateway.resetPassword(SEED.users.rob.id, password);
      const log = h.logLines.join('\n');
      assert.ok(h.logLines.length > 0, 'the retry was logged');
      assert.ok(!log.includes(password));
      assert.ok(!log.includes(TEST_TOKEN));
    });
  });

  it('revokes sign-in sessions', async () => {
    await h.gateway.revokeSessions(SEED.users.rob.id);
    assert.ok(h.sim.findUser(SEED.users.rob.id)?.sessionsRevokedAt);
    assert.deepEqual(
      h.sim.calls().map((c) => `${c.method} ${c.path} ${c.status}`),
      [`POST /v1.0/users/${SEED.users.rob.id}/revokeSignInSessions 200`],
    );
  });

  describe('checkMemberGroups', () => {
    const groups = [SEED.groups.approvers, SEED.groups.helpdesk];

    it('is transitive: a member of a nested group is an approver', async () => {
      assert.deepEqual(await h.gateway.checkMemberGroups(SEED.users.nestedApprover.id, groups), [
        SEED.groups.approvers,
      ]);
      assert.deepEqual(await h.gateway.checkMemberGroups(SEED.users.approver.id, groups), [
        SEED.groups.approvers,
      ]);
      assert.deepEqual(await h.gateway.checkMemberGroups(SEED.users.agent.id, groups), [
        SEED.groups.helpdesk,
      ]);
      assert.deepEqual(await h.gateway.checkMemberGroups(SEED.users.nonApprover.id, groups), []);
    });

    it("lists a group's users transitively, following @odata.nextLink, without the nested groups", async () => {
      h.sim.updateSettings({ graphMaxPageSize: 1 });
      const ids = await h.gateway.listGroupUserIds(SEED.groups.approvers);
      assert.deepEqual(ids.sort(), [SEED.users.approver.id, SEED.users.nestedApprover.id].sort());
      const calls = h.sim.calls();
      assert.equal(calls.length, 3, 'Patti, Nestor and the nested group: three pages of one');
      assert.match(calls[0]?.path ?? '', new RegExp(`/groups/${SEED.groups.approvers}/transitiveMembers$`));
      assert.match(calls[0]?.query ?? '', /\$top=999/);
    });

    it('splits more than 20 group ids into several calls', async () => {
      const many = [
        ...Array.from({ length: 25 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
        SEED.groups.approvers,
      ];
      assert.deepEqual(await h.gateway.checkMemberGroups(SEED.users.approver.id, many), [
        SEED.groups.approvers,
      ]);
      assert.equal(h.sim.calls().length, 2);
    });

    it('the simulator refuses more than 20 ids in one call, like Graph', async () => {
      const response = await fetch(`${h.sim.graphBaseUrl}/users/${SEED.users.rob.id}/checkMemberGroups`, {
        method: 'POST',
        headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
        body: JSON.stringify({ groupIds: Array.from({ length: 21 }, (_, i) => String(i)) }),
      });
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'Request_BadRequest');
    });
  });

  describe('compromise checks', () => {
    it('summarises inbox rules, flagging forwarding and deletion', async () => {
      const rules = await h.gateway.listInboxRules(SEED.users.rob.id);
      assert.equal(rules.length, 2);
      const forwarding = rules.find((r) => r.forwardsTo.length > 0);
      assert.deepEqual(forwarding, {
        name: '.',
        enabled: true,
        forwardsTo: ['rob.young.archive@outlook-mailbox.example'],
        deletesMessages: true,
      });
      assert.deepEqual(await h.gateway.listInboxRules(SEED.users.roberta.id), []);
    });

    it('reads mailbox SMTP forwarding from Exchange Get-Mailbox with $select', async () => {
      assert.deepEqual(await h.gateway.getMailboxForwarding('rob@contoso.com'), {
        forwardingSmtpAddress: 'rob.young.archive@outlook-mailbox.example',
        forwardingAddress: null,
        deliverToMailboxAndForward: false,
      });
      assert.deepEqual(await h.gateway.getMailboxForwarding('roberta@contoso.com'), {
        forwardingSmtpAddress: null,
        forwardingAddress: null,
        deliverToMailboxAndForward: false,
      });
      const [call] = h.sim.calls();
      assert.equal(call?.cmdlet, 'Get-Mailbox');
      assert.match(
        decodeURIComponent(call?.query ?? ''),
        /\$select=ForwardingSmtpAddress,ForwardingAddress,DeliverToMailboxAndForward/,
      );
    });

    it('reports a missing mailbox as NotFound', async () => {
      const error = await rejection(() => h.gateway.getMailboxForwarding('ghost@contoso.com'));
      assert.equal((error as unknown as TenantError).code, 'NotFound');
    });
  });

  it('pings Graph and Exchange', async () => {
    await h.gateway.ping();
    assert.deepEqual(
      h.sim
        .calls()
        .map((c) => c.api)
        .sort(),
      ['exchange', 'graph'],
    );
  });
});
