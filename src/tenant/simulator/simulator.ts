// TenantSimulator: a local stand-in for Microsoft Graph and Exchange Online admin REST with a seeded
// contoso.com tenant. The live gateway is pointed at it in tests and in simulated mode, so the code that
// runs against Microsoft 365 is the code that is tested.

import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { CallLog, type CallLogEntry } from './callLog.js';
import type { SimulatorControl, SimulatorSettings } from './control.js';
import { enrolHelpdeskAgent } from './enrolment.js';
import type { ExchangeRbac } from './exchangeRbac.js';
import { FaultInjector, type FaultPlans, seededRandom } from './faults.js';
import { SEED } from './seed.js';
import { createSimulatorServer, type SimulatorTls, type TokenValidator } from './server.js';
import { SimulatedSignIn, type UserTokenOptions } from './signIn.js';
import {
  type BlockedSenderRow,
  type MessageTraceRow,
  type RowFieldsCmdlet,
  type SimUser,
  TenantState,
} from './state.js';
import { createJwtValidator, type TrustedAuthority } from './tokenValidation.js';

export interface TenantSimulatorOptions {
  /** How long after Remove-BlockedSenderAddress the user can really send again. Default 5000 ms. */
  releaseDelayMs?: number;
  /** Unblocks allowed per account in a sliding 24 h window; the next one fails like Microsoft's limit. Default 3. */
  unblockLimitPerDay?: number;
  /** Upper bound on Exchange rows per page (the client asks for 1000). Default 1000. */
  exoMaxPageSize?: number;
  /** Upper bound on objects per page of Graph directory collections (Graph: 999). Default 999. */
  graphMaxPageSize?: number;
  /** Get-BlockedSenderAddress -SenderAddress for an unrestricted address: no rows, or a not-found error. */
  notRestrictedAnswer?: SimulatorSettings['notRestrictedAnswer'];
  /** False: message trace answers 403 (ExchangeMessageTrace.Read.All not granted). Default true. */
  messageTraceGranted?: boolean;
  /** Throttling/outage plans per API; change them later with setFaults or POST /_sim/faults. */
  faults?: FaultPlans;
  /** Random source for probabilistic faults. Default: a PRNG seeded with `randomSeed`. */
  random?: () => number;
  /** Seed for the default PRNG. Default 1. */
  randomSeed?: number;
  /** The simulator's clock. Default `() => new Date()` (so sinon fake timers apply). */
  now?: () => Date;
  /** Hook for token validation; the default accepts any bearer token. */
  validateToken?: TokenValidator;
  /**
   * Validate bearer tokens for real as JWTs from this authority (signature, iss, aud per API, tid,
   * exp/nbf), and enforce app permissions from their roles. Takes precedence over validateToken.
   */
  tokenAuthority?: TrustedAuthority;
  /** Serve HTTPS instead of HTTP. */
  tls?: SimulatorTls;
  logger?: Logger;
  /** Interface and port to bind. Default 127.0.0.1 and 0 (a free port). */
  host?: string;
  port?: number;
}

export class TenantSimulator implements SimulatorControl {
  private readonly currentSettings: SimulatorSettings;
  private readonly state: TenantState;
  private readonly callLog = new CallLog();
  private readonly faults: FaultInjector;
  private readonly signIn: SimulatedSignIn;
  private random: () => number;
  private readonly server: ReturnType<typeof createSimulatorServer>;
  private origin: string | null = null;

  constructor(private readonly options: TenantSimulatorOptions = {}) {
    this.currentSettings = {
      releaseDelayMs: options.releaseDelayMs ?? 5000,
      unblockLimitPerDay: options.unblockLimitPerDay ?? 3,
      exoMaxPageSize: options.exoMaxPageSize ?? 1000,
      graphMaxPageSize: options.graphMaxPageSize ?? 999,
      notRestrictedAnswer: options.notRestrictedAnswer ?? 'empty',
      messageTraceGranted: options.messageTraceGranted ?? true,
    };
    const now = options.now ?? (() => new Date());
    this.state = new TenantState(this.currentSettings, now);
    this.random = this.freshRandom();
    this.faults = new FaultInjector(options.faults ?? {}, () => this.random());
    this.signIn = new SimulatedSignIn(SEED.tenantId, now);
    this.server = createSimulatorServer({
      state: this.state,
      callLog: this.callLog,
      faults: this.faults,
      control: this,
      validateToken: options.tokenAuthority
        ? createJwtValidator(options.tokenAuthority, now)
        : (options.validateToken ?? (() => true)),
      signIn: this.signIn,
      logger: options.logger ?? pino({ enabled: false }),
      origin: () => this.baseUrl,
      tls: options.tls,
    });
  }

  async start(): Promise<{ baseUrl: string }> {
    if (this.origin) return { baseUrl: this.origin };
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    const scheme = this.options.tls ? 'https' : 'http';
    this.origin = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return { baseUrl: this.origin };
  }

