// English: the source catalogue. Every other language has exactly these keys and placeholders
// (test/unit/i18n checks). Wording follows Microsoft's "Unblock email" article where it has it.
import { proactiveEn } from './proactive/en.js';
export const en = {
  app: {
    name: 'Unblock email',
    stepOf: 'Step {{number}} of {{count}}',
  },
  common: {
    cancel: 'Cancel',
    continue: 'Continue',
    yes: 'Yes',
    no: 'No',
    startOver: 'Start over',
    tryAgain: 'Try again',
    /** A value Microsoft 365 sent in a form the bot cannot read. */
    unknown: 'unknown',
  },
  help: {
    title: 'Unblock email: how I can help',
    intro:
      'When a user is restricted from sending email for outbound spam, I take you through Microsoft\'s "Unblock email" runbook one step at a time: reset the password, check the Restricted entities page, check the account for compromise, and request the unblock.',
    howToStart:
      'To start, tell me who: for example **unblock rob** or **rob@contoso.com is blocked**. For rob@contoso.com, typing **rob** is enough.',
    commands: 'You can type **help** or **start over** at any time, and **cancel** to stop.',
  },
  who: {
    title: 'Who is blocked from sending email?',
    text: 'Type the user name or email address. For rob@contoso.com, **rob** is enough.',
    placeholder: 'rob or rob@contoso.com',
    search: 'Find user',
    noMatch: 'I found no user matching "{{query}}". Check the spelling and try again.',
    emptyQuery: 'Type a user name or email address first.',
    choose: 'Several users match "{{query}}". Which one is blocked?',
    choosePlaceholder: 'Choose a user',
    select: 'Select',
    chooseFirst: 'Choose a user from the list first.',
    dailyCap_one:
      '{{user}} was already unblocked {{count}} time in the last 24 hours. Microsoft limits how often an account can be unblocked, and an account blocked again this soon is probably still compromised: finish the compromise checks first, or contact Microsoft Support.',
    dailyCap_other:
      '{{user}} was already unblocked {{count}} times in the last 24 hours. Microsoft limits how often an account can be unblocked, and an account blocked again this soon is probably still compromised: finish the compromise checks first, or contact Microsoft Support.',
    activeRequest:
      'There is already an unblock request for {{user}} (status: {{state}}), started by {{requester}} on {{date}}. I will not start a second one.',
  },
  password: {
    title: 'Reset the password now',
    instruction:
      "Reset the password for the affected account immediately. Don't send the new password to the user by email: this prevents anyone who has access to the mailbox from reading it and sending more spam.",
    question: 'Has the password of {{user}} been reset since the account was blocked?',
    alreadyReset: 'Yes, it has been reset',
    resetNow: 'No, reset it now',
    temporaryTitle: 'Temporary password for {{user}}',
    temporaryOnce: 'Shown once, to you only. It is not stored anywhere.',
    temporaryWarning:
      'Give it to the user by phone or in person. Never send it by email: whoever controls the mailbox would read it.',
    temporaryChange: 'The user must choose a new password at the next sign-in.',
    noted: 'I have noted it: continue',
    onPremisesTitle: 'Change the password on-premises',
    onPremisesText:
      "{{user}} is synchronized from your on-premises Active Directory, so the password can't be reset from the cloud. Change it in your on-premises directory now (and let it synchronize), then continue.",
    onPremisesDone: 'The password has been changed',
    doneByAgent: 'Password: reset by you before this request.',
    doneByBot: 'Password: reset by the bot; the temporary password was shown to you once.',
    doneOnPremises: 'Password: changed on-premises.',
    privilegedTitle: 'Reset this password by hand',
    privilegedText:
      "Microsoft 365 did not let me reset the password of {{user}}. That happens when the account has an administrator role: only a Privileged Authentication Administrator or a Global Administrator may reset an administrator's password, and I deliberately do not hold that role.",
    privilegedHow:
      "Reset it now in the Microsoft 365 admin center (Users > Active users > select the user > Reset password), then confirm here. Don't send the new password by email.",
    privilegedElse:
      'If I am refused for accounts without an administrator role too, ask whoever runs this assistant to check its permissions.',
    privilegedLink: 'Open the Microsoft 365 admin center',
    privilegedDone: 'I have reset it',
    doneByHand: 'Password: reset by you in the admin center.',
  },
  restriction: {
    title: 'Restricted entities',
    onList: '{{user}} is on the Restricted entities page.',
    since: 'Restricted since',
    reason: 'Why',
    recipientsToday: 'Recipients today',
    recipientsTodayValue: '{{internal}} internal, {{external}} external',
    reasonSpam:
      'Outbound spam: the service saw spam from this account, a common sign that it is compromised.',
    reasonRecipientLimit: 'Too many recipients today ({{limit}} limit).',
    limitInternal: 'internal',
    limitExternal: 'external',
    limitUnknown: 'daily',
    reasonUnknown: 'Restricted by the outbound spam policy.',
    recipientLimitNote:
      'A recipient-limit block usually ends by itself within 24 hours. You can still request the unblock below.',
    blockedEverywhere:
      'While restricted, the user can receive email but cannot send any, not even inside the organization.',
    notOnList: '{{user}} is not on the Restricted entities page, so there is nothing to unblock.',
    notOnListNext:
      'If the user still cannot send, read the bounce message: only code 5.1.8 ("Access denied, bad outbound sender") means a restriction. Any other code has another cause.',
    done: 'Restricted entities: listed since {{date}}.',
  },
  checks: {
    title: 'Check the account for compromise',
    intro:
      'As a precaution, follow "Responding to a compromised email account" for this user. You can do all of it yourself, without opening a support case.',
    forwarding: 'Mailbox forwarding',
    forwardingNone: 'None',
    forwardingTo: 'Forwards to {{address}}',
    forwardingUnknown: 'Could not be read',
    rules: 'Inbox rules',
    rulesNone: 'No rules',
    rulesCount_one: '{{count}} rule, none suspicious',
    rulesCount_other: '{{count}} rules, none suspicious',
    rulesSuspicious_one: '{{count}} suspicious rule: {{names}}',
    rulesSuspicious_other: '{{count}} suspicious rules: {{names}}',
    rulesUnknown: 'Could not be read',
    sessions: 'Sign-in sessions',
    sessionsActive: 'Not revoked yet',
    sessionsRevoked: 'Revoked: every device must sign in again',
    revoke: 'Revoke sign-in sessions',
    advice:
      'Remove forwarding and suspicious rules you did not expect, and turn on multifactor authentication.',
    learnMore: 'Responding to a compromised email account',
    done: 'Compromise check: forwarding {{forwarding}}; {{rules}}; sessions {{sessions}}.',
  },
  unblock: {
    title: 'Unblock',
    question: 'Remove {{user}} from the Restricted entities page?',
    summary: 'An approver must approve the unblock before it is done.',
    action: 'Unblock',
    notNow: 'Not now',
    confirmTitle: 'Confirm the unblock',
    confirmQuestion: 'Request the unblock of {{user}}? Select Yes to confirm.',
    comeBack: 'If the account is still compromised, it will be blocked again.',
    limitNote:
      'Microsoft limits how often an account can be unblocked; past that limit only Microsoft Support can unblock it.',
  },
  requested: {
    title: 'Unblock requested',
    text: 'The request for {{user}} is waiting for approval.',
    next: 'Next: an approver approves, then I remove {{user}} from the Restricted entities page and tell you here when the user can send again.',
    delay: 'Sending usually resumes within an hour, at most 24 hours, after the unblock.',
    requestId: 'Request',
    state: 'Status',
  },
  approval: {
    header: 'Unblock request',
    title: 'Unblock {{user}}?',
    requestedBy: 'Requested by',
    requestedAt: 'Requested',
    password: 'Password',
    passwordResetByAgent: 'Reset by the helpdesk',
    passwordResetByBot: 'Reset by the bot (temporary password)',
    passwordOnPremises: 'Changed on-premises',
    passwordUnknown: 'Not confirmed',
    status: 'Status',
    decidedBy: 'Decided by',
    comment: 'Comment',
    unblockedAt: 'Unblocked',
    resumedAt: 'Sending resumed',
    onApprove:
      'Approving removes the user from the Restricted entities page. Sending usually resumes within an hour, at most 24 hours.',
    commentLabel: 'Comment (optional)',
    commentPlaceholder: 'Why do you approve or reject?',
    approve: 'Approve',
    reject: 'Reject',
    refresh: 'Refresh',
    retry: 'Retry unblock',
    onRetry:
      'An approver can retry the unblock: a new attempt, which unblocks the user if the user is still restricted.',
    notApprover: 'Only members of the approvers group can decide unblock requests. Your click was recorded.',
    ownRequest: 'You asked for this unblock yourself, so another approver must decide it.',
    alreadyDecided: 'This request is already decided (status: {{state}}).',
    reminder: 'Reminder: this request has been waiting for approval since {{date}}.',
    noApprovers:
      'No approver can be reached yet, so the request for {{user}} is waiting. An approver should type **set approvals channel** in the channel where approvers work, or chat with me once.',
    waitingForYou_one: '{{count}} unblock request is waiting for your approval:',
    waitingForYou_other: '{{count}} unblock requests are waiting for your approval:',
    channelSet: 'This channel now receives unblock requests for approval.',
    channelLanguage:
      'Cards here are in English. To use another language, type **set approvals channel** followed by da, sv, sl or nl.',
    channelSetRefused: 'Only members of the approvers group can choose the approvals channel.',
    channelOnly:
      'Type **set approvals channel** in the Teams channel where approvers should see the requests.',
    notFound: 'This request no longer exists.',
  },
  agentNote: {
    approved:
      '{{approver}} approved the unblock of {{user}}. I am removing the user from the Restricted entities page now.',
    rejected: '{{approver}} rejected the unblock of {{user}}. The user stays blocked.',
    rejectedComment: 'Comment: {{comment}}',
    unblocked:
      '{{user}} is off the Restricted entities page. Sending usually resumes within an hour, at most 24 hours; I will tell you here when it does.',
    resumed: '{{user}} can send email again.',
    resumedAdvice:
      'If the account was compromised and anything is left undone, it will be blocked again: finish the checks.',
    expired:
      'Nobody approved the unblock of {{user}} within {{hours}} hours, so nothing was unblocked. Type **unblock** and the user name to ask again.',
    failedUnblockLimit:
      'Microsoft refused to unblock {{user}}: the unblock limit for this account is reached. Contact Microsoft Support to unblock the user.',
    failedPermissions:
      'The bot is not allowed to unblock users in your tenant. Ask your Microsoft 365 admin to give the app the Exchange permissions in docs/setup.md (section 4) and to run npm run doctor, then ask again.',
    failedUserNotFound: '{{user}} no longer exists in the directory, so nothing was unblocked.',
    failedResumeTimeout:
      '{{user}} was unblocked, but after {{hours}} hours I still cannot confirm that the user can send. Check the Restricted entities page in the Microsoft Defender portal and the message trace: if the user is listed there again, the account is probably still compromised.',
    failedOther:
      'The unblock of {{user}} failed. Nothing more will happen automatically; ask again or unblock the user in the Microsoft Defender portal.',
    failedRetriesExhausted:
      'Exchange Online did not complete the unblock of {{user}}: it was unavailable or throttling for longer than I keep retrying. Nothing more will happen automatically. An approver can retry it from the approval card, or unblock the user in the Microsoft Defender portal.',
    fallbackIntro: 'I could not reach {{requester}} in their chat, so I am telling you here:',
  },
  status: {
    title: 'Your unblock requests',
    none: 'You have no unblock requests yet. Type **unblock** and a user name to start one.',
  },
  state: {
    open: 'in progress',
    pending_approval: 'pending approval',
    approved: 'approved',
    unblocking: 'unblock in progress',
    waiting_resume: 'unblocked, sending not yet resumed',
    resumed: 'sending resumed',
    rejected: 'rejected',
    cancelled: 'cancelled',
    failed: 'failed',
    expired: 'expired',
    'resolved-by-itself': 'resolved by itself',
  },
  cancelled: {
    title: 'Cancelled',
    text: 'The runbook for {{user}} is cancelled. Nothing was unblocked.',
    textNoUser: 'Cancelled. Nothing was unblocked.',
    again: 'Type **unblock** and a user name to start again.',
  },
  ended: {
    notRestricted: 'Runbook ended: {{user}} is not restricted.',
  },
  localMode: {
    title: 'Welcome to the simulated contoso.com tenant',
    enrolled:
      'This bot runs in local mode and the simulated directory did not know you, so I added you to it as a helpdesk agent: {{name}}, {{upn}}. You can start unblock requests right away.',
    approver:
      'Approvers approve: to approve a request, run **npm run playground -- --as approver** and act as Patti Fernandez.',
  },
  errors: {
    notHelpdesk:
      'Only members of the helpdesk group can start unblock requests. Ask your Microsoft 365 admin to add you.',
    title: 'Something went wrong',
    stepDone: 'This step is done',
    stepDoneText: 'This card is from an earlier step. Use the latest card, or type **start over**.',
    noRunbook: 'There is no runbook in progress. Type **unblock** and a user name to start one.',
    useButtons: 'Answer with the buttons on the last card, or type **start over** or **cancel**.',
    unknownAction: 'I did not understand that button. Type **start over** to begin again.',
    tenantUnavailable: 'Microsoft 365 did not answer in time. Wait a minute and try again.',
    tenantForbidden:
      'The bot is not allowed to do this in your tenant. Ask your Microsoft 365 admin to check its permissions (see docs/setup.md), then try again.',
    userGone: 'That user no longer exists in the directory. Type **start over**.',
    passwordRejected:
      'Microsoft 365 refused the new password. Try again; if it keeps failing, reset it in the admin center.',
    unexpected: 'Something unexpected happened and nothing was changed. Try again, or type **start over**.',
    otherTenant:
      "This bot serves its own organization only. Your organization's Microsoft 365 tenant is not allowed to use it; ask your own IT department for help.",
    slowDown: 'You are going too fast. Wait a minute, then try again.',
  },
  ...proactiveEn,
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must have. */
export type Catalogue = Widen<typeof en>;
