// Dutch. Product terms follow Microsoft's human-translated Dutch articles (Blokkering opheffen, Ja, inbreuk)
// and their formal "u", and the Defender portal's current page name (Beperkte entiteiten). "deblokkeer" stays
// a word the agent can type.
import type { Catalogue } from '../index.js';
import { proactiveNl } from './proactive/nl.js';

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
      'Als een gebruiker geen e-mail meer mag verzenden vanwege uitgaande spam, begeleid ik u stap voor stap door het stappenplan "De blokkering van e-mail opheffen" van Microsoft: het wachtwoord opnieuw instellen, de pagina Beperkte entiteiten controleren, controleren of het account is gecompromitteerd en aanvragen dat de blokkering wordt opgeheven.',
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
    dailyCap_one:
      'De blokkering van {{user}} is de afgelopen 24 uur al {{count}} keer opgeheven. Microsoft beperkt hoe vaak de blokkering van een account kan worden opgeheven, en een account dat zo snel opnieuw wordt geblokkeerd, is waarschijnlijk nog steeds gecompromitteerd: voltooi eerst de controle op inbreuk of neem contact op met Microsoft Ondersteuning.',
    dailyCap_other:
      'De blokkering van {{user}} is de afgelopen 24 uur al {{count}} keer opgeheven. Microsoft beperkt hoe vaak de blokkering van een account kan worden opgeheven, en een account dat zo snel opnieuw wordt geblokkeerd, is waarschijnlijk nog steeds gecompromitteerd: voltooi eerst de controle op inbreuk of neem contact op met Microsoft Ondersteuning.',
    activeRequest:
      'Er is al een aanvraag om de blokkering van {{user}} op te heffen (status: {{state}}), ingediend door {{requester}} op {{date}}. Ik start geen tweede aanvraag.',
  },
  password: {
    title: 'Stel het wachtwoord nu opnieuw in',
    instruction:
      'Stel het wachtwoord van het betreffende account onmiddellijk opnieuw in. Stuur het nieuwe wachtwoord niet per e-mail naar de gebruiker: zo kan niemand die toegang heeft tot het postvak het lezen en meer spam verzenden.',
    question: 'Is het wachtwoord van {{user}} opnieuw ingesteld sinds het account is geblokkeerd?',
    alreadyReset: 'Ja, al gedaan',
    resetNow: 'Nee, nu opnieuw instellen',
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
    title: 'Beperkte entiteiten',
    onList: '{{user}} staat op de pagina Beperkte entiteiten.',
    since: 'Beperkt sinds',
    reason: 'Reden',
    recipientsToday: 'Ontvangers vandaag',
    recipientsTodayValue: '{{internal}} intern, {{external}} extern',
    reasonSpam:
      'Uitgaande spam: de service heeft spam van dit account gedetecteerd, een veelvoorkomend teken dat het is gecompromitteerd.',
    reasonRecipientLimit: 'Te veel ontvangers vandaag ({{limit}} limiet).',
    limitInternal: 'interne',
    limitExternal: 'externe',
    limitUnknown: 'dagelijkse',
    reasonUnknown: 'Beperkt door het beleid voor uitgaande spam.',
    recipientLimitNote:
      'Een blokkering vanwege de ontvangerslimiet wordt meestal binnen 24 uur vanzelf opgeheven. U kunt hieronder toch aanvragen dat de blokkering wordt opgeheven.',
    blockedEverywhere:
      'Zolang de gebruiker beperkt is, kan deze wel e-mail ontvangen, maar geen e-mail verzenden, zelfs niet binnen de organisatie.',
    notOnList:
      '{{user}} staat niet op de pagina Beperkte entiteiten, dus er is geen blokkering op te heffen.',
    notOnListNext:
      'Als de gebruiker nog steeds niet kan verzenden, lees dan het rapport over niet-bezorging: alleen code 5.1.8 ("Access denied, bad outbound sender") wijst op een beperking. Elke andere code heeft een andere oorzaak.',
    done: 'Beperkte entiteiten: vermeld sinds {{date}}.',
  },
  checks: {
    title: 'Controleer of het account is gecompromitteerd',
    intro:
      'Volg uit voorzorg "Reageren op een gehackt e-mailaccount" voor deze gebruiker. U kunt dit allemaal zelf doen, zonder een ondersteuningsaanvraag in te dienen.',
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
    revoke: 'Aanmeldingssessies intrekken',
    advice:
      'Verwijder doorsturen en verdachte regels die u niet verwachtte, en schakel meervoudige verificatie in.',
    learnMore: 'Reageren op een gehackt e-mailaccount',
    done: 'Controle op inbreuk: doorsturen {{forwarding}}; {{rules}}; sessies {{sessions}}.',
  },
  unblock: {
    title: 'Blokkering opheffen',
    question: '{{user}} verwijderen van de pagina Beperkte entiteiten?',
    summary: 'Een goedkeurder moet het opheffen van de blokkering goedkeuren voordat het wordt uitgevoerd.',
    action: 'Blokkering opheffen',
    notNow: 'Niet nu',
    confirmTitle: 'Opheffen van de blokkering bevestigen',
    confirmQuestion:
      'Aanvragen dat de blokkering van {{user}} wordt opgeheven? Selecteer Ja om te bevestigen.',
    comeBack: 'Als het account nog steeds is gecompromitteerd, wordt het opnieuw geblokkeerd.',
    limitNote:
      'Microsoft beperkt hoe vaak de blokkering van een account kan worden opgeheven. Boven die limiet kan alleen Microsoft Ondersteuning de blokkering opheffen.',
  },
  requested: {
    title: 'Opheffen van blokkering aangevraagd',
    text: 'De aanvraag voor {{user}} wacht op goedkeuring.',
    next: 'Volgende stap: zodra een goedkeurder de aanvraag heeft goedgekeurd, verwijder ik {{user}} van de pagina Beperkte entiteiten en laat ik u hier weten wanneer de gebruiker weer kan verzenden.',
    delay:
      'Nadat de blokkering is opgeheven, werkt verzenden meestal binnen een uur weer, uiterlijk binnen 24 uur.',
    requestId: 'Aanvraag',
    state: 'Status',
  },
  approval: {
    header: 'Aanvraag om blokkering op te heffen',
    title: 'Blokkering van {{user}} opheffen?',
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
    unblockedAt: 'Blokkering opgeheven',
    resumedAt: 'Verzenden hervat',
    onApprove:
      'Bij goedkeuring wordt de gebruiker verwijderd van de pagina Beperkte entiteiten. Verzenden werkt meestal binnen een uur weer, uiterlijk binnen 24 uur.',
    commentLabel: 'Opmerking (optioneel)',
    commentPlaceholder: 'Waarom keurt u goed of wijst u af?',
    approve: 'Goedkeuren',
    reject: 'Afwijzen',
    refresh: 'Vernieuwen',
    retry: 'Blokkering opnieuw opheffen',
    onRetry:
      'Een goedkeurder kan het opnieuw proberen: een nieuwe poging die de blokkering opheft als de gebruiker nog steeds geblokkeerd is.',
    notApprover:
      'Alleen leden van de groep goedkeurders kunnen beslissen over aanvragen om blokkeringen op te heffen. Uw klik is vastgelegd.',
    ownRequest:
      'U hebt zelf aangevraagd deze blokkering op te heffen, dus een andere goedkeurder moet erover beslissen.',
    alreadyDecided: 'Over deze aanvraag is al beslist (status: {{state}}).',
    reminder: 'Herinnering: deze aanvraag wacht sinds {{date}} op goedkeuring.',
    noApprovers:
      'Er is nog geen goedkeurder bereikbaar, dus de aanvraag voor {{user}} wacht. Een goedkeurder moet **set approvals channel** typen in het kanaal waarin de goedkeurders werken, of één keer met mij chatten.',
    waitingForYou_one: '{{count}} deblokkeringsaanvraag wacht op uw goedkeuring:',
    waitingForYou_other: '{{count}} deblokkeringsaanvragen wachten op uw goedkeuring:',
    channelSet: 'Dit kanaal ontvangt nu aanvragen om blokkeringen op te heffen, ter goedkeuring.',
    channelLanguage:
      'De kaarten hier zijn in het Nederlands. Typ **set approvals channel** gevolgd door en, da, sv of sl voor een andere taal.',
    channelSetRefused: 'Alleen leden van de groep goedkeurders kunnen het kanaal voor goedkeuringen kiezen.',
    channelOnly:
      'Typ **set approvals channel** in het Teams-kanaal waarin de goedkeurders de aanvragen moeten zien.',
    notFound: 'Deze aanvraag bestaat niet meer.',
  },
  agentNote: {
    approved:
      '{{approver}} heeft goedgekeurd dat de blokkering van {{user}} wordt opgeheven. Ik verwijder de gebruiker nu van de pagina Beperkte entiteiten.',
    rejected:
      '{{approver}} heeft de aanvraag om de blokkering van {{user}} op te heffen afgewezen. De gebruiker blijft geblokkeerd.',
    rejectedComment: 'Opmerking: {{comment}}',
    unblocked:
      '{{user}} staat niet meer op de pagina Beperkte entiteiten. Verzenden werkt meestal binnen een uur weer, uiterlijk binnen 24 uur. Ik laat het u hier weten zodra het werkt.',
    resumed: '{{user}} kan weer e-mail verzenden.',
    resumedAdvice:
      'Als het account was gecompromitteerd en er nog iets niet is afgerond, wordt het opnieuw geblokkeerd: rond de controles af.',
    expired:
      'Niemand heeft binnen {{hours}} uur goedgekeurd dat de blokkering van {{user}} wordt opgeheven, dus de blokkering is niet opgeheven. Typ **deblokkeer** en de gebruikersnaam om het opnieuw aan te vragen.',
    failedUnblockLimit:
      'Microsoft heeft geweigerd de blokkering van {{user}} op te heffen: de limiet voor het opheffen van blokkeringen voor dit account is bereikt. Neem contact op met Microsoft Ondersteuning om de blokkering te laten opheffen.',
    failedPermissions:
      'De bot heeft geen toestemming om blokkeringen van gebruikers in uw tenant op te heffen. Vraag uw Microsoft 365-beheerder de app de Exchange-machtigingen uit docs/setup.md (sectie 4) te geven en npm run doctor uit te voeren, en vraag het daarna opnieuw aan.',
    failedUserNotFound: '{{user}} bestaat niet meer in de directory, dus er is geen blokkering opgeheven.',
    failedResumeTimeout:
      'De blokkering van {{user}} is opgeheven, maar na {{hours}} uur kan ik nog steeds niet bevestigen dat de gebruiker kan verzenden. Controleer de pagina Beperkte entiteiten in de Microsoft Defender-portal en de berichttracering: als de gebruiker daar weer staat, is het account waarschijnlijk nog steeds gecompromitteerd.',
    failedOther:
      'Het opheffen van de blokkering van {{user}} is mislukt. Er gebeurt niets meer automatisch. Vraag het opnieuw aan of hef de blokkering van de gebruiker op in de Microsoft Defender-portal.',
    failedRetriesExhausted:
      'Exchange Online heeft het opheffen van de blokkering van {{user}} niet voltooid: de dienst was langer onbereikbaar of beperkte aanroepen langer dan ik het blijf proberen. Er gebeurt automatisch niets meer. Een goedkeurder kan het opnieuw proberen vanaf de goedkeuringskaart, of u heft de blokkering op in de Microsoft Defender-portal.',
    fallbackIntro: 'Ik kon {{requester}} niet bereiken in de chat, dus ik laat het u hier weten:',
  },
  status: {
    title: 'Uw aanvragen om blokkeringen op te heffen',
    none: 'U hebt nog geen aanvragen. Typ **deblokkeer** en een gebruikersnaam om er een te starten.',
  },
  state: {
    open: 'bezig',
    pending_approval: 'in afwachting van goedkeuring',
    approved: 'goedgekeurd',
    unblocking: 'bezig met opheffen van de blokkering',
    waiting_resume: 'blokkering opgeheven, verzenden nog niet hervat',
    resumed: 'verzenden hervat',
    rejected: 'afgewezen',
    cancelled: 'geannuleerd',
    failed: 'mislukt',
    expired: 'verlopen',
    'resolved-by-itself': 'vanzelf opgelost',
  },
  cancelled: {
    title: 'Geannuleerd',
    text: 'Het stappenplan voor {{user}} is geannuleerd. Er is geen blokkering opgeheven.',
    textNoUser: 'Geannuleerd. Er is geen blokkering opgeheven.',
    again: 'Typ **deblokkeer** en een gebruikersnaam om opnieuw te beginnen.',
  },
  ended: {
    notRestricted: 'Stappenplan beëindigd: {{user}} is niet beperkt.',
  },
  localMode: {
    title: 'Welkom in de gesimuleerde tenant contoso.com',
    enrolled:
      'Deze bot draait in lokale modus en de gesimuleerde directory kende u niet, dus ik heb u toegevoegd als helpdeskmedewerker: {{name}}, {{upn}}. U kunt meteen deblokkeringsaanvragen starten.',
    approver:
      'Goedkeuren doen de goedkeurders: om een aanvraag goed te keuren, voert u **npm run playground -- --as approver** uit en treedt u op als Patti Fernandez.',
  },
  errors: {
    notHelpdesk:
      'Alleen leden van de helpdeskgroep kunnen aanvragen indienen om blokkeringen op te heffen. Vraag uw Microsoft 365-beheerder om u toe te voegen.',
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
  ...proactiveNl,
};
