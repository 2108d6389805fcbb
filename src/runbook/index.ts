// The framework-free domain: types, the request lifecycle, runbook steps and message understanding.
export * from './agentMessage.js';
export * from './approvalPolicy.js';
export * from './detection.js';
export * from './errors.js';
export * from './findings.js';
export * from './repeatOffenders.js';
export * from './requestLifecycle.js';
export * from './restrictionReason.js';
export * from './steps.js';
export type * from './types.js';
export * from './waves.js';
