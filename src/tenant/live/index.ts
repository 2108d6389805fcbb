// Public surface of the live tenant implementation (Microsoft Graph + Exchange Online admin REST).
export { createLiveCredential, type LiveCredentialOptions } from './credential.js';
export { createLiveTenantGateway, type LiveTenantGatewayOptions } from './liveGateway.js';
export { createLiveTenantProbe } from './probe.js';
export { backoffMs, DEFAULT_RETRY, type RetryOptions, type Sleep } from './retryPolicy.js';
export { EXCHANGE_SCOPE, GRAPH_SCOPE } from './tokens.js';
