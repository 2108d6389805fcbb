// One behaviour suite for every Store implementation (SQLite now, Azure Storage on Azurite later). It uses
// only the Store ports, never implementation details; anything backend-specific goes in that backend's file.
import { strict as assert } from 'node:assert';
import type { RequestState, UnblockRequest } from '../../src/runbook/types.js';
import { type SentCard, StateConflictError, type Store } from '../../src/store/index.js';
import { describeJobQueueContract } from './jobs.contract.js';
import { sampleAuditEvent, sampleRequest } from './sampleRequest.js';

export interface StoreUnderTest {
  store: Store;
  cleanup(): Promise<void>;
}

const allStates: RequestState[] = [
  'open',
  'pending_approval',
  'approved',
  'unblocking',
  'waiting_resume',
  'resumed',
  'rejected',
  'cancelled',
  'failed',
  'expired',
];
const activeStates: RequestState[] = ['open', 'pending_approval', 'approved', 'unblocking', 'waiting_resume'];

/** The next version of a request, as the runbook would write it. */
function changed(request: UnblockRequest, change: Partial<UnblockRequest>): UnblockRequest {
  return { ...request, ...change, version: request.version + 1 };
}

function ids(requests: UnblockRequest[]): string[] {
  return requests.map((request) => request.id).sort();
}

function minutesAfterNine(minutes: number): string {
  return new Date(Date.UTC(2024, 4, 1, 9, minutes)).toISOString();
}

