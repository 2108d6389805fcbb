// Exchange documents no output schema for Get-BlockedSenderAddress or Get-Mailbox (m365-contracts.md §1.1,
// §2.3: the field set is only what CIPP reads, and REST rows carry .NET types with "@data.type"
// annotations). A value of an unexpected type in a field that is not the row's key must cost that field
// only: the row stays, the field reads as unreadable, and the log says so once per field.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { type Harness, resetHarness, startHarness } from './harness.js';

const ROB = SEED.users.rob.upn;

describe('live gateway against the simulator: fields of an unexpected type', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.sim.stop());
  beforeEach(() => resetHarness(h));

  function warnings(): Array<{ what?: string; field?: string; received?: string; msg?: string }> {
    return h.logLines.map((line) => JSON.parse(line)).filter((l) => l.level === 40 && l.field);
  }

  it('keeps a Restricted-list row whose date and flag have other types, and marks them unreadable', async () => {
    // Windows PowerShell's JSON date and a string boolean: plausible serializations of DateTime and bool.
    h.sim.setRowFields('Get-BlockedSenderAddress', ROB, {
      CreatedDatetime: '/Date(1732262400000)/',
      TemporaryBlock: 'False',
      ChangedDatetime: { DateTime: 'Friday, 22 November 2024 08:00:00' },
    });
    const senders = await h.gateway.listRestrictedSenders();
    assert.equal(senders.length, 5, 'every row is still there');
    const rob = senders.find((s) => s.senderAddress === ROB);
    assert.ok(rob);
    assert.match(rob.reason, /OutboundSpam/, 'the readable fields are read');
    assert.equal(rob.createdAt, null);
    assert.equal(rob.changedAt, null);
    assert.equal(rob.temporaryBlock, false);
    assert.deepEqual([...(rob.unreadable ?? [])].sort(), ['changedAt', 'createdAt', 'temporaryBlock']);
    const adele = senders.find((s) => s.senderAddress === SEED.users.adele.upn);
    assert.equal(adele?.unreadable, undefined, 'other rows are untouched');
    assert.equal(await h.gateway.findRestrictedSender(ROB).then((r) => r?.createdAt), null);
  });

  it('logs each unreadable field once, with its type and never its value', async () => {
    h.sim.setRowFields('Get-BlockedSenderAddress', ROB, { TemporaryBlock: 'False' });
    h.sim.restrict(SEED.users.roberta.upn);
    h.sim.setRowFields('Get-BlockedSenderAddress', SEED.users.roberta.upn, { TemporaryBlock: 'True' });
    const gateway = h.makeGateway(); // "once" is per gateway: a fresh one has reported nothing yet
    await gateway.listRestrictedSenders();
    await gateway.listRestrictedSenders();
    await gateway.findRestrictedSender(ROB);
    const logged = warnings();
    assert.deepEqual(
      logged.map((l) => [l.what, l.field, l.received]),
      [['Get-BlockedSenderAddress', 'TemporaryBlock', 'string']],
    );
    assert.ok(!h.logLines.some((l) => l.includes('"False"') || l.includes('"True"')));
  });

  it('still refuses a row whose key (SenderAddress) is unusable', async () => {
    h.sim.setRowFields('Get-BlockedSenderAddress', ROB, { SenderAddress: 42 });
    await assert.rejects(() => h.gateway.listRestrictedSenders(), { code: 'Unknown' });
  });

  it('keeps a mailbox whose ForwardingAddress is an object, and marks it unreadable', async () => {
    h.sim.setRowFields('Get-Mailbox', SEED.users.roberta.upn, {
      ForwardingAddress: { Name: 'Archive', DistinguishedName: 'CN=Archive,OU=contoso' },
    });
    const forwarding = await h.gateway.getMailboxForwarding(SEED.users.roberta.upn);
    assert.deepEqual(forwarding, {
      forwardingSmtpAddress: null,
      forwardingAddress: null,
      deliverToMailboxAndForward: false,
      unreadable: ['forwardingAddress'],
    });
    assert.deepEqual(
      warnings().map((l) => [l.what, l.field, l.received]),
      [['Get-Mailbox', 'ForwardingAddress', 'object']],
    );
  });
});
