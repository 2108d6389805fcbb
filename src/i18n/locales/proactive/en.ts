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
  helpdeskChannel: {
    set: 'This channel now receives the cases I open when an account is restricted from sending email.',
    language:
      'Cards here are in English. To use another language, type **set helpdesk channel** followed by da, sv, sl or nl.',
    channelOnly: 'Type **set helpdesk channel** in the Teams channel where the helpdesk works.',
    refused: 'Only members of the helpdesk group can choose the helpdesk channel.',
  },
} as const;
