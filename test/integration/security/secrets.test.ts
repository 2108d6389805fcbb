// Secret hygiene over a whole request: with recognisable secrets configured and LOG_LEVEL=debug, the agent
// resets the password through the bot, runs the runbook, an approver approves and the user can send again.
// Then every place data goes is searched: log lines, the SQLite files (bytes), every activity sent to
// Teams, the audit log, the simulator's call log and the HTTP answers. The temporary password must appear
// exactly once: in the invoke response to the agent who asked for the reset.
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { approvalCardIn, waiveOnCard } from '../../support/flows.js';
import { cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

/** Configured secrets: none of them may be found anywhere. */
const SECRETS = {
  MicrosoftAppPassword: 'S3cr3t-AppPassword-7f1c4e-unique',
  AZURE_CLIENT_SECRET: 'S3cr3t-ClientSecret-9b2e81-unique',
  CARD_SIGNING_SECRET: 'S3cr3t-CardSigning-4a6d02-unique',
};
/** A bearer token a caller sends: it must not be echoed or logged either. */
const CALLER_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.S3cr3t-CallerToken-c0ffee-unique.c2lnbmF0dXJl';
/** What the password generator returns: allowed only in the reset's invoke response. */
const TEMPORARY_PASSWORD = 'TmpPw#S3cr3t-5d7a91-Unique';
/** Passwords of resets that fail (refused by the tenant's complexity rule, tenant down): shown nowhere. */
const REFUSED_PASSWORD = 'diego#S3cr3t-Refused-Unique1';
const OUTAGE_PASSWORD = 'TmpPw#S3cr3t-0utage-Unique2';

const fastWorker = {
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '50',
  SIMULATOR_RELEASE_DELAY_S: '1',
};

/** The secrets as they could be stored or sent: plain UTF-8 and UTF-16 (SQLite text can be either). */
function encodings(secret: string): Buffer[] {
  return [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Where (file name) each secret was found in the bytes of every file under `dir`. */
async function secretsInFiles(dir: string, secrets: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    for (const secret of secrets) {
      if (encodings(secret).some((needle) => bytes.includes(needle)))
        hits.push(`${path.basename(file)} holds ${secret}`);
    }
  }
  return hits;
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('secret hygiene over a whole request', function () {
  this.timeout(60_000);
  let t: TestApp;
  let stopped = false;
  let dataDir: string;
  /** Every HTTP answer the test received, except the one allowed to hold the temporary password. */
  const responses: string[] = [];
  let passwordResponse = '';
  let nextPassword = TEMPORARY_PASSWORD;
  let requestId = '';

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-secrets-'));
    t = await startTestApp(
      { ...fastWorker, ...SECRETS, LOG_LEVEL: 'debug' },
      { dataDir, generatePassword: () => nextPassword },
    );

    const approver = t.chat(people.approver);
    await approver.say('help');
    const agent = t.chat(people.agent);
    const [first] = await agent.say('unblock rob@contoso.com');
    assert.match(cardText(first), /been reset/);
    const reset = await agent.click('runbook.passwordResetNow');
    assert.equal(reset.status, 200);
    passwordResponse = JSON.stringify(reset.raw);
    const steps = [
      'runbook.passwordNoted',
      'runbook.restrictionContinue',
      'runbook.revokeSessions',
      'runbook.checksContinue',
      'runbook.unblock',
    ];
    let confirmCard = null;
    for (const verb of steps) {
      const step = await agent.click(verb);
      assert.equal(step.status, 200, verb);
      responses.push(JSON.stringify(step.raw));
      confirmCard = step.card;
    }
    const done = await agent.click('runbook.confirm', {}, confirmCard);
    responses.push(JSON.stringify(done.raw));
    const text = cardText(done.card);
    assert.match(text, /waiting for approval/, text);
    requestId = /Request\n([0-9a-f-]{36})/.exec(text)?.[1] ?? '';
    assert.ok(requestId, text);

    const { card } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    const view = await approver.click('approval.refresh', {}, card);
    responses.push(JSON.stringify(view.raw));
    assert.ok(view.card);
    const cleared = await waiveOnCard(approver, view.card);
    const approved = await approver.click('Approve', { comment: 'Called Rob' }, cleared);
    responses.push(JSON.stringify(approved.raw));
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /can send email again/.test(JSON.stringify(a.activity)),
      20_000,
    );
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'resumed');

    // Resets that fail take the error paths, where a careless log line would carry the request body.
    const refusedBy = t.chat(people.agent2);
    await refusedBy.say('unblock diego@contoso.com');
    nextPassword = REFUSED_PASSWORD; // holds the alias "diego": the tenant refuses it
    const refused = await refusedBy.click('runbook.passwordResetNow');
    responses.push(JSON.stringify(refused.raw));
    assert.match(cardText(refused.card), /refused the new password/);
    t.app.simulator?.setFaults({ graph: { probability: 1, status: 429, retryAfterSeconds: 0 } });
    nextPassword = OUTAGE_PASSWORD;
    const outage = await refusedBy.click('runbook.passwordResetNow');
    t.app.simulator?.setFaults({});
    responses.push(JSON.stringify(outage.raw));
    assert.ok(
      t.logLines.some((line) => line.startsWith('{"level":50') && line.includes('PATCH')),
      'the failed reset was logged as an error (with its cause)',
    );
    assert.doesNotMatch(cardText(outage.card), /S3cr3t/);
  });

  after(async () => {
    if (t && !stopped) await t.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const allSecrets = [
    ...Object.values(SECRETS),
    CALLER_TOKEN,
    TEMPORARY_PASSWORD,
    REFUSED_PASSWORD,
    OUTAGE_PASSWORD,
  ];

  it('shows the temporary password once, to the agent who asked for the reset, in the invoke response', () => {
    assert.equal(occurrences(passwordResponse, TEMPORARY_PASSWORD), 1, passwordResponse);
    for (const secret of Object.values(SECRETS)) assert.ok(!passwordResponse.includes(secret));
    for (const response of responses)
      for (const password of [TEMPORARY_PASSWORD, REFUSED_PASSWORD, OUTAGE_PASSWORD])
        assert.ok(!response.includes(password), response);
  });

  it('answers /readyz, /healthz and refused requests without any secret', async () => {
    const raw = async (pathname: string, init?: RequestInit) => {
      const res = await fetch(`${t.url}${pathname}`, init);
      return { status: res.status, text: `${JSON.stringify([...res.headers])}\n${await res.text()}` };
    };
    const json = { 'content-type': 'application/json' };
    const activity = { ...t.chat(people.agent).baseActivity(), type: 'message', text: 'help' };
    const answers = [
      await raw('/readyz'),
      await raw('/healthz'),
      await raw('/nowhere'),
      await raw('/api/messages', { method: 'POST', headers: json, body: '{"type":' }),
      await raw('/api/messages', { method: 'POST', headers: json, body: '{}' }),
      await raw('/api/messages', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      await raw('/api/messages', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ ...activity, text: 'x'.repeat(300 * 1024) }),
      }),
      await raw('/api/messages', {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${CALLER_TOKEN}` },
        body: JSON.stringify(activity),
      }),
    ];
    const statuses = answers.map((a) => a.status);
    assert.deepEqual(statuses.slice(0, 2), [200, 200]);
    for (const [i, answer] of answers.entries()) {
      assert.ok(answer.status < 500, `answer ${i} is ${answer.status}: ${answer.text}`);
      for (const secret of allSecrets)
        assert.ok(!answer.text.includes(secret), `answer ${i} holds ${secret}`);
    }
    for (const answer of responses)
      for (const secret of Object.values(SECRETS)) assert.ok(!answer.includes(secret));
  });

  it('keeps every secret and the temporary password out of the log lines', () => {
    assert.ok(
      t.logLines.some((line) => line.startsWith('{"level":20')),
      'debug lines are logged',
    );
    const hits = t.logLines.flatMap((line, i) =>
      allSecrets.filter((s) => line.includes(s)).map((s) => `line ${i} holds ${s}: ${line.slice(0, 300)}`),
    );
    assert.deepEqual(hits, []);
  });

  it('keeps them out of every activity sent to Teams, approval cards included', () => {
    const sent = t.connector.activities;
    assert.ok(
      sent.some((a) => JSON.stringify(a.activity).includes('approval.')),
      'an approval card was sent',
    );
    const hits = sent.flatMap((a) => {
      const text = `${a.authorization ?? ''}${JSON.stringify(a.activity)}`;
      return allSecrets.filter((s) => text.includes(s)).map((s) => `${a.method} ${a.conversationId}: ${s}`);
    });
    assert.deepEqual(hits, []);
  });

  it('keeps them out of the audit log and the simulated tenant’s call log', async () => {
    const audit = JSON.stringify([
      ...(await t.app.store.audit.listForRequest(requestId)),
      ...(await t.app.store.audit.listRecent(1000)),
    ]);
    assert.match(audit, /password\.reset/, 'the reset itself is audited');
    const calls = JSON.stringify(t.app.simulator?.calls() ?? []);
    assert.match(calls, /PATCH/, 'the reset reached the tenant');
    for (const secret of allSecrets) {
      assert.ok(!audit.includes(secret), `the audit log holds ${secret}`);
      assert.ok(!calls.includes(secret), `the call log holds ${secret}`);
    }
  });

  it('keeps them out of the SQLite files, WAL and shared memory included, before and after a checkpoint', async () => {
    const files = (await filesUnder(dataDir)).map((f) => path.basename(f));
    assert.ok(
      files.some((f) => f.endsWith('.db')),
      `the store is under DATA_DIR: ${files.join(', ')}`,
    );
    assert.deepEqual(await secretsInFiles(dataDir, allSecrets), []);
    stopped = true;
    await t.stop(); // closing checkpoints the WAL into the database file; DATA_DIR is ours to remove
    assert.deepEqual(await secretsInFiles(dataDir, allSecrets), []);
  });
});
