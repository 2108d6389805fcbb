// The bot's public surface: everything else in the app talks to Teams through this.
import { PrivateConversationState } from 'botbuilder';
import type { Logger } from 'pino';
import type { Translator } from '../i18n/index.js';
import type { Notifier, RequestLifecycle } from '../requests/index.js';
import type { Store } from '../store/index.js';
import type { TenantGateway } from '../tenant/index.js';
import { type BotIdentity, createAdapter } from './adapter.js';
import { TurnAdmission } from './admission.js';
import { ApprovalHandler } from './approvals/approvalHandler.js';
import { ApproverDirectory } from './approvals/approverDirectory.js';
import { WaitingForApprover } from './approvals/waitingForApprover.js';
import { createCardSigner } from './cardSigning.js';
import { ConversationMemory } from './conversationMemory.js';
import { checkIncomingActivity } from './incomingActivity.js';
import { type LocalDirectory, LocalMode } from './localMode.js';
import { Pacer } from './proactive/pacer.js';
import { TeamsNotifier } from './proactive/teamsNotifier.js';
import { RunbookFlow } from './runbook/runbookFlow.js';
import { StateStoreStorage } from './stateStorage.js';
import { TurnGate, UserRateLimiter } from './turnLimits.js';
import { UnblockBot } from './unblockBot.js';

export type { BotIdentity } from './adapter.js';
export { loadCardSigningKey } from './cardSigning.js';
export { Pacer } from './proactive/pacer.js';

export interface BotDeps {
  identity: BotIdentity;
  tenant: TenantGateway;
  store: Pick<Store, 'conversations' | 'state'>;
  lifecycle: RequestLifecycle;
  t: Translator;
  logger: Logger;
  tenantId: string;
  approverGroupId: string | undefined;
  helpdeskGroupId: string | undefined;
  /** Whether requesters may approve their own requests (ALLOW_SELF_APPROVAL): who gets approval cards. */
  allowSelfApproval: boolean;
  expireAfterHours: number;
  giveUpAfterHours: number;
  generatePassword: () => string;
  /** The HMAC key for card button data (loadCardSigningKey). */
  cardSigningKey: Buffer;
  /** Tenants whose people may use the bot. */
  allowedTenantIds: string[];
  userRateLimitPerMinute: number;
  maxConcurrentTurns: number;
  /** Pacing of proactive sends (tests and benchmarks may pass their own). */
  pacer?: Pacer;
  /**
   * Local mode (simulated tenant, no MicrosoftAppId): any local client's activity is taken as the simulated
   * tenant's, and people it does not know join its directory (localMode.ts). Absent everywhere else.
   */
  localMode?: { tenantId: string; directory: LocalDirectory };
}

export interface HttpReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface MessagesEndpoint {
  /** Handles one POST /api/messages: the parsed JSON body and the request headers. */
  handle(body: unknown, headers: Record<string, string | string[] | undefined>): Promise<HttpReply>;
}

export interface Bot {
  endpoint: MessagesEndpoint;
  /** Tells people about request events proactively; the worker drives it. */
  notifier: Notifier;
}

export function createBot(deps: BotDeps): Bot {
  const logger = deps.logger.child({ component: 'bot' });
  const adapter = createAdapter(deps.identity, logger);
  const { store } = deps;
  const signer = createCardSigner(deps.cardSigningKey);
  const turnGate = new TurnGate(deps.maxConcurrentTurns);
  const directory = new ApproverDirectory({
    tenant: deps.tenant,
    conversations: store.conversations,
    approverGroupId: deps.approverGroupId,
    helpdeskGroupId: deps.helpdeskGroupId,
    logger,
  });
  const flow = new RunbookFlow({
    tenant: deps.tenant,
    lifecycle: deps.lifecycle,
    t: deps.t,
    logger,
    generatePassword: deps.generatePassword,
    signCard: signer.sign,
  });
  const approvals = new ApprovalHandler({
    lifecycle: deps.lifecycle,
    directory,
    t: deps.t,
    logger,
    signCard: signer.sign,
    giveUpAfterHours: deps.giveUpAfterHours,
  });
  const bot = new UnblockBot({
    state: new PrivateConversationState(new StateStoreStorage(store.state)),
    flow,
    approvals,
    directory,
    lifecycle: deps.lifecycle,
    t: deps.t,
    memory: new ConversationMemory(store.conversations),
    logger,
    defaultTenantId: deps.tenantId,
    cardSigner: signer,
    admission: new TurnAdmission({
      boundary: { allowedTenantIds: deps.allowedTenantIds, requireTenant: Boolean(deps.identity.appId) },
      rateLimiter: new UserRateLimiter(deps.userRateLimitPerMinute),
      lifecycle: deps.lifecycle,
      t: deps.t,
      logger,
    }),
  });
  const localMode = deps.localMode && new LocalMode({ ...deps.localMode, t: deps.t, logger });
  const waitingForApprover = new WaitingForApprover({
    lifecycle: deps.lifecycle,
    conversations: store.conversations,
    directory,
    t: deps.t,
    logger,
    signCard: signer.sign,
    giveUpAfterHours: deps.giveUpAfterHours,
  });
  const notifier = new TeamsNotifier({
    adapter,
    appId: deps.identity.appId ?? '',
    conversations: store.conversations,
    directory,
    pacer: deps.pacer ?? new Pacer(),
    t: deps.t,
    logger,
    allowSelfApproval: deps.allowSelfApproval,
    expireAfterHours: deps.expireAfterHours,
    giveUpAfterHours: deps.giveUpAfterHours,
    signCard: signer.sign,
    localMode: localMode !== undefined,
  });

  const endpoint: MessagesEndpoint = {
    async handle(body, headers) {
      // A capacity limit, not bad input: 429 + Retry-After, which the Bot Framework channel retries.
      if (!turnGate.tryEnter()) {
        logger.warn(
          { maxConcurrentTurns: deps.maxConcurrentTurns },
          'request refused: too many turns at once',
        );
        return { status: 429, body: { error: 'TooManyRequests' }, headers: { 'Retry-After': '1' } };
      }
      try {
        return await handleActivity(body, headers);
      } finally {
        turnGate.leave();
      }
    },
  };

  async function handleActivity(
    body: unknown,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<HttpReply> {
    // With an app id every request must be authenticated: no header, no reading of the body.
    if (deps.identity.appId && !headers.authorization) {
      logger.warn('request refused: not authenticated (no Authorization header)');
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    const check = checkIncomingActivity(body);
    if (!check.ok) return { status: 400, body: { error: 'BadRequest', problems: check.problems } };
    const activity = localMode ? await localMode.adopt(body as Record<string, unknown>) : body;
    const reply: HttpReply = { status: 500 };
    const res = {
      socket: null,
      status(code: number) {
        reply.status = code;
        return res;
      },
      header() {
        return res;
      },
      send(payload?: unknown) {
        reply.body = payload;
        return res;
      },
      end() {
        return res;
      },
    };
    await adapter.process(
      { body: activity as Record<string, unknown>, headers, method: 'POST' },
      res,
      (context) => {
        localMode?.welcome(context);
        return waitingForApprover.around(context, () => bot.run(context));
      },
    );
    if (reply.status >= 500) {
      // botbuilder puts the exception text in the body; it must not reach the caller.
      logger.error({ status: reply.status }, 'activity processing failed');
      return { status: reply.status, body: { error: 'InternalError' } };
    }
    if (reply.status === 401) return { status: 401, body: { error: 'Unauthorized' } };
    return reply;
  }
  return { endpoint, notifier };
}
