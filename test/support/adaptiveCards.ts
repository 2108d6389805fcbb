// Validates Adaptive Card JSON with Microsoft's own parser at schema 1.5 (what Teams renders) and checks the
// size Teams accepts.
// adaptivecards ships CommonJS without types for this entry point.
// eslint-disable-next-line
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new (
    version: unknown,
  ) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
};

export const MAX_CARD_BYTES = 28 * 1024;

/** Every problem the parser reports, empty when the card is valid at 1.5. */
export function cardProblems(json: unknown): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  const version = (json as { version?: string }).version;
  if (version !== '1.5' && version !== '1.4' && version !== '1.3')
    problems.push(`version ${version} is not ≤ 1.5`);
  const bytes = Buffer.byteLength(JSON.stringify(json), 'utf8');
  if (bytes >= MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes, over ${MAX_CARD_BYTES}`);
  // The parser ignores unknown properties on known elements; template leftovers must not reach Teams.
  const leftovers = JSON.stringify(json).match(/\$\{[^}]*\}|"\$(data|when)"/g);
  if (leftovers) problems.push(`unexpanded template expressions: ${leftovers.join(', ')}`);
  return problems;
}
