// Detection, one cycle at a time, on SQLite and the simulated tenant over HTTP with a clock the test moves:
// one request per restriction episode (across cycles and across detectors sharing the store), none for an
// address the directory does not know or an episode an agent handles, resolved-by-itself when an account
// nobody took leaves the list, the alerts that name an account (by its object id, its address or its user
// principal name; an account an alert names before the list shows it is confirmed first), alert reads after
// a refusal or an outage, repeat offenders within the window, phishing waves above the threshold (and what
// another worker opened a moment before), the directory asked once per process about an episode it settled,
// what the audit log records, and what each cycle reports.
import { strict as assert } from 'node:assert';
import { Detector } from '../../../src/requests/detection/detector.js';
import { detectedRequestId, RequestLedger, WaveRecords } from '../../../src/requests/index.js';
import { waveEvidenceJob, waveRefreshJobs } from '../../../src/requests/waves/waveJobs.js';
import {
  DETECTION_ACTOR,
  type DirectoryUser,
  detectedRequest,
  episodeOf,
  type RequestState,
  type RestrictedSender,
  type UnblockRequest,
  WAVE_WINDOW_MS,
} from '../../../src/runbook/index.js';
import type { StateStore } from '../../../src/store/index.js';
import {
  createLiveTenantGateway,
  ENTRA_ROLES,
  SEED,
  StaticTokenCredential,
  type TenantGateway,
  TenantSimulator,
  type TokenValidator,
} from '../../../src/tenant/index.js';
import { tenantWithGraphRelay } from '../../support/graphRelay.js';
import { requestThrough } from '../../support/requests.js';
import { agent, agentTakesOver, approver, type Harness, openHarness } from './harness.js';

const minute = 60_000;
const hour = 60 * minute;
const REPEAT_WINDOW_MS = 7 * 24 * hour;
const WAVE_THRESHOLD = 3;
const ALERTS = /\/security\/alerts_v2$/;
const ROBERTA = SEED.users.roberta.upn;
const ROBERT = SEED.users.robertSmith.upn;
const unblockedPath: RequestState[] = [
  'pending_approval',
  'approved',
  'unblocking',
  'waiting_resume',
  'resumed',
];

