// The card verbs the bot understands, and the schemas every invoke is parsed with before anything acts on it.
import { z } from 'zod';
import { runbookSteps } from '../runbook/index.js';

export const runbookVerbs = [
  'runbook.search',
  'runbook.chooseUser',
  'runbook.passwordAlreadyReset',
  'runbook.passwordResetNow',
  'runbook.passwordNoted',
  'runbook.passwordOnPremisesDone',
  'runbook.passwordResetByHand',
  'runbook.restrictionContinue',
  'runbook.revokeSessions',
  'runbook.checksContinue',
  'runbook.unblock',
  'runbook.confirm',
  'runbook.cancel',
] as const;
export type RunbookVerb = (typeof runbookVerbs)[number];

/** The HMAC a card button carries over its ids and verb (cardSigning.ts). */
const signature = z.string().min(1).max(128);

/** What a runbook card carries: ids only. Inputs (query, userId) are merged in by the client. */
export const runbookCardData = z.object({
  runbookId: z.string().uuid(),
  step: z.enum(runbookSteps),
  sig: signature,
  query: z.string().max(256).optional(),
  userId: z.string().max(128).optional(),
});
export type RunbookCardData = z.infer<typeof runbookCardData>;

/** The value of an `adaptiveCard/action` invoke (Universal Actions). */
export const adaptiveCardInvokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export const approvalVerbs = [
  'approval.approve',
  'approval.reject',
  'approval.retry',
  'approval.refresh',
] as const;
export type ApprovalVerb = (typeof approvalVerbs)[number];

/** What an approval card carries: the request id and its signature; the comment is the approver's input. */
export const approvalCardData = z.object({
  requestId: z.string().uuid(),
  sig: signature,
  comment: z.string().max(500).optional(),
});
