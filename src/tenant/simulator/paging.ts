// Server-driven paging shared by Graph and Exchange routes: an opaque $skiptoken in @odata.nextLink.

export class PagingError extends Error {
  override readonly name = 'PagingError';
}

export interface Page<T> {
  value: T[];
  nextLink: string | undefined;
}

/** Slices `items` at the offset in `url`'s $skiptoken; nextLink is `url` with the next token. */
export function pageOf<T>(items: T[], url: URL, pageSize: number): Page<T> {
  const offset = readSkipToken(url.searchParams.get('$skiptoken'));
  const value = items.slice(offset, offset + pageSize);
  if (offset + pageSize >= items.length) return { value, nextLink: undefined };
  const next = new URL(url.href);
  next.searchParams.set('$skiptoken', Buffer.from(`o:${offset + pageSize}`).toString('base64url'));
  return { value, nextLink: next.href };
}

function readSkipToken(token: string | null): number {
  if (token === null) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new PagingError('invalid $skiptoken');
  return Number(match[1]);
}

/** Parses an integer query option in [min, max], or returns `fallback` when absent. */
export function intOption(raw: string | null, min: number, max: number, fallback: number): number {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new PagingError(`value must be an integer in ${min}..${max}`);
  return n;
}
