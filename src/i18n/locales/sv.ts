// Swedish. Product terms follow Microsoft's Swedish "Avblockera e-post" article (Avblockera, Ja), with its
// machine-translation slips corrected, and the Defender portal's current page name (Begränsade entiteter).
import type { Catalogue } from '../index.js';
import { proactiveSv } from './proactive/sv.js';

export const sv: Catalogue = {
  app: {
    name: 'Avblockera e-post',
    stepOf: 'Steg {{number}} av {{count}}',
  },
  common: {
    cancel: 'Avbryt',
    continue: 'Fortsätt',
    yes: 'Ja',
    no: 'Nej',
    startOver: 'Börja om',
    tryAgain: 'Försök igen',
    /** A value Microsoft 365 sent in a form the bot cannot read. */
    unknown: 'okänt',
  },
  help: {
    title: 'Avblockera e-post: så kan jag hjälpa dig',
    intro:
      'När en användare har blockerats från att skicka e-post på grund av utgående skräppost guidar jag dig steg för steg genom Microsofts instruktion "Avblockera e-post": återställ lösenordet, kontrollera sidan Begränsade entiteter, kontrollera om kontot har komprometterats och begär avblockering.',
    howToStart:
      'Börja med att berätta vem det gäller, till exempel **avblockera rob** eller **rob@contoso.com är blockerad**. För rob@contoso.com räcker det att skriva **rob**.',
    commands: 'Du kan när som helst skriva **hjälp** eller **börja om**. Skriv **avbryt** för att sluta.',
  },
  who: {
    title: 'Vem är blockerad från att skicka e-post?',
    text: 'Skriv användarnamnet eller e-postadressen. För rob@contoso.com räcker det med **rob**.',
    placeholder: 'rob eller rob@contoso.com',
    search: 'Sök användare',
    noMatch: 'Jag hittade ingen användare som matchar "{{query}}". Kontrollera stavningen och försök igen.',
    emptyQuery: 'Skriv ett användarnamn eller en e-postadress först.',
    choose: 'Flera användare matchar "{{query}}". Vilken av dem är blockerad?',
    choosePlaceholder: 'Välj en användare',
    select: 'Välj',
    chooseFirst: 'Välj först en användare i listan.',
    dailyCap_one:
      '{{user}} har redan avblockerats {{count}} gång under de senaste 24 timmarna. Microsoft begränsar hur ofta ett konto kan avblockeras, och ett konto som blockeras igen så snart är troligen fortfarande komprometterat: slutför kontrollen av kompromettering först eller kontakta Microsoft Support.',
    dailyCap_other:
      '{{user}} har redan avblockerats {{count}} gånger under de senaste 24 timmarna. Microsoft begränsar hur ofta ett konto kan avblockeras, och ett konto som blockeras igen så snart är troligen fortfarande komprometterat: slutför kontrollen av kompromettering först eller kontakta Microsoft Support.',
    activeRequest:
      'Det finns redan en begäran om avblockering av {{user}} (status: {{state}}), skapad av {{requester}} den {{date}}. Jag startar ingen ny begäran.',
  },
  password: {
    title: 'Återställ lösenordet nu',
    instruction:
      'Återställ lösenordet för det berörda kontot omedelbart. Skicka inte det nya lösenordet till användaren via e-post: då kan ingen som har åtkomst till postlådan läsa det och skicka mer skräppost.',
    question: 'Har lösenordet för {{user}} återställts sedan kontot blockerades?',
    alreadyReset: 'Ja, återställt',
    resetNow: 'Nej, återställ nu',
    temporaryTitle: 'Tillfälligt lösenord för {{user}}',
    temporaryOnce: 'Visas en gång och bara för dig. Det sparas ingenstans.',
    temporaryWarning:
      'Ge det till användaren per telefon eller personligen. Skicka det aldrig via e-post: den som kontrollerar postlådan skulle kunna läsa det.',
    temporaryChange: 'Användaren måste välja ett nytt lösenord vid nästa inloggning.',
    noted: 'Jag har antecknat det: fortsätt',
    onPremisesTitle: 'Ändra lösenordet lokalt',
    onPremisesText:
      '{{user}} synkroniseras från er lokala Active Directory, så lösenordet kan inte återställas från molnet. Ändra det i er lokala katalog nu (och låt det synkroniseras) och fortsätt sedan.',
    onPremisesDone: 'Lösenordet har ändrats',
    doneByAgent: 'Lösenord: återställt av dig före den här begäran.',
    doneByBot: 'Lösenord: återställt av boten; det tillfälliga lösenordet visades för dig en gång.',
    doneOnPremises: 'Lösenord: ändrat lokalt.',
    privilegedTitle: 'Återställ lösenordet manuellt',
    privilegedText:
      'Microsoft 365 lät mig inte återställa lösenordet för {{user}}. Det händer när kontot har en administratörsroll: bara en privilegierad autentiseringsadministratör eller en global administratör får återställa en administratörs lösenord, och den rollen har jag medvetet inte.',
    privilegedHow:
      'Återställ det nu i administrationscentret för Microsoft 365 (Användare > Aktiva användare > välj användaren > Återställ lösenord) och bekräfta sedan här. Skicka inte det nya lösenordet via e-post.',
    privilegedElse:
      'Om jag nekas även för konton utan administratörsroll ber du den som driver assistenten att kontrollera dess behörigheter.',
    privilegedLink: 'Öppna administrationscentret för Microsoft 365',
    privilegedDone: 'Jag har återställt det',
    doneByHand: 'Lösenord: återställt av dig i administrationscentret.',
  },
  restriction: {
    title: 'Begränsade entiteter',
    onList: '{{user}} finns på sidan Begränsade entiteter.',
    since: 'Begränsad sedan',
    reason: 'Orsak',
    recipientsToday: 'Mottagare i dag',
    recipientsTodayValue: '{{internal}} interna, {{external}} externa',
    reasonSpam:
      'Utgående skräppost: tjänsten har upptäckt skräppost från det här kontot, vilket ofta tyder på att det har komprometterats.',
    reasonRecipientLimit: 'För många mottagare i dag (gräns: {{limit}}).',
    limitInternal: 'intern',
    limitExternal: 'extern',
    limitUnknown: 'daglig',
    reasonUnknown: 'Begränsad av principen för utgående skräppost.',
    recipientLimitNote:
      'En blockering på grund av mottagargränsen upphör oftast av sig själv inom 24 timmar. Du kan ändå begära avblockering nedan.',
    blockedEverywhere:
      'Så länge begränsningen gäller kan användaren ta emot e-post men inte skicka någon, inte ens inom organisationen.',
    notOnList: '{{user}} finns inte på sidan Begränsade entiteter, så det finns inget att avblockera.',
    notOnListNext:
      'Om användaren fortfarande inte kan skicka e-post läser du rapporten om utebliven leverans (NDR): bara kod 5.1.8 ("Access denied, bad outbound sender") betyder en begränsning. Alla andra koder har en annan orsak.',
    done: 'Begränsade entiteter: listad sedan den {{date}}.',
  },
  checks: {
    title: 'Kontrollera om kontot har komprometterats',
    intro:
      'Följ som en försiktighetsåtgärd anvisningarna i "Hantera ett komprometterat e-postkonto" för den här användaren. Du kan göra allt själv, utan att öppna ett supportärende.',
    forwarding: 'Vidarebefordran från postlådan',
    forwardingNone: 'Ingen',
    forwardingTo: 'Vidarebefordrar till {{address}}',
    forwardingUnknown: 'Kunde inte läsas',
    rules: 'Inkorgsregler',
    rulesNone: 'Inga regler',
    rulesCount_one: '{{count}} regel, inte misstänkt',
    rulesCount_other: '{{count}} regler, inga misstänkta',
    rulesSuspicious_one: '{{count}} misstänkt regel: {{names}}',
    rulesSuspicious_other: '{{count}} misstänkta regler: {{names}}',
    rulesUnknown: 'Kunde inte läsas',
    sessions: 'Inloggningssessioner',
    sessionsActive: 'Inte återkallade än',
    sessionsRevoked: 'Återkallade: alla enheter måste logga in igen',
    revoke: 'Återkalla inloggningssessioner',
    advice:
      'Ta bort vidarebefordringar och misstänkta regler som du inte förväntade dig, och aktivera multifaktorautentisering.',
    learnMore: 'Hantera ett komprometterat e-postkonto',
    done: 'Kontroll av kompromettering: vidarebefordran {{forwarding}}; {{rules}}; sessioner {{sessions}}.',
  },
  unblock: {
    title: 'Avblockera',
    question: 'Vill du ta bort {{user}} från sidan Begränsade entiteter?',
    summary: 'En godkännare måste godkänna avblockeringen innan den genomförs.',
    action: 'Avblockera',
    notNow: 'Inte nu',
    confirmTitle: 'Bekräfta avblockeringen',
    confirmQuestion: 'Vill du begära avblockering av {{user}}? Välj Ja för att bekräfta.',
    comeBack: 'Om kontot fortfarande är komprometterat blockeras det igen.',
    limitNote:
      'Microsoft begränsar hur ofta ett konto kan avblockeras. När gränsen har nåtts kan bara Microsoft Support avblockera det.',
  },
  requested: {
    title: 'Avblockering begärd',
    text: 'Begäran för {{user}} väntar på godkännande.',
    next: 'Nästa steg: När en godkännare har godkänt begäran tar jag bort {{user}} från sidan Begränsade entiteter och meddelar dig här när användaren kan skicka e-post igen.',
    delay: 'Det går oftast att skicka igen inom en timme, och senast inom 24 timmar, efter avblockeringen.',
    requestId: 'Begäran',
    state: 'Status',
  },
  approval: {
    header: 'Begäran om avblockering',
    title: 'Avblockera {{user}}?',
    requestedBy: 'Begärd av',
    requestedAt: 'Begärd',
    password: 'Lösenord',
    passwordResetByAgent: 'Återställt av supporten',
    passwordResetByBot: 'Återställt av boten (tillfälligt lösenord)',
    passwordOnPremises: 'Ändrat lokalt',
    passwordUnknown: 'Inte bekräftat',
    status: 'Status',
    decidedBy: 'Beslutad av',
    comment: 'Kommentar',
    unblockedAt: 'Avblockerad',
    resumedAt: 'Sändning återupptagen',
    onApprove:
      'Om du godkänner tas användaren bort från sidan Begränsade entiteter. Det går oftast att skicka igen inom en timme, och senast inom 24 timmar.',
    commentLabel: 'Kommentar (valfritt)',
    commentPlaceholder: 'Varför godkänner eller avvisar du?',
    approve: 'Godkänn',
    reject: 'Avvisa',
    refresh: 'Uppdatera',
    retry: 'Försök häva blockeringen igen',
    onRetry:
      'En godkännare kan försöka igen: ett nytt försök som avblockerar användaren om användaren fortfarande är blockerad.',
    notApprover:
      'Bara medlemmar i godkännargruppen kan besluta om begäranden om avblockering. Ditt klick har registrerats.',
    ownRequest: 'Du har själv begärt den här avblockeringen, så en annan godkännare måste besluta om den.',
    alreadyDecided: 'Beslut har redan fattats om den här begäran (status: {{state}}).',
    reminder: 'Påminnelse: den här begäran har väntat på godkännande sedan den {{date}}.',
    noApprovers:
      'Ingen godkännare kan nås än, så begäran för {{user}} väntar. En godkännare bör skriva **set approvals channel** i kanalen där godkännarna arbetar, eller chatta med mig en gång.',
    waitingForYou_one: '{{count}} begäran om avblockering väntar på ditt godkännande:',
    waitingForYou_other: '{{count}} begäranden om avblockering väntar på ditt godkännande:',
    channelSet: 'Den här kanalen tar nu emot begäranden om avblockering för godkännande.',
    channelLanguage:
      'Korten här är på svenska. Skriv **set approvals channel** följt av en, da, sl eller nl för att använda ett annat språk.',
    channelSetRefused: 'Bara medlemmar i godkännargruppen kan välja kanal för godkännanden.',
    channelOnly: 'Skriv **set approvals channel** i den Teams-kanal där godkännarna ska se begärandena.',
    notFound: 'Den här begäran finns inte längre.',
  },
  agentNote: {
    approved:
      '{{approver}} har godkänt avblockeringen av {{user}}. Jag tar nu bort användaren från sidan Begränsade entiteter.',
    rejected: '{{approver}} har avvisat avblockeringen av {{user}}. Användaren förblir blockerad.',
    rejectedComment: 'Kommentar: {{comment}}',
    unblocked:
      '{{user}} har tagits bort från sidan Begränsade entiteter. Det går oftast att skicka igen inom en timme, och senast inom 24 timmar. Jag meddelar dig här när det fungerar.',
    resumed: '{{user}} kan skicka e-post igen.',
    resumedAdvice:
      'Om kontot var komprometterat och något återstår blockeras det igen: slutför kontrollerna.',
    expired:
      'Ingen godkände avblockeringen av {{user}} inom {{hours}} timmar, så inget avblockerades. Skriv **avblockera** och användarnamnet för att begära avblockering igen.',
    failedUnblockLimit:
      'Microsoft avböjde att avblockera {{user}}: gränsen för hur ofta kontot kan avblockeras har nåtts. Kontakta Microsoft Support för att avblockera användaren.',
    failedPermissions:
      'Boten har inte behörighet att avblockera användare i er klientorganisation. Be er Microsoft 365-administratör att ge appen Exchange-behörigheterna i docs/setup.md (avsnitt 4) och köra npm run doctor, och begär sedan avblockering igen.',
    failedUserNotFound: '{{user}} finns inte längre i katalogen, så inget avblockerades.',
    failedResumeTimeout:
      '{{user}} har avblockerats, men efter {{hours}} timmar kan jag fortfarande inte bekräfta att användaren kan skicka. Kontrollera sidan Begränsade entiteter i Microsoft Defender-portalen och meddelandespårningen: om användaren finns där igen är kontot troligen fortfarande komprometterat.',
    failedOther:
      'Avblockeringen av {{user}} misslyckades. Inget mer händer automatiskt. Begär avblockering igen eller avblockera användaren i Microsoft Defender-portalen.',
    failedRetriesExhausted:
      'Exchange Online slutförde inte avblockeringen av {{user}}: tjänsten var otillgänglig eller begränsade anropen längre än jag fortsätter att försöka. Inget mer händer automatiskt. En godkännare kan försöka igen från godkännandekortet, eller så kan du avblockera användaren i Microsoft Defender-portalen.',
    fallbackIntro: 'Jag kunde inte nå {{requester}} i chatten, så jag meddelar dig här:',
  },
  status: {
    title: 'Dina begäranden om avblockering',
    none: 'Du har inga begäranden ännu. Skriv **avblockera** och ett användarnamn för att starta en.',
  },
  state: {
    open: 'pågående',
    pending_approval: 'skickad för godkännande',
    approved: 'godkänd',
    unblocking: 'under avblockering',
    waiting_resume: 'avblockerad, sändning ännu inte återupptagen',
    resumed: 'sändning återupptagen',
    rejected: 'avvisad',
    cancelled: 'avbruten',
    failed: 'misslyckad',
    expired: 'utgången',
    'resolved-by-itself': 'löst av sig själv',
  },
  cancelled: {
    title: 'Avbrutet',
    text: 'Genomgången för {{user}} har avbrutits. Inget har avblockerats.',
    textNoUser: 'Avbrutet. Inget har avblockerats.',
    again: 'Skriv **avblockera** och ett användarnamn för att börja igen.',
  },
  ended: {
    notRestricted: 'Genomgången är avslutad: {{user}} är inte begränsad.',
  },
  localMode: {
    title: 'Välkommen till den simulerade contoso.com-klientorganisationen',
    enrolled:
      'Den här boten körs i lokalt läge och den simulerade katalogen kände inte till dig, så jag har lagt till dig som helpdeskagent: {{name}}, {{upn}}. Du kan starta begäranden om avblockering direkt.',
    approver:
      'Det är godkännarna som godkänner: för att godkänna en begäran kör du **npm run playground -- --as approver** och agerar som Patti Fernandez.',
  },
  errors: {
    notHelpdesk:
      'Endast medlemmar i supportgruppen kan starta begäranden om avblockering. Be din Microsoft 365-administratör att lägga till dig.',
    title: 'Något gick fel',
    stepDone: 'Det här steget är klart',
    stepDoneText:
      'Det här kortet hör till ett tidigare steg. Använd det senaste kortet eller skriv **börja om**.',
    noRunbook: 'Ingen genomgång pågår. Skriv **avblockera** och ett användarnamn för att starta en.',
    useButtons: 'Svara med knapparna på det senaste kortet eller skriv **börja om** eller **avbryt**.',
    unknownAction: 'Jag förstod inte den knappen. Skriv **börja om** för att börja från början.',
    tenantUnavailable: 'Microsoft 365 svarade inte i tid. Vänta en minut och försök igen.',
    tenantForbidden:
      'Boten har inte behörighet att göra detta i er klientorganisation. Be er Microsoft 365-administratör att kontrollera dess behörigheter (se docs/setup.md) och försök sedan igen.',
    userGone: 'Användaren finns inte längre i katalogen. Skriv **börja om**.',
    passwordRejected:
      'Microsoft 365 godtog inte det nya lösenordet. Försök igen. Om det fortsätter att misslyckas kan du återställa det i administrationscentret.',
    unexpected: 'Något oväntat hände och ingenting ändrades. Försök igen eller skriv **börja om**.',
    otherTenant:
      'Den här boten betjänar bara sin egen organisation. Din organisations Microsoft 365-klientorganisation får inte använda den. Be din egen IT-avdelning om hjälp.',
    slowDown: 'Du går för fort fram. Vänta en minut och försök sedan igen.',
  },
  ...proactiveSv,
};
