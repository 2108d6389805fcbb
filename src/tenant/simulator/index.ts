// Public surface of the tenant simulator (Graph + Exchange Online admin REST on a local port).

export type { TokenRejection, TokenVerdict } from './auth.js';
export type { CallLogEntry } from './callLog.js';
export type { SimulatorControl, SimulatorSettings } from './control.js';
export type { FaultApi, FaultPlan, FaultPlans, FaultStatus } from './faults.js';
export { seededRandom } from './faults.js';
export { EXCHANGE_APP_ROLE } from './permissions.js';
export { SEED } from './seed.js';
export type { SimulatorTls, TokenAudience, TokenValidator } from './server.js';
export type { UserTokenOptions } from './signIn.js';
export { TenantSimulator, type TenantSimulatorOptions } from './simulator.js';
export type { BlockedSenderRow, MessageTraceRow, SimUser } from './state.js';
export { NDR_5_1_8 } from './state.js';
export type { TrustedAuthority } from './tokenValidation.js';
