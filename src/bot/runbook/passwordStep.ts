// Step 1, the password: reset it now (never by email) or confirm it was, or change it on-premises; then
// check the Restricted list again (step 2).
import { type AuditAction, type DirectoryUser, TenantError } from '../../runbook/index.js';
import * as cards from '../cards/runbookCards.js';
import type { FlowKit } from './flowKit.js';
import type { FlowOutcome, RunbookState, TurnParty } from './flowTypes.js';
import { endNotRestricted, findRestriction } from './whoStep.js';

export async function resetPassword(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  const target = request.target;
  if (target.onPremisesSyncEnabled) return showOnPremises(kit, state, target);
  const password = kit.deps.generatePassword();
  try {
    await kit.deps.tenant.resetPassword(target.id, password);
  } catch (error) {
    if (error instanceof TenantError && error.code === 'OnPremisesManaged')
      return showOnPremises(kit, state, target);
    if (error instanceof TenantError && error.code === 'Forbidden')
      return showPrivilegedReset(kit, state, target, error);
    if (error instanceof TenantError && error.code === 'BadRequest') {
      const problem = kit.text(state, 'errors.passwordRejected');
      return {
        invokeCard: cards.passwordCard(kit.cardContext(state), target, problem),
        messages: [],
        state,
      };
    }
    throw error;
  }
  const updated = await kit.saveFacts(party, request, { password: 'reset-by-bot' }, 'password.reset');
  const next: RunbookState = { ...state, step: 'password-shown' };
  // The password lives only in this invoke response: not in state, storage, logs or a message.
  return {
    invokeCard: cards.temporaryPasswordCard(kit.cardContext(next), updated.target, password),
    messages: [],
    state: next,
  };
}
export function showOnPremises(kit: FlowKit, state: RunbookState, target: DirectoryUser): FlowOutcome {
  const next: RunbookState = { ...state, step: 'password-on-premises' };
  return {
    invokeCard: cards.onPremisesPasswordCard(kit.cardContext(next), target),
    messages: [],
    state: next,
  };
}
/**
 * Graph refuses an app-only password reset of an account with an administrator role: only a Privileged
 * Authentication Administrator may reset it (user-update.md, passwordProfile; Entra "Who can reset
 * passwords"), a role this bot deliberately does not hold. Graph answers exactly as it does for a missing
 * permission (403 Authorization_RequestDenied), so the card names the likely cause, tells the agent to reset
 * the password by hand, and mentions the other one; the log keeps Graph's answer for whoever runs the bot.
 */
function showPrivilegedReset(
  kit: FlowKit,
  state: RunbookState,
  target: DirectoryUser,
  error: TenantError,
): FlowOutcome {
  kit.deps.logger.warn(
    { err: error, requestId: state.requestId, userId: target.id },
    'password reset refused: an administrator account (needs Privileged Authentication Administrator), or the app lacks User-PasswordProfile.ReadWrite.All / User Administrator for everyone (npm run doctor)',
  );
  return {
    invokeCard: cards.privilegedPasswordCard(kit.cardContext(state), target),
    messages: [],
    state,
  };
}

/** The agent reset a privileged account's password by hand after the bot was refused. */
export async function passwordResetByHand(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  await kit.saveFacts(party, request, { password: 'reset-by-agent' }, 'password.confirmed', {
    resetRefusedFor: 'privileged-account',
  });
  return continueAfterPassword(kit, party, state, 'password.doneByHand');
}

export async function passwordDone(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
  status: 'reset-by-agent' | 'on-premises',
  action: AuditAction,
  summaryKey: 'password.doneByAgent' | 'password.doneOnPremises',
): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  await kit.saveFacts(party, request, { password: status }, action);
  return continueAfterPassword(kit, party, state, summaryKey);
}
export async function continueAfterPassword(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
  summaryKey:
    | 'password.doneByAgent'
    | 'password.doneByBot'
    | 'password.doneOnPremises'
    | 'password.doneByHand',
): Promise<FlowOutcome> {
  const summary = kit.summaryOf(state, 'password', kit.text(state, summaryKey));
  const request = await kit.requireRequest(state);
  // Checked again: another admin may have unblocked the user while the password step was open.
  const restriction = await findRestriction(kit, request.target);
  if (!restriction) return { ...summary, ...(await endNotRestricted(kit, party, state, request)) };
  const checked = await kit.saveFacts(party, request, { restriction }, 'restriction.checked', {
    restricted: true,
  });
  const next: RunbookState = { ...state, step: 'restriction' };
  return {
    ...summary,
    messages: [cards.restrictionCard(kit.cardContext(next), checked.target, restriction)],
    state: next,
  };
}
