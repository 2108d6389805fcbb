// /api/tab/*: the Requests tab's API. Every call carries the person's single sign-on token (tokens.ts);
// what they may see follows their role (access.ts), and Approve / Reject / Retry go through the request
// lifecycle with the very rules of the approval card: membership asked of the directory on every click,
// no self-approval, a compare-and-set on the request, one unblock job. The lifecycle's commit queues the
// notify jobs, so the cards in Teams are updated as after a click on a card.
//   GET  /api/tab/me                      who is signed in and their role
//   GET  /api/tab/requests                the list (listQuery.ts), newest first, paged
//   GET  /api/tab/requesters              everyone who started a request (approvers only)
//   GET  /api/tab/requests/:id            one request with its timeline and what the person may do
//   POST /api/tab/requests/:id/decision   {decision: approve|reject|retry, comment?}
//   GET  /api/tab/changes                 a marker that moves when any request changes (polled)
// Errors: 400 bad query, 401 no valid token, 403 not allowed, 404, 409 already decided, 415, 503; always
// a JSON body (contract.ts ApiErrorBody). The log gets the reason, never the token.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { RequestLifecycle } from '../requests/index.js';
import type { Actor, UnblockRequest } from '../runbook/index.js';
import type { AuditLog, RequestSearch } from '../store/index.js';
import type { TabAccess } from './access.js';
import {
  type ApiErrorBody,
  type ApiErrorCode,
  type ChangesView,
  type DecisionView,
  LIMITS,
  type MeView,
  type RequestListView,
  type TabRole,
} from './contract.js';
import { parseListQuery } from './listQuery.js';
import { header, type TabReply, type TabRequest, type TabRoute } from './routes.js';
import type { EntraTokenVerifier, SignedInPerson, TokenRefusal } from './tokens.js';
import { actionsView, detailView, summaryView, TAB_CONVERSATION_ID } from './views.js';

export interface TabApiDeps {
  /** Null when the tab cannot verify tokens (no MicrosoftAppId in live mode): every call answers 503. */
  verifier: EntraTokenVerifier | null;
  access: TabAccess;
  lifecycle: Pick<RequestLifecycle, 'get' | 'decide'>;
  search: RequestSearch;
  audit: Pick<AuditLog, 'listForRequest'>;
  allowSelfApproval: boolean;
  logger: Logger;
}

const decisionBody = z.object({
  decision: z.enum(['approve', 'reject', 'retry']),
  comment: z
    .string()
    .max(LIMITS.maxComment, `comment must be at most ${LIMITS.maxComment} characters`)
    .optional(),
});
const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
const REQUESTERS_SHOWN = 500;
const REQUESTERS_TTL_MS = 60_000;

interface Caller {
  person: SignedInPerson;
  role: TabRole;
  actor: Actor;
}

const NO_STORE = { 'cache-control': 'no-store' };

function json(status: number, body: unknown, headers: Record<string, string> = {}): TabReply {
  return { status, json: body, headers: { ...NO_STORE, ...headers } };
}

function failure(status: number, error: ApiErrorCode, message: string, extra: Partial<ApiErrorBody> = {}) {
  const body: ApiErrorBody = { error, message, ...extra };
  return json(
    status,
    body,
    status === 401
      ? { 'www-authenticate': 'Bearer error="invalid_token", error_description="sign in again"' }
      : {},
  );
}

const REFUSAL_TEXT: Record<Exclude<TokenRefusal, 'authority-unavailable'>, string> = {
  missing: 'Send the Teams single sign-on token as "Authorization: Bearer <token>".',
  malformed: 'The token is not a JSON Web Token.',
  'invalid-signature': 'The token is not signed by the tenant authority.',
  expired: 'The token has expired.',
  'not-yet-valid': 'The token is not valid yet.',
  'wrong-issuer': 'The token was not issued by the tenant authority.',
  'wrong-audience': 'The token is not for this app.',
  'wrong-tenant': 'The token is for a tenant this app does not serve.',
  'not-delegated': 'The token does not act for a signed-in person (access_as_user).',
};

