import { strict as assert } from 'node:assert';
import { detectedRequestId } from '../../../src/requests/index.js';
import {
  canTransition,
  claimFacts,
  DETECTION_ACTOR,
  detectedRequest,
  episodeOf,
  hasAgent,
  isTerminal,
  isUnclaimedDetection,
  type RestrictedSender,
} from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const now = new Date('2026-11-23T10:00:00Z');
const restriction: RestrictedSender = {
  senderAddress: 'Rob@Contoso.com',
  reason: 'OutboundSpamLast24Hours=212',
  createdAt: '2026-11-23T09:58:00.000Z',
  changedAt: '2026-11-23T09:58:00.000Z',
  temporaryBlock: false,
};

describe('detected requests', () => {
  it('keys a restriction episode by address and CreatedDatetime: a new restriction is a new episode', () => {
    assert.equal(episodeOf(restriction), 'rob@contoso.com|2026-11-23T09:58:00.000Z');
    assert.notEqual(
      episodeOf(restriction),
      episodeOf({ ...restriction, createdAt: '2026-11-24T08:00:00.000Z' }),
    );
  });

  it('derives the same request id for the same episode everywhere, a different one for another', () => {
    const id = detectedRequestId('tenant', episodeOf(restriction));
    assert.equal(id, detectedRequestId('tenant', episodeOf({ ...restriction })));
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(id, detectedRequestId('tenant', episodeOf({ ...restriction, createdAt: 'later' })));
    assert.notEqual(id, detectedRequestId('other-tenant', episodeOf(restriction)));
  });

  it('opens a detected request nobody owns, with the restriction already recorded', () => {
    const request = detectedRequest({
      id: 'r1',
      tenantId: 't',
      target: sampleRequest().target,
      restriction,
      alerts: [{ id: 'a1', webUrl: null }],
      waveId: null,
      locale: 'en',
      now,
    });
    assert.equal(request.state, 'open');
    assert.deepEqual(request.requester, DETECTION_ACTOR);
    assert.equal(request.restriction, restriction);
    assert.ok(isUnclaimedDetection(request));
    assert.equal(hasAgent(request), false);
    const claimed = {
      ...request,
      ...claimFacts(request, { aadObjectId: 'agent', name: 'Megan' }, 'a:1', 'da', now),
    };
    assert.equal(isUnclaimedDetection(claimed), false);
    assert.equal(claimed.requester.name, 'Megan');
    assert.equal(claimed.conversationId, 'a:1');
    assert.equal(claimed.locale, 'da');
    assert.ok(hasAgent(sampleRequest()), 'an agent-started request has an agent');
  });

  it('ends as resolved-by-itself only from open or pending approval, and that is an end', () => {
    assert.ok(canTransition('open', 'resolved-by-itself'));
    assert.ok(canTransition('pending_approval', 'resolved-by-itself'));
    assert.ok(!canTransition('approved', 'resolved-by-itself'));
    assert.ok(!canTransition('waiting_resume', 'resolved-by-itself'));
    assert.ok(isTerminal('resolved-by-itself'));
  });
});
