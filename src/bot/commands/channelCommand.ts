// "set approvals channel [language]" and "set helpdesk channel [language]", typed in a channel: approval
// cards (typed by an approver), or the cases the bot opens by itself (typed by a helpdesk member), go
// there from now on, in the named language (the channel is shared, so it speaks one).
import type { TurnContext } from 'botbuilder';
import type { Language, MessageKey, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import type { AuditAction } from '../../runbook/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import { infoNotice, noticeCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { APPROVALS_CHANNEL_KEY, HELPDESK_CHANNEL_KEY } from '../conversationKeys.js';
import type { ConversationMemory } from '../conversationMemory.js';
import { cardMessage } from '../messages.js';
import type { TurnParty } from '../runbook/runbookFlow.js';

export interface ChannelCommandDeps {
  t: Translator;
  lifecycle: RequestLifecycle;
  directory: ApproverDirectory;
  memory: ConversationMemory;
}

interface ChannelKind {
  /** The conversation key the channel's reference is kept under. */
  key: string;
  command: string;
  mayRun(directory: ApproverDirectory, aadObjectId: string): Promise<boolean>;
  audit: AuditAction;
  channelOnly: MessageKey;
  refused: MessageKey;
  set: MessageKey;
  language: MessageKey;
}

const kinds = {
  approvals: {
    key: APPROVALS_CHANNEL_KEY,
    command: 'set approvals channel',
    mayRun: (directory, id) => directory.isApprover(id),
    audit: 'approvals-channel.set',
    channelOnly: 'approval.channelOnly',
    refused: 'approval.channelSetRefused',
    set: 'approval.channelSet',
    language: 'approval.channelLanguage',
  },
  helpdesk: {
    key: HELPDESK_CHANNEL_KEY,
    command: 'set helpdesk channel',
    mayRun: (directory, id) => directory.mayStartRequests(id),
    audit: 'helpdesk-channel.set',
    channelOnly: 'helpdeskChannel.channelOnly',
    refused: 'helpdeskChannel.refused',
    set: 'helpdeskChannel.set',
    language: 'helpdeskChannel.language',
  },
} as const satisfies Record<string, ChannelKind>;

export async function setChannel(
  kind: keyof typeof kinds,
  deps: ChannelCommandDeps,
  context: TurnContext,
  party: TurnParty,
  language: Language,
  channelLanguage: Language,
): Promise<AdaptiveCardJson> {
  const card = await decide(kinds[kind], deps, context, party, language, channelLanguage);
  await context.sendActivity(cardMessage(card));
  return card;
}

async function decide(
  kind: ChannelKind,
  deps: ChannelCommandDeps,
  context: TurnContext,
  party: TurnParty,
  language: Language,
  channelLanguage: Language,
): Promise<AdaptiveCardJson> {
  if (context.activity.conversation.conversationType !== 'channel')
    return infoNotice({ t: deps.t, language }, kind.channelOnly);
  if (!(await kind.mayRun(deps.directory, party.actor.aadObjectId))) {
    await deps.lifecycle.noteWithoutRequest('access.refused', party, { command: kind.command });
    return infoNotice({ t: deps.t, language }, kind.refused);
  }
  await deps.memory.save(kind.key, context.activity, channelLanguage);
  await deps.lifecycle.noteWithoutRequest(kind.audit, party, { language: channelLanguage });
  return noticeCard({
    style: 'good',
    title: deps.t.t(channelLanguage, 'app.name'),
    paragraphs: [deps.t.t(channelLanguage, kind.set), deps.t.t(channelLanguage, kind.language)],
  });
}
