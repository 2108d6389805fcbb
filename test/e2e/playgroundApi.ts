// Microsoft 365 Agents Playground's HTTP API, for what the test does as people other than the signed-in user
// (../shared/reference/platform-notes.md, "Microsoft 365 Agents Playground"). What it really accepts
// (@microsoft/m365agentsplayground 0.2.28):
// - POST /_conversation/v1/conversations/{id}/messages checks that `from` is a member of the chat, then sends
//   the bot the message as the signed-in user anyway: it cannot make someone else talk to the bot.
// - The personal chat has the signed-in user only: another user gets 400 UserNotFound there, for messages
//   and invokes alike. The bot's POST /_connector/v3/conversations (a 1:1 chat with members[0]) creates a
//   personal chat of that user; the page never shows it and the WebSocket stream skips it.
// - POST /_internal/v1/customActivities hands the bot any activity verbatim and answers 200 before the bot
//   has seen it; GET /_internal/v1/customActivities/template?conversationId= gives a base activity for a
//   conversation (the signed-in user as `from`, no `type`).
// - POST /_conversation/v1/invoke sends an adaptiveCard/action invoke from any member of the conversation,
//   for a message of that conversation (replyToId), and answers with the bot's {type, value}.
// - Teams channels: the config's team has a General channel whose id is the team's. A post in it is a
//   conversation "<channel>;messageid=<post id>", and the page shows each post as a card with its replies
//   inside. The bot's POST /_connector/v3/conversations {isGroup: true, channelData: {channel: {id}},
//   activity} starts a new post and answers {id: "<channel>;messageid=<id>", activityId}; an activity the
//   bot sends to a post's conversation is a reply in that post. Posts made through the HTTP API (not typed
//   on the page) are not shown on the page.

/** A person of the playground's config (scripts/playground.ts, PLAYGROUND_PEOPLE). */
export interface PlaygroundPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

export interface InvokeAnswer {
  type: string;
  value: unknown;
}

export class PlaygroundApi {
  constructor(
    readonly url: string,
    private readonly botId: string,
  ) {}

  /** Creates `person`'s 1:1 chat with the bot (as the bot itself would) and returns its conversation id. */
  async openPersonalChat(person: PlaygroundPerson, tenantId: string): Promise<string> {
    const created = (await this.post('/_connector/v3/conversations', {
      isGroup: false,
      bot: { id: this.botId },
      members: [{ id: person.id }],
      tenantId,
    })) as { id?: unknown };
    if (typeof created.id !== 'string') throw new Error(`no conversation id in ${JSON.stringify(created)}`);
    return created.id;
  }

  /**
   * Sends the bot a message typed by `person` in `conversationId`. The playground answers before the bot has
   * it: wait for the bot's reply to know it arrived.
   */
  async sendMessageAs(person: PlaygroundPerson, conversationId: string, text: string): Promise<void> {
    const query = new URLSearchParams({ conversationId });
    const res = await fetch(`${this.url}/_internal/v1/customActivities/template?${query}`);
    if (!res.ok) throw new Error(`customActivities/template: ${res.status} ${await res.text()}`);
    const template = (await res.json()) as { conversation?: { tenantId?: string } };
    await this.post('/_internal/v1/customActivities', {
      ...template,
      type: 'message',
      text,
      textFormat: 'plain',
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      channelData: { tenant: { id: template.conversation?.tenantId } },
      locale: 'en-US',
    });
  }

  /**
   * Sends the bot a reply typed by `person` in a channel post, @mentioning the bot as Teams requires in
   * channels. Answered before the bot has it, like sendMessageAs.
   */
  async replyInChannelAs(
    person: PlaygroundPerson,
    post: { channelId: string; conversationId: string },
    text: string,
  ): Promise<void> {
    const query = new URLSearchParams({ conversationId: post.conversationId });
    const res = await fetch(`${this.url}/_internal/v1/customActivities/template?${query}`);
    if (!res.ok) throw new Error(`customActivities/template: ${res.status} ${await res.text()}`);
    const template = (await res.json()) as { conversation?: { tenantId?: string } };
    const mention = '<at>Unblock Assistant</at>';
    await this.post('/_internal/v1/customActivities', {
      ...template,
      type: 'message',
      text: `${mention} ${text}`,
      textFormat: 'plain',
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      entities: [
        { type: 'mention', text: mention, mentioned: { id: this.botId, name: 'Unblock Assistant' } },
      ],
      channelData: {
        tenant: { id: template.conversation?.tenantId },
        channel: { id: post.channelId },
        team: { id: post.channelId },
      },
      locale: 'en-US',
    });
  }

  /** Clicks an Action.Execute button as `person` on message `messageId` of `conversationId`. */
  async invoke(
    person: PlaygroundPerson,
    conversationId: string,
    messageId: string,
    action: CardAction,
  ): Promise<InvokeAnswer> {
    const answer = (await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      from: { id: person.id },
      conversation: { id: conversationId },
      replyToId: messageId,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
    })) as InvokeAnswer;
    return answer;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
