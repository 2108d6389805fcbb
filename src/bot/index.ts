// The bot's public surface: everything else in the app talks to Teams through this.
import { PrivateConversationState } from 'botbuilder';
import type { Logger } from 'pino';
import type { Translator } from '../i18n/index.js';
import type { AuditLog, ConversationStore, RequestStore, StateStore } from '../store/index.js';
import type { TenantGateway } from '../tenant/index.js';
import { type BotIdentity, createAdapter } from './adapter.js';
import { checkIncomingActivity } from './incomingActivity.js';
import { RunbookFlow } from './runbook/runbookFlow.js';
import { StateStoreStorage } from './stateStorage.js';
import { UnblockBot } from './unblockBot.js';

export type { BotIdentity } from './adapter.js';

export interface BotDeps {
  identity: BotIdentity;
  tenant: TenantGateway;
  requests: RequestStore;
  audit: AuditLog;
  conversations: ConversationStore;
  state: StateStore;
  t: Translator;
  logger: Logger;
  tenantId: string;
  generatePassword: () => string;
  now?: () => Date;
}

export interface HttpReply {
  status: number;
  body?: unknown;
}

export interface MessagesEndpoint {
  /** Handles one POST /api/messages: the parsed JSON body and the request headers. */
  handle(body: unknown, headers: Record<string, string | string[] | undefined>): Promise<HttpReply>;
}

export function createBot(deps: BotDeps): MessagesEndpoint {
  const logger = deps.logger.child({ component: 'bot' });
  const adapter = createAdapter(deps.identity, logger);
  const flow = new RunbookFlow({
    tenant: deps.tenant,
    requests: deps.requests,
    audit: deps.audit,
    t: deps.t,
    logger,
    generatePassword: deps.generatePassword,
    now: deps.now,
  });
  const bot = new UnblockBot({
    state: new PrivateConversationState(new StateStoreStorage(deps.state)),
    flow,
    t: deps.t,
    conversations: deps.conversations,
    logger,
    defaultTenantId: deps.tenantId,
  });

  return {
    async handle(body, headers) {
      const check = checkIncomingActivity(body);
      if (!check.ok) return { status: 400, body: { error: 'BadRequest', problems: check.problems } };
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
        { body: body as Record<string, unknown>, headers, method: 'POST' },
        res,
        (context) => bot.run(context),
      );
      if (reply.status >= 500) {
        // botbuilder puts the exception text in the body; it must not reach the caller.
        logger.error({ status: reply.status }, 'activity processing failed');
        return { status: reply.status, body: { error: 'InternalError' } };
      }
      if (reply.status === 401) return { status: 401, body: { error: 'Unauthorized' } };
      return reply;
    },
  };
}
