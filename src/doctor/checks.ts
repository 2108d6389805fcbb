// The deployment checks, in order: tokens for both APIs; every permission the bot needs, read from the
// tokens (requirements.ts); the Entra roles in the token's `wids`; then one harmless call per capability
// (the directory, the approver and helpdesk groups, each Exchange cmdlet the bot runs, message trace) and
// a Bot Framework token with the bot's own credentials. A call whose permission the token lacks is not
// made ("skip"): the permission's own line already says what to grant, so each missing grant fails
// exactly one line. Decisions only: printing is report.ts's job.
import {
  ENTRA_ROLES,
  entraRoleName,
  type ProbedCmdlet,
  type TenantApi,
  type TenantProbe,
  type TokenSummary,
} from '../tenant/index.js';
import { describeFailure, FIX, fixFor } from './fixes.js';
import {
  EXCHANGE_CMDLETS,
  EXCHANGE_PERMISSION,
  GRAPH_PERMISSIONS,
  OVERPRIVILEGED_ROLES,
  PASSWORD_RESET_ROLES,
  type PermissionRequirement,
} from './requirements.js';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckResult {
  title: string;
  status: CheckStatus;
  /** One line: what was found, or what went wrong. */
  detail: string;
  /** What to grant or change, for a failure or warning. */
  fix?: string | undefined;
  /** Only a required check that fails makes the doctor exit with 1. */
  required: boolean;
}

export interface CheckSettings {
  approverGroupId: string | undefined;
  helpdeskGroupId: string | undefined;
  /** ALLOW_ANY_USER_TO_START without a helpdesk group (live mode): worth a warning. */
  anyUserMayStart: boolean;
  /** How to name the identity when its token does not show its object id, e.g. "app 1234…". */
  identity: string;
  /** Gets a Bot Framework token with the bot's own credentials; null when MicrosoftAppId is empty. */
  botToken: { appId: string; get(): Promise<void>; describeFailure(error: unknown): string } | null;
  /** Whether an empty MicrosoftAppId is worth a warning (live mode) or expected (simulated). */
  botExpected: boolean;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

const API_NAME: Record<TenantApi, string> = { graph: 'Microsoft Graph', exchange: 'Exchange Online' };
const SCOPE: Record<TenantApi, string> = {
  graph: 'https://graph.microsoft.com/.default',
  exchange: 'https://outlook.office365.com/.default',
};

/** Whether a token grants a permission: true, false, or null when its roles cannot be read. */
type Grants = (permission: PermissionRequirement) => boolean | null;

export async function runChecks(probe: TenantProbe, settings: CheckSettings): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const graphToken = await tokenCheck(probe, 'graph', results);
  const exchangeToken = await tokenCheck(probe, 'exchange', results);
  const objectId = graphToken?.objectId ?? exchangeToken?.objectId ?? null;
  const who = objectId ? `the service principal ${objectId} of ${settings.identity}` : settings.identity;

  const graphGrants = permissionChecks(graphToken, 'graph', GRAPH_PERMISSIONS, who, results);
  const exchangeGrants = permissionChecks(exchangeToken, 'exchange', [EXCHANGE_PERMISSION], who, results);
  extraPermissionsCheck([graphToken, exchangeToken], results);
  const readable = [graphToken, exchangeToken].find((t) => t?.roles !== null && t !== null) ?? null;
  if (readable) directoryRoleChecks(readable.wids, who, results);
  else
    results.push(
      skip('Entra role for password resets (User Administrator)', 'not checked: no readable token'),
    );

  const byName = (name: string) => GRAPH_PERMISSIONS.find((p) => p.name === name) as PermissionRequirement;
  /** Null when the call may be made; otherwise why not, as a skipped line. */
  const blocked = (title: string, api: TenantApi, needs: PermissionRequirement[]): CheckResult | null => {
    const token = api === 'graph' ? graphToken : exchangeToken;
    if (!token) return skip(title, `not checked: no token for ${API_NAME[api]} (see above)`);
    const grants = api === 'graph' ? graphGrants : exchangeGrants;
    const missing = needs.filter((p) => grants(p) === false).map((p) => p.name);
    return missing.length > 0
      ? skip(title, `not checked: the token lacks ${missing.join(' and ')} (see above)`)
      : null;
  };

