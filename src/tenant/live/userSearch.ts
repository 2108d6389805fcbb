// Turning what an agent types ("rob", "rob@contoso.com", a UPN) into safe Graph $filter expressions
// (m365-contracts.md §3.4: startswith on the default index needs no advanced-query headers), and ranking
// the results so the most likely person comes first.
import type { DirectoryUser } from '../../runbook/index.js';

export const MAX_QUERY_LENGTH = 256;

/**
 * Trimmed, control characters and lone surrogates removed (they make URL encoding throw), whitespace
 * collapsed; null when empty or longer than 256.
 */
export function normaliseQuery(raw: string): string | null {
  const cleaned = raw
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || cleaned.length > MAX_QUERY_LENGTH) return null;
  return cleaned;
}

/** An OData string literal: single quotes are doubled. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function exactAddressFilter(address: string): string {
  const literal = odataString(address);
  return `userPrincipalName eq ${literal} or mail eq ${literal}`;
}

export function prefixFilter(prefix: string): string {
  const literal = odataString(prefix);
  return `startswith(userPrincipalName,${literal}) or startswith(mail,${literal}) or startswith(displayName,${literal})`;
}

/** Exact address matches first, then "rob" == local part of rob@…, then display name prefix, then by name. */
export function rankUsers(users: DirectoryUser[], query: string): DirectoryUser[] {
  const q = query.toLowerCase();
  const score = (u: DirectoryUser): number => {
    const addresses = [u.userPrincipalName, u.mail ?? ''].map((a) => a.toLowerCase());
    if (addresses.includes(q)) return 0;
    if (addresses.some((a) => a.split('@')[0] === q)) return 1;
    if (u.displayName.toLowerCase().startsWith(q)) return 2;
    return 3;
  };
  return [...users].sort((a, b) => score(a) - score(b) || a.displayName.localeCompare(b.displayName));
}
