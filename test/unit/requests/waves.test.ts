// Phishing waves on SQLite and the simulated tenant over HTTP, with a clock the test moves and a notifier
// that records what it is asked to send (the boundary to Teams). The wave record: which wave accounts join
// within the hour, members in join order and never twice, every change retried on a concurrent one (and given
// up after ten). The wave's jobs: each member's compromise check (clean ones wait for the batch, flagged ones
// get their own card, taken or ended ones are left alone, one taken over during the check is retried), the
// batch approval of the clean members paced across batches, the cards planned and delivered (Teams' answers
// mapped to retry or done), the monitor's refreshes and its one summary, and malformed payloads. The batch
// approval as the bot hands it over: refused and audited for a non-approver, queued once for an approver.
import { strict as assert } from 'node:assert';
import {
  type DeliveryResult,
  detectedRequestId,
  WaveApprovals,
  type WaveDelivery,
  type WaveMessage,
  type WaveNotifier,
  WaveRecords,
  type WaveView,
} from '../../../src/requests/index.js';
import {
  createWaveJobs,
  type WaveJobs,
  waveApproveJob,
  waveEvidenceJob,
  waveRefreshJobs,
  waveSummaryJob,
} from '../../../src/requests/waves/waveJobs.js';
import { viewWave } from '../../../src/requests/waves/waveView.js';
import {
  type Actor,
  detectedRequest,
  episodeOf,
  type UnblockRequest,
  WAVE_WINDOW_MS,
  waveMemberStatus,
} from '../../../src/runbook/index.js';
import { StateConflictError, type StateStore } from '../../../src/store/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { agent, agentTakesOver, approver, type Harness, openHarness } from './harness.js';

const UNBLOCKS_PER_MINUTE = 30;
const SPACING_MS = 60_000 / UNBLOCKS_PER_MINUTE;
/** The cards of a wave are refreshed at most once per this period. */
const REFRESH_MS = 5000;
const minute = 60_000;
const U = SEED.users;

/** What the wave jobs asked Teams for, and what Teams answers next. */
class RecordingWaveNotifier implements WaveNotifier {
  planned: WaveDelivery[] = [];
  answer: DeliveryResult = { ok: true };
  readonly plans: { message: WaveMessage; waveId: string; members: string[] }[] = [];
  readonly deliveries: { message: WaveMessage; waveId: string; delivery: WaveDelivery }[] = [];

  async plan(message: WaveMessage, wave: WaveView): Promise<WaveDelivery[]> {
    this.plans.push({ message, waveId: wave.id, members: wave.members.map((m) => m.id) });
    return this.planned;
  }

  async deliver(message: WaveMessage, wave: WaveView, delivery: WaveDelivery): Promise<DeliveryResult> {
    this.deliveries.push({ message, waveId: wave.id, delivery });
    return this.answer;
  }
}

/**
 * The store's state with another process's write slipped in before some of this one's writes: `before`
 * runs ahead of every write `when` picks (by its 1-based number), so that write meets a changed eTag.
 */
function contended(state: StateStore, when: (write: number) => boolean, before: () => Promise<void>) {
  let writes = 0;
  const written: string[] = [];
  const store: StateStore = {
    read: (keys) => state.read(keys),
    async write(changes) {
      writes += 1;
      written.push(...Object.keys(changes));
      if (when(writes)) await before();
      await state.write(changes);
    },
    async writeIfAbsent(key, value) {
      writes += 1;
      written.push(key);
      if (when(writes)) await before();
      return state.writeIfAbsent(key, value);
    },
    delete: (keys) => state.delete(keys),
  };
  return { store, writes: () => writes, written: () => written };
}

