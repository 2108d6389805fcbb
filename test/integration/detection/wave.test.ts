// Phishing waves over HTTP with the simulator: many accounts restricted within an hour become one incident
// card for the helpdesk and one batch approval for the approvers; the batch approves the clean accounts,
// each unblocked exactly once by its own job, paced; accounts with findings are left out for their own
// decision; one summary when every account has an outcome.
import { strict as assert } from 'node:assert';
import { waveCardsKey } from '../../../src/bot/waves/teamsWaveNotifier.js';
import { unblockJobId } from '../../../src/requests/index.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import type { RecordedActivity } from '../../support/fakeConnector.js';
import { type Card, cardsIn, cardText, type TeamsChat } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';
import { until } from '../../support/until.js';

const PER_MINUTE = 3000;
const waveEnv = {
  DETECTION: 'on',
  DETECTION_POLL_INTERVAL_S: '0.2',
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '10',
  SIMULATOR_RELEASE_DELAY_S: '0.5',
  WAVE_UNBLOCKS_PER_MIN: String(PER_MINUTE),
  LOG_LEVEL: 'info',
};

function posts(t: TestApp, conversationId: string, pattern: RegExp): RecordedActivity[] {
  return t.connector.activities.filter(
    (a) =>
      a.method === 'POST' && a.conversationId === conversationId && pattern.test(JSON.stringify(a.activity)),
  );
}

async function members(t: TestApp, prefix: string): Promise<UnblockRequest[]> {
  const recent = await t.app.store.requests.listRecent(1000);
  return recent.filter((r) => r.target.userPrincipalName.startsWith(prefix));
}

async function setUp(t: TestApp): Promise<{ channel: TeamsChat; patti: TeamsChat }> {
  const channel = t.chat(people.agent, {
    conversationId: '19:helpdesk@thread.tacv2',
    conversationType: 'channel',
  });
  await channel.say('set helpdesk channel');
  const patti = t.chat(people.approver);
  await patti.say('help');
  // The accounts on the list at start are five: cases of their own, not a wave.
  await until('the first detection', async () => (await t.app.store.requests.listRecent(10)).length >= 5);
  return { channel, patti };
}

function restrictMany(t: TestApp, prefix: string, count: number): string[] {
  const addresses = Array.from({ length: count }, (_, i) => `${prefix}${i}@contoso.com`);
  for (const [i, upn] of addresses.entries()) t.app.simulator?.addUser(upn, `Wave User ${i}`);
  for (const upn of addresses) t.app.simulator?.restrict(upn);
  return addresses;
}

async function batchApproverView(t: TestApp, patti: TeamsChat): Promise<Card> {
  const posted = await t.connector.waitFor(
    (a) => a.conversationId === patti.conversationId && /Batch approval/.test(JSON.stringify(a.activity)),
  );
  const [card] = cardsIn(posted.activity) as [Card];
  const view = await patti.click('wave.refresh', {}, card);
  assert.ok(view.card);
  return view.card;
}

