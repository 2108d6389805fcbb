// The request list behind the Requests tab (RequestSearch), for every Store implementation: newest first,
// every filter narrows, pages neither skip nor repeat a request, word search matches the start of words,
// and a cursor from elsewhere is refused. Word search may order by when requests were stored (the same as
// when they were created, up to requests created within the same moment).
import { strict as assert } from 'node:assert';
import type { RequestState, UnblockRequest } from '../../src/runbook/types.js';
import type { RequestListQuery, Store } from '../../src/store/index.js';
import { sampleAuditEvent, sampleRequest } from './sampleRequest.js';
import type { StoreUnderTest } from './store.contract.js';

const agents = [
  { aadObjectId: '0b0b0b0b-1111-4222-8333-000000000001', name: 'Megan Bowen' },
  { aadObjectId: '0b0b0b0b-1111-4222-8333-000000000002', name: 'Isaiah Langer' },
  { aadObjectId: '0b0b0b0b-1111-4222-8333-000000000003', name: 'Zoë Noël' },
];
const users = [
  { displayName: 'Rob Young', upn: 'rob@contoso.com' },
  { displayName: 'Robert Smith', upn: 'robert.smith@contoso.com' },
  { displayName: 'Adele Vance', upn: 'Adele.Vance@contoso.com' },
  { displayName: 'Diego Siciliani', upn: 'diego@contoso.com' },
];
const states: RequestState[] = ['pending_approval', 'resumed', 'rejected', 'waiting_resume', 'failed'];

/** Request i: created i minutes after 2024-05-01 09:00, cycling through agents, users and states. */
function requestNumber(i: number): UnblockRequest {
  const user = users[i % users.length] as (typeof users)[number];
  const at = new Date(Date.UTC(2024, 4, 1, 9, i)).toISOString();
  return sampleRequest({
    id: `req-${String(i).padStart(4, '0')}`,
    state: states[i % states.length] as RequestState,
    requester: agents[i % agents.length] as (typeof agents)[number],
    target: {
      id: `user-${i % users.length}`,
      displayName: user.displayName,
      userPrincipalName: user.upn,
      mail: user.upn.toLowerCase(),
      onPremisesSyncEnabled: false,
    },
    createdAt: at,
    updatedAt: at,
  });
}

const COUNT = 40;
const all = Array.from({ length: COUNT }, (_, i) => requestNumber(i));
const newestFirst = (requests: UnblockRequest[]) => [...requests].reverse().map((r) => r.id);

