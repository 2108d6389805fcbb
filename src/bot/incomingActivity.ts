// The shape an activity must have before botbuilder sees it. botbuilder answers many malformed activities
// with HTTP 500 (platform-notes.md); we answer 400 with what is wrong instead. Fields botbuilder copies into
// its replies are typed as its connector serializer expects, or every reply of the turn would fail.
import { z } from 'zod';

/**
 * Ids end up in connector URLs and headers (x-ms-conversation-id): a non-Latin-1 character there makes Node
 * refuse the header, so the reply fails. Teams ids are printable ASCII ("29:1…", "19:…@thread.tacv2").
 */
const identifier = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7e]+$/, 'must be printable ASCII');
const optionalIdentifier = (max: number) => identifier(max).optional();

const TEAMS_EVENT_TYPES = ['messageUpdate', 'messageDelete'];

const account = z
  .object({
    id: identifier(1024),
    name: z.string().max(1024).optional(),
    aadObjectId: optionalIdentifier(64),
    role: z.string().max(64).optional(),
    properties: z.object({}).passthrough().optional(),
  })
  .passthrough();

export const incomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: optionalIdentifier(1024),
    channelId: identifier(64),
    serviceUrl: z
      .string()
      .max(2048)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: identifier(2048),
        tenantId: optionalIdentifier(64),
        conversationType: z.string().max(64).optional(),
        isGroup: z.boolean().optional(),
        name: z.string().max(1024).optional(),
        aadObjectId: optionalIdentifier(64),
        role: z.string().max(64).optional(),
        properties: z.object({}).passthrough().optional(),
      })
      .passthrough(),
    text: z.string().max(28_000).optional(),
    locale: z.string().max(32).optional(),
    name: z.string().max(256).optional(),
    replyToId: optionalIdentifier(1024),
    channelData: z.object({}).passthrough().optional(),
    // conversationUpdate: botbuilder and the welcome iterate these, so they must be lists of accounts.
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .passthrough()
  .refine((a) => a.channelData !== undefined || !TEAMS_EVENT_TYPES.includes(a.type), {
    // TeamsActivityHandler reads channelData.eventType of these without checking that channelData exists.
    message: 'channelData is required for this activity type',
    path: ['channelData'],
  });

export type ActivityCheck = { ok: true } | { ok: false; problems: string[] };

export function checkIncomingActivity(body: unknown): ActivityCheck {
  const parsed = incomingActivity.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
    };
  }
  const illFormed = fieldWithLoneSurrogate(body as Record<string, unknown>);
  if (illFormed)
    return { ok: false, problems: [`${illFormed}: contains a lone surrogate (ill-formed Unicode)`] };
  return { ok: true };
}

// A lone surrogate can only come from a JSON escape such as "\ud800" (never from a Teams client); it makes
// encodeURIComponent throw, so a search or a reply with it fails deep inside the turn.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The top-level field holding a lone surrogate in any string or key, at any depth; walked without recursion. */
function fieldWithLoneSurrogate(activity: Record<string, unknown>): string | null {
  for (const [field, value] of Object.entries(activity)) {
    if (LONE_SURROGATE.test(field)) return 'body';
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      const node = pending.pop();
      if (typeof node === 'string') {
        if (LONE_SURROGATE.test(node)) return field;
      } else if (node && typeof node === 'object') {
        for (const [key, child] of Object.entries(node)) {
          if (LONE_SURROGATE.test(key)) return field;
          pending.push(child);
        }
      }
    }
  }
  return null;
}
