// Danish. Product terms follow Microsoft's Danish "Fjern blokering af mail" article (Fjern blokering, Ja),
// with its machine-translation slips corrected, and the Defender portal's current page name (Begrænsede
// enheder). After a colon a full sentence starts with a capital letter, a fragment does not.
import type { Catalogue } from '../index.js';
import { proactiveDa } from './proactive/da.js';

export const da: Catalogue = {
  app: {
    name: 'Fjern blokering af mail',
    stepOf: 'Trin {{number}} af {{count}}',
  },
  common: {
    cancel: 'Annuller',
    continue: 'Fortsæt',
    yes: 'Ja',
    no: 'Nej',
    startOver: 'Begynd forfra',
    tryAgain: 'Prøv igen',
    /** A value Microsoft 365 sent in a form the bot cannot read. */
    unknown: 'ukendt',
  },
  help: {
    title: 'Fjern blokering af mail: Det kan jeg hjælpe med',
    intro:
      'Når en bruger er blokeret for at sende mail på grund af udgående spam, fører jeg dig trin for trin gennem Microsofts vejledning "Fjern blokering af mail": nulstil adgangskoden, tjek siden Begrænsede enheder, undersøg, om kontoen er kompromitteret, og anmod om at få blokeringen fjernet.',
    howToStart:
      'Fortæl mig, hvem det drejer sig om, for at komme i gang: for eksempel **fjern blokering af rob** eller **rob@contoso.com er blokeret**. For rob@contoso.com er det nok at skrive **rob**.',
    commands:
      'Du kan til enhver tid skrive **hjælp** eller **begynd forfra**. Skriv **annuller** for at stoppe.',
  },
  who: {
    title: 'Hvem er blokeret for at sende mail?',
    text: 'Skriv brugernavnet eller mailadressen. For rob@contoso.com er **rob** nok.',
    placeholder: 'rob eller rob@contoso.com',
    search: 'Find bruger',
    noMatch: 'Jeg fandt ingen bruger, der matcher "{{query}}". Kontrollér stavemåden, og prøv igen.',
    emptyQuery: 'Skriv først et brugernavn eller en mailadresse.',
    choose: 'Flere brugere matcher "{{query}}". Hvem af dem er blokeret?',
    choosePlaceholder: 'Vælg en bruger',
    select: 'Vælg',
    chooseFirst: 'Vælg først en bruger på listen.',
    dailyCap_one:
      '{{user}} har allerede fået fjernet blokeringen {{count}} gang inden for de seneste 24 timer. Microsoft begrænser, hvor ofte en konto kan få fjernet blokeringen, og en konto, der blokeres igen så hurtigt, er sandsynligvis stadig kompromitteret: Gennemfør kontrollen for kompromittering først, eller kontakt Microsoft Support.',
    dailyCap_other:
      '{{user}} har allerede fået fjernet blokeringen {{count}} gange inden for de seneste 24 timer. Microsoft begrænser, hvor ofte en konto kan få fjernet blokeringen, og en konto, der blokeres igen så hurtigt, er sandsynligvis stadig kompromitteret: Gennemfør kontrollen for kompromittering først, eller kontakt Microsoft Support.',
    activeRequest:
      'Der findes allerede en anmodning om at fjerne blokeringen af {{user}} (status: {{state}}), oprettet af {{requester}} den {{date}}. Jeg opretter ikke en anmodning mere.',
  },
  password: {
    title: 'Nulstil adgangskoden nu',
    instruction:
      'Nulstil adgangskoden til den berørte konto med det samme. Send ikke den nye adgangskode til brugeren via mail: Så kan ingen, der har adgang til postkassen, læse den og sende mere spam.',
    question: 'Er adgangskoden til {{user}} blevet nulstillet, efter at kontoen blev blokeret?',
    alreadyReset: 'Ja, nulstillet',
    resetNow: 'Nej, nulstil nu',
    temporaryTitle: 'Midlertidig adgangskode til {{user}}',
    temporaryOnce: 'Vises én gang og kun for dig. Den gemmes ingen steder.',
    temporaryWarning:
      'Giv den til brugeren pr. telefon eller personligt. Send den aldrig via mail: Den, der har kontrol over postkassen, ville kunne læse den.',
    temporaryChange: 'Brugeren skal vælge en ny adgangskode ved næste logon.',
    noted: 'Jeg har noteret den – fortsæt',
    onPremisesTitle: 'Skift adgangskoden i det lokale miljø',
    onPremisesText:
      '{{user}} synkroniseres fra jeres lokale Active Directory, så adgangskoden kan ikke nulstilles fra cloudtjenesten. Skift den i jeres lokale katalog nu (og lad den blive synkroniseret), og fortsæt derefter.',
    onPremisesDone: 'Adgangskoden er skiftet',
    doneByAgent: 'Adgangskode: nulstillet af dig før denne anmodning.',
    doneByBot: 'Adgangskode: nulstillet af botten; den midlertidige adgangskode blev vist for dig én gang.',
    doneOnPremises: 'Adgangskode: skiftet i det lokale miljø.',
    privilegedTitle: 'Nulstil adgangskoden manuelt',
    privilegedText:
      'Microsoft 365 lod mig ikke nulstille adgangskoden for {{user}}. Det sker, når kontoen har en administratorrolle: kun en administrator for privilegeret godkendelse eller en global administrator må nulstille en administrators adgangskode, og den rolle har jeg med vilje ikke.',
    privilegedHow:
      'Nulstil den nu i Microsoft 365 Administration (Brugere > Aktive brugere > vælg brugeren > Nulstil adgangskode), og bekræft derefter her. Send ikke den nye adgangskode med mail.',
    privilegedElse:
      'Hvis jeg også bliver afvist for konti uden en administratorrolle, så bed den, der driver denne assistent, om at kontrollere dens tilladelser.',
    privilegedLink: 'Åbn Microsoft 365 Administration',
    privilegedDone: 'Jeg har nulstillet den',
    doneByHand: 'Adgangskode: nulstillet af dig i Administration.',
  },
  restriction: {
    title: 'Begrænsede enheder',
    onList: '{{user}} står på siden Begrænsede enheder.',
    since: 'Begrænset siden',
    reason: 'Årsag',
    recipientsToday: 'Modtagere i dag',
    recipientsTodayValue: '{{internal}} interne, {{external}} eksterne',
    reasonSpam:
      'Udgående spam: Tjenesten har registreret spam fra denne konto, hvilket ofte er et tegn på, at den er kompromitteret.',
    reasonRecipientLimit: 'For mange modtagere i dag (grænse: {{limit}}).',
    limitInternal: 'intern',
    limitExternal: 'ekstern',
    limitUnknown: 'daglig',
    reasonUnknown: 'Begrænset af politikken for udgående spam.',
    recipientLimitNote:
      'En blokering på grund af modtagergrænsen ophører som regel af sig selv inden for 24 timer. Du kan stadig anmode om at få blokeringen fjernet nedenfor.',
    blockedEverywhere:
      'Så længe brugeren er begrænset, kan vedkommende modtage mail, men ikke sende nogen, heller ikke internt i organisationen.',
    notOnList: '{{user}} står ikke på siden Begrænsede enheder, så der er ingen blokering at fjerne.',
    notOnListNext:
      'Hvis brugeren stadig ikke kan sende, skal du læse rapporten om manglende levering (NDR): Kun kode 5.1.8 ("Access denied, bad outbound sender") betyder en begrænsning. Alle andre koder har en anden årsag.',
    done: 'Begrænsede enheder: opført siden den {{date}}.',
  },
  checks: {
    title: 'Undersøg, om kontoen er kompromitteret',
    intro:
      'Følg som en sikkerhedsforanstaltning vejledningen "Reagere på en kompromitteret mailkonto" for denne bruger. Du kan gøre det hele selv uden at oprette en supportsag.',
    forwarding: 'Videresendelse fra postkassen',
    forwardingNone: 'Ingen',
    forwardingTo: 'Videresender til {{address}}',
    forwardingUnknown: 'Kunne ikke læses',
    rules: 'Indbakkeregler',
    rulesNone: 'Ingen regler',
    rulesCount_one: '{{count}} regel, ikke mistænkelig',
    rulesCount_other: '{{count}} regler, ingen mistænkelige',
    rulesSuspicious_one: '{{count}} mistænkelig regel: {{names}}',
    rulesSuspicious_other: '{{count}} mistænkelige regler: {{names}}',
    rulesUnknown: 'Kunne ikke læses',
    sessions: 'Logonsessioner',
    sessionsActive: 'Ikke tilbagekaldt endnu',
    sessionsRevoked: 'Tilbagekaldt: Alle enheder skal logge på igen',
    revoke: 'Tilbagekald logonsessioner',
    advice:
      'Fjern videresendelser og mistænkelige regler, som du ikke havde forventet, og slå multifaktorgodkendelse til.',
    learnMore: 'Reagere på en kompromitteret mailkonto',
    done: 'Kontrol for kompromittering: videresendelse {{forwarding}}; {{rules}}; sessioner {{sessions}}.',
  },
  unblock: {
    title: 'Fjern blokering',
    question: 'Vil du fjerne {{user}} fra siden Begrænsede enheder?',
    summary: 'En godkender skal godkende, før blokeringen fjernes.',
    action: 'Fjern blokering',
    notNow: 'Ikke nu',
    confirmTitle: 'Bekræft, at blokeringen skal fjernes',
    confirmQuestion: 'Vil du anmode om at få fjernet blokeringen af {{user}}? Vælg Ja for at bekræfte.',
    comeBack: 'Hvis kontoen stadig er kompromitteret, bliver den blokeret igen.',
    limitNote:
      'Microsoft begrænser, hvor ofte blokeringen af en konto kan fjernes. Ud over den grænse er det kun Microsoft Support, der kan fjerne blokeringen.',
  },
  requested: {
    title: 'Anmodningen om at fjerne blokeringen er sendt',
    text: 'Anmodningen for {{user}} venter på godkendelse.',
    next: 'Næste trin: En godkender godkender anmodningen, så fjerner jeg {{user}} fra siden Begrænsede enheder og giver dig besked her, når brugeren kan sende igen.',
    delay:
      'Brugeren kan som regel sende igen inden for en time og senest 24 timer, efter at blokeringen er fjernet.',
    requestId: 'Anmodning',
    state: 'Status',
  },
  approval: {
    header: 'Anmodning om at fjerne en blokering',
    title: 'Fjern blokering af {{user}}?',
    requestedBy: 'Anmodet af',
    requestedAt: 'Anmodet',
    password: 'Adgangskode',
    passwordResetByAgent: 'Nulstillet af helpdesk',
    passwordResetByBot: 'Nulstillet af botten (midlertidig adgangskode)',
    passwordOnPremises: 'Skiftet i det lokale miljø',
    passwordUnknown: 'Ikke bekræftet',
    status: 'Status',
    decidedBy: 'Besluttet af',
    comment: 'Kommentar',
    unblockedAt: 'Blokering fjernet',
    resumedAt: 'Afsendelse genoptaget',
    onApprove:
      'Godkendelse fjerner brugeren fra siden Begrænsede enheder. Brugeren kan som regel sende igen inden for en time og senest efter 24 timer.',
    commentLabel: 'Kommentar (valgfri)',
    commentPlaceholder: 'Hvorfor godkender eller afviser du?',
    approve: 'Godkend',
    reject: 'Afvis',
    refresh: 'Opdater',
    retry: 'Prøv at fjerne blokeringen igen',
    onRetry:
      'En godkender kan prøve igen: et nyt forsøg, der fjerner blokeringen, hvis brugeren stadig er blokeret.',
    notApprover:
      'Kun medlemmer af godkendergruppen kan træffe beslutning om anmodninger om at fjerne blokering. Dit klik er registreret.',
    ownRequest:
      'Du har selv anmodet om at fjerne denne blokering, så en anden godkender skal træffe beslutningen.',
    alreadyDecided: 'Der er allerede truffet beslutning om denne anmodning (status: {{state}}).',
    reminder: 'Påmindelse: Denne anmodning har ventet på godkendelse siden den {{date}}.',
    noApprovers:
      'Ingen godkender kan nås endnu, så anmodningen for {{user}} venter. En godkender skal skrive **set approvals channel** i den kanal, hvor godkenderne arbejder, eller skrive til mig i en chat én gang.',
    waitingForYou_one: '{{count}} anmodning om at fjerne blokering venter på din godkendelse:',
    waitingForYou_other: '{{count}} anmodninger om at fjerne blokering venter på din godkendelse:',
    channelSet: 'Denne kanal modtager nu anmodninger om at fjerne blokering til godkendelse.',
    channelLanguage:
      'Kortene her er på dansk. Skriv **set approvals channel** efterfulgt af en, sv, sl eller nl for at bruge et andet sprog.',
    channelSetRefused: 'Kun medlemmer af godkendergruppen kan vælge kanalen til godkendelser.',
    channelOnly: 'Skriv **set approvals channel** i den Teams-kanal, hvor godkenderne skal se anmodningerne.',
    notFound: 'Denne anmodning findes ikke længere.',
  },
  agentNote: {
    approved:
      '{{approver}} har godkendt, at blokeringen af {{user}} fjernes. Jeg fjerner nu brugeren fra siden Begrænsede enheder.',
    rejected: '{{approver}} har afvist at fjerne blokeringen af {{user}}. Brugeren forbliver blokeret.',
    rejectedComment: 'Kommentar: {{comment}}',
    unblocked:
      '{{user}} er fjernet fra siden Begrænsede enheder. Brugeren kan som regel sende igen inden for en time og senest efter 24 timer. Jeg giver dig besked her, når det sker.',
    resumed: '{{user}} kan sende mail igen.',
    resumedAdvice:
      'Hvis kontoen var kompromitteret, og noget ikke er gjort færdigt, bliver den blokeret igen: Gør kontrollen færdig.',
    expired:
      'Ingen godkendte at fjerne blokeringen af {{user}} inden for {{hours}} timer, så ingen blokering blev fjernet. Skriv **fjern blokering** og brugernavnet for at anmode igen.',
    failedUnblockLimit:
      'Microsoft afviste at fjerne blokeringen af {{user}}: Grænsen for, hvor ofte blokeringen af denne konto kan fjernes, er nået. Kontakt Microsoft Support for at få blokeringen fjernet.',
    failedPermissions:
      'Botten har ikke tilladelse til at fjerne blokeringer af brugere i jeres lejer. Bed jeres Microsoft 365-administrator om at give appen Exchange-tilladelserne i docs/setup.md (afsnit 4) og køre npm run doctor, og anmod derefter igen.',
    failedUserNotFound: '{{user}} findes ikke længere i kataloget, så ingen blokering blev fjernet.',
    failedResumeTimeout:
      'Blokeringen af {{user}} blev fjernet, men efter {{hours}} timer kan jeg stadig ikke bekræfte, at brugeren kan sende. Tjek siden Begrænsede enheder på Microsoft Defender-portalen og meddelelsessporingen: Hvis brugeren står der igen, er kontoen sandsynligvis stadig kompromitteret.',
    failedOther:
      'Det lykkedes ikke at fjerne blokeringen af {{user}}. Der sker ikke mere automatisk. Anmod igen, eller fjern blokeringen af brugeren på Microsoft Defender-portalen.',
    failedRetriesExhausted:
      'Exchange Online fuldførte ikke fjernelsen af blokeringen af {{user}}: Tjenesten var utilgængelig eller begrænsede kald længere, end jeg bliver ved med at prøve. Der sker ikke mere automatisk. En godkender kan prøve igen fra godkendelseskortet, eller du kan fjerne blokeringen af brugeren på Microsoft Defender-portalen.',
    fallbackIntro: 'Jeg kunne ikke nå {{requester}} i vedkommendes chat, så jeg giver dig besked her:',
  },
  status: {
    title: 'Dine anmodninger om at fjerne blokeringer',
    none: 'Du har ingen anmodninger endnu. Skriv **fjern blokering** og et brugernavn for at starte en.',
  },
  state: {
    open: 'i gang',
    pending_approval: 'sendt til godkendelse',
    approved: 'godkendt',
    unblocking: 'fjernelse af blokering i gang',
    waiting_resume: 'blokering fjernet, afsendelse endnu ikke genoptaget',
    resumed: 'afsendelse genoptaget',
    rejected: 'afvist',
    cancelled: 'annulleret',
    failed: 'mislykket',
    expired: 'udløbet',
    'resolved-by-itself': 'løst af sig selv',
  },
  cancelled: {
    title: 'Annulleret',
    text: 'Forløbet for {{user}} er annulleret. Ingen blokering blev fjernet.',
    textNoUser: 'Annulleret. Ingen blokering blev fjernet.',
    again: 'Skriv **fjern blokering** og et brugernavn for at starte igen.',
  },
  ended: {
    notRestricted: 'Forløbet er afsluttet: {{user}} er ikke begrænset.',
  },
  localMode: {
    title: 'Velkommen til den simulerede contoso.com-lejer',
    enrolled:
      'Denne bot kører i lokal tilstand, og den simulerede mappe kendte dig ikke, så jeg har tilføjet dig som helpdeskmedarbejder: {{name}}, {{upn}}. Du kan starte anmodninger om at fjerne blokering med det samme.',
    approver:
      'Det er godkenderne, der godkender: for at godkende en anmodning skal du køre **npm run playground -- --as approver** og handle som Patti Fernandez.',
  },
  errors: {
    notHelpdesk:
      'Kun medlemmer af helpdesk-gruppen kan starte anmodninger om at fjerne blokering. Bed din Microsoft 365-administrator om at tilføje dig.',
    title: 'Noget gik galt',
    stepDone: 'Dette trin er udført',
    stepDoneText:
      'Dette kort hører til et tidligere trin. Brug det seneste kort, eller skriv **begynd forfra**.',
    noRunbook:
      'Der er ikke noget forløb i gang. Skriv **fjern blokering** og et brugernavn for at starte et.',
    useButtons: 'Svar med knapperne på det seneste kort, eller skriv **begynd forfra** eller **annuller**.',
    unknownAction: 'Jeg forstod ikke den knap. Skriv **begynd forfra** for at starte forfra.',
    tenantUnavailable: 'Microsoft 365 svarede ikke i tide. Vent et minut, og prøv igen.',
    tenantForbidden:
      'Botten har ikke tilladelse til at gøre dette i jeres lejer. Bed jeres Microsoft 365-administrator om at kontrollere dens tilladelser (se docs/setup.md), og prøv derefter igen.',
    userGone: 'Brugeren findes ikke længere i kataloget. Skriv **begynd forfra**.',
    passwordRejected:
      'Microsoft 365 afviste den nye adgangskode. Prøv igen. Hvis det bliver ved med at mislykkes, kan du nulstille den i Microsoft 365 Administration.',
    unexpected: 'Der skete noget uventet, og intet blev ændret. Prøv igen, eller skriv **begynd forfra**.',
    otherTenant:
      'Denne bot betjener kun sin egen organisation. Din organisations Microsoft 365-lejer har ikke adgang til den. Bed din egen it-afdeling om hjælp.',
    slowDown: 'Du går for hurtigt frem. Vent et minut, og prøv derefter igen.',
  },
  ...proactiveDa,
};
