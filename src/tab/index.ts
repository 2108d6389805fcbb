// The Requests tab: its pages and scripts (web.ts, built by bundle.ts), its API (api.ts) with Entra single
// sign-on (tokens.ts) and roles (access.ts), and the local preview of the simulated mode (preview.ts).
// It reaches requests only through the request lifecycle and the store's read ports.
import type { Logger } from 'pino';
import type { GroupMembership, RequestLifecycle } from '../requests/index.js';
import type { Store } from '../store/index.js';
import { TabAccess } from './access.js';
import { createTabApi } from './api.js';
import { TEAMS_FRAME_ANCESTORS } from './csp.js';
import type { TabRoute } from './routes.js';
import { createEntraTokenVerifier } from './tokens.js';
import { createTabWeb, type LoadedBundle, type PreviewSignIn } from './web.js';

export { loadTabBundle } from './assets.js';

export { simulatedPreviewSignIn } from './preview.js';
export type { TabRoute } from './routes.js';
export type { LoadedBundle, PreviewSignIn } from './web.js';

/** The app id the simulated mode's tab signs people in for when no MicrosoftAppId is configured. */
export const LOCAL_TAB_APP_ID = '00000000-0000-4000-8000-00000000ab1e';
export const LOCAL_TAB_DOMAIN = 'localhost';

export interface TabIdentity {
  /** MicrosoftAppId, or LOCAL_TAB_APP_ID in the simulated mode; undefined: the API cannot verify sign-ins. */
  appId: string | undefined;
  /** BOT_DOMAIN (LOCAL_TAB_DOMAIN in the simulated mode). */
  domain: string | undefined;
  authorityHost: string;
  allowedTenantIds: string[];
}

/** The audiences a token may carry: the Application ID URI (v1 tokens) and the app id (v2.0 tokens). */
export function tabAudiences(identity: Pick<TabIdentity, 'appId' | 'domain'>): string[] {
  if (!identity.appId) return [];
  return [...(identity.domain ? [`api://${identity.domain}/${identity.appId}`] : []), identity.appId];
}

export interface TabDeps {
  identity: TabIdentity;
  membership: GroupMembership;
  lifecycle: Pick<RequestLifecycle, 'get' | 'decide'>;
  store: Pick<Store, 'search' | 'audit'>;
  allowSelfApproval: boolean;
  bundle: LoadedBundle | null;
  /** The local preview (simulated mode only): it frames the tab from this origin. */
  preview: PreviewSignIn | null;
  logger: Logger;
}

export function createTab(deps: TabDeps): TabRoute[] {
  const audiences = tabAudiences(deps.identity);
  const verifier =
    audiences.length > 0
      ? createEntraTokenVerifier({
          authorityHost: deps.identity.authorityHost,
          audiences,
          allowedTenantIds: deps.identity.allowedTenantIds,
        })
      : null;
  return [
    ...createTabWeb({
      bundle: deps.bundle,
      frameAncestors: [...TEAMS_FRAME_ANCESTORS, ...(deps.preview ? ["'self'"] : [])],
      preview: deps.preview,
      logger: deps.logger,
    }),
    ...createTabApi({
      verifier,
      access: new TabAccess(deps.membership),
      lifecycle: deps.lifecycle,
      search: deps.store.search,
      audit: deps.store.audit,
      allowSelfApproval: deps.allowSelfApproval,
      logger: deps.logger,
    }),
  ];
}