async function everyPage(store: Store, query: Omit<RequestListQuery, 'limit'>, limit: number) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await store.search.list({ ...query, limit, ...(after ? { after } : {}) });
    assert.notEqual(page, 'bad-cursor');
    if (page === 'bad-cursor') return ids;
    assert.ok(page.requests.length <= limit);
    ids.push(...page.requests.map((r) => r.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('more than 100 pages');
}

export function describeRequestSearchContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`RequestSearch contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
      for (const request of all) await store.requests.create(request);
    });

    afterEach(async () => {
      await subject.cleanup();
    });

    it('lists every request newest first, page after page, none skipped or repeated', async () => {
      assert.deepEqual(await everyPage(store, {}, 7), newestFirst(all));
      // Stored last but created first: the order comes from createdAt.
      const late = sampleRequest({ id: 'req-late', createdAt: '2024-05-01T08:00:00.000Z' });
      await store.requests.create(late);
      assert.deepEqual(await everyPage(store, {}, 9), [...newestFirst(all), 'req-late']);
      const first = await store.search.list({ limit: 5 });
      assert.ok(first !== 'bad-cursor' && first.next !== null);
      const last = await store.search.list({ limit: COUNT + 1 });
      assert.ok(last !== 'bad-cursor');
      assert.equal(last.next, null, 'no next page after the last request');
    });

    it('filters by state, several states, requester, user and creation time', async () => {
      const expect = (keep: (r: UnblockRequest) => boolean) => newestFirst(all.filter(keep));
      assert.deepEqual(
        await everyPage(store, { states: ['pending_approval'] }, 3),
        expect((r) => r.state === 'pending_approval'),
      );
      assert.deepEqual(
        await everyPage(store, { states: ['failed', 'rejected'] }, 4),
        expect((r) => r.state === 'failed' || r.state === 'rejected'),
      );
      const megan = agents[0]?.aadObjectId;
      assert.deepEqual(
        await everyPage(store, { requesterId: megan }, 4),
        expect((r) => r.requester.aadObjectId === megan),
      );
      // A prefix of the UPN, in any case: "ROB" finds rob@ and robert.smith@, "adele." finds Adele.Vance@.
      assert.deepEqual(
        await everyPage(store, { targetPrefix: 'ROB' }, 4),
        expect((r) => r.target.userPrincipalName.startsWith('rob')),
      );
      assert.deepEqual(
        await everyPage(store, { targetPrefix: 'adele.' }, 4),
        expect((r) => r.target.displayName === 'Adele Vance'),
      );
      const from = requestNumber(10).createdAt;
      const before = requestNumber(20).createdAt;
      assert.deepEqual(
        await everyPage(store, { createdFrom: from, createdBefore: before }, 4),
        expect((r) => r.createdAt >= from && r.createdAt < before),
      );
      assert.deepEqual(
        await everyPage(store, { states: ['resumed'], requesterId: megan, createdFrom: from }, 2),
        expect((r) => r.state === 'resumed' && r.requester.aadObjectId === megan && r.createdAt >= from),
      );
    });

    it('finds words at the start of names, addresses and ids, all words required', async () => {
      const expect = (keep: (r: UnblockRequest) => boolean) => newestFirst(all.filter(keep));
      assert.deepEqual(
        await everyPage(store, { words: ['rob'] }, 4),
        expect((r) => r.target.displayName.startsWith('Rob')),
      );
      assert.deepEqual(
        await everyPage(store, { words: ['rob@contoso.com'] }, 4),
        expect((r) => r.target.userPrincipalName === 'rob@contoso.com'),
        'an address matches that address, not robert.smith@contoso.com',
      );
      assert.deepEqual(
        await everyPage(store, { words: ['vance', 'isaiah'] }, 4),
        expect((r) => r.target.displayName === 'Adele Vance' && r.requester.name === 'Isaiah Langer'),
      );
      assert.deepEqual(
        await everyPage(store, { words: ['noel'] }, 50),
        expect((r) => r.requester.name === 'Zoë Noël'),
      );
      assert.deepEqual(await everyPage(store, { words: ['req-0007'] }, 5), ['req-0007']);
      assert.deepEqual(await everyPage(store, { words: ['obert'] }, 5), [], 'only the start of a word');
      assert.deepEqual(
        await everyPage(store, { words: ['diego'], states: ['pending_approval', 'failed'] }, 2),
        expect(
          (r) => r.target.displayName.startsWith('Diego') && ['pending_approval', 'failed'].includes(r.state),
        ),
      );
    });

    it('treats search syntax as plain text', async () => {
      for (const word of ['"', 'rob*', 'NEAR(rob', 'rob OR adele', '-rob', '^', '()']) {
        const page = await store.search.list({ words: [word], limit: 5 });
        assert.notEqual(page, 'bad-cursor', word);
      }
      const punctuation = await store.search.list({ words: ['@@@', '---'], limit: 50 });
      assert.ok(punctuation !== 'bad-cursor');
      assert.equal(punctuation.requests.length, COUNT, 'words without letters or digits narrow nothing');
    });

    it('refuses a cursor it did not hand out for this kind of query', async () => {
      const listPage = await store.search.list({ limit: 3 });
      const wordPage = await store.search.list({ words: ['contoso'], limit: 3 });
      assert.ok(listPage !== 'bad-cursor' && listPage.next && wordPage !== 'bad-cursor' && wordPage.next);
      for (const after of ['', 'garbage', 'c:nothing', 'w:abc', `w:${'9'.repeat(20)}`]) {
        assert.equal(await store.search.list({ limit: 3, after }), 'bad-cursor', after);
      }
      assert.equal(await store.search.list({ limit: 3, after: wordPage.next }), 'bad-cursor');
      assert.equal(
        await store.search.list({ words: ['contoso'], limit: 3, after: listPage.next }),
        'bad-cursor',
      );
    });

    it('names everyone who started a request, by the name on their newest request', async () => {
      await store.requests.create(
        sampleRequest({
          ...requestNumber(COUNT),
          requester: { aadObjectId: agents[1]?.aadObjectId ?? '', name: 'Isaiah Langer-Smith' },
        }),
      );
      assert.deepEqual(await store.search.requesters(10), [
        { aadObjectId: agents[1]?.aadObjectId, name: 'Isaiah Langer-Smith' },
        { aadObjectId: agents[0]?.aadObjectId, name: 'Megan Bowen' },
        { aadObjectId: agents[2]?.aadObjectId, name: 'Zoë Noël' },
      ]);
      assert.equal((await store.search.requesters(2)).length, 2);
    });

    it('moves the change marker on every commit and audit entry', async () => {
      const first = await store.search.changeMarker();
      assert.equal(await store.search.changeMarker(), first, 'unchanged while nothing happens');
      const request = all[0] as UnblockRequest;
      await store.requests.commit({
        request: { ...request, version: request.version + 1, state: 'resumed' },
        expectedVersion: request.version,
        audit: [sampleAuditEvent({ requestId: request.id })],
        jobs: [],
      });
      const second = await store.search.changeMarker();
      assert.notEqual(second, first);
      await store.audit.append(sampleAuditEvent({ requestId: request.id, action: 'notify.sent' }));
      assert.notEqual(await store.search.changeMarker(), second);
    });
  });
}