  const directory = 'Directory readable (GET /users?$top=1)';
  const userRead = byName('User.Read.All');
  let someUser: string | null = null;
  const directoryBlocked = blocked(directory, 'graph', [userRead]);
  if (directoryBlocked) results.push(directoryBlocked);
  else {
    const user = await attempt(() => probe.anyUserId());
    if (user.ok) someUser = user.value;
    results.push(
      user.ok
        ? pass(directory, user.value ? 'Graph answered' : 'Graph answered, but the directory has no users')
        : fail(directory, user.error, 'graph', FIX.graphPermission(userRead.name, who)),
    );
  }

  const groupRead = byName('GroupMember.Read.All');
  await groupCheck(
    probe,
    'Approver group',
    settings.approverGroupId,
    'APPROVER_GROUP_ID',
    FIX.approverGroup,
    results,
    () => blocked('Approver group resolvable (GET /groups/{id})', 'graph', [groupRead]),
    FIX.graphPermission(groupRead.name, who),
  );
  if (settings.helpdeskGroupId !== undefined) {
    await groupCheck(
      probe,
      'Helpdesk group',
      settings.helpdeskGroupId,
      'HELPDESK_GROUP_ID',
      FIX.helpdeskGroup,
      results,
      () => blocked('Helpdesk group resolvable (GET /groups/{id})', 'graph', [groupRead]),
      FIX.graphPermission(groupRead.name, who),
    );
  } else if (settings.anyUserMayStart) {
    results.push({
      title: 'Who may start a request',
      status: 'warn',
      detail: 'anyone in the tenant (ALLOW_ANY_USER_TO_START=true, no HELPDESK_GROUP_ID)',
      fix: 'Set HELPDESK_GROUP_ID to the helpdesk group, so that only its members can reset a password through the bot (docs/security.md)',
      required: false,
    });
  }

  const membership = 'checkMemberGroups works (POST /users/{id}/checkMemberGroups)';
  const membershipBlocked = blocked(membership, 'graph', [userRead, groupRead]);
  if (membershipBlocked) results.push(membershipBlocked);
  else if (someUser === null) results.push(skip(membership, 'not checked: no user to check (see above)'));
  else {
    const userId = someUser;
    const groups = [settings.approverGroupId, settings.helpdeskGroupId].filter(
      (g): g is string => g !== undefined,
    );
    const checked = await attempt(() => probe.checkMemberGroups(userId, groups));
    results.push(
      checked.ok
        ? pass(membership, `answered for user ${userId}`)
        : fail(membership, checked.error, 'graph', FIX.graphPermission(groupRead.name, who)),
    );
  }

  await cmdletChecks(probe, who, results, (title) => blocked(title, 'exchange', [EXCHANGE_PERMISSION]));

  const trace = 'Message trace readable (GET /admin/exchange/tracing/messageTraces)';
  const traceBlocked = blocked(trace, 'graph', [byName('ExchangeMessageTrace.Read.All')]);
  if (traceBlocked) results.push(traceBlocked);
  else {
    const count = await attempt(() => probe.recentMessageTraceCount());
    results.push(
      count.ok
        ? pass(trace, `${count.value === 0 ? 'no' : 'some'} messages in the last hour`)
        : fail(trace, count.error, 'graph', FIX.messageTraceApp),
    );
  }

  results.push(await botTokenCheck(settings));
  return results;
}

async function tokenCheck(
  probe: TenantProbe,
  api: TenantApi,
  results: CheckResult[],
): Promise<TokenSummary | null> {
  const title = `Token for ${API_NAME[api]} (${SCOPE[api]})`;
  const token = await attempt(() => probe.token(api));
  if (!token.ok) {
    results.push({ title, status: 'fail', detail: describeFailure(token.error), required: true });
    return null;
  }
  const { roles, wids } = token.value;
  const roleText =
    roles === null
      ? 'roles unknown (not a readable JWT)'
      : `roles: ${roles.length === 0 ? 'none' : [...roles].sort().join(', ')}`;
  const widText = wids && wids.length > 0 ? `; Entra roles: ${wids.map(entraRoleName).join(', ')}` : '';
  results.push(pass(title, `${roleText}${widText}`));
  return token.value;
}

