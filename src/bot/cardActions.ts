// The one place a clicked card's data is parsed and its signature checked. Each family of verbs (runbook
// steps, approval decisions) declares its data schema and what its signature covers; an action that is not
// a known verb, does not match its schema, or is not signed by this bot is refused here, before any handler
// runs. Handlers receive typed, verified data only.
import type { z } from 'zod';
import {
  approvalActionParts,
  type CardSigner,
  detectionActionParts,
  evidenceActionParts,
  runbookActionParts,
  waveActionParts,
} from './cardSigning.js';
import {
  type ApprovalVerb,
  approvalCardData,
  approvalVerbs,
  type DetectionVerb,
  detectionCardData,
  detectionVerbs,
  type EvidenceVerb,
  evidenceCardData,
  evidenceVerbs,
  type RunbookCardData,
  type RunbookVerb,
  runbookCardData,
  runbookVerbs,
  type WaveVerb,
  waveCardData,
  waveVerbs,
} from './verbs.js';

export type CardAction =
  | { family: 'runbook'; verb: RunbookVerb; data: RunbookCardData }
  | { family: 'approval'; verb: ApprovalVerb; data: z.infer<typeof approvalCardData> }
  | { family: 'detection'; verb: DetectionVerb; data: z.infer<typeof detectionCardData> }
  | { family: 'evidence'; verb: EvidenceVerb; data: z.infer<typeof evidenceCardData> }
  | { family: 'wave'; verb: WaveVerb; data: z.infer<typeof waveCardData> };

interface Family<F extends CardAction['family'], V extends string, D> {
  family: F;
  verbs: readonly V[];
  schema: z.ZodType<D>;
  /** What the button's HMAC covers (ids and verb). */
  signedParts(data: D, verb: V): string[];
}

const runbook: Family<'runbook', RunbookVerb, RunbookCardData> = {
  family: 'runbook',
  verbs: runbookVerbs,
  schema: runbookCardData,
  signedParts: (data, verb) => runbookActionParts(data.runbookId, data.step, verb),
};

const approval: Family<'approval', ApprovalVerb, z.infer<typeof approvalCardData>> = {
  family: 'approval',
  verbs: approvalVerbs,
  schema: approvalCardData,
  signedParts: (data, verb) => approvalActionParts(data.requestId, verb),
};

const detection: Family<'detection', DetectionVerb, z.infer<typeof detectionCardData>> = {
  family: 'detection',
  verbs: detectionVerbs,
  schema: detectionCardData,
  signedParts: (data, verb) => detectionActionParts(data.requestId, verb),
};

const evidence: Family<'evidence', EvidenceVerb, z.infer<typeof evidenceCardData>> = {
  family: 'evidence',
  verbs: evidenceVerbs,
  schema: evidenceCardData,
  signedParts: (data, verb) => evidenceActionParts(data.requestId, data.finding, verb),
};

const wave: Family<'wave', WaveVerb, z.infer<typeof waveCardData>> = {
  family: 'wave',
  verbs: waveVerbs,
  schema: waveCardData,
  signedParts: (data, verb) => waveActionParts(data.waveId, data.requestId, verb),
};

function verified<F extends CardAction['family'], V extends string, D>(
  family: Family<F, V, D>,
  signer: CardSigner,
  verb: string,
  raw: Record<string, unknown>,
): { family: F; verb: V; data: D } | null {
  // Stryker disable next-line ConditionalExpression: equivalent, the signature covers the verb, so another family's verb never verifies
  if (!(family.verbs as readonly string[]).includes(verb)) return null;
  const data = family.schema.safeParse(raw);
  if (!data.success) return null;
  const sig = (data.data as { sig: string }).sig;
  if (!signer.verify(sig, ...family.signedParts(data.data, verb as V))) return null;
  return { family: family.family, verb: verb as V, data: data.data };
}

/** The verified action, or null when the verb, its data or its signature is not one this bot issued. */
export function verifyCardAction(
  signer: CardSigner,
  verb: string,
  data: Record<string, unknown>,
): CardAction | null {
  return (
    verified(runbook, signer, verb, data) ??
    verified(approval, signer, verb, data) ??
    verified(detection, signer, verb, data) ??
    verified(evidence, signer, verb, data) ??
    verified(wave, signer, verb, data)
  );
}
