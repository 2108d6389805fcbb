// The seeded contoso.com tenant the simulator starts with (and returns to on reset). Ids are fixed so
// tests, e2e scripts and the local playground can name people and groups without looking them up.
import type { GraphMessageRule, SimGroup, SimUser } from './state.js';

const tenantId = '77ba9c8f-8432-4421-935c-e5c7e1fccbcf';

const user = (id: string, upn: string) => ({ id, upn });

/** Stable ids and addresses of the seeded tenant, for tests and the local playground. */
export const SEED = {
  tenantId,
  tenantDomain: 'contoso.onmicrosoft.com',
  organizationName: 'Contoso',
  users: {
    /** Restricted for outbound spam; has a forwarding inbox rule and SMTP forwarding (compromised). */
    rob: user('5e98ee25-cfdb-4de6-aa78-caaf8cd5a7be', 'rob@contoso.com'),
    /** Not restricted; "rob" also matches him. */
    robertSmith: user('9a7de063-5601-4c5c-a40a-c981b7504672', 'robert.smith@contoso.com'),
    /** Not restricted; "rob" also matches her. */
    roberta: user('d4dd4d99-e30c-499c-a621-8aad85cf78c3', 'roberta@contoso.com'),
    /** Restricted by the recipient rate limit (ExceedingLimitType=External). */
    adele: user('9d6185ba-fd99-431c-9d95-298ed83c4dc1', 'adele.vance@contoso.com'),
    /** Restricted for outbound spam, temporary block. */
    diego: user('4c433a9e-5679-481f-9325-68275bb524f1', 'diego@contoso.com'),
    /** Restricted by the recipient rate limit (ExceedingLimitType=Internal). */
    grady: user('a0daa2a4-6163-4a4d-b1fc-dea322e3c7ba', 'grady.archie@contoso.com'),
    /** Synced from on-premises AD (password must change on-premises) and restricted. */
    synced: user('fc6c4dbb-c7c0-4bf1-bca4-82f356953610', 'lee.gu@contoso.com'),
    /** Helpdesk agent: member of the helpdesk group, not an approver. */
    agent: user('ffec1cca-274b-4bb6-9bba-8eb0aed55aa6', 'megan.bowen@contoso.com'),
    /** Second helpdesk agent. */
    agent2: user('015f1011-b713-46c7-a3a2-7d78f7a84de1', 'isaiah.langer@contoso.com'),
    /** Approver: direct member of the approvers group. */
    approver: user('ff3d2a2f-03d3-4417-a039-ee7f5bdf58d2', 'patti.fernandez@contoso.com'),
    /** Approver through a nested group (Security leads ∈ Unblock approvers): proves transitivity. */
    nestedApprover: user('30f6c729-6bf0-425a-8155-d3cd5e473b21', 'nestor.wilke@contoso.com'),
    /** In no group; UPN differs from mail (alex.wilber@contoso.com) to exercise exact mail lookup. */
    nonApprover: user('8b2352c8-0c42-46ad-bc81-881572887c3d', 'alexw@contoso.onmicrosoft.com'),
    /** A Global Administrator: Graph refuses an app-only password reset of this account. */
    admin: user('3f1c9a57-2d4e-4b8a-9c61-7e0d5b2a4f18', 'miriam.graham@contoso.com'),
  },
  groups: {
    approvers: 'b9dbc3cb-35c5-4306-bbd9-628babd3bf6c',
    /** Nested inside `approvers`. */
    securityLeads: 'f3294706-a01a-4256-b94b-35df4e99647c',
    helpdesk: '258821ab-563d-4d96-a90b-e6c700f5e1dc',
  },
} as const;

const U = SEED.users;
const G = SEED.groups;

function person(
  ref: { id: string; upn: string },
  displayName: string,
  extra: Partial<SimUser> = {},
): SimUser {
  const [givenName = displayName, surname = ''] = displayName.split(' ');
  return {
    id: ref.id,
    userPrincipalName: ref.upn,
    mail: ref.upn,
    displayName,
    givenName,
    surname,
    jobTitle: null,
    accountEnabled: true,
    onPremisesSyncEnabled: null,
    passwordChangedAt: null,
    forceChangePasswordNextSignIn: false,
    sessionsRevokedAt: null,
    forwardingSmtpAddress: null,
    forwardingAddress: null,
    deliverToMailboxAndForward: false,
    directoryRoles: [],
    ...extra,
  };
}

/** A helpdesk agent added at run time (local mode): cloud-only, no mailbox forwarding. */
export function seedHelpdeskAgent(id: string, displayName: string, address: string): SimUser {
  return person({ id, upn: address }, displayName, { jobTitle: 'Helpdesk Agent' });
}

