// Detection end to end over HTTP: the simulator restricts accounts (or raises Microsoft's alert), the
// worker's detection opens one request per restriction episode and posts the helpdesk card; Start runbook
// and "unblock <user>" continue the case; an account that leaves the list by itself closes its case.
import { strict as assert } from 'node:assert';
import { detectedRequestId } from '../../../src/requests/index.js';
import { episodeOf, type UnblockRequest } from '../../../src/runbook/index.js';
import { ENTRA_ROLES, SEED } from '../../../src/tenant/index.js';
import { type Card, cardsIn, cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';
import { until } from '../../support/until.js';

const detecting = {
  DETECTION: 'on',
  DETECTION_POLL_INTERVAL_S: '0.2',
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '20',
};

/** The detected request of `address`'s current restriction episode, once detection has opened it. */
async function detected(t: TestApp, address: string): Promise<UnblockRequest> {
  return until(`the detected request of ${address}`, async () => {
    const row = t.app.simulator?.restrictedSenders().find((r) => r.SenderAddress === address);
    if (!row) return null;
    const episode = episodeOf({
      senderAddress: row.SenderAddress,
      reason: row.Reason,
      createdAt: row.CreatedDatetime,
      changedAt: row.ChangedDatetime,
      temporaryBlock: row.TemporaryBlock,
    });
    return t.app.store.requests.get(detectedRequestId(SEED.tenantId, episode));
  });
}

function helpdeskChannel(t: TestApp, person = people.agent2) {
  return t.chat(person, { conversationId: '19:helpdesk@thread.tacv2', conversationType: 'channel' });
}

describe('detection', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it("opens a case for each account already on the list at first start, nobody's until someone takes it", async () => {
    t = await startTestApp(detecting);
    for (const address of ['rob@contoso.com', 'adele.vance@contoso.com', 'diego@contoso.com']) {
      const request = await detected(t, address);
      assert.equal(request.state, 'open');
      assert.equal(request.detection?.claimedBy, null);
      assert.equal(request.restriction?.senderAddress, address);
    }
  });

  it('posts the helpdesk card to the helpdesk channel: who, when, why, Start runbook', async () => {
    t = await startTestApp(detecting);
    const channel = helpdeskChannel(t);
    const [set] = await channel.say('set helpdesk channel');
    assert.match(cardText(set), /This channel now receives the cases/);
    t.app.simulator?.restrict('roberta@contoso.com');
    const posted = await t.connector.waitFor(
      (a) => a.conversationId === channel.conversationId && /Roberta Diaz/.test(JSON.stringify(a.activity)),
    );
    const [card] = cardsIn(posted.activity) as [Card];
    const text = cardText(card);
    assert.match(text, /Roberta Diaz \(roberta@contoso.com\) was restricted from sending email/);
    assert.match(text, /Restricted since/);
    assert.match(text, /Outbound spam/);
    assert.match(text, /Start runbook/);
  });

  it("continues in the clicker's own chat on Start runbook: the case becomes theirs, the channel card says so", async () => {
    t = await startTestApp(detecting);
    const agentChat = t.chat(people.agent);
    await agentChat.say('help');
    const channel = helpdeskChannel(t, people.agent);
    await channel.say('set helpdesk channel');
    t.app.simulator?.restrict('roberta@contoso.com');
    const request = await detected(t, 'roberta@contoso.com');
    const posted = await t.connector.waitFor(
      (a) => a.conversationId === channel.conversationId && JSON.stringify(a.activity).includes(request.id),
    );
    const [card] = cardsIn(posted.activity) as [Card];
    const before = t.connector.activities.length;
    const clicked = await channel.click('Start runbook', {}, card);
    assert.match(cardText(clicked.card), /continues in your chat with me/);
    const inChat = t.connector.activities
      .slice(before)
      .filter((a) => a.conversationId === agentChat.conversationId);
    assert.ok(
      inChat.some((a) => /Reset the password now/.test(JSON.stringify(a.activity))),
      'the runbook continues in the agent chat',
    );
    const taken = await t.app.store.requests.get(request.id);
    assert.equal(taken?.requester.aadObjectId, people.agent.aadObjectId);
    assert.equal(taken?.conversationId, agentChat.conversationId);
    assert.equal(taken?.detection?.claimedBy?.name, 'Megan Bowen');
    const update = await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.activityId === posted.assignedId &&
        /Taken by Megan Bowen/.test(JSON.stringify(a.activity)),
    );
    assert.doesNotMatch(JSON.stringify(update.activity), /Start runbook/, 'no Start runbook once taken');

    // The agent walks on from the password card in their own chat, up to the approval.
    agentChat.lastCard =
      cardsIn(
        inChat.find((a) => /Reset the password now/.test(JSON.stringify(a.activity)))?.activity ?? {},
      )[0] ?? null;
    await agentChat.click('runbook.passwordAlreadyReset');
    await agentChat.click('runbook.restrictionContinue');
    await agentChat.click('runbook.checksContinue');
    const confirm = await agentChat.click('runbook.unblock');
    const done = await agentChat.click('runbook.confirm', {}, confirm.card);
    assert.match(cardText(done.card), /waiting for approval/);
    assert.equal((await t.app.store.requests.get(request.id))?.state, 'pending_approval');
  });

  it('refuses Start runbook to someone outside the helpdesk group, on the server', async () => {
    t = await startTestApp({ ...detecting, HELPDESK_GROUP_ID: SEED.groups.helpdesk });
    const channel = helpdeskChannel(t, people.agent);
    await channel.say('set helpdesk channel');
    const request = await detected(t, 'diego@contoso.com');
    const posted = await t.connector.waitFor(
      (a) => a.conversationId === channel.conversationId && JSON.stringify(a.activity).includes(request.id),
    );
    const [card] = cardsIn(posted.activity) as [Card];
    const outsider = t.chat(people.nonApprover, {
      conversationId: channel.conversationId,
      conversationType: 'channel',
    });
    const clicked = await outsider.click('Start runbook', {}, card);
    assert.match(cardText(clicked.card), /Only members of the helpdesk group/);
    const after = await t.app.store.requests.get(request.id);
    assert.equal(after?.detection?.claimedBy, null);
  });

  it('lets an agent who types "unblock <user>" continue the open detected case: it becomes theirs, no second request', async () => {
    t = await startTestApp(detecting);
    const request = await detected(t, 'diego@contoso.com');
    const agent = t.chat(people.agent);
    const [password] = await agent.say('unblock diego@contoso.com');
    assert.match(cardText(password), /Reset the password now/);
    const taken = await t.app.store.requests.get(request.id);
    assert.equal(taken?.requester.name, 'Megan Bowen');
    assert.equal(taken?.conversationId, agent.conversationId);
    const forDiego = await t.app.store.requests.listForTarget(SEED.users.diego.id);
    assert.equal(forDiego.length, 1, 'the detected request is continued, not duplicated');
    const audit = await t.app.store.audit.listForRequest(request.id);
    assert.ok(audit.some((e) => e.action === 'request.claimed' && e.actor?.name === 'Megan Bowen'));
  });

  it('closes the case as resolved-by-itself when the account leaves the list before anyone acts', async () => {
    t = await startTestApp(detecting);
    const channel = helpdeskChannel(t);
    await channel.say('set helpdesk channel');
    t.app.simulator?.restrict('robert.smith@contoso.com');
    const request = await detected(t, 'robert.smith@contoso.com');
    const posted = await t.connector.waitFor(
      (a) => a.conversationId === channel.conversationId && JSON.stringify(a.activity).includes(request.id),
    );
    assert.ok(t.app.simulator?.release('robert.smith@contoso.com'));
    const closed = await until('resolved-by-itself', async () => {
      const now = await t.app.store.requests.get(request.id);
      return now?.state === 'resolved-by-itself' ? now : null;
    });
    assert.equal(closed.detection?.claimedBy, null);
    const update = await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.activityId === posted.assignedId &&
        /left the Restricted entities page by itself/.test(JSON.stringify(a.activity)),
    );
    assert.doesNotMatch(JSON.stringify(update.activity), /Start runbook/);
    assert.equal(
      (t.app.simulator?.calls() ?? []).filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length,
      0,
    );
  });

  it('opens one request per user an alert names (three users in one aggregated alert), each with the alert', async () => {
    t = await startTestApp(detecting);
    const channel = helpdeskChannel(t);
    await channel.say('set helpdesk channel');
    const named = ['roberta@contoso.com', 'robert.smith@contoso.com', 'nestor.wilke@contoso.com'];
    const alert = t.app.simulator?.raiseRestrictionAlert(named);
    assert.ok(alert);
    for (const address of named) {
      const request = await detected(t, address);
      assert.deepEqual(
        request.detection?.alerts.map((a) => a.id),
        [alert.id],
        `${address}: the alert is on the case`,
      );
      await t.connector.waitFor(
        (a) =>
          a.conversationId === channel.conversationId &&
          JSON.stringify(a.activity).includes(request.id) &&
          JSON.stringify(a.activity).includes(alert.alertWebUrl),
      );
    }
    const alertCalls = (t.app.simulator?.calls() ?? []).filter((c) => c.path.endsWith('/security/alerts_v2'));
    assert.ok(alertCalls.length > 0, 'the alerts were read');
  });

  it('opens no case for an account an alert names while Exchange does not list it', async () => {
    t = await startTestApp(detecting);
    const alert = t.app.simulator?.raiseRestrictionAlert(['roberta@contoso.com'], { restrict: false });
    assert.ok(alert);
    // Not on the list: an alert alone opens nothing.
    await until(
      'two detection cycles',
      () =>
        (t.app.simulator?.calls() ?? []).filter((c) => c.path.endsWith('/security/alerts_v2')).length >= 2,
    );
    assert.equal((await t.app.store.requests.listForTarget(SEED.users.roberta.id)).length, 0);
  });

  it('detects from the Restricted list alone when the app may not read security alerts', async () => {
    // Every permission the bot uses except SecurityAlert.Read.All: the simulator answers alerts_v2 with 403.
    const roles = [
      'User.Read.All',
      'GroupMember.Read.All',
      'Organization.Read.All',
      'MailboxSettings.Read',
      'Exchange.ManageAsApp',
    ];
    // Exchange Administrator: every cmdlet, as the fallback setup gives.
    const wids = [ENTRA_ROLES.exchangeAdministrator.id];
    t = await startTestApp(detecting, {
      simulator: { validateToken: () => ({ valid: true, roles, wids }) },
    });
    t.app.simulator?.raiseRestrictionAlert(['roberta@contoso.com']);
    const request = await detected(t, 'roberta@contoso.com');
    assert.deepEqual(request.detection?.alerts, [], 'no alert could be read');
    const refused = (t.app.simulator?.calls() ?? []).filter((c) => c.path.endsWith('/security/alerts_v2'));
    assert.equal(refused[0]?.status, 403);
    assert.equal(refused.length, 1, 'not asked again every cycle');
    assert.ok(t.logLines.some((l) => l.includes('the Restricted list alone detects')));
  });

  it('does nothing with DETECTION=off', async () => {
    t = await startTestApp({ ...detecting, DETECTION: 'off' });
    await t.app.worker?.schedule();
    await t.app.worker?.drain();
    assert.equal((await t.app.store.requests.listRecent(10)).length, 0);
    assert.equal(
      (t.app.simulator?.calls() ?? []).filter((c) => c.path.endsWith('/security/alerts_v2')).length,
      0,
    );
  });
});
