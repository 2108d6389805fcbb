// The live gateway's evidence and detection calls against the simulator over HTTP: Identity Protection risk,
// app consents from the directory audit log, the two fixes (disable a rule, remove forwarding), and
// Microsoft's restricted-user alerts (title matched here, every evidence item read).
import { strict as assert } from 'node:assert';
import { TenantError } from '../../../src/runbook/errors.js';
import { SEED } from '../../../src/tenant/index.js';
import { type Harness, rejection, resetHarness, startHarness } from './harness.js';

const week = () => new Date(Date.now() - 7 * 24 * 3600_000);

describe('live gateway against the simulator: evidence and alerts', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.sim.stop());
  beforeEach(() => resetHarness(h));

  it('reads Identity Protection risk: a risky user and their detections; a user never at risk is "none"', async () => {
    assert.deepEqual(await h.gateway.getSignInRisk(SEED.users.rob.id, week()), {
      riskLevel: 'high',
      riskState: 'atRisk',
      recentDetections: 1,
    });
    assert.deepEqual(await h.gateway.getSignInRisk(SEED.users.roberta.id, week()), {
      riskLevel: 'none',
      riskState: 'none',
      recentDetections: 0,
    });
    const detections = h.sim.calls().filter((c) => c.path.endsWith('/identityProtection/riskDetections'));
    assert.match(decodeURIComponent(detections[0]?.query ?? ''), /userId eq '.*' and detectedDateTime ge /);
  });

  it("reads app consents from the audit log, only the user's own and only recent ones", async () => {
    assert.deepEqual(
      (await h.gateway.listAppConsents(SEED.users.rob.id, week())).map((c) => c.appName),
      ['Mail Sync Pro'],
    );
    assert.deepEqual(await h.gateway.listAppConsents(SEED.users.roberta.id, week()), []);
    assert.deepEqual(
      await h.gateway.listAppConsents(SEED.users.rob.id, new Date()),
      [],
      'older than the window',
    );
  });

  it('disables an inbox rule (PATCH messageRule isEnabled=false)', async () => {
    await h.gateway.disableInboxRule(SEED.users.rob.id, 'AQAAAJ5dZqB=');
    assert.equal(h.sim.inboxRules('rob@contoso.com')?.find((r) => r.id === 'AQAAAJ5dZqB=')?.isEnabled, false);
    const rules = await h.gateway.listInboxRules(SEED.users.rob.id);
    assert.equal(rules.find((r) => r.id === 'AQAAAJ5dZqB=')?.enabled, false);
    const missing = await rejection(() => h.gateway.disableInboxRule(SEED.users.rob.id, 'no-such-rule'));
    assert.ok(missing instanceof TenantError && missing.code === 'NotFound');
  });

  it('removes mailbox forwarding with Set-Mailbox', async () => {
    await h.gateway.removeMailboxForwarding('rob@contoso.com');
    assert.deepEqual(await h.gateway.getMailboxForwarding('rob@contoso.com'), {
      forwardingSmtpAddress: null,
      forwardingAddress: null,
      deliverToMailboxAndForward: false,
    });
    const [call] = h.sim.calls().filter((c) => c.cmdlet === 'Set-Mailbox');
    assert.deepEqual(call?.parameters, {
      Identity: 'rob@contoso.com',
      ForwardingSmtpAddress: null,
      ForwardingAddress: null,
      DeliverToMailboxAndForward: false,
    });
  });

  it('reads restricted-user alerts: every account of an aggregated alert, other alerts left out', async () => {
    const alert = h.sim.raiseRestrictionAlert([
      'roberta@contoso.com',
      'robert.smith@contoso.com',
      'alex.wilber@contoso.com',
    ]);
    const alerts = await h.gateway.listRestrictionAlerts(new Date(Date.now() - 24 * 3600_000));
    assert.equal(alerts.length, 1, 'the unrelated alert is not returned');
    assert.equal(alerts[0]?.id, alert.id);
    assert.deepEqual(
      alerts[0]?.accounts.map((a) => a.address),
      ['roberta@contoso.com', 'robert.smith@contoso.com', 'alex.wilber@contoso.com'],
    );
    assert.equal(alerts[0]?.accounts[2]?.userPrincipalName, 'alexw@contoso.onmicrosoft.com');
    assert.equal(alerts[0]?.accounts[0]?.objectId, SEED.users.roberta.id);
    assert.match(alerts[0]?.webUrl ?? '', /^https:\/\/security\.microsoft\.com\/alerts\//);
    const [call] = h.sim.calls().filter((c) => c.path.endsWith('/security/alerts_v2'));
    assert.match(decodeURIComponent(call?.query ?? ''), /^\$filter=createdDateTime ge \d{4}-/);
    assert.deepEqual(await h.gateway.listRestrictionAlerts(new Date(Date.now() + 60_000)), []);
  });
});
