// Reading JSON documents back from the database. JSON.parse creates "__proto__" as an own property rather
// than setting the prototype, but a caller that later Object.assign()s or spreads-into-a-target the value
// (botbuilder's storage helpers do) would set the prototype of that target. Dropping the key here
// removes that path for every value that leaves the store.

/** Parses a stored document that must be a JSON object (or array), without any "__proto__" keys. */
export function parseStoredObject(text: string, what: string): object {
  // The reviver makes parsing ~3× slower, so it runs only when the key could be there: spelled out, or
  // hidden behind a \u escape.
  const mayHideProto = text.includes('__proto__') || text.includes('\\u');
  const value: unknown = mayHideProto
    ? JSON.parse(text, (key, item: unknown) => (key === '__proto__' ? undefined : item))
    : JSON.parse(text);
  if (typeof value !== 'object' || value === null) {
    throw new Error(`The stored ${what} is not a JSON object.`);
  }
  return value;
}
