// How values become Azure Table keys and properties. Table keys may not contain / \ # ? or control
// characters and are compared as strings, so ids are escaped (prefix-preserving, so a key prefix can be
// searched as a RowKey range), times are fixed-width numbers (so string order is time order), and JSON
// documents are split over several properties (one string property holds at most 64 KiB).
import { randomBytes } from 'node:crypto';
import { parseStoredObject } from '../sqlite/json.js';

/** Characters kept as they are in keys; everything else is written as !XX per UTF-8 byte. */
const SAFE = /[A-Za-z0-9._~:@=+-]/;

/**
 * Escapes any string into a valid key. Each character has one fixed spelling, so the escaped form of a
 * prefix is a prefix of the escaped form of every key that starts with it, and different strings never
 * share an escaped form.
 */
export function escapeKey(value: string): string {
  let escaped = '';
  for (const char of value) {
    if (SAFE.test(char)) escaped += char;
    else
      for (const byte of Buffer.from(char, 'utf8'))
        escaped += `!${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

/** The smallest string greater than every string that starts with `prefix` (for a RowKey range). */
export function afterPrefix(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** An OData filter for RowKeys starting with `prefix` in one partition. */
export function rowKeyRange(partitionKey: string, prefix: string): string {
  const p = quote(partitionKey);
  if (prefix === '') return `PartitionKey eq ${p}`;
  return `PartitionKey eq ${p} and RowKey ge ${quote(prefix)} and RowKey lt ${quote(afterPrefix(prefix))}`;
}

/** An OData string literal. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const MAX_MS = 9_999_999_999_999;

/** Milliseconds since 1970 as 13 digits: ascending string order is ascending time. */
export function ascendingTime(iso: string): string {
  return String(Date.parse(iso)).padStart(13, '0');
}

/** 13 digits that sort the newest time first. */
export function descendingTime(iso: string): string {
  return String(MAX_MS - Date.parse(iso)).padStart(13, '0');
}

/**
 * A string whose ascending order is `value`'s descending order: each UTF-16 unit complemented, as four
 * hex digits, then a character above every hex digit so that "ab" sorts after "abc".
 */
export function descendingText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) out += (0xffff - value.charCodeAt(i)).toString(16).padStart(4, '0');
  return `${out}~`;
}

let lastMs = 0;
let counter = 0;

/**
 * An ever-increasing sequence key for this process (time, counter, random): rows appended one after the
 * other sort in that order, and keys from different processes interleave by time without colliding.
 */
export function sequenceKey(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter += 1;
  }
  return `${String(lastMs).padStart(13, '0')}-${String(counter).padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
}

/** Characters per document property: a string property holds 64 KiB, i.e. 32 K UTF-16 units. */
const CHUNK = 30_000;

/** A JSON document as entity properties d0, d1, … and their count. */
export function documentProperties(value: unknown): Record<string, string | number> {
  const text = JSON.stringify(value);
  const properties: Record<string, string | number> = {};
  let count = 0;
  for (let at = 0; at < text.length || count === 0; at += CHUNK) {
    properties[`d${count}`] = text.slice(at, at + CHUNK);
    count += 1;
  }
  properties.dn = count;
  return properties;
}

/** The JSON document stored with documentProperties, parsed without any "__proto__" keys. */
export function documentOf(entity: Record<string, unknown>, what: string): object {
  const count = typeof entity.dn === 'number' ? entity.dn : 0;
  let text = '';
  for (let i = 0; i < count; i++) {
    const part = entity[`d${i}`];
    if (typeof part !== 'string') throw new Error(`The stored ${what} is incomplete.`);
    text += part;
  }
  return parseStoredObject(text, what);
}
