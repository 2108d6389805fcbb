// Public surface of src/tenant: the TenantGateway port, its live implementation (Graph + Exchange Online
// admin REST), the local tenant simulator, credentials and the temporary-password generator.
export type { MessageTraceEntry, TenantGateway } from './gateway.js';
export {
  createLiveCredential,
  createLiveTenantGateway,
  DEFAULT_RETRY,
  type LiveCredentialOptions,
  type LiveTenantGatewayOptions,
  type RetryOptions,
  type Sleep,
} from './live/index.js';
export {
  type CallLogEntry,
  type FaultPlan,
  type FaultPlans,
  NDR_5_1_8,
  SEED,
  type SimulatorSettings,
  TenantSimulator,
  type TenantSimulatorOptions,
  type TenantSimulatorOptions as SimulatorOptions,
  type TokenValidator,
} from './simulator/index.js';
export { StaticTokenCredential } from './staticCredential.js';
export { generateTemporaryPassword, MIN_PASSWORD_LENGTH } from './temporaryPassword.js';
