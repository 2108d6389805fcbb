// The checks every authenticated activity passes before the bot acts on it: the person is within their
// rate, and the activity comes from an allowed tenant. A refused message or click is answered with a card
// in the person's language; a refusal for another tenant is also written to the audit log.
import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { type MessageKey, resolveLanguage, type Translator } from '../i18n/index.js';
import type { RequestLifecycle } from '../requests/index.js';
import { errorNotice } from './cards/noticeCards.js';
import { cardInvokeResponse, cardMessage } from './messages.js';
import { checkTenant, type TenantBoundary } from './tenantBoundary.js';
import type { UserRateLimiter } from './turnLimits.js';
import { partyOf } from './turnParty.js';

export interface TurnAdmissionDeps {
  boundary: TenantBoundary;
  rateLimiter: UserRateLimiter;
  lifecycle: RequestLifecycle;
  t: Translator;
  logger: Logger;
}

export class TurnAdmission {
  constructor(private readonly deps: TurnAdmissionDeps) {}

  /** True when the turn may run; otherwise the activity has been answered (or ignored) already. */
  async admit(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    const answerable = activity.type === ActivityTypes.Message || activity.type === ActivityTypes.Invoke;
    // Stryker disable next-line all: equivalent, only logged
    const where = { conversationId: activity.conversation?.id, activityType: activity.type };
    // The rate comes first and counts every activity type, so a flood from anywhere (another tenant's
    // typing indicators included) costs no store writes.
    const person = personKey(activity);
    if (!this.deps.rateLimiter.take(person)) {
      if (this.deps.rateLimiter.shouldReport(person)) {
        this.deps.logger.warn(
          where,
          'turn refused: the person is over their rate limit (logged once a minute)',
        );
      }
      if (answerable) await this.answer(context, 'errors.slowDown');
      return false;
    }
    const tenant = checkTenant(this.deps.boundary, activity);
    if (tenant.ok) return true;
    this.deps.logger.warn({ ...where, tenantId: tenant.tenantId }, 'turn refused: tenant not allowed');
    await this.deps.lifecycle.noteWithoutRequest('access.refused', partyOf(activity, tenant.tenantId ?? ''), {
      reason: 'other-tenant',
      tenantId: tenant.tenantId,
      // Stryker disable next-line MethodExpression: equivalent, the HTTP edge takes 64 characters at most (incomingActivity.ts)
      activityType: activity.type.slice(0, 64),
    });
    if (answerable) await this.answer(context, 'errors.otherTenant');
    return false;
  }

  private async answer(context: TurnContext, key: MessageKey): Promise<void> {
    const card = errorNotice({ t: this.deps.t, language: resolveLanguage(context.activity.locale) }, key);
    if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: cardInvokeResponse(card) });
    } else {
      await context.sendActivity(cardMessage(card));
    }
  }
}

function personKey(activity: Activity): string {
  // Stryker disable next-line OptionalChaining: equivalent, the HTTP edge requires conversation and from (incomingActivity.ts)
  const tenant = activity.conversation?.tenantId ?? '';
  // Stryker disable next-line OptionalChaining: equivalent, the HTTP edge requires conversation and from (incomingActivity.ts)
  return `${tenant}|${activity.from?.aadObjectId ?? activity.from?.id ?? ''}`;
}
