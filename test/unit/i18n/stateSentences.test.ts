// A request's state quoted inside a sentence reads as a status, in every language: "This request is already
// decided (status: sending resumed)", never "This request is already sending again". Danish, Swedish and
// Dutch state names that are verb phrases ("mislykkedes", "skickar igen", "verzendt weer") make such a
// sentence ungrammatical, so every state must render as one of the statuses below (participles and nouns,
// reviewed per language) and every sentence must quote it inside "(status: …)".
import { strict as assert } from 'node:assert';
import { activeRequestNotice } from '../../../src/bot/cards/noticeCards.js';
import {
  type Catalogue,
  catalogues,
  createTranslator,
  type Language,
  supportedLanguages,
  type Translator,
} from '../../../src/i18n/index.js';
import type { RequestState } from '../../../src/runbook/index.js';
import { sampleRequest } from '../../contract/sampleRequest.js';
import { cardText } from '../../support/teams.js';

/** Each state as a status, the words a native reviewer accepted after "status:". */
const statuses: Record<Language, Record<RequestState, string>> = {
  en: {
    open: 'in progress',
    pending_approval: 'pending approval',
    approved: 'approved',
    unblocking: 'unblock in progress',
    waiting_resume: 'unblocked, sending not yet resumed',
    resumed: 'sending resumed',
    rejected: 'rejected',
    cancelled: 'cancelled',
    failed: 'failed',
    expired: 'expired',
    'resolved-by-itself': 'resolved by itself',
  },
  da: {
    open: 'i gang',
    pending_approval: 'sendt til godkendelse',
    approved: 'godkendt',
    unblocking: 'fjernelse af blokering i gang',
    waiting_resume: 'blokering fjernet, afsendelse endnu ikke genoptaget',
    resumed: 'afsendelse genoptaget',
    rejected: 'afvist',
    cancelled: 'annulleret',
    failed: 'mislykket',
    expired: 'udløbet',
    'resolved-by-itself': 'løst af sig selv',
  },
  sv: {
    open: 'pågående',
    pending_approval: 'skickad för godkännande',
    approved: 'godkänd',
    unblocking: 'under avblockering',
    waiting_resume: 'avblockerad, sändning ännu inte återupptagen',
    resumed: 'sändning återupptagen',
    rejected: 'avvisad',
    cancelled: 'avbruten',
    failed: 'misslyckad',
    expired: 'utgången',
    'resolved-by-itself': 'löst av sig själv',
  },
  sl: {
    open: 'v teku',
    pending_approval: 'v čakanju na odobritev',
    approved: 'odobreno',
    unblocking: 'deblokiranje v teku',
    waiting_resume: 'deblokirano, pošiljanje še ni obnovljeno',
    resumed: 'pošiljanje obnovljeno',
    rejected: 'zavrnjeno',
    cancelled: 'preklicano',
    failed: 'neuspešno',
    expired: 'poteklo',
    'resolved-by-itself': 'rešeno samo od sebe',
  },
  nl: {
    open: 'bezig',
    pending_approval: 'in afwachting van goedkeuring',
    approved: 'goedgekeurd',
    unblocking: 'bezig met opheffen van de blokkering',
    waiting_resume: 'blokkering opgeheven, verzenden nog niet hervat',
    resumed: 'verzenden hervat',
    rejected: 'afgewezen',
    cancelled: 'geannuleerd',
    failed: 'mislukt',
    expired: 'verlopen',
    'resolved-by-itself': 'vanzelf opgelost',
  },
};

/** The word each language uses to introduce a quoted state: "(status: …)", "(stanje: …)". */
const statusWord: Record<Language, string> = {
  en: 'status',
  da: 'status',
  sv: 'status',
  sl: 'stanje',
  nl: 'status',
};

const states = Object.keys(statuses.en) as RequestState[];

/** Every en key whose text has a {{state}} placeholder: the sentences that quote a state. */
function sentencesQuotingAState(node: unknown = catalogues.en, prefix = ''): string[] {
  if (typeof node === 'string') return node.includes('{{state}}') ? [prefix] : [];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    sentencesQuotingAState(value, prefix ? `${prefix}.${key}` : key),
  );
}

const sentences = sentencesQuotingAState();

/** A sentence with one state filled in the way the cards fill it (the state's own text from `state.*`). */
function render(t: Translator, language: Language, key: string, state: RequestState): string {
  return t.t(language, key as Parameters<Translator['t']>[1], {
    state: t.t(language, `state.${state}`),
    user: 'Rob Young (rob@contoso.com)',
    requester: 'Megan Bowen',
    date: t.formatDateTime(language, '2026-11-23T10:02:00Z'),
  });
}

/** Every sentence × state in `language` that does not quote the state as "(status: <a reviewed status>)". */
function stateSentenceProblems(t: Translator, language: Language): string[] {
  const problems: string[] = [];
  for (const key of sentences)
    for (const state of states) {
      const text = render(t, language, key, state);
      const quoted = `(${statusWord[language]}: ${statuses[language][state]})`;
      if (!text.includes(quoted)) problems.push(`${key} ${state}: ${text}`);
    }
  return problems;
}

describe('states quoted inside sentences', () => {
  it('finds the sentences that quote a state', () => {
    assert.deepEqual(sentences.sort(), [
      'approval.alreadyDecided',
      'detection.notOpen',
      'wave.statusEnded',
      'who.activeRequest',
    ]);
  });

  const t = createTranslator();
  for (const language of supportedLanguages) {
    it(`${language}: names every state as a status in every sentence that quotes one`, () => {
      assert.deepEqual(stateSentenceProblems(t, language), []);
    });

    it(`${language}: the card about a request already in progress quotes its state as a status`, () => {
      for (const state of states) {
        const card = activeRequestNotice({ t, language }, sampleRequest({ state }));
        const quoted = `(${statusWord[language]}: ${statuses[language][state]})`;
        assert.ok(cardText(card).includes(quoted), `${language} ${state}: ${cardText(card)}`);
      }
    });
  }

  it('reports a verb phrase for a state and a sentence that quotes a state bare (the check can fail)', () => {
    const da: Catalogue = { ...catalogues.da, state: { ...catalogues.da.state, resumed: 'sender igen' } };
    const en: Catalogue = {
      ...catalogues.en,
      approval: { ...catalogues.en.approval, alreadyDecided: 'This request is already {{state}}.' },
    };
    const broken = createTranslator({ ...catalogues, da, en });
    assert.deepEqual(
      stateSentenceProblems(broken, 'da').map((p) => p.split(':')[0]),
      [
        'approval.alreadyDecided resumed',
        'detection.notOpen resumed',
        'wave.statusEnded resumed',
        'who.activeRequest resumed',
      ],
    );
    assert.deepEqual(
      stateSentenceProblems(broken, 'en').map((p) => p.split(':')[0]),
      states.map((state) => `approval.alreadyDecided ${state}`),
    );
  });
});
