// Public surface of src/doctor: the deployment check behind `npm run doctor`.
export type { CheckResult, CheckStatus } from './checks.js';
export { type DoctorOptions, type DoctorOutcome, runDoctor } from './doctor.js';
