// "status": the agent's own five most recent requests and where each one is.
import type { TurnContext } from 'botbuilder';
import type { Language, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import { statusCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { cardMessage } from '../messages.js';
import type { TurnParty } from '../runbook/runbookFlow.js';

export async function statusCommand(
  deps: { t: Translator; lifecycle: RequestLifecycle },
  context: TurnContext,
  party: TurnParty,
  language: Language,
): Promise<AdaptiveCardJson> {
  const mine = await deps.lifecycle.recentByRequester(party.actor.aadObjectId, 5);
  const card = statusCard({ t: deps.t, language }, mine);
  await context.sendActivity(cardMessage(card));
  return card;
}
