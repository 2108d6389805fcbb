// A deployment check's view of Microsoft 365: one cheap call per permission the bot relies on, each failing
// with the TenantError the gateway would see. Used by `npm run doctor` (src/doctor/), never by the runbook.

export type TenantApi = 'graph' | 'exchange';

export interface TokenSummary {
  /** The app roles the token carries, when it is a JWT this process can read (never the token itself). */
  roles: string[] | null;
}

export interface TenantProbe {
  /** Gets an access token for the API's `.default` scope. */
  token(api: TenantApi): Promise<TokenSummary>;
  /** Graph GET /organization: the tenant's display name. */
  organization(): Promise<{ id: string; displayName: string }>;
  /** Exchange InvokeCommand Get-OrganizationConfig: the organization's name. */
  exchangeOrganization(): Promise<{ name: string }>;
  /** Graph GET /groups/{id}; null when there is no such group. */
  group(groupId: string): Promise<{ id: string; displayName: string } | null>;
  /** Graph GET /users?$top=1: some user's id (null in an empty directory). */
  anyUserId(): Promise<string | null>;
  /** Graph POST /users/{id}/checkMemberGroups. */
  checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]>;
  /** Exchange Get-BlockedSenderAddress: how many senders are restricted. */
  restrictedSenderCount(): Promise<number>;
  /** Graph message trace over the last hour: how many messages (at most one page is read). */
  recentMessageTraceCount(): Promise<number>;
  /** Graph security alerts_v2 of the last day: how many (one page of at most 50 is read). */
  recentAlertCount(): Promise<number>;
  /** Graph Identity Protection risk detections of the last week (one page of at most 50). */
  recentRiskDetectionCount(): Promise<number>;
  /** Graph directory audit "Consent to application" entries of the last week (one page of at most 50). */
  recentConsentCount(): Promise<number>;
}