export function createTabApi(deps: TabApiDeps): TabRoute[] {
  const logger = deps.logger.child({ component: 'tab-api' });
  let requestersCache: { until: number; value: Promise<Actor[]> } | null = null;

  /** The signed-in caller and their role, or the reply that refuses them. */
  async function authenticate(request: TabRequest, route: string): Promise<Caller | TabReply> {
    if (!deps.verifier)
      return failure(
        503,
        'TabNotConfigured',
        'Set MicrosoftAppId (and BOT_DOMAIN) so the tab can verify sign-ins.',
      );
    const authorization = header(request, 'authorization') ?? '';
    const token = /^Bearer ([^\s]+)$/i.exec(authorization)?.[1] ?? null;
    const check = await deps.verifier.verify(token);
    if (!check.ok) {
      logger.info({ route, refusal: check.refusal }, 'tab sign-in refused');
      if (check.refusal === 'authority-unavailable')
        return failure(503, 'Unavailable', 'The sign-in keys could not be read; try again shortly.', {});
      return failure(401, 'InvalidToken', REFUSAL_TEXT[check.refusal]);
    }
    const { person } = check;
    let role: TabRole | null;
    try {
      role = await deps.access.roleOf(person);
    } catch (error) {
      logger.warn({ err: error, route }, 'group membership could not be checked');
      return failure(503, 'Unavailable', 'Group membership could not be checked; try again shortly.');
    }
    if (!role) {
      logger.info({ route, aadObjectId: person.aadObjectId }, 'tab access refused: in neither group');
      return failure(403, 'Forbidden', 'Only the helpdesk and approvers may use this tab.', {
        reason: 'no-role',
      });
    }
    return { person, role, actor: { aadObjectId: person.aadObjectId, name: person.name } };
  }

  /** Wraps a handler with sign-in; a handler's unexpected error answers 500 without detail. */
  function signedIn(
    method: 'GET' | 'POST',
    path: string,
    handler: (request: TabRequest, caller: Caller) => Promise<TabReply>,
  ): TabRoute {
    return {
      method,
      path,
      async handle(request) {
        const caller = await authenticate(request, path);
        if ('status' in caller) return caller;
        return handler(request, caller);
      },
    };
  }

  /** The request if it exists and the caller may read it; otherwise the reply. */
  async function readable(id: string | undefined, caller: Caller): Promise<UnblockRequest | TabReply> {
    if (!id || !REQUEST_ID.test(id)) return failure(400, 'BadQuery', 'The request id is malformed.');
    const request = await deps.lifecycle.get(id);
    if (!request) return failure(404, 'NotFound', 'There is no such request.');
    if (!deps.access.mayRead(caller.role, caller.person, request)) {
      logger.info(
        { requestId: id, aadObjectId: caller.person.aadObjectId },
        'tab access refused: not theirs',
      );
      return failure(403, 'Forbidden', 'The helpdesk sees only the requests they started.', {
        reason: 'not-theirs',
      });
    }
    return request;
  }

  async function detail(request: UnblockRequest, caller: Caller) {
    const events = await deps.audit.listForRequest(request.id);
    const actions = actionsView(request, caller.actor, caller.role === 'approver', deps.allowSelfApproval);
    return detailView(request, events, actions);
  }

  return [
    signedIn('GET', '/api/tab/me', async (_request, caller) => {
      const me: MeView = { name: caller.person.name, role: caller.role };
      return json(200, me);
    }),

    signedIn('GET', '/api/tab/requests', async (request, caller) => {
      const parsed = parseListQuery(request.query);
      if (!parsed.ok)
        return failure(400, 'BadQuery', 'The list query is invalid.', { details: parsed.problems });
      const { requester, ...query } = parsed.query;
      const me = caller.person.aadObjectId.toLowerCase();
      const asked = requester === 'me' ? me : requester;
      if (caller.role !== 'approver' && asked !== undefined && asked !== me)
        return failure(403, 'Forbidden', 'The helpdesk sees only the requests they started.', {
          reason: 'not-theirs',
        });
      const requesterId = caller.role === 'approver' ? asked : me;
      const page = await deps.search.list({ ...query, ...(requesterId ? { requesterId } : {}) });
      if (page === 'bad-cursor')
        return failure(400, 'BadQuery', 'The list query is invalid.', {
          details: ['after is not a page of this list'],
        });
      const view: RequestListView = { requests: page.requests.map(summaryView), next: page.next };
      return json(200, view);
    }),

    signedIn('GET', '/api/tab/requesters', async (_request, caller) => {
      if (caller.role !== 'approver')
        return failure(403, 'Forbidden', 'Only approvers see who else started requests.', {
          reason: 'not-approver',
        });
      const now = Date.now();
      if (!requestersCache || requestersCache.until <= now) {
        const value = deps.search.requesters(REQUESTERS_SHOWN);
        requestersCache = { until: now + REQUESTERS_TTL_MS, value };
        value.catch(() => {
          requestersCache = null;
        });
      }
      const people = await requestersCache.value;
      return json(200, { requesters: people.map((p) => ({ id: p.aadObjectId, name: p.name })) });
    }),

    signedIn('GET', '/api/tab/requests/:id', async (request, caller) => {
      const found = await readable(request.params.id, caller);
      if ('status' in found) return found;
      return json(200, await detail(found, caller));
    }),

    signedIn('POST', '/api/tab/requests/:id/decision', async (request, caller) => {
      if (!request.isJson)
        return failure(415, 'UnsupportedMediaType', 'Send the decision as application/json.');
      const body = decisionBody.safeParse(request.body);
      if (!body.success)
        return failure(400, 'BadQuery', 'The decision is invalid.', {
          details: body.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`),
        });
      const found = await readable(request.params.id, caller);
      if ('status' in found) return found;
      let isApprover: boolean;
      try {
        isApprover = await deps.access.isApproverNow(caller.person);
      } catch (error) {
        logger.warn({ err: error }, 'approver membership could not be checked for a decision');
        return failure(
          503,
          'Unavailable',
          'Group membership could not be checked; nothing was decided. Try again.',
        );
      }
      const result = await deps.lifecycle.decide({
        requestId: found.id,
        decision: body.data.decision,
        clicker: caller.actor,
        conversationId: TAB_CONVERSATION_ID,
        comment: body.data.comment,
        isApprover,
      });
      if (result.kind === 'not-found') return failure(404, 'NotFound', 'There is no such request.');
      if (result.kind === 'refused') {
        logger.info(
          { requestId: found.id, reason: result.reason, decision: body.data.decision },
          'tab decision refused',
        );
        if (result.reason === 'not-approver')
          return failure(403, 'Forbidden', 'Only approvers may decide unblock requests.', {
            reason: 'not-approver',
          });
        if (result.reason === 'own-request')
          return failure(403, 'Forbidden', 'Nobody approves their own request.', { reason: 'own-request' });
        return failure(409, 'AlreadyDecided', 'The request is no longer waiting for this decision.', {
          state: result.request.state,
        });
      }
      logger.info(
        { requestId: found.id, decision: body.data.decision, state: result.request.state },
        'decided in the tab',
      );
      const view: DecisionView = { outcome: 'decided', request: await detail(result.request, caller) };
      return json(200, view);
    }),

    signedIn('GET', '/api/tab/changes', async () => {
      const view: ChangesView = { marker: await deps.search.changeMarker() };
      return json(200, view);
    }),
  ];
}
