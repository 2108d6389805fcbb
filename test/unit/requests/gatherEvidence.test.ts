// The compromise check on the simulated tenant over HTTP: which inbox rules count as suspicious (a rule that
// forwards or one that deletes, each on its own; not one that only files mail), and what a part that could
// not be read leaves behind (the rules unknown, never "no rules"; the other parts still read).
import { strict as assert } from 'node:assert';
import { gatherEvidence } from '../../../src/requests/index.js';
import type { DirectoryUser } from '../../../src/runbook/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { tenantWithGraphRelay } from '../../support/graphRelay.js';
import { type Harness, openHarness } from './harness.js';

const RULES = /\/mailFolders\/inbox\/messageRules$/;

describe('the compromise check', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
    // Sign-ins and consents are dated by the simulator with the real time.
    h.clock.now = new Date();
  });
  afterEach(async () => {
    await h.close();
  });

  async function directoryUser(address: string): Promise<DirectoryUser> {
    const user = await h.tenant.getUser(address);
    assert.ok(user, `${address} is a directory user`);
    return user;
  }

  it('counts a rule that only forwards, or only deletes, as suspicious, and not one that does neither', async () => {
    const roberta = await directoryUser(SEED.users.roberta.upn);
    const graph = await tenantServingInboxRules(h, [
      {
        id: 'AQAAAJ5dZqD=',
        displayName: 'Forward everything',
        isEnabled: true,
        actions: { forwardTo: [{ emailAddress: { address: 'drop@fabrikam.example' } }] },
      },
      { id: 'AQAAAJ5dZqE=', displayName: 'Delete replies', isEnabled: true, actions: { delete: true } },
      {
        id: 'AQAAAJ5dZqF=',
        displayName: 'Newsletters to a folder',
        isEnabled: true,
        actions: { moveToFolder: 'AAMkAGI2TAAA=', stopProcessingRules: true },
      },
    ]);
    try {
      const checks = await gatherEvidence(graph.tenant, roberta, h.logger, h.now());
      assert.deepEqual(
        checks.suspiciousRules.map((r) => [r.name, r.forwardsTo, r.deletesMessages]),
        [
          ['Forward everything', ['drop@fabrikam.example'], false],
          ['Delete replies', [], true],
        ],
      );
      assert.equal(checks.ruleCount, 3);
    } finally {
      await graph.close();
    }
  });

  it('leaves the rules unknown when Graph cannot list them, and still reads the mailbox’s forwarding', async () => {
    const rob = await directoryUser(SEED.users.rob.upn);
    // Graph is down for every request and its retries (Retry-After: 0); Exchange answers.
    h.simulator.setFaults({ graph: { probability: 1, status: 503, retryAfterSeconds: 0 } });
    const checks = await gatherEvidence(h.tenant, rob, h.logger, h.now());
    assert.equal(checks.ruleCount, -1);
    assert.deepEqual(checks.suspiciousRules, []);
    assert.equal(checks.signInRisk, null);
    assert.equal(checks.appConsents, null);
    assert.equal(checks.forwarding?.forwardingSmtpAddress, 'rob.young.archive@outlook-mailbox.example');
  });
});

/**
 * The harness's tenant as the bot sees it when Graph lists `rules` as the inbox rules of whoever is asked:
 * every request goes on to the simulator, whose answer to the rule list is replaced.
 */
function tenantServingInboxRules(h: Harness, rules: object[]) {
  return tenantWithGraphRelay(h.simulator, h.logger, (path, body) =>
    RULES.test(path) ? JSON.stringify({ ...JSON.parse(body), value: rules }) : body,
  );
}
