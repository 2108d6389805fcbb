// Parses Graph and Exchange payloads into the runbook's types at the edge (zod), so nothing inside trusts
// the wire. Exchange rows are PascalCase and may carry "@data.type" annotations, which are ignored.
import { z } from 'zod';
import type {
  DirectoryUser,
  InboxRuleSummary,
  MailboxForwarding,
  RestrictedSender,
} from '../../runbook/index.js';
import { TenantError } from '../../runbook/index.js';
import type { MessageTraceEntry } from '../gateway.js';

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

const blockedSender = z.object({
  SenderAddress: z.string().min(1),
  Reason: z.string().nullish(),
  CreatedDatetime: z.string().nullish(),
  ChangedDatetime: z.string().nullish(),
  TemporaryBlock: z.boolean().nullish(),
});

export function toRestrictedSender(raw: unknown): RestrictedSender {
  const row = parse(blockedSender, raw, 'Get-BlockedSenderAddress row');
  return {
    senderAddress: row.SenderAddress.toLowerCase(),
    reason: row.Reason ?? '',
    createdAt: row.CreatedDatetime ?? null,
    changedAt: row.ChangedDatetime ?? null,
    temporaryBlock: row.TemporaryBlock === true,
  };
}

const mailbox = z.object({
  ForwardingSmtpAddress: z.string().nullish(),
  ForwardingAddress: z.string().nullish(),
  DeliverToMailboxAndForward: z.boolean().nullish(),
});

export const MAILBOX_SELECT = ['ForwardingSmtpAddress', 'ForwardingAddress', 'DeliverToMailboxAndForward'];

export function toMailboxForwarding(raw: unknown): MailboxForwarding {
  const m = parse(mailbox, raw, 'Get-Mailbox row');
  return {
    // Exchange returns "smtp:someone@example.com"; the address is what people recognise.
    forwardingSmtpAddress: m.ForwardingSmtpAddress ? m.ForwardingSmtpAddress.replace(/^smtp:/i, '') : null,
    forwardingAddress: m.ForwardingAddress || null,
    deliverToMailboxAndForward: m.DeliverToMailboxAndForward === true,
  };
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
