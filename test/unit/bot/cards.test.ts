// Every card the runbook can show renders from its template, validates at Adaptive Cards 1.5 and stays
// under 28 KB, in every state.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCardSigner, runbookActionParts } from '../../../src/bot/cardSigning.js';
import * as notices from '../../../src/bot/cards/noticeCards.js';
import { cardsDirectory } from '../../../src/bot/cards/render.js';
import * as cards from '../../../src/bot/cards/runbookCards.js';
import { createTranslator } from '../../../src/i18n/index.js';
import type { DirectoryUser, RestrictedSender } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';
import { cardProblems } from '../../support/adaptiveCards.js';
import { cardText } from '../../support/teams.js';

const t = createTranslator();
const ctx: cards.CardContext = {
  t,
  language: 'en',
  runbookId: '6f1c5d2e-8a0b-4c3d-9e7f-1a2b3c4d5e6f',
  step: 'password',
  sign: createCardSigner(Buffer.alloc(32, 7)).sign,
};
const rob: DirectoryUser = {
  id: 'u1',
  displayName: 'Rob Young',
  userPrincipalName: 'rob@contoso.com',
  mail: 'rob@contoso.com',
  onPremisesSyncEnabled: false,
};
const spam: RestrictedSender = {
  senderAddress: 'rob@contoso.com',
  reason: 'OutboundSpamLast24Hours=120;OutboundMailLast24Hours=130;OutboundSpamPercent=92',
  createdAt: '2026-11-23T08:15:00Z',
  changedAt: null,
  temporaryBlock: false,
};
const recipientLimit: RestrictedSender = {
  ...spam,
  reason:
    'EmailSendingLimitExceeded;InternalRecipientCountToday=12;ExternalRecipientCountToday=10001;ExceedingLimitType=External',
};
const checks = {
  forwarding: {
    forwardingSmtpAddress: 'smtp:evil@fabrikam.com',
    forwardingAddress: null,
    deliverToMailboxAndForward: false,
  },
  suspiciousRules: [{ name: 'xx', enabled: true, forwardsTo: ['evil@fabrikam.com'], deletesMessages: true }],
  ruleCount: 3,
  sessionsRevoked: false,
};
const request = sampleRequest();
const manyUsers = Array.from({ length: 10 }, (_, i) => ({
  ...rob,
  id: `u${i}`,
  displayName: `Robert Example Number ${i} With A Long Display Name`,
  userPrincipalName: `robert.example.number.${i}@contoso.com`,
  mail: `robert.example.number.${i}@contoso.com`,
}));

const rendered: Record<string, unknown> = {
  askUser: cards.askUserCard({ ...ctx, step: 'who' }),
  askUserProblem: cards.askUserCard({ ...ctx, step: 'who' }, 'No match'),
  chooseUser: cards.chooseUserCard({ ...ctx, step: 'who' }, 'rob', manyUsers),
  password: cards.passwordCard(ctx, rob),
  temporaryPassword: cards.temporaryPasswordCard(
    { ...ctx, step: 'password-shown' },
    rob,
    'Tq7#mZ2!vR9@kL4$wX',
  ),
  onPremises: cards.onPremisesPasswordCard({ ...ctx, step: 'password-on-premises' }, rob),
  privilegedPassword: cards.privilegedPasswordCard(ctx, rob),
  restrictionSpam: cards.restrictionCard({ ...ctx, step: 'restriction' }, rob, spam),
  restrictionLimit: cards.restrictionCard({ ...ctx, step: 'restriction' }, rob, recipientLimit),
  checks: cards.checksCard({ ...ctx, step: 'checks' }, checks),
  checksRevoked: cards.checksCard({ ...ctx, step: 'checks' }, { ...checks, sessionsRevoked: true }),
  checksUnknown: cards.checksCard(
    { ...ctx, step: 'checks' },
    { forwarding: null, suspiciousRules: [], ruleCount: -1, sessionsRevoked: false },
  ),
  restrictionUnreadable: cards.restrictionCard({ ...ctx, step: 'restriction' }, rob, {
    ...spam,
    reason: '',
    createdAt: null,
    unreadable: ['reason', 'createdAt'],
  }),
  checksForwardingUnreadable: cards.checksCard(
    { ...ctx, step: 'checks' },
    {
      ...checks,
      forwarding: {
        forwardingSmtpAddress: null,
        forwardingAddress: null,
        deliverToMailboxAndForward: false,
        unreadable: ['forwardingAddress'],
      },
    },
  ),
  unblock: cards.unblockCard({ ...ctx, step: 'unblock' }, request),
  confirm: cards.confirmCard({ ...ctx, step: 'confirm' }, request),
  help: notices.helpCard({ t, language: 'en' }),
  stale: notices.staleCardNotice({ t, language: 'en' }),
  error: notices.errorNotice({ t, language: 'en' }, 'errors.tenantUnavailable'),
  cancelled: notices.cancelledNotice({ t, language: 'en' }, request),
  cancelledNoRequest: notices.cancelledNotice({ t, language: 'en' }, null),
  notRestricted: notices.notRestrictedNotice({ t, language: 'en' }, request),
  activeRequest: notices.activeRequestNotice({ t, language: 'en' }, request),
  requested: notices.requestedNotice({ t, language: 'en' }, { ...request, state: 'pending_approval' }),
  summary: notices.stepSummaryCard({ t, language: 'en' }, 'Unblock email', 'Password: reset'),
};

