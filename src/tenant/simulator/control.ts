// The simulator's own control API under /_sim/, for tests and e2e scripts. Never mixed with the Microsoft
// paths, unauthenticated (the simulator binds 127.0.0.1 only).
//   GET    /_sim/calls[?api=graph|exchange]   the call log        DELETE /_sim/calls    clear it
//   POST   /_sim/faults  {graph?,exchange?}    set fault plans     DELETE /_sim/faults   clear them
//   GET    /_sim/restricted                    Restricted list     POST   /_sim/restricted {address,reason?,temporaryBlock?}
//   POST   /_sim/row-fields {cmdlet,identity,fields}   serve these raw values in that cmdlet's row
//   POST   /_sim/send {from,to?,subject?}      a send attempt by a user (delivered, or failed with 5.1.8)
//   GET    /_sim/message-trace                 every traced message
//   POST   /_sim/message-trace/quota {used}    other tools used this many of the 100 requests / 5 min
//   GET    /_sim/users/{id|upn}                a user's simulated state (password change time, sessions revoked)
//   POST   /_sim/users {id,displayName}        adds a helpdesk agent unless the id is known (201 added, 200 known)
//   POST   /_sim/settings {releaseDelayMs?,unblockLimitPerDay?,exoMaxPageSize?,graphMaxPageSize?,
//                       notRestrictedAnswer?}
//   PUT    /_sim/groups/{id}/members/{userId}   add a user to a group   DELETE …   remove them
//   POST   /_sim/reset                         back to the seeded tenant, log and faults cleared
//   POST   /_sim/tokens {user,audience,lifetimeSeconds?}  a signed-in person's access token (signIn.ts)
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { CallLogEntry } from './callLog.js';
import { type FaultPlans, faultPlansSchema } from './faults.js';
import { type ApiRequest, type Sent, sendEmpty, sendJson } from './http.js';
import type { UserTokenOptions } from './signIn.js';
import type { BlockedSenderRow, MessageTraceRow, RowFieldsCmdlet, SimUser } from './state.js';

export interface SimulatorSettings {
  releaseDelayMs: number;
  unblockLimitPerDay: number;
  exoMaxPageSize: number;
  /** Upper bound on objects per page of Graph directory collections (transitiveMembers); Graph's is 999. */
  graphMaxPageSize: number;
  /**
   * How Get-BlockedSenderAddress -SenderAddress answers for an address that is not restricted: Microsoft
   * does not document it (m365-contracts.md "UNCONFIRMED"), so the simulator can answer either way.
   */
  notRestrictedAnswer: 'empty' | 'not-found';
  /** False: message trace answers 403, as in a tenant that did not grant ExchangeMessageTrace.Read.All. */
  messageTraceGranted: boolean;
}

/** What the control API (and in-process tests) can do to a running simulator. */
export interface SimulatorControl {
  calls(): CallLogEntry[];
  clearCalls(): void;
  setFaults(plans: FaultPlans): void;
  restrictedSenders(): BlockedSenderRow[];
  restrict(address: string, reason?: string, temporaryBlock?: boolean): BlockedSenderRow;
  /** Adds (true) or removes (false) a user as a direct member of a group. */
  setGroupMember(groupId: string, userId: string, member: boolean): void;
  /** Serves `fields` (any JSON) in place of the row's own values for this user or address. */
  setRowFields(cmdlet: RowFieldsCmdlet, identity: string, fields: Record<string, unknown>): void;
  sendAttempt(from: string, to?: string, subject?: string): MessageTraceRow;
  /** Message-trace requests made by other tools in the tenant (they count against Graph's limit). */
  spendMessageTraceQuota(count: number): void;
  messageTrace(): MessageTraceRow[];
  findUser(idOrUpn: string): Readonly<SimUser> | undefined;
  enrolHelpdeskAgent(id: string, displayName: string): { user: Readonly<SimUser>; created: boolean };
  settings(): SimulatorSettings;
  updateSettings(settings: Partial<SimulatorSettings>): void;
  reset(): void;
  /** A delegated access token for a seeded person (by id, UPN or mail); null when there is no such person. */
  userToken(idOrUpn: string, options: UserTokenOptions): string | null;
}

const restrictBody = z.object({
  address: z.string().min(3).max(320),
  reason: z.string().max(2048).optional(),
  temporaryBlock: z.boolean().optional(),
});
const rowFieldsBody = z.object({
  cmdlet: z.enum(['Get-BlockedSenderAddress', 'Get-Mailbox']),
  identity: z.string().min(3).max(320),
  fields: z.record(z.string().max(128), z.unknown()),
});
const sendBody = z.object({
  from: z.string().min(3).max(320),
  to: z.string().min(3).max(320).optional(),
  subject: z.string().max(256).optional(),
});
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const enrolBody = z.object({
  id: z.string().regex(ENTRA_OBJECT_ID),
  displayName: z.string().max(1024),
});
const tokenBody = z.object({
  user: z.string().min(3).max(320),
  audience: z.string().min(1).max(400),
  lifetimeSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .optional(),
});
const settingsBody = z.object({
  releaseDelayMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600 * 1000)
    .optional(),
  unblockLimitPerDay: z.number().int().min(0).max(1000).optional(),
  exoMaxPageSize: z.number().int().min(1).max(10_000).optional(),
  graphMaxPageSize: z.number().int().min(1).max(999).optional(),
  notRestrictedAnswer: z.enum(['empty', 'not-found']).optional(),
  messageTraceGranted: z.boolean().optional(),
});