  async stop(): Promise<void> {
    if (!this.origin) return;
    this.origin = null;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** e.g. http://127.0.0.1:51234, or https:// with `tls` (throws before start). */
  get baseUrl(): string {
    if (!this.origin) throw new Error('TenantSimulator is not started');
    return this.origin;
  }

  /** The value for GRAPH_BASE_URL: http://127.0.0.1:port/v1.0 */
  get graphBaseUrl(): string {
    return `${this.baseUrl}/v1.0`;
  }

  /** The value for EXO_BASE_URL: http://127.0.0.1:port/adminapi/beta */
  get exoBaseUrl(): string {
    return `${this.baseUrl}/adminapi/beta`;
  }

  get tenantId(): string {
    return SEED.tenantId;
  }

  /** The value for AZURE_AUTHORITY_HOST of an app that validates the simulated tenant's user tokens. */
  get authorityHost(): string {
    return this.baseUrl;
  }

  /** The `iss` of the simulated tenant's v2.0 tokens. */
  get issuer(): string {
    return this.signIn.issuer(this.baseUrl);
  }

  /** A signed-in person's access token, as Teams single sign-on would get it; null for an unknown person. */
  userToken(idOrUpn: string, options: UserTokenOptions): string | null {
    const user = this.state.findUser(idOrUpn) ?? this.state.findUserByAddress(idOrUpn);
    return user ? this.signIn.userToken(this.baseUrl, user, options) : null;
  }

  calls(): CallLogEntry[] {
    return this.callLog.list();
  }

  clearCalls(): void {
    this.callLog.clear();
  }

  setFaults(plans: FaultPlans): void {
    this.faults.set(plans);
  }

  /** Exchange role groups, roles and service principals: what New-RoleGroup and friends change. */
  get exchangeRbac(): ExchangeRbac {
    return this.state.exchangeRbac;
  }

  restrictedSenders(): BlockedSenderRow[] {
    return this.state.blockedRows().map((row) => ({ ...row }));
  }

  /**
   * Puts a user on the Restricted entities list, as the outbound spam policy would. A hosted mailbox is
   * listed by its user principal name, which need not match its primary SMTP address; a sender that is no
   * user here (a nonhosted sender) by the SMTP address it sends from (Microsoft's "Remove blocked users from
   * the Restricted entities page", ms.date 2026-08-24, "Use Exchange Online PowerShell").
   */
  restrict(address: string, reason?: string, temporaryBlock = false): BlockedSenderRow {
    const user = this.findUser(address);
    const sender = user?.userPrincipalName ?? address;
    const defaultReason =
      'OutboundSpamLast24Hours=150;OutboundMailLast24Hours=160;OutboundSpamPercent=94;Last Spam Message MessagetraceId:00000000-0000-4000-8000-000000000000';
    return { ...this.state.restrict(sender, reason ?? defaultReason, temporaryBlock) };
  }

  /** Adds or removes a user as a direct member of a group (membership changes take effect at once). */
  setGroupMember(groupId: string, userId: string, member: boolean): void {
    const group = this.state.groups.find((g) => g.id === groupId.toLowerCase());
    const user = this.state.findUser(userId) ?? this.state.findUserByAddress(userId);
    if (!group || !user) throw new Error(`No group '${groupId}' or user '${userId}' in the simulated tenant`);
    group.memberUserIds = group.memberUserIds.filter((id) => id !== user.id);
    if (member) group.memberUserIds.push(user.id);
  }

  /**
   * Serves `fields` in place of the row's own values in a user's Get-BlockedSenderAddress or Get-Mailbox
   * row: Exchange documents no output schema for them, so a real tenant may send other types.
   */
  setRowFields(cmdlet: RowFieldsCmdlet, identity: string, fields: Record<string, unknown>): void {
    const user = this.state.findUser(identity) ?? this.state.findUserByAddress(identity);
    if (!user) throw new Error(`No user '${identity}' in the simulated tenant`);
    const restricted = this.state
      .blockedRows()
      .find((row) => [user.userPrincipalName, user.mail].some((a) => a?.toLowerCase() === row.SenderAddress));
    const key =
      cmdlet === 'Get-Mailbox'
        ? user.id
        : (restricted?.SenderAddress ?? user.userPrincipalName.toLowerCase());
    this.state.setFieldsFor(cmdlet, key, fields);
  }

  /** Other tools in the tenant make `count` message-trace requests now (Graph's limit is per tenant). */
  spendMessageTraceQuota(count: number): void {
    this.state.spendTraceQuota(count);
  }

  /** The user tries to send a message: delivered, or failed (5.1.8) while restricted or not yet released. */
  sendAttempt(from: string, to = 'colleague@fabrikam.com', subject?: string): MessageTraceRow {
    return { ...this.state.sendAttempt(from, to, subject) };
  }

  /** Every traced message, newest last. */
  messageTrace(): MessageTraceRow[] {
    this.state.advance();
    return this.state.messageTrace.map((row) => ({ ...row }));
  }

  /** A user by object id, UPN or mail. */
  findUser(idOrUpn: string): Readonly<SimUser> | undefined {
    const user = this.state.findUser(idOrUpn) ?? this.state.findUserByAddress(idOrUpn);
    return user ? { ...user } : undefined;
  }

  /** Adds a person to the directory as a helpdesk agent, unless the id is known (local mode). */
  enrolHelpdeskAgent(id: string, displayName: string): { user: Readonly<SimUser>; created: boolean } {
    const { user, created } = enrolHelpdeskAgent(this.state, id, displayName);
    return { user: { ...user }, created };
  }

  /** Whether mail from the address leaves the tenant now (restricted or not yet released: false). */
  canSend(address: string): boolean {
    return this.state.canSend(address);
  }

  settings(): SimulatorSettings {
    return { ...this.currentSettings };
  }

  updateSettings(settings: Partial<SimulatorSettings>): void {
    const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    Object.assign(this.currentSettings, defined);
  }

  /** Back to the seeded tenant; the call log and fault plans are cleared and the PRNG re-seeded. */
  reset(): void {
    this.state.reset();
    this.callLog.clear();
    this.faults.set({});
    this.random = this.freshRandom();
  }

  private freshRandom(): () => number {
    return this.options.random ?? seededRandom(this.options.randomSeed ?? 1);
  }
}
