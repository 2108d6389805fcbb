// The host side of the teams-js postMessage protocol (@microsoft/teams-js 2.x), enough to run the tab
// in a frame the way Teams does: the frame posts {id, uuidAsString, func, args} to its parent and the host
// answers {id, uuidAsString, args}; the host pushes events as {func, args} (themeChange).
//   initialize                   → [frameContext, hostClientType, runtimeConfig (JSON), host SDK version]
//   getContext                   → [context: locale, theme, user, tenant, page]
//   authentication.getAuthToken  → [true, token] or [false, reason]
// Anything else (registerHandler, appInitialization.*) needs no answer.

export interface HostContext {
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  userObjectId: string;
  userPrincipalName: string;
  userDisplayName: string;
  tenantId?: string;
  entityId: string;
  frameContext: 'content' | 'settings';
}

interface AppMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/** What a Teams web client announces it supports (the parts the tab uses). */
const RUNTIME = {
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
};
const HOST_SDK_VERSION = '2.58.0';

export class TeamsHost {
  private readonly listener = (event: MessageEvent) => void this.onMessage(event);

  constructor(
    /** The frame the tab runs in (it is replaced when the preview signs in as someone else). */
    private readonly frame: () => HTMLIFrameElement | null,
    private readonly context: () => HostContext,
    private readonly token: () => Promise<string>,
  ) {
    window.addEventListener('message', this.listener);
  }

  stop(): void {
    window.removeEventListener('message', this.listener);
  }

  /** Tells the tab that the person switched the Teams theme. */
  changeTheme(theme: HostContext['theme']): void {
    this.frame()?.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, window.location.origin);
  }

  private reply(message: AppMessage, args: unknown[]): void {
    this.frame()?.contentWindow?.postMessage(
      { id: message.id, uuidAsString: message.uuidAsString, args },
      window.location.origin,
    );
  }

  private async onMessage(event: MessageEvent): Promise<void> {
    if (
      !event.source ||
      event.source !== this.frame()?.contentWindow ||
      event.origin !== window.location.origin
    )
      return;
    const message = event.data as AppMessage;
    if (typeof message?.id !== 'number' || typeof message.func !== 'string') return;
    const context = this.context();
    switch (message.func) {
      case 'initialize':
        this.reply(message, [context.frameContext, 'web', JSON.stringify(RUNTIME), HOST_SDK_VERSION]);
        return;
      case 'getContext':
        this.reply(message, [
          {
            locale: context.locale,
            theme: context.theme,
            entityId: context.entityId,
            frameContext: context.frameContext,
            hostClientType: 'web',
            hostName: 'Teams',
            userObjectId: context.userObjectId,
            userPrincipalName: context.userPrincipalName,
            loginHint: context.userPrincipalName,
            userDisplayName: context.userDisplayName,
            ...(context.tenantId ? { tid: context.tenantId } : {}),
            appSessionId: crypto.randomUUID(),
            sessionId: crypto.randomUUID(),
          },
        ]);
        return;
      case 'authentication.getAuthToken':
        try {
          this.reply(message, [true, await this.token()]);
        } catch (error) {
          this.reply(message, [false, error instanceof Error ? error.message : 'resourceDisabled']);
        }
        return;
      default:
        return;
    }
  }
}
