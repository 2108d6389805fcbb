// The TenantGateway that talks to Microsoft 365: Graph for directory, password, sessions, inbox rules,
// groups and message trace; Exchange Online admin REST for the Restricted entities list, unblocking and
// mailbox forwarding. The same code runs against the simulator (simulated mode and tests).

import pino from 'pino';
import type {
  DirectoryUser,
  InboxRuleSummary,
  MailboxForwarding,
  RestrictedSender,
} from '../../runbook/index.js';
import { TenantError } from '../../runbook/index.js';
import type { MessageTraceEntry, TenantGateway } from '../gateway.js';
import { createLiveClients, type LiveTenantOptions } from './clients.js';
import type { ExchangeClient } from './exchangeClient.js';
import type { GraphApi } from './graphClient.js';
import { UnreadableFieldLog, type UnreadableFieldReport } from './lenientFields.js';
import {
  MAILBOX_SELECT,
  toDirectoryUser,
  toInboxRuleSummary,
  toMailboxForwarding,
  toMessageTraceEntry,
  toRestrictedSender,
  USER_SELECT,
} from './mappers.js';
import { pingTenant } from './readiness.js';
import { exactAddressFilter, normaliseQuery, prefixFilter, rankUsers } from './userSearch.js';

/** The live settings: base URLs, tenant, credential, and retry/test hooks. */
export type LiveTenantGatewayOptions = LiveTenantOptions;

const SMTP_ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MAX_GROUP_IDS_PER_CALL = 20;

export function createLiveTenantGateway(options: LiveTenantGatewayOptions): TenantGateway {
  const { graph, exchange } = createLiveClients(options);
  const unreadable = new UnreadableFieldLog(options.logger ?? pino({ enabled: false }));
  return new LiveTenantGateway(graph, exchange, unreadable.report);
}

class LiveTenantGateway implements TenantGateway {
  constructor(
    private readonly graph: GraphApi,
    private readonly exchange: ExchangeClient,
    private readonly reportUnreadable: UnreadableFieldReport,
  ) {}

  async findUsers(query: string, limit = 10): Promise<DirectoryUser[]> {
    const q = normaliseQuery(query);
    const top = String(Math.max(1, Math.min(Math.trunc(limit), 100)));
    if (q === null) return [];
    if (q.includes('@')) {
      const exact = await this.searchUsers(exactAddressFilter(q), top);
      if (exact.length > 0) return rankUsers(exact, q).slice(0, Number(top));
    }
    const found = await this.searchUsers(prefixFilter(q), top);
    return rankUsers(found, q).slice(0, Number(top));
  }

  async getUser(idOrUpn: string): Promise<DirectoryUser | null> {
    const key = normaliseQuery(idOrUpn);
    if (key === null || key.includes('/')) return null;
    try {
      return toDirectoryUser(await this.graph.get(userPath(key), { $select: USER_SELECT }));
    } catch (error) {
      if (error instanceof TenantError && error.code === 'NotFound') return null;
      throw error;
    }
  }

  async resetPassword(userId: string, newPassword: string): Promise<void> {
    // The password goes only into the request body; GraphApi's errors carry Graph's answer, not the body.
    await this.graph.patch(userPath(userId), {
      passwordProfile: { forceChangePasswordNextSignIn: true, password: newPassword },
    });
  }

  async revokeSessions(userId: string): Promise<void> {
    const result = await this.graph.post<{ value?: boolean }>(
      `${userPath(userId)}/revokeSignInSessions`,
      undefined,
    );
    if (result?.value === false)
      throw new TenantError('Unknown', 'Graph revokeSignInSessions returned false');
  }

  async listRestrictedSenders(): Promise<RestrictedSender[]> {
    const rows = await this.exchange.invoke('Get-BlockedSenderAddress', {});
    return rows.map((row) => toRestrictedSender(row, this.reportUnreadable));
  }

