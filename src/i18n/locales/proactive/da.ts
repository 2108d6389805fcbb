// Danish texts of the cases the bot starts by itself (see en.ts).
export const proactiveDa = {
  detection: {
    header: 'Begrænset fra at sende mail',
    title: '{{user}} er blevet begrænset fra at sende mail',
    intro:
      'Microsoft har sat {{user}} på siden Begrænsede enheder. Ingen har bedt om hjælp endnu: jeg har åbnet sagen, så helpdesken kan gå i gang, før brugeren ringer.',
    alert:
      'Microsoft udløste advarslen "User restricted from sending email": [åbn den i Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft udløste advarslen "User restricted from sending email" for denne konto.',
    startRunbook: 'Start vejledningen',
    startHint: '**Start vejledningen** fortsætter i din egen chat med mig, og sagen bliver din.',
    requester: 'Automatisk registrering',
    claimedBy: 'Overtaget af {{agent}}, {{date}}.',
    resolved:
      '{{user}} forsvandt selv fra siden Begrænsede enheder, før nogen gjorde noget. Der er intet at gøre.',
    continuedInChat: 'Vejledningen for {{user}} fortsætter i din chat med mig.',
    openChatFirst:
      'Jeg kan endnu ikke skrive til dig i en chat for dig selv. Åbn en chat med mig, og skriv **fjern blokering af {{upn}}**: sagen fortsætter der.',
    alreadyTaken: '{{agent}} tager sig allerede af {{user}}.',
    finishCurrent:
      'Du har en vejledning i gang i denne chat. Gør den færdig, eller skriv **annuller**, og vælg derefter Start vejledningen igen.',
    notOpen: 'Der er intet at starte: sagen er allerede videre (status: {{state}}).',
  },
  evidence: {
    riskFact: 'Login-risiko',
    riskNone: 'Ingen de seneste 7 dage',
    riskValue_one: '{{level}}, {{count}} risikoregistrering de seneste 7 dage',
    riskValue_other: '{{level}}, {{count}} risikoregistreringer de seneste 7 dage',
    consentsFact: 'Samtykker til apps (7 dage)',
    consentsNone: 'Ingen',
    unreadable: 'Kunne ikke læses',
    title: 'Før godkendelse',
    intro:
      'Ret hvert mistænkeligt fund, eller fravig det med en begrundelse. Godkend virker, når der ikke er flere tilbage.',
    allResolved: 'Alle mistænkelige fund er rettet eller fraveget.',
    forwarding: 'Videresendelse af postkassen til {{address}}',
    ruleForwards: 'Indbakkeregel "{{name}}" videresender mail til {{addresses}}',
    ruleDeletes: 'Indbakkeregel "{{name}}" sletter mail',
    ruleForwardsDeletes: 'Indbakkeregel "{{name}}" videresender mail til {{addresses}} og sletter den',
    signInRisk_one: 'Identity Protection: {{level}} risiko, {{count}} risikoregistrering de seneste 7 dage',
    signInRisk_other:
      'Identity Protection: {{level}} risiko, {{count}} risikoregistreringer de seneste 7 dage',
    appConsents: 'Apps, som brugeren har givet samtykke til de seneste 7 dage: {{apps}}',
    riskUnreadable:
      'Login-risikoen kunne ikke læses (tilladelser til Identity Protection, se docs/setup.md).',
    consentsUnreadable: 'Samtykker til apps kunne ikke læses (AuditLog.Read.All, se docs/setup.md).',
    fixed: 'rettet af {{name}}, {{date}}',
    waived: 'fraveget af {{name}}: {{reason}}',
    removeForwarding: 'Fjern videresendelse',
    disableRule: 'Deaktiver regel',
    revokeSessions: 'Tilbagekald sessioner',
    waive: 'Fravig',
    confirmRemoveForwarding: 'Vil du fjerne videresendelsen af postkassen for {{user}} til {{address}}?',
    confirmDisableRule: 'Vil du deaktivere indbakkereglen "{{name}}" i postkassen for {{user}}?',
    confirmRevokeSessions:
      'Vil du tilbagekalde alle login-sessioner for {{user}}? Alle enheder skal logge på igen.',
    confirmYes: 'Ja, gør det',
    back: 'Tilbage',
    waiveQuestion: 'Hvorfor er dette fund acceptabelt? Din begrundelse gemmes med dit navn.',
    waiveLabel: 'Begrundelse',
    waivePlaceholder: 'For eksempel: videresendelsesadressen er brugerens eget arkiv',
    confirmWaive: 'Fravig det',
    fixFailed:
      'Microsoft 365 accepterede ikke rettelsen. Prøv igen, eller ret det i Administration, og fravig det her med en bemærkning om det.',
    reasonRequired: 'Angiv en begrundelse på mindst 3 tegn for at fravige et fund.',
    unresolved: 'Godkend virker, når alle mistænkelige fund er rettet eller fraveget.',
    alreadyResolved: 'Dette fund er allerede håndteret.',
    levelLow: 'lav',
    levelMedium: 'mellem',
    levelHigh: 'høj',
    levelOther: 'ukendt',
  },
  repeat: {
    banner:
      'Sandsynligvis stadig kompromitteret: {{user}} fik fjernet blokeringen {{date}} og er begrænset igen inden for {{days}} dage.',
    history: 'Blokering fjernet {{date}}, godkendt af {{approver}}. Fundet dengang: {{findings}}.',
    nobody: 'ukendt',
    foundNothing: 'intet mistænkeligt',
    kindForwarding: 'videresendelse af postkassen',
    kindRule: 'indbakkeregel',
    kindRisk: 'login-risiko',
    kindConsents: 'samtykker til apps',
    resolutionFixed: 'rettet',
    resolutionWaived: 'fraveget',
    needsSecurity: 'Kun et medlem af gruppen af sikkerhedsgodkendere kan godkende, at blokeringen fjernes.',
    needsOther:
      'Godkend kræver en anden godkender end {{approver}}, som godkendte den forrige fjernelse af blokeringen, og bekræftelsen nedenfor.',
    acknowledge:
      'Jeg har undersøgt kontoen igen: den blev begrænset igen kort efter en fjernelse af blokeringen, og dens fund er håndteret.',
    cap_one:
      'Blokeringen er fjernet {{count}} gang de seneste 24 timer. Botten tillader {{max}} fjernelser pr. konto pr. dag; ud over Microsofts egen grænse kan kun Microsoft Support fjerne blokeringen.',
    cap_other:
      'Blokeringen er fjernet {{count}} gange de seneste 24 timer. Botten tillader {{max}} fjernelser pr. konto pr. dag; ud over Microsofts egen grænse kan kun Microsoft Support fjerne blokeringen.',
    refusedSecurity:
      'Denne konto blev begrænset igen kort efter en fjernelse af blokeringen: kun et medlem af gruppen af sikkerhedsgodkendere kan godkende den. Dit klik er registreret.',
    refusedPrevious:
      'Du godkendte den forrige fjernelse af blokeringen for denne konto, så en anden godkender skal godkende denne.',
    refusedAcknowledge:
      'Sæt først flueben i bekræftelsen på kortet: denne konto blev begrænset igen kort efter en fjernelse af blokeringen.',
  },
  wave: {
    incidentHeader: 'Phishingbølge',
    incidentTitle_one: '{{count}} konto begrænset fra at sende mail siden {{date}}',
    incidentTitle_other: '{{count}} konti begrænset fra at sende mail siden {{date}}',
    incidentIntro:
      'Flere konti end normalt blev begrænset på én gang, hvilket som regel betyder en phishingbølge. I stedet for et kort for hver viser denne hændelse dem alle: jeg har undersøgt hver konto for kompromittering og bedt godkenderne om én samlet godkendelse af de rene.',
    passwordsNote:
      'En samlet godkendelse fjerner blokeringen uden vejledningens nulstilling af adgangskoden: nulstil disse adgangskoder i Microsoft 365 Administration, eller skriv **fjern blokering af** og et brugernavn for at overtage en konto.',
    more: '… og {{count}} mere.',
    statusChecking: 'undersøges',
    statusClean: 'ren, venter på den samlede godkendelse',
    statusFlagged: 'udeladt af den samlede godkendelse: {{why}}',
    statusTaken: 'overtaget af {{agent}}',
    statusApproved: 'godkendt, fjernelse af blokering i kø',
    statusUnblocked: 'blokering fjernet, venter på at afsendelse genoptages',
    statusResumed: 'sender igen',
    statusEnded: 'afsluttet (status: {{state}})',
    whyFindings: 'fund ({{findings}}), på sit eget godkendelseskort',
    whyRepeat: 'sandsynligvis stadig kompromitteret, på sit eget godkendelseskort',
    whyCap: 'den daglige grænse for fjernelse af blokering er nået',
    line: '{{user}}: {{status}}',
    countChecking: 'Undersøges',
    countClean: 'Rene, venter',
    countFlagged: 'Udeladt af den samlede godkendelse',
    countTaken: 'Overtaget',
    countApproved: 'Godkendt',
    countUnblocked: 'Blokering fjernet',
    countResumed: 'Sender igen',
    countEnded: 'Afsluttet på anden vis',
    batchHeader: 'Samlet godkendelse',
    batchTitle: 'Vil du fjerne blokeringen af de rene konti i en phishingbølge?',
    batchIntro:
      'Undersøgelsen fandt intet mistænkeligt på kontiene nedenfor. Konti med fund, gengangere og konti ved den daglige grænse er udeladt: hver afgøres på sit eget godkendelseskort.',
    batchPacing:
      'Godkendte konti får fjernet blokeringen én ad gangen, højst {{perMinute}} i minuttet, så Exchange Online ikke begrænser kaldene.',
    approveAll: 'Godkend alle rene ({{count}})',
    approveOne: 'Godkend',
    noneClean: 'Ingen ren konto venter på godkendelse.',
    approving_one: 'Godkender {{count}} konto: den får fjernet blokeringen som den næste.',
    approving_other: 'Godkender {{count}} konti: hver får fjernet blokeringen efter tur.',
    summaryTitle_one: 'Phishingbølgen er afsluttet: {{count}} konto',
    summaryTitle_other: 'Phishingbølgen er afsluttet: {{count}} konti',
    summaryText: 'Alle konti i phishingbølgen, der startede {{date}}, har et udfald.',
  },
  helpdeskChannel: {
    set: 'Denne kanal modtager nu de sager, jeg åbner, når en konto bliver begrænset fra at sende mail.',
    language:
      'Kortene her er på engelsk. Skriv **set helpdesk channel** efterfulgt af da, sv, sl eller nl for at bruge et andet sprog.',
    channelOnly: 'Skriv **set helpdesk channel** i den Teams-kanal, hvor helpdesken arbejder.',
    refused: 'Kun medlemmer af helpdesk-gruppen kan vælge helpdesk-kanalen.',
  },
};
