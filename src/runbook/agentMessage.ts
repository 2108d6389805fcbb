// Understands what a helpdesk agent types: "rob is blocked", "unblock rob@contoso.com", "help", "start over".
// Pure and language-aware: the command words come from every supported language.

export type AgentIntent =
  | { kind: 'help' }
  | { kind: 'start-over' }
  | { kind: 'cancel' }
  | { kind: 'status' }
  | { kind: 'unblock'; query: string | null };

const helpWords = ['help', '?', 'hjælp', 'hjälp', 'pomoč', 'hulp'];
const startOverWords = [
  'start over',
  'restart',
  'begynd forfra',
  'börja om',
  'začni znova',
  'opnieuw beginnen',
  'opnieuw',
];
const statusWords = ['status', 'stanje', 'my requests'];
const cancelWords = ['cancel', 'stop', 'annuller', 'annullér', 'avbryt', 'prekliči', 'annuleren'];

// Words around a user name in an opening message, in the five languages; anything else is the name.
const fillerWords = new Set(
  [
    // en
    'unblock',
    'blocked',
    'block',
    'is',
    'are',
    'please',
    'pls',
    'email',
    'e-mail',
    'mail',
    'for',
    'user',
    'the',
    'account',
    'restricted',
    'from',
    'sending',
    'can',
    "can't",
    'cannot',
    'send',
    'hi',
    'hello',
    'hey',
    'a',
    'an',
    'of',
    'you',
    'me',
    'could',
    'would',
    'our',
    'my',
    'i',
    'need',
    'to',
    'help',
    'with',
    'spam',
    'again',
    'start',
    // da
    'fjern',
    'blokering',
    'blokeret',
    'af',
    'er',
    'bruger',
    'brugeren',
    'kan',
    'ikke',
    'sende',
    'hej',
    'venligst',
    // sv
    'avblockera',
    'blockerad',
    'är',
    'användare',
    'användaren',
    'kan',
    'inte',
    'skicka',
    'hej',
    'för',
    'ta',
    'bort',
    // sl
    'deblokiraj',
    'blokiran',
    'blokirana',
    'je',
    'uporabnik',
    'uporabnika',
    'ne',
    'more',
    'pošiljati',
    'živjo',
    'prosim',
    // nl
    'deblokkeren',
    'deblokkeer',
    'geblokkeerd',
    'gebruiker',
    'kan',
    'niet',
    'verzenden',
    'hallo',
    'alsjeblieft',
  ].map((w) => w.toLowerCase()),
);

const MAX_QUERY_LENGTH = 256;

export function parseAgentMessage(raw: string): AgentIntent {
  const text = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const bare = text.replace(/[.!]+$/, '');
  if (helpWords.includes(bare)) return { kind: 'help' };
  if (startOverWords.includes(bare)) return { kind: 'start-over' };
  if (cancelWords.includes(bare)) return { kind: 'cancel' };
  if (statusWords.includes(bare)) return { kind: 'status' };
  return { kind: 'unblock', query: extractUserQuery(raw) };
}

/** The user the agent named: an address if there is one, else the first word that is not filler. */
export function extractUserQuery(raw: string): string | null {
  const tokens = raw
    .normalize('NFKC')
    .slice(0, MAX_QUERY_LENGTH * 4)
    .split(/[\s,;:!?"'()<>[\]]+/)
    .map((t) => t.replace(/^[.]+|[.]+$/g, ''))
    .filter((t) => t.length > 0);
  const address = tokens.find((t) => /^[^@\s]+@[^@\s]+$/.test(t));
  const name = address ?? tokens.find((t) => !fillerWords.has(t.toLowerCase()));
  if (!name) return null;
  // Stryker disable next-line Regex,StringLiteral: equivalent, ':' splits tokens above, so no token starts with "mailto:"
  const cleaned = name.replace(/^mailto:/i, '').slice(0, MAX_QUERY_LENGTH);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, tokens are never empty
  return cleaned.length > 0 ? cleaned : null;
}
