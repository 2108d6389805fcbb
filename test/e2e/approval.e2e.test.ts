// The whole "Unblock email" request as the helpdesk agent and the approver live it: the agent in Microsoft
// 365 Agents Playground (a Teams-like client) in Chromium, the approver Patti Fernandez through the
// playground's HTTP API, against the bot started as `npm start` starts it. Screenshots of every step, and of
// the approval card as Patti gets it (rendered on its own: the playground shows only the agent's chat), in
// test-artifacts/e2e/approval/, with connector.json: everything the bot sent to the playground.
//
// Patti cannot talk in the agent's personal chat (the playground refuses her there), so she gets a 1:1 chat
// of her own, created as the bot would create one; she says "help" in it, which makes the bot keep a
// reference to her and post her approval cards there. See playgroundApi.ts for what the playground accepts.
import assert from 'node:assert/strict';
import { PLAYGROUND_PEOPLE } from '../../scripts/playground.js';
import { openSqliteStore } from '../../src/store/index.js';
import { SEED } from '../../src/tenant/index.js';
import type { ConnectorCall } from './connectorTap.js';
import { type E2eSession, startE2e } from './harness.js';
import type { CardAction } from './playgroundApi.js';

const patti = PLAYGROUND_PEOPLE.approver;
const COMMENT = 'Checked with Rob by phone';

