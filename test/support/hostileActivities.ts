// Malformed and hostile Teams activities for the fuzz tests: fast-check arbitraries that start from a
// well-formed activity and break it the ways a buggy client or an attacker would (wrong types, missing
// fields, huge or unicode-edge strings, prototype-pollution keys, deep nesting, template injection).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { approvalVerbs, runbookVerbs } from '../../src/bot/verbs.js';
import { runbookSteps } from '../../src/runbook/index.js';
import { SEED } from '../../src/tenant/index.js';
import type { TeamsPerson } from './teams.js';

/** One request to POST to /api/messages: the raw body, so it can be anything, even invalid JSON. */
export interface HostileCase {
  kind: string;
  body: string;
  contentType: string;
}

/** A button the bot really sent (signed data included), so hostile clicks get past the signature check. */
export interface LiveAction {
  verb: string;
  data: Record<string, unknown>;
}

/** A conversation with a card the bot sent: a runbook step or an approval card. */
export interface LiveCard {
  conversationId: string;
  person: TeamsPerson;
  actions: LiveAction[];
}

export interface HostileContext {
  serviceUrl: string;
  tenantId: string;
  people: TeamsPerson[];
  liveCards: LiveCard[];
  /** The request body limit of the server, to build bodies just under and just over it. */
  maxBodyBytes: number;
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Strings that have broken parsers, templates, renderers and OData filters elsewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'grady\u0000.archie@contoso.com',
  '\uD800',
  '\uDFFF',
  'grady\uDC00.archie@contoso.com',
  '\uD83D',
  '\u202Egrady.archie@contoso.com',
  '\u200F\u202Bunblock rob',
  'שלום rob',
  'مرحبا',
  '\u200B\u200C\u200D\uFEFF',
  'r\u200Bob',
  '\u0301'.repeat(64),
  '😀'.repeat(32),
  '𝕦𝕟𝕓𝕝𝕠𝕔𝕜 𝕣𝕠𝕓',
  // Adaptive Card template expressions (adaptivecards-templating expands ${…} in card JSON).
  ...['user.password', 'json($root)', '$root', 'if(true, "a", "b")', 'join(createArray(1, 2), ",")'].map(
    (expression) => `\${${expression}}`,
  ),
  `\${string(process)}`,
  '{{password}}',
  `\${${'{'.repeat(64)}`,
  '**bold** [click](javascript:alert(1))',
  '![x](http://127.0.0.1:1/x.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<at>Unblock assistant</at> unblock diego@contoso.com',
  '<at>unclosed',
  '&lt;at&gt;x&lt;/at&gt;',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  'diego@contoso.com\r\nBcc: mallory@evil.example',
  "rob' or startswith(displayName,'",
  "unblock ') or true or ('",
  'unblock *',
  'unblock %',
  'unblock diego@contoso.com',
  'unblock grady.archie@contoso.com',
  'rob is blocked',
  'status',
  'cancel',
  'start over',
  'help',
  'set approvals channel',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'NaN',
  'null',
  'undefined',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
];

/** Any UTF-16 code unit, so lone surrogates and NUL come up as often as letters. */
const codeUnit = fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 64 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('unblock ', 'rob ', ''), fc.constantFrom(...NASTY_STRINGS))
      .map(([a, b]) => a + b),
  },
);

/** A long string; the fuzz test keeps these rare, they cost time. */
const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('x', 'é', '€', '😀', '\u0000', '\uD800', '$'),
    fc.integer({ min: 1_000, max: 40_000 }),
  )
  .map(([unit, n]) => unit.repeat(n));

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER, true, false, null),
);

/** An object whose own keys may be `__proto__`, `constructor`, `prototype` (JSON.stringify keeps them). */
function objectFrom(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'action',
      'data',
      'verb',
      'type',
      'requestId',
      'runbookId',
      'step',
      'query',
      'userId',
      'comment',
      'text',
      'id',
      'eTag',
      'polluted',
      'toString',
      'valueOf',
    ),
  },
  { weight: 1, arbitrary: hostileString },
);

