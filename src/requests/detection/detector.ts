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
  isWave,
  type RestrictedSender,
  repeatOffenceOf,
  TenantError,
  type UnblockRequest,
  WAVE_WINDOW_MS,
} from '../../runbook/index.js';
import type { JobQueue, RequestStore } from '../../store/index.js';
import type { AlertAccount, RestrictionAlert, TenantGateway } from '../../tenant/index.js';
import type { RequestLedger } from '../ledger.js';
import { waveEvidenceJob, waveRefreshJobs } from '../waves/waveJobs.js';
import type { WaveRecords } from '../waves/waveRecords.js';
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
  /** Phishing waves: more than `threshold` accounts restricted within an hour become one incident. */
  waves: { records: WaveRecords; jobs: JobQueue; threshold: number } | null;
}

export interface DetectionCycle {
  restricted: number;
  alerts: number;
  detected: number;
  resolved: number;
  /** Of `detected`, how many joined a phishing wave (one incident) instead of a card each. */
  inWave: number;
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
  /** Handled episodes, with the directory user behind each (null: not a directory user). */
  private readonly handled = new Map<string, DirectoryUser | null>();
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
      inWave: 0,
    };
    result.resolved = await this.resolveReleased(onList);
    const fresh: NewEpisode[] = [];
    for (const restriction of onList.values()) {
      const episode = await this.newEpisode(restriction, alerts);
      if (episode) fresh.push(episode);
    }
    const alone = await this.openWave(fresh, [...onList.values()], now, result);
    for (const episode of alone) if (await this.open(episode, now, null)) result.detected += 1;
    // Stryker disable next-line all: only picks the log level of the cycle's summary
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
    // A handled episode is looked at again only for an alert that names it (by address, UPN or object id).
    const known = this.handled.get(episode);
    if (
      known !== undefined &&
      alertsNaming(alerts, { address: restriction.senderAddress, user: known }).length === 0
    )
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
      this.remember(episode, null);
      return null;
    }
    const named = alertsNaming(alerts, { address: restriction.senderAddress, user });
    if (existing) {
      await this.addAlerts(existing, named);
      await this.rejoinWave(existing);
      this.remember(episode, user);
      return null;
    }
    const earlier = await this.deps.requests.listForTarget(user.id, 50);
    if (earlier.some((r) => r.restriction && episodeOf(r.restriction) === episode)) {
      // An agent already handled this very restriction (their request recorded it).
      this.remember(episode, user);
      return null;
    }
    // An agent is on it already and has not reached the Restricted-list step: look again next cycle.
    if (earlier.some((r) => !isTerminal(r.state))) return null;
    return { restriction, user, alerts: named, earlier };
  }

  /**
   * Opens the recent episodes as members of a phishing wave when there is one (more than the threshold
   * restricted within the hour, or a wave still open): no card each, one incident; each member's
   * compromise check runs as its own job. Returns the episodes to open one by one.
   */
  private async openWave(
    fresh: NewEpisode[],
    restricted: RestrictedSender[],
    now: Date,
    result: DetectionCycle,
  ): Promise<NewEpisode[]> {
    const waves = this.deps.waves;
    if (!waves) return fresh;
    const firstRun = !(await waves.records.firstCycleDone());
    const since = now.getTime() - WAVE_WINDOW_MS;
    const recent = fresh.filter(
      (e) => firstRun || (e.restriction.createdAt !== null && Date.parse(e.restriction.createdAt) >= since),
    );
    let alone = fresh;
    if (recent.length > 0) {
      const joinable = await waves.records.joinable(now);
      if (joinable || isWave(restricted, now, waves.threshold, firstRun)) {
        const wave = joinable ?? (await waves.records.joinOrStart(now));
        const members: string[] = [];
        for (const episode of recent) {
          const id = await this.open(episode, now, wave.id);
          if (id) members.push(id);
        }
        await waves.records.addMembers(wave.id, members, now);
        for (const id of members) await waves.jobs.enqueue(waveEvidenceJob(wave.id, id));
        for (const job of waveRefreshJobs(wave.id, now)) await waves.jobs.enqueue(job);
        result.detected += members.length;
        result.inWave += members.length;
        // Opening a member again on its own finds its request stored: that create writes and counts nothing.
        // Stryker disable next-line MethodExpression: equivalent, the members' requests exist already
        alone = fresh.filter((e) => !recent.includes(e));
        this.deps.logger.warn(
          { waveId: wave.id, joined: members.length },
          'phishing wave: accounts joined the incident',
        );
      }
    }
    if (firstRun) await waves.records.markFirstCycleDone(now);
    return alone;
  }

  /**
   * Creates the episode's request (in `waveId`, or alone with its own helpdesk card); returns its id, or
   * null when another worker (or an earlier run) already opened it outside this wave.
   */
  private async open(episode: NewEpisode, now: Date, waveId: string | null): Promise<string | null> {
    const key = episodeOf(episode.restriction);
    const restrictedAt = episode.restriction.createdAt ? new Date(episode.restriction.createdAt) : now;
    const repeat = repeatOffenceOf(episode.earlier, restrictedAt, this.deps.repeatWindowMs);
    const detected = detectedRequest({
      id: detectedRequestId(this.deps.tenantId, key),
      tenantId: this.deps.tenantId,
      target: episode.user,
      restriction: episode.restriction,
      alerts: episode.alerts,
      waveId,
      locale: 'en',
      now,
    });
    const request = repeat ? { ...detected, repeat } : detected;
    const created = await this.deps.ledger.create(request, {
      actor: null,
      conversationId: null,
      // A wave's members are told of in its incident card, not one card each.
      event: waveId ? null : 'detected',
      detail: {
        source: 'detection',
        episode: key,
        alerts: episode.alerts.length,
        ...(repeat ? { repeatOffender: true } : {}),
        ...(waveId ? { waveId } : {}),
      },
    });
    this.remember(key, episode.user);
    if (created.ok) return request.id;
    // Opened by a run that crashed before the wave recorded it: it is still this wave's member.
    const existing = created.current ?? (await this.deps.requests.get(request.id));
    return waveId && existing?.detection?.waveId === waveId ? request.id : null;
  }

  /** A wave member whose check never ran (a crash between its creation and its job): queue it again. */
  private async rejoinWave(request: UnblockRequest): Promise<void> {
    const waveId = request.detection?.waveId;
    const waves = this.deps.waves;
    if (!waves || !waveId || request.state !== 'open' || !isUnclaimedDetection(request)) return;
    await waves.records.addMembers(waveId, [request.id], this.deps.now());
    await waves.jobs.enqueue(waveEvidenceJob(waveId, request.id));
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

  private remember(episode: string, user: DirectoryUser | null): void {
    if (this.handled.size >= MAX_REMEMBERED_EPISODES) this.handled.clear();
    this.handled.set(episode, user);
  }
}

/** A restricted address and the directory user behind it, when known. */
interface RestrictedAccount {
  address: string;
  user: DirectoryUser | null;
}

/** The alerts with an account that is this one: its object id, or an address or UPN it is known by. */
function alertsNaming(alerts: RestrictionAlert[], who: RestrictedAccount): DetectionAlert[] {
  const knownAs = [who.address, who.user?.userPrincipalName, who.user?.mail]
    .filter((a): a is string => Boolean(a))
    .map((a) => a.toLowerCase());
  const names = (account: AlertAccount) =>
    (who.user !== null && account.objectId === who.user.id) ||
    [account.address, account.userPrincipalName].some((a) => a !== null && knownAs.includes(a.toLowerCase()));
  return alerts.filter((a) => a.accounts.some(names)).map((a) => ({ id: a.id, webUrl: a.webUrl }));
}
