// The runbook conversation end to end: Teams-shaped activities POSTed to /api/messages, replies read at a
// fake connector, the tenant simulated over HTTP, state in SQLite.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';
import { cardsIn, cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const FIXED_PASSWORD = 'Tq7#mZ2!vR9@kL4$wX';

describe('runbook conversation over /api/messages', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({}, { generatePassword: () => FIXED_PASSWORD });
  });
  afterEach(async () => {
    await t.stop();
  });

  it('takes rob through reset, Restricted list, checks and unblock request, recorded in the store and audit log', async () => {
    const chat = t.chat();
    const [first] = await chat.say('unblock rob@contoso.com');
    assert.ok(first, 'a card came back');
    assert.match(cardText(first), /Has the password of .*rob@contoso.com.* been reset/);

    const reset = await chat.click('No, reset it now');
    assert.equal(reset.status, 200);
    assert.ok(reset.card);
    assert.match(cardText(reset.card), new RegExp(FIXED_PASSWORD.replace(/[$]/g, '\\$')));
    assert.match(cardText(reset.card), /Never send it by email/);
    assert.equal(reset.messages.length, 0, 'the password is never sent as a message');

    const noted = await chat.click('I have noted it: continue');
    assert.ok(noted.card);
    assert.doesNotMatch(cardText(noted.card), new RegExp(FIXED_PASSWORD.replace(/[$]/g, '\\$')));
    const restriction = noted.messages[0];
    assert.ok(restriction);
    assert.match(cardText(restriction), /is on the Restricted entities page/);
    assert.match(cardText(restriction), /Outbound spam/);
    assert.match(cardText(restriction), /Restricted since/);

    const checks = await chat.click('Continue');
    const checksCard = checks.messages[0];
    assert.ok(checksCard);
    assert.match(cardText(checksCard), /Check the account for compromise/);
    assert.match(cardText(checksCard), /suspicious rule/);

    const revoked = await chat.click('Revoke sign-in sessions');
    assert.ok(revoked.card);
    assert.match(cardText(revoked.card), /Revoked/);

    const unblock = await chat.click('Continue');
    assert.match(
      cardText(unblock.messages[0]),
      /Remove .*rob@contoso.com.* from the Restricted entities page/,
    );
    const confirm = await chat.click('Unblock');
    assert.ok(confirm.card);
    assert.match(cardText(confirm.card), /Select Yes to confirm/);
    const done = await chat.click('Yes', {}, confirm.card);
    assert.ok(done.card);
    assert.match(cardText(done.card), /waiting for approval/);
    assert.match(cardText(done.card), /within an hour, at most 24 hours/);

    const [request] = await t.app.store.requests.listByState('pending_approval');
    assert.ok(request, 'the request is stored as pending_approval');
    assert.equal(request.target.id, SEED.users.rob.id);
    assert.equal(request.password, 'reset-by-bot');
    assert.equal(request.requester.aadObjectId, people.agent.aadObjectId);
    assert.ok(request.restriction?.reason);
    assert.equal(request.checks?.sessionsRevoked, true);
    // The worker's notifications to the approvers run alongside; the runbook's own entries are these.
    const audit = (await t.app.store.audit.listForRequest(request.id)).filter(
      (e) => !e.action.startsWith('notify.'),
    );
    assert.deepEqual(
      audit.map((e) => e.action),
      [
        'request.created',
        'password.reset',
        'restriction.checked',
        'checks.completed',
        'sessions.revoked',
        'request.transition',
      ],
    );
    assert.equal(audit.at(-1)?.toState, 'pending_approval');
    assert.ok(audit.every((e) => e.conversationId === chat.conversationId));

    const calls = t.app.simulator?.calls() ?? [];
    assert.equal(
      calls.filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length,
      0,
      'nothing unblocked before approval',
    );
    for (const line of t.logLines)
      assert.ok(!line.includes(FIXED_PASSWORD), 'the password never reaches the logs');
  });

  it('offers a choice when "rob" matches several users, then continues with the chosen one', async () => {
    const chat = t.chat();
    const [card] = await chat.say('rob is blocked');
    assert.ok(card);
    assert.match(cardText(card), /Several users match "rob"/);
    const picked = await chat.click('Select', { userId: SEED.users.rob.id });
    assert.match(cardText(picked.messages[0]), /Reset the password now/);
  });

  it('refuses a user id the bot did not offer', async () => {
    const chat = t.chat();
    await chat.say('rob');
    const picked = await chat.click('Select', { userId: SEED.users.agent.id });
    assert.ok(picked.card);
    assert.match(cardText(picked.card), /Choose a user from the list first/);
    assert.equal(picked.messages.length, 0);
  });

  it('says so when nobody matches and asks again', async () => {
    const chat = t.chat();
    const [card] = await chat.say('unblock nobody-by-this-name');
    assert.match(cardText(card), /found no user matching "nobody-by-this-name"/);
    const retry = await chat.click('Find user', { query: 'diego' });
    assert.ok(retry.messages.length > 0 || retry.card);
    assert.match(cardText(retry.messages[0] ?? retry.card), /Reset the password now/);
  });

  it('asks who when the first message names nobody', async () => {
    const [card] = await t.chat().say('hello');
    assert.match(cardText(card), /Who is blocked from sending email/);
  });

  it('gives a synced user the on-premises instruction instead of a reset', async () => {
    const chat = t.chat();
    await chat.say(`unblock ${SEED.users.synced.upn}`);
    const reset = await chat.click('No, reset it now');
    assert.match(cardText(reset.card), /on-premises/);
    const passwordCalls = (t.app.simulator?.calls() ?? []).filter((c) => c.method === 'PATCH');
    assert.equal(passwordCalls.length, 0, 'no cloud password reset is attempted');
    const next = await chat.click('The password has been changed');
    assert.match(cardText(next.messages[0]), /Restricted entities/);
  });

  it("tells the agent to reset an administrator's password by hand, and why, then continues once they confirm", async () => {
    // Graph refuses an app-only reset of a privileged account with 403 Authorization_RequestDenied: only a
    // Privileged Authentication Administrator may reset it (user-update.md, passwordProfile).
    t.app.simulator?.restrict(SEED.users.admin.upn);
    const chat = t.chat();
    await chat.say(`unblock ${SEED.users.admin.upn}`);
    const refused = await chat.click('No, reset it now');
    assert.equal(refused.status, 200);
    const text = cardText(refused.card);
    assert.match(text, /Reset this password by hand/);
    assert.match(text, /administrator role/);
    assert.match(text, /Privileged Authentication Administrator/);
    assert.match(text, /Microsoft 365 admin center/);
    assert.doesNotMatch(text, /not allowed to do this in your tenant/, 'the bot is not blamed');
    assert.equal(t.app.simulator?.findUser(SEED.users.admin.upn)?.passwordChangedAt, null);
    const next = await chat.click('I have reset it');
    assert.match(cardText(next.card), /Password: reset by you in the admin center/);
    assert.match(cardText(next.messages[0]), /is on the Restricted entities page/);
    const [request] = await t.app.store.requests.listRecent(1);
    assert.equal(request?.password, 'reset-by-agent');
    const audit = await t.app.store.audit.listForRequest(request?.id ?? '');
    const confirmed = audit.find((e) => e.action === 'password.confirmed');
    assert.equal(confirmed?.detail.resetRefusedFor, 'privileged-account');
  });

  it('ends the runbook before any password reset when the user is not on the Restricted list', async () => {
    const chat = t.chat();
    const [card] = await chat.say('unblock roberta@contoso.com');
    assert.match(cardText(card), /not on the Restricted entities page/);
    assert.match(cardText(card), /5\.1\.8/);
    assert.equal(JSON.stringify(card).includes('runbook.passwordResetNow'), false, 'no reset is offered');
    const [request] = await t.app.store.requests.listRecent(1);
    assert.equal(request?.state, 'cancelled');
    const audit = await t.app.store.audit.listForRequest(request?.id ?? '');
    assert.deepEqual(
      audit.map((e) => e.action),
      ['request.created', 'restriction.checked', 'request.transition'],
    );
  });

  describe('when Exchange answers "not restricted" with a not-found error instead of no rows', () => {
    // Microsoft does not document which of the two Get-BlockedSenderAddress -SenderAddress returns for an
    // address that is not on the list (m365-contracts.md "UNCONFIRMED"): both must mean "not restricted".
    beforeEach(() => t.app.simulator?.updateSettings({ notRestrictedAnswer: 'not-found' }));

    it('ends the runbook as "not on the list", not "the user no longer exists"', async () => {
      const [card] = await t.chat().say('unblock roberta@contoso.com');
      assert.match(cardText(card), /not on the Restricted entities page/);
      assert.doesNotMatch(cardText(card), /no longer exists/);
    });

    it('finds a hosted mailbox listed by its UPN when its primary SMTP address differs', async () => {
      // Alex Wilber: UPN alexw@contoso.onmicrosoft.com, primary SMTP alex.wilber@contoso.com. Exchange lists
      // a hosted mailbox by its UPN ("Remove blocked users from the Restricted entities page", 2026-08-24).
      const listed = t.app.simulator?.restrict('alex.wilber@contoso.com');
      assert.equal(listed?.SenderAddress, SEED.users.nonApprover.upn);
      const [card] = await t.chat().say('unblock alex.wilber@contoso.com');
      assert.match(cardText(card), /Has the password of .*Alex Wilber.* been reset/);
      const lookups = (t.app.simulator?.calls() ?? [])
        .filter((c) => c.cmdlet === 'Get-BlockedSenderAddress')
        .map((c) => c.parameters?.SenderAddress);
      assert.equal(lookups[0], SEED.users.nonApprover.upn, 'the UPN is asked first');
    });
  });

  it('answers a card clicked twice with "this step is done" and acts once', async () => {
    const chat = t.chat();
    const [card] = await chat.say('unblock rob@contoso.com');
    await chat.click('Yes, it has been reset', {}, card);
    const again = await chat.click('Yes, it has been reset', {}, card);
    assert.equal(again.status, 200);
    assert.match(cardText(again.card), /This step is done/);
    assert.equal(again.messages.length, 0);
    const [request] = await t.app.store.requests.listRecent(1);
    assert.ok(request);
    const audit = await t.app.store.audit.listForRequest(request.id);
    assert.equal(audit.filter((e) => e.action === 'restriction.checked').length, 1);
  });

  it('handles two simultaneous clicks of the same button once', async () => {
    const chat = t.chat();
    const [card] = await chat.say('unblock rob@contoso.com');
    const [a, b] = await Promise.all([
      chat.click('Yes, it has been reset', {}, card),
      chat.click('Yes, it has been reset', {}, card),
    ]);
    const texts = [cardText(a.card), cardText(b.card)];
    assert.equal(texts.filter((x) => /This step is done/.test(x)).length, 1);
    const [request] = await t.app.store.requests.listRecent(1);
    const audit = await t.app.store.audit.listForRequest(request?.id ?? '');
    assert.equal(audit.filter((e) => e.action === 'password.confirmed').length, 1);
  });

  it('cancels at any step and records the request as cancelled', async () => {
    const chat = t.chat();
    await chat.say('unblock rob@contoso.com');
    await chat.click('Yes, it has been reset');
    const cancelled = await chat.click('Cancel');
    assert.match(cardText(cancelled.card), /Nothing was unblocked/);
    const [request] = await t.app.store.requests.listRecent(1);
    assert.equal(request?.state, 'cancelled');
  });

  it('understands "help", "start over" and "cancel" typed at any time', async () => {
    const chat = t.chat();
    await chat.say('unblock rob@contoso.com');
    const [help] = await chat.say('help');
    assert.match(cardText(help), /how I can help/);
    const restarted = await chat.say('start over');
    assert.match(cardText(restarted[0]), /Nothing was unblocked/);
    assert.match(cardText(restarted.at(-1)), /Who is blocked/);
    const [cancelled] = await chat.say('cancel');
    assert.match(cardText(cancelled), /Cancelled/);
  });

  it('refuses to start a second request for a user who already has one', async () => {
    const first = t.chat();
    await first.say('unblock rob@contoso.com');
    const [card] = await t.chat(people.agent2).say('unblock rob@contoso.com');
    assert.match(cardText(card), /already an unblock request for/);
  });

  it('keeps the dialog and the request across a restart', async () => {
    const chat = t.chat();
    await chat.say('unblock rob@contoso.com');
    const passwordCard = chat.lastCard;
    const dataDir = t.dataDir;
    await t.app.stop();
    await t.connector.stop();
    const restarted = await startTestApp({}, { dataDir });
    try {
      const resumed = restarted.chat(people.agent, { conversationId: chat.conversationId });
      const next = await resumed.click('Yes, it has been reset', {}, passwordCard);
      assert.match(cardText(next.messages[0]), /is on the Restricted entities page/);
    } finally {
      await restarted.stop();
      t = await startTestApp({});
    }
  });
  it('lists the agent\'s own requests on "status"', async () => {
    const chat = t.chat();
    const [none] = await chat.say('status');
    assert.match(cardText(none), /no unblock requests yet/);
    await chat.say('unblock rob@contoso.com');
    const [mine] = await chat.say('status');
    assert.match(cardText(mine), /Rob Young \(rob@contoso.com\)\nin progress/);
    const [theirs] = await t.chat(people.agent2).say('status');
    assert.match(cardText(theirs), /no unblock requests yet/);
  });

  it('refuses a fourth unblock of the same account within 24 hours, and says why', async () => {
    const rob = await t.app.tenant.getUser('rob@contoso.com');
    assert.ok(rob);
    for (let i = 0; i < 3; i++) {
      await t.app.store.requests.create(
        sampleRequest({
          id: `earlier-${i}`,
          state: 'resumed',
          target: rob,
          unblockedAt: new Date(Date.now() - i * 3600_000).toISOString(),
        }),
      );
    }
    const [card] = await t.chat().say('unblock rob@contoso.com');
    assert.match(cardText(card), /already unblocked 3 times in the last 24 hours/);
    assert.equal((await t.app.store.requests.listActiveForTarget(rob.id)).length, 0, 'no new request');
  });

  it('answers a Microsoft 365 outage with an error card that can repeat the click', async () => {
    const chat = t.chat();
    const [card] = await chat.say('unblock rob@contoso.com');
    t.app.simulator?.setFaults({ graph: { probability: 1, status: 503, retryAfterSeconds: 0 } });
    const failed = await chat.click('No, reset it now', {}, card);
    assert.equal(failed.status, 200);
    assert.match(cardText(failed.card), /Microsoft 365 did not answer in time/);
    assert.doesNotMatch(JSON.stringify(failed.raw), /TenantError|503|stack/i);
    t.app.simulator?.setFaults({});
    const retried = await chat.click('Try again', {}, failed.card);
    assert.match(cardText(retried.card), /Temporary password/);
  });
});

