// The rules of a phishing wave's batch approval: which members it may approve (clean ones still waiting;
// never one with open findings, a repeat offender or one at the daily cap), each member's status through its
// life, the counts the cards show, and when the wave is done (every member ended).
import { strict as assert } from 'node:assert';
import {
  batchApprovable,
  batchExclusion,
  isWaveDone,
  type RequestState,
  UNBLOCKS_PER_ACCOUNT_PER_DAY,
  type UnblockRequest,
  waveCounts,
  waveMemberStatus,
} from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const agent = { aadObjectId: '0b0b0b0b-1111-4222-8333-444444444444', name: 'Megan Bowen' };
const clean = {
  forwarding: null,
  suspiciousRules: [],
  ruleCount: 1,
  sessionsRevoked: false,
  signInRisk: { riskLevel: 'none', riskState: 'none', recentDetections: 0 },
  appConsents: [],
};
const prior = {
  requestId: 'earlier',
  restrictedAt: null,
  unblockedAt: '2026-12-01T08:00:00.000Z',
  approvedBy: agent,
  findings: [],
};

const detection = {
  episode: 'user@contoso.com|2026-12-01T09:00:00.000Z',
  detectedAt: '2026-12-01T09:00:00.000Z',
  alerts: [],
  waveId: 'wave-1',
  claimedBy: null,
  claimedAt: null,
};

let next = 0;
/** A wave member nobody took, in `state`. */
function member(state: RequestState, changes: Partial<UnblockRequest> = {}): UnblockRequest {
  next += 1;
  return sampleRequest({
    id: `member-${next}`,
    state,
    checks: clean,
    resolutions: [],
    detection,
    ...changes,
  });
}

describe('phishing wave rules', () => {
  it('leaves out of the batch a member with open findings, a repeat offender and one at the daily cap', () => {
    assert.equal(batchExclusion(member('pending_approval')), null);
    assert.equal(batchExclusion(member('pending_approval', { checks: null })), null);
    const flagged = member('pending_approval', {
      checks: {
        ...clean,
        forwarding: {
          forwardingSmtpAddress: 'x@evil.example',
          forwardingAddress: null,
          deliverToMailboxAndForward: false,
        },
      },
    });
    assert.equal(batchExclusion(flagged), 'findings');
    const repeat = member('pending_approval', {
      repeat: { windowDays: 7, previous: [prior], unblocksLast24h: 0 },
    });
    assert.equal(batchExclusion(repeat), 'repeat-offender');
    const atCap = (count: number) =>
      batchExclusion(
        member('pending_approval', { repeat: { windowDays: 7, previous: [], unblocksLast24h: count } }),
      );
    assert.equal(atCap(UNBLOCKS_PER_ACCOUNT_PER_DAY - 1), null);
    assert.equal(atCap(UNBLOCKS_PER_ACCOUNT_PER_DAY), 'daily-cap');
  });

  it('gives each member its status through its life, and "taken" once an agent has it', () => {
    const statuses = (
      [
        'open',
        'pending_approval',
        'approved',
        'unblocking',
        'waiting_resume',
        'resumed',
        'rejected',
        'expired',
      ] as const
    ).map((state) => waveMemberStatus(member(state)));
    assert.deepEqual(statuses, [
      'checking',
      'clean',
      'approved',
      'approved',
      'unblocked',
      'resumed',
      'ended',
      'ended',
    ]);
    const repeat = member('pending_approval', {
      repeat: { windowDays: 7, previous: [prior], unblocksLast24h: 0 },
    });
    assert.equal(waveMemberStatus(repeat), 'flagged');
    const taken = (state: RequestState) =>
      waveMemberStatus(
        member(state, {
          detection: {
            ...detection,
            claimedBy: agent,
            claimedAt: '2026-12-01T09:30:00.000Z',
          },
        }),
      );
    assert.equal(taken('pending_approval'), 'taken');
    assert.equal(taken('resumed'), 'resumed');
  });

  it('approves in a batch only clean members still waiting, and of a selection only those', () => {
    const a = member('pending_approval');
    const b = member('pending_approval');
    const checking = member('open');
    const approved = member('approved');
    const flagged = member('pending_approval', {
      repeat: { windowDays: 7, previous: [prior], unblocksLast24h: 0 },
    });
    const all = [a, b, checking, approved, flagged];
    assert.deepEqual(
      batchApprovable(all).map((m) => m.id),
      [a.id, b.id],
    );
    assert.deepEqual(
      batchApprovable(all, [b.id, flagged.id]).map((m) => m.id),
      [b.id],
    );
    assert.deepEqual(batchApprovable(all, []), []);
  });

  it('counts the members in each status for the cards', () => {
    const counts = waveCounts([
      member('open'),
      member('pending_approval'),
      member('pending_approval'),
      member('resumed'),
    ]);
    assert.deepEqual(counts, {
      checking: 1,
      clean: 2,
      flagged: 0,
      taken: 0,
      approved: 0,
      unblocked: 0,
      resumed: 1,
      ended: 0,
    });
  });

  it('is done once every member has ended, and not while any can still change', () => {
    assert.equal(isWaveDone([]), false, 'no members yet');
    assert.equal(isWaveDone([member('resumed'), member('rejected'), member('failed')]), true);
    for (const state of ['open', 'pending_approval', 'approved', 'unblocking', 'waiting_resume'] as const)
      assert.equal(isWaveDone([member('resumed'), member(state)]), false, state);
  });
});
