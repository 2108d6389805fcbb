// Danish texts of the cases the bot starts by itself (see en.ts).
export const proactiveDa = {
  detection: {
    header: 'Begrænset fra at sende mail',
    title: '{{user}} er blevet begrænset fra at sende mail',
    intro:
      'Microsoft har sat {{user}} på listen Begrænsede brugere. Ingen har bedt om hjælp endnu: jeg har åbnet sagen, så helpdesken kan gå i gang, før brugeren ringer.',
    alert:
      'Microsoft udløste advarslen "User restricted from sending email": [åbn den i Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft udløste advarslen "User restricted from sending email" for denne konto.',
    startRunbook: 'Start vejledningen',
    startHint: '**Start vejledningen** fortsætter i din egen chat med mig, og sagen bliver din.',
    requester: 'Automatisk registrering',
    claimedBy: 'Overtaget af {{agent}}, {{date}}.',
    resolved:
      '{{user}} forsvandt selv fra listen Begrænsede brugere, før nogen gjorde noget. Der er intet at gøre.',
    continuedInChat: 'Vejledningen for {{user}} fortsætter i din chat med mig.',
    openChatFirst:
      'Jeg kan endnu ikke skrive til dig i en chat for dig selv. Åbn en chat med mig, og skriv **fjern blokering af {{upn}}**: sagen fortsætter der.',
    alreadyTaken: '{{agent}} tager sig allerede af {{user}}.',
    finishCurrent:
      'Du har en vejledning i gang i denne chat. Gør den færdig, eller skriv **annuller**, og vælg derefter Start vejledningen igen.',
    notOpen: 'Denne sag er {{state}}: der er intet at starte.',
  },
  helpdeskChannel: {
    set: 'Denne kanal modtager nu de sager, jeg åbner, når en konto bliver begrænset fra at sende mail.',
    language:
      'Kortene her er på engelsk. Skriv **set helpdesk channel** efterfulgt af da, sv, sl eller nl for at bruge et andet sprog.',
    channelOnly: 'Skriv **set helpdesk channel** i den Teams-kanal, hvor helpdesken arbejder.',
    refused: 'Kun medlemmer af helpdesk-gruppen kan vælge helpdesk-kanalen.',
  },
};