export function handleControl(req: ApiRequest, res: ServerResponse, sim: SimulatorControl): Sent {
  const route = `${req.method} ${req.segments.join('/')}`;
  switch (route) {
    case 'GET calls': {
      const api = req.url.searchParams.get('api');
      return sendJson(res, 200, { value: sim.calls().filter((c) => api === null || c.api === api) });
    }
    case 'DELETE calls':
      sim.clearCalls();
      return sendEmpty(res, 204);
    case 'POST faults': {
      const plans = faultPlansSchema.safeParse(req.body);
      if (!plans.success) return badRequest(res, 'Body must be {graph?: FaultPlan, exchange?: FaultPlan}.');
      sim.setFaults(plans.data);
      return sendEmpty(res, 204);
    }
    case 'DELETE faults':
      sim.setFaults({});
      return sendEmpty(res, 204);
    case 'GET restricted':
      return sendJson(res, 200, { value: sim.restrictedSenders() });
    case 'POST restricted': {
      const body = restrictBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Body must be {address, reason?, temporaryBlock?}.');
      if (!sim.findUser(body.data.address)) return notFound(res, body.data.address);
      return sendJson(res, 201, sim.restrict(body.data.address, body.data.reason, body.data.temporaryBlock));
    }
    case 'POST row-fields': {
      const body = rowFieldsBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Body must be {cmdlet, identity, fields}.');
      if (!sim.findUser(body.data.identity)) return notFound(res, body.data.identity);
      sim.setRowFields(body.data.cmdlet, body.data.identity, body.data.fields);
      return sendEmpty(res, 204);
    }
    case 'POST send': {
      const body = sendBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Body must be {from, to?, subject?}.');
      if (!sim.findUser(body.data.from)) return notFound(res, body.data.from);
      return sendJson(res, 200, sim.sendAttempt(body.data.from, body.data.to, body.data.subject));
    }
    case 'POST message-trace/quota': {
      const used = z.object({ used: z.number().int().min(0).max(1000) }).safeParse(req.body);
      if (!used.success) return badRequest(res, 'Body must be {used}.');
      sim.spendMessageTraceQuota(used.data.used);
      return sendEmpty(res, 204);
    }
    case 'GET message-trace':
      return sendJson(res, 200, { value: sim.messageTrace() });
    case 'POST settings': {
      const body = settingsBody.safeParse(req.body);
      if (!body.success)
        return badRequest(
          res,
          'Body must be {releaseDelayMs?, unblockLimitPerDay?, exoMaxPageSize?, graphMaxPageSize?, notRestrictedAnswer?, messageTraceGranted?}.',
        );
      sim.updateSettings(body.data);
      return sendEmpty(res, 204);
    }
    case 'POST users': {
      const body = enrolBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Body must be {id: an Entra object id, displayName}.');
      const { user, created } = sim.enrolHelpdeskAgent(body.data.id, body.data.displayName);
      return sendJson(res, created ? 201 : 200, user);
    }
    case 'POST reset':
      sim.reset();
      return sendEmpty(res, 204);
    case 'POST tokens': {
      const body = tokenBody.safeParse(req.body);
      if (!body.success) return badRequest(res, 'Body must be {user, audience, lifetimeSeconds?}.');
      const { user, ...options } = body.data;
      const token = sim.userToken(user, options);
      if (token === null) return notFound(res, user);
      return sendJson(res, 200, {
        token_type: 'Bearer',
        expires_in: options.lifetimeSeconds ?? 3600,
        access_token: token,
      });
    }
  }
  const [first, id, ...rest] = req.segments;
  if (first === 'groups' && id !== undefined && rest[0] === 'members' && rest.length === 2) {
    if (req.method !== 'PUT' && req.method !== 'DELETE') return badRequest(res, 'Use PUT or DELETE.');
    const userId = rest[1] ?? '';
    if (!sim.findUser(userId)) return notFound(res, userId);
    try {
      sim.setGroupMember(id, userId, req.method === 'PUT');
    } catch {
      return sendJson(res, 404, { error: { code: 'NotFound', message: `No group '${id}'.` } });
    }
    return sendEmpty(res, 204);
  }
  if (req.method === 'GET' && first === 'users' && id !== undefined && rest.length === 0) {
    const user = sim.findUser(id);
    return user ? sendJson(res, 200, user) : notFound(res, id);
  }
  return sendJson(res, 404, { error: { code: 'NotFound', message: `No control route ${route}.` } });
}

function badRequest(res: ServerResponse, message: string): Sent {
  return sendJson(res, 400, { error: { code: 'BadRequest', message } });
}

function notFound(res: ServerResponse, who: string): Sent {
  return sendJson(res, 404, {
    error: { code: 'NotFound', message: `No user '${who}' in the simulated tenant.` },
  });
}
