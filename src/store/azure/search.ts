// The request list of the Requests tab on Azure Table Storage. Tables have no secondary or full-text
// indexes, so the list walks the narrowest request index (the requester's, else the creation-time one)
// newest first and filters each request in memory, stopping after one page: a page costs what it must read
// to find `limit` matches, which is one page of reads for the common views (newest requests, one requester)
// and more for rare filters over a large store. Word search matches like the SQLite store's: each word's
// letters and digits must start consecutive words of the name, addresses, requester or id, accents ignored.
// Cursors are opaque to callers: "c:<createdAt>|<id>" for lists, "w:<createdAt>|<id>" for word searches.
import type { Actor, UnblockRequest } from '../../runbook/index.js';
import type { RequestListPage, RequestListQuery, RequestSearch } from '../ports.js';
import type { ChangeMarker } from './changeMarker.js';
import { indexPartition, type RequestIndex } from './requestIndex.js';

type Position = { createdAt: string; id: string };

function tokens(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Whether `phrase`'s tokens start consecutive tokens of `text` (the last one as a prefix). */
function containsPhrase(text: string[], phrase: string[]): boolean {
  for (let at = 0; at + phrase.length <= text.length; at++) {
    const matches = phrase.every((token, i) =>
      i === phrase.length - 1 ? (text[at + i] ?? '').startsWith(token) : text[at + i] === token,
    );
    if (matches) return true;
  }
  return false;
}

function searchableTokens(request: UnblockRequest): string[][] {
  return [
    request.target.displayName,
    request.target.userPrincipalName,
    request.target.mail ?? '',
    request.requester.name,
    request.id,
  ].map(tokens);
}

function parseCursor(text: string, kind: 'c' | 'w'): Position | null {
  const match = /^([cw]):([^|]{1,40})\|(.{1,200})$/s.exec(text);
  if (!match || match[1] !== kind) return null;
  return { createdAt: match[2] as string, id: match[3] as string };
}

/** Newest first: createdAt descending, then id descending (the order of the creation index). */
function isAfter(request: UnblockRequest, position: Position): boolean {
  if (request.createdAt !== position.createdAt) return request.createdAt < position.createdAt;
  return request.id < position.id;
}

export class AzureRequestSearch implements RequestSearch {
  constructor(
    private readonly index: RequestIndex,
    private readonly load: (id: string) => Promise<UnblockRequest | null>,
    private readonly marker: ChangeMarker,
  ) {}

  async list(query: RequestListQuery): Promise<RequestListPage | 'bad-cursor'> {
    const phrases = (query.words ?? []).map(tokens).filter((phrase) => phrase.length > 0);
    const kind = phrases.length > 0 ? 'w' : 'c';
    const after = query.after === undefined ? null : parseCursor(query.after, kind);
    if (query.after !== undefined && !after) return 'bad-cursor';
    const prefix = query.targetPrefix?.toLowerCase();
    const keep = (r: UnblockRequest) =>
      (!after || isAfter(r, after)) &&
      (!query.states || query.states.includes(r.state)) &&
      (!prefix || r.target.userPrincipalName.toLowerCase().startsWith(prefix)) &&
      (!query.requesterId || r.requester.aadObjectId === query.requesterId) &&
      (!query.createdFrom || r.createdAt >= query.createdFrom) &&
      (!query.createdBefore || r.createdAt < query.createdBefore) &&
      (phrases.length === 0 || matchesEvery(searchableTokens(r), phrases));
    const partition = query.requesterId
      ? indexPartition.requester(query.requesterId)
      : indexPartition.created;
    // One more than a page tells whether another page follows.
    const found = await this.index.list([partition], this.load, query.limit + 1, keep);
    const page = found.slice(0, query.limit);
    const last = page.at(-1);
    const next = found.length > query.limit && last ? `${kind}:${last.createdAt}|${last.id}` : null;
    return { requests: page, next };
  }

  async requesters(limit: number): Promise<Actor[]> {
    const newest = new Map<string, Actor>();
    for (const request of await this.index.list([indexPartition.created], this.load)) {
      if (!newest.has(request.requester.aadObjectId))
        newest.set(request.requester.aadObjectId, request.requester);
    }
    return [...newest.values()]
      .sort(
        (a, b) =>
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
          (a.aadObjectId < b.aadObjectId ? -1 : 1),
      )
      .slice(0, limit);
  }

  changeMarker(): Promise<string> {
    return this.marker.read();
  }
}

function matchesEvery(fields: string[][], phrases: string[][]): boolean {
  return phrases.every((phrase) => fields.some((field) => containsPhrase(field, phrase)));
}
