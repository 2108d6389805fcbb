// Parses Graph and Exchange payloads into the runbook's types at the edge (zod), so nothing inside trusts
// the wire. Exchange rows are PascalCase and may carry "@data.type" annotations, which are ignored; their
// non-key fields are read leniently (lenientFields.ts) because Exchange documents no output schema.
import { z } from 'zod';
import type {
  DirectoryUser,
  InboxRuleSummary,
  MailboxForwarding,
  RestrictedSender,
} from '../../runbook/index.js';
import { TenantError } from '../../runbook/index.js';
import type { MessageTraceEntry } from '../gateway.js';
import { lenientField, type UnreadableFieldReport } from './lenientFields.js';

/** What the gateway asks Graph for; onPremisesSyncEnabled is not in Graph's default set. */
export const USER_SELECT = 'id,displayName,userPrincipalName,mail,onPremisesSyncEnabled';

const graphUser = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  userPrincipalName: z.string().min(1),
  mail: z.string().nullish(),
  onPremisesSyncEnabled: z.boolean().nullish(),
});

export function toDirectoryUser(raw: unknown): DirectoryUser {
  const u = parse(graphUser, raw, 'Graph user');
  return {
    id: u.id,
    displayName: u.displayName ?? u.userPrincipalName,
    userPrincipalName: u.userPrincipalName,
    mail: u.mail ?? null,
    onPremisesSyncEnabled: u.onPremisesSyncEnabled === true,
  };
}

const blockedSenderKey = z.object({ SenderAddress: z.string().min(1) });
/** A date Exchange sent as text; other shapes ("/Date(…)/", objects) are unreadable, not wrong. */
const dateText = z.string().refine((s) => !Number.isNaN(Date.parse(s)));

/**
 * A Get-BlockedSenderAddress row. Only SenderAddress must be readable; any other field of an unexpected
 * type is listed in `unreadable` (lenientFields.ts).
 */
export function toRestrictedSender(raw: unknown, report?: UnreadableFieldReport): RestrictedSender {
  const what = 'Get-BlockedSenderAddress';
  const row = parse(blockedSenderKey.passthrough(), raw, `${what} row`) as Record<string, unknown> & {
    SenderAddress: string;
  };
  const reason = lenientField(row, 'Reason', z.string(), what, report);
  const created = lenientField(row, 'CreatedDatetime', dateText, what, report);
  const changed = lenientField(row, 'ChangedDatetime', dateText, what, report);
  const temporary = lenientField(row, 'TemporaryBlock', z.boolean(), what, report);
  const unreadable = unreadableNames({
    reason,
    createdAt: created,
    changedAt: changed,
    temporaryBlock: temporary,
  });
  return {
    senderAddress: row.SenderAddress.toLowerCase(),
    reason: reason.value ?? '',
    createdAt: created.value,
    changedAt: changed.value,
    temporaryBlock: temporary.value === true,
    ...(unreadable.length > 0 ? { unreadable } : {}),
  };
}

export const MAILBOX_SELECT = ['ForwardingSmtpAddress', 'ForwardingAddress', 'DeliverToMailboxAndForward'];

/** A Get-Mailbox row; each forwarding field is read on its own (lenientFields.ts). */
export function toMailboxForwarding(raw: unknown, report?: UnreadableFieldReport): MailboxForwarding {
  const what = 'Get-Mailbox';
  const row = parse(z.record(z.string(), z.unknown()), raw, `${what} row`);
  const smtp = lenientField(row, 'ForwardingSmtpAddress', z.string(), what, report);
  const address = lenientField(row, 'ForwardingAddress', z.string(), what, report);
  const both = lenientField(row, 'DeliverToMailboxAndForward', z.boolean(), what, report);
  const unreadable = unreadableNames({
    forwardingSmtpAddress: smtp,
    forwardingAddress: address,
    deliverToMailboxAndForward: both,
  });
  return {
    // Exchange returns "smtp:someone@example.com"; the address is what people recognise.
    forwardingSmtpAddress: smtp.value ? smtp.value.replace(/^smtp:/i, '') : null,
    forwardingAddress: address.value || null,
    deliverToMailboxAndForward: both.value === true,
    ...(unreadable.length > 0 ? { unreadable } : {}),
  };
}

function unreadableNames<K extends string>(fields: Record<K, { unreadable: boolean }>): K[] {
  return (Object.keys(fields) as K[]).filter((name) => fields[name].unreadable);
}

const recipients = z
  .array(z.object({ emailAddress: z.object({ address: z.string().nullish() }).nullish() }))
  .nullish();

const messageRule = z.object({
  displayName: z.string().nullish(),
  isEnabled: z.boolean().nullish(),
  actions: z
    .object({
      forwardTo: recipients,
      forwardAsAttachmentTo: recipients,
      redirectTo: recipients,
      delete: z.boolean().nullish(),
      permanentDelete: z.boolean().nullish(),
    })
    .nullish(),
});

export function toInboxRuleSummary(raw: unknown): InboxRuleSummary {
  const rule = parse(messageRule, raw, 'Graph messageRule');
  const actions = rule.actions ?? {};
  const addresses = [actions.forwardTo, actions.forwardAsAttachmentTo, actions.redirectTo]
    .flatMap((list) => list ?? [])
    .map((r) => r.emailAddress?.address?.toLowerCase())
    .filter((a): a is string => typeof a === 'string' && a !== '');
  return {
    name: rule.displayName ?? '',
    enabled: rule.isEnabled !== false,
    forwardsTo: [...new Set(addresses)],
    deletesMessages: actions.delete === true || actions.permanentDelete === true,
  };
}

const traceRow = z.object({
  senderAddress: z.string(),
  recipientAddress: z.string(),
  receivedDateTime: z.string(),
  status: z.string(),
});

export function toMessageTraceEntry(raw: unknown): MessageTraceEntry {
  const row = parse(traceRow, raw, 'Graph messageTrace');
  return {
    senderAddress: row.senderAddress,
    recipientAddress: row.recipientAddress,
    receivedDateTime: row.receivedDateTime,
    status: row.status,
  };
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new TenantError(
      'Unknown',
      `Unexpected ${what} shape: ${result.error.issues[0]?.message ?? 'invalid'}`,
      {
        retryable: false,
      },
    );
  }
  return result.data;
}
