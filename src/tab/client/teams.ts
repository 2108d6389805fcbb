// The tab's link to its Teams host through @microsoft/teams-js: initialize, the person's context (locale,
// theme, frame), single sign-on tokens, live theme changes, and the channel tab's configuration. Outside a
// Teams host (opened in a browser tab, or framed by something that never answers) it yields null.
import { app, authentication, pages } from '@microsoft/teams-js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsSession {
  locale: string;
  theme: TeamsTheme;
  /** 'content' for the tab itself, 'settings' for the channel tab's configuration page. */
  frameContext: string;
  /** Teams single sign-on: an access token for this app's API (webApplicationInfo.resource). */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
  /** Tells Teams the page is ready (it hides its loading indicator). */
  loaded(): void;
  /** The configuration page's Save: what the channel tab shows, under which name. */
  onSave(save: () => { contentUrl: string; websiteUrl: string; suggestedDisplayName: string }): void;
  setSaveEnabled(valid: boolean): void;
}

/** How long a host that frames the page may take to answer initialize before the page says "open it in Teams". */
const INITIALIZE_TIMEOUT_MS = 10_000;

function asTheme(theme: string | undefined): TeamsTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

export async function connectToTeams(): Promise<TeamsSession | null> {
  // Not framed and not opened by a host: teams-js has nobody to talk to.
  if (window.parent === window && !window.opener) return null;
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), INITIALIZE_TIMEOUT_MS),
  );
  try {
    if ((await Promise.race([app.initialize(), timeout])) === 'timeout') return null;
  } catch {
    return null;
  }
  const context = await app.getContext();
  return {
    locale: context.app.locale,
    theme: asTheme(context.app.theme),
    frameContext: context.page.frameContext ?? 'content',
    getToken: () => authentication.getAuthToken(),
    onThemeChange(handler) {
      app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme)));
    },
    loaded() {
      app.notifySuccess().catch(() => {
        // Hosts without the notifySuccess response still show the page; nothing to do.
      });
    },
    onSave(save) {
      pages.config.registerOnSaveHandler((event) => {
        const config = save();
        pages.config
          .setConfig({ entityId: 'requests', ...config })
          .then(() => event.notifySuccess())
          .catch((error: unknown) =>
            event.notifyFailure(error instanceof Error ? error.message : 'save failed'),
          );
      });
    },
    setSaveEnabled(valid) {
      pages.config.setValidityState(valid);
    },
  };
}
