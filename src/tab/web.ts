// The tab's pages and files: /tab (the Requests tab: personal and channel), /tab/config (the channel tab's
// configuration page), /tab/assets/* (scripts named by content: cached for a year, gzip or brotli as the
// browser accepts), /privacy, /terms, and in the local simulated mode /tab/preview (a Teams-like host that
// signs in as a seeded person). Every HTML response has its own nonce and Content-Security-Policy.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { EntryName } from './bundle.js';
import { contentSecurityPolicy, newNonce, PAGE_HEADERS } from './csp.js';
import { privacyPage, termsPage } from './pages.js';
import { header, type TabReply, type TabRequest, type TabRoute } from './routes.js';

/** A script of the bundle in the three encodings it is served in. */
export interface BundleFile {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export interface LoadedBundle {
  scripts: Record<EntryName, string>;
  files: Map<string, BundleFile>;
}

export interface PreviewPerson {
  id: string;
  name: string;
  userPrincipalName: string;
  /** What the person is in the seeded tenant, to help choose: an approver, the helpdesk, neither. */
  role: 'approver' | 'helpdesk' | 'none';
}

/** The local simulated mode's sign-in: seeded people and tokens from the simulated tenant's authority. */
export interface PreviewSignIn {
  people(): Promise<PreviewPerson[]>;
  /** A single sign-on token for the person, as Teams would get it for the tab; null for an unknown id. */
  token(personId: string): Promise<string | null>;
}

export interface TabWebDeps {
  /** Null when the bundle could not be built: the pages answer 503 and say so. */
  bundle: LoadedBundle | null;
  /** Teams and Microsoft 365 hosts, plus this origin in the simulated mode (the local preview frames it). */
  frameAncestors: readonly string[];
  /** Present only in the local simulated mode. */
  preview: PreviewSignIn | null;
  logger: Logger;
}

type PageKind = 'tab' | 'config' | 'preview';
const TITLES: Record<PageKind, string> = {
  tab: 'Unblock requests',
  config: 'Unblock requests: set up the tab',
  preview: 'Unblock requests: local preview',
};
const previewTokenBody = z.object({ person: z.string().min(1).max(100) });

function html(kind: PageKind, script: string, nonce: string, simulated: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csp-nonce" content="${nonce}">
<title>${TITLES[kind]}</title>
<script src="/tab/assets/${script}" defer></script>
</head>
<body data-page="${kind}" data-simulated="${simulated}">
<div id="root"><p>Loading…</p></div>
<noscript>This page needs JavaScript. Open it in Microsoft Teams.</noscript>
</body>
</html>
`;
}

function pageReply(deps: TabWebDeps, kind: PageKind): TabReply {
  const nonce = newNonce();
  const script = deps.bundle?.scripts[kind === 'preview' ? 'preview' : 'tab'];
  const isPreview = kind === 'preview';
  const csp = contentSecurityPolicy({
    nonce,
    frameAncestors: isPreview ? [] : deps.frameAncestors,
    framesSelf: isPreview,
    connects: true,
  });
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    // Each response has its own nonce: never reuse one from a cache.
    'cache-control': 'no-store',
    'content-security-policy': csp,
    ...PAGE_HEADERS,
  };
  if (!script) {
    return {
      status: 503,
      headers,
      raw: '<!doctype html><html lang="en"><title>Unblock requests</title><p>The Requests tab is not built. Run <code>npm run build:tab</code> and restart.</p></html>\n',
    };
  }
  return { status: 200, headers, raw: html(kind, script, nonce, deps.preview !== null) };
}

/** br, then gzip, then plain, as the browser accepts them (q=0 refuses). */
function encodingFor(request: TabRequest): 'br' | 'gzip' | 'identity' {
  const accepted = (header(request, 'accept-encoding') ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name?.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
}

function notFound(): TabReply {
  return { status: 404, json: { error: 'NotFound', message: 'There is no such file.' } };
}

export function createTabWeb(deps: TabWebDeps): TabRoute[] {
  const routes: TabRoute[] = [
    { method: 'GET', path: '/tab', handle: async () => pageReply(deps, 'tab') },
    { method: 'GET', path: '/tab/', handle: async () => pageReply(deps, 'tab') },
    { method: 'GET', path: '/tab/config', handle: async () => pageReply(deps, 'config') },
    {
      method: 'GET',
      path: '/tab/assets/:file',
      async handle(request) {
        const file = deps.bundle?.files.get(request.params.file ?? '');
        if (!file) return notFound();
        const encoding = encodingFor(request);
        return {
          status: 200,
          raw: encoding === 'identity' ? file.identity : file[encoding],
          headers: {
            'content-type': 'text/javascript; charset=utf-8',
            'cache-control': 'public, max-age=31536000, immutable',
            vary: 'Accept-Encoding',
            'x-content-type-options': 'nosniff',
            ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
          },
        };
      },
    },
    { method: 'GET', path: '/privacy', handle: async () => privacyPage() },
    { method: 'GET', path: '/terms', handle: async () => termsPage() },
  ];
  const { preview } = deps;
  if (preview) {
    routes.push(
      { method: 'GET', path: '/tab/preview', handle: async () => pageReply(deps, 'preview') },
      {
        method: 'GET',
        path: '/tab/preview/people',
        handle: async () => ({
          status: 200,
          json: { people: await preview.people() },
          headers: { 'cache-control': 'no-store' },
        }),
      },
      {
        method: 'POST',
        path: '/tab/preview/token',
        async handle(request) {
          const body = previewTokenBody.safeParse(request.body);
          if (!request.isJson || !body.success)
            return { status: 400, json: { error: 'BadQuery', message: 'Send {"person": "<id>"} as JSON.' } };
          const token = await preview.token(body.data.person);
          if (!token)
            return {
              status: 404,
              json: { error: 'NotFound', message: 'No such person in the simulated tenant.' },
            };
          return { status: 200, json: { token }, headers: { 'cache-control': 'no-store' } };
        },
      },
    );
  }
  return routes;
}
