// The TenantProbe over the live clients (the same Graph and Exchange code as the gateway). Token claims are
// read from the JWT payload for display and diagnosis only: the services validate the signature, not this
// code.
import { decodeJwt, type JWTPayload } from 'jose';
import { TenantError } from '../../runbook/index.js';
import type { ProbedCmdlet, TenantApi, TenantProbe, TokenSummary } from '../probe.js';
import { createLiveClients, type LiveTenantOptions } from './clients.js';
import { PROBE_SENDER } from './readiness.js';

const HOUR_MS = 60 * 60 * 1000;

export function createLiveTenantProbe(options: LiveTenantOptions): TenantProbe {
  const { graph, exchange, graphToken, exchangeToken } = createLiveClients(options);
  return {
    async token(api: TenantApi): Promise<TokenSummary> {
      return summarize(await (api === 'graph' ? graphToken() : exchangeToken()));
    },
    async group(groupId) {
      try {
        const group = await graph.get<{ id?: unknown; displayName?: unknown }>(
          `/groups/${encodeURIComponent(groupId)}`,
          { $select: 'id,displayName' },
        );
        return { id: String(group.id ?? groupId), displayName: String(group.displayName ?? '') };
      } catch (error) {
        if (error instanceof TenantError && error.code === 'NotFound') return null;
        throw error;
      }
    },
    async anyUserId() {
      const page = await graph.get<{ value?: Array<{ id?: unknown }> }>('/users', {
        $select: 'id',
        $top: '1',
      });
      const id = page.value?.[0]?.id;
      return typeof id === 'string' ? id : null;
    },
    async checkMemberGroups(userId, groupIds) {
      const result = await graph.post<{ value?: unknown }>(
        `/users/${encodeURIComponent(userId)}/checkMemberGroups`,
        { groupIds },
      );
      return Array.isArray(result?.value)
        ? result.value.filter((v): v is string => typeof v === 'string')
        : [];
    },
    async exchangeCmdlet(cmdlet: ProbedCmdlet) {
      switch (cmdlet) {
        case 'Get-BlockedSenderAddress': {
          const rows = await exchange.invoke('Get-BlockedSenderAddress', {});
          return `${rows.length} restricted sender(s) now`;
        }
        case 'Get-Mailbox': {
          const rows = await exchange.invoke('Get-Mailbox', { ResultSize: 1 }, ['UserPrincipalName']);
          return rows.length > 0 ? 'read a mailbox' : 'allowed (no mailboxes in the tenant)';
        }
        case 'Remove-BlockedSenderAddress':
          try {
            await exchange.invoke('Remove-BlockedSenderAddress', { SenderAddress: PROBE_SENDER });
            return `allowed (tried on ${PROBE_SENDER}, which is no sender)`;
          } catch (error) {
            // Only a cmdlet the role allows gets as far as looking the address up.
            if (error instanceof TenantError && error.code === 'NotFound')
              return `allowed (tried on ${PROBE_SENDER}: not on the list, nothing removed)`;
            throw error;
          }
      }
    },
    async recentMessageTraceCount() {
      const to = new Date();
      const from = new Date(to.getTime() - HOUR_MS);
      const page = await graph.get<{ value?: unknown[] }>('/admin/exchange/tracing/messageTraces', {
        $filter: `receivedDateTime ge ${isoSeconds(from)} and receivedDateTime le ${isoSeconds(to)}`,
        $top: '1',
      });
      return page.value?.length ?? 0;
    },
  };
}

/** What a JWT access token says about its caller; all null when it is not a readable JWT. */
function summarize(token: string): TokenSummary {
  const unreadable: TokenSummary = { roles: null, wids: null, objectId: null };
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return unreadable;
  }
  const strings = (claim: unknown) =>
    Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : null;
  return {
    roles: strings(claims.roles) ?? [],
    wids: strings(claims.wids),
    objectId: typeof claims.oid === 'string' ? claims.oid : null,
  };
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
