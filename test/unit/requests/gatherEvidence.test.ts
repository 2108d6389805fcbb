// The compromise check on the simulated tenant over HTTP: which inbox rules count as suspicious (a rule that
// forwards or one that deletes, each on its own; not one that only files mail), and what a part that could
// not be read leaves behind (the rules unknown, never "no rules"; the other parts still read).
import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatherEvidence } from '../../../src/requests/index.js';
import type { DirectoryUser } from '../../../src/runbook/index.js';
import {
  createLiveTenantGateway,
  SEED,
  StaticTokenCredential,
  type TenantGateway,
} from '../../../src/tenant/index.js';
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
async function tenantServingInboxRules(
  h: Harness,
  rules: object[],
): Promise<{ tenant: TenantGateway; close(): Promise<void> }> {
  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers[name] = value;
    const url = new URL(req.url ?? '/', h.simulator.baseUrl);
    const answer = await fetch(url, {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    let body = await answer.text();
    if (answer.ok && RULES.test(url.pathname)) body = JSON.stringify({ ...JSON.parse(body), value: rules });
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(body);
  }
  const server = createServer((req, res) => {
    relay(req, res).catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tenant = createLiveTenantGateway({
    graphBaseUrl: `http://127.0.0.1:${port}/v1.0`,
    exoBaseUrl: h.simulator.exoBaseUrl,
    tenantId: SEED.tenantId,
    credential: new StaticTokenCredential('test'),
    logger: h.logger,
  });
  return {
    tenant,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
