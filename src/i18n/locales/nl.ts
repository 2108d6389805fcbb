// Dutch. Product terms follow Microsoft's Dutch "De blokkering van e-mail opheffen" article (Deblokkeren,
// Beperkte gebruikers, Ja) and its formal "u", with its machine-translation slips corrected.
import type { Catalogue } from '../index.js';

export const nl: Catalogue = {
  app: {
    name: 'De blokkering van e-mail opheffen',
    stepOf: 'Stap {{number}} van {{count}}',
  },
  common: {
    cancel: 'Annuleren',
    continue: 'Doorgaan',
    yes: 'Ja',
    no: 'Nee',
    startOver: 'Opnieuw beginnen',
    tryAgain: 'Opnieuw proberen',
    /** A value Microsoft 365 sent in a form the bot cannot read. */
    unknown: 'onbekend',
  },
  help: {
    title: 'De blokkering van e-mail opheffen: zo kan ik u helpen',
    intro:
      'Als een gebruiker geen e-mail meer mag verzenden vanwege uitgaande spam, begeleid ik u stap voor stap door het stappenplan "De blokkering van e-mail opheffen" van Microsoft: het wachtwoord opnieuw instellen, de lijst Beperkte gebruikers controleren, controleren of het account is gecompromitteerd en de deblokkering aanvragen.',
    howToStart:
      'Vertel me om te beginnen om wie het gaat, bijvoorbeeld **deblokkeer rob** of **rob@contoso.com is geblokkeerd**. Voor rob@contoso.com volstaat **rob**.',
    commands: 'U kunt altijd **hulp** of **opnieuw beginnen** typen. Typ **annuleren** om te stoppen.',
  },
  who: {
    title: 'Wie is geblokkeerd voor het verzenden van e-mail?',
    text: 'Typ de gebruikersnaam of het e-mailadres. Voor rob@contoso.com volstaat **rob**.',
    placeholder: 'rob of rob@contoso.com',
    search: 'Gebruiker zoeken',
    noMatch:
      'Ik heb geen gebruiker gevonden die overeenkomt met "{{query}}". Controleer de spelling en probeer het opnieuw.',
    emptyQuery: 'Typ eerst een gebruikersnaam of e-mailadres.',
    choose: 'Er zijn meerdere gebruikers die overeenkomen met "{{query}}". Welke is geblokkeerd?',
    choosePlaceholder: 'Kies een gebruiker',
    select: 'Selecteren',
    chooseFirst: 'Kies eerst een gebruiker uit de lijst.',
    dailyCap:
      'De blokkering van {{user}} is de afgelopen 24 uur al {{count}} keer opgeheven. Microsoft beperkt hoe vaak de blokkering van een account kan worden opgeheven, en een account dat zo snel opnieuw wordt geblokkeerd, is waarschijnlijk nog steeds gecompromitteerd: voltooi eerst de controle op compromittering of neem contact op met Microsoft Ondersteuning.',
    activeRequest:
      'Er is al een deblokkeringsaanvraag voor {{user}} ({{state}}), ingediend door {{requester}} op {{date}}. Ik start geen tweede aanvraag.',
  },
  password: {
    title: 'Stel het wachtwoord nu opnieuw in',
    instruction:
      'Stel het wachtwoord van het betreffende account onmiddellijk opnieuw in. Stuur het nieuwe wachtwoord niet per e-mail naar de gebruiker: zo kan niemand die toegang heeft tot het postvak het lezen en meer spam verzenden.',
    question: 'Is het wachtwoord van {{user}} opnieuw ingesteld sinds het account is geblokkeerd?',
    alreadyReset: 'Ja, al gedaan',
    resetNow: 'Nee, nu instellen',
    temporaryTitle: 'Tijdelijk wachtwoord voor {{user}}',
    temporaryOnce: 'Wordt eenmalig en alleen aan u getoond. Het wordt nergens opgeslagen.',
    temporaryWarning:
      'Geef het telefonisch of persoonlijk aan de gebruiker. Stuur het nooit per e-mail: wie toegang heeft tot het postvak, zou het kunnen lezen.',
    temporaryChange: 'De gebruiker moet bij de volgende aanmelding een nieuw wachtwoord kiezen.',
    noted: 'Ik heb het genoteerd: doorgaan',
    onPremisesTitle: 'Wijzig het wachtwoord on-premises',
    onPremisesText:
      '{{user}} wordt gesynchroniseerd vanuit uw on-premises Active Directory, dus het wachtwoord kan niet vanuit de cloud opnieuw worden ingesteld. Wijzig het nu in uw on-premises directory (en laat het synchroniseren) en ga daarna verder.',
    onPremisesDone: 'Het wachtwoord is gewijzigd',
    doneByAgent: 'Wachtwoord: door u opnieuw ingesteld vóór deze aanvraag.',
    doneByBot:
      'Wachtwoord: door de bot opnieuw ingesteld; het tijdelijke wachtwoord is eenmalig aan u getoond.',
    doneOnPremises: 'Wachtwoord: on-premises gewijzigd.',
    privilegedTitle: 'Stel het wachtwoord handmatig opnieuw in',
    privilegedText:
      'Microsoft 365 liet mij het wachtwoord van {{user}} niet opnieuw instellen. Dat gebeurt als het account een beheerdersrol heeft: alleen een beheerder voor bevoegde verificatie of een globale beheerder mag het wachtwoord van een beheerder opnieuw instellen, en die rol heb ik bewust niet.',
    privilegedHow:
      'Stel het nu opnieuw in in het Microsoft 365-beheercentrum (Gebruikers > Actieve gebruikers > selecteer de gebruiker > Wachtwoord opnieuw instellen) en bevestig het daarna hier. Stuur het nieuwe wachtwoord niet per e-mail.',
    privilegedElse:
      'Als ik ook geweigerd word voor accounts zonder beheerdersrol, vraag dan degene die deze assistent beheert om de machtigingen te controleren.',
    privilegedLink: 'Open het Microsoft 365-beheercentrum',
    privilegedDone: 'Ik heb het opnieuw ingesteld',
    doneByHand: 'Wachtwoord: door u opnieuw ingesteld in het beheercentrum.',
  },
  restriction: {
    title: 'Lijst Beperkte gebruikers',
    onList: '{{user}} staat op de lijst Beperkte gebruikers.',
    since: 'Beperkt sinds',
    reason: 'Reden',
    recipientsToday: 'Ontvangers vandaag',
    recipientsTodayValue: '{{internal}} intern, {{external}} extern',
    reasonSpam:
      'Uitgaande spam: de service heeft spam van dit account gedetecteerd, een veelvoorkomend teken dat het is gecompromitteerd.',
    reasonRecipientLimit: 'Te veel ontvangers vandaag (limiet: {{limit}}).',
    limitInternal: 'interne',
    limitExternal: 'externe',
    limitUnknown: 'dagelijkse',
    reasonUnknown: 'Beperkt door het beleid voor uitgaande spam.',
    recipientLimitNote:
      'Een blokkering vanwege de ontvangerslimiet wordt meestal binnen 24 uur vanzelf opgeheven. U kunt hieronder toch de deblokkering aanvragen.',
    blockedEverywhere:
      'Zolang de gebruiker beperkt is, kan deze wel e-mail ontvangen, maar geen e-mail verzenden, zelfs niet binnen de organisatie.',
    notOnList: '{{user}} staat niet op de lijst Beperkte gebruikers, dus er valt niets te deblokkeren.',
    notOnListNext:
      'Als de gebruiker nog steeds niet kan verzenden, lees dan het rapport over niet-bezorging: alleen code 5.1.8 ("Access denied, bad outbound sender") wijst op een beperking. Elke andere code heeft een andere oorzaak.',
    done: 'Lijst Beperkte gebruikers: op de lijst sinds {{date}}.',
  },
  checks: {
    title: 'Controleer of het account is gecompromitteerd',
    intro:
      'Volg uit voorzorg "Reageren op een gecompromitteerd e-mailaccount" voor deze gebruiker. U kunt dit allemaal zelf doen, zonder een ondersteuningsaanvraag in te dienen.',
    forwarding: 'Doorsturen vanuit postvak',
    forwardingNone: 'Geen',
    forwardingTo: 'Stuurt door naar {{address}}',
    forwardingUnknown: 'Kon niet worden gelezen',
    rules: 'Regels voor Postvak IN',
    rulesNone: 'Geen regels',
    rulesCount_one: '{{count}} regel, niet verdacht',
    rulesCount_other: '{{count}} regels, geen verdachte',
    rulesSuspicious_one: '{{count}} verdachte regel: {{names}}',
    rulesSuspicious_other: '{{count}} verdachte regels: {{names}}',
    rulesUnknown: 'Kon niet worden gelezen',
    sessions: 'Aanmeldingssessies',
    sessionsActive: 'Nog niet ingetrokken',
    sessionsRevoked: 'Ingetrokken: elk apparaat moet zich opnieuw aanmelden',
    revoke: 'Overal afmelden',
    advice:
      'Verwijder doorsturen en verdachte regels die u niet verwachtte, en schakel meervoudige verificatie in.',
    learnMore: 'Reageren op een gecompromitteerd e-mailaccount',
    done: 'Controle op compromittering: doorsturen {{forwarding}}; {{rules}}; sessies {{sessions}}.',
  },
  unblock: {
    title: 'Deblokkeren',
    question: '{{user}} verwijderen uit de lijst Beperkte gebruikers?',
    summary: 'Een goedkeurder moet de deblokkering goedkeuren voordat deze wordt uitgevoerd.',
    action: 'Deblokkeren',
    notNow: 'Niet nu',
    confirmTitle: 'Deblokkering bevestigen',
    confirmQuestion: 'Deblokkering van {{user}} aanvragen? Selecteer Ja om te bevestigen.',
    comeBack: 'Als het account nog steeds is gecompromitteerd, wordt het opnieuw geblokkeerd.',
    limitNote:
      'Microsoft beperkt hoe vaak een account kan worden gedeblokkeerd. Daarboven kan alleen Microsoft Ondersteuning het account deblokkeren.',
  },
  requested: {
    title: 'Deblokkering aangevraagd',
    text: 'De aanvraag voor {{user}} wacht op goedkeuring.',
    next: 'Volgende stap: zodra een goedkeurder de aanvraag heeft goedgekeurd, verwijder ik {{user}} uit de lijst Beperkte gebruikers en laat ik u hier weten wanneer de gebruiker weer kan verzenden.',
    delay: 'Verzenden werkt meestal binnen een uur na de deblokkering weer, uiterlijk binnen 24 uur.',
    requestId: 'Aanvraag',
    state: 'Status',
  },
  approval: {
    header: 'Deblokkeringsaanvraag',
    title: '{{user}} deblokkeren?',
    requestedBy: 'Aangevraagd door',
    requestedAt: 'Aangevraagd',
    password: 'Wachtwoord',
    passwordResetByAgent: 'Opnieuw ingesteld door de helpdesk',
    passwordResetByBot: 'Opnieuw ingesteld door de bot (tijdelijk wachtwoord)',
    passwordOnPremises: 'On-premises gewijzigd',
    passwordUnknown: 'Niet bevestigd',
    status: 'Status',
    decidedBy: 'Besloten door',
    comment: 'Opmerking',
    unblockedAt: 'Gedeblokkeerd',
    resumedAt: 'Verzenden hervat',
    onApprove:
      'Bij goedkeuring wordt de gebruiker verwijderd uit de lijst Beperkte gebruikers. Verzenden werkt meestal binnen een uur weer, uiterlijk binnen 24 uur.',
    commentLabel: 'Opmerking (optioneel)',
    commentPlaceholder: 'Waarom keurt u goed of wijst u af?',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    refresh: 'Vernieuwen',
    notApprover:
      'Alleen leden van de groep goedkeurders kunnen over deblokkeringsaanvragen beslissen. Uw klik is vastgelegd.',
    ownRequest:
      'U hebt deze deblokkering zelf aangevraagd, dus een andere goedkeurder moet erover beslissen.',
    alreadyDecided: 'Deze aanvraag is al {{state}}.',
    reminder: 'Herinnering: deze aanvraag wacht sinds {{date}} op goedkeuring.',
    noApprovers:
      'Er is nog geen goedkeurder bereikbaar, dus de aanvraag voor {{user}} wacht. Een goedkeurder moet **set approvals channel** typen in het kanaal waarin de goedkeurders werken, of één keer met mij chatten.',
    channelSet: 'Dit kanaal ontvangt nu deblokkeringsaanvragen ter goedkeuring.',
    channelLanguage:
      'De kaarten hier zijn in het Nederlands. Typ **set approvals channel** gevolgd door en, da, sv of sl voor een andere taal.',
    channelSetRefused: 'Alleen leden van de groep goedkeurders kunnen het kanaal voor goedkeuringen kiezen.',
    channelOnly:
      'Typ **set approvals channel** in het Teams-kanaal waarin de goedkeurders de aanvragen moeten zien.',
    notFound: 'Deze aanvraag bestaat niet meer.',
  },
  agentNote: {
    approved:
      '{{approver}} heeft de deblokkering van {{user}} goedgekeurd. Ik verwijder de gebruiker nu uit de lijst Beperkte gebruikers.',
    rejected: '{{approver}} heeft de deblokkering van {{user}} afgewezen. De gebruiker blijft geblokkeerd.',
    rejectedComment: 'Opmerking: {{comment}}',
    unblocked:
      '{{user}} staat niet meer op de lijst Beperkte gebruikers. Verzenden werkt meestal binnen een uur weer, uiterlijk binnen 24 uur. Ik laat het u hier weten zodra het werkt.',
    resumed: '{{user}} kan weer e-mail verzenden.',
    resumedAdvice:
      'Als het account was gecompromitteerd en er nog iets niet is afgerond, wordt het opnieuw geblokkeerd: rond de controles af.',
    expired:
      'Niemand heeft de deblokkering van {{user}} binnen {{hours}} uur goedgekeurd, dus er is niets gedeblokkeerd. Typ **deblokkeer** en de gebruikersnaam om het opnieuw aan te vragen.',
    failedUnblockLimit:
      'Microsoft heeft geweigerd {{user}} te deblokkeren: de deblokkeringslimiet voor dit account is bereikt. Neem contact op met Microsoft Ondersteuning om de gebruiker te deblokkeren.',
    failedPermissions:
      'De bot heeft geen toestemming om gebruikers in uw tenant te deblokkeren. Vraag uw Microsoft 365-beheerder de app de rol Exchange-beheerder te geven (docs/setup.md) en vraag het daarna opnieuw aan.',
    failedUserNotFound: '{{user}} bestaat niet meer in de directory, dus er is niets gedeblokkeerd.',
    failedResumeTimeout:
      '{{user}} is gedeblokkeerd, maar na {{hours}} uur kan ik nog steeds niet bevestigen dat de gebruiker kan verzenden. Controleer de lijst Beperkte gebruikers en de berichttracering: als de gebruiker weer op de lijst staat, is het account waarschijnlijk nog steeds gecompromitteerd.',
    failedOther:
      'De deblokkering van {{user}} is mislukt. Er gebeurt niets meer automatisch. Vraag het opnieuw aan of deblokkeer de gebruiker in de Microsoft Defender-portal.',
    fallbackIntro: 'Ik kon {{requester}} niet bereiken in de chat, dus ik laat het u hier weten:',
  },
  status: {
    title: 'Uw deblokkeringsaanvragen',
    none: 'U hebt nog geen aanvragen. Typ **deblokkeren** en een gebruikersnaam om er een te starten.',
  },
  state: {
    open: 'bezig',
    pending_approval: 'wacht op goedkeuring',
    approved: 'goedgekeurd',
    unblocking: 'wordt gedeblokkeerd',
    waiting_resume: 'gedeblokkeerd, wacht tot verzenden weer werkt',
    resumed: 'verzendt weer',
    rejected: 'afgewezen',
    cancelled: 'geannuleerd',
    failed: 'mislukt',
    expired: 'verlopen',
  },
  cancelled: {
    title: 'Geannuleerd',
    text: 'Het stappenplan voor {{user}} is geannuleerd. Er is niets gedeblokkeerd.',
    textNoUser: 'Geannuleerd. Er is niets gedeblokkeerd.',
    again: 'Typ **deblokkeer** en een gebruikersnaam om opnieuw te beginnen.',
  },
  ended: {
    notRestricted: 'Stappenplan beëindigd: {{user}} is niet beperkt.',
  },
  errors: {
    notHelpdesk:
      'Alleen leden van de helpdeskgroep kunnen deblokkeringsaanvragen starten. Vraag uw Microsoft 365-beheerder om u toe te voegen.',
    title: 'Er is iets misgegaan',
    stepDone: 'Deze stap is al afgerond',
    stepDoneText:
      'Deze kaart hoort bij een eerdere stap. Gebruik de nieuwste kaart of typ **opnieuw beginnen**.',
    noRunbook: 'Er loopt geen stappenplan. Typ **deblokkeer** en een gebruikersnaam om er een te starten.',
    useButtons: 'Antwoord met de knoppen op de laatste kaart, of typ **opnieuw beginnen** of **annuleren**.',
    unknownAction: 'Ik begreep die knop niet. Typ **opnieuw beginnen** om opnieuw te beginnen.',
    tenantUnavailable:
      'Microsoft 365 heeft niet op tijd gereageerd. Wacht een minuut en probeer het opnieuw.',
    tenantForbidden:
      'De bot heeft geen toestemming om dit in uw tenant te doen. Vraag uw Microsoft 365-beheerder de machtigingen van de bot te controleren (zie docs/setup.md) en probeer het daarna opnieuw.',
    userGone: 'Die gebruiker bestaat niet meer in de directory. Typ **opnieuw beginnen**.',
    passwordRejected:
      'Microsoft 365 heeft het nieuwe wachtwoord geweigerd. Probeer het opnieuw. Als het blijft mislukken, stelt u het wachtwoord opnieuw in via het Microsoft 365-beheercentrum.',
    unexpected:
      'Er is iets onverwachts gebeurd en er is niets gewijzigd. Probeer het opnieuw of typ **opnieuw beginnen**.',
    otherTenant:
      'Deze bot werkt alleen voor de eigen organisatie. De Microsoft 365-tenant van uw organisatie mag de bot niet gebruiken. Vraag uw eigen IT-afdeling om hulp.',
    slowDown: 'U gaat te snel. Wacht een minuut en probeer het daarna opnieuw.',
  },
};
