// English texts of the cases the bot starts by itself (detection, the helpdesk channel). Spread into the
// English catalogue; every other language has the same keys (test/unit/i18n checks).
export const proactiveEn = {
  detection: {
    header: 'Restricted from sending email',
    title: '{{user}} was restricted from sending email',
    intro:
      'Microsoft put {{user}} on the Restricted users list. Nobody has asked for help yet: I opened the case so the helpdesk can start before the user calls.',
    alert:
      'Microsoft raised the alert "User restricted from sending email": [open it in Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft raised the alert "User restricted from sending email" for this account.',
    startRunbook: 'Start runbook',
    startHint: '**Start runbook** continues in your own chat with me, and the case becomes yours.',
    requester: 'Automatic detection',
    claimedBy: 'Taken by {{agent}}, {{date}}.',
    resolved: '{{user}} left the Restricted users list by itself before anyone acted. Nothing to do.',
    continuedInChat: 'The runbook for {{user}} continues in your chat with me.',
    openChatFirst:
      'I cannot write to you in a chat of your own yet. Open a chat with me and type **unblock {{upn}}**: the case continues there.',
    alreadyTaken: '{{agent}} is already handling {{user}}.',
    finishCurrent:
      'You have a runbook in progress in this chat. Finish it or type **cancel**, then select Start runbook again.',
    notOpen: 'This case is {{state}}: there is nothing to start.',
  },
  evidence: {
    riskFact: 'Sign-in risk',
    riskNone: 'None in the last 7 days',
    riskValue: '{{level}}, {{count}} risk detections in the last 7 days',
    consentsFact: 'App consents (7 days)',
    consentsNone: 'None',
    unreadable: 'Could not be read',
    title: 'Before approving',
    intro: 'Fix each suspicious finding, or waive it with a reason. Approve works when none is left.',
    allResolved: 'Every suspicious finding is fixed or waived.',
    forwarding: 'Mailbox forwarding to {{address}}',
    ruleForwards: 'Inbox rule "{{name}}" forwards mail to {{addresses}}',
    ruleDeletes: 'Inbox rule "{{name}}" deletes mail',
    ruleForwardsDeletes: 'Inbox rule "{{name}}" forwards mail to {{addresses}} and deletes it',
    signInRisk: 'Identity Protection: {{level}} risk, {{count}} risk detections in the last 7 days',
    appConsents: 'Apps the user consented to in the last 7 days: {{apps}}',
    riskUnreadable: 'Sign-in risk could not be read (Identity Protection permissions, see docs/setup.md).',
    consentsUnreadable: 'App consents could not be read (AuditLog.Read.All, see docs/setup.md).',
    fixed: 'fixed by {{name}}, {{date}}',
    waived: 'waived by {{name}}: {{reason}}',
    removeForwarding: 'Remove forwarding',
    disableRule: 'Disable rule',
    revokeSessions: 'Revoke sessions',
    waive: 'Waive',
    confirmRemoveForwarding: 'Remove the forwarding of the mailbox of {{user}} to {{address}}?',
    confirmDisableRule: 'Disable the inbox rule "{{name}}" in the mailbox of {{user}}?',
    confirmRevokeSessions: 'Revoke every sign-in session of {{user}}? Every device must sign in again.',
    confirmYes: 'Yes, do it',
    back: 'Back',
    waiveQuestion: 'Why is this finding acceptable? Your reason is recorded with your name.',
    waiveLabel: 'Reason',
    waivePlaceholder: "For example: the forwarding address is the user's own archive",
    confirmWaive: 'Waive it',
    fixFailed:
      'Microsoft 365 did not accept the fix. Try again, or fix it in the admin center and waive it here with a note saying so.',
    reasonRequired: 'Give a reason of at least 3 characters to waive a finding.',
    unresolved: 'Approve works once every suspicious finding is fixed or waived.',
    alreadyResolved: 'This finding was already dealt with.',
    levelLow: 'low',
    levelMedium: 'medium',
    levelHigh: 'high',
    levelOther: 'unknown',
  },
  repeat: {
    banner:
      'Probably still compromised: {{user}} was unblocked on {{date}} and is restricted again within {{days}} days.',
    history: 'Unblocked {{date}}, approved by {{approver}}. Found then: {{findings}}.',
    nobody: 'unknown',
    foundNothing: 'nothing suspicious',
    kindForwarding: 'mailbox forwarding',
    kindRule: 'inbox rule',
    kindRisk: 'sign-in risk',
    kindConsents: 'app consents',
    resolutionFixed: 'fixed',
    resolutionWaived: 'waived',
    needsSecurity: 'Only a member of the security approvers group can approve this unblock.',
    needsOther:
      'Approve needs an approver other than {{approver}}, who approved the previous unblock, and the acknowledgement below.',
    acknowledge:
      'I checked the account again: it was restricted again soon after an unblock, and its findings are dealt with.',
    cap: "Unblocked {{count}} times in the last 24 hours. The bot allows {{max}} unblocks per account per day; past Microsoft's own limit only Microsoft Support can unblock.",
    refusedSecurity:
      'This account was restricted again soon after an unblock: only a member of the security approvers group can approve it. Your click was recorded.',
    refusedPrevious:
      'You approved the previous unblock of this account, so another approver must approve this one.',
    refusedAcknowledge:
      'Tick the acknowledgement on the card first: this account was restricted again soon after an unblock.',
  },
  helpdeskChannel: {
    set: 'This channel now receives the cases I open when an account is restricted from sending email.',
    language:
      'Cards here are in English. To use another language, type **set helpdesk channel** followed by da, sv, sl or nl.',
    channelOnly: 'Type **set helpdesk channel** in the Teams channel where the helpdesk works.',
    refused: 'Only members of the helpdesk group can choose the helpdesk channel.',
  },
} as const;
