// Caller-supplied list limits, checked once for every Azure list.

/** A list limit: an integer ≥ 0, or `fallback` (no limit) when not given. */
export function checkLimit(limit: number | undefined, fallback = Number.POSITIVE_INFINITY): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be an integer ≥ 0, got ${limit}`);
  return limit;
}
