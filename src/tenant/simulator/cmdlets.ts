// The Exchange cmdlets the simulator implements, with PowerShell's parameter binding rules (names are
// case-insensitive, unknown or missing mandatory parameters fail) and Exchange's error types.
import type { ExoFailure } from './http.js';
import { RBAC_CMDLETS } from './rbacCmdlets.js';
import { SEED } from './seed.js';
import type { SimUser, TenantState } from './state.js';

export type CmdletResult = { rows: Record<string, unknown>[] } | { failure: ExoFailure };

export interface CmdletSpec {
  parameters: Record<string, { mandatory?: boolean; smtp?: boolean }>;
  run(params: Record<string, unknown>, state: TenantState): CmdletResult;
}

const SERVER = 'AM6PR04A001.EURPRD04.PROD.OUTLOOK.COM';
const NOT_FOUND_TYPE = 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException';
const BINDING_TYPE = 'System.Management.Automation.ParameterBindingException';
/** The real type and text are undocumented (m365-contracts.md "UNCONFIRMED"); the client matches the wording. */
const UNBLOCK_LIMIT_TYPE = 'Microsoft.Exchange.Management.Tasks.UnblockLimitExceededException';

const cmdlets: Record<string, CmdletSpec> = {
  ...RBAC_CMDLETS,
  'Get-BlockedSenderAddress': {
    parameters: { SenderAddress: { smtp: true }, ResultSize: {} },
    run: (p, state) => {
      const address = p.SenderAddress as string | undefined;
      const rows = state.blockedRows(address);
      // Whether Exchange answers "not restricted" with no rows or with a not-found error is undocumented.
      if (address !== undefined && rows.length === 0 && state.settings.notRestrictedAnswer === 'not-found') {
        return { failure: notFound(address) };
      }
      return {
        rows: rows.map((row) => ({
          ...row,
          'CreatedDatetime@data.type': 'System.DateTime',
          ...state.fieldsFor('Get-BlockedSenderAddress', row.SenderAddress),
        })),
      };
    },
  },
  'Remove-BlockedSenderAddress': {
    parameters: { SenderAddress: { mandatory: true, smtp: true }, Reason: {} },
    run: (p, state) => {
      const address = p.SenderAddress as string;
      const outcome = state.unblock(address);
      if (outcome === 'not-on-list') return { failure: notFound(address) };
      if (outcome === 'limit-exceeded') {
        return {
          failure: {
            errorId: 'ExB2D4F6',
            type: UNBLOCK_LIMIT_TYPE,
            message: `The unblock limit for '${address}' has been exceeded. You can't unblock this user again; contact Microsoft Support to unblock the user.`,
          },
        };
      }
      return { rows: [] };
    },
  },
  'Get-Mailbox': {
    parameters: { Identity: {}, ResultSize: {} },
    run: (p, state) => {
      const identity = p.Identity as string | undefined;
      const row = (user: SimUser) => ({ ...mailboxRow(user), ...state.fieldsFor('Get-Mailbox', user.id) });
      if (identity === undefined) return { rows: state.users.slice(0, resultSize(p.ResultSize)).map(row) };
      const user = state.findUser(identity) ?? state.findUserByAddress(identity);
      return user ? { rows: [row(user)] } : { failure: notFound(identity) };
    },
  },
  'Get-InboxRule': {
    parameters: { Mailbox: {}, IncludeHidden: {}, Identity: {} },
    run: (p, state) => {
      const mailbox = (p.Mailbox as string | undefined) ?? '';
      const user = state.findUser(mailbox) ?? state.findUserByAddress(mailbox);
      if (!user) return { failure: notFound(mailbox) };
      return { rows: (state.inboxRules.get(user.id) ?? []).map((rule) => inboxRuleRow(user, rule)) };
    },
  },
  'Get-OrganizationConfig': {
    parameters: {},
    run: () => ({
      rows: [
        {
          Name: SEED.tenantDomain,
          DisplayName: SEED.organizationName,
          Guid: SEED.tenantId,
          Identity: SEED.tenantDomain,
        },
      ],
    }),
  },
};