/** Any JSON value, small, with pollution keys at any depth. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectFrom),
})).value;

/** A payload that tries to pollute Object.prototype through every key a merge might walk. */
const pollutionPayload: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(fc.constantFrom(...POLLUTION_KEYS), hostileValue)
  .map(([key, extra]) => {
    const poison = objectFrom([
      ['polluted', 'yes'],
      ['isAdmin', true],
      ['toString', 'not a function'],
    ]);
    const viaConstructor = objectFrom([['prototype', poison]]);
    return objectFrom([
      [key, key === 'constructor' ? viaConstructor : poison],
      ['__proto__', poison],
      [
        'nested',
        objectFrom([
          ['__proto__', poison],
          ['extra', extra],
        ]),
      ],
    ]);
  });

function nested(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const activityTypes = [
  'message',
  'invoke',
  'conversationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'installationUpdate',
  'event',
  'typing',
  'endOfConversation',
  'command',
  'trace',
  'handoff',
  'Message',
  'INVOKE',
];

const invokeNames = [
  'adaptiveCard/action',
  'composeExtension/query',
  'task/fetch',
  'task/submit',
  'signin/verifyState',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'config/fetch',
  'healthCheck',
  'message/submitAction',
];

/** Paths into an activity a mutation may replace or delete. */
const activityPaths = [
  ['type'],
  ['id'],
  ['name'],
  ['text'],
  ['locale'],
  ['channelId'],
  ['serviceUrl'],
  ['timestamp'],
  ['replyToId'],
  ['textFormat'],
  ['attachments'],
  ['entities'],
  ['membersAdded'],
  ['membersRemoved'],
  ['reactionsAdded'],
  ['from'],
  ['from', 'id'],
  ['from', 'name'],
  ['from', 'aadObjectId'],
  ['recipient'],
  ['recipient', 'id'],
  ['conversation'],
  ['conversation', 'id'],
  ['conversation', 'tenantId'],
  ['conversation', 'conversationType'],
  ['conversation', 'isGroup'],
  ['channelData'],
  ['channelData', 'tenant'],
  ['channelData', 'tenant', 'id'],
  ['channelData', 'team'],
  ['channelData', 'channel'],
  ['value'],
  ['value', 'action'],
  ['value', 'action', 'type'],
  ['value', 'action', 'verb'],
  ['value', 'action', 'data'],
  ['value', 'trigger'],
] as const;

type Mutation =
  | { op: 'delete'; path: readonly string[] }
  | { op: 'set'; path: readonly string[]; value: unknown }
  | { op: 'pollute'; path: readonly string[]; payload: Record<string, unknown> };

const wrongShape: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.constantFrom(null, [], {}, 0, 42, -1, true, '', [{}], [[]], { id: 42 }, { id: [] }, { id: {} }),
  fc.array(hostileString, { maxLength: 3 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...activityPaths) }),
  fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(...activityPaths), value: wrongShape }),
  fc.record({
    op: fc.constant('pollute' as const),
    path: fc.constantFrom<readonly string[]>(
      [],
      ['from'],
      ['conversation'],
      ['channelData'],
      ['channelData', 'tenant'],
      ['value'],
      ['value', 'action'],
      ['value', 'action', 'data'],
    ),
    payload: pollutionPayload,
  }),
);

/**
 * A deep copy through JSON (which keeps own `__proto__` keys): fast-check hands out the same instance of a
 * constant again and again, so mutating one in place would leak into later cases or even make a cycle.
 */
function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function mutated(activity: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const copy = jsonCopy(activity);
  for (const m of mutations) applyMutation(copy, m);
  return copy;
}

