// Outgoing message shapes shared by the bot's handlers.
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCardJson } from './cards/render.js';

export function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The body of an `adaptiveCard/action` invoke response that shows `card` (Universal Actions). */
export function cardInvokeResponse(card: AdaptiveCardJson) {
  return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } };
}

/** A Universal Actions error response: Teams shows it as an error on the card. */
export function errorInvokeResponse(
  status: 400 | 401 | 403 | 404 | 412 | 429,
  code: string,
  message: string,
) {
  return {
    status,
    body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}
