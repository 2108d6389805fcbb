// The approvals channel in the Teams-like playground: Patti sets it by replying under a post in the team's
// General channel, then the agent's request reaches the channel as a new post of its own, not as one more
// reply under Patti's command; Patti's approval updates that post in place.
//
// What the playground shows: each channel post is a card (.fui-Card) with its replies inside it, and the
// bot starting a post (POST /v3/conversations, as Microsoft's "start new thread in channel" sample does)
// adds a card. So the test reads the posts on the page and, through the connector tap, what the bot sent
// and what the playground answered. Patti's own messages are sent through the playground's HTTP API, which
// the page does not show (playgroundApi.ts).
import assert from 'node:assert/strict';
import path from 'node:path';
import { PLAYGROUND_PEOPLE, playgroundConfig } from '../../scripts/playground.js';
import { type E2eSession, startE2e } from './harness.js';

const patti = PLAYGROUND_PEOPLE.approver;
/** The team's General channel (its id is the team's). */
const GENERAL = (playgroundConfig('') as { team: { id: string } }).team.id;
const POST = '.fui-Card';
const APPROVAL_TITLE = 'Unblock Rob Young (rob@contoso.com)?';

describe('approvals channel in the Teams-like playground (e2e)', () => {
  let session: E2eSession;

  before(async () => {
    session = await startE2e({ name: 'approvals-channel', tapConnector: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot('failed');
  });

  after(async () => {
    await session?.stop();
  });

  /** A PNG of the page as it is (the channel view: PlaygroundPage's screenshots follow the 1:1 chat's cards). */
  async function shot(name: string): Promise<void> {
    await session?.page.page.screenshot({
      path: path.join(session.artifactsDir, `${name}.png`),
      animations: 'disabled',
    });
  }

  it('posts each request as a new post in the channel, not as a reply under the command', async () => {
    const { page, playground } = session;
    const connector = session.connector;
    assert.ok(connector, 'the session records the connector');

    // 1. Opening General installs the bot in the team: its welcome is the channel's first post, and Patti
    // replies under it.
    await page.page.getByText('General', { exact: true }).first().click();
    const welcome = await connector.waitFor(
      (c) => c.method === 'POST' && c.conversationId === GENERAL && c.status < 300,
      'the welcome post in General',
    );
    const welcomePost = `${GENERAL};messageid=${String((welcome.response as { id?: unknown }).id)}`;
    await playground.replyInChannelAs(
      patti,
      { channelId: GENERAL, conversationId: welcomePost },
      'set approvals channel',
    );
    await connector.waitFor(
      (c) =>
        c.conversationId === welcomePost && cardText(c.body).includes('This channel now receives unblock'),
      'the confirmation under the welcome post',
    );

    // 2. The agent, in her personal chat on the page, up to "Unblock requested".
    await page.page.getByText('Personal Chat', { exact: true }).first().click();
    await page.type('unblock rob@contoso.com');
    for (const [expected, button] of [
      ['Reset the password now', 'Yes, it has been reset'],
      ['is on the Restricted entities page', 'Continue'],
      ['Check the account for compromise', 'Continue'],
      ['Remove Rob Young (rob@contoso.com) from the Restricted entities page?', 'Unblock'],
      ['Confirm the unblock', 'Yes'],
    ] as const) {
      await page.waitForCard(expected);
      await page.clickButton(button);
    }
    await page.waitForCard('Unblock requested');

    // 3. What the bot sent: a new conversation in the channel, and the playground's answer.
    const created = await connector.waitFor(
      (c) =>
        c.method === 'POST' && c.path === '/v3/conversations' && cardText(c.body).includes(APPROVAL_TITLE),
      'the approval card as a new post',
    );
    const request = created.body as { isGroup?: unknown; channelData?: { channel?: { id?: unknown } } };
    assert.equal(request.isGroup, true);
    assert.equal(request.channelData?.channel?.id, GENERAL);
    assert.equal(created.status, 201, JSON.stringify(created.response));
    const answer = created.response as { id?: string; activityId?: string };
    assert.ok(answer.activityId, 'the playground names the new post');
    assert.equal(answer.id, `${GENERAL};messageid=${answer.activityId}`);
    assert.equal(
      connector.calls.filter(
        (c) => c.conversationId === welcomePost && cardText(c.body).includes(APPROVAL_TITLE),
      ).length,
      0,
      'nothing about the request under the welcome post',
    );

    // 4. What Patti's channel shows: the request is a post of its own.
    await page.page.getByText('General', { exact: true }).first().click();
    const requestPost = page.page.locator(POST).filter({ hasText: APPROVAL_TITLE });
    await requestPost.first().waitFor();
    assert.equal(await requestPost.count(), 1, 'one post carries the approval card');
    assert.doesNotMatch(
      (await requestPost.textContent()) ?? '',
      /how I can help/,
      'not inside the welcome post',
    );
    const welcomeOnPage = page.page.locator(POST).filter({ hasText: 'how I can help' });
    assert.match((await welcomeOnPage.textContent()) ?? '', /This channel now receives unblock requests/);
    assert.doesNotMatch((await welcomeOnPage.textContent()) ?? '', /Unblock Rob Young/);
    await requestPost.scrollIntoViewIfNeeded();
    await shot('1-request-as-a-new-post');

    // 5. Patti approves from the post: the bot updates that very post, in its thread.
    const postConversation = answer.id ?? '';
    const refresh = actionOf(firstCard(request), 'approval.refresh');
    const view = await playground.invoke(patti, postConversation, answer.activityId, refresh);
    const approve = actionOf(view.value, 'approval.approve');
    await playground.invoke(patti, postConversation, answer.activityId, approve);
    const update = await connector.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.conversationId === postConversation &&
        c.activityId === answer.activityId &&
        /Patti Fernandez/.test(cardText(c.body)),
      "the approval post's update",
    );
    assert.ok(update.status < 300, `the playground took the update: ${update.status}`);
    await page.page.locator(POST).filter({ hasText: 'Decided by' }).first().waitFor();
    assert.equal(
      await page.page.locator(POST).filter({ hasText: APPROVAL_TITLE }).count(),
      1,
      'updated in place',
    );
    await shot('2-request-post-approved');
  });
});

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

/** The first Adaptive Card of a CreateConversation body or an activity. */
function firstCard(body: unknown): unknown {
  const activity = (body as { activity?: unknown }).activity ?? body;
  const attachments = (activity as { attachments?: { contentType?: string; content?: unknown }[] })
    ?.attachments;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  assert.ok(card, `no Adaptive Card in ${JSON.stringify(body)}`);
  return card.content;
}

function actionOf(card: unknown, verb: string): { verb: string; data: Record<string, unknown> } {
  let found: { verb: string; data: Record<string, unknown> } | undefined;
  const walk = (value: unknown) => {
    if (found) return;
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === verb) {
        found = { verb, data: (record.data ?? {}) as Record<string, unknown> };
        return;
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  assert.ok(found, `no ${verb} button on the card: ${cardText(card)}`);
  return found;
}