describe('detection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    // The simulator stamps restrictions and alerts with the real time: the detector's clock starts there.
    h.clock.now = new Date();
  });
  afterEach(async () => {
    await h.close();
  });

  function detector(
    options: { waves?: boolean; tenant?: TenantGateway; ledger?: RequestLedger; state?: StateStore } = {},
  ): Detector {
    return new Detector({
      requests: h.store.requests,
      ledger: options.ledger ?? h.ledger,
      tenant: options.tenant ?? h.tenant,
      logger: h.logger,
      now: h.now,
      tenantId: SEED.tenantId,
      repeatWindowMs: REPEAT_WINDOW_MS,
      waves: options.waves
        ? {
            records: new WaveRecords(options.state ?? h.store.state),
            jobs: h.store.jobs,
            threshold: WAVE_THRESHOLD,
          }
        : null,
    });
  }
  const cycle = (d: Detector) => d.cycle(() => h.tenant.listRestrictedSenders());
  const later = (ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };

  /** Takes the seeded restrictions off the list, so that a test sees only the accounts it restricts. */
  function emptyList(): void {
    for (const row of h.simulator.restrictedSenders()) h.simulator.release(row.SenderAddress);
  }

  async function listed(address: string): Promise<RestrictedSender> {
    const restriction = await h.tenant.findRestrictedSender(address);
    assert.ok(restriction, `${address} is on the list`);
    return restriction;
  }

  /** The request of `address`'s current restriction episode; null when none was opened. */
  async function detectedFor(address: string): Promise<UnblockRequest | null> {
    return h.store.requests.get(detectedRequestId(SEED.tenantId, episodeOf(await listed(address))));
  }

  async function opened(address: string): Promise<UnblockRequest> {
    const request = await detectedFor(address);
    assert.ok(request, `a request for ${address}`);
    return request;
  }

  /** Each user's request carries exactly that alert. */
  async function assertAlertsAttached(
    expected: [{ id: string; upn: string }, { id: string }][],
  ): Promise<void> {
    for (const [user, alert] of expected) {
      const [request] = await h.store.requests.listForTarget(user.id);
      assert.deepEqual(
        request?.detection?.alerts.map((a) => a.id),
        [alert.id],
        user.upn,
      );
    }
  }

  async function directoryUser(address: string): Promise<DirectoryUser> {
    const user = await h.tenant.getUser(address);
    assert.ok(user, `${address} is a directory user`);
    return user;
  }

  /** A request an agent started for `target`, moved through `path`, stored as the runbook left it. */
  async function agentRequest(
    target: DirectoryUser,
    path: RequestState[],
    changes: Partial<UnblockRequest> = {},
  ): Promise<UnblockRequest> {
    const request = { ...requestThrough(target.userPrincipalName, path, changes), ...changes, target };
    assert.ok(await h.store.requests.create(request));
    return request;
  }

  /** The episode Exchange lists `address` with from now on: the same stay, listed again later. */
  function listedAgainLater(restriction: RestrictedSender): void {
    const createdAt = new Date(Date.parse(restriction.createdAt ?? '') + minute).toISOString();
    h.simulator.setRowFields('Get-BlockedSenderAddress', restriction.senderAddress, {
      CreatedDatetime: createdAt,
      ChangedDatetime: createdAt,
    });
  }

  /** Graph's directory reads (a user by id or name, or a search) that name `address`. */
  function directoryLookups(address: string): number {
    return h.simulator
      .calls()
      .filter(
        (c) =>
          c.api === 'graph' &&
          c.path.startsWith('/v1.0/users') &&
          decodeURIComponent(`${c.path}?${c.query}`).toLowerCase().includes(address.toLowerCase()),
      ).length;
  }

  /** A new mailbox user, restricted at the detector's time (the simulator stamps its own, real time). */
  function restrictedAtClock(address: string): string {
    h.simulator.addUser(address, 'Late User');
    h.simulator.restrict(address);
    const at = h.clock.now.toISOString();
    h.simulator.setRowFields('Get-BlockedSenderAddress', address, {
      CreatedDatetime: at,
      ChangedDatetime: at,
    });
    return address;
  }

  /** New mailbox users, each restricted now. */
  function restrictMany(prefix: string, count: number): string[] {
    const addresses = Array.from({ length: count }, (_, i) => `${prefix}${i}@contoso.com`);
    for (const [i, address] of addresses.entries()) {
      h.simulator.addUser(address, `Wave User ${i}`);
      h.simulator.restrict(address);
    }
    return addresses;
  }

  describe('restriction episodes', () => {
    it('opens one request per restriction episode, across cycles and across detectors sharing the store', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      const first = detector();
      assert.deepEqual(await cycle(first), { restricted: 1, alerts: 0, detected: 1, resolved: 0, inWave: 0 });
      assert.deepEqual(await cycle(first), { restricted: 1, alerts: 0, detected: 0, resolved: 0, inWave: 0 });
      // Another worker, or this one after a restart, remembers nothing: the id derived from the episode is
      // what makes the store refuse a second request.
      assert.equal((await cycle(detector())).detected, 0);
      const [a, b] = await Promise.all([cycle(detector()), cycle(detector())]);
      assert.equal(a.detected + b.detected, 0);

      const requests = await h.store.requests.listForTarget(SEED.users.roberta.id);
      assert.equal(requests.length, 1);
      const request = await opened(ROBERTA);
      assert.equal(request.id, requests[0]?.id);
      assert.equal(request.state, 'open');
      assert.deepEqual(request.requester, DETECTION_ACTOR);
      assert.equal(request.detection?.claimedBy, null);
      assert.equal(request.detection?.waveId, null);
      assert.equal(request.locale, 'en');
      assert.ok(await h.store.jobs.get(`notify:${request.id}:detected:1`), 'the helpdesk hears of it');
      const entries = await h.store.audit.listForRequest(request.id);
      assert.deepEqual(
        entries.map((e) => [e.action, e.actor, e.toState]),
        [['request.created', null, 'open']],
      );
      assert.deepEqual(entries[0]?.detail, {
        source: 'detection',
        episode: episodeOf(await listed(ROBERTA)),
        alerts: 0,
      });
    });

    it('opens an episode once when two detectors see it at the same time', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      const [a, b] = await Promise.all([cycle(detector()), cycle(detector())]);
      assert.equal(a.detected + b.detected, 1);
      assert.equal((await h.store.requests.listForTarget(SEED.users.roberta.id)).length, 1);
    });

    it('opens nothing for an address that is no directory user, even one a user’s address starts with', async () => {
      emptyList();
      h.simulator.restrict('scanner@fabrikam.example');
      // A prefix search finds rob@contoso.com for it: only the very address counts.
      h.simulator.restrict('rob@contoso.co');
      assert.deepEqual(await cycle(detector()), {
        restricted: 2,
        alerts: 0,
        detected: 0,
        resolved: 0,
        inWave: 0,
      });
      assert.deepEqual(await h.store.requests.listRecent(10), []);
    });

    it('asks the directory once about an address that is no user or an episode an agent’s request recorded, not every cycle', async () => {
      emptyList();
      const roberta = await directoryUser(ROBERTA);
      h.simulator.restrict(ROBERTA);
      await agentRequest(roberta, ['pending_approval', 'rejected'], { restriction: await listed(ROBERTA) });
      const others = ['scanner@fabrikam.example', 'printer@fabrikam.example'];
      for (const address of others) h.simulator.restrict(address);
      h.simulator.clearCalls();
      const d = detector();
      assert.equal((await cycle(d)).detected, 0);
      // Roberta is found by her user principal name, without a search besides.
      assert.equal(directoryLookups(ROBERTA), 1);
      for (const address of others) assert.ok(directoryLookups(address) > 0, address);

      // The next cycle, with an alert about someone else, asks nothing more about any of them.
      later(minute);
      h.simulator.raiseRestrictionAlert([ROBERT]);
      h.simulator.clearCalls();
      assert.deepEqual(await cycle(d), { restricted: 4, alerts: 1, detected: 1, resolved: 0, inWave: 0 });
      for (const address of [ROBERTA, ...others]) assert.equal(directoryLookups(address), 0, address);
    });

    it('finds the user of an address the list shows by its mail rather than its user principal name', async () => {
      emptyList();
      const alex = SEED.users.nonApprover;
      h.simulator.restrict(alex.upn);
      h.simulator.setRowFields('Get-BlockedSenderAddress', alex.upn, {
        SenderAddress: 'Alex.Wilber@contoso.com',
      });
      assert.equal((await cycle(detector())).detected, 1);
      const [request] = await h.store.requests.listForTarget(alex.id);
      assert.equal(request?.target.userPrincipalName, alex.upn);
      assert.equal(request?.restriction?.senderAddress, 'alex.wilber@contoso.com');
    });

    it('opens nothing while an agent’s request for the same user is in progress, and opens it once that ended', async () => {
      emptyList();
      const roberta = await directoryUser(ROBERTA);
      // The agent is at the password step: their request has not recorded the restriction yet.
      const agents = await agentRequest(roberta, []);
      h.simulator.restrict(ROBERTA);
      const d = detector();
      assert.equal((await cycle(d)).detected, 0);
      assert.equal(await detectedFor(ROBERTA), null);

      const cancelled = await h.ledger.move(agents, 'cancelled', { actor: agent, conversationId: 'a:megan' });
      assert.ok(cancelled.ok);
      // Not remembered as handled: the next cycle looks again.
      assert.equal((await cycle(d)).detected, 1);
      assert.ok(await detectedFor(ROBERTA));
    });

    it('opens nothing for the episode an agent’s request recorded, but opens a later episode of the account', async () => {
      emptyList();
      const roberta = await directoryUser(ROBERTA);
      h.simulator.restrict(ROBERTA);
      const restriction = await listed(ROBERTA);
      await agentRequest(roberta, ['pending_approval', 'rejected'], { restriction });
      const d = detector();
      assert.equal((await cycle(d)).detected, 0);
      assert.equal(await detectedFor(ROBERTA), null);

      listedAgainLater(restriction);
      assert.equal((await cycle(d)).detected, 1);
      assert.ok(await detectedFor(ROBERTA));
    });
  });

  describe('accounts that leave the list', () => {
    it('ends each detected request nobody took as resolved-by-itself when its account leaves the list', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      h.simulator.restrict(ROBERT);
      const d = detector();
      await cycle(d);
      const waiting = await opened(ROBERTA);
      // A member whose check ran waits for its approval: nobody's yet, so it ends the same way.
      const checked = await opened(ROBERT);
      assert.ok((await h.ledger.move(checked, 'pending_approval', { actor: null, conversationId: null })).ok);

      h.simulator.release(ROBERTA);
      h.simulator.release(ROBERT);
      assert.deepEqual(await cycle(d), { restricted: 0, alerts: 0, detected: 0, resolved: 2, inWave: 0 });
      for (const request of [waiting, checked]) {
        const ended = await h.store.requests.get(request.id);
        assert.equal(ended?.state, 'resolved-by-itself');
        assert.ok(await h.store.jobs.get(`notify:${request.id}:resolved:${ended?.version}`));
        const entry = (await h.store.audit.listForRequest(request.id)).at(-1);
        assert.equal(entry?.toState, 'resolved-by-itself');
        assert.deepEqual(entry?.detail, { episode: request.detection?.episode });
      }
      assert.equal((await cycle(d)).resolved, 0, 'ended once');
    });

    it('ends it too when the account is listed again as a new episode, which opens a request of its own', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      const d = detector();
      await cycle(d);
      const first = await opened(ROBERTA);

      listedAgainLater(await listed(ROBERTA));
      assert.deepEqual(await cycle(d), { restricted: 1, alerts: 0, detected: 1, resolved: 1, inWave: 0 });
      assert.equal((await h.store.requests.get(first.id))?.state, 'resolved-by-itself');
      const second = await opened(ROBERTA);
      assert.notEqual(second.id, first.id);
      assert.equal(second.state, 'open');
    });

    it('leaves a detected request an agent took over alone when its account leaves the list', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      const d = detector();
      await cycle(d);
      const request = await opened(ROBERTA);
      const claimed = await agentTakesOver(h, request);
      assert.ok(claimed?.ok);

      h.simulator.release(ROBERTA);
      assert.equal((await cycle(d)).resolved, 0);
      assert.equal((await h.store.requests.get(request.id))?.state, 'open');
    });

    it('does not count a request an agent takes over while the cycle ends it (the store refuses the stale move)', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      h.simulator.restrict(ROBERT);
      await cycle(detector());
      h.simulator.release(ROBERTA);
      h.simulator.release(ROBERT);
      // The cycle ends them in this order; an agent takes the second over the moment the first has ended.
      const [, second] = await h.store.requests.listInStates(['open', 'pending_approval']);
      assert.ok(second);
      const claims: Promise<{ ok: boolean } | null>[] = [];
      const ledger = new RequestLedger(h.store.requests, h.store.audit, h.now, () => {
        if (claims.length === 0) claims.push(agentTakesOver(h, second));
      });
      assert.deepEqual(await cycle(detector({ ledger })), {
        restricted: 0,
        alerts: 0,
        detected: 0,
        resolved: 1,
        inWave: 0,
      });
      assert.equal(claims.length, 1);
      assert.ok((await claims[0])?.ok);
      const taken = await h.store.requests.get(second.id);
      assert.equal(taken?.state, 'open');
      assert.deepEqual(taken?.detection?.claimedBy, agent);
    });
  });

  describe('alerts', () => {
    it('attaches the alerts that name the account, and adds a later alert to the same request', async () => {
      emptyList();
      const first = h.simulator.raiseRestrictionAlert([ROBERTA]);
      const other = h.simulator.raiseRestrictionAlert([ROBERT]);
      const d = detector();
      assert.deepEqual(await cycle(d), { restricted: 2, alerts: 2, detected: 2, resolved: 0, inWave: 0 });
      const request = await opened(ROBERTA);
      assert.deepEqual(request.detection?.alerts, [{ id: first.id, webUrl: first.alertWebUrl }]);
      assert.deepEqual(
        (await opened(ROBERT)).detection?.alerts.map((a) => a.id),
        [other.id],
      );

      later(5 * minute);
      const second = h.simulator.raiseRestrictionAlert([ROBERTA], { restrict: false });
      // The read overlaps the previous one: the first alert comes again and is not added twice.
      assert.equal((await cycle(d)).alerts, 3);
      const alerted = await opened(ROBERTA);
      assert.deepEqual(
        alerted.detection?.alerts.map((a) => a.id),
        [first.id, second.id],
      );
      const entry = (await h.store.audit.listForRequest(request.id)).at(-1);
      assert.equal(entry?.action, 'request.alerted');
      assert.deepEqual(entry?.detail, { alerts: second.id });
      // Robert's alert came again and added nothing: his request is unchanged, with nothing recorded.
      const robert = await opened(ROBERT);
      assert.equal(robert.version, 1);
      assert.deepEqual(
        (await h.store.audit.listForRequest(robert.id)).map((e) => e.action),
        ['request.created'],
      );
    });

    it('adds the new alerts of one read to the request in one entry that names each of them', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      const d = detector();
      await cycle(d);
      const request = await opened(ROBERTA);

      later(5 * minute);
      const raised = [
        h.simulator.raiseRestrictionAlert([ROBERTA], { restrict: false }),
        h.simulator.raiseRestrictionAlert([ROBERTA], { restrict: false }),
      ];
      assert.equal((await cycle(d)).alerts, 2);
      const ids = raised.map((a) => a.id).sort();
      assert.deepEqual((await opened(ROBERTA)).detection?.alerts.map((a) => a.id).sort(), ids);
      const entries = (await h.store.audit.listForRequest(request.id)).filter(
        (e) => e.action === 'request.alerted',
      );
      assert.equal(entries.length, 1);
      assert.deepEqual(String(entries[0]?.detail.alerts).split(',').sort(), ids);
    });

    it('adds a later alert to the request of an account the list shows by its user principal name, also when the alert names others', async () => {
      emptyList();
      const alex = SEED.users.nonApprover;
      h.simulator.restrict(alex.upn);
      h.simulator.restrict(ROBERTA);
      const d = detector();
      assert.equal((await cycle(d)).detected, 2);

      later(5 * minute);
      // It names Roberta, and Alex by his user principal name and by his mail (alex.wilber@…), which the
      // list does not show.
      const alert = h.simulator.raiseRestrictionAlert([ROBERTA, alex.upn], { restrict: false });
      await cycle(d);
      const [request] = await h.store.requests.listForTarget(alex.id);
      assert.deepEqual(
        request?.detection?.alerts.map((a) => a.id),
        [alert.id],
      );
      assert.deepEqual(
        (await opened(ROBERTA)).detection?.alerts.map((a) => a.id),
        [alert.id],
      );
    });

    it('adds a later alert to the request of an account the list shows by its mail rather than its user principal name', async () => {
      emptyList();
      const alex = SEED.users.nonApprover;
      h.simulator.restrict(alex.upn);
      h.simulator.setRowFields('Get-BlockedSenderAddress', alex.upn, {
        SenderAddress: 'Alex.Wilber@contoso.com',
      });
      const d = detector();
      assert.equal((await cycle(d)).detected, 1);

      later(5 * minute);
      const alert = h.simulator.raiseRestrictionAlert([alex.upn], { restrict: false });
      await cycle(d);
      const [request] = await h.store.requests.listForTarget(alex.id);
      assert.deepEqual(
        request?.detection?.alerts.map((a) => a.id),
        [alert.id],
      );
    });

    it('attaches an alert that names the account by its object id alone, its address alone or its user principal name alone', async () => {
      emptyList();
      const { roberta, nonApprover: alex, robertSmith: robert } = SEED.users;
      h.simulator.restrict(ROBERTA);
      h.simulator.restrict(alex.upn);
      // Robert is restricted after this read of the list: only his alert tells of him.
      const stale = await h.tenant.listRestrictedSenders();
      const byId = h.simulator.raiseRestrictionAlert([ROBERTA], { restrict: false });
      const byAddress = h.simulator.raiseRestrictionAlert([alex.upn], { restrict: false });
      const byUpn = h.simulator.raiseRestrictionAlert([ROBERT]);
      const graph = await tenantServingAlertEvidence(h, {
        [byId.id]: [{ '@odata.type': USER_EVIDENCE, userAccount: { azureAdUserId: roberta.id } }],
        // Alex's mail, which is not his user principal name, spelled otherwise than the directory does.
        [byAddress.id]: [{ '@odata.type': MAILBOX_EVIDENCE, primaryAddress: 'Alex.Wilber@Contoso.com' }],
        [byUpn.id]: [
          { '@odata.type': USER_EVIDENCE, userAccount: { userPrincipalName: ROBERT.toUpperCase() } },
        ],
      });
      try {
        h.simulator.clearCalls();
        const result = await detector({ tenant: graph.tenant }).cycle(async () => stale);
        assert.deepEqual(result, { restricted: 3, alerts: 3, detected: 3, resolved: 0, inWave: 0 });
        // Robert's alert gives only his user principal name: that is what Exchange is asked about.
        const asked = h.simulator
          .calls()
          .filter((c) => c.cmdlet === 'Get-BlockedSenderAddress')
          .map((c) => c.parameters?.SenderAddress);
        assert.ok(asked.includes(ROBERT));
        await assertAlertsAttached([
          [roberta, byId],
          [alex, byAddress],
          [robert, byUpn],
        ]);
      } finally {
        await graph.close();
      }
    });

    it('adds a later alert that names an account already handled by its object id alone, or by a UPN the list does not show', async () => {
      emptyList();
      const { roberta, nonApprover: alex } = SEED.users;
      h.simulator.restrict(ROBERTA);
      h.simulator.restrict(alex.upn);
      // The list shows Alex by his mail, which is not his user principal name.
      h.simulator.setRowFields('Get-BlockedSenderAddress', alex.upn, {
        SenderAddress: 'alex.wilber@contoso.com',
      });
      const evidence: Record<string, object[]> = {};
      const graph = await tenantServingAlertEvidence(h, evidence);
      try {
        const d = detector({ tenant: graph.tenant });
        assert.equal((await cycle(d)).detected, 2);

        later(5 * minute);
        const byId = h.simulator.raiseRestrictionAlert([ROBERTA], { restrict: false });
        const byUpn = h.simulator.raiseRestrictionAlert([alex.upn], { restrict: false });
        evidence[byId.id] = [{ '@odata.type': USER_EVIDENCE, userAccount: { azureAdUserId: roberta.id } }];
        evidence[byUpn.id] = [{ '@odata.type': USER_EVIDENCE, userAccount: { userPrincipalName: alex.upn } }];
        await cycle(d);
        await assertAlertsAttached([
          [roberta, byId],
          [alex, byUpn],
        ]);
      } finally {
        await graph.close();
      }
    });

    it('keeps open the request of an account a read of the list missed while an alert names it', async () => {
      emptyList();
      h.simulator.restrict(ROBERTA);
      const d = detector();
      await cycle(d);
      const request = await opened(ROBERTA);

      later(5 * minute);
      h.simulator.raiseRestrictionAlert([ROBERTA], { restrict: false });
      // This read of the list missed her (the list and the alerts are not updated at the same moment):
      // Get-BlockedSenderAddress -SenderAddress confirms she is still restricted.
      assert.deepEqual(await d.cycle(async () => []), {
        restricted: 1,
        alerts: 1,
        detected: 0,
        resolved: 0,
        inWave: 0,
      });
      assert.equal((await h.store.requests.get(request.id))?.state, 'open');
    });

    it('counts an account an alert names before the list shows it only once Get-BlockedSenderAddress -SenderAddress confirms it', async () => {
      emptyList();
      // The list was read a moment before Exchange listed the account the alert names.
      const stale = await h.tenant.listRestrictedSenders();
      h.simulator.raiseRestrictionAlert([ROBERTA]);
      // Robert is named twice but not restricted: asked about once, and not opened.
      h.simulator.raiseRestrictionAlert([ROBERT], { restrict: false });
      h.simulator.raiseRestrictionAlert([ROBERT], { restrict: false });
      h.simulator.clearCalls();

      const result = await detector().cycle(async () => stale);
      assert.deepEqual(result, { restricted: 1, alerts: 3, detected: 1, resolved: 0, inWave: 0 });
      const asked = h.simulator
        .calls()
        .filter((c) => c.cmdlet === 'Get-BlockedSenderAddress')
        .map((c) => c.parameters?.SenderAddress);
      assert.deepEqual(asked.sort(), [ROBERT, ROBERTA]);
      assert.ok(await detectedFor(ROBERTA));
      assert.deepEqual(await h.store.requests.listForTarget(SEED.users.robertSmith.id), []);
    });

    it('asks Exchange nothing more about an alerted account the list shows by its user principal name', async () => {
      emptyList();
      // Alex's alert names his mail address; Exchange lists his mailbox by its user principal name.
      h.simulator.raiseRestrictionAlert([SEED.users.nonApprover.upn]);
      h.simulator.clearCalls();
      assert.equal((await cycle(detector())).detected, 1);
      const lookups = h.simulator
        .calls()
        .filter((c) => c.cmdlet === 'Get-BlockedSenderAddress' && c.parameters?.SenderAddress !== undefined);
      assert.deepEqual(lookups, []);
    });

    /** Cycles on `tenant` read the alerts once, then not within the hour, then again: `status` each time. */
    async function backsOffForAnHour(tenant: TenantOf, status: number, first: number): Promise<void> {
      const d = detector({ tenant: tenant.tenant });
      const run = () => d.cycle(() => tenant.tenant.listRestrictedSenders());
      const reads = () =>
        tenant.simulator
          .calls()
          .filter((c) => ALERTS.test(c.path))
          .map((c) => c.status);
      const cycle1 = await run();
      assert.equal(cycle1.alerts, 0);
      assert.equal(cycle1.detected, first);
      assert.deepEqual(reads(), [status]);
      later(hour - 1);
      await run();
      assert.deepEqual(reads(), [status], 'not asked again within the hour');
      later(1);
      await run();
      assert.deepEqual(reads(), [status, status], 'asked again an hour later');
    }

    it('reads no alerts for an hour after Graph refuses them (Forbidden), and detects from the list meanwhile', async () => {
      const refusing = await tenantWithoutAlertPermission(h);
      try {
        refusing.simulator.raiseRestrictionAlert([ROBERTA]);
        // The five seeded restrictions and Roberta, from the list alone.
        await backsOffForAnHour(refusing, 403, 6);
      } finally {
        await refusing.simulator.stop();
      }
    });

    it('tries the alerts again on the next cycle after an outage, and detects from the list meanwhile', async () => {
      emptyList();
      h.simulator.raiseRestrictionAlert([ROBERTA]);
      // Graph is down for the alert read and its three retries (Retry-After: 0), then back.
      h.simulator.setFaults({ graph: { sequence: [503, 503, 503, 503], retryAfterSeconds: 0 } });
      const reads = () =>
        h.simulator
          .calls()
          .filter((c) => ALERTS.test(c.path))
          .map((c) => c.status);
      const d = detector();
      assert.deepEqual(await cycle(d), { restricted: 1, alerts: 0, detected: 1, resolved: 0, inWave: 0 });
      assert.deepEqual((await opened(ROBERTA)).detection?.alerts, []);
      assert.deepEqual(reads(), [503, 503, 503, 503]);

      later(minute);
      assert.equal((await cycle(d)).alerts, 1);
      assert.deepEqual(reads(), [503, 503, 503, 503, 200]);
      assert.equal((await opened(ROBERTA)).detection?.alerts.length, 1);
    });

    it('reads no alerts for an hour after Graph refuses the app’s token (Unauthorized)', async () => {
      // Graph refuses every token; Exchange, which serves the list, accepts them.
      const refusing = await simulatedTenant(
        h,
        (_token, audience) => audience !== 'https://graph.microsoft.com',
      );
      try {
        // An empty list: the cycle asks Graph about nobody, only for the alerts.
        for (const row of refusing.simulator.restrictedSenders())
          refusing.simulator.release(row.SenderAddress);
        await backsOffForAnHour(refusing, 401, 0);
      } finally {
        await refusing.simulator.stop();
      }
    });
  });

  describe('repeat offenders', () => {
    async function unblockedBefore(msBeforeRestriction: number): Promise<UnblockRequest> {
      emptyList();
      const roberta = await directoryUser(ROBERTA);
      h.simulator.restrict(ROBERTA);
      const restrictedAt = Date.parse((await listed(ROBERTA)).createdAt ?? '');
      return agentRequest(roberta, unblockedPath, {
        decidedBy: approver,
        unblockedAt: new Date(restrictedAt - msBeforeRestriction).toISOString(),
      });
    }

    it('makes a restriction within the repeat window after an unblock a repeat offender, with that unblock', async () => {
      // Exactly the window: still within it.
      const earlier = await unblockedBefore(REPEAT_WINDOW_MS);
      await cycle(detector());
      const request = await opened(ROBERTA);
      assert.equal(request.repeat?.windowDays, 7);
      assert.deepEqual(
        request.repeat?.previous.map((p) => [p.requestId, p.approvedBy?.name]),
        [[earlier.id, approver.name]],
      );
      const [created] = await h.store.audit.listForRequest(request.id);
      assert.equal(created?.detail.repeatOffender, true);
    });

    it('does not make a repeat offender of an account unblocked longer ago than the window', async () => {
      await unblockedBefore(REPEAT_WINDOW_MS + 1);
      await cycle(detector());
      const request = await opened(ROBERTA);
      assert.equal(request.repeat, undefined);
      const [created] = await h.store.audit.listForRequest(request.id);
      assert.equal(created?.detail.repeatOffender, undefined);
    });
  });

  describe('phishing waves', () => {
    const records = () => new WaveRecords(h.store.state);

    it('makes more than the threshold of recent restrictions one wave: members, a check each, no card each', async () => {
      // The five seeded restrictions are one to twenty hours old: not part of the wave.
      await records().markFirstCycleDone(h.clock.now);
      const addresses = restrictMany('wave', WAVE_THRESHOLD + 1);
      const createdAt = await Promise.all(
        addresses.map(async (a) => Date.parse((await listed(a)).createdAt ?? '')),
      );
      // The first of them restricted exactly an hour ago: still within the hour.
      h.clock.now = new Date(Math.min(...createdAt) + WAVE_WINDOW_MS);

      assert.deepEqual(await cycle(detector({ waves: true })), {
        restricted: 5 + addresses.length,
        alerts: 0,
        detected: 5 + addresses.length,
        resolved: 0,
        inWave: addresses.length,
      });
      const [wave, ...others] = await records().open();
      assert.ok(wave);
      assert.equal(others.length, 0, 'one wave');
      const members = await Promise.all(addresses.map(opened));
      assert.deepEqual([...wave.members].sort(), members.map((m) => m.id).sort());
      for (const member of members) {
        assert.equal(member.detection?.waveId, wave.id);
        assert.ok(await h.store.jobs.get(waveEvidenceJob(wave.id, member.id).id), 'its compromise check');
        assert.equal(await h.store.jobs.get(`notify:${member.id}:detected:1`), null, 'no card of its own');
        const [created] = await h.store.audit.listForRequest(member.id);
        assert.deepEqual(created?.detail, {
          source: 'detection',
          episode: member.detection?.episode,
          alerts: 0,
          waveId: wave.id,
        });
      }
      for (const job of waveRefreshJobs(wave.id, h.clock.now)) assert.ok(await h.store.jobs.get(job.id));
      // The old restrictions opened alone, each with its own card.
      const rob = await opened(SEED.users.rob.upn);
      assert.equal(rob.detection?.waveId, null);
      assert.ok(await h.store.jobs.get(`notify:${rob.id}:detected:1`));
    });

    it('adds a later account to the open wave though on its own it is below the threshold', async () => {
      emptyList();
      await records().markFirstCycleDone(h.clock.now);
      const d = detector({ waves: true });
      restrictMany('wave', WAVE_THRESHOLD + 1);
      await cycle(d);
      later(10 * minute);
      const [late] = restrictMany('late', 1);
      assert.deepEqual(await cycle(d), { restricted: 5, alerts: 0, detected: 1, resolved: 0, inWave: 1 });
      const [wave] = await records().open();
      const member = await opened(late ?? '');
      assert.equal(member.detection?.waveId, wave?.id);
      assert.equal(wave?.members.length, 5);
      assert.equal(wave?.members.at(-1), member.id);
      assert.ok(await h.store.jobs.get(waveEvidenceJob(wave?.id ?? '', member.id).id));
    });

    it('opens each account on its own at or below the threshold', async () => {
      emptyList();
      await records().markFirstCycleDone(h.clock.now);
      const addresses = restrictMany('few', WAVE_THRESHOLD);
      assert.deepEqual(await cycle(detector({ waves: true })), {
        restricted: WAVE_THRESHOLD,
        alerts: 0,
        detected: WAVE_THRESHOLD,
        resolved: 0,
        inWave: 0,
      });
      for (const address of addresses) {
        const request = await opened(address);
        assert.equal(request.detection?.waveId, null);
        assert.ok(await h.store.jobs.get(`notify:${request.id}:detected:1`));
      }
      assert.deepEqual(await records().open(), []);
    });

    it('counts every account already on the list at the first cycle as recent, however old', async () => {
      assert.equal(await records().firstCycleDone(), false);
      assert.deepEqual(await cycle(detector({ waves: true })), {
        restricted: 5,
        alerts: 0,
        detected: 5,
        resolved: 0,
        inWave: 5,
      });
      assert.equal(await records().firstCycleDone(), true);
      const [wave] = await records().open();
      assert.equal(wave?.members.length, 5);
    });

    it('opens the old restrictions on their own once the first cycle is done', async () => {
      await records().markFirstCycleDone(h.clock.now);
      assert.deepEqual(await cycle(detector({ waves: true })), {
        restricted: 5,
        alerts: 0,
        detected: 5,
        resolved: 0,
        inWave: 0,
      });
      assert.deepEqual(await records().open(), []);
    });

    it('puts back in its wave a member the wave never recorded (a crash before it joined), with its check', async () => {
      emptyList();
      const waves = records();
      await waves.markFirstCycleDone(h.clock.now);
      const wave = await waves.joinOrStart(h.clock.now);
      h.simulator.restrict(ROBERTA);
      const restriction = await listed(ROBERTA);
      const orphan = detectedRequest({
        id: detectedRequestId(SEED.tenantId, episodeOf(restriction)),
        tenantId: SEED.tenantId,
        target: await directoryUser(ROBERTA),
        restriction,
        alerts: [],
        waveId: wave.id,
        locale: 'en',
        now: h.clock.now,
      });
      assert.ok(await h.store.requests.create(orphan));

      assert.equal((await cycle(detector({ waves: true }))).detected, 0);
      assert.deepEqual((await waves.get(wave.id))?.members, [orphan.id]);
      assert.ok(await h.store.jobs.get(waveEvidenceJob(wave.id, orphan.id).id));
    });

    it('leaves the wave as it was in a cycle nobody joins, and after a restart once its members were checked', async () => {
      emptyList();
      await records().markFirstCycleDone(h.clock.now);
      const d = detector({ waves: true });
      const addresses = restrictMany('wave', WAVE_THRESHOLD + 1);
      await cycle(d);
      const [wave] = await records().open();
      assert.ok(wave);
      const joinedAt = h.clock.now.toISOString();
      assert.equal(wave.lastJoinedAt, joinedAt);

      later(30 * minute);
      assert.deepEqual(await cycle(d), { restricted: 4, alerts: 0, detected: 0, resolved: 0, inWave: 0 });
      assert.equal((await records().get(wave.id))?.lastJoinedAt, joinedAt);
      for (const job of waveRefreshJobs(wave.id, h.clock.now))
        assert.equal(await h.store.jobs.get(job.id), null, 'no card refresh');

      // Every member's check ran: each waits for the batch approval. A restart finds nothing to put back.
      for (const address of addresses) {
        const moved = await h.ledger.move(await opened(address), 'pending_approval', {
          actor: null,
          conversationId: null,
          event: null,
        });
        assert.ok(moved.ok);
      }
      later(10 * minute);
      await cycle(detector({ waves: true }));
      assert.equal((await records().get(wave.id))?.lastJoinedAt, joinedAt);

      // An hour after the last account joined, the wave takes no one: a newly restricted account opens alone.
      h.clock.now = new Date(Date.parse(joinedAt) + WAVE_WINDOW_MS + minute);
      const late = restrictedAtClock('late0@contoso.com');
      assert.deepEqual(await cycle(d), { restricted: 5, alerts: 0, detected: 1, resolved: 0, inWave: 0 });
      assert.equal((await opened(late)).detection?.waveId, null);
      assert.equal((await records().get(wave.id))?.members.length, addresses.length);
    });

    it('puts the unchecked members of a wave back once after a restart: its later cycles do not keep the wave open', async () => {
      emptyList();
      await records().markFirstCycleDone(h.clock.now);
      const addresses = restrictMany('wave', WAVE_THRESHOLD + 1);
      await cycle(detector({ waves: true }));
      const [wave] = await records().open();
      assert.ok(wave);

      // A restart before any member's check ran: the new detector queues their checks again.
      later(10 * minute);
      const restarted = detector({ waves: true });
      assert.equal((await cycle(restarted)).detected, 0);
      const restartedAt = h.clock.now.getTime();
      later(10 * minute);
      await cycle(restarted);

      // More than an hour after the restart, the wave takes no one new.
      h.clock.now = new Date(restartedAt + WAVE_WINDOW_MS + minute);
      const late = restrictedAtClock('late0@contoso.com');
      assert.deepEqual(await cycle(restarted), {
        restricted: 5,
        alerts: 0,
        detected: 1,
        resolved: 0,
        inWave: 0,
      });
      assert.equal((await opened(late)).detection?.waveId, null);
      assert.equal((await records().get(wave.id))?.members.length, addresses.length);
    });

    /** The store's state, with `before` run once ahead of the first read: another worker acting just then. */
    function otherWorkerFirst(before: () => Promise<unknown>): StateStore {
      const state = h.store.state;
      let ran = false;
      return {
        async read(keys) {
          if (!ran) {
            ran = true;
            await before();
          }
          return state.read(keys);
        },
        write: (changes) => state.write(changes),
        writeIfAbsent: (key, value) => state.writeIfAbsent(key, value),
        delete: (keys) => state.delete(keys),
      };
    }

    it('counts as a member of its wave an account another worker put in the same wave a moment before', async () => {
      emptyList();
      await records().markFirstCycleDone(h.clock.now);
      const wave = await records().joinOrStart(h.clock.now);
      h.simulator.restrict(ROBERTA);
      const roberta = await listed(ROBERTA);
      // The other worker opens Roberta's request in the wave after this one found none, before it creates it.
      const state = otherWorkerFirst(() => detector({ waves: true }).cycle(async () => [roberta]));
      assert.deepEqual(await detector({ waves: true, state }).cycle(async () => [roberta]), {
        restricted: 1,
        alerts: 0,
        detected: 1,
        resolved: 0,
        inWave: 1,
      });
      const request = await opened(ROBERTA);
      assert.equal(request.detection?.waveId, wave.id);
      assert.deepEqual((await records().get(wave.id))?.members, [request.id]);
    });

    it('leaves out of its wave an account another worker opened on its own a moment before', async () => {
      emptyList();
      await records().markFirstCycleDone(h.clock.now);
      const addresses = restrictMany('wave', WAVE_THRESHOLD + 1);
      const first = await listed(addresses[0] ?? '');
      // The other worker's read of the list showed only the first account: too few for a wave.
      const state = otherWorkerFirst(() => detector({ waves: true }).cycle(async () => [first]));
      assert.deepEqual(await cycle(detector({ waves: true, state })), {
        restricted: addresses.length,
        alerts: 0,
        detected: addresses.length - 1,
        resolved: 0,
        inWave: addresses.length - 1,
      });
      const [wave, ...others] = await records().open();
      assert.ok(wave);
      assert.equal(others.length, 0);
      const alone = await opened(first.senderAddress);
      assert.equal(alone.detection?.waveId, null);
      assert.ok(await h.store.jobs.get(`notify:${alone.id}:detected:1`), 'its own card');
      assert.equal(wave.members.length, addresses.length - 1);
      assert.ok(!wave.members.includes(alone.id));
      assert.equal(await h.store.jobs.get(waveEvidenceJob(wave.id, alone.id).id), null);
    });
  });
});