describe('approval and "can send again" in the Teams-like playground (e2e)', () => {
  let session: E2eSession;

  before(async () => {
    // The simulated Exchange lets Rob send 2 s after the unblock; the resume monitor looks every second.
    session = await startE2e({
      name: 'approval',
      botEnv: { SIMULATOR_RELEASE_DELAY_S: '2', RESUME_POLL_INTERVAL_S: '1' },
      tapConnector: true,
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session?.page.screenshot('failed');
  });

  after(async () => {
    await session?.stop();
  });

  it('takes a request from the agent to Patti\'s approval to "can send email again"', async () => {
    const { page, playground } = session;
    const connector = session.connector;
    assert.ok(connector, 'the session records the connector');
    const timings: Record<string, number> = {};
    const started = Date.now();
    const mark = (name: string) => {
      timings[name] = Date.now() - started;
    };

    // 1. Patti chats with the bot once, in her own 1:1 chat: the bot can reach her from now on.
    const pattiChat = await playground.openPersonalChat(patti, SEED.tenantId);
    await playground.sendMessageAs(patti, pattiChat, 'help');
    await connector.waitFor(
      (c) => postedTo(c, pattiChat) && cardText(c.body).includes('how I can help'),
      "the help card in Patti's chat",
    );
    const reference = (await withStore((s) => s.conversations.getReference(`user:${patti.aadObjectId}`))) as {
      reference?: { conversation?: { id?: string } };
    } | null;
    assert.equal(reference?.reference?.conversation?.id, pattiChat, "the bot keeps Patti's 1:1 chat");
    mark('patti-known');

    // 2. The agent, in the browser, up to "Unblock requested".
    await page.type('unblock rob@contoso.com');
    for (const [expected, shot, button] of [
      ['Reset the password now', 'password-step', 'No, reset it now'],
      ['Never send it by email', 'temporary-password', 'I have noted it: continue'],
      ['is on the Restricted entities page', 'restricted-list', 'Continue'],
      ['Check the account for compromise', 'compromise-check', 'Revoke sign-in sessions'],
      ['Revoked: every device must sign in again', 'sessions-revoked', 'Continue'],
      ['Remove Rob Young (rob@contoso.com) from the Restricted entities page?', 'unblock-step', 'Unblock'],
      ['Confirm the unblock', 'confirm-unblock', 'Yes'],
    ] as const) {
      await page.waitForCard(expected);
      await page.screenshot(shot);
      await page.clickButton(button);
    }
    await page.waitForCard('Unblock requested');
    await page.screenshot('unblock-requested');
    mark('unblock-requested');

    // 3. The approval card reaches Patti's chat: its status view, with a Refresh button.
    const posted = await connector.waitFor(
      (c) => postedTo(c, pattiChat) && hasAction(c.body, 'approval.refresh'),
      "the approval card in Patti's chat",
    );
    const messageId = (posted.response as { id?: unknown } | undefined)?.id;
    assert.equal(typeof messageId, 'string', `the playground's answer: ${JSON.stringify(posted.response)}`);
    const statusView = firstCard(posted.body);
    assert.match(cardText(statusView), /Unblock Rob Young \(rob@contoso.com\)\?/);
    assert.match(cardText(statusView), /Megan Bowen/);
    assert.match(cardText(statusView), /Status: pending approval/);
    await page.screenshotCard('approval-card-patti', statusView, "Patti Fernandez's chat: the approval card");
    const requestId = await pendingRequestFor(SEED.users.rob.id);
    const sentCards = await withStore((s) => s.conversations.listSentCards(requestId));
    assert.deepEqual(
      sentCards.map((c) => [c.conversationId, c.activityId]),
      [[pattiChat, messageId]],
      'the bot keeps where it posted the card',
    );
    mark('approval-card-posted');

    // 4. Patti clicks, through the playground: Refresh (the playground does not refresh cards by itself) for
    // her approver view, then Approve. The data goes back exactly as on the card, with her comment added as
    // Teams adds the card's inputs.
    const refresh = actionOf(statusView, 'approval.refresh');
    const approverView = await playground.invoke(patti, pattiChat, String(messageId), refresh);
    assert.equal(approverView.type, 'application/vnd.microsoft.card.adaptive');
    assert.ok(hasAction(approverView.value, 'approval.reject'), 'Patti sees Reject');
    await page.screenshotCard(
      'approval-card-approver-view',
      approverView.value,
      "Patti's view after Refresh",
    );
    const approve = actionOf(approverView.value, 'approval.approve');
    const approved = await playground.invoke(patti, pattiChat, String(messageId), {
      verb: approve.verb,
      data: { ...approve.data, comment: COMMENT },
    });
    assert.match(cardText(approved.value), /Status: (approved|unblock in progress|unblocked)/);
    assert.match(cardText(approved.value), /Patti Fernandez/);
    await page.screenshotCard('approval-card-approved', approved.value, "Patti's card after Approve");
    mark('approved');

    // 5. Sending resumes (simulated: 2 s after the unblock) and the agent hears it, proactively.
    // The card names the user as everywhere else: "Rob Young (rob@contoso.com) can send email again."
    await page.waitForCard('Rob Young (rob@contoso.com) can send email again', 30_000);
    await page.screenshot('can-send-again');
    mark('agent-told');
    const updated = await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.conversationId === pattiChat &&
        c.activityId === messageId &&
        cardText(c.body).includes('Sending resumed'),
      "the approval card's last update",
    );
    const finalView = firstCard(updated.body);
    assert.match(cardText(finalView), /Status: sending resumed/);
    assert.match(cardText(finalView), new RegExp(COMMENT));
    assert.equal(hasAction(finalView, 'approval.approve'), false, 'no buttons once it is over');
    await page.screenshotCard('approval-card-resumed', finalView, "Patti's card, updated by the bot");

    // 6. What the bot recorded: resumed, and Exchange was asked exactly once.
    await withStore(async (s) => {
      const request = await s.requests.get(requestId);
      assert.equal(request?.state, 'resumed');
      assert.equal(request?.decidedBy?.aadObjectId, patti.aadObjectId);
      const audit = await s.audit.listForRequest(requestId);
      const unblockCalls = audit.filter((e) => e.action === 'unblock.called');
      assert.equal(unblockCalls.length, 1, `audit: ${audit.map((e) => e.action).join(', ')}`);
    });
    mark('done');
    process.stdout.write(`      timings (ms from the start of the test): ${JSON.stringify(timings)}\n`);
  });

  async function withStore<T>(use: (store: ReturnType<typeof openSqliteStore>) => Promise<T>): Promise<T> {
    const store = openSqliteStore({ dataDir: session.dataDir });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  async function pendingRequestFor(targetId: string): Promise<string> {
    const pending = await withStore((s) => s.requests.listByState('pending_approval'));
    const forTarget = pending.filter((request) => request.target.id === targetId);
    assert.equal(forTarget.length, 1, `pending requests: ${JSON.stringify(pending.map((r) => r.target))}`);
    return forTarget[0]?.id ?? '';
  }
});

/** A new message (not an update) the bot posted to `conversationId`. */
function postedTo(call: ConnectorCall, conversationId: string): boolean {
  return call.method === 'POST' && call.conversationId === conversationId && call.status < 300;
}

/** The first Adaptive Card attached to an activity. */
function firstCard(activity: unknown): unknown {
  const attachments = (activity as { attachments?: { contentType?: string; content?: unknown }[] })
    ?.attachments;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  assert.ok(card, `no Adaptive Card in ${JSON.stringify(activity)}`);
  return card.content;
}

/** Every text shown on a card or an activity's cards (TextBlocks, facts, button titles), one per line. */
function cardText(node: unknown): string {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) {
        if (typeof record[key] === 'string') texts.push(record[key]);
      }
      for (const [key, child] of Object.entries(record)) if (key !== 'data') walk(child);
    }
  };
  walk(node);
  return texts.join('\n');
}

/** The card's visible Action.Execute buttons (card.actions, and ActionSets in its body). */
function actionsOf(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (value: unknown, inRefresh: boolean) => {
    if (Array.isArray(value)) for (const item of value) walk(item, inRefresh);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (!inRefresh && record.type === 'Action.Execute' && typeof record.verb === 'string') {
        found.push({ verb: record.verb, data: (record.data ?? {}) as Record<string, unknown> });
      }
      for (const [key, child] of Object.entries(record)) walk(child, inRefresh || key === 'refresh');
    }
  };
  walk(card, false);
  return found;
}

function hasAction(cardOrActivity: unknown, verb: string): boolean {
  return actionsOf(cardOrActivity).some((action) => action.verb === verb);
}

function actionOf(card: unknown, verb: string): CardAction {
  const action = actionsOf(card).find((a) => a.verb === verb);
  assert.ok(action, `no ${verb} button on the card: ${cardText(card)}`);
  return action;
}