  async findRestrictedSender(address: string): Promise<RestrictedSender | null> {
    const sender = smtpAddress(address);
    let rows: unknown[];
    try {
      rows = await this.exchange.invoke('Get-BlockedSenderAddress', { SenderAddress: sender });
    } catch (error) {
      // "Not restricted" may come back as no rows or as ManagementObjectNotFoundException: Microsoft
      // documents neither (m365-contracts.md "UNCONFIRMED"), and both mean the address is not listed.
      if (error instanceof TenantError && error.code === 'NotFound') return null;
      throw error;
    }
    return (
      rows
        .map((row) => toRestrictedSender(row, this.reportUnreadable))
        .find((r) => r.senderAddress === sender.toLowerCase()) ?? null
    );
  }

  async unblockSender(address: string): Promise<void> {
    await this.exchange.invoke('Remove-BlockedSenderAddress', { SenderAddress: smtpAddress(address) });
  }

  async getMailboxForwarding(address: string): Promise<MailboxForwarding> {
    const rows = await this.exchange.invoke(
      'Get-Mailbox',
      { Identity: smtpAddress(address) },
      MAILBOX_SELECT,
    );
    const [row] = rows;
    if (row === undefined)
      throw new TenantError('NotFound', `Exchange Get-Mailbox: no mailbox for ${address}`);
    return toMailboxForwarding(row, this.reportUnreadable);
  }

  async listInboxRules(userId: string): Promise<InboxRuleSummary[]> {
    const rules = await this.graph.getAll<unknown>(`${userPath(userId)}/mailFolders/inbox/messageRules`);
    return rules.map(toInboxRuleSummary);
  }

  async listGroupUserIds(groupId: string): Promise<string[]> {
    // group-list-transitivemembers.md: a flat list of nested members as directoryObjects; 999 per page at
    // most, then @odata.nextLink. GroupMember.Read.All suffices: members of other types come back with
    // their @odata.type and id only.
    const members = await this.graph.getAll<{ '@odata.type'?: unknown; id?: unknown }>(
      `/groups/${encodeURIComponent(groupId)}/transitiveMembers`,
      { $select: 'id', $top: '999' },
    );
    return members
      .filter((m) => m['@odata.type'] === '#microsoft.graph.user' && typeof m.id === 'string')
      .map((m) => m.id as string);
  }

  async checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]> {
    const unique = [...new Set(groupIds)];
    const member: string[] = [];
    // Graph takes at most 20 ids per call (m365-contracts.md §3.5).
    for (let i = 0; i < unique.length; i += MAX_GROUP_IDS_PER_CALL) {
      const batch = unique.slice(i, i + MAX_GROUP_IDS_PER_CALL);
      const result = await this.graph.post<{ value?: unknown }>(`${userPath(userId)}/checkMemberGroups`, {
        groupIds: batch,
      });
      const ids = Array.isArray(result?.value) ? result.value : [];
      member.push(...ids.filter((id): id is string => typeof id === 'string'));
    }
    return member;
  }

  async listMessageTrace(senderAddress: string, from: Date, to: Date): Promise<MessageTraceEntry[]> {
    const sender = smtpAddress(senderAddress).replaceAll("'", "''");
    const filter = `senderAddress eq '${sender}' and receivedDateTime ge ${isoSeconds(from)} and receivedDateTime le ${isoSeconds(to)}`;
    const rows = await this.graph.getAll<unknown>('/admin/exchange/tracing/messageTraces', {
      $filter: filter,
    });
    return rows.map(toMessageTraceEntry);
  }

  async ping(): Promise<void> {
    await pingTenant(this.graph, this.exchange);
  }

  private async searchUsers(filter: string, top: string): Promise<DirectoryUser[]> {
    const page = await this.graph.get<{ value?: unknown[] }>('/users', {
      $filter: filter,
      $select: USER_SELECT,
      $top: top,
    });
    return (page.value ?? []).map(toDirectoryUser);
  }
}

function userPath(idOrUpn: string): string {
  if (idOrUpn.trim() === '')
    throw new TenantError('BadRequest', 'A user id is required', { retryable: false });
  return `/users/${encodeURIComponent(idOrUpn)}`;
}

function smtpAddress(address: string): string {
  const trimmed = address.trim();
  if (trimmed.length > 320 || !SMTP_ADDRESS.test(trimmed)) {
    throw new TenantError('BadRequest', 'Not an email address', { retryable: false });
  }
  return trimmed;
}

/** Graph's DateTimeOffset literal, without milliseconds: 2026-11-22T10:00:00Z. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
