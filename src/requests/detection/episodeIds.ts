// The id of the request a restriction episode becomes, derived from the episode itself: every worker, after
// any restart, computes the same id, so the store's create-if-absent on it is the claim that makes each
// episode exactly one request however many workers see it.
import { createHash } from 'node:crypto';

/** A UUID (RFC 9562 version 8, name-based) for `episode` in `tenantId`. */
export function detectedRequestId(tenantId: string, episode: string): string {
  const hex = createHash('sha256')
    .update(`unblock-assistant detection\n${tenantId}\n${episode}`)
    .digest('hex');
  // The variant nibble is 8 to b whichever digit it is taken from; the id is as unique and stable either way.
  // Stryker disable next-line MethodExpression: equivalent (see above)
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
