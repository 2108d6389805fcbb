// Public surface of src/tenant: the TenantGateway port, its live implementation (Graph + Exchange Online
// admin REST), the deployment probe behind `npm run doctor`, the local tenant simulator (HTTP or HTTPS, with
// optional real token validation), credentials and the temporary-password generator.
export { ENTRA_ROLES, type EntraRole, entraRoleName } from './entraRoles.js';
export type { TenantGateway } from './gateway.js';
export {
  backoffMs,
  createLiveCredential,
  createLiveTenantGateway,
  createLiveTenantProbe,
  DEFAULT_RETRY,
  type RetryOptions,
} from './live/index.js';
export {
  MESSAGE_TRACE_MAX_WINDOW_MS,
  MessageTraceBudget,
  type TraceWindow,
  traceWindow,
} from './messageTraceBudget.js';
export type { ProbedCmdlet, TenantApi, TenantProbe, TokenSummary } from './probe.js';
export { simulatedConnection } from './simulatedConnection.js';
export { simulatedDirectory } from './simulatedDirectory.js';
export {
  type ExchangeRbac,
  NDR_5_1_8,
  SEED,
  TenantSimulator,
  type TenantSimulatorOptions,
  type TenantSimulatorOptions as SimulatorOptions,
  type TokenValidator,
} from './simulator/index.js';
export { StaticTokenCredential } from './staticCredential.js';
export { generateTemporaryPassword } from './temporaryPassword.js';
