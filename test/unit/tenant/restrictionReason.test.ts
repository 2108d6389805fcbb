import { strict as assert } from 'node:assert';
import { parseRestrictionReason } from '../../../src/runbook/restrictionReason.js';

describe('parseRestrictionReason', () => {
  it('reads a recipient-rate-limit block with its counts and limit type', () => {
    const r = parseRestrictionReason(
      'EmailSendingLimitExceeded;InternalRecipientCountToday=37;ExternalRecipientCountToday=5012;ExceedingLimitType=External;Last MessagetraceId=abc;LastMessageRcptCount=480;',
    );
    assert.equal(r.kind, 'recipient-limit');
    assert.equal(r.limitType, 'External');
    assert.equal(r.internalRecipientsToday, 37);
    assert.equal(r.externalRecipientsToday, 5012);
    assert.deepEqual(r.flags, ['EmailSendingLimitExceeded']);
    assert.equal(r.fields['Last MessagetraceId'], 'abc');
    assert.equal(r.fields.LastMessageRcptCount, '480');
  });

  it('reads an outbound spam block, including "key:value" segments', () => {
    const r = parseRestrictionReason(
      'OutboundSpamLast24Hours=212;OutboundMailLast24Hours=245;OutboundSpamPercent=86;Last Spam Message MessagetraceId:2f0f5b0e',
    );
    assert.equal(r.kind, 'outbound-spam');
    assert.equal(r.limitType, undefined);
    assert.equal(r.outboundSpamLast24Hours, 212);
    assert.equal(r.outboundMailLast24Hours, 245);
    assert.equal(r.outboundSpamPercent, 86);
    assert.equal(r.fields['Last Spam Message MessagetraceId'], '2f0f5b0e');
  });

  it('accepts the support-wiki placeholder form <Internal>', () => {
    const r = parseRestrictionReason('ExceedingLimitType=<Internal>;InternalRecipientCountToday=x');
    assert.equal(r.kind, 'recipient-limit');
    assert.equal(r.limitType, 'Internal');
    assert.equal(r.internalRecipientsToday, undefined, 'non-numeric counts are left out');
  });

  it('classifies unknown, empty and missing reasons as unknown without throwing', () => {
    for (const reason of ['', 'Something else entirely', ';;;', null, undefined]) {
      const r = parseRestrictionReason(reason);
      assert.equal(r.kind, 'unknown');
    }
  });

  it('marks an unrecognised limit type as Unknown', () => {
    assert.equal(parseRestrictionReason('ExceedingLimitType=Total').limitType, 'Unknown');
  });

  it('bounds the work on a huge reason string', () => {
    const r = parseRestrictionReason(`OutboundSpamPercent=5;${'x=y;'.repeat(100_000)}`);
    assert.equal(r.kind, 'outbound-spam');
    assert.ok(Object.keys(r.fields).length < 2000);
  });
});
