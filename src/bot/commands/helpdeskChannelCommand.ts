// "set helpdesk channel [language]", typed by a helpdesk member in a channel: the cases the bot opens by
// itself (detection) are posted there from now on, in the named language (the channel is shared, so it
// speaks one).
import type { TurnContext } from 'botbuilder';
import type { Language, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import { infoNotice, noticeCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { HELPDESK_CHANNEL_KEY } from '../conversationKeys.js';
import type { ConversationMemory } from '../conversationMemory.js';
import { cardMessage } from '../messages.js';
import type { TurnParty } from '../runbook/runbookFlow.js';

export interface HelpdeskChannelDeps {
  t: Translator;
  lifecycle: RequestLifecycle;
  directory: ApproverDirectory;
  memory: ConversationMemory;
}

export async function setHelpdeskChannel(
  deps: HelpdeskChannelDeps,
  context: TurnContext,
  party: TurnParty,
  language: Language,
  channelLanguage: Language,
): Promise<AdaptiveCardJson> {
  const card = await decide(deps, context, party, language, channelLanguage);
  await context.sendActivity(cardMessage(card));
  return card;
}

async function decide(
  deps: HelpdeskChannelDeps,
  context: TurnContext,
  party: TurnParty,
  language: Language,
  channelLanguage: Language,
): Promise<AdaptiveCardJson> {
  if (context.activity.conversation.conversationType !== 'channel')
    return infoNotice({ t: deps.t, language }, 'helpdeskChannel.channelOnly');
  if (!(await deps.directory.mayStartRequests(party.actor.aadObjectId))) {
    await deps.lifecycle.noteWithoutRequest('access.refused', party, { command: 'set helpdesk channel' });
    return infoNotice({ t: deps.t, language }, 'helpdeskChannel.refused');
  }
  await deps.memory.save(HELPDESK_CHANNEL_KEY, context.activity, channelLanguage);
  await deps.lifecycle.noteWithoutRequest('helpdesk-channel.set', party, { language: channelLanguage });
  return noticeCard({
    style: 'good',
    title: deps.t.t(channelLanguage, 'app.name'),
    paragraphs: [
      deps.t.t(channelLanguage, 'helpdeskChannel.set'),
      deps.t.t(channelLanguage, 'helpdeskChannel.language'),
    ],
  });
}