describe('installing the bot', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  it("welcomes with what it does when Teams adds it to a chat, in the chat's language", async () => {
    const chat = t.chat(people.agent, { locale: 'da-DK' });
    const base = chat.baseActivity();
    const before = t.connector.activities.length;
    const res = await chat.post({ ...base, type: 'conversationUpdate', membersAdded: [base.recipient] });
    assert.equal(res.status, 200);
    const [welcome] = t.connector.activities.slice(before).flatMap((a) => cardsIn(a.activity));
    assert.match(cardText(welcome), /fjern blokering/i);
  });

  it('stays quiet when someone else joins a team', async () => {
    const chat = t.chat();
    const before = t.connector.activities.length;
    await chat.post({
      ...chat.baseActivity(),
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:newcomer' }],
    });
    assert.equal(t.connector.activities.length, before);
  });
});

describe('HELPDESK_GROUP_ID', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ HELPDESK_GROUP_ID: SEED.groups.helpdesk });
  });
  after(async () => {
    await t.stop();
  });

  it('lets members of the helpdesk group start a request', async () => {
    const [card] = await t.chat(people.agent).say('unblock rob@contoso.com');
    assert.match(cardText(card), /Reset the password now/);
  });

  it('refuses anyone else, says why, and records it', async () => {
    const [card] = await t.chat(people.nonApprover).say('unblock diego@contoso.com');
    assert.match(cardText(card), /Only members of the helpdesk group can start/);
    assert.equal(
      (await t.app.store.requests.listRecent(10)).filter(
        (r) => r.target.userPrincipalName === 'diego@contoso.com',
      ).length,
      0,
    );
    const refused = (await t.app.store.audit.listRecent(10)).filter((e) => e.action === 'access.refused');
    assert.equal(refused[0]?.actor?.aadObjectId, SEED.users.nonApprover.id);
  });
});
