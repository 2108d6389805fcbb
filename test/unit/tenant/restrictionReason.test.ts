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

  it('takes any one sign of a recipient-rate limit as one', () => {
    for (const reason of [
      'emailsendinglimitexceeded',
      'EMAILSENDINGLIMITEXCEEDED;OutboundSpamPercent=3',
      'InternalRecipientCountToday=37',
      'ExternalRecipientCountToday=5012;OutboundSpamPercent=3',
      'exceedinglimittype=external',
    ]) {
      assert.equal(parseRestrictionReason(reason).kind, 'recipient-limit', reason);
    }
    assert.equal(parseRestrictionReason('EmailSendingLimitExceeded').limitType, 'Unknown');
    assert.equal(parseRestrictionReason(' ExceedingLimitType = < external > ').limitType, 'External');
  });

  it('takes a spam flag or a spam field, in any case, as outbound spam', () => {
    assert.equal(parseRestrictionReason('HighOutboundSPAM').kind, 'outbound-spam');
    assert.equal(parseRestrictionReason('outboundspampercent=40').kind, 'outbound-spam');
    assert.equal(parseRestrictionReason('Reason=spam').kind, 'unknown', 'a value naming spam is not a sign');
  });

  it('trims keys and values, keeps value-less segments as flags, and reads only whole numbers', () => {
    const r = parseRestrictionReason(
      ' OutboundSpamPercent = 86 ; =orphan;Bare Flag ;OutboundMailLast24Hours=12x;OutboundSpamLast24Hours=x12',
    );
    assert.equal(r.outboundSpamPercent, 86);
    assert.deepEqual(r.fields, {
      OutboundSpamPercent: '86',
      OutboundMailLast24Hours: '12x',
      OutboundSpamLast24Hours: 'x12',
    });
    assert.deepEqual(r.flags, ['=orphan', 'Bare Flag']);
    assert.equal(r.outboundMailLast24Hours, undefined);
    assert.equal(r.outboundSpamLast24Hours, undefined);
  });

  it('reads no further than the first 4,096 characters', () => {
    const r = parseRestrictionReason(`${'x'.repeat(4096)};OutboundSpamPercent=5`);
    assert.equal(r.kind, 'unknown');
    assert.equal(r.outboundSpamPercent, undefined);
  });
});
