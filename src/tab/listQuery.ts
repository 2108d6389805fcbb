// GET /api/tab/requests query parameters → the store's list query, or one problem per bad parameter
// (answered 400). Parameters: state (comma-separated states, or "active"), user (start of the blocked
// user's UPN), requester ("me" or an Entra object id), from / to (a date, both days included, or an ISO
// instant, `to` excluded), q (words), after (the previous page's `next`), limit (1–100).
import { z } from 'zod';
import type { RequestState } from '../runbook/index.js';
import type { RequestListQuery } from '../store/index.js';
import { ACTIVE_STATES, LIMITS, REQUEST_STATES } from './contract.js';

const KNOWN = new Set(['state', 'user', 'requester', 'from', 'to', 'q', 'after', 'limit']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_WORDS = 10;

/** Where a list query stands before the role is applied: `requester` may still be "me". */
export interface ParsedListQuery extends Omit<RequestListQuery, 'requesterId'> {
  requester: 'me' | string | undefined;
}

export type ListQueryResult = { ok: true; query: ParsedListQuery } | { ok: false; problems: string[] };

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? undefined : v));

/** A date (that day's start, UTC) or an instant, as a normalized ISO string; `endOfDay` moves a date to the next day. */
function instant(value: string, endOfDay: boolean): string | null {
  if (DATE.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return null;
    if (endOfDay) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  if (!INSTANT.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

function states(value: string): RequestState[] | null {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const result = new Set<RequestState>();
  for (const name of names) {
    if (name === 'active') for (const s of ACTIVE_STATES) result.add(s);
    else if ((REQUEST_STATES as readonly string[]).includes(name)) result.add(name as RequestState);
    else return null;
  }
  return [...result];
}

export function parseListQuery(params: URLSearchParams): ListQueryResult {
  const problems: string[] = [];
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) problems.push(`${key.slice(0, 40)} is not a parameter of this list`);
    else if (params.getAll(key).length > 1) problems.push(`${key} is given more than once`);
  }
  const get = (key: string) => params.get(key) ?? undefined;
  const field = <T>(key: string, schema: z.ZodType<T>): T | undefined => {
    const value = get(key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      problems.push(`${key} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
      return undefined;
    }
    return parsed.data;
  };

  const query: ParsedListQuery = { limit: LIMITS.pageSize, requester: undefined };
  const state = field('state', text(300));
  if (state !== undefined) {
    const parsed = states(state);
    if (parsed) query.states = parsed;
    else
      problems.push(
        `state must be one or more of ${REQUEST_STATES.join(', ')} or active, separated by commas`,
      );
  }
  query.targetPrefix = field('user', text(LIMITS.maxSearch));
  const requester = field('requester', text(64));
  if (requester !== undefined) {
    if (requester.toLowerCase() === 'me' || GUID.test(requester)) query.requester = requester.toLowerCase();
    else problems.push('requester must be "me" or an Entra object id');
  }
  const from = field('from', text(40));
  if (from !== undefined) {
    const at = instant(from, false);
    if (at) query.createdFrom = at;
    else problems.push('from must be a date (2026-11-23) or an ISO date and time');
  }
  const to = field('to', text(40));
  if (to !== undefined) {
    const at = instant(to, true);
    if (at) query.createdBefore = at;
    else problems.push('to must be a date (2026-11-23) or an ISO date and time');
  }
  if (query.createdFrom && query.createdBefore && query.createdFrom >= query.createdBefore)
    problems.push('from must be before to');
  const q = field('q', text(LIMITS.maxSearch));
  if (q !== undefined) {
    const words = q.split(/\s+/).filter(Boolean);
    if (words.length > MAX_WORDS) problems.push(`q must have at most ${MAX_WORDS} words`);
    else query.words = words;
  }
  query.after = field('after', text(300));
  const limit = field(
    'limit',
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(LIMITS.maxPageSize, `must be at most ${LIMITS.maxPageSize}`),
  );
  if (limit !== undefined) query.limit = limit;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query };
}