/** The tenant as the bot sees it without SecurityAlert.Read.All: Graph answers the alerts with 403. */
/** A simulated tenant of its own, and the bot's gateway to it. */
type TenantOf = { simulator: TenantSimulator; tenant: TenantGateway };

async function tenantWithoutAlertPermission(h: Harness): Promise<TenantOf> {
  const roles = [
    'User.Read.All',
    'GroupMember.Read.All',
    'Organization.Read.All',
    'MailboxSettings.Read',
    'Exchange.ManageAsApp',
  ];
  const wids = [ENTRA_ROLES.exchangeAdministrator.id];
  return simulatedTenant(h, () => ({ valid: true, roles, wids }));
}

/** A simulated tenant of its own that checks the app's tokens with `validateToken`, and the bot's view of it. */
async function simulatedTenant(h: Harness, validateToken: TokenValidator): Promise<TenantOf> {
  const simulator = new TenantSimulator({ releaseDelayMs: 0, validateToken });
  await simulator.start();
  const tenant = createLiveTenantGateway({
    graphBaseUrl: simulator.graphBaseUrl,
    exoBaseUrl: simulator.exoBaseUrl,
    tenantId: SEED.tenantId,
    credential: new StaticTokenCredential('test'),
    logger: h.logger,
  });
  return { simulator, tenant };
}

const USER_EVIDENCE = '#microsoft.graph.security.userEvidence';
const MAILBOX_EVIDENCE = '#microsoft.graph.security.mailboxEvidence';

/**
 * The harness's tenant as the bot sees it when Graph names the accounts of some alerts otherwise than the
 * simulator does (which evidence an alert carries is undocumented, m365-contracts.md §4.2): every request
 * goes on to the simulator, and the alerts in `evidence` come back with that evidence instead of theirs.
 */
function tenantServingAlertEvidence(h: Harness, evidence: Record<string, object[]>) {
  return tenantWithGraphRelay(h.simulator, h.logger, (path, body) => {
    if (!ALERTS.test(path)) return body;
    const page = JSON.parse(body) as { value: { id: string; evidence: object[] }[] };
    for (const alert of page.value) alert.evidence = evidence[alert.id] ?? alert.evidence;
    return JSON.stringify(page);
  });
}
