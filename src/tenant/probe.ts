// A deployment check's view of Microsoft 365: one cheap call per permission the bot relies on, each failing
// with the TenantError the gateway would see, and none of them changing anything. Used by `npm run doctor`
// (src/doctor/), never by the runbook.

export type TenantApi = 'graph' | 'exchange';

export interface TokenSummary {
  /** The app roles the token carries, when it is a JWT this process can read (never the token itself). */
  roles: string[] | null;
  /**
   * The Entra role template ids in its `wids` claim: roles assigned to the app tenant-wide (a role assigned
   * over an administrative unit is not listed). Null when the token is not readable or has no such claim.
   */
  wids: string[] | null;
  /** The caller's service principal object id (`oid`), to name it in what to fix. */
  objectId: string | null;
}

/** The Exchange cmdlets the bot calls, each of which the doctor tries in a form that changes nothing. */
export type ProbedCmdlet = 'Get-BlockedSenderAddress' | 'Remove-BlockedSenderAddress' | 'Get-Mailbox';

export interface TenantProbe {
  /** Gets an access token for the API's `.default` scope. */
  token(api: TenantApi): Promise<TokenSummary>;
  /** Graph GET /users?$top=1: some user's id (null in an empty directory). */
  anyUserId(): Promise<string | null>;
  /** Graph GET /groups/{id}; null when there is no such group. */
  group(groupId: string): Promise<{ id: string; displayName: string } | null>;
  /** Graph POST /users/{id}/checkMemberGroups. */
  checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]>;
  /**
   * Runs the cmdlet harmlessly and says in a few words what came back: Get-BlockedSenderAddress lists the
   * restricted senders, Get-Mailbox reads one mailbox, Remove-BlockedSenderAddress is given an address that
   * cannot be a sender in any tenant (so Exchange answers "not found" once the role allows the cmdlet).
   */
  exchangeCmdlet(cmdlet: ProbedCmdlet): Promise<string>;
  /** Graph message trace over the last hour: how many messages (at most one page is read). */
  recentMessageTraceCount(): Promise<number>;
}