export function describeStoreContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    describe('requests', () => {
      it('returns the whole request it created', async () => {
        const request = sampleRequest();
        assert.equal(await store.requests.create(request), true);
        assert.deepEqual(await store.requests.get(request.id), request);
      });

      it('returns null for an unknown id', async () => {
        assert.equal(await store.requests.get('req-missing'), null);
      });

      it('refuses a second create with the same id and keeps the first', async () => {
        const first = sampleRequest();
        await store.requests.create(first);
        const second = sampleRequest({ state: 'approved', locale: 'sv-SE' });
        assert.equal(await store.requests.create(second), false);
        assert.deepEqual(await store.requests.get(first.id), first);
      });

      it('updates when the stored version is the expected one', async () => {
        const request = sampleRequest();
        await store.requests.create(request);
        const next = changed(request, { state: 'pending_approval', updatedAt: minutesAfterNine(5) });
        assert.deepEqual(await store.requests.update(next, 1), { ok: true, request: next });
        assert.deepEqual(await store.requests.get(request.id), next);
      });

      it('reports a conflict with the current request on a stale version', async () => {
        const request = sampleRequest();
        await store.requests.create(request);
        const winner = changed(request, { state: 'pending_approval' });
        await store.requests.update(winner, 1);
        const loser = changed(request, { state: 'cancelled' });
        assert.deepEqual(await store.requests.update(loser, 1), {
          ok: false,
          reason: 'conflict',
          current: winner,
        });
        assert.deepEqual(await store.requests.get(request.id), winner);
      });

      it('lets exactly one of ten concurrent updates from the same version win', async () => {
        const request = sampleRequest({ state: 'pending_approval' });
        await store.requests.create(request);
        const attempts = Array.from({ length: 10 }, (_, i) =>
          changed(request, { state: 'approved', decisionComment: `approver ${i}` }),
        );
        const outcomes = await Promise.all(attempts.map((next) => store.requests.update(next, 1)));
        const winners = outcomes.filter((outcome) => outcome.ok);
        assert.equal(winners.length, 1);
        const stored = await store.requests.get(request.id);
        assert.deepEqual(winners[0], { ok: true, request: stored });
        for (const outcome of outcomes.filter((o) => !o.ok)) {
          assert.deepEqual(outcome, { ok: false, reason: 'conflict', current: stored });
        }
      });

      it('reports not-found when updating a request that does not exist', async () => {
        const next = sampleRequest({ id: 'req-missing', version: 2 });
        assert.deepEqual(await store.requests.update(next, 1), { ok: false, reason: 'not-found' });
        assert.equal(await store.requests.get('req-missing'), null);
      });

      it('throws when the next version is not the expected version + 1', async () => {
        const request = sampleRequest();
        await store.requests.create(request);
        await assert.rejects(store.requests.update({ ...request, version: 3 }, 1), /version/);
        await assert.rejects(store.requests.update({ ...request, version: 1 }, 1), /version/);
        assert.deepEqual(await store.requests.get(request.id), request);
      });

      it('lists requests by state, up to a limit', async () => {
        for (const [i, state] of (['open', 'open', 'open', 'pending_approval'] as const).entries()) {
          await store.requests.create(
            sampleRequest({ id: `req-${i}`, state, createdAt: minutesAfterNine(i) }),
          );
        }
        assert.deepEqual(ids(await store.requests.listByState('open')), ['req-0', 'req-1', 'req-2']);
        assert.deepEqual(ids(await store.requests.listByState('pending_approval')), ['req-3']);
        assert.deepEqual(await store.requests.listByState('expired'), []);
        assert.equal((await store.requests.listByState('open', 2)).length, 2);
      });

      it('lists a state after an update moved a request into it', async () => {
        const request = sampleRequest();
        await store.requests.create(request);
        await store.requests.update(changed(request, { state: 'waiting_resume' }), 1);
        assert.deepEqual(await store.requests.listByState('open'), []);
        assert.deepEqual(ids(await store.requests.listByState('waiting_resume')), [request.id]);
      });

      it('lists the active requests for a target user, ignoring ended ones and other users', async () => {
        const rob = sampleRequest().target;
        for (const [i, state] of allStates.entries()) {
          await store.requests.create(
            sampleRequest({ id: `rob-${state}`, state, createdAt: minutesAfterNine(i) }),
          );
        }
        const other = { ...rob, id: 'other-user', userPrincipalName: 'alex@contoso.com' };
        await store.requests.create(sampleRequest({ id: 'alex-open', target: other }));
        assert.deepEqual(
          ids(await store.requests.listActiveForTarget(rob.id)),
          activeStates.map((state) => `rob-${state}`).sort(),
        );
        assert.deepEqual(ids(await store.requests.listActiveForTarget('other-user')), ['alex-open']);
        assert.deepEqual(await store.requests.listActiveForTarget('nobody'), []);
      });

      it("lists an agent's own requests, most recent first, up to the limit", async () => {
        const megan = sampleRequest().requester;
        const alex = { aadObjectId: 'alex-aad', name: 'Alex' };
        for (const [i, requester] of [megan, alex, megan, megan].entries()) {
          await store.requests.create(
            sampleRequest({ id: `r-${i}`, requester, createdAt: minutesAfterNine(i) }),
          );
        }
        assert.deepEqual(
          (await store.requests.listRecentByRequester(megan.aadObjectId, 5)).map((r) => r.id),
          ['r-3', 'r-2', 'r-0'],
        );
        assert.deepEqual(
          (await store.requests.listRecentByRequester(megan.aadObjectId, 1)).map((r) => r.id),
          ['r-3'],
        );
        assert.deepEqual(await store.requests.listRecentByRequester('nobody', 5), []);
      });

      it('lists every request for a target user, most recent first, up to the limit', async () => {
        for (const [i, state] of (['resumed', 'failed', 'open'] as const).entries()) {
          await store.requests.create(
            sampleRequest({ id: `rob-${i}`, state, createdAt: minutesAfterNine(i) }),
          );
        }
        const other = { ...sampleRequest().target, id: 'other-user' };
        await store.requests.create(sampleRequest({ id: 'alex-open', target: other }));
        const rob = sampleRequest().target.id;
        assert.deepEqual(
          (await store.requests.listForTarget(rob)).map((r) => r.id),
          ['rob-2', 'rob-1', 'rob-0'],
        );
        assert.deepEqual(
          (await store.requests.listForTarget(rob, 2)).map((r) => r.id),
          ['rob-2', 'rob-1'],
        );
        assert.deepEqual(await store.requests.listForTarget('nobody'), []);
      });

      it('lists the most recent requests first, up to the limit', async () => {
        for (const minute of [3, 0, 4, 1, 2]) {
          await store.requests.create(
            sampleRequest({ id: `req-${minute}`, createdAt: minutesAfterNine(minute) }),
          );
        }
        const recent = await store.requests.listRecent(3);
        assert.deepEqual(
          recent.map((request) => request.id),
          ['req-4', 'req-3', 'req-2'],
        );
        assert.equal((await store.requests.listRecent(10)).length, 5);
      });
    });

    describe('commits (a use case writes its request, audit entries and jobs together)', () => {
      const job = (id: string) => ({ id, type: 'notify' as const, payload: { requestId: 'req-0001', id } });

      it('creates a request with its audit entries and jobs', async () => {
        const request = sampleRequest();
        const event = sampleAuditEvent();
        const outcome = await store.requests.commit({
          request,
          expectedVersion: null,
          audit: [event],
          jobs: [job('notify:a'), job('notify:b')],
        });
        assert.deepEqual(outcome, { ok: true, request });
        assert.deepEqual(await store.requests.get(request.id), request);
        assert.deepEqual(await store.audit.listForRequest(request.id), [event]);
        assert.equal((await store.jobs.get('notify:a'))?.status, 'queued');
        assert.deepEqual((await store.jobs.get('notify:b'))?.payload, job('notify:b').payload);
      });

      it('moves a request with its audit entries and jobs, and lists it in its new state', async () => {
        const request = sampleRequest();
        await store.requests.create(request);
        const next = changed(request, { state: 'pending_approval' });
        const event = sampleAuditEvent({
          action: 'request.transition',
          fromState: 'open',
          toState: 'pending_approval',
        });
        const outcome = await store.requests.commit({
          request: next,
          expectedVersion: 1,
          audit: [event],
          jobs: [job('notify:submitted')],
        });
        assert.deepEqual(outcome, { ok: true, request: next });
        assert.deepEqual(await store.audit.listForRequest(request.id), [event]);
        assert.equal((await store.jobs.get('notify:submitted'))?.status, 'queued');
        assert.deepEqual(ids(await store.requests.listByState('pending_approval')), [request.id]);
        assert.deepEqual(await store.requests.listByState('open'), []);
      });

      it('writes nothing of a commit that lost the compare-and-set', async () => {
        const request = sampleRequest({ state: 'pending_approval' });
        await store.requests.create(request);
        const winner = changed(request, { state: 'approved' });
        await store.requests.commit({ request: winner, expectedVersion: 1, audit: [], jobs: [] });
        const loser = changed(request, { state: 'rejected' });
        const outcome = await store.requests.commit({
          request: loser,
          expectedVersion: 1,
          audit: [sampleAuditEvent({ action: 'approval.decided' })],
          jobs: [job('notify:rejected')],
        });
        assert.deepEqual(outcome, { ok: false, reason: 'conflict', current: winner });
        assert.deepEqual(await store.audit.listForRequest(request.id), []);
        assert.equal(await store.jobs.get('notify:rejected'), null);
        assert.deepEqual(await store.requests.listByState('rejected'), []);
        assert.deepEqual(ids(await store.requests.listByState('approved')), [request.id]);
      });

      it('lets exactly one of five concurrent commits from the same version win, with its own job', async () => {
        const request = sampleRequest({ state: 'pending_approval' });
        await store.requests.create(request);
        const outcomes = await Promise.all(
          [0, 1, 2, 3, 4].map((i) =>
            store.requests.commit({
              request: changed(request, { state: 'approved', decisionComment: `approver ${i}` }),
              expectedVersion: 1,
              audit: [sampleAuditEvent({ detail: { approver: i } })],
              jobs: [job(`unblock-by-${i}`)],
            }),
          ),
        );
        const winners = outcomes.flatMap((outcome, i) => (outcome.ok ? [i] : []));
        assert.equal(winners.length, 1);
        const jobs = await Promise.all([0, 1, 2, 3, 4].map((i) => store.jobs.get(`unblock-by-${i}`)));
        assert.deepEqual(
          jobs.map((j) => j !== null),
          [0, 1, 2, 3, 4].map((i) => i === winners[0]),
        );
        assert.deepEqual(
          (await store.audit.listForRequest(request.id)).map((e) => e.detail),
          [{ approver: winners[0] }],
        );
      });

      it('refuses to create a request that exists, writing nothing else', async () => {
        const request = sampleRequest();
        await store.requests.create(request);
        const outcome = await store.requests.commit({
          request: sampleRequest({ locale: 'sv-SE' }),
          expectedVersion: null,
          audit: [sampleAuditEvent()],
          jobs: [job('notify:again')],
        });
        assert.deepEqual(outcome, { ok: false, reason: 'exists' });
        assert.deepEqual(await store.requests.get(request.id), request);
        assert.deepEqual(await store.audit.listForRequest(request.id), []);
        assert.equal(await store.jobs.get('notify:again'), null);
      });

      it('reports not-found for a commit to a request that does not exist', async () => {
        const outcome = await store.requests.commit({
          request: sampleRequest({ id: 'req-missing', version: 2 }),
          expectedVersion: 1,
          audit: [sampleAuditEvent({ requestId: 'req-missing' })],
          jobs: [job('notify:missing')],
        });
        assert.deepEqual(outcome, { ok: false, reason: 'not-found' });
        assert.deepEqual(await store.audit.listForRequest('req-missing'), []);
        assert.equal(await store.jobs.get('notify:missing'), null);
      });

      it('queues a committed job id once, keeping the first', async () => {
        const request = sampleRequest();
        await store.jobs.enqueue({ id: 'notify:once', type: 'notify', payload: { first: true } });
        await store.requests.commit({
          request,
          expectedVersion: null,
          audit: [],
          jobs: [job('notify:once')],
        });
        assert.deepEqual((await store.jobs.get('notify:once'))?.payload, { first: true });
        assert.deepEqual(await store.jobs.counts(), { queued: 1, running: 0, done: 0, failed: 0 });
      });
    });

    describe('audit log', () => {
      it('lists the events of one request oldest first', async () => {
        const events = [
          sampleAuditEvent({ at: minutesAfterNine(0) }),
          sampleAuditEvent({ requestId: 'req-other', at: minutesAfterNine(1) }),
          sampleAuditEvent({
            at: minutesAfterNine(2),
            action: 'request.transition',
            fromState: 'open',
            toState: 'pending_approval',
          }),
          sampleAuditEvent({ at: minutesAfterNine(3), action: 'unblock.called', actor: null, detail: {} }),
        ];
        for (const event of events) await store.audit.append(event);
        assert.deepEqual(await store.audit.listForRequest('req-0001'), [events[0], events[2], events[3]]);
        assert.deepEqual(await store.audit.listForRequest('req-other'), [events[1]]);
        assert.deepEqual(await store.audit.listForRequest('req-none'), []);
      });

      it('lists the most recent events first, up to the limit, including ones without a request', async () => {
        const events = [0, 1, 2, 3].map((minute) =>
          sampleAuditEvent({ at: minutesAfterNine(minute), detail: { n: minute } }),
        );
        const refused = sampleAuditEvent({
          requestId: null,
          action: 'access.refused',
          at: minutesAfterNine(4),
        });
        for (const event of [...events, refused]) await store.audit.append(event);
        assert.deepEqual(await store.audit.listRecent(3), [refused, events[3], events[2]]);
        assert.equal((await store.audit.listRecent(10)).length, 5);
      });
    });

    describe('conversations', () => {
      const reference = {
        bot: { id: '28:bot', name: 'Unblock assistant' },
        conversation: { id: 'a:1helpdesk-agent-conversation', tenantId: 't1' },
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
      };

      it('saves, replaces and returns a conversation reference', async () => {
        await store.conversations.saveReference('agent:1', reference);
        assert.deepEqual(await store.conversations.getReference('agent:1'), reference);
        const moved = { ...reference, serviceUrl: 'https://smba.trafficmanager.net/amer/' };
        await store.conversations.saveReference('agent:1', moved);
        assert.deepEqual(await store.conversations.getReference('agent:1'), moved);
      });

      it('returns null for a missing conversation reference', async () => {
        assert.equal(await store.conversations.getReference('agent:none'), null);
      });

      /** Saves one reference per key, in this order, each naming its key. */
      async function saveEach(keys: string[]): Promise<void> {
        for (const key of keys) await store.conversations.saveReference(key, { ...reference, key });
      }

      async function listedKeys(prefix: string, limit?: number): Promise<string[]> {
        return (await store.conversations.listReferences(prefix, limit)).map((listed) => listed.key);
      }

      it('lists the references whose key starts with a prefix, oldest first', async () => {
        await saveEach(['user:b', 'channel:19:x', 'user:a', 'User:c', 'users:d', 'user:😀', 'user']);
        assert.deepEqual(await listedKeys('user:'), ['user:b', 'user:a', 'user:😀']);
        assert.deepEqual(await store.conversations.listReferences('channel:'), [
          { key: 'channel:19:x', reference: { ...reference, key: 'channel:19:x' } },
        ]);
        assert.deepEqual(await listedKeys('group:'), []);
        assert.equal((await listedKeys('')).length, 7);
      });

      it('treats %, _, * and ? in a prefix as plain characters', async () => {
        await saveEach([
          '50%_off:1',
          '50%Xoff:2',
          '50XXoff:3',
          '50%_off:4',
          'a*?[b]:1',
          'a*?[b]:2',
          'axy[b]:3',
        ]);
        assert.deepEqual(await listedKeys('50%_off:'), ['50%_off:1', '50%_off:4']);
        assert.deepEqual(await listedKeys('50%'), ['50%_off:1', '50%Xoff:2', '50%_off:4']);
        assert.deepEqual(await listedKeys('a*?[b]'), ['a*?[b]:1', 'a*?[b]:2']);
      });

      it('lists a replaced reference once, with its new value', async () => {
        await saveEach(['user:a', 'user:b']);
        const moved = { ...reference, serviceUrl: 'https://smba.trafficmanager.net/amer/' };
        await store.conversations.saveReference('user:a', moved);
        const listed = await store.conversations.listReferences('user:');
        assert.equal(listed.length, 2);
        assert.deepEqual(
          listed.find((item) => item.key === 'user:a'),
          { key: 'user:a', reference: moved },
        );
      });

      it('lists references up to a limit, oldest first', async () => {
        await saveEach(['user:1', 'user:2', 'user:3', 'user:4']);
        assert.deepEqual(await listedKeys('user:', 2), ['user:1', 'user:2']);
        assert.deepEqual(await listedKeys('user:', 0), []);
      });

      it('remembers every card sent for a request, once per activity', async () => {
        const cards: SentCard[] = [
          { requestId: 'req-1', conversationId: 'a:agent', activityId: 'act-1', kind: 'runbook' },
          {
            requestId: 'req-1',
            conversationId: '19:approvals@thread.tacv2',
            activityId: 'act-2',
            kind: 'approval',
          },
          { requestId: 'req-2', conversationId: 'a:agent', activityId: 'act-3', kind: 'runbook' },
        ];
        for (const card of cards) await store.conversations.addSentCard(card);
        await store.conversations.addSentCard({ ...cards[0], kind: 'retried' } as SentCard);
        const byActivity = (a: SentCard, b: SentCard) => a.activityId.localeCompare(b.activityId);
        assert.deepEqual((await store.conversations.listSentCards('req-1')).sort(byActivity), [
          cards[0],
          cards[1],
        ]);
        assert.deepEqual(await store.conversations.listSentCards('req-2'), [cards[2]]);
        assert.deepEqual(await store.conversations.listSentCards('req-none'), []);
      });
    });

    describeJobQueueContract(() => store);

    describe('dialog state', () => {
      const dialog = { dialogStack: [{ id: 'runbook', state: { step: 2, options: { locale: 'nl-NL' } } }] };

      it('leaves missing keys out of a read', async () => {
        assert.deepEqual(await store.state.read(['conv/1', 'conv/2']), {});
      });

      it('returns what was written with an eTag, and only the keys asked for', async () => {
        await store.state.write({ 'conv/1': { value: dialog }, 'conv/2': { value: { other: true } } });
        const items = await store.state.read(['conv/1', 'conv/3']);
        assert.deepEqual(Object.keys(items), ['conv/1']);
        assert.deepEqual(items['conv/1']?.value, dialog);
        assert.equal(typeof items['conv/1']?.eTag, 'string');
        assert.notEqual(items['conv/1']?.eTag, '');
      });

      it('gives each write a new eTag and accepts the current one', async () => {
        await store.state.write({ 'conv/1': { value: dialog } });
        const first = (await store.state.read(['conv/1']))['conv/1'];
        await store.state.write({ 'conv/1': { value: { step: 3 }, eTag: first?.eTag } });
        const second = (await store.state.read(['conv/1']))['conv/1'];
        assert.deepEqual(second?.value, { step: 3 });
        assert.notEqual(second?.eTag, first?.eTag);
      });

      it('refuses a write with a stale eTag and keeps the stored value', async () => {
        await store.state.write({ 'conv/1': { value: dialog } });
        const stale = (await store.state.read(['conv/1']))['conv/1']?.eTag;
        await store.state.write({ 'conv/1': { value: { step: 3 }, eTag: stale } });
        await assert.rejects(
          store.state.write({ 'conv/1': { value: { step: 4 }, eTag: stale } }),
          StateConflictError,
        );
        assert.deepEqual((await store.state.read(['conv/1']))['conv/1']?.value, { step: 3 });
      });

      it('refuses a write with an eTag for a key that does not exist', async () => {
        await assert.rejects(
          store.state.write({ 'conv/1': { value: dialog, eTag: 'made-up' } }),
          StateConflictError,
        );
        assert.deepEqual(await store.state.read(['conv/1']), {});
      });

      it("overwrites whatever is stored when the eTag is '*' or absent", async () => {
        await store.state.write({ 'conv/1': { value: dialog } });
        await store.state.write({ 'conv/1': { value: { step: 5 }, eTag: '*' } });
        assert.deepEqual((await store.state.read(['conv/1']))['conv/1']?.value, { step: 5 });
        await store.state.write({ 'conv/1': { value: { step: 6 } } });
        assert.deepEqual((await store.state.read(['conv/1']))['conv/1']?.value, { step: 6 });
      });

      it('writes a key only when it holds nothing, one winner among concurrent writers', async () => {
        const outcomes = await Promise.all(
          [0, 1, 2, 3, 4].map((i) => store.state.writeIfAbsent('card-signing-key', { key: `key-${i}` })),
        );
        assert.equal(outcomes.filter(Boolean).length, 1);
        const winner = outcomes.indexOf(true);
        assert.deepEqual((await store.state.read(['card-signing-key']))['card-signing-key']?.value, {
          key: `key-${winner}`,
        });
        assert.equal(await store.state.writeIfAbsent('card-signing-key', { key: 'late' }), false);
      });

      it('deletes keys, and ignores keys that do not exist', async () => {
        await store.state.write({ 'conv/1': { value: dialog }, 'conv/2': { value: dialog } });
        await store.state.delete(['conv/1', 'conv/missing']);
        assert.deepEqual(Object.keys(await store.state.read(['conv/1', 'conv/2'])), ['conv/2']);
      });
    });

    describe('lifecycle', () => {
      it('answers a ping', async () => {
        await store.ping();
      });

      it('can be closed twice', async () => {
        await store.close();
        await store.close();
      });
    });
  });
}
