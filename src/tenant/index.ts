// Public surface of src/tenant: the TenantGateway port, its live implementation (Graph + Exchange Online
// admin REST), the deployment probe behind `npm run doctor`, the local tenant simulator (HTTP or HTTPS, with
// optional real token validation), credentials and the temporary-password generator.
export type { MessageTraceEntry, TenantGateway } from './gateway.js';
export {
  backoffMs,
  createLiveCredential,
  createLiveTenantGateway,
  createLiveTenantProbe,
  DEFAULT_RETRY,
  EXCHANGE_SCOPE,
  GRAPH_SCOPE,
  type LiveCredentialOptions,
  type LiveTenantGatewayOptions,
  type RetryOptions,
  type Sleep,
} from './live/index.js';
export type { TenantApi, TenantProbe, TokenSummary } from './probe.js';
export { type SimulatedConnection, simulatedConnection } from './simulatedConnection.js';
export {
  type CallLogEntry,
  EXCHANGE_APP_ROLE,
  type FaultPlan,
  type FaultPlans,
  NDR_5_1_8,
  SEED,
  type SimulatorSettings,
  type SimulatorTls,
  TenantSimulator,
  type TenantSimulatorOptions,
  type TenantSimulatorOptions as SimulatorOptions,
  type TokenRejection,
  type TokenValidator,
  type TokenVerdict,
  type TrustedAuthority,
  type UserTokenOptions,
} from './simulator/index.js';
export { StaticTokenCredential } from './staticCredential.js';
export { generateTemporaryPassword, MIN_PASSWORD_LENGTH } from './temporaryPassword.js';
