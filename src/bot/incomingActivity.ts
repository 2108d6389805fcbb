// The shape an activity must have before botbuilder sees it. botbuilder answers many malformed activities
// with HTTP 500 (platform-notes.md); we answer 400 with what is wrong instead.
import { z } from 'zod';

const account = z
  .object({
    id: z.string().min(1).max(1024),
    name: z.string().max(1024).optional(),
    aadObjectId: z.string().max(64).optional(),
  })
  .passthrough();

export const incomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z
      .string()
      .max(2048)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: z.string().min(1).max(2048),
        tenantId: z.string().max(64).optional(),
        conversationType: z.string().max(64).optional(),
      })
      .passthrough(),
    text: z.string().max(28_000).optional(),
    locale: z.string().max(32).optional(),
    name: z.string().max(256).optional(),
    replyToId: z.string().max(1024).optional(),
  })
  .passthrough();

export type ActivityCheck = { ok: true } | { ok: false; problems: string[] };

export function checkIncomingActivity(body: unknown): ActivityCheck {
  const parsed = incomingActivity.safeParse(body);
  if (parsed.success) return { ok: true };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
  };
}