function applyMutation(activity: Record<string, unknown>, m: Mutation): void {
  let node: unknown = activity;
  const path = m.path;
  const parents = m.op === 'pollute' ? path : path.slice(0, -1);
  for (const key of parents) {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (!Object.hasOwn(record, key) || !record[key] || typeof record[key] !== 'object') {
      Object.defineProperty(record, key, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    node = record[key];
  }
  if (!node || typeof node !== 'object') return;
  const target = node as Record<string, unknown>;
  if (m.op === 'pollute') {
    for (const [key, value] of Object.entries(jsonCopy(m.payload))) {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return;
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (m.op === 'delete') delete target[last];
  else
    Object.defineProperty(target, last, {
      value: jsonCopy(m.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function baseActivity(
  ctx: HostileContext,
  person: TeamsPerson,
  conversationId: string,
): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: ctx.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: '28:bot-id', name: 'Unblock assistant' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: ctx.tenantId },
    channelData: { tenant: { id: ctx.tenantId } },
  };
}

const uuidLike = fc.oneof(
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  hostileString,
);

const verb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...runbookVerbs, ...approvalVerbs) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: wrongShape },
);

/** `value.action.data` as a tampered card would send it: the right keys, hostile values, extra keys. */
const hostileCardData: fc.Arbitrary<unknown> = (() => {
  const cardData = fc.record(
    {
      runbookId: fc.oneof({ weight: 4, arbitrary: uuidLike }, { weight: 1, arbitrary: wrongShape }),
      step: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...runbookSteps) },
        { weight: 1, arbitrary: wrongShape },
      ),
      query: fc.oneof(hostileString, wrongShape),
      userId: fc.oneof(
        fc.constantFrom(SEED.users.roberta.id, SEED.users.robertSmith.id, SEED.users.diego.id),
        hostileString,
        wrongShape,
      ),
      requestId: fc.oneof(uuidLike, wrongShape),
      comment: fc.oneof(hostileString, wrongShape),
      sig: fc.oneof(hostileString, wrongShape),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 5, arbitrary: cardData },
    {
      weight: 2,
      arbitrary: fc.tuple(cardData, pollutionPayload).map(([data, poison]) => ({ ...data, ...poison })),
    },
    { weight: 1, arbitrary: wrongShape },
  );
})();

/**
 * What a client merges into a real button's data (the card's inputs), hostile; sometimes the ids and the
 * signature are tampered with too.
 */
const hostileInputs: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      {
        query: fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: wrongShape }),
        userId: fc.oneof(
          fc.constantFrom(SEED.users.roberta.id, SEED.users.robertSmith.id, SEED.users.agent.id),
          hostileString,
          wrongShape,
        ),
        comment: fc.oneof(
          { weight: 3, arbitrary: hostileString },
          { weight: 1, arbitrary: fc.string({ minLength: 400, maxLength: 600 }) },
          { weight: 1, arbitrary: wrongShape },
        ),
      },
      { requiredKeys: [] },
    ),
    fc.option(
      fc.record(
        { runbookId: uuidLike, requestId: uuidLike, step: hostileString, sig: hostileString },
        { requiredKeys: [] },
      ),
      { freq: 3 },
    ),
    fc.option(pollutionPayload, { freq: 3 }),
  )
  .map(([inputs, tampered, poison]) => ({ ...inputs, ...tampered, ...poison }));

/** A click on a real button with hostile inputs merged in, sometimes with another verb. */
function liveActionValue(card: LiveCard): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.constantFrom(...card.actions),
      fc.option(verb, { freq: 5 }),
      hostileInputs,
      fc.constantFrom('manual', 'automatic', undefined),
    )
    .map(([action, otherVerb, inputs, trigger]) => ({
      action: { type: 'Action.Execute', verb: otherVerb ?? action.verb, data: { ...action.data, ...inputs } },
      trigger,
    }));
}

function invokeValue(): fc.Arbitrary<unknown> {
  const action = fc.record(
    {
      type: fc.oneof(
        { weight: 5, arbitrary: fc.constant('Action.Execute') },
        { weight: 1, arbitrary: wrongShape },
      ),
      verb,
      data: hostileCardData,
    },
    { requiredKeys: ['type', 'verb'] },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record(
        { action, trigger: fc.oneof(fc.constantFrom('manual', 'automatic'), wrongShape) },
        { requiredKeys: ['action'] },
      ),
    },
    { weight: 1, arbitrary: wrongShape },
    { weight: 1, arbitrary: pollutionPayload.map((p) => ({ action: p })) },
  );
}

