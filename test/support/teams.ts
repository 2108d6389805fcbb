// Teams-shaped activities, as the Teams service posts them to /api/messages, and a small driver that plays
// one person in one conversation: type a message, click a button on the latest card.
import { randomUUID } from 'node:crypto';
import { type FakeConnector, type RecordedActivity, splitThread } from './fakeConnector.js';

export interface TeamsPerson {
  id: string;
  aadObjectId: string;
  name: string;
}

export interface ChatOptions {
  botUrl: string;
  connector: FakeConnector;
  person: TeamsPerson;
  tenantId: string;
  locale?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  /** The Authorization header of every post (a bot with a MicrosoftAppId): e.g. a channel token. */
  authorization?: () => Promise<string>;
  /**
   * Talk in a Teams channel, in the thread of the post with this id: conversation.id becomes
   * "<channelId>;messageid=<threadRoot>" and channelData names the channel and team, as Teams sends them.
   */
  channel?: { channelId: string; threadRoot: string; teamId?: string };
}

export type Card = Record<string, unknown> & { body?: unknown[]; actions?: CardAction[] };
export interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
}

export interface PostResult {
  status: number;
  body: unknown;
}

export function cardsIn(activity: Record<string, unknown>): Card[] {
  const attachments = (activity.attachments as { contentType: string; content: Card }[] | undefined) ?? [];
  return attachments
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

/** Every text in a card (TextBlocks, facts, action titles), for assertions. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['text', 'title', 'value', 'placeholder', 'label'].includes(key) && typeof value === 'string')
          texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

export class TeamsChat {
  readonly conversationId: string;
  /** The newest card the person can see: the last invoke response, or the last card message. */
  lastCard: Card | null = null;

  constructor(private readonly options: ChatOptions) {
    const { channel } = options;
    this.conversationId = channel
      ? `${channel.channelId};messageid=${channel.threadRoot}`
      : (options.conversationId ?? `a:1${randomUUID().replace(/-/g, '')}`);
  }

  /** Whether the bot sent `activity` here (in a channel: in this chat's thread). */
  isHere(activity: RecordedActivity): boolean {
    const { channel, root } = splitThread(this.conversationId);
    return activity.conversationId === channel && (root === null || activity.threadRoot === root);
  }

  baseActivity(): Record<string, unknown> {
    const { person, tenantId, locale, connector } = this.options;
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      locale: locale ?? 'en-US',
      from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
      recipient: { id: '28:bot-id', name: 'Unblock assistant' },
      conversation: {
        id: this.conversationId,
        conversationType: this.options.channel ? 'channel' : (this.options.conversationType ?? 'personal'),
        tenantId,
      },
      channelData: this.options.channel
        ? {
            tenant: { id: tenantId },
            channel: { id: this.options.channel.channelId },
            team: { id: this.options.channel.teamId ?? this.options.channel.channelId },
          }
        : { tenant: { id: tenantId } },
    };
  }

  async post(activity: Record<string, unknown>): Promise<PostResult> {
    const authorization = await this.options.authorization?.();
    const res = await fetch(`${this.options.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body };
  }

  /** Types a message; resolves with the cards the bot sent in reply. */
  async say(text: string): Promise<Card[]> {
    const activity = { ...this.baseActivity(), type: 'message', text, textFormat: 'plain' };
    const before = this.options.connector.activities.length;
    const result = await this.post(activity);
    if (result.status !== 200)
      throw new Error(`message got HTTP ${result.status}: ${JSON.stringify(result.body)}`);
    const replies = this.options.connector.activities.slice(before).filter((a) => this.isHere(a));
    const cards = replies.flatMap((r) => cardsIn(r.activity));
    const answers = repliesTo(activity, replies).flatMap((r) => cardsIn(r.activity));
    if (answers.length > 0) this.lastCard = answers[answers.length - 1] ?? null;
    return cards;
  }

  /** The raw invoke, for tests of bad input. */
  invokeActivity(value: unknown, name = 'adaptiveCard/action'): Record<string, unknown> {
    return { ...this.baseActivity(), type: 'invoke', name, value };
  }

  /**
   * Clicks the Action.Execute button whose title or verb matches on `card` (default: the latest card),
   * merging `inputs` as Teams merges input values into the action data. Resolves with the invoke response
   * card and the cards the bot sent as messages during the turn.
   */
  async click(
    match: string | RegExp,
    inputs: Record<string, unknown> = {},
    card: Card | null = this.lastCard,
  ): Promise<{
    status: number;
    card: Card | null;
    messages: Card[];
    raw: unknown;
    sent: RecordedActivity[];
  }> {
    if (!card) throw new Error('no card to click on');
    const action = findAction(card, match);
    if (!action) throw new Error(`no button ${String(match)} on the card:\n${cardText(card)}`);
    const value = {
      action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } },
      trigger: 'manual',
    };
    const before = this.options.connector.activities.length;
    const invoke = this.invokeActivity(value);
    const result = await this.post(invoke);
    const sent = this.options.connector.activities.slice(before).filter((a) => this.isHere(a));
    const messages = sent.flatMap((r) => cardsIn(r.activity));
    const body = result.body as { statusCode?: number; type?: string; value?: Card } | undefined;
    const responseCard =
      body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value ?? null) : null;
    // A proactive card that arrives meanwhile (a helpdesk card of a case detection opened) is no answer.
    const answers = repliesTo(invoke, sent).flatMap((r) => cardsIn(r.activity));
    this.lastCard =
      answers.length > 0 ? (answers[answers.length - 1] ?? null) : (responseCard ?? this.lastCard);
    return { status: result.status, card: responseCard, messages, raw: result.body, sent };
  }
}

export function findAction(card: Card, match: string | RegExp): CardAction | undefined {
  const actions: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute') actions.push(n as unknown as CardAction);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return actions.find((a) =>
    typeof match === 'string'
      ? a.title === match || a.verb === match
      : match.test(a.title) || match.test(a.verb ?? ''),
  );
}

/** What the bot sent in answer to `activity` (its replies carry the activity's id), not proactively. */
function repliesTo(activity: Record<string, unknown>, sent: RecordedActivity[]): RecordedActivity[] {
  return sent.filter((a) => a.activity.replyToId === activity.id);
}
