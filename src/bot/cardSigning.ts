// HMAC on the ids a card button carries (runbook id + step + verb, or request id + verb), so data that was
// tampered with, or copied from one request's card onto another, is refused before anything acts on it.
// The server still authorizes and decides from the stored request; the signature only proves "this
// button came from a card this bot built for exactly this runbook/request and action".
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { StateStore } from '../store/index.js';

/** Signs the ids of one card action; pure for a given key, so card builders stay pure. */
export type SignCard = (...parts: string[]) => string;

export interface CardSigner {
  sign: SignCard;
  /** True when `signature` is what `sign(...parts)` gives. Constant-time. */
  verify(signature: string, ...parts: string[]): boolean;
}

/** What a runbook button's signature covers: the runbook, the step the button answers, and its verb. */
export function runbookActionParts(runbookId: string, step: string, verb: string): string[] {
  return ['runbook', runbookId, step, verb];
}

/** What an approval button's signature covers: the request and the verb (approve, reject, refresh). */
export function approvalActionParts(requestId: string, verb: string): string[] {
  return ['approval', requestId, verb];
}

/** Where the generated key is kept, beside the dialog state. */
export const CARD_SIGNING_STATE_KEY = 'card-signing-key';

const storedKey = z.object({ key: z.string().min(40) });

export function createCardSigner(key: Buffer): CardSigner {
  const sign: SignCard = (...parts) =>
    // JSON keeps the parts apart: ("a|b", "c") and ("a", "b|c") sign differently.
    createHmac('sha256', key)
      .update(JSON.stringify(['card.v1', ...parts]))
      .digest('base64url');
  return {
    sign,
    verify(signature, ...parts) {
      const expected = Buffer.from(sign(...parts));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * The signing key: from CARD_SIGNING_SECRET when set, else generated once with crypto.randomBytes and kept
 * in the store (create-if-absent, so processes starting together agree), so every process sharing the store
 * (bot instances, `npm run worker`) signs alike and cards stay valid across restarts. The key is never logged
 * or shown.
 */
/** The key every instance configured with the same CARD_SIGNING_SECRET derives. */
export function cardSigningKeyFromSecret(secret: string): Buffer {
  return createHash('sha256').update(`unblock-assistant card signing\n${secret}`).digest();
}

export async function loadCardSigningKey(state: StateStore, secret: string | undefined): Promise<Buffer> {
  if (secret) return cardSigningKeyFromSecret(secret);
  const existing = await readKey(state);
  if (existing) return existing;
  // Several processes starting on a fresh store (bot instances, workers) each offer a key; the store keeps
  // the first, and everyone reads back the one it kept.
  await state.writeIfAbsent(CARD_SIGNING_STATE_KEY, { key: randomBytes(32).toString('base64') });
  const stored = await readKey(state);
  if (!stored) throw new Error('the card signing key could not be read back from the store');
  return stored;
}

async function readKey(state: StateStore): Promise<Buffer | null> {
  const item = (await state.read([CARD_SIGNING_STATE_KEY]))[CARD_SIGNING_STATE_KEY];
  const parsed = storedKey.safeParse(item?.value);
  return parsed.success ? Buffer.from(parsed.data.key, 'base64') : null;
}
