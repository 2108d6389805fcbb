// The runbook flow's vocabulary: its persisted state, its inputs and outcomes, and what it needs.
import type { Logger } from 'pino';
import type { Language, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import type { Actor, RunbookStep } from '../../runbook/index.js';
import type { TenantGateway } from '../../tenant/index.js';
import type { SignCard } from '../cardSigning.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { RunbookCardData, RunbookVerb } from '../verbs.js';

/** Persisted between turns in the dialog state. Never holds a password. */
export interface RunbookState {
  runbookId: string;
  step: RunbookStep;
  /** Pinned when the runbook starts: Teams may send another locale on a later invoke. */
  language: Language;
  query?: string;
  candidateIds?: string[];
  requestId?: string;
}

export type FlowInput =
  | { kind: 'text'; text: string }
  | { kind: 'action'; verb: RunbookVerb; data: RunbookCardData };

/** Who is talking and where: taken from the activity by src/bot, validated there. */
export interface TurnParty {
  actor: Actor;
  conversationId: string;
  tenantId: string;
}

export interface FlowOutcome {
  /** Replaces the clicked card for the clicker only (the invoke response). */
  invokeCard?: AdaptiveCardJson;
  /** Sent as new messages in the conversation. */
  messages: AdaptiveCardJson[];
  /** null when the runbook has ended. */
  state: RunbookState | null;
}

export interface RunbookFlowDeps {
  tenant: TenantGateway;
  lifecycle: RequestLifecycle;
  t: Translator;
  logger: Logger;
  generatePassword: () => string;
  /** Signs the ids on each card button (see cardSigning.ts). */
  signCard: SignCard;
  newId?: () => string;
}

/** The dialog state no longer matches the stored request (e.g. it was deleted or changed elsewhere). */
export class RunbookStateError extends Error {
  override readonly name = 'RunbookStateError';
}
