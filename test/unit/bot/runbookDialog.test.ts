// RunbookDialog on botbuilder's TestAdapter (DialogTestClient), with the real flow, the simulator over HTTP
// and SQLite: the dialog begins, continues on card actions and ends.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Activity, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import pino from 'pino';
import { createCardSigner } from '../../../src/bot/cardSigning.js';
import { RUNBOOK_TURN, RunbookDialog, type RunbookTurn } from '../../../src/bot/runbook/runbookDialog.js';
import { RunbookFlow } from '../../../src/bot/runbook/runbookFlow.js';
import { createTranslator } from '../../../src/i18n/index.js';
import { RequestLedger, RequestLifecycle } from '../../../src/requests/index.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import {
  createLiveTenantGateway,
  SEED,
  StaticTokenCredential,
  TenantSimulator,
} from '../../../src/tenant/index.js';
import { cardsIn, cardText, findAction } from '../../support/teams.js';

describe('RunbookDialog on the TestAdapter', () => {
  let simulator: TenantSimulator;
  let store: Store;
  let dataDir: string;
  let client: DialogTestClient;
  let makeClient: (query: string | null) => DialogTestClient;

  beforeEach(async () => {
    simulator = new TenantSimulator();
    await simulator.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-dialog-'));
    store = openSqliteStore({ dataDir });
    const logger = pino({ enabled: false });
    const flow = new RunbookFlow({
      tenant: createLiveTenantGateway({
        graphBaseUrl: simulator.graphBaseUrl,
        exoBaseUrl: simulator.exoBaseUrl,
        tenantId: SEED.tenantId,
        credential: new StaticTokenCredential('test'),
        logger,
      }),
      lifecycle: new RequestLifecycle({
        requests: store.requests,
        ledger: new RequestLedger(store.requests, store.audit),
        now: () => new Date(),
        allowSelfApproval: false,
      }),
      t: createTranslator(),
      logger,
      generatePassword: () => 'Aa1!Bb2@Cc3#Dd4$',
      signCard: createCardSigner(randomBytes(32)).sign,
    });
    // The bot normally puts the turn's party and input in turnState; this middleware does it for the test.
    const turnMiddleware = {
      async onTurn(context: TurnContext, next: () => Promise<void>) {
        const activity = context.activity as Activity;
        const value = activity.value as
          | { action?: { verb: string; data: Record<string, unknown> } }
          | undefined;
        const turn: RunbookTurn = {
          party: {
            actor: { aadObjectId: SEED.users.agent.id, name: 'Megan' },
            conversationId: activity.conversation.id,
            tenantId: SEED.tenantId,
          },
          language: 'en',
          input: value?.action
            ? { kind: 'action', verb: value.action.verb as never, data: value.action.data as never }
            : { kind: 'text', text: activity.text ?? '' },
        };
        context.turnState.set(RUNBOOK_TURN, turn);
        await next();
      },
    };
    makeClient = (query) =>
      new DialogTestClient('msteams', new RunbookDialog(flow), { query }, [turnMiddleware]);
    client = makeClient('rob@contoso.com');
  });

  afterEach(async () => {
    await simulator.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function click(card: unknown, title: string): Partial<Activity> {
    const action = findAction(card as never, title);
    assert.ok(action, `button ${title}`);
    return {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
    };
  }

  it('begins with the password step for the named user and stays waiting', async () => {
    const reply = await client.sendActivity('unblock rob@contoso.com');
    const [card] = cardsIn(reply as Record<string, unknown>);
    assert.match(cardText(card), /Has the password of Rob/);
    assert.equal(client.dialogTurnResult.status, 'waiting');
  });

  it('continues on a card action and ends when the runbook cancels', async () => {
    const first = await client.sendActivity('unblock rob@contoso.com');
    const [passwordCard] = cardsIn(first as Record<string, unknown>);
    const restriction = await client.sendActivity(click(passwordCard, 'Yes, it has been reset'));
    const [restrictionCard] = cardsIn(restriction as Record<string, unknown>);
    assert.match(cardText(restrictionCard), /is on the Restricted entities page/);
    assert.equal(client.dialogTurnResult.status, 'waiting');
    await client.sendActivity(click(restrictionCard, 'Cancel'));
    assert.equal(client.dialogTurnResult.status, 'complete');
    const [request] = await store.requests.listRecent(1);
    assert.equal(request?.state, 'cancelled');
  });

  it('starts by asking who when the agent named nobody, then searches what they type', async () => {
    client = makeClient(null);
    const ask = await client.sendActivity('hello');
    assert.match(cardText(cardsIn(ask as Record<string, unknown>)[0]), /Who is blocked/);
    const reply = await client.sendActivity('diego');
    assert.match(cardText(cardsIn(reply as Record<string, unknown>)[0]), /Reset the password now/);
  });
});
