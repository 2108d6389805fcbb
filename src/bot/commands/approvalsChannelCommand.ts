// "set approvals channel [language]", typed by an approver in a channel: approval cards go there from now
// on, in the named language (the channel is shared, so it speaks one).
import type { TurnContext } from 'botbuilder';
import type { Language, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import { infoNotice, noticeCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { APPROVALS_CHANNEL_KEY } from '../conversationKeys.js';
import type { ConversationMemory } from '../conversationMemory.js';
import { cardMessage } from '../messages.js';
import type { TurnParty } from '../runbook/runbookFlow.js';

export interface ApprovalsChannelDeps {
  t: Translator;
  lifecycle: RequestLifecycle;
  directory: ApproverDirectory;
  memory: ConversationMemory;
}

export async function setApprovalsChannel(
  deps: ApprovalsChannelDeps,
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
  deps: ApprovalsChannelDeps,
  context: TurnContext,
  party: TurnParty,
  language: Language,
  channelLanguage: Language,
): Promise<AdaptiveCardJson> {
  const notice = (key: 'approval.channelSetRefused' | 'approval.channelOnly') =>
    infoNotice({ t: deps.t, language }, key);
  if (context.activity.conversation.conversationType !== 'channel') return notice('approval.channelOnly');
  if (!(await deps.directory.isApprover(party.actor.aadObjectId))) {
    await deps.lifecycle.noteWithoutRequest('access.refused', party, { command: 'set approvals channel' });
    return notice('approval.channelSetRefused');
  }
  await deps.memory.save(APPROVALS_CHANNEL_KEY, context.activity, channelLanguage);
  await deps.lifecycle.noteWithoutRequest('approvals-channel.set', party, { language: channelLanguage });
  return noticeCard({
    style: 'good',
    title: deps.t.t(channelLanguage, 'app.name'),
    paragraphs: [
      deps.t.t(channelLanguage, 'approval.channelSet'),
      deps.t.t(channelLanguage, 'approval.channelLanguage'),
    ],
  });
}
