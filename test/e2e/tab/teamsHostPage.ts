// A host page that frames the Requests tab the way Teams does and answers teams-js 2.x over postMessage
// (@microsoft/teams-js src/internal/communication.ts): the tab posts {id, uuidAsString, func, args} to its
// parent; the host answers {id, uuidAsString, args}, and pushes events as {func, args}.
//   initialize                  → [frameContext, hostClientType, runtime config (JSON), SDK version]
//   getContext                  → [legacy context: locale, theme, userObjectId, tid, entityId, …]
//   authentication.getAuthToken → [true, token] (the token comes from the test: window.hostToken())
// It is served on the tab's own origin, as Teams' pages are on a Teams origin teams-js trusts.
export const HOST_PATH = '/e2e/teams-host';

export interface HostSettings {
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  userObjectId: string;
  userPrincipalName: string;
  tenantId: string;
  /** Path of the tab in the frame (the personal tab is /tab). */
  tabPath: string;
  width: number;
}

const RUNTIME = JSON.stringify({
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: { lifecycle: { caching: {} } },
    appInstallDialog: {},
    dialog: { card: { bot: {} }, url: { bot: {} }, update: {} },
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
    teams: { fullTrust: { joinedTeams: {} } },
    teamsCore: {},
  },
});

export function hostPage(settings: HostSettings): string {
  const script = `
    const settings = ${JSON.stringify(settings)};
    const frame = document.getElementById('tab');
    const seen = [];
    window.teamsMessages = seen;
    const reply = (message, args) =>
      frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
    window.addEventListener('message', async (event) => {
      if (event.source !== frame.contentWindow) return;
      const message = event.data;
      if (!message || typeof message.id !== 'number' || typeof message.func !== 'string') return;
      seen.push(message.func);
      if (message.func === 'initialize') {
        reply(message, ['content', 'web', ${JSON.stringify(RUNTIME)}, '2.58.0']);
      } else if (message.func === 'getContext') {
        reply(message, [{
          locale: settings.locale, theme: settings.theme, entityId: 'requests', frameContext: 'content',
          hostClientType: 'web', hostName: 'Teams', userObjectId: settings.userObjectId,
          userPrincipalName: settings.userPrincipalName, loginHint: settings.userPrincipalName,
          tid: settings.tenantId, appSessionId: crypto.randomUUID(), sessionId: crypto.randomUUID(),
        }]);
      } else if (message.func === 'authentication.getAuthToken') {
        try { reply(message, [true, await window.hostToken()]); }
        catch (error) { reply(message, [false, String(error)]); }
      }
    });
    window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
    frame.src = settings.tabPath;
  `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teams</title>
<style>body{margin:0}iframe{border:0;display:block;width:${settings.width}px;height:100vh}</style></head>
<body><iframe id="tab" title="Requests"></iframe><script>${script}</script></body></html>`;
}
