import { strict as assert } from 'node:assert';
import {
  type CompromiseChecks,
  checkEvidence,
  checksAfterFix,
  findingsOf,
  type UnblockRequest,
  unresolvedFindings,
} from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';

const clean: CompromiseChecks = {
  forwarding: { forwardingSmtpAddress: null, forwardingAddress: null, deliverToMailboxAndForward: false },
  suspiciousRules: [],
  ruleCount: 2,
  sessionsRevoked: false,
  signInRisk: { riskLevel: 'low', riskState: 'none', recentDetections: 0 },
  appConsents: [],
};
const compromised: CompromiseChecks = {
  ...clean,
  forwarding: {
    forwardingSmtpAddress: 'x@evil.example',
    forwardingAddress: null,
    deliverToMailboxAndForward: false,
  },
  suspiciousRules: [
    { id: 'r1', name: '.', enabled: true, forwardsTo: ['x@evil.example'], deletesMessages: true },
    { id: 'r2', name: 'old', enabled: false, forwardsTo: ['y@evil.example'], deletesMessages: false },
    { name: 'no id', enabled: true, forwardsTo: [], deletesMessages: true },
  ],
  signInRisk: { riskLevel: 'high', riskState: 'atRisk', recentDetections: 2 },
  appConsents: [{ appName: 'Mail Sync Pro', at: '2026-11-22T10:00:00Z' }],
};
const agent = { aadObjectId: 'p', name: 'Patti' };

function pending(checks: CompromiseChecks | null): UnblockRequest {
  return { ...sampleRequest(), state: 'pending_approval', checks };
}

describe('findings', () => {
  it('finds nothing on a clean account, or before the check ran', () => {
    assert.deepEqual(findingsOf(clean), []);
    assert.deepEqual(findingsOf(null), []);
    assert.deepEqual(checkEvidence(pending(clean)), { ok: true });
  });

  it('lists forwarding, enabled suspicious rules, sign-in risk and consents, each with the fix an API allows', () => {
    const found = findingsOf(compromised).map((f) => [f.key, f.fix]);
    assert.deepEqual(found, [
      ['forwarding', 'remove-forwarding'],
      ['rule:r1', 'disable-rule'],
      ['rule:no id', null],
      ['sign-in-risk', 'revoke-sessions'],
      ['app-consents', null],
    ]);
  });

  it('counts sign-in risk as a finding at medium or high (in any case), or with any recent detection', () => {
    const risky = (riskLevel: string, recentDetections: number) =>
      findingsOf({ ...clean, signInRisk: { riskLevel, riskState: 'atRisk', recentDetections } }).length > 0;
    assert.equal(risky('Medium', 0), true);
    assert.equal(risky('HIGH', 0), true);
    assert.equal(risky('low', 1), true);
    assert.equal(risky('none', 0), false);
    assert.equal(risky('low', 0), false);
  });

  it('does not treat unreadable parts as findings (the card says "could not be read")', () => {
    assert.deepEqual(
      findingsOf({ ...clean, signInRisk: null, appConsents: null, forwarding: null, ruleCount: -1 }),
      [],
    );
  });

  it('refuses approval while any finding is neither fixed nor waived', () => {
    const request = pending(compromised);
    assert.deepEqual(checkEvidence(request), { ok: false, reason: 'unresolved-findings' });
    const all = findingsOf(compromised).map((f) => ({
      finding: f.key,
      kind: 'waived' as const,
      by: agent,
      at: '2026-11-23T10:00:00Z',
      reason: 'checked',
    }));
    assert.equal(unresolvedFindings({ ...request, resolutions: all.slice(1) }).length, 1);
    assert.deepEqual(checkEvidence({ ...request, resolutions: all }), { ok: true });
  });

  it('records a session revoke on the checks, and keeps what was found otherwise', () => {
    assert.equal(checksAfterFix(compromised, 'revoke-sessions').sessionsRevoked, true);
    assert.deepEqual(checksAfterFix(compromised, 'disable-rule'), compromised);
  });
});