export function runCmdlet(name: string, raw: Record<string, unknown>, state: TenantState): CmdletResult {
  const entry = Object.entries(cmdlets).find(([n]) => n.toLowerCase() === name.toLowerCase());
  if (!entry) {
    return {
      failure: {
        errorId: 'Ex1C2D3E',
        type: 'System.Management.Automation.CommandNotFoundException',
        message: `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.`,
      },
    };
  }
  const [, cmdlet] = entry;
  const bound = bindParameters(cmdlet, raw);
  return 'failure' in bound ? bound : cmdlet.run(bound.params, state);
}

/** -ResultSize: a number of rows, or Unlimited (Exchange's default for Get-Mailbox is 1000). */
function resultSize(value: unknown): number {
  if (typeof value === 'string' && value.toLowerCase() === 'unlimited') return Number.POSITIVE_INFINITY;
  const size = Number(value ?? 1000);
  return Number.isInteger(size) && size > 0 ? size : 1000;
}

/** The parameter names of an implemented cmdlet (for checking the commands docs/setup.md gives), or null. */
export function cmdletParameters(name: string): string[] | null {
  const entry = Object.entries(cmdlets).find(([n]) => n.toLowerCase() === name.toLowerCase());
  return entry ? Object.keys(entry[1].parameters) : null;
}

function bindParameters(
  cmdlet: CmdletSpec,
  raw: Record<string, unknown>,
): { params: Record<string, unknown> } | { failure: ExoFailure } {
  const names = Object.keys(cmdlet.parameters);
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = names.find((n) => n.toLowerCase() === key.toLowerCase());
    if (!name) return binding(`A parameter cannot be found that matches parameter name '${key}'.`);
    if (cmdlet.parameters[name]?.smtp && !isSmtpAddress(value)) {
      return binding(
        `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${String(value)}" to type "Microsoft.Exchange.Data.SmtpAddress". Error: "The email address "${String(value)}" isn't correct."`,
      );
    }
    params[name] = value;
  }
  const missing = names.filter((n) => cmdlet.parameters[n]?.mandatory && params[n] === undefined);
  if (missing.length > 0) {
    return binding(
      `Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`,
    );
  }
  return { params };
}

function isSmtpAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 320 && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
}

function binding(message: string): { failure: ExoFailure } {
  return { failure: { errorId: 'Ex4A3F21', type: BINDING_TYPE, message } };
}

function notFound(identity: string): ExoFailure {
  return {
    errorId: 'Ex6F9304',
    type: NOT_FOUND_TYPE,
    message: `The operation couldn't be performed because object '${identity}' couldn't be found on '${SERVER}'.`,
  };
}

function mailboxRow(user: SimUser): Record<string, unknown> {
  return {
    Identity: user.displayName,
    Name: user.userPrincipalName.split('@')[0],
    DisplayName: user.displayName,
    UserPrincipalName: user.userPrincipalName,
    PrimarySmtpAddress: user.mail ?? user.userPrincipalName,
    ExternalDirectoryObjectId: user.id,
    RecipientTypeDetails: 'UserMailbox',
    ForwardingSmtpAddress: user.forwardingSmtpAddress,
    ForwardingAddress: user.forwardingAddress,
    DeliverToMailboxAndForward: user.deliverToMailboxAndForward,
  };
}

function inboxRuleRow(
  user: SimUser,
  rule: {
    id: string;
    displayName: string;
    sequence: number;
    isEnabled: boolean;
    actions: Record<string, unknown>;
  },
): Record<string, unknown> {
  const recipients = (key: string): string[] | null => {
    const list = rule.actions[key] as Array<{ emailAddress: { name?: string; address: string } }> | undefined;
    return list
      ? list.map((r) => `"${r.emailAddress.name ?? r.emailAddress.address}" [SMTP:${r.emailAddress.address}]`)
      : null;
  };
  return {
    Identity: `${user.userPrincipalName}\\${rule.id}`,
    RuleIdentity: rule.id,
    Name: rule.displayName,
    Enabled: rule.isEnabled,
    Priority: rule.sequence,
    MailboxOwnerId: user.displayName,
    ForwardTo: recipients('forwardTo'),
    ForwardAsAttachmentTo: recipients('forwardAsAttachmentTo'),
    RedirectTo: recipients('redirectTo'),
    DeleteMessage: rule.actions.delete === true,
    MoveToFolder: typeof rule.actions.moveToFolder === 'string' ? rule.actions.moveToFolder : null,
    StopProcessingRules: rule.actions.stopProcessingRules === true,
  };
}
