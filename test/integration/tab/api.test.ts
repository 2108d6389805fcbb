// The Requests tab's API over HTTP against the whole app (simulated tenant, SQLite in a temp dir, fake
// Teams connector): only valid single sign-on tokens get in, each person sees what their role allows,
// bad queries get 400, and a decision from the tab follows the card's rules and updates the cards.
import { strict as assert } from 'node:assert';
import { approvalCardIn, requestUnblock } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { forgedTabToken, people, tabToken, unsignedTabToken } from '../../support/tabTokens.js';
import { cardsIn, cardText } from '../../support/teams.js';
import { people as chatPeople, startTestApp, type TestApp } from '../../support/testApp.js';

const fastWorker = {
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '50',
  SIMULATOR_RELEASE_DELAY_S: '1',
};

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(t: TestApp, path: string, token: string | null, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${t.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

function decide(t: TestApp, id: string, token: string, body: unknown) {
  return call(t, `/api/tab/requests/${id}/decision`, token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const removeCalls = (t: TestApp) =>
  (t.app.simulator?.calls() ?? []).filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length;

describe('Requests tab API', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(fastWorker);
  });
  afterEach(async () => {
    await t.stop();
  });

  describe('sign-in', () => {
    it('refuses a missing, malformed, forged, unsigned, expired, wrong-audience, wrong-tenant or app-only token with 401', async () => {
      const approver = people.approver.id;
      const hourAgo = Math.floor(Date.now() / 1000) - 3600;
      const tokens: Record<string, string | null> = {
        missing: null,
        malformed: 'not-a-jwt',
        forged: await forgedTabToken(t, approver),
        unsigned: unsignedTabToken(t, approver),
        expired: tabToken(t, approver, { iat: hourAgo - 3600, nbf: hourAgo - 3600, exp: hourAgo }),
        'wrong audience': tabToken(t, approver, {
          aud: 'api://localhost/00000000-0000-4000-8000-000000000bad',
        }),
        'wrong tenant': tabToken(t, approver, { tid: '11111111-2222-4333-8444-555555555555' }),
        'wrong issuer': tabToken(t, approver, { iss: 'https://login.microsoftonline.com/elsewhere/v2.0' }),
        'app-only': tabToken(t, approver, { scp: undefined, roles: ['Requests.Read.All'] }),
      };
      for (const [name, token] of Object.entries(tokens)) {
        const answer = await call(t, '/api/tab/requests', token);
        assert.equal(answer.status, 401, name);
        assert.equal(answer.body.error, 'InvalidToken', name);
        assert.equal(typeof answer.body.message, 'string', name);
        assert.match(answer.headers.get('www-authenticate') ?? '', /Bearer error="invalid_token"/, name);
        if (token)
          assert.ok(!t.logLines.join('\n').includes(token.split('.')[2] || token), `${name}: token logged`);
      }
      const logged = t.logLines.filter((line) => line.includes('tab sign-in refused'));
      assert.equal(logged.length, Object.keys(tokens).length, 'each refusal logged once, with its reason');
      assert.ok(logged.some((line) => line.includes('"refusal":"wrong-audience"')));
    });

    it('accepts a v2.0 token for the app id and a v1 token for the Application ID URI', async () => {
      const v2 = tabToken(t, people.approver.id, { aud: '00000000-0000-4000-8000-00000000ab1e' });
      assert.equal((await call(t, '/api/tab/me', v2)).status, 200);
      const v1Issuer = `${t.app.simulator?.baseUrl}/${t.app.tenantId}/`;
      const v1 = tabToken(t, people.approver.id, { iss: v1Issuer, ver: '1.0' });
      const me = await call(t, '/api/tab/me', v1);
      assert.equal(me.status, 200);
      assert.deepEqual(me.body, { name: 'Patti Fernandez', role: 'approver' });
    });
  });

  describe('what each role sees', () => {
    let megans: string;
    let isaiahs: string;
    beforeEach(async () => {
      megans = await requestUnblock(t.chat(chatPeople.agent), 'rob@contoso.com');
      isaiahs = await requestUnblock(t.chat(chatPeople.agent2), 'diego@contoso.com');
    });

    it('shows approvers every request and the helpdesk only their own', async () => {
      const all = await call(t, '/api/tab/requests', tabToken(t, people.approver.id));
      assert.equal(all.status, 200);
      assert.deepEqual(
        (all.body.requests as { id: string }[]).map((r) => r.id),
        [isaiahs, megans],
        'newest first',
      );
      const own = await call(t, '/api/tab/requests', tabToken(t, people.agent.id));
      assert.deepEqual(
        (own.body.requests as { id: string }[]).map((r) => r.id),
        [megans],
      );
      assert.equal((await call(t, `/api/tab/requests/${isaiahs}`, tabToken(t, people.agent.id))).status, 403);
      const other = await call(
        t,
        `/api/tab/requests?requester=${people.agent2.id}`,
        tabToken(t, people.agent.id),
      );
      assert.equal(other.status, 403);
      assert.equal(other.body.reason, 'not-theirs');
      assert.equal((await call(t, '/api/tab/requesters', tabToken(t, people.agent.id))).status, 403);
    });

    it('filters by state, user, requester and words, and pages newest first', async () => {
      const token = tabToken(t, people.approver.id);
      const ids = async (query: string) => {
        const answer = await call(t, `/api/tab/requests?${query}`, token);
        assert.equal(answer.status, 200, query);
        return (answer.body.requests as { id: string }[]).map((r) => r.id);
      };
      assert.deepEqual(await ids('state=pending_approval'), [isaiahs, megans]);
      assert.deepEqual(await ids('state=resumed'), []);
      assert.deepEqual(await ids('user=ROB'), [megans]);
      assert.deepEqual(await ids(`requester=${people.agent2.id}`), [isaiahs]);
      assert.deepEqual(await ids('q=diego'), [isaiahs]);
      assert.deepEqual(await ids('q=megan'), [megans]);
      const first = await call(t, '/api/tab/requests?limit=1', token);
      assert.ok(first.body.next);
      assert.deepEqual(await ids(`limit=1&after=${encodeURIComponent(String(first.body.next))}`), [megans]);
      const requesters = await call(t, '/api/tab/requesters', token);
      assert.deepEqual(
        (requesters.body.requesters as { name: string }[]).map((p) => p.name),
        ['Isaiah Langer', 'Megan Bowen'],
      );
    });

    it('shows a request with its timeline from the audit log', async () => {
      const answer = await call(t, `/api/tab/requests/${megans}`, tabToken(t, people.approver.id));
      assert.equal(answer.status, 200);
      const body = answer.body as {
        state: string;
        timeline: { action: string; actor: string; conversation: string }[];
        actions: unknown;
      };
      assert.equal(body.state, 'pending_approval');
      assert.equal(body.timeline[0]?.action, 'request.created');
      assert.equal(body.timeline[0]?.actor, 'Megan Bowen');
      assert.equal(body.timeline[0]?.conversation, 'personal');
      assert.ok(body.timeline.some((e) => e.action === 'restriction.checked'));
      assert.deepEqual(body.actions, { approve: true, reject: true, retry: false, refusal: null });
    });

    it('answers 400 with the problems for a bad query, and 404 for no such request', async () => {
      const token = tabToken(t, people.approver.id);
      for (const query of [
        'state=blocked',
        'limit=0',
        'limit=1000',
        'limit=abc',
        'from=2026-13-01',
        'from=2026-11-02&to=2026-11-01',
        'requester=someone',
        'colour=red',
        'q=a&q=b',
        `q=${'x'.repeat(300)}`,
        'after=c:forged',
      ]) {
        const answer = await call(t, `/api/tab/requests?${query}`, token);
        assert.equal(answer.status, 400, query);
        assert.equal(answer.body.error, 'BadQuery', query);
        assert.ok(Array.isArray(answer.body.details) && answer.body.details.length > 0, query);
      }
      assert.equal((await call(t, '/api/tab/requests/no-such-request', token)).status, 404);
      assert.equal((await call(t, '/api/tab/requests/%3Cscript%3E', token)).status, 400);
    });

    it('refuses people in neither group when HELPDESK_GROUP_ID names one', async () => {
      await t.stop();
      t = await startTestApp({ ...fastWorker, HELPDESK_GROUP_ID: '258821ab-563d-4d96-a90b-e6c700f5e1dc' });
      const answer = await call(t, '/api/tab/requests', tabToken(t, people.nonApprover.id));
      assert.equal(answer.status, 403);
      assert.equal(answer.body.reason, 'no-role');
      assert.equal((await call(t, '/api/tab/me', tabToken(t, people.agent.id))).status, 200);
    });
  });

  describe('decisions', () => {
    it('approves from the tab with the card rules: one unblock, the approval card updated', async () => {
      const approver = t.chat(chatPeople.approver);
      await approver.say('help'); // the bot can reach approvers who chatted with it once
      const id = await requestUnblock(t.chat(chatPeople.agent), 'rob@contoso.com');
      const { sent } = await approvalCardIn(t.connector, approver.conversationId, id);

      const own = await decide(t, id, tabToken(t, people.agent.id), { decision: 'approve' });
      assert.equal(own.status, 403, 'the helpdesk agent is no approver');
      assert.equal(own.body.reason, 'not-approver');

      const answer = await decide(t, id, tabToken(t, people.approver.id), {
        decision: 'approve',
        comment: 'Called Rob',
      });
      assert.equal(answer.status, 200);
      const again = await decide(t, id, tabToken(t, people.nestedApprover.id), { decision: 'reject' });
      assert.equal(again.status, 409, 'a second decision meets the compare-and-set');
      assert.equal(again.body.error, 'AlreadyDecided');

      const update = await t.connector.waitFor(
        (a) =>
          a.method === 'PUT' &&
          a.activityId === sent.assignedId &&
          /Decided by/.test(JSON.stringify(a.activity)),
        15_000,
      );
      const text = cardText(cardsIn(update.activity)[0]);
      assert.match(text, /Decided by\nPatti Fernandez/);
      assert.match(text, /Called Rob/);
      await t.connector.waitFor((a) => /can send email again/.test(JSON.stringify(a.activity)), 15_000);
      assert.equal(removeCalls(t), 1, 'exactly one Remove-BlockedSenderAddress');

      const timeline = (await call(t, `/api/tab/requests/${id}`, tabToken(t, people.approver.id))).body
        .timeline as { action: string; conversation: string }[];
      assert.ok(timeline.some((e) => e.action === 'approval.decided' && e.conversation === 'tab'));
    });

    it('refuses self-approval, and decides once when the card and the tab click at the same moment', async () => {
      await t.stop();
      t = await startTestApp(fastWorker);
      // Patti asks for an unblock herself: she may not approve it, Nestor may.
      const id = await requestUnblock(t.chat(chatPeople.approver), 'diego@contoso.com');
      const own = await decide(t, id, tabToken(t, people.approver.id), { decision: 'approve' });
      assert.equal(own.status, 403);
      assert.equal(own.body.reason, 'own-request');

      const nestor = { id: '29:nestor', aadObjectId: people.nestedApprover.id, name: 'Nestor Wilke' };
      const card = t.chat(nestor);
      const [fromTab, fromCard] = await Promise.all([
        decide(t, id, tabToken(t, people.nestedApprover.id), { decision: 'approve' }),
        card.post(card.invokeActivity(await approvalAction(t, id, 'approval.approve'))),
      ]);
      assert.ok([200, 409].includes(fromTab.status), String(fromTab.status));
      assert.ok(fromCard);
      const decisions = (await t.app.store.audit.listForRequest(id)).filter(
        (e) => e.action === 'approval.decided',
      );
      assert.equal(decisions.length, 1, 'one decision, whoever clicked first');
    });

    it('answers 400 for a malformed decision and 415 for one that is not JSON', async () => {
      const id = await requestUnblock(t.chat(chatPeople.agent), 'rob@contoso.com');
      const token = tabToken(t, people.approver.id);
      for (const body of [{}, { decision: 'maybe' }, { decision: 'approve', comment: 'x'.repeat(501) }]) {
        const answer = await decide(t, id, token, body);
        assert.equal(answer.status, 400, JSON.stringify(body));
      }
      const text = await call(t, `/api/tab/requests/${id}/decision`, token, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'approve',
      });
      assert.equal(text.status, 415);
      assert.equal((await t.app.store.requests.get(id))?.state, 'pending_approval');
    });

    it('moves the change marker when a card decision lands', async () => {
      const id = await requestUnblock(t.chat(chatPeople.agent), 'rob@contoso.com');
      const token = tabToken(t, people.agent.id);
      const before = (await call(t, '/api/tab/changes', token)).body.marker;
      const approver = t.chat(chatPeople.approver);
      await approver.post(approver.invokeActivity(await approvalAction(t, id, 'approval.approve')));
      const after = (await call(t, '/api/tab/changes', token)).body.marker;
      assert.notEqual(after, before);
    });
  });
});
