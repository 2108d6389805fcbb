// Which Microsoft 365 tenants' people may use the bot. A Teams bot registration can be added to chats in
// other organizations; their activities are authentic Bot Framework traffic but must not reach the runbook.
import type { Activity } from 'botbuilder';

export interface TenantBoundary {
  /** Tenant GUIDs (any case) whose activities are served. */
  allowedTenantIds: readonly string[];
  /**
   * With authentication on, an activity without a tenant id is refused (Teams always sends one). In local
   * mode (no MicrosoftAppId) it is served as the default tenant, as local clients send none.
   */
  requireTenant: boolean;
}

export type TenantCheck = { ok: true } | { ok: false; tenantId: string | null };

/** The tenant an activity comes from: conversation.tenantId and channelData.tenant.id, which must agree. */
export function checkTenant(boundary: TenantBoundary, activity: Activity): TenantCheck {
  const fromConversation = activity.conversation?.tenantId;
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  // Stryker disable next-line ConditionalExpression: equivalent, the filter below keeps strings only
  const fromChannelData = typeof channelTenant === 'string' ? channelTenant : undefined;
  const ids = [fromConversation, fromChannelData].filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return boundary.requireTenant ? { ok: false, tenantId: null } : { ok: true };
  const allowed = new Set(boundary.allowedTenantIds.map((id) => id.toLowerCase()));
  const refused = ids.find((id) => !allowed.has(id.toLowerCase()));
  return refused === undefined ? { ok: true } : { ok: false, tenantId: refused.slice(0, 64) };
}