const person = (ctx: HostileContext): fc.Arbitrary<TeamsPerson> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ctx.people) },
    {
      weight: 1,
      arbitrary: fc.record({ id: hostileString, aadObjectId: hostileString, name: hostileString }),
    },
  );

const conversationId = fc.oneof(
  { weight: 3, arbitrary: fc.uuid().map((u) => `a:fuzz-${u}`) },
  { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0) },
  { weight: 1, arbitrary: fc.constantFrom('19:approvals@thread.tacv2', '19:general@thread.tacv2') },
);

/** A message with hostile text, from a real or made-up person, possibly mutated further. */
function hostileMessage(ctx: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      person(ctx),
      conversationId,
      fc.oneof({ weight: 20, arbitrary: hostileString }, { weight: 1, arbitrary: longString }),
      fc.constantFrom('plain', 'markdown', 'xml', undefined),
      fc.array(mutation, { maxLength: 2 }),
    )
    .map(([who, conversation, text, textFormat, mutations]) => {
      return mutated(
        { ...baseActivity(ctx, who, conversation), type: 'message', text, textFormat },
        mutations,
      );
    });
}

/** An `adaptiveCard/action` invoke that looks right, with hostile `value.action.data` (or worse). */
function hostileInvoke(ctx: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  const onLiveCard =
    ctx.liveCards.length > 0 ? fc.option(fc.constantFrom(...ctx.liveCards), { freq: 2 }) : fc.constant(null);
  return onLiveCard
    .chain((card) =>
      fc.tuple(
        fc.constant(card),
        card ? fc.oneof({ weight: 4, arbitrary: fc.constant(card.person) }, person(ctx)) : person(ctx),
        card ? fc.constant(card.conversationId) : conversationId,
        fc.oneof(
          { weight: 8, arbitrary: fc.constant('adaptiveCard/action') },
          { weight: 2, arbitrary: fc.constantFrom(...invokeNames) },
          { weight: 1, arbitrary: wrongShape },
        ),
        card ? liveActionValue(card) : invokeValue(),
        fc.array(mutation, { maxLength: 2 }),
      ),
    )
    .map(([, who, conversation, name, value, mutations]) => {
      return mutated({ ...baseActivity(ctx, who, conversation), type: 'invoke', name, value }, mutations);
    });
}

/** Any activity type with a few fields broken or replaced. */
function mutatedActivity(ctx: HostileContext): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      person(ctx),
      conversationId,
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...activityTypes) },
        { weight: 1, arbitrary: wrongShape },
      ),
      fc.record(
        {
          membersAdded: fc.oneof(
            fc.constant([{ id: 'new-member' }, { id: '28:bot-id' }]),
            fc.array(wrongShape, { maxLength: 3 }),
            wrongShape,
          ),
          reactionsAdded: fc.oneof(
            fc.array(fc.record({ type: hostileString }), { maxLength: 2 }),
            wrongShape,
          ),
          value: hostileValue,
          attachments: fc.oneof(fc.array(hostileValue, { maxLength: 2 }), wrongShape),
          entities: fc.oneof(
            fc.constant([{ type: 'mention', text: '<at>x</at>', mentioned: { id: '28:bot-id' } }]),
            fc.array(hostileValue, { maxLength: 2 }),
            wrongShape,
          ),
        },
        { requiredKeys: [] },
      ),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
    )
    .map(([who, conversation, type, extra, mutations]) => {
      return mutated({ ...baseActivity(ctx, who, conversation), type, ...extra }, mutations);
    });
}

