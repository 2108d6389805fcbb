// Who is an approver, at scale: an approval card names every approver the bot can reach (refresh.userIds),
// which the bot learns from the approver group's transitive members, read once (paged, Graph
// group-list-transitivemembers.md: $top at most 999, then @odata.nextLink) and kept a minute, intersected
// with the people who chat with the bot; never one Graph call per stored conversation. A click is still
// authorized live (checkMemberGroups), and a click by an approver the cached list does not know yet
// refreshes that list.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { ApproverDirectory } from '../../../src/bot/approvals/approverDirectory.js';
import { SEED } from '../../../src/tenant/index.js';
import { approvalCardIn, requestUnblock } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

function graphCalls(t: TestApp, path: RegExp): number {
  return (t.app.simulator?.calls() ?? []).filter((c) => c.api === 'graph' && path.test(c.path)).length;
}

const TRANSITIVE_MEMBERS = /\/groups\/[^/]+\/transitiveMembers$/;
const CHECK_MEMBER_GROUPS = /\/checkMemberGroups$/;

describe('approver lookups', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ WORKER_POLL_INTERVAL_MS: '50' });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** People who once chatted with the bot 1:1 and are not in the directory's approver group. */
  async function manyKnownPeople(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const aadObjectId = randomUUID();
      await t.app.store.conversations.saveReference(`user:${aadObjectId}`, {
        reference: {
          serviceUrl: t.connector.url,
          channelId: 'msteams',
          user: { id: `29:person-${i}`, aadObjectId },
          conversation: { id: `a:person-${i}`, conversationType: 'personal' },
        },
        language: 'en',
      });
    }
  }

  it('renders approval cards from one paged read of the approver group, however many people chat with the bot', async () => {
    await manyKnownPeople(40);
    const approver = t.chat(people.approver);
    await approver.say('help');
    const nested = t.chat({
      id: '29:nestor',
      aadObjectId: SEED.users.nestedApprover.id,
      name: 'Nestor Wilke',
    });
    await nested.say('help');
    // Patti, Nestor and the nested group itself: three objects, two pages of two.
    t.app.simulator?.updateSettings({ graphMaxPageSize: 2 });
    t.app.simulator?.clearCalls();

    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { card } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    await approvalCardIn(t.connector, nested.conversationId, requestId);
    assert.deepEqual(
      [...(card.refresh as { userIds: string[] }).userIds].sort(),
      [people.approver.id, '29:nestor'].sort(),
    );
    assert.equal(graphCalls(t, CHECK_MEMBER_GROUPS), 0, 'no membership call per stored conversation');
    assert.equal(graphCalls(t, TRANSITIVE_MEMBERS), 2, 'one read of the group, in two pages');
    const pages = (t.app.simulator?.calls() ?? []).filter((c) => TRANSITIVE_MEMBERS.test(c.path));
    assert.match(pages[1]?.query ?? '', /skiptoken/, 'the second page follows @odata.nextLink');

    // A second request within the minute uses what was read.
    await requestUnblock(t.chat(people.agent2), SEED.users.diego.upn);
    assert.equal(graphCalls(t, TRANSITIVE_MEMBERS), 2);
  });

  it('checks the clicker live: an approver removed from the group a moment ago is refused', async () => {
    const approver = t.chat(people.approver);
    await approver.say('help');
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    await approvalCardIn(t.connector, approver.conversationId, requestId);
    const refresh = await approver.post(
      approver.invokeActivity(await approvalAction(t, requestId, 'approval.refresh')),
    );
    assert.match(cardText((refresh.body as { value: unknown }).value), /Approve/);

    t.app.simulator?.setGroupMember(SEED.groups.approvers, SEED.users.approver.id, false);
    const res = await approver.post(
      approver.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
    );
    assert.match(cardText((res.body as { value: unknown }).value), /Only members of the approvers group/);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
  });

  it("refreshes the cached approver list when a new approver's click proves it outdated", async () => {
    const approver = t.chat(people.approver);
    await approver.say('help');
    const alex = t.chat(people.nonApprover);
    await alex.say('help');
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { card } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [people.approver.id]);

    t.app.simulator?.setGroupMember(SEED.groups.approvers, SEED.users.nonApprover.id, true);
    const reads = graphCalls(t, TRANSITIVE_MEMBERS);
    const res = await alex.post(alex.invokeActivity(await approvalAction(t, requestId, 'approval.refresh')));
    const view = (res.body as { value: { refresh?: { userIds: string[] } } }).value;
    assert.match(cardText(view), /Approve/, 'the new approver may decide at once');
    assert.deepEqual(
      [...(view.refresh?.userIds ?? [])].sort(),
      [people.approver.id, people.nonApprover.id].sort(),
    );
    assert.equal(graphCalls(t, TRANSITIVE_MEMBERS), reads + 1, 'the group was read again');
  });

  it('keeps addressing cards to the last list read when Graph cannot be read', async () => {
    const approver = t.chat(people.approver);
    await approver.say('help');
    // A directory that reads the group every time, so the second read meets the outage.
    const directory = new ApproverDirectory({
      tenant: t.app.tenant,
      conversations: t.app.store.conversations,
      approverGroupId: SEED.groups.approvers,
      logger: pino({ enabled: false }),
      ttlMs: 0,
    });
    const before = await directory.reachableApprovers();
    t.app.simulator?.setFaults({ graph: { probability: 1, status: 429, retryAfterSeconds: 3600 } });
    const during = await directory.reachableApprovers();
    assert.ok(
      (t.app.simulator?.calls() ?? []).some((c) => TRANSITIVE_MEMBERS.test(c.path) && c.status === 429),
      'the second read met the outage',
    );
    assert.deepEqual(
      during.map((a) => a.teamsUserId),
      before.map((a) => a.teamsUserId),
    );
    assert.deepEqual(
      before.map((a) => a.teamsUserId),
      [people.approver.id],
    );
  });

  it('does not re-read the group for clicks by people who are not approvers', async () => {
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const outsider = t.chat(people.nonApprover);
    await outsider.post(outsider.invokeActivity(await approvalAction(t, requestId, 'approval.refresh')));
    const reads = graphCalls(t, TRANSITIVE_MEMBERS);
    for (let i = 0; i < 3; i++) {
      await outsider.post(outsider.invokeActivity(await approvalAction(t, requestId, 'approval.approve')));
    }
    assert.equal(graphCalls(t, TRANSITIVE_MEMBERS), reads);
  });
});
