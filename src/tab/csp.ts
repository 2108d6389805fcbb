// Content-Security-Policy for the tab's pages: scripts only from this origin, styles only from this origin or
// with the response's nonce (Fluent UI writes its styles at run time into <style> elements it gives the
// nonce), no plugins, no forms, no base, and framing only by Teams and the Microsoft 365 hosts that run
// Teams apps. https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
import { randomBytes } from 'node:crypto';

/** Hosts allowed to frame the tab: Teams, Microsoft 365 (Office), Outlook, and the cloud.microsoft domains. */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** teams-js reads its list of valid host origins from here (falls back to a built-in list). */
const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface PagePolicy {
  nonce?: string;
  /** Extra script/style hashes ('sha256-…') for static pages with an inline block. */
  styleHashes?: string[];
  /** Who may frame the page: Teams hosts, plus this origin for the local preview. */
  frameAncestors: readonly string[];
  /** Whether the page frames this origin (the local preview host). */
  framesSelf?: boolean;
  /** Whether the page talks to the API (connect-src). */
  connects?: boolean;
}

export function contentSecurityPolicy(policy: PagePolicy): string {
  const styles = [
    "'self'",
    ...(policy.nonce ? [`'nonce-${policy.nonce}'`] : []),
    ...(policy.styleHashes ?? []),
  ];
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styles.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${policy.connects ? `'self' ${TEAMS_JS_ORIGINS_CDN}` : "'none'"}`,
    `frame-src ${policy.framesSelf ? "'self'" : "'none'"}`,
    `frame-ancestors ${policy.frameAncestors.length > 0 ? policy.frameAncestors.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ];
  return directives.join('; ');
}

/** Headers every tab page carries besides its policy. */
export const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin-allow-popups',
} as const;
