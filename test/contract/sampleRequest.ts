// Builders of valid domain records for tests: fully populated (no nulls where a value is possible) so a
// round trip through a store proves every field survives. Override what a test is about.
import type { AuditEvent, UnblockRequest } from '../../src/runbook/types.js';

export function sampleRequest(overrides: Partial<UnblockRequest> = {}): UnblockRequest {
  return {
    id: 'req-0001',
    version: 1,
    state: 'open',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    requester: { aadObjectId: '0b0b0b0b-1111-4222-8333-444444444444', name: 'Megan Bowen' },
    conversationId: 'a:1helpdesk-agent-conversation',
    locale: 'da-DK',
    target: {
      id: '5c5c5c5c-aaaa-4bbb-8ccc-dddddddddddd',
      displayName: 'Rob Young',
      userPrincipalName: 'rob@contoso.com',
      mail: 'rob@contoso.com',
      onPremisesSyncEnabled: false,
    },
    password: 'reset-by-bot',
    restriction: {
      senderAddress: 'rob@contoso.com',
      reason: 'OutboundSpamLast24Hours=242;OutboundMailsLast24Hours=252;OutboundSpamPercent=96',
      createdAt: '2024-05-01T08:00:00.000Z',
      changedAt: '2024-05-01T08:00:00.000Z',
      temporaryBlock: false,
    },
    checks: {
      forwarding: {
        forwardingSmtpAddress: 'smtp:collector@example.net',
        forwardingAddress: null,
        deliverToMailboxAndForward: true,
      },
      suspiciousRules: [
        { name: '..', enabled: true, forwardsTo: ['collector@example.net'], deletesMessages: true },
      ],
      ruleCount: 3,
      sessionsRevoked: true,
    },
    createdAt: '2024-05-01T09:00:00.000Z',
    updatedAt: '2024-05-01T09:00:00.000Z',
    submittedAt: null,
    remindedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    unblockedAt: null,
    resumedAt: null,
    failure: null,
    ...overrides,
  };
}

export function sampleAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    requestId: 'req-0001',
    at: '2024-05-01T09:00:00.000Z',
    actor: { aadObjectId: '0b0b0b0b-1111-4222-8333-444444444444', name: 'Megan Bowen' },
    action: 'request.created',
    fromState: null,
    toState: 'open',
    conversationId: 'a:1helpdesk-agent-conversation',
    detail: { locale: 'da-DK', ruleCount: 3, sessionsRevoked: true, note: null },
    ...overrides,
  };
}
