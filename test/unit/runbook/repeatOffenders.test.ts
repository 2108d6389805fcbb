import { strict as assert } from 'node:assert';
import {
  checkRepeatOffender,
  isRepeatOffender,
  previousApprover,
  repeatOffenceOf,
  type UnblockRequest,
} from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const DAY = 24 * 3600_000;
const now = new Date('2026-11-23T10:00:00Z');
const patti = { aadObjectId: 'patti', name: 'Patti' };
const nestor = { aadObjectId: 'nestor', name: 'Nestor' };

function unblocked(daysAgo: number, by = patti): UnblockRequest {
  return {
    ...sampleRequest(),
    id: `r-${daysAgo}`,
    state: 'resumed',
    decidedBy: by,
    unblockedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
  };
}

describe('repeat offenders', () => {
  it('flags an account unblocked within the window, newest unblock first, with what was found', () => {
    const offence = repeatOffenceOf([unblocked(6), unblocked(0.5, nestor), unblocked(9)], now, 7 * DAY);
    assert.deepEqual(
      offence?.previous.map((p) => p.requestId),
      ['r-0.5', 'r-6'],
    );
    assert.equal(offence?.windowDays, 7);
    assert.equal(offence?.unblocksLast24h, 1);
    assert.deepEqual(offence?.previous[0]?.approvedBy, nestor);
    assert.ok(Array.isArray(offence?.previous[0]?.findings));
  });

  it('counts an unblock at the very moment of the restriction, and one exactly a day before in the daily cap', () => {
    const offence = repeatOffenceOf([unblocked(0), unblocked(1), unblocked(1.5)], now, 7 * DAY);
    assert.equal(offence?.previous.length, 3);
    assert.equal(offence?.unblocksLast24h, 2);
  });

  it('does not flag an unblock outside the window, a request never unblocked, or a later unblock', () => {
    assert.equal(repeatOffenceOf([unblocked(8)], now, 7 * DAY), null);
    assert.equal(repeatOffenceOf([{ ...sampleRequest(), unblockedAt: null }], now, 7 * DAY), null);
    assert.equal(repeatOffenceOf([unblocked(-1)], now, 7 * DAY), null);
    assert.equal(repeatOffenceOf([unblocked(2)], now, 1 * DAY), null, 'the window is configurable');
  });

  const flagged: UnblockRequest = {
    ...sampleRequest(),
    repeat: repeatOffenceOf([unblocked(2)], now, 7 * DAY),
  };
  const check = {
    clicker: nestor,
    securityGroupConfigured: false,
    isSecurityApprover: false,
    acknowledged: true,
  };

  it('lets anyone approve an account that is not a repeat offender', () => {
    assert.equal(isRepeatOffender(sampleRequest()), false);
    assert.deepEqual(checkRepeatOffender(sampleRequest(), { ...check, acknowledged: false }), { ok: true });
  });

  it('with security approvers: only they may approve', () => {
    const security = { ...check, securityGroupConfigured: true };
    assert.deepEqual(checkRepeatOffender(flagged, security), {
      ok: false,
      reason: 'needs-security-approver',
    });
    assert.deepEqual(
      checkRepeatOffender(flagged, { ...security, isSecurityApprover: true, acknowledged: false }),
      { ok: true },
    );
  });

  it('without them: another approver than the previous one, who acknowledges it', () => {
    assert.deepEqual(previousApprover(flagged), patti);
    assert.deepEqual(checkRepeatOffender(flagged, { ...check, clicker: patti }), {
      ok: false,
      reason: 'previous-approver',
    });
    assert.deepEqual(checkRepeatOffender(flagged, { ...check, acknowledged: false }), {
      ok: false,
      reason: 'needs-acknowledgement',
    });
    assert.deepEqual(checkRepeatOffender(flagged, check), { ok: true });
  });
});
