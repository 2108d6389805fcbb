// Temporary passwords for the runbook's "reset the password immediately" step. Cryptographically random
// (crypto.randomInt), every character class present so Entra's complexity rule always passes, no
// look-alike characters (the agent reads it out or types it), and no characters that Adaptive Card
// markdown would eat (* _ - at the start of a line). Never logged, stored or sent by email.
import crypto from 'node:crypto';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I, O
const LOWER = 'abcdefghijkmnopqrstuvwxyz'; // no l
const DIGITS = '23456789'; // no 0, 1
const SYMBOLS = '!#$%+=?@^';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

export const MIN_PASSWORD_LENGTH = 16;
const MAX_PASSWORD_LENGTH = 256; // Entra's maximum

export function generateTemporaryPassword(length = 20): string {
  if (!Number.isInteger(length) || length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new RangeError(
      `password length must be an integer in ${MIN_PASSWORD_LENGTH}..${MAX_PASSWORD_LENGTH}`,
    );
  }
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map(pick);
  while (chars.length < length) chars.push(pick(ALL));
  // Fisher–Yates with an unbiased random index, so the guaranteed characters land anywhere.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet.charAt(crypto.randomInt(alphabet.length));
}
