// Public surface of the live tenant implementation (Microsoft Graph + Exchange Online admin REST).
export { createLiveCredential } from './credential.js';
export { createLiveTenantGateway } from './liveGateway.js';
export { createLiveTenantProbe } from './probe.js';
export { backoffMs, DEFAULT_RETRY, type RetryOptions } from './retryPolicy.js';
