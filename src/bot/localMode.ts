// Local mode: the simulated tenant and no MicrosoftAppId, so nothing is authenticated and the endpoint is a
// developer's own. There the tenant boundary protects nothing, and the usual local clients send what Teams
// never would: Microsoft 365 Agents Playground's default tenant ("00000000-…-0000000000001", not even a
// GUID) and user, the Bot Framework Emulator no tenant and no Entra id at all. Each activity is taken as if
// the simulated tenant had sent it, and a person the simulated directory does not know is added to it as a
// helpdesk agent on first sight and told so once, in the first reply they get.
// Never active with TENANT_MODE=live or with a MicrosoftAppId: app.ts builds it only without both.
import { createHash } from 'node:crypto';
import { type Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { type Language, resolveLanguage, type Translator } from '../i18n/index.js';
import { noticeCard } from './cards/noticeCards.js';
import { cardMessage } from './messages.js';

/** What local mode needs of the simulated directory (src/tenant implements it over the simulator). */
export interface LocalDirectory {
  enrolHelpdeskAgent(person: {
    id: string;
    displayName: string;
  }): Promise<{ created: boolean; userPrincipalName: string }>;
}

export interface LocalModeDeps {
  /** The simulated tenant every activity is taken to come from. */
  tenantId: string;
  directory: LocalDirectory;
  t: Translator;
  logger: Logger;
}

const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** People remembered as known, per process; past this the oldest are asked about again (harmless). */
const MAX_KNOWN = 10_000;

interface Newcomer {
  name: string;
  userPrincipalName: string;
}

export class LocalMode {
  private readonly known = new Set<string>();
  /** Added to the directory, not yet told: the welcome rides on the next reply they get. */
  private readonly untold = new Map<string, Newcomer>();

  constructor(private readonly deps: LocalModeDeps) {}

  /**
   * The activity as the simulated tenant would send it: its tenant ids are the simulated tenant's, its
   * sender has an Entra object id (a stable one derived from their client id when the client sends none or
   * not a GUID), and a conversation without a type is a personal chat. The sender joins the directory here.
   */
  async adopt(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const activity = body as unknown as Activity;
    const personId = entraIdOf(activity.from);
    const from = { ...activity.from, aadObjectId: personId };
    const conversation = {
      ...activity.conversation,
      tenantId: this.deps.tenantId,
      conversationType: activity.conversation.conversationType ?? 'personal',
    };
    const channelData = {
      ...((activity.channelData as Record<string, unknown> | undefined) ?? {}),
      tenant: { id: this.deps.tenantId },
    };
    // Teams-style install events carry no name: a person joins when their client says who they are, at
    // the latest with their first message or click.
    const speaks = activity.type === 'message' || activity.type === 'invoke';
    if (from.name || speaks) await this.meet(personId, from.name || from.id);
    return { ...body, from, conversation, channelData };
  }

  /** Arranges the welcome of a person added to the directory on their first reply, once. */
  welcome(context: TurnContext): void {
    const personId = context.activity.from?.aadObjectId;
    if (personId === undefined || !this.untold.has(personId)) return;
    context.onSendActivities(async (ctx, activities, next) => {
      const newcomer = this.untold.get(personId);
      if (newcomer) {
        this.untold.delete(personId);
        const language = resolveLanguage(ctx.activity.locale);
        const welcome = TurnContext.applyConversationReference(
          cardMessage(this.welcomeCard(newcomer, language)),
          TurnContext.getConversationReference(ctx.activity),
        );
        activities.unshift(welcome);
      }
      return next();
    });
  }

  private async meet(personId: string, displayName: string): Promise<void> {
    if (this.known.has(personId)) return;
    try {
      const { created, userPrincipalName } = await this.deps.directory.enrolHelpdeskAgent({
        id: personId,
        displayName,
      });
      if (created) {
        this.deps.logger.info(
          { aadObjectId: personId, userPrincipalName },
          'local mode: a new person joined the simulated directory as a helpdesk agent',
        );
        this.untold.set(personId, { name: displayName, userPrincipalName });
      }
    } catch (error) {
      // The turn goes on: the person is simply not in the directory (the runbook does not need them there).
      this.deps.logger.warn({ err: error }, 'local mode: could not add a person to the simulated directory');
      return;
    }
    this.known.add(personId);
    if (this.known.size > MAX_KNOWN) {
      const oldest = this.known.values().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }

  private welcomeCard(newcomer: Newcomer, language: Language) {
    const { t } = this.deps;
    return noticeCard({
      style: 'accent',
      title: t.t(language, 'localMode.title'),
      paragraphs: [
        t.t(language, 'localMode.enrolled', {
          name: newcomer.name,
          upn: newcomer.userPrincipalName,
        }),
        t.t(language, 'localMode.approver'),
      ],
    });
  }
}

/** The sender's Entra object id, or one derived from what their client calls them (stable across turns). */
function entraIdOf(from: Activity['from']): string {
  const given = from.aadObjectId;
  if (given && ENTRA_OBJECT_ID.test(given)) return given.toLowerCase();
  const hash = createHash('sha256')
    .update(`local:${given ?? from.id}`)
    .digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-4${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}