export function seedUsers(): SimUser[] {
  return [
    person(U.rob, 'Rob Young', {
      jobTitle: 'Sales Manager',
      forwardingSmtpAddress: 'smtp:rob.young.archive@outlook-mailbox.example',
      deliverToMailboxAndForward: false,
    }),
    person(U.robertSmith, 'Robert Smith', { jobTitle: 'Accountant' }),
    person(U.roberta, 'Roberta Diaz', { jobTitle: 'Designer' }),
    person(U.adele, 'Adele Vance', { jobTitle: 'Retail Manager' }),
    person(U.diego, 'Diego Siciliani', { jobTitle: 'HR Manager' }),
    person(U.grady, 'Grady Archie', { jobTitle: 'Designer' }),
    person(U.synced, 'Lee Gu', { jobTitle: 'Director', onPremisesSyncEnabled: true }),
    person(U.agent, 'Megan Bowen', { jobTitle: 'Helpdesk Agent' }),
    person(U.agent2, 'Isaiah Langer', { jobTitle: 'Helpdesk Agent' }),
    person(U.approver, 'Patti Fernandez', { jobTitle: 'Security Officer' }),
    person(U.nestedApprover, 'Nestor Wilke', { jobTitle: 'Security Lead' }),
    person(U.nonApprover, 'Alex Wilber', {
      jobTitle: 'Marketing Assistant',
      mail: 'alex.wilber@contoso.com',
    }),
    person(U.admin, 'Miriam Graham', { jobTitle: 'IT Director', directoryRoles: ['Global Administrator'] }),
  ];
}

export function seedGroups(): SimGroup[] {
  return [
    {
      id: G.approvers,
      displayName: 'Unblock approvers',
      memberUserIds: [U.approver.id],
      memberGroupIds: [G.securityLeads],
    },
    {
      id: G.securityLeads,
      displayName: 'Security leads',
      memberUserIds: [U.nestedApprover.id],
      memberGroupIds: [],
    },
    { id: G.helpdesk, displayName: 'Helpdesk', memberUserIds: [U.agent.id, U.agent2.id], memberGroupIds: [] },
  ];
}

/** Restricted entities at start, with Reason strings in the formats seen in the field (m365-contracts §1.1). */
export function seedRestrictions(): Array<{
  address: string;
  reason: string;
  temporaryBlock: boolean;
  hoursAgo: number;
}> {
  return [
    {
      address: U.rob.upn,
      reason:
        'OutboundSpamLast24Hours=212;OutboundMailLast24Hours=245;OutboundSpamPercent=86;Last Spam Message MessagetraceId:2f0f5b0e-6c1d-4a5e-9a51-4f7a6c0f9e11',
      temporaryBlock: false,
      hoursAgo: 2,
    },
    {
      address: U.adele.upn,
      reason:
        'EmailSendingLimitExceeded;InternalRecipientCountToday=37;ExternalRecipientCountToday=5012;ExceedingLimitType=External;Last MessagetraceId=0d9c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d;LastMessageRcptCount=480;',
      temporaryBlock: false,
      hoursAgo: 5,
    },
    {
      address: U.diego.upn,
      reason:
        'OutboundSpamLast24Hours=64;OutboundMailLast24Hours=70;OutboundSpamPercent=91;Last Spam Message MessagetraceId:7a1e4c2b-9d3f-4e6a-b5c8-1f2e3d4c5b6a',
      temporaryBlock: true,
      hoursAgo: 1,
    },
    {
      address: U.grady.upn,
      reason:
        'EmailSendingLimitExceeded;InternalRecipientCountToday=10021;ExternalRecipientCountToday=3;ExceedingLimitType=Internal;Last MessagetraceId=5c4b3a29-1807-4f6e-9d5c-4b3a29180716;LastMessageRcptCount=1000;',
      temporaryBlock: false,
      hoursAgo: 20,
    },
    {
      address: U.synced.upn,
      reason:
        'OutboundSpamLast24Hours=130;OutboundMailLast24Hours=133;OutboundSpamPercent=97;Last Spam Message MessagetraceId:3e2d1c0b-a987-4654-b321-0fedcba98765',
      temporaryBlock: false,
      hoursAgo: 3,
    },
  ];
}

/** Rob's mailbox has the classic attacker rule: forward everything outside and delete the copy. */
export function seedInboxRules(): Map<string, GraphMessageRule[]> {
  return new Map([
    [
      U.rob.id,
      [
        {
          id: 'AQAAAJ5dZqA=',
          displayName: 'Newsletter cleanup',
          sequence: 1,
          isEnabled: true,
          hasError: false,
          isReadOnly: false,
          conditions: { senderContains: ['newsletter'] },
          actions: { moveToFolder: 'AAMkAGI2TAAA=', stopProcessingRules: true },
        },
        {
          id: 'AQAAAJ5dZqB=',
          displayName: '.',
          sequence: 2,
          isEnabled: true,
          hasError: false,
          isReadOnly: false,
          conditions: {},
          actions: {
            forwardTo: [
              { emailAddress: { name: 'archive', address: 'rob.young.archive@outlook-mailbox.example' } },
            ],
            delete: true,
            stopProcessingRules: true,
          },
        },
      ],
    ],
    [
      U.robertSmith.id,
      [
        {
          id: 'AQAAAJ5dZqC=',
          displayName: 'Invoices to folder',
          sequence: 1,
          isEnabled: true,
          hasError: false,
          isReadOnly: false,
          conditions: { subjectContains: ['invoice'] },
          actions: { moveToFolder: 'AAMkAGI2TBBB=' },
        },
      ],
    ],
  ]);
}