describe('phishing waves', () => {
  let h: Harness;
  let records: WaveRecords;
  beforeEach(async () => {
    h = await openHarness();
    // The compromise check reads sign-ins and consents the simulator dates with the real time.
    h.clock.now = new Date();
    records = new WaveRecords(h.store.state);
  });
  afterEach(async () => {
    await h.close();
  });

  /** A state store where another process changes something before each write. */
  const everyWriteContended = (change: () => Promise<void>) => contended(h.store.state, () => true, change);

  const later = (ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };
  const at = (ms: number) => new Date(h.clock.now.getTime() + ms);

  /** A detected request of `address` in `waveId`, as detection opens it: state open, nobody's. */
  async function member(address: string, waveId: string): Promise<UnblockRequest> {
    const target = await h.tenant.getUser(address);
    assert.ok(target);
    h.simulator.restrict(address);
    const restriction = await h.tenant.findRestrictedSender(address);
    assert.ok(restriction);
    const request = detectedRequest({
      id: detectedRequestId(SEED.tenantId, episodeOf(restriction)),
      tenantId: SEED.tenantId,
      target,
      restriction,
      alerts: [],
      waveId,
      locale: 'en',
      now: h.clock.now,
    });
    assert.ok((await h.ledger.create(request, { actor: null, conversationId: null, event: null })).ok);
    await records.addMembers(waveId, [request.id], h.clock.now);
    return request;
  }

  async function current(request: UnblockRequest): Promise<UnblockRequest> {
    const stored = await h.store.requests.get(request.id);
    assert.ok(stored);
    return stored;
  }

  async function jobCount(): Promise<number> {
    return Object.values(await h.store.jobs.counts()).reduce((a, b) => a + b, 0);
  }

  describe('the wave record', () => {
    it('joinOrStart returns the wave still joinable within the hour, and starts a new one after it', async () => {
      const first = await records.joinOrStart(h.clock.now);
      assert.equal(first.startedAt, h.clock.now.toISOString());
      assert.deepEqual(first.members, []);
      assert.equal((await records.joinOrStart(at(WAVE_WINDOW_MS)))?.id, first.id, 'exactly an hour later');
      const second = await records.joinOrStart(at(WAVE_WINDOW_MS + 1));
      assert.notEqual(second.id, first.id);
      assert.deepEqual((await records.open()).map((w) => w.id).sort(), [first.id, second.id].sort());
    });

    it('keeps a wave joinable for an hour after its last member joined, and the latest one of several', async () => {
      const older = await records.joinOrStart(h.clock.now);
      later(WAVE_WINDOW_MS + 1);
      const newer = await records.joinOrStart(h.clock.now);
      later(30 * 60_000);
      // A member joins the older wave again: it is now the one joined last.
      await records.addMembers(older.id, ['r1'], h.clock.now);
      later(WAVE_WINDOW_MS);
      assert.equal((await records.joinable(h.clock.now))?.id, older.id);
      assert.equal((await records.joinOrStart(h.clock.now)).id, older.id);
      assert.notEqual(newer.id, older.id);
      // Both joined within the hour: the one joined last, whichever is listed first.
      later(minute);
      await records.addMembers(older.id, ['r2'], h.clock.now);
      later(minute);
      await records.addMembers(newer.id, ['r3'], h.clock.now);
      assert.equal((await records.joinable(h.clock.now))?.id, newer.id);
    });

    it('starts a new wave rather than join one whose summary went out', async () => {
      const summarized = await records.joinOrStart(h.clock.now);
      await records.update(summarized.id, (w) => ({ ...w, summarizedAt: h.clock.now.toISOString() }));
      assert.equal(await records.joinable(h.clock.now), null);
      assert.notEqual((await records.joinOrStart(h.clock.now)).id, summarized.id);
    });

    it('addMembers keeps the order they joined in, never lists a request twice, and only a new member extends the hour', async () => {
      const wave = await records.joinOrStart(h.clock.now);
      await records.addMembers(wave.id, ['a', 'b'], h.clock.now);
      later(60_000);
      const after = await records.addMembers(wave.id, ['b', 'c', 'a', 'd'], h.clock.now);
      assert.deepEqual(after.members, ['a', 'b', 'c', 'd']);
      assert.deepEqual((await records.get(wave.id))?.members, ['a', 'b', 'c', 'd']);
      assert.equal((await records.get(wave.id))?.lastJoinedAt, h.clock.now.toISOString());
      const joinedAt = h.clock.now.toISOString();
      later(60_000);
      // Members put back after a restart are no new members: the hour still counts from the last one.
      await records.addMembers(wave.id, ['c', 'a'], h.clock.now);
      assert.equal((await records.get(wave.id))?.lastJoinedAt, joinedAt);
      assert.deepEqual((await records.get(wave.id))?.members, ['a', 'b', 'c', 'd']);
    });

    it('update applies its change again to what another process wrote meanwhile (StateConflictError)', async () => {
      const wave = await records.joinOrStart(h.clock.now);
      const other = new WaveRecords(h.store.state);
      const race = contended(
        h.store.state,
        (n) => n === 1,
        async () => {
          await other.addMembers(wave.id, ['theirs'], h.clock.now);
        },
      );
      const mine = new WaveRecords(race.store);
      const updated = await mine.addMembers(wave.id, ['mine'], h.clock.now);
      assert.deepEqual(updated.members, ['theirs', 'mine']);
      assert.deepEqual((await records.get(wave.id))?.members, ['theirs', 'mine']);
      assert.equal(race.writes(), 2);
    });

    it('update gives up with a StateConflictError when the record keeps changing, and passes other errors on', async () => {
      const wave = await records.joinOrStart(h.clock.now);
      const other = new WaveRecords(h.store.state);
      const race = everyWriteContended(async () => {
        await other.update(wave.id, (w) => ({ ...w, digest: String(Math.random()) }));
      });
      await assert.rejects(
        new WaveRecords(race.store).addMembers(wave.id, ['mine'], h.clock.now),
        (error: unknown) =>
          error instanceof StateConflictError && error.message === `wave ${wave.id} kept changing`,
      );
      assert.equal(race.writes(), 10);
      assert.deepEqual((await records.get(wave.id))?.members, []);

      let writes = 0;
      const state = h.store.state;
      const broken: StateStore = {
        read: (keys) => state.read(keys),
        write: async () => {
          writes += 1;
          throw new Error('disk full');
        },
        writeIfAbsent: (key, value) => state.writeIfAbsent(key, value),
        delete: (keys) => state.delete(keys),
      };
      await assert.rejects(new WaveRecords(broken).addMembers(wave.id, ['mine'], h.clock.now), /disk full/);
      assert.equal(writes, 1);
    });

    for (const first of [false, true]) {
      const which = first ? 'the very first wave (no open list yet: a create-if-absent)' : 'a wave';
      it(`joinOrStart: of two processes starting ${which} at the same moment, one lists its wave and the other joins it`, async () => {
        // Otherwise an earlier wave, closed: the open list exists, so its writes are compare-and-set.
        if (!first) await records.close((await records.joinOrStart(h.clock.now)).id);
        const other = new WaveRecords(h.store.state);
        let theirs: string | null = null;
        // The second write is the open list's: another process lists its wave just before it.
        const race = contended(
          h.store.state,
          (n) => n === 2,
          async () => {
            theirs = (await other.joinOrStart(h.clock.now)).id;
          },
        );
        const mine = await new WaveRecords(race.store).joinOrStart(h.clock.now);
        assert.ok(theirs);
        assert.equal(mine.id, theirs, 'one wave');
        const listed = (await h.store.state.read(['waves:open']))['waves:open']?.value;
        assert.deepEqual(listed, { ids: [theirs] });
        assert.equal(race.writes(), 2, 'the wave record, then the list write that lost');
        const [unlisted] = race.written();
        assert.match(unlisted ?? '', /^wave:/);
        assert.notEqual(unlisted, `wave:${theirs}`);
        assert.deepEqual(await h.store.state.read([unlisted ?? '']), {}, 'the wave nobody listed is deleted');
      });
    }

    it('joinOrStart gives up with a StateConflictError when the list of open waves keeps changing', async () => {
      // The open list exists (an earlier wave, closed): its writes are compare-and-set.
      await records.close((await records.joinOrStart(h.clock.now)).id);
      const other = new WaveRecords(h.store.state);
      let changes = 0;
      const race = everyWriteContended(async () => {
        // Far more changes than it meets before it gives up: ends a run that would never give up.
        if (++changes > 1000) throw new Error('joinOrStart kept trying');
        await other.close('another-wave');
      });
      await assert.rejects(
        new WaveRecords(race.store).joinOrStart(h.clock.now),
        (error: unknown) =>
          error instanceof StateConflictError && error.message === 'the open waves kept changing',
      );
      assert.deepEqual(await records.open(), [], 'no wave listed');
      assert.equal(race.writes(), 20, 'ten tries, each a wave record and a list write');
    });

    it('joinOrStart passes on an error of the store that is no conflict', async () => {
      await records.close((await records.joinOrStart(h.clock.now)).id);
      const state = h.store.state;
      const broken: StateStore = {
        ...state,
        read: (keys) => state.read(keys),
        write: async (changes) => {
          if ('waves:open' in changes) throw new Error('disk full');
          await state.write(changes);
        },
        writeIfAbsent: (key, value) => state.writeIfAbsent(key, value),
        delete: (keys) => state.delete(keys),
      };
      await assert.rejects(new WaveRecords(broken).joinOrStart(h.clock.now), /disk full/);
    });

    it('close gives up with a StateConflictError when the list of open waves keeps changing', async () => {
      const wave = await records.joinOrStart(h.clock.now);
      const other = new WaveRecords(h.store.state);
      const race = everyWriteContended(async () => {
        await other.close('another-wave');
      });
      await assert.rejects(
        new WaveRecords(race.store).close(wave.id),
        /^StateConflictError: the open waves kept changing$/,
      );
      assert.equal(race.writes(), 10);
      assert.deepEqual(
        (await records.open()).map((w) => w.id),
        [wave.id],
      );
    });

    it('shows a wave with the members whose requests can be read', async () => {
      const wave = await records.joinOrStart(h.clock.now);
      const kept = await member(U.roberta.upn, wave.id);
      await records.addMembers(wave.id, ['never-stored'], h.clock.now);
      const view = await viewWave(records, h.store.requests, wave.id);
      assert.deepEqual(
        view?.members.map((m) => m.id),
        [kept.id],
      );
      assert.equal(view?.startedAt, wave.startedAt);
      assert.equal(await viewWave(records, h.store.requests, 'gone'), null);
    });

    it('addMembers fails for a wave that does not exist', async () => {
      await assert.rejects(records.addMembers('gone', ['r1'], h.clock.now), /^Error: wave gone not found$/);
      assert.equal(await records.get('gone'), null);
    });

    it('close takes that wave alone off the open list, and the first detection cycle is remembered', async () => {
      const wave = await records.joinOrStart(h.clock.now);
      later(WAVE_WINDOW_MS + 1);
      const other = await records.joinOrStart(h.clock.now);
      await records.close(wave.id);
      assert.deepEqual(
        (await records.open()).map((w) => w.id),
        [other.id],
      );
      assert.ok(await records.get(wave.id), 'the record itself stays');
      await records.close(wave.id);
      assert.deepEqual(
        (await records.open()).map((w) => w.id),
        [other.id],
        'closing it again changes nothing',
      );
      assert.equal(await records.firstCycleDone(), false);
      await records.markFirstCycleDone(h.clock.now);
      assert.equal(await records.firstCycleDone(), true);
    });
  });

  describe('wave job ids (the queue keeps one job per id: what is sent or approved once)', () => {
    const at = new Date('2026-12-04T10:00:02.000Z');
    const sameSlot = new Date('2026-12-04T10:00:04.999Z');
    const nextSlot = new Date('2026-12-04T10:00:05.000Z');

    it('refreshes each card once per 5-second slot, at the end of the slot', () => {
      const jobs = waveRefreshJobs('w1', at);
      assert.deepEqual(
        jobs.map((j) => [j.id, j.runAt?.toISOString()]),
        [
          ['wave:w1:incident:359275680', '2026-12-04T10:00:05.000Z'],
          ['wave:w1:batch:359275680', '2026-12-04T10:00:05.000Z'],
        ],
      );
      assert.deepEqual(
        waveRefreshJobs('w1', sameSlot).map((j) => j.id),
        jobs.map((j) => j.id),
      );
      assert.notDeepEqual(
        waveRefreshJobs('w1', nextSlot).map((j) => j.id),
        jobs.map((j) => j.id),
      );
    });

    it('summarises each wave once', () => {
      assert.equal(waveSummaryJob('w1').id, 'wave:w1:summary');
      assert.notEqual(waveSummaryJob('w1').id, waveSummaryJob('w2').id);
    });

    it('approves once per approver, selection and slot: a double click is one job, in any order of selection', () => {
      const id = (selected: string[] | undefined, when = at, who: Actor = approver) =>
        waveApproveJob('w1', who, 'a:patti', selected, when).id;
      const selection = ['r2', 'r1'];
      assert.equal(id(selection), `wave:w1:approve:${approver.aadObjectId}:r1,r2:359275680`);
      assert.deepEqual(selection, ['r2', 'r1'], "the caller's selection is left as it was");
      assert.equal(id(['r1', 'r2'], sameSlot), id(selection));
      assert.equal(id(undefined), `wave:w1:approve:${approver.aadObjectId}:clean:359275680`);
      for (const other of [id(['r1', 'r2'], nextSlot), id(['r12']), id(['r1']), id(undefined, at, agent)])
        assert.notEqual(other, id(selection));
    });
  });

  describe('wave jobs', () => {
    let notifier: RecordingWaveNotifier;
    let jobs: WaveJobs;
    beforeEach(() => {
      notifier = new RecordingWaveNotifier();
      jobs = createWaveJobs({
        requests: h.store.requests,
        jobs: h.store.jobs,
        ledger: h.ledger,
        lifecycle: h.lifecycle,
        tenant: h.tenant,
        waves: records,
        notifier,
        logger: h.logger,
        now: h.now,
        unblocksPerMinute: UNBLOCKS_PER_MINUTE,
      });
    });

    const run = (job: { id: string; payload: object }) => jobs.handle(job.id, job.payload);
    const check = (waveId: string, request: UnblockRequest) => run(waveEvidenceJob(waveId, request.id));
    const approve = (waveId: string, selected?: string[]) =>
      run(waveApproveJob(waveId, approver, 'a:patti', selected, h.clock.now));
    const unblockRunAt = async (request: UnblockRequest) =>
      (await h.store.jobs.get(`unblock:${request.id}`))?.runAt ?? null;

    describe('evidence', () => {
      it('checks an open member and lets it wait for the batch approval, with no card of its own', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const clean = await member(U.roberta.upn, wave.id);
        assert.deepEqual(await check(wave.id, clean), { kind: 'done' });
        const checked = await current(clean);
        assert.equal(checked.state, 'pending_approval');
        assert.equal(checked.checks?.ruleCount, 0);
        assert.equal(checked.submittedAt, h.clock.now.toISOString());
        assert.equal(waveMemberStatus(checked), 'clean');
        assert.equal(await h.store.jobs.get(`notify:${clean.id}:submitted:2`), null);
        assert.deepEqual((await h.store.audit.listForRequest(clean.id)).at(-1)?.detail, {
          waveId: wave.id,
          flagged: false,
        });
        for (const job of waveRefreshJobs(wave.id, h.clock.now)) assert.ok(await h.store.jobs.get(job.id));
      });

      it('gives a member with findings its own approval card (submitted)', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        // Rob forwards his mail outside and signed in riskily.
        const flagged = await member(U.rob.upn, wave.id);
        assert.deepEqual(await check(wave.id, flagged), { kind: 'done' });
        const checked = await current(flagged);
        assert.equal(checked.state, 'pending_approval');
        assert.equal(waveMemberStatus(checked), 'flagged');
        assert.ok(await h.store.jobs.get(`notify:${flagged.id}:submitted:2`));
        assert.deepEqual((await h.store.audit.listForRequest(flagged.id)).at(-1)?.detail, {
          waveId: wave.id,
          flagged: true,
        });
      });

      it('leaves alone a member an agent took over or that ended meanwhile', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const taken = await member(U.roberta.upn, wave.id);
        const claimed = await agentTakesOver(h, taken);
        assert.ok(claimed?.ok);
        const ended = await member(U.robertSmith.upn, wave.id);
        assert.ok(
          (await h.ledger.move(ended, 'resolved-by-itself', { actor: null, conversationId: null })).ok,
        );
        for (const request of [taken, ended]) {
          const before = await current(request);
          assert.deepEqual(await check(wave.id, request), { kind: 'done' });
          const after = await current(request);
          assert.equal(after.version, before.version, 'unchanged');
          assert.equal(after.checks, null);
        }
        // The wave's cards show the agent's request as taken, until it ends as resumed.
        const agents = await current(taken);
        assert.equal(waveMemberStatus(agents), 'taken');
        assert.equal(waveMemberStatus({ ...agents, state: 'resumed' }), 'resumed');
      });

      it('retries the check of a member an agent takes over while it runs, then leaves it to the agent', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const request = await member(U.roberta.upn, wave.id);
        // The check has read the request when the agent takes it over.
        const checking = check(wave.id, request);
        const claimed = await agentTakesOver(h, request);
        assert.ok(claimed?.ok);
        assert.deepEqual(await checking, { kind: 'retry', error: 'request changed (conflict)', delayMs: 0 });
        assert.deepEqual(await check(wave.id, request), { kind: 'done' });
        const after = await current(request);
        assert.equal(after.state, 'open');
        assert.deepEqual(after.detection?.claimedBy, agent);
        assert.equal(after.checks, null);
      });
    });

    describe('approve', () => {
      it('approves only the clean members waiting for the batch, each unblock paced after the one before', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const first = await member(U.roberta.upn, wave.id);
        const flagged = await member(U.rob.upn, wave.id);
        const second = await member(U.robertSmith.upn, wave.id);
        const unchecked = await member(U.adele.upn, wave.id);
        for (const request of [first, flagged, second]) await check(wave.id, request);
        const start = h.clock.now;

        assert.deepEqual(await approve(wave.id), { kind: 'done' });
        for (const request of [first, second]) {
          const approved = await current(request);
          assert.equal(approved.state, 'approved');
          assert.deepEqual(approved.decidedBy, approver);
          assert.equal(approved.decisionComment, 'batch approval of a phishing wave');
        }
        assert.equal((await current(flagged)).state, 'pending_approval');
        assert.equal((await current(unchecked)).state, 'open');
        assert.equal(await unblockRunAt(flagged), null);
        assert.equal(await unblockRunAt(unchecked), null);
        assert.equal(await unblockRunAt(first), start.toISOString());
        assert.equal(await unblockRunAt(second), new Date(start.getTime() + SPACING_MS).toISOString());
        assert.equal(
          (await records.get(wave.id))?.nextUnblockAt,
          new Date(start.getTime() + 2 * SPACING_MS).toISOString(),
        );
      });

      it('continues the pacing of earlier batches from the wave’s nextUnblockAt, and from now once it passed', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const first = await member(U.roberta.upn, wave.id);
        const second = await member(U.robertSmith.upn, wave.id);
        const third = await member(U.adele.upn, wave.id);
        for (const request of [first, second, third]) await check(wave.id, request);
        const start = h.clock.now.getTime();

        await approve(wave.id, [first.id]);
        assert.equal((await current(second)).state, 'pending_approval', 'only the selected member');
        later(SPACING_MS / 4);
        await approve(wave.id, [second.id]);
        assert.equal(await unblockRunAt(first), new Date(start).toISOString());
        assert.equal(await unblockRunAt(second), new Date(start + SPACING_MS).toISOString());

        later(10 * SPACING_MS);
        await approve(wave.id, [third.id]);
        assert.equal(await unblockRunAt(third), h.clock.now.toISOString());
        assert.equal(
          (await records.get(wave.id))?.nextUnblockAt,
          new Date(h.clock.now.getTime() + SPACING_MS).toISOString(),
        );
      });
    });

    describe('cards', () => {
      it('plans one delivery job per message: a post once per place, an update once per refresh', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const request = await member(U.roberta.upn, wave.id);
        notifier.planned = [
          { key: 'helpdesk', action: 'post', referenceKey: 'channel:helpdesk' },
          { key: 'patti', action: 'update', referenceKey: 'user:patti', activityId: 'act-1' },
        ];
        const [incident] = waveRefreshJobs(wave.id, h.clock.now);
        assert.ok(incident);
        assert.deepEqual(await run(incident), { kind: 'done' });
        assert.deepEqual(notifier.plans, [{ message: 'incident', waveId: wave.id, members: [request.id] }]);
        const posted = await h.store.jobs.get(`wave:${wave.id}:incident:post:helpdesk`);
        assert.deepEqual(posted?.payload, {
          kind: 'deliver',
          waveId: wave.id,
          message: 'incident',
          delivery: notifier.planned[0],
        });
        assert.ok(await h.store.jobs.get(`${incident.id}:patti`));

        // A later refresh posts nothing again, and updates the card once more.
        const before = await jobCount();
        await jobs.handle(`${incident.id}-next`, incident.payload);
        assert.equal(await jobCount(), before + 1);
        assert.ok(await h.store.jobs.get(`${incident.id}-next:patti`));
      });

      it('delivers each card, retrying a throttled or transient delivery and dropping one that cannot arrive', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const delivery: WaveDelivery = { key: 'helpdesk', action: 'post', referenceKey: 'channel:helpdesk' };
        const deliver = () =>
          jobs.handle('wave:deliver', { kind: 'deliver', waveId: wave.id, message: 'batch', delivery });
        notifier.answer = { ok: false, reason: 'throttled', retryAfterMs: 7000 };
        assert.deepEqual(await deliver(), { kind: 'retry', error: 'throttled by Teams', delayMs: 7000 });
        notifier.answer = { ok: false, reason: 'transient', detail: 'connector 502' };
        assert.deepEqual(await deliver(), { kind: 'retry', error: 'connector 502' });
        notifier.answer = { ok: false, reason: 'unreachable', detail: 'bot removed' };
        assert.deepEqual(await deliver(), { kind: 'done' });
        notifier.answer = { ok: true };
        assert.deepEqual(await deliver(), { kind: 'done' });
        assert.deepEqual(
          notifier.deliveries,
          Array.from({ length: 4 }, () => ({ message: 'batch', waveId: wave.id, delivery })),
        );
      });

      it('fails a notify, deliver or approve job of a wave that does not exist', async () => {
        const delivery = { key: 'k', action: 'post', referenceKey: 'r' };
        const failed = { kind: 'failed', error: 'wave gone not found' };
        assert.deepEqual(
          await jobs.handle('x', { kind: 'notify', waveId: 'gone', message: 'batch' }),
          failed,
        );
        assert.deepEqual(
          await jobs.handle('x', { kind: 'deliver', waveId: 'gone', message: 'batch', delivery }),
          failed,
        );
        assert.deepEqual(await approve('gone'), failed);
        assert.deepEqual(notifier.plans, []);
        assert.deepEqual(notifier.deliveries, []);
      });
    });

    describe('monitor', () => {
      it('refreshes the cards only when a member changed, and queues the summary once every member ended', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const only = await member(U.roberta.upn, wave.id);
        const refreshed = async () =>
          (await Promise.all(waveRefreshJobs(wave.id, h.clock.now).map((j) => h.store.jobs.get(j.id)))).every(
            (job) => job !== null,
          );
        const summary = () => h.store.jobs.get(waveSummaryJob(wave.id).id);

        await jobs.monitor();
        assert.equal(await refreshed(), true, 'the first look at the wave');
        assert.equal(await summary(), null, 'a member still open');

        later(REFRESH_MS);
        await jobs.monitor();
        assert.equal(await refreshed(), false, 'nothing changed');

        later(REFRESH_MS);
        assert.ok(
          (await h.ledger.move(only, 'resolved-by-itself', { actor: null, conversationId: null })).ok,
        );
        await jobs.monitor();
        assert.equal(await refreshed(), true, 'a member changed');
        assert.ok(await summary());
        assert.equal((await records.get(wave.id))?.summarizedAt, h.clock.now.toISOString());
        assert.deepEqual(await records.open(), [], 'closed');

        later(REFRESH_MS);
        const before = await jobCount();
        await jobs.monitor();
        assert.equal(await jobCount(), before, 'summarised once');
      });

      it('does not queue the summary again for a wave whose summary already went out, and closes it (a crash between the two)', async () => {
        const wave = await records.joinOrStart(h.clock.now);
        const only = await member(U.roberta.upn, wave.id);
        assert.ok(
          (await h.ledger.move(only, 'resolved-by-itself', { actor: null, conversationId: null })).ok,
        );
        const sentAt = h.clock.now.toISOString();
        await records.update(wave.id, (w) => ({ ...w, summarizedAt: sentAt }));
        later(REFRESH_MS);
        await jobs.monitor();
        assert.equal(await h.store.jobs.get(waveSummaryJob(wave.id).id), null);
        assert.equal((await records.get(wave.id))?.summarizedAt, sentAt);
        assert.deepEqual(await records.open(), [], 'no longer read every cycle');
      });
    });

    it('fails a malformed payload', async () => {
      const malformed: object[] = [
        {},
        { kind: 'evidence', waveId: 'w' },
        { kind: 'notify', waveId: 'w', message: 'everything' },
        {
          kind: 'deliver',
          waveId: 'w',
          message: 'batch',
          delivery: { key: 'k', action: 'send', referenceKey: 'r' },
        },
        { kind: 'approve', waveId: 'w', approver: { name: 'Patti' }, conversationId: 'a:patti' },
        { kind: 'unblock', waveId: 'w' },
      ];
      for (const payload of malformed)
        assert.deepEqual(
          await jobs.handle('wave:bad', payload),
          { kind: 'failed', error: 'malformed wave payload' },
          JSON.stringify(payload),
        );
    });
  });

  describe('the batch approval as the bot hands it over', () => {
    let pokes: number;
    let approvals: WaveApprovals;
    beforeEach(() => {
      pokes = 0;
      approvals = new WaveApprovals({
        requests: h.store.requests,
        jobs: h.store.jobs,
        ledger: h.ledger,
        waves: records,
        now: h.now,
        poke: () => {
          pokes += 1;
        },
      });
    });

    /** A wave with one clean member waiting for the batch and one flagged member. */
    async function checkedWave(): Promise<{
      waveId: string;
      clean: UnblockRequest;
      flagged: UnblockRequest;
    }> {
      const wave = await records.joinOrStart(h.clock.now);
      const clean = await member(U.roberta.upn, wave.id);
      const flagged = await member(U.rob.upn, wave.id);
      const move = async (request: UnblockRequest, checks: UnblockRequest['checks']) => {
        const moved = await h.ledger.move(
          request,
          'pending_approval',
          { actor: null, conversationId: null, event: null },
          { checks },
        );
        assert.ok(moved.ok);
      };
      await move(clean, {
        forwarding: null,
        suspiciousRules: [],
        ruleCount: 0,
        sessionsRevoked: false,
        signInRisk: null,
        appConsents: [],
      });
      await move(flagged, {
        forwarding: null,
        suspiciousRules: [],
        ruleCount: 0,
        sessionsRevoked: false,
        signInRisk: null,
        appConsents: [{ appName: 'Mail Sync Pro', at: h.clock.now.toISOString() }],
      });
      return { waveId: wave.id, clean, flagged };
    }

    const approveAs = (clicker: Actor, waveId: string, isApprover: boolean, selected?: string[]) =>
      approvals.approve({
        waveId,
        clicker,
        conversationId: 'a:clicker',
        isApprover,
        ...(selected ? { selected } : {}),
      });

    it('refuses a non-approver, with an access.refused audit entry, and queues nothing', async () => {
      const { waveId } = await checkedWave();
      const before = await jobCount();
      const result = await approveAs(agent, waveId, false);
      assert.equal(result.kind, 'refused');
      const [entry] = await h.store.audit.listRecent(1);
      assert.equal(entry?.action, 'access.refused');
      assert.equal(entry?.requestId, null);
      assert.deepEqual(entry?.actor, agent);
      assert.deepEqual(entry?.detail, { waveId, action: 'wave.approve' });
      assert.equal(await jobCount(), before);
      assert.equal(
        await h.store.jobs.get(waveApproveJob(waveId, agent, 'a:clicker', undefined, h.clock.now).id),
        null,
      );
      assert.equal(pokes, 0);
    });

    it('queues one approve job for an approver, counting the clean members, and wakes the worker', async () => {
      const { waveId, clean, flagged } = await checkedWave();
      const result = await approveAs(approver, waveId, true);
      assert.ok(result.kind === 'queued');
      assert.equal(result.count, 1);
      assert.deepEqual(
        result.wave.members.map((m) => m.id),
        [clean.id, flagged.id],
      );
      const job = await h.store.jobs.get(
        waveApproveJob(waveId, approver, 'a:clicker', undefined, h.clock.now).id,
      );
      assert.deepEqual(job?.payload, { kind: 'approve', waveId, approver, conversationId: 'a:clicker' });
      const [entry] = await h.store.audit.listRecent(1);
      assert.equal(entry?.action, 'wave.approved');
      assert.deepEqual(entry?.detail, { waveId, count: 1, selected: null });
      assert.equal(pokes, 1);
    });

    it('queues nothing when the selection holds no clean member', async () => {
      const { waveId, flagged } = await checkedWave();
      const before = await jobCount();
      const result = await approveAs(approver, waveId, true, [flagged.id]);
      assert.ok(result.kind === 'queued');
      assert.equal(result.count, 0);
      assert.equal(await jobCount(), before);
      assert.equal(pokes, 0);
      const [entry] = await h.store.audit.listRecent(1);
      assert.deepEqual(entry?.detail, { waveId, count: 0, selected: 1 });
    });

    it('answers not-found for a wave that does not exist', async () => {
      assert.deepEqual(await approveAs(approver, 'gone', true), { kind: 'not-found' });
      assert.deepEqual(await approvals.view('gone'), null);
    });
  });
});
