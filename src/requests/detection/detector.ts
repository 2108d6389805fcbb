// Detection: the bot starts the case before anyone asks. Each cycle reads the Restricted list (the call is
// shared with the resume monitor when their cycles coincide) and, where the tenant grants
// SecurityAlert.Read.All, Microsoft's "User restricted from sending email" alerts (m365-contracts.md §4).
// Every restriction episode nobody handles yet opens one request, in state open and nobody's, and the
// helpdesk hears of it; a detected request nobody took ends as resolved-by-itself once its account leaves
// the list. The request id is derived from the episode, so the store's create-if-absent is the claim:
// exactly one request per episode across restarts and any number of workers.
import type { Logger } from 'pino';
import {
  type DetectionAlert,
  type DirectoryUser,
  detectedRequest,
  episodeOf,
  isTerminal,
  isUnclaimedDetection,
  type RestrictedSender,
  repeatOffenceOf,
  TenantError,
  type UnblockRequest,
} from '../../runbook/index.js';
import type { RequestStore } from '../../store/index.js';
import type { AlertAccount, RestrictionAlert, TenantGateway } from '../../tenant/index.js';
import type { RequestLedger } from '../ledger.js';
import { detectedRequestId } from './episodeIds.js';

export interface DetectorDeps {
  requests: RequestStore;
  ledger: RequestLedger;
  tenant: TenantGateway;
  logger: Logger;
  now: () => Date;
  /** The managed tenant: part of every episode's request id. */
  tenantId: string;
  /** REPEAT_OFFENDER_WINDOW_D: a restriction this soon after an unblock makes a repeat offender. */
  repeatWindowMs: number;
}

export interface DetectionCycle {
  restricted: number;
  alerts: number;
  detected: number;
  resolved: number;
}

/** How far back the first alert read looks, and how much each later read overlaps the previous one. */
const FIRST_ALERT_WINDOW_MS = 24 * 3600_000;
const ALERT_OVERLAP_MS = 10 * 60_000;
/** Without SecurityAlert.Read.All, ask again this much later (the permission may be granted meanwhile). */
const ALERTS_RETRY_AFTER_MS = 3600_000;
/** Episodes remembered as handled in this process, so a long list costs no store reads per cycle. */
const MAX_REMEMBERED_EPISODES = 50_000;

/** A restriction on the list that no request covers yet, with who it is and the alerts that name them. */
interface NewEpisode {
  restriction: RestrictedSender;
  user: DirectoryUser;
  alerts: DetectionAlert[];
  /** The account's earlier requests (for its repeat-offence history). */
  earlier: UnblockRequest[];
}

export class Detector {
  private readonly handled = new Set<string>();
  private alertsBlockedUntil = 0;
  private alertsReadUpTo: Date | null = null;

  constructor(private readonly deps: DetectorDeps) {}

  /** One detection cycle over the Restricted list `list()` returns (one Exchange call, shared). */
  async cycle(list: () => Promise<RestrictedSender[]>): Promise<DetectionCycle> {
    const now = this.deps.now();
    const restricted = await list();
    const onList = new Map(restricted.map((r) => [r.senderAddress.toLowerCase(), r]));
    const alerts = await this.readAlerts(now);
    await this.confirmAlertedAccounts(alerts, onList);
    const result: DetectionCycle = {
      restricted: onList.size,
      alerts: alerts.length,
      detected: 0,
      resolved: 0,
    };
    result.resolved = await this.resolveReleased(onList);
    const fresh: NewEpisode[] = [];
    for (const restriction of onList.values()) {
      const episode = await this.newEpisode(restriction, alerts);
      if (episode) fresh.push(episode);
    }
    for (const episode of fresh) if (await this.open(episode, now)) result.detected += 1;
    if (result.detected > 0 || result.resolved > 0) this.deps.logger.info(result, 'detection cycle');
    else this.deps.logger.debug(result, 'detection cycle');
    return result;
  }

  /** The restriction as a new episode to open, or null when a request covers it (or will next cycle). */
  private async newEpisode(
    restriction: RestrictedSender,
    alerts: RestrictionAlert[],
  ): Promise<NewEpisode | null> {
    const episode = episodeOf(restriction);
    if (this.handled.has(episode) && !alerts.some((a) => a.accounts.some((x) => names(x, restriction))))
      return null;
    const id = detectedRequestId(this.deps.tenantId, episode);
    const existing = await this.deps.requests.get(id);
    const user = existing?.target ?? (await this.findUser(restriction.senderAddress));
    if (!user) {
      // A connector or a mailbox the directory does not know: nothing the runbook can do for it.
      this.deps.logger.info(
        { address: restriction.senderAddress },
        'restricted sender is not a directory user',
      );
      this.remember(episode);
      return null;
    }
    const named = alertsNaming(alerts, user, restriction.senderAddress);
    if (existing) {
      await this.addAlerts(existing, named);
      this.remember(episode);
      return null;
    }
    const earlier = await this.deps.requests.listForTarget(user.id, 50);
    if (earlier.some((r) => r.restriction && episodeOf(r.restriction) === episode)) {
      // An agent already handled this very restriction (their request recorded it).
      this.remember(episode);
      return null;
    }
    // An agent is on it already and has not reached the Restricted-list step: look again next cycle.
    if (earlier.some((r) => !isTerminal(r.state))) return null;
    return { restriction, user, alerts: named, earlier };
  }

