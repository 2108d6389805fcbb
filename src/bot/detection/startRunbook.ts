// "Start runbook" on the helpdesk card of a case the bot opened by itself. The runbook continues in the
// clicker's own 1:1 chat with the bot (the helpdesk channel is shared; the temporary password and the
// step cards are the agent's alone), where the runbook's first step takes the case over: the request
// becomes theirs. Who may start it is checked here, on the server, for every click.
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Language, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import type { UnblockRequest } from '../../runbook/index.js';
import type { ConversationStore } from '../../store/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import type { SignCard } from '../cardSigning.js';
import { errorNotice } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { userLabel } from '../cards/runbookCards.js';
import { type StoredReference, userKey } from '../conversationKeys.js';
import type { TurnParty } from '../runbook/runbookFlow.js';
import { helpdeskCard, isStartable } from './helpdeskCard.js';

/** Begins the runbook for `query` in `context`'s conversation; 'busy' when a runbook is already open there. */
export type BeginRunbook = (
  context: TurnContext,
  party: TurnParty,
  language: Language,
  query: string,
) => Promise<'started' | 'busy'>;

/** Runs `logic` in a turn of the stored conversation (a proactive turn). */
export type ContinueConversation = (
  reference: StoredReference['reference'],
  logic: (context: TurnContext) => Promise<void>,
) => Promise<void>;

export interface StartRunbookDeps {
  lifecycle: RequestLifecycle;
  directory: ApproverDirectory;
  conversations: Pick<ConversationStore, 'getReference'>;
  t: Translator;
  logger: Logger;
  sign: SignCard;
  beginRunbook: BeginRunbook;
  continueConversation: ContinueConversation;
}

export async function startRunbookFromCard(
  deps: StartRunbookDeps,
  context: TurnContext,
  click: { requestId: string; party: TurnParty; language: Language },
): Promise<AdaptiveCardJson> {
  const { party, language } = click;
  const card = (request: UnblockRequest, notice?: string) =>
    helpdeskCard(request, { t: deps.t, language, sign: deps.sign, notice });
  if (!(await deps.directory.mayStartRequests(party.actor.aadObjectId))) {
    await deps.lifecycle.noteWithoutRequest('access.refused', party, { reason: 'not-helpdesk' });
    return errorNotice({ t: deps.t, language }, 'errors.notHelpdesk');
  }
  const request = await deps.lifecycle.get(click.requestId);
  if (!request) return errorNotice({ t: deps.t, language }, 'approval.notFound');
  const user = userLabel(request.target);
  if (!isStartable(request)) {
    const agent = request.detection?.claimedBy?.name;
    const notice = agent
      ? deps.t.t(language, 'detection.alreadyTaken', { agent, user })
      : deps.t.t(language, 'detection.notOpen', { state: deps.t.t(language, `state.${request.state}`) });
    return card(request, notice);
  }
  const query = request.target.userPrincipalName;
  if (context.activity.conversation.conversationType === 'personal') {
    const begun = await deps.beginRunbook(context, party, language, query);
    const now = (await deps.lifecycle.get(request.id)) ?? request;
    return card(now, begun === 'busy' ? deps.t.t(language, 'detection.finishCurrent') : undefined);
  }
  const stored = (await deps.conversations.getReference(
    userKey(party.actor.aadObjectId),
  )) as StoredReference | null;
  const chatId = stored?.reference?.conversation?.id;
  if (!stored || !chatId) {
    return card(request, deps.t.t(language, 'detection.openChatFirst', { upn: query }));
  }
  let begun = 'failed' as 'started' | 'busy' | 'failed';
  await deps.continueConversation(stored.reference, async (chat) => {
    try {
      begun = await deps.beginRunbook(chat, { ...party, conversationId: chatId }, stored.language, query);
    } catch (error) {
      deps.logger.error(
        { err: error, requestId: request.id },
        'the runbook could not start in the agent chat',
      );
    }
  });
  const now = (await deps.lifecycle.get(request.id)) ?? request;
  const notice =
    begun === 'started'
      ? deps.t.t(language, 'detection.continuedInChat', { user })
      : begun === 'busy'
        ? deps.t.t(language, 'detection.finishCurrent')
        : deps.t.t(language, 'detection.openChatFirst', { upn: query });
  return card(now, notice);
}
