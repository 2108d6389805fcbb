// Public surface of the tenant simulator (Graph + Exchange Online admin REST on a local port).

export type { ExchangeRbac } from './exchangeRbac.js';
export { seededRandom } from './faults.js';
export { SEED } from './seed.js';
export type { TokenValidator } from './server.js';

export { TenantSimulator, type TenantSimulatorOptions } from './simulator.js';

export { NDR_5_1_8 } from './state.js';