describe('runbook cards', () => {
  for (const [name, card] of Object.entries(rendered)) {
    it(`${name} validates at Adaptive Cards 1.5 and is under 28 KB`, () => {
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('validates the templates in cards/ themselves (schema ≤ 1.5, JSON, under 28 KB)', () => {
    const files = readdirSync(cardsDirectory).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      const json = JSON.parse(readFileSync(path.join(cardsDirectory, file), 'utf8')) as { version: string };
      assert.equal(json.version, '1.5', file);
      assert.ok(Buffer.byteLength(JSON.stringify(json)) < 28 * 1024, file);
    }
  });

  it('flags an invalid card (the check can fail)', () => {
    assert.notDeepEqual(
      cardProblems({
        type: 'AdaptiveCard',
        version: '1.6',
        body: [{ type: 'TextBlock', text: 'x', color: 'purple' }],
      }),
      [],
    );
  });

  it('shows the restriction reason in plain words and the recipient-limit note only for that kind of block', () => {
    assert.match(cardText(rendered.restrictionSpam), /Outbound spam/);
    assert.doesNotMatch(cardText(rendered.restrictionSpam), /usually ends by itself/);
    assert.match(cardText(rendered.restrictionLimit), /Too many recipients today \(external limit\)/);
    assert.match(cardText(rendered.restrictionLimit), /12 internal, 10001 external/);
    assert.match(cardText(rendered.restrictionLimit), /usually ends by itself within 24 hours/);
  });

  it('flags forwarding and suspicious rules, and never calls an unread check clean', () => {
    assert.match(cardText(rendered.checks), /Forwards to smtp:evil@fabrikam.com/);
    assert.match(cardText(rendered.checks), /1 suspicious rule: "xx"/);
    assert.match(cardText(rendered.checksUnknown), /Could not be read/);
    assert.doesNotMatch(cardText(rendered.checksRevoked), /Revoke sign-in sessions/);
  });

  it('shows "unknown" for a field Exchange sent in an unreadable form, never an empty or clean value', () => {
    const restriction = cardText(rendered.restrictionUnreadable);
    assert.match(restriction, /Restricted since\nunknown/);
    assert.match(restriction, /Why\nunknown/);
    const forwarding = cardText(rendered.checksForwardingUnreadable);
    assert.match(forwarding, /Mailbox forwarding\nunknown/);
    assert.doesNotMatch(forwarding, /None/);
  });

  it('carries only ids, and their signature, in button data', () => {
    const json = JSON.stringify(rendered.password);
    const data = [...json.matchAll(/"data":(\{[^}]*\})/g)].map((m) => JSON.parse(m[1] ?? '{}') as object);
    assert.ok(data.length > 0);
    for (const d of data) assert.deepEqual(Object.keys(d).sort(), ['runbookId', 'sig', 'step']);
  });

  it('signs each button over its runbook, step and verb', () => {
    const signer = createCardSigner(Buffer.alloc(32, 7));
    const actions = [...JSON.stringify(rendered.password).matchAll(/"verb":"([^"]+)","data":(\{[^}]*\})/g)];
    assert.ok(actions.length > 0);
    const sigs = new Set<string>();
    for (const [, verb, json] of actions) {
      const d = JSON.parse(json ?? '{}') as { runbookId: string; step: string; sig: string };
      assert.ok(signer.verify(d.sig, ...runbookActionParts(d.runbookId, d.step, verb ?? '')));
      assert.ok(!signer.verify(d.sig, ...runbookActionParts(d.runbookId, 'confirm', verb ?? '')));
      sigs.add(d.sig);
    }
    assert.equal(sigs.size, actions.length, 'every button has its own signature');
  });

  it('keeps a template expression typed by a user as plain text', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text an attacker would type
    const card = cards.chooseUserCard({ ...ctx, step: 'who' }, '${password}', [rob]);
    assert.match(cardText(card), /\$\{password\}/);
  });
});
