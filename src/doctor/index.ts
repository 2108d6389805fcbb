// Public surface of src/doctor: the deployment check behind `npm run doctor`.
export type { CheckResult } from './checks.js';
export { runDoctor } from './doctor.js';
