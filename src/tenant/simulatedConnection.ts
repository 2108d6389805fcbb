// How the live clients reach a simulator (in-process or at SIMULATOR_URL): its two API roots, the seeded
// tenant, and a static token (the simulator accepts any unless token validation is switched on).
import type { TokenCredential } from '@azure/identity';
import { SEED } from './simulator/index.js';
import { StaticTokenCredential } from './staticCredential.js';

export interface SimulatedConnection {
  graphBaseUrl: string;
  exoBaseUrl: string;
  tenantId: string;
  credential: TokenCredential;
}

export function simulatedConnection(simulatorBaseUrl: string): SimulatedConnection {
  const base = simulatorBaseUrl.replace(/\/+$/, '');
  return {
    graphBaseUrl: `${base}/v1.0`,
    exoBaseUrl: `${base}/adminapi/beta`,
    tenantId: SEED.tenantId,
    credential: new StaticTokenCredential('simulated-tenant-token'),
  };
}