/** One line per permission: in the token (or a broader one), missing, or not checked. */
function permissionChecks(
  token: TokenSummary | null,
  api: TenantApi,
  permissions: readonly PermissionRequirement[],
  who: string,
  results: CheckResult[],
): Grants {
  const roles = token?.roles ?? null;
  if (token && roles === null) {
    results.push(
      skip(
        `${API_NAME[api]} permissions`,
        'not read: the token is not a JWT this process can read, so the calls below check them',
      ),
    );
  }
  for (const permission of permissions) {
    const title = `${API_NAME[api]} permission ${permission.name} (${permission.neededFor})`;
    if (!token) {
      results.push(skip(title, `not checked: no token for ${API_NAME[api]} (see above)`));
      continue;
    }
    if (roles === null) continue;
    const broader = permission.alsoSatisfiedBy.find((p) => roles.includes(p));
    if (roles.includes(permission.name)) results.push(pass(title, 'granted'));
    else if (broader) results.push(pass(title, `granted through the broader ${broader}`));
    else {
      results.push({
        title,
        status: 'fail',
        detail: 'not granted: the token does not carry it',
        fix: api === 'graph' ? FIX.graphPermission(permission.name, who) : FIX.exchangeAppRole(who),
        required: true,
      });
    }
  }
  return (permission) => {
    if (!token || roles === null) return token ? null : false;
    return roles.includes(permission.name) || permission.alsoSatisfiedBy.some((p) => roles.includes(p));
  };
}

/** Least privilege: anything in the tokens beyond the required list is worth removing. */
function extraPermissionsCheck(tokens: Array<TokenSummary | null>, results: CheckResult[]): void {
  const needed = new Set([...GRAPH_PERMISSIONS, EXCHANGE_PERMISSION].map((p) => p.name));
  const extra = [...new Set(tokens.flatMap((t) => t?.roles ?? []))].filter((r) => !needed.has(r)).sort();
  if (extra.length === 0) return;
  results.push({
    title: 'Permissions beyond what the bot needs',
    status: 'warn',
    detail: extra.join(', '),
    fix: FIX.extraPermissions(extra.join(', ')),
    required: false,
  });
}

function directoryRoleChecks(wids: string[] | null, who: string, results: CheckResult[]): void {
  const title = 'Entra role for password resets (User Administrator)';
  const held = PASSWORD_RESET_ROLES.find((role) => wids?.includes(role.id));
  // Directory Readers alone is what the administrative-unit setup adds tenant-wide (setup.md).
  const scopedSetup = wids?.includes(ENTRA_ROLES.directoryReaders.id) ?? false;
  results.push(
    held
      ? pass(title, `${held.name}, assigned tenant-wide`)
      : {
          title,
          status: 'warn',
          detail:
            wids === null
              ? 'the token lists no Entra roles (no wids claim)'
              : scopedSetup
                ? 'not assigned tenant-wide; Directory Readers is, as a role over an administrative unit needs'
                : 'User Administrator is not assigned tenant-wide',
          fix: FIX.userAdministrator(who),
          required: false,
        },
  );
  const broad = OVERPRIVILEGED_ROLES.filter((role) => wids?.includes(role.id));
  if (broad.length > 0) {
    const names = broad.map((r) => r.name).join(' and ');
    results.push({
      title: 'Entra roles beyond what the bot needs',
      status: 'warn',
      detail: names,
      fix: FIX.overprivileged(who, names),
      required: false,
    });
  }
}

/**
 * Each cmdlet the bot runs, in its harmless form. When Exchange refuses all of them with 403 the app has
 * no Exchange role at all: one line says so. A cmdlet hidden from an otherwise working role group is that
 * cmdlet's line.
 */