  /** Creates the episode's request; false when another worker (or an earlier run) already did. */
  private async open(episode: NewEpisode, now: Date): Promise<boolean> {
    const key = episodeOf(episode.restriction);
    const restrictedAt = episode.restriction.createdAt ? new Date(episode.restriction.createdAt) : now;
    const repeat = repeatOffenceOf(episode.earlier, restrictedAt, this.deps.repeatWindowMs);
    const detected = detectedRequest({
      id: detectedRequestId(this.deps.tenantId, key),
      tenantId: this.deps.tenantId,
      target: episode.user,
      restriction: episode.restriction,
      alerts: episode.alerts,
      waveId: null,
      locale: 'en',
      now,
    });
    const request = repeat ? { ...detected, repeat } : detected;
    const created = await this.deps.ledger.create(request, {
      actor: null,
      conversationId: null,
      event: 'detected',
      detail: {
        source: 'detection',
        episode: key,
        alerts: episode.alerts.length,
        ...(repeat ? { repeatOffender: true } : {}),
      },
    });
    this.remember(key);
    return created.ok;
  }

  /** Ends detected requests nobody took whose account is no longer on the list (same episode). */
  private async resolveReleased(onList: Map<string, RestrictedSender>): Promise<number> {
    let resolved = 0;
    const candidates = await this.deps.requests.listInStates(['open', 'pending_approval'], 100_000);
    for (const request of candidates) {
      if (!isUnclaimedDetection(request) || !request.restriction) continue;
      const now = onList.get(request.restriction.senderAddress.toLowerCase());
      if (now && episodeOf(now) === request.detection?.episode) continue;
      const moved = await this.deps.ledger.move(request, 'resolved-by-itself', {
        actor: null,
        conversationId: null,
        detail: { episode: request.detection?.episode ?? null },
      });
      if (moved.ok) resolved += 1;
    }
    return resolved;
  }

  private async readAlerts(now: Date): Promise<RestrictionAlert[]> {
    if (now.getTime() < this.alertsBlockedUntil) return [];
    const since = this.alertsReadUpTo
      ? new Date(this.alertsReadUpTo.getTime() - ALERT_OVERLAP_MS)
      : new Date(now.getTime() - FIRST_ALERT_WINDOW_MS);
    try {
      const alerts = await this.deps.tenant.listRestrictionAlerts(since);
      this.alertsReadUpTo = now;
      return alerts;
    } catch (error) {
      if (error instanceof TenantError && (error.code === 'Forbidden' || error.code === 'Unauthorized')) {
        // Without SecurityAlert.Read.All the Restricted list alone detects (docs/setup.md says how to grant it).
        this.deps.logger.warn(
          'security alerts are not readable (SecurityAlert.Read.All): the Restricted list alone detects',
        );
        this.alertsBlockedUntil = now.getTime() + ALERTS_RETRY_AFTER_MS;
        return [];
      }
      // Alerts only add to the list; an outage of them must not stop detection.
      this.deps.logger.warn({ err: error }, 'security alerts could not be read; trying again next cycle');
      return [];
    }
  }

  /**
   * Accounts an alert names that the list did not show yet (alerts and the list are not updated at the same
   * moment): each is confirmed with Get-BlockedSenderAddress before it counts (§4.1).
   */
  private async confirmAlertedAccounts(
    alerts: RestrictionAlert[],
    onList: Map<string, RestrictedSender>,
  ): Promise<void> {
    const seen = new Set<string>();
    for (const account of alerts.flatMap((a) => a.accounts)) {
      const address = account.address ?? account.userPrincipalName;
      if (!address || onList.has(address) || seen.has(address)) continue;
      seen.add(address);
      if (account.userPrincipalName && onList.has(account.userPrincipalName)) continue;
      try {
        const found = await this.deps.tenant.findRestrictedSender(address);
        if (found) onList.set(found.senderAddress.toLowerCase(), found);
      } catch (error) {
        this.deps.logger.warn({ err: error, address }, 'an alerted account could not be checked');
      }
    }
  }

  private async addAlerts(request: UnblockRequest, named: DetectionAlert[]): Promise<void> {
    const known = new Set((request.detection?.alerts ?? []).map((a) => a.id));
    const added = named.filter((a) => !known.has(a.id));
    if (added.length === 0 || !request.detection || isTerminal(request.state)) return;
    await this.deps.ledger.amend(
      request,
      { detection: { ...request.detection, alerts: [...request.detection.alerts, ...added] } },
      {
        actor: null,
        conversationId: null,
        action: 'request.alerted',
        event: null,
        detail: { alerts: added.map((a) => a.id).join(',') },
      },
    );
  }

  private async findUser(address: string): Promise<DirectoryUser | null> {
    const byUpn = await this.deps.tenant.getUser(address);
    if (byUpn) return byUpn;
    const [found] = await this.deps.tenant.findUsers(address, 1);
    const same = (value: string | null) => value?.toLowerCase() === address.toLowerCase();
    return found && (same(found.mail) || same(found.userPrincipalName)) ? found : null;
  }

  private remember(episode: string): void {
    if (this.handled.size >= MAX_REMEMBERED_EPISODES) this.handled.clear();
    this.handled.add(episode);
  }
}

/** Whether an alert's account is this restricted address (by address or UPN). */
function names(account: AlertAccount, restriction: RestrictedSender): boolean {
  const address = restriction.senderAddress.toLowerCase();
  return account.address === address || account.userPrincipalName === address;
}

function alertsNaming(alerts: RestrictionAlert[], user: DirectoryUser, address: string): DetectionAlert[] {
  const names = (account: AlertAccount) =>
    account.objectId === user.id ||
    [account.address, account.userPrincipalName].some(
      (a) =>
        a !== null &&
        [address, user.userPrincipalName, user.mail].some((b) => b?.toLowerCase() === a.toLowerCase()),
    );
  return alerts.filter((a) => a.accounts.some(names)).map((a) => ({ id: a.id, webUrl: a.webUrl }));
}