/** Bodies that are not a well-formed activity at all: bad JSON, deep nesting, wrong top-level type. */
const rawBody: fc.Arbitrary<HostileCase> = fc.oneof(
  fc
    .constantFrom(
      '',
      '{',
      '{"type": "message", ',
      '[',
      'null',
      'true',
      '0',
      '"message"',
      '[]',
      '{}',
      '{"type":"message"}',
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '\uFEFF{"type":"message"}',
      '{"type":"message","type":"invoke"}',
      '{"a":1}garbage',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      'NaN',
      '1e999999',
    )
    .map((body) => ({ kind: 'raw', body, contentType: 'application/json' })),
  fc
    .tuple(fc.integer({ min: 10, max: 50_000 }), fc.constantFrom('object' as const, 'array' as const))
    .map(([depth, kind]) => ({ kind: 'deep', body: nested(depth, kind), contentType: 'application/json' })),
  fc
    .tuple(
      hostileString,
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/jsonp',
      ),
    )
    .map(([body, contentType]) => ({ kind: 'content-type', body, contentType })),
);

/** An activity under `value` nested so deep that a recursive walk (clone, serialize, log) could overflow. */
function deepActivity(ctx: HostileContext): fc.Arbitrary<HostileCase> {
  return fc
    .tuple(
      fc.constantFrom('message', 'invoke', 'event'),
      fc.constantFrom('value', 'channelData', 'text', 'from', 'attachments', 'entities'),
      fc.integer({ min: 100, max: 20_000 }),
      fc.constantFrom('object' as const, 'array' as const),
    )
    .map(([type, field, depth, kind]) => {
      const activity = {
        ...baseActivity(ctx, ctx.people[0] as TeamsPerson, `a:fuzz-${randomUUID()}`),
        type,
        name: 'adaptiveCard/action',
        text: 'help',
        [field]: '__DEEP__',
      };
      const body = JSON.stringify(activity).replace('"__DEEP__"', nested(depth, kind));
      return { kind: 'deep-activity', body, contentType: 'application/json' };
    });
}

/** Bodies just under and just over the server's limit. */
function sizedBody(ctx: HostileContext): fc.Arbitrary<HostileCase> {
  return fc
    .tuple(
      fc.constantFrom('message', 'invoke'),
      fc.constantFrom(-2048, -64, 64, 4096, 100 * 1024),
      fc.constantFrom('x', '€', '\\u0000'),
      fc.constantFrom('text', 'value', 'channelData'),
    )
    .map(([type, delta, unit, field]) => {
      const activity = {
        ...baseActivity(ctx, ctx.people[0] as TeamsPerson, `a:fuzz-${randomUUID()}`),
        type,
        name: 'adaptiveCard/action',
        [field]: '__FILL__',
      };
      const skeleton = JSON.stringify(activity);
      const unitBytes = Buffer.byteLength(unit);
      const room =
        ctx.maxBodyBytes + delta - Buffer.byteLength(skeleton) + Buffer.byteLength('"__FILL__"') - 2;
      const fill = `"${unit.repeat(Math.max(0, Math.floor(room / unitBytes)))}"`;
      return {
        kind: delta < 0 ? 'under-limit' : 'over-limit',
        body: skeleton.replace('"__FILL__"', fill),
        contentType: 'application/json',
      };
    });
}

const asJson =
  (kind: string) =>
  (activity: unknown): HostileCase => ({
    kind,
    body: JSON.stringify(activity) ?? 'null',
    contentType: 'application/json',
  });

/** The whole mix, weighted toward the cases that reach the bot's own code. */
export function hostileCase(ctx: HostileContext): fc.Arbitrary<HostileCase> {
  return fc.oneof(
    { weight: 30, arbitrary: hostileMessage(ctx).map(asJson('message')) },
    { weight: 35, arbitrary: hostileInvoke(ctx).map(asJson('invoke')) },
    { weight: 25, arbitrary: mutatedActivity(ctx).map(asJson('mutated')) },
    { weight: 6, arbitrary: rawBody },
    { weight: 2, arbitrary: deepActivity(ctx) },
    { weight: 1, arbitrary: sizedBody(ctx) },
  );
}
