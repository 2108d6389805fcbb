// The TenantProbe over the live clients (the same Graph and Exchange code as the gateway). Token roles are
// read from the JWT payload for display only: the services validate the signature, not this code.
import { TenantError } from '../../runbook/index.js';
import type { TenantApi, TenantProbe, TokenSummary } from '../probe.js';
import { createLiveClients, type LiveTenantOptions } from './clients.js';

const HOUR_MS = 60 * 60 * 1000;

export function createLiveTenantProbe(options: LiveTenantOptions): TenantProbe {
  const { graph, exchange, graphToken, exchangeToken } = createLiveClients(options);
  return {
    async token(api: TenantApi): Promise<TokenSummary> {
      const token = await (api === 'graph' ? graphToken() : exchangeToken());
      return { roles: rolesIn(token) };
    },
    async organization() {
      const page = await graph.get<{ value?: Array<{ id?: unknown; displayName?: unknown }> }>(
        '/organization',
        { $select: 'id,displayName' },
      );
      const org = page.value?.[0];
      if (!org) throw new TenantError('Unknown', 'Graph GET /organization returned no organization');
      return { id: String(org.id ?? ''), displayName: String(org.displayName ?? '') };
    },
    async exchangeOrganization() {
      const [row] = await exchange.invoke('Get-OrganizationConfig', {}, ['Name']);
      return { name: String(row?.Name ?? '') };
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
    async restrictedSenderCount() {
      return (await exchange.invoke('Get-BlockedSenderAddress', {})).length;
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

/** The `roles` claim of a JWT access token; null when the token is not a readable JWT. */
function rolesIn(token: string): string[] | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return null;
  }
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
