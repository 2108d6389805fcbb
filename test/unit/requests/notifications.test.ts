// Delivering one notification, on SQLite with a Notifier that answers as Teams would: a post is marked
// before it is sent, every outcome is audited, Teams' throttling and transient errors are retried, and a
// note the agent cannot receive falls back once to the approvals channel (never a card, never a fallback of
// a fallback).
import { strict as assert } from 'node:assert';
import type { Delivery, DeliveryResult, Notifier } from '../../../src/requests/index.js';
import { deliverNotification } from '../../../src/requests/notifications.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import { type Harness, openHarness } from './harness.js';

const toAgent: Delivery = {
  key: 'agent',
  action: 'post',
  referenceKey: 'conversation:a:1',
  content: 'agent-note',
};
const cardUpdate: Delivery = {
  key: 'card:1',
  action: 'update',
  referenceKey: 'approvals-channel',
  activityId: '1',
  content: 'approval-card',
};
const inChannel: Delivery = {
  key: 'channel',
  action: 'post',
  referenceKey: 'approvals-channel',
  content: 'agent-note',
};

/** A Notifier whose every delivery answers `result`; records what it was asked. */
function teamsAnswering(result: DeliveryResult, fallback: Delivery | null = inChannel) {
  const delivered: Delivery[] = [];
  const notifier: Notifier = {
    plan: async () => [toAgent, cardUpdate],
    deliver: async (_event, _request, delivery) => {
      delivered.push(delivery);
      return result;
    },
    fallbackFor: async () => fallback,
  };
  return { notifier, delivered };
}

describe('notification delivery', () => {
  let h: Harness;
  let request: UnblockRequest;
  beforeEach(async () => {
    h = await openHarness();
    request = await h.seed('rob@contoso.com', ['pending_approval', 'approved']);
  });
  afterEach(async () => {
    await h.close();
  });

  const deliver = (notifier: Notifier, payload: object, jobId = 'notify:r:approved:3') =>
    deliverNotification(
      { requests: h.store.requests, jobs: h.store.jobs, ledger: h.ledger, notifier, logger: h.logger },
      jobId,
      payload,
    );
  const audit = async () =>
    (await h.store.audit.listForRequest(request.id))
      .filter((e) => e.action.startsWith('notify.'))
      .map((e) => [e.action, e.detail]);
  const queued = async (...ids: string[]) =>
    Promise.all(ids.map(async (id) => (await h.store.jobs.get(id))?.payload ?? null));

  it('plans one delivery job per message, and only plans', async () => {
    const { notifier, delivered } = teamsAnswering({ ok: true });
    assert.deepEqual(await deliver(notifier, { requestId: request.id, event: 'approved' }), { kind: 'done' });
    assert.deepEqual(delivered, []);
    assert.deepEqual(await queued('notify:r:approved:3:agent', 'notify:r:approved:3:card:1'), [
      { requestId: request.id, event: 'approved', delivery: toAgent },
      { requestId: request.id, event: 'approved', delivery: cardUpdate },
    ]);
  });

  it('marks a post before sending it and audits the delivery; an update is only audited', async () => {
    const { notifier } = teamsAnswering({ ok: true });
    assert.deepEqual(
      await deliver(notifier, { requestId: request.id, event: 'approved', delivery: toAgent }),
      {
        kind: 'done',
      },
    );
    assert.deepEqual(
      await deliver(notifier, { requestId: request.id, event: 'approved', delivery: cardUpdate }),
      {
        kind: 'done',
      },
    );
    assert.deepEqual(await audit(), [
      ['notify.sending', { event: 'approved', to: 'conversation:a:1', key: 'agent' }],
      ['notify.sent', { event: 'approved', to: 'conversation:a:1', action: 'post' }],
      ['notify.sent', { event: 'approved', to: 'approvals-channel', action: 'update' }],
    ]);
  });

  it('retries when Teams throttles (after its Retry-After) or fails for a while, without a failure entry', async () => {
    const throttled = teamsAnswering({ ok: false, reason: 'throttled', retryAfterMs: 7000 });
    assert.deepEqual(
      await deliver(throttled.notifier, { requestId: request.id, event: 'approved', delivery: cardUpdate }),
      {
        kind: 'retry',
        error: 'throttled by Teams',
        delayMs: 7000,
      },
    );
    const transient = teamsAnswering({ ok: false, reason: 'transient', detail: 'HTTP 502' });
    assert.deepEqual(
      await deliver(transient.notifier, { requestId: request.id, event: 'approved', delivery: cardUpdate }),
      {
        kind: 'retry',
        error: 'HTTP 502',
      },
    );
    assert.deepEqual(await audit(), []);
  });

  it('sends an undeliverable note to the agent once more, to the approvals channel, and no further', async () => {
    const { notifier } = teamsAnswering({
      ok: false,
      reason: 'unreachable',
      detail: 'ConversationBlockedByUser',
    });
    assert.deepEqual(
      await deliver(notifier, { requestId: request.id, event: 'approved', delivery: toAgent }, 'n:agent'),
      {
        kind: 'done',
      },
    );
    const [fallback] = await queued('n:agent:fallback');
    assert.deepEqual(fallback, {
      requestId: request.id,
      event: 'approved',
      delivery: inChannel,
      fallback: true,
    });

    assert.deepEqual(await deliver(notifier, fallback as object, 'n:agent:fallback'), { kind: 'done' });
    assert.deepEqual(
      await queued('n:agent:fallback:fallback', 'n:agent:fallback:channel'),
      [null, null],
      'no fallback of a fallback',
    );
    assert.deepEqual(
      (await audit()).filter(([action]) => action === 'notify.failed'),
      [
        ['notify.failed', { event: 'approved', to: 'conversation:a:1', detail: 'ConversationBlockedByUser' }],
        [
          'notify.failed',
          { event: 'approved', to: 'approvals-channel', detail: 'ConversationBlockedByUser' },
        ],
      ],
    );
  });

  it('does not redirect an approval card that cannot be updated, nor a note with nowhere to go', async () => {
    const unreachable: DeliveryResult = { ok: false, reason: 'unreachable', detail: 'NotFound' };
    const card = teamsAnswering(unreachable);
    await deliver(
      card.notifier,
      { requestId: request.id, event: 'approved', delivery: cardUpdate },
      'n:card',
    );
    const nowhere = teamsAnswering(unreachable, null);
    await deliver(
      nowhere.notifier,
      { requestId: request.id, event: 'approved', delivery: toAgent },
      'n:agent',
    );
    assert.deepEqual(await queued('n:card:fallback', 'n:agent:fallback'), [null, null]);
    assert.equal((await audit()).filter(([action]) => action === 'notify.failed').length, 2);
  });

  it('fails a job whose payload or request is not there, without asking Teams', async () => {
    const { notifier, delivered } = teamsAnswering({ ok: true });
    assert.deepEqual(await deliver(notifier, { event: 'approved' }), {
      kind: 'failed',
      error: 'malformed notify payload',
    });
    assert.equal(
      (await deliver(notifier, { requestId: 'gone', event: 'approved', delivery: toAgent })).kind,
      'failed',
    );
    assert.deepEqual(delivered, []);
  });
});