async function cmdletChecks(
  probe: TenantProbe,
  who: string,
  results: CheckResult[],
  blocked: (title: string) => CheckResult | null,
): Promise<void> {
  const title = (cmdlet: ProbedCmdlet, neededFor: string) => `Exchange ${cmdlet} (${neededFor})`;
  const blockedResults = EXCHANGE_CMDLETS.map((c) => blocked(title(c.cmdlet, c.neededFor)));
  if (blockedResults.every((b) => b !== null)) {
    results.push(...(blockedResults as CheckResult[]));
    return;
  }
  const outcomes = [];
  for (const c of EXCHANGE_CMDLETS)
    outcomes.push({ ...c, outcome: await attempt(() => probe.exchangeCmdlet(c.cmdlet)) });
  const noRole = (o: Outcome<string>) => !o.ok && isForbidden(o.error, 403);
  if (outcomes.every((o) => noRole(o.outcome))) {
    const first = outcomes[0]?.outcome;
    results.push({
      title: 'Exchange role for the app (role group, or Exchange Administrator)',
      status: 'fail',
      detail:
        first && !first.ok
          ? `${describeFailure(first.error)}: every cmdlet was refused`
          : 'every cmdlet was refused',
      fix: FIX.noExchangeRole(who),
      required: true,
    });
    for (const o of outcomes)
      results.push(skip(title(o.cmdlet, o.neededFor), 'not checked: no Exchange role (see above)'));
    return;
  }
  for (const o of outcomes) {
    const t = title(o.cmdlet, o.neededFor);
    if (o.outcome.ok) results.push(pass(t, o.outcome.value));
    else {
      const hidden = isForbidden(o.outcome.error, 400);
      results.push(
        fail(
          t,
          o.outcome.error,
          'exchange',
          hidden ? FIX.cmdletNotInRoles(o.cmdlet) : FIX.noExchangeRole(who),
        ),
      );
    }
  }
}

async function groupCheck(
  probe: TenantProbe,
  label: string,
  groupId: string | undefined,
  variable: string,
  setFix: string,
  results: CheckResult[],
  blocked: () => CheckResult | null,
  forbiddenFix: string,
): Promise<void> {
  const title = `${label} resolvable (GET /groups/{id})`;
  if (groupId === undefined) {
    results.push({ title, status: 'fail', detail: `${variable} is not set`, fix: setFix, required: true });
    return;
  }
  const skipped = blocked();
  if (skipped) {
    results.push(skipped);
    return;
  }
  const found = await attempt(() => probe.group(groupId));
  if (!found.ok) results.push(fail(title, found.error, 'graph', forbiddenFix));
  else if (found.value === null)
    results.push({
      title,
      status: 'fail',
      detail: `no group ${groupId} in this tenant (${variable})`,
      fix: setFix,
      required: true,
    });
  else results.push(pass(title, `${found.value.displayName} (${found.value.id})`));
}

async function botTokenCheck(settings: CheckSettings): Promise<CheckResult> {
  const bot = settings.botToken;
  if (!bot) {
    const detail = 'MicrosoftAppId is empty: local mode, Teams traffic is not authenticated';
    return settings.botExpected
      ? {
          title: 'Bot Framework token',
          status: 'warn',
          detail,
          fix: 'Set MicrosoftAppId and its credential (docs/setup.md, "1. Register the bot app")',
          required: false,
        }
      : skip('Bot Framework token', `not checked: ${detail}`);
  }
  const title = `Bot Framework token for MicrosoftAppId ${bot.appId} (the bot's replies to Teams)`;
  const got = await attempt(() => bot.get());
  return got.ok
    ? pass(title, 'issued')
    : { title, status: 'fail', detail: bot.describeFailure(got.error), required: true };
}

function isForbidden(error: unknown, status: number): boolean {
  const e = error as { code?: unknown; status?: unknown } | null;
  return e?.code === 'Forbidden' && e.status === status;
}

function pass(title: string, detail: string): CheckResult {
  return { title, status: 'pass', detail, required: true };
}

function skip(title: string, detail: string): CheckResult {
  return { title, status: 'skip', detail, required: false };
}

function fail(title: string, error: unknown, api: 'graph' | 'exchange', onForbidden: string): CheckResult {
  return {
    title,
    status: 'fail',
    detail: describeFailure(error),
    fix: fixFor(error, api, onForbidden),
    required: true,
  };
}
