// Runs a step of a turn; on failure logs once and answers with an error card in the person's language
// that says what to do next. The exception's own text never reaches the chat.
import type { TurnContext } from 'botbuilder';
import { DialogContextError } from 'botbuilder-dialogs/lib/dialogContextError';
import type { Logger } from 'pino';
import type { Language, MessageKey, Translator } from '../i18n/index.js';
import { TenantError } from '../runbook/index.js';
import { errorNotice } from './cards/noticeCards.js';
import type { AdaptiveCardJson } from './cards/render.js';
import { cardMessage } from './messages.js';
import { adaptiveCardInvokeValue } from './verbs.js';

function errorKeyOf(error: unknown): MessageKey {
  if (!(error instanceof TenantError)) return 'errors.unexpected';
  if (error.code === 'Forbidden' || error.code === 'Unauthorized') return 'errors.tenantForbidden';
  if (error.code === 'NotFound') return 'errors.userGone';
  return 'errors.tenantUnavailable';
}

export async function withErrorCard(
  deps: { t: Translator; logger: Logger },
  context: TurnContext,
  language: Language,
  step: () => Promise<AdaptiveCardJson | undefined>,
): Promise<AdaptiveCardJson> {
  const notice = { t: deps.t, language };
  try {
    return (await step()) ?? errorNotice(notice, 'errors.unexpected');
  } catch (thrown) {
    // botbuilder-dialogs wraps what a dialog throws, with the whole dialog stack: keep only the cause.
    const error = thrown instanceof DialogContextError ? thrown.error : thrown;
    deps.logger.error(
      { err: error, conversationId: context.activity.conversation?.id, activityType: context.activity.type },
      'turn failed',
    );
    const key = errorKeyOf(error);
    if (context.activity.type !== 'invoke') {
      const card = errorNotice(notice, key);
      await context.sendActivity(cardMessage(card));
      return card;
    }
    // The error replaces the clicked card: offer the same click again so the step is not lost.
    const clicked = adaptiveCardInvokeValue.safeParse(context.activity.value);
    const retry = clicked.success
      ? [
          {
            title: deps.t.t(language, 'common.tryAgain'),
            verb: clicked.data.action.verb,
            data: clicked.data.action.data ?? {},
            style: 'positive' as const,
          },
        ]
      : undefined;
    return errorNotice(notice, key, retry);
  }
}
