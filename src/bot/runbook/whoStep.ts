// Step 0, who: find the user the agent means, refuse what must not start (a second request, the daily
// cap, an account Microsoft has not restricted), and open the request.
import type { DirectoryUser, RestrictedSender, UnblockRequest } from '../../runbook/index.js';
import { activeRequestNotice, notRestrictedNotice, warningNotice } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import * as cards from '../cards/runbookCards.js';
import type { FlowKit } from './flowKit.js';
import type { FlowOutcome, RunbookState, TurnParty } from './flowTypes.js';

export async function search(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
  query: string,
  via: 'message' | 'invoke',
): Promise<FlowOutcome> {
  const reply = (card: AdaptiveCardJson, next: RunbookState | null): FlowOutcome =>
    via === 'invoke' ? { invokeCard: card, messages: [], state: next } : { messages: [card], state: next };
  const askState: RunbookState = { ...state, step: 'who', query: undefined, candidateIds: undefined };
  if (!query) {
    return reply(cards.askUserCard(kit.cardContext(askState), kit.text(state, 'who.emptyQuery')), askState);
  }
  const users = await kit.deps.tenant.findUsers(query, 10);
  if (users.length === 0) {
    const problem = kit.text(state, 'who.noMatch', { query });
    return reply(cards.askUserCard(kit.cardContext(askState), problem), askState);
  }
  if (users.length > 1) {
    const next: RunbookState = { ...askState, query, candidateIds: users.map((u) => u.id) };
    return reply(cards.chooseUserCard(kit.cardContext(next), query, users), next);
  }
  const [only] = users as [DirectoryUser];
  const outcome = await selectUser(kit, party, state, only);
  // A typed answer has no card to replace, so the "✓ who" summary is dropped.
  return via === 'invoke' ? outcome : { messages: outcome.messages, state: outcome.state };
}
export async function chooseUser(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
  userId: string | undefined,
): Promise<FlowOutcome> {
  if (!userId || !state.candidateIds?.includes(userId)) {
    // Only ids the bot itself offered are accepted: a tampered value never selects another user.
    const users = await kit.deps.tenant.findUsers(state.query ?? '', 10);
    const problem = kit.text(state, 'who.chooseFirst');
    return {
      invokeCard: cards.chooseUserCard(kit.cardContext(state), state.query ?? '', users, problem),
      messages: [],
      state,
    };
  }
  const user = await kit.deps.tenant.getUser(userId);
  if (!user)
    return {
      invokeCard: kit.errorCard(state, 'errors.userGone'),
      messages: [],
      state,
    };
  return selectUser(kit, party, state, user);
}
export async function selectUser(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
  user: DirectoryUser,
): Promise<FlowOutcome> {
  const started = await kit.deps.lifecycle.start({
    id: kit.newId(),
    party,
    locale: state.language,
    target: user,
  });
  if (started.kind !== 'started') {
    const notice =
      started.kind === 'active'
        ? activeRequestNotice(kit.noticeContext(state), started.existing)
        : warningNotice(
            kit.noticeContext(state),
            kit.text(state, 'who.dailyCap', { user: cards.userLabel(user), count: started.count }),
          );
    return { ...kit.summaryOf(state, 'who', cards.userLabel(user)), messages: [notice], state: null };
  }
  const { request } = started;
  const summary = kit.summaryOf(state, 'who', cards.userLabel(user));
  // The bot resets passwords only for accounts Microsoft has actually restricted: the runbook does not
  // apply to anyone else, and a misused helpdesk account cannot take over arbitrary mailboxes with it.
  const restriction = await findRestriction(kit, user);
  if (!restriction) return { ...summary, ...(await endNotRestricted(kit, party, state, request)) };
  const next: RunbookState = { ...state, step: 'password', requestId: request.id, candidateIds: undefined };
  const card = cards.passwordCard(kit.cardContext(next), user);
  return { ...summary, messages: [card], state: next };
}
/**
 * Exchange lists a hosted mailbox by its user principal name, which need not match its primary SMTP
 * address, and a nonhosted (on-premises) sender by the SMTP address it sends from (Microsoft's "Remove
 * blocked users from the Restricted entities page"): ask for the UPN first, then for the mail address.
 */
export async function findRestriction(kit: FlowKit, user: DirectoryUser): Promise<RestrictedSender | null> {
  const byUpn = await kit.deps.tenant.findRestrictedSender(user.userPrincipalName);
  if (byUpn || !user.mail || user.mail.toLowerCase() === user.userPrincipalName.toLowerCase()) return byUpn;
  return kit.deps.tenant.findRestrictedSender(user.mail);
}
export async function endNotRestricted(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
  request: UnblockRequest,
): Promise<Omit<FlowOutcome, 'invokeCard'>> {
  const checked = await kit.saveFacts(party, request, { restriction: null }, 'restriction.checked', {
    restricted: false,
  });
  const moved = await kit.deps.lifecycle.cancel(checked, kit.auditContext(party), {
    outcome: 'not-restricted',
  });
  const ended = moved.ok ? moved.request : checked;
  return { messages: [notRestrictedNotice(kit.noticeContext(state), ended)], state: null };
}
