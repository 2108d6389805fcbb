// Turn admission, one activity at a time: the rate counts a person by tenant and Entra object id (their
// Teams id when they have none), a refused message or click is answered in the person's language, every
// other refused activity is dropped without an answer, over-rate refusals are logged once a minute, and a
// refusal at the tenant boundary is audited.
import { strict as assert } from 'node:assert';
import { type Activity, ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import pino from 'pino';
import { TurnAdmission } from '../../../src/bot/admission.js';
import { UserRateLimiter } from '../../../src/bot/turnLimits.js';
import { createTranslator } from '../../../src/i18n/index.js';
import type { RequestLifecycle } from '../../../src/requests/index.js';
import { cardText } from '../../support/teams.js';

const OURS = '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const OTHER = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const MEGAN = 'aaaaaaaa-0000-4000-8000-000000000002';
const SLOW_DOWN = /You are going too fast/;
const OTHER_TENANT = /serves its own organization only/;

function admissionWith(perMinute: number) {
  let now = 1_700_000_000_000;
  const logLines: Array<{ msg: string }> = [];
  const notes: unknown[][] = [];
  // The one call admission makes into the request layer: the audit entry for a refused tenant.
  const lifecycle = {
    noteWithoutRequest: async (...args: unknown[]) => void notes.push(args),
  } as unknown as RequestLifecycle;
  const admission = new TurnAdmission({
    boundary: { allowedTenantIds: [OURS], requireTenant: true },
    rateLimiter: new UserRateLimiter(perMinute, () => now),
    lifecycle,
    t: createTranslator(),
    logger: pino({ level: 'debug' }, { write: (line: string) => void logLines.push(JSON.parse(line)) }),
  });

  /** Runs admission on one activity; resolves with whether the turn may run and what the bot answered. */
  async function admit(changes: { type?: string; tenantId?: string; from?: Partial<Activity['from']> } = {}) {
    const tenantId = changes.tenantId ?? OURS;
    const activity = {
      type: changes.type ?? ActivityTypes.Message,
      text: 'help',
      locale: 'en-US',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: '29:megan', aadObjectId: MEGAN, name: 'Megan Bowen', ...changes.from },
      recipient: { id: '28:bot', name: 'Unblock assistant' },
      conversation: { id: 'a:1', tenantId },
      channelData: { tenant: { id: tenantId } },
    } as Activity;
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, activity);
    const answers: Partial<Activity>[] = [];
    context.onSendActivities(async (_ctx, activities) => {
      answers.push(...activities);
      return activities.map(() => ({ id: 'sent' }));
    });
    const admitted = await admission.admit(context);
    return { admitted, answers, text: answers.map((a) => cardText(a.value ?? a.attachments)).join('\n') };
  }
  const refusalsLogged = (pattern: RegExp) => logLines.filter((l) => pattern.test(l.msg)).length;
  return { admit, notes, refusalsLogged, advance: (ms: number) => (now += ms) };
}

describe('turn admission', () => {
  it('answers a message over the rate with a card and a click with an invoke response, and drops the rest', async () => {
    const { admit } = admissionWith(1);
    assert.equal((await admit()).admitted, true);

    const message = await admit();
    assert.equal(message.admitted, false);
    assert.match(message.text, SLOW_DOWN);
    assert.equal(message.answers[0]?.type, ActivityTypes.Message);

    const click = await admit({ type: ActivityTypes.Invoke });
    assert.equal(click.admitted, false);
    assert.equal(click.answers[0]?.type, ActivityTypes.InvokeResponse);
    assert.match(click.text, SLOW_DOWN);

    for (const type of [
      ActivityTypes.Typing,
      ActivityTypes.ConversationUpdate,
      ActivityTypes.MessageReaction,
    ]) {
      const other = await admit({ type });
      assert.equal(other.admitted, false, type);
      assert.deepEqual(other.answers, [], `${type} over the rate is dropped without an answer`);
    }
  });

  it('logs a person’s over-rate refusals once a minute, not once per activity', async () => {
    const { admit, refusalsLogged, advance } = admissionWith(1);
    await admit();
    for (let i = 0; i < 5; i += 1)
      await admit({ type: i % 2 ? ActivityTypes.Typing : ActivityTypes.Message });
    assert.equal(refusalsLogged(/over their rate limit/), 1);
    advance(60_000);
    await admit(); // the allowance is back
    await admit();
    assert.equal(refusalsLogged(/over their rate limit/), 2, 'a minute later the next refusal is logged');
  });

  it('counts a person by tenant and Entra object id, so the same id elsewhere does not spend their allowance', async () => {
    const { admit } = admissionWith(1);
    assert.equal((await admit()).admitted, true);
    const elsewhere = await admit({ tenantId: OTHER });
    assert.match(elsewhere.text, OTHER_TENANT, 'refused by the boundary, not by the rate');
    assert.doesNotMatch(elsewhere.text, SLOW_DOWN);
    assert.equal(
      (await admit({ from: { id: '29:other-teams-id' } })).admitted,
      false,
      'one person, one allowance',
    );
  });

  it('counts people without an Entra object id by their Teams id', async () => {
    const { admit } = admissionWith(1);
    const guest = (id: string) => admit({ from: { id, aadObjectId: undefined } });
    assert.equal((await guest('29:guest-1')).admitted, true);
    assert.equal((await guest('29:guest-2')).admitted, true, 'another person');
    assert.equal((await guest('29:guest-1')).admitted, false);
  });

  it('refuses another tenant’s activities with an audit entry, answering only messages and clicks', async () => {
    const { admit, notes } = admissionWith(60);
    const message = await admit({ tenantId: OTHER });
    assert.equal(message.admitted, false);
    assert.match(message.text, OTHER_TENANT);
    const typing = await admit({ tenantId: OTHER, type: ActivityTypes.Typing });
    assert.equal(typing.admitted, false);
    assert.deepEqual(typing.answers, []);
    assert.deepEqual(
      notes.map(([action, party, detail]) => [
        action,
        (party as { actor: { aadObjectId: string } }).actor.aadObjectId,
        detail,
      ]),
      [
        ['access.refused', MEGAN, { reason: 'other-tenant', tenantId: OTHER, activityType: 'message' }],
        ['access.refused', MEGAN, { reason: 'other-tenant', tenantId: OTHER, activityType: 'typing' }],
      ],
    );
  });
});
