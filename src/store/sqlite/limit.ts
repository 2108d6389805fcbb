// Caller-supplied list limits, checked once for every SQLite list query.

/** A SQL LIMIT from an optional caller limit: -1 is "no limit" to SQLite. */
export function sqlLimit(limit: number | undefined, fallback = -1): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be an integer ≥ 0, got ${limit}`);
  return limit;
}