describe('phishing waves', function () {
  this.timeout(120_000);
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('makes 50 restricted accounts one incident card, and after the batch approval 50 unblocks exactly once', async () => {
    // Graph allows 100 message-trace requests per 5 minutes per tenant: confirming 50 resumes by trace
    // takes minutes by design. The tenant has not granted message trace, so the Restricted list decides.
    t = await startTestApp(waveEnv, { simulator: { messageTraceGranted: false } });
    const { channel, patti } = await setUp(t);
    const addresses = restrictMany(t, 'wave', 50);

    await until('50 checked members', async () => {
      const all = await members(t, 'wave');
      return all.length === 50 && all.every((m) => m.state === 'pending_approval');
    });
    const wave = await members(t, 'wave');
    const waveIds = new Set(wave.map((m) => m.detection?.waveId));
    assert.equal(waveIds.size, 1, 'one wave');
    // Cards: one incident in the helpdesk channel, not a card per account.
    await until('the incident card', () => posts(t, channel.conversationId, /Phishing wave/).length > 0);
    const view = await batchApproverView(t, patti);
    assert.match(cardText(view), /Approve all clean \(50\)/);
    assert.equal(
      posts(t, channel.conversationId, /was restricted from sending email/).filter((a) =>
        /wave\d/.test(JSON.stringify(a.activity)),
      ).length,
      0,
    );

    // A double click approves once.
    const [first, second] = await Promise.all([
      patti.click('wave.approveClean', {}, view),
      patti.click('wave.approveClean', {}, view),
    ]);
    assert.match(cardText(first.card), /Approving 50 accounts|No clean account/);
    assert.ok(second.status === 200);

    await until(
      'every account sending again',
      async () => (await members(t, 'wave')).every((m) => m.state === 'resumed'),
      90_000,
    );
    const removes = (t.app.simulator?.calls() ?? [])
      .filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300)
      .map((c) => String(c.parameters?.SenderAddress).toLowerCase());
    for (const address of addresses)
      assert.equal(removes.filter((a) => a === address).length, 1, `${address} unblocked once`);
    assert.equal(removes.length, 50);

    // One unblock job per account, each paced after the one before.
    const runAts = (await Promise.all(wave.map((m) => t.app.store.jobs.get(unblockJobId(m.id)))))
      .map((job) => Date.parse(job?.runAt ?? ''))
      .sort((a, b) => a - b);
    const spacing = 60_000 / PER_MINUTE;
    for (let i = 1; i < runAts.length; i++)
      assert.ok((runAts[i] ?? 0) - (runAts[i - 1] ?? 0) >= spacing - 1, `paced at ${i}`);

    const summary = await t.connector.waitFor(
      (a) =>
        a.conversationId === channel.conversationId &&
        /Phishing wave done: 50 accounts/.test(JSON.stringify(a.activity)),
      30_000,
    );
    assert.equal(summary.method, 'POST');
    assert.equal(
      posts(t, channel.conversationId, /"Phishing wave"/).filter((a) =>
        /accounts restricted from sending email since/.test(JSON.stringify(a.activity)),
      ).length,
      1,
      'one incident card, updated in place',
    );
    const decided = (await members(t, 'wave')).map((m) => m.decidedBy?.name);
    assert.ok(decided.every((name) => name === 'Patti Fernandez'));
  });

  it('leaves accounts with findings out of the batch for their own approval card', async () => {
    t = await startTestApp(waveEnv);
    const { patti } = await setUp(t);
    const prefix = 'flag';
    const addresses = Array.from({ length: 12 }, (_, i) => `${prefix}${i}@contoso.com`);
    for (const [i, upn] of addresses.entries()) t.app.simulator?.addUser(upn, `Flag User ${i}`);
    t.app.simulator?.addEvidence('flag0@contoso.com', { forwardTo: 'drop@evil.example' });
    t.app.simulator?.addEvidence('flag1@contoso.com', { ruleForwardingTo: 'drop@evil.example' });
    for (const upn of addresses) t.app.simulator?.restrict(upn);
    await until('12 checked members', async () => {
      const all = await members(t, prefix);
      return all.length === 12 && all.every((m) => m.state === 'pending_approval');
    });
    const view = await batchApproverView(t, patti);
    assert.match(cardText(view), /Approve all clean \(10\)/);
    assert.match(
      cardText(view),
      /Flag User 0 \(flag0@contoso\.com\): left out of the batch: findings \(mailbox forwarding\)/,
    );
    // The flagged ones have approval cards of their own.
    for (const upn of ['flag0@contoso.com', 'flag1@contoso.com']) {
      const member = (await members(t, prefix)).find((m) => m.target.userPrincipalName === upn);
      await t.connector.waitFor(
        (a) =>
          a.conversationId === patti.conversationId &&
          JSON.stringify(a.activity).includes(`"requestId":"${member?.id}"`),
      );
    }
    await patti.click('wave.approveClean', {}, view);
    await until(
      'ten approved',
      async () => (await members(t, prefix)).filter((m) => m.decidedBy).length === 10,
    );
    const flagged = (await members(t, prefix)).filter((m) => !m.decidedBy);
    assert.deepEqual(flagged.map((m) => m.target.userPrincipalName).sort(), [
      'flag0@contoso.com',
      'flag1@contoso.com',
    ]);
    assert.ok(flagged.every((m) => m.state === 'pending_approval'));
  });

  it('makes the accounts already on the list at the first start a wave when there are many', async () => {
    // Five seeded accounts are on the list; with a threshold of 3 they are a wave, not five cards.
    t = await startTestApp({ ...waveEnv, WAVE_THRESHOLD: '3' });
    const channel = t.chat(people.agent, {
      conversationId: '19:helpdesk@thread.tacv2',
      conversationType: 'channel',
    });
    await channel.say('set helpdesk channel');
    await until('five members checked', async () => {
      const all = await t.app.store.requests.listRecent(10);
      return all.length === 5 && all.every((m) => m.state === 'pending_approval');
    });
    const all = await t.app.store.requests.listRecent(10);
    assert.equal(new Set(all.map((m) => m.detection?.waveId)).size, 1);
    assert.ok(all.every((m) => m.detection?.waveId));
    await until('the incident card', () => posts(t, channel.conversationId, /Phishing wave/).length > 0);
    assert.equal(
      posts(t, channel.conversationId, /was restricted from sending email/).length,
      0,
      'no card each',
    );
    // Rob's check found the compromise: he is left out of the batch and gets his own approval card.
    const rob = all.find((m) => m.target.userPrincipalName === 'rob@contoso.com');
    assert.ok(rob?.checks?.suspiciousRules.length);
  });
  it('posts the incident card once after Teams throttles it (429), and remembers it to update in place', async () => {
    t = await startTestApp({ ...waveEnv, WAVE_THRESHOLD: '3' });
    const helpdesk = '19:helpdesk@thread.tacv2';
    const incident = /accounts restricted from sending email/;
    let refused = 0;
    t.connector.fault = (conversationId, method, activity) =>
      conversationId === helpdesk &&
      method === 'POST' &&
      incident.test(JSON.stringify(activity)) &&
      refused++ < 2
        ? { status: 429, headers: { 'retry-after': '1' } }
        : null;
    const channel = t.chat(people.agent, { conversationId: helpdesk, conversationType: 'channel' });
    await channel.say('set helpdesk channel');
    await until('the incident card', () => posts(t, helpdesk, incident).length > 0);
    assert.ok(refused >= 2, 'Teams answered 429 first');
    const [member] = await t.app.store.requests.listRecent(1);
    const waveId = member?.detection?.waveId;
    assert.ok(waveId);
    // Remembered once, so every later refresh updates that card instead of posting another.
    const remembered = () => t.app.store.conversations.listSentCards(waveCardsKey(waveId, 'incident'));
    await until('the card remembered', async () => (await remembered()).length > 0);
    assert.deepEqual(
      (await remembered()).map((c) => c.conversationId),
      [helpdesk],
    );
    assert.equal(posts(t, helpdesk, incident).length, 1);
  });
});
