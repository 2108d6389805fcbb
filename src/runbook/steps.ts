// The runbook's steps, in Microsoft's order: reset the password, check the Restricted list, check the
// account for compromise, unblock (and confirm with Yes). "who" comes first because every step needs a user.

export const runbookSteps = [
  'who',
  'password',
  /** The temporary password is on screen; the agent confirms they noted it. */
  'password-shown',
  /** A synced account: the agent changes the password on-premises and confirms. */
  'password-on-premises',
  'restriction',
  'checks',
  'unblock',
  'confirm',
] as const;
export type RunbookStep = (typeof runbookSteps)[number];

const numbered: Record<RunbookStep, number | null> = {
  who: null,
  password: 1,
  'password-shown': 1,
  'password-on-premises': 1,
  restriction: 2,
  checks: 3,
  unblock: 4,
  confirm: 4,
};

/** The numbered steps shown to the agent as "Step n of 4". */
export const numberedStepCount = 4;

export function stepNumber(step: RunbookStep): number | null {
  return numbered[step];
}
