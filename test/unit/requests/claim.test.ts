// Taking over a case the bot opened by itself: the agent becomes its requester (their chat, their language),
// audited with the episode; a case someone already took, one no longer open, or one an agent started is not
// taken (again).
import { strict as assert } from 'node:assert';
import { claimDetected } from '../../../src/requests/detection/claim.js';
import { detectedRequestId } from '../../../src/requests/index.js';
import {
  type Actor,
  detectedRequest,
  episodeOf,
  type RestrictedSender,
  type UnblockRequest,
} from '../../../src/runbook/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { agent, type Harness, openHarness, otherApprover } from './harness.js';

const restriction: RestrictedSender = {
  senderAddress: 'rob@contoso.com',
  reason: 'OutboundSpamLast24Hours=242',
  createdAt: '2026-12-01T09:00:00.000Z',
  changedAt: '2026-12-01T09:00:00.000Z',
  temporaryBlock: false,
};

describe('taking over a detected case', () => {
  let h: Harness;
  let detected: UnblockRequest;
  const take = (request: UnblockRequest, actor: Actor, conversationId: string) =>
    claimDetected(h.ledger, request, { actor, conversationId }, 'da-DK', h.now());

  beforeEach(async () => {
    h = await openHarness();
    const rob = await h.tenant.getUser('rob@contoso.com');
    assert.ok(rob);
    detected = detectedRequest({
      id: detectedRequestId(SEED.tenantId, episodeOf(restriction)),
      tenantId: SEED.tenantId,
      target: rob,
      restriction,
      alerts: [],
      waveId: null,
      locale: 'en',
      now: h.now(),
    });
    assert.ok((await h.ledger.create(detected, { actor: null, conversationId: null })).ok);
  });
  afterEach(async () => {
    await h.close();
  });

  it('makes the case the agent’s: requester, chat, language, and who took it when, audited', async () => {
    const taken = await take(detected, agent, 'a:megan');
    assert.ok(taken?.ok);
    const stored = await h.store.requests.get(detected.id);
    assert.deepEqual(stored?.requester, agent);
    assert.equal(stored?.conversationId, 'a:megan');
    assert.equal(stored?.locale, 'da-DK');
    assert.deepEqual(stored?.detection?.claimedBy, agent);
    assert.equal(stored?.detection?.claimedAt, h.now().toISOString());
    const [entry] = (await h.store.audit.listForRequest(detected.id)).filter(
      (e) => e.action === 'request.claimed',
    );
    assert.deepEqual(entry?.detail, { episode: episodeOf(restriction) });
    assert.equal(entry?.actor?.aadObjectId, agent.aadObjectId);
  });

  it('does not hand a case someone already took to a second agent', async () => {
    assert.ok((await take(detected, agent, 'a:megan'))?.ok);
    const current = await h.store.requests.get(detected.id);
    assert.ok(current);
    assert.equal(await take(current, otherApprover, 'a:nestor'), null);
    assert.deepEqual((await h.store.requests.get(detected.id))?.requester, agent);
  });

  it('does not take a case that is no longer open, or a request an agent started', async () => {
    const moved = await h.ledger.move(detected, 'resolved-by-itself', { actor: null, conversationId: null });
    assert.ok(moved.ok);
    assert.equal(await take(moved.request, agent, 'a:megan'), null);
    const started = await h.seed('rob@contoso.com', []);
    assert.equal(await take(started, otherApprover, 'a:nestor'), null);
    assert.equal((await h.store.requests.get(started.id))?.requester.aadObjectId, agent.aadObjectId);
  });
});
