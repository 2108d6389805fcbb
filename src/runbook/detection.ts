// Requests the bot opens by itself when an account lands on the Restricted list. A restriction episode is
// one stay on the list: the address and the CreatedDatetime Exchange lists it with (a second restriction
// of the same account after an unblock is a new episode). Each episode becomes exactly one request, which
// waits (state open, nobody's) until an agent takes it over or the account leaves the list by itself.
import { openRequest } from './requestLifecycle.js';
import type { Actor, DetectionAlert, DirectoryUser, RestrictedSender, UnblockRequest } from './types.js';

/** The requester of a detected request until an agent takes it over. Never an Entra object id. */
export const DETECTION_ACTOR: Actor = {
  aadObjectId: 'unblock-assistant:detection',
  name: 'Unblock assistant',
};

/** The episode key: one per stay of an address on the Restricted list. */
export function episodeOf(restriction: RestrictedSender): string {
  const since = restriction.createdAt ?? restriction.changedAt ?? 'unknown';
  return `${restriction.senderAddress.toLowerCase()}|${since}`;
}

/** Opened by detection and not yet taken over by an agent. */
export function isUnclaimedDetection(request: UnblockRequest): boolean {
  return Boolean(request.detection) && !request.detection?.claimedBy;
}

/** Whether an agent follows this request (notes go to their chat); false for a detected one nobody took. */
export function hasAgent(request: UnblockRequest): boolean {
  return !isUnclaimedDetection(request);
}

export interface DetectedRequestInput {
  id: string;
  tenantId: string;
  target: DirectoryUser;
  restriction: RestrictedSender;
  alerts: DetectionAlert[];
  waveId: string | null;
  /** The language of the cards before anyone takes it over (the helpdesk's). */
  locale: string;
  now: Date;
}

export function detectedRequest(input: DetectedRequestInput): UnblockRequest {
  const request = openRequest({
    id: input.id,
    tenantId: input.tenantId,
    requester: DETECTION_ACTOR,
    conversationId: '',
    locale: input.locale,
    target: input.target,
    now: input.now,
  });
  return {
    ...request,
    restriction: input.restriction,
    detection: {
      episode: episodeOf(input.restriction),
      detectedAt: input.now.toISOString(),
      alerts: input.alerts,
      waveId: input.waveId,
      claimedBy: null,
      claimedAt: null,
    },
  };
}

/** The facts that hand a detected request to the agent who continues it. */
export function claimFacts(
  request: UnblockRequest,
  agent: Actor,
  conversationId: string,
  locale: string,
  now: Date,
) {
  return {
    requester: agent,
    conversationId,
    locale,
    detection: request.detection
      ? { ...request.detection, claimedBy: agent, claimedAt: now.toISOString() }
      : null,
  };
}
