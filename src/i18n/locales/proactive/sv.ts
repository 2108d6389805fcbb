// Swedish texts of the cases the bot starts by itself (see en.ts).
export const proactiveSv = {
  detection: {
    header: 'Begränsad från att skicka e-post',
    title: '{{user}} har begränsats från att skicka e-post',
    intro:
      'Microsoft har lagt till {{user}} på sidan Begränsade entiteter. Ingen har bett om hjälp än: jag har öppnat ärendet så att supporten kan börja innan användaren ringer.',
    alert:
      'Microsoft utlöste aviseringen "User restricted from sending email": [öppna den i Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft utlöste aviseringen "User restricted from sending email" för det här kontot.',
    startRunbook: 'Starta instruktionerna',
    startHint: '**Starta instruktionerna** fortsätter i din egen chatt med mig, och ärendet blir ditt.',
    requester: 'Automatisk identifiering',
    claimedBy: 'Övertaget av {{agent}}, {{date}}.',
    resolved:
      '{{user}} försvann själv från sidan Begränsade entiteter innan någon gjorde något. Inget att göra.',
    continuedInChat: 'Instruktionerna för {{user}} fortsätter i din chatt med mig.',
    openChatFirst:
      'Jag kan inte skriva till dig i en egen chatt än. Öppna en chatt med mig och skriv **avblockera {{upn}}**: ärendet fortsätter där.',
    alreadyTaken: '{{agent}} hanterar redan {{user}}.',
    finishCurrent:
      'Du har instruktioner på gång i den här chatten. Slutför dem eller skriv **avbryt**, och välj sedan Starta instruktionerna igen.',
    notOpen: 'Det finns inget att starta: ärendet har redan gått vidare (status: {{state}}).',
  },
  evidence: {
    riskFact: 'Inloggningsrisk',
    riskNone: 'Ingen de senaste 7 dagarna',
    riskValue_one: '{{level}}, {{count}} riskidentifiering de senaste 7 dagarna',
    riskValue_other: '{{level}}, {{count}} riskidentifieringar de senaste 7 dagarna',
    consentsFact: 'Medgivanden till appar (7 dagar)',
    consentsNone: 'Inga',
    unreadable: 'Kunde inte läsas',
    title: 'Innan du godkänner',
    intro:
      'Åtgärda varje misstänkt fynd eller undanta det med en motivering. Godkänn fungerar när inget finns kvar.',
    allResolved: 'Alla misstänkta fynd är åtgärdade eller undantagna.',
    forwarding: 'Vidarebefordran av postlådan till {{address}}',
    ruleForwards: 'Inkorgsregeln "{{name}}" vidarebefordrar e-post till {{addresses}}',
    ruleDeletes: 'Inkorgsregeln "{{name}}" tar bort e-post',
    ruleForwardsDeletes:
      'Inkorgsregeln "{{name}}" vidarebefordrar e-post till {{addresses}} och tar bort den',
    signInRisk_one: 'Identity Protection: {{level}} risk, {{count}} riskidentifiering de senaste 7 dagarna',
    signInRisk_other:
      'Identity Protection: {{level}} risk, {{count}} riskidentifieringar de senaste 7 dagarna',
    appConsents: 'Appar som användaren har gett medgivande till de senaste 7 dagarna: {{apps}}',
    riskUnreadable:
      'Inloggningsrisken kunde inte läsas (behörigheter för Identity Protection, se docs/setup.md).',
    consentsUnreadable: 'Medgivanden till appar kunde inte läsas (AuditLog.Read.All, se docs/setup.md).',
    fixed: 'åtgärdat av {{name}}, {{date}}',
    waived: 'undantaget av {{name}}: {{reason}}',
    removeForwarding: 'Ta bort vidarebefordran',
    disableRule: 'Inaktivera regeln',
    revokeSessions: 'Återkalla sessioner',
    waive: 'Undanta',
    confirmRemoveForwarding: 'Ta bort vidarebefordran av postlådan för {{user}} till {{address}}?',
    confirmDisableRule: 'Inaktivera inkorgsregeln "{{name}}" i postlådan för {{user}}?',
    confirmRevokeSessions:
      'Återkalla alla inloggningssessioner för {{user}}? Alla enheter måste logga in igen.',
    confirmYes: 'Ja, gör det',
    back: 'Tillbaka',
    waiveQuestion: 'Varför är det här fyndet godtagbart? Din motivering sparas med ditt namn.',
    waiveLabel: 'Motivering',
    waivePlaceholder: 'Till exempel: vidarebefordringsadressen är användarens eget arkiv',
    confirmWaive: 'Undanta det',
    fixFailed:
      'Microsoft 365 godtog inte åtgärden. Försök igen, eller åtgärda det i administrationscentret och undanta det här med en kommentar om det.',
    reasonRequired: 'Ange en motivering på minst 3 tecken för att undanta ett fynd.',
    unresolved: 'Godkänn fungerar när alla misstänkta fynd är åtgärdade eller undantagna.',
    alreadyResolved: 'Det här fyndet är redan hanterat.',
    levelLow: 'låg',
    levelMedium: 'medelhög',
    levelHigh: 'hög',
    levelOther: 'okänd',
  },
  repeat: {
    banner:
      'Troligen fortfarande komprometterat: {{user}} avblockerades {{date}} och är begränsad igen inom {{days}} dagar.',
    history: 'Avblockerad {{date}}, godkänd av {{approver}}. Hittades då: {{findings}}.',
    nobody: 'okänd',
    foundNothing: 'inget misstänkt',
    kindForwarding: 'vidarebefordran av postlådan',
    kindRule: 'inkorgsregel',
    kindRisk: 'inloggningsrisk',
    kindConsents: 'medgivanden till appar',
    resolutionFixed: 'åtgärdat',
    resolutionWaived: 'undantaget',
    needsSecurity: 'Endast en medlem i gruppen säkerhetsgodkännare kan godkänna avblockeringen.',
    needsOther:
      'Godkänn kräver en annan godkännare än {{approver}}, som godkände den förra avblockeringen, och bekräftelsen nedan.',
    acknowledge:
      'Jag har kontrollerat kontot igen: det begränsades igen strax efter en avblockering, och dess fynd är hanterade.',
    cap_one:
      'Avblockerad {{count}} gång de senaste 24 timmarna. Boten tillåter {{max}} avblockeringar per konto och dag; efter Microsofts egen gräns kan bara Microsoft Support avblockera.',
    cap_other:
      'Avblockerad {{count}} gånger de senaste 24 timmarna. Boten tillåter {{max}} avblockeringar per konto och dag; efter Microsofts egen gräns kan bara Microsoft Support avblockera.',
    refusedSecurity:
      'Det här kontot begränsades igen strax efter en avblockering: endast en medlem i gruppen säkerhetsgodkännare kan godkänna det. Ditt klick har registrerats.',
    refusedPrevious:
      'Du godkände den förra avblockeringen av det här kontot, så en annan godkännare måste godkänna den här.',
    refusedAcknowledge:
      'Markera först bekräftelsen på kortet: det här kontot begränsades igen strax efter en avblockering.',
  },
  wave: {
    incidentHeader: 'Nätfiskevåg',
    incidentTitle_one: '{{count}} konto begränsat från att skicka e-post sedan {{date}}',
    incidentTitle_other: '{{count}} konton begränsade från att skicka e-post sedan {{date}}',
    incidentIntro:
      'Fler konton än vanligt begränsades på en gång, vilket oftast betyder en nätfiskevåg. I stället för ett kort per konto visar den här incidenten alla: jag har kontrollerat varje konto och bett godkännarna om ett samlat godkännande av de rena.',
    passwordsNote:
      'Ett samlat godkännande avblockerar utan instruktionernas lösenordsåterställning: återställ lösenorden i administrationscentret för Microsoft 365, eller skriv **avblockera** och ett användarnamn för att ta över ett konto.',
    more: '… och {{count}} till.',
    statusChecking: 'kontrolleras',
    statusClean: 'rent, väntar på det samlade godkännandet',
    statusFlagged: 'utanför det samlade godkännandet: {{why}}',
    statusTaken: 'övertaget av {{agent}}',
    statusApproved: 'godkänt, avblockering i kö',
    statusUnblocked: 'avblockerat, väntar på att sändningen återupptas',
    statusResumed: 'skickar igen',
    statusEnded: 'avslutat (status: {{state}})',
    whyFindings: 'fynd ({{findings}}), på sitt eget godkännandekort',
    whyRepeat: 'troligen fortfarande komprometterat, på sitt eget godkännandekort',
    whyCap: 'den dagliga gränsen för avblockeringar är nådd',
    line: '{{user}}: {{status}}',
    countChecking: 'Kontrolleras',
    countClean: 'Rena, väntar',
    countFlagged: 'Utanför det samlade godkännandet',
    countTaken: 'Övertagna',
    countApproved: 'Godkända',
    countUnblocked: 'Avblockerade',
    countResumed: 'Skickar igen',
    countEnded: 'Avslutade på annat sätt',
    batchHeader: 'Samlat godkännande',
    batchTitle: 'Avblockera de rena kontona i en nätfiskevåg?',
    batchIntro:
      'Kontrollen hittade inget misstänkt på kontona nedan. Konton med fynd, återfallskonton och konton vid den dagliga gränsen är utelämnade: vart och ett avgörs på sitt eget godkännandekort.',
    batchPacing:
      'Godkända konton avblockeras ett i taget, högst {{perMinute}} per minut, så att Exchange Online inte begränsar anropen.',
    approveAll: 'Godkänn alla rena ({{count}})',
    approveOne: 'Godkänn',
    noneClean: 'Inget rent konto väntar på godkännande.',
    approving_one: 'Godkänner {{count}} konto: det avblockeras härnäst.',
    approving_other: 'Godkänner {{count}} konton: vart och ett avblockeras i tur och ordning.',
    summaryTitle_one: 'Nätfiskevågen är klar: {{count}} konto',
    summaryTitle_other: 'Nätfiskevågen är klar: {{count}} konton',
    summaryText: 'Alla konton i nätfiskevågen som började {{date}} har ett utfall.',
  },
  helpdeskChannel: {
    set: 'Den här kanalen tar nu emot de ärenden jag öppnar när ett konto begränsas från att skicka e-post.',
    language:
      'Korten här är på engelska. Skriv **set helpdesk channel** följt av da, sv, sl eller nl för att använda ett annat språk.',
    channelOnly: 'Skriv **set helpdesk channel** i den Teams-kanal där supporten arbetar.',
    refused: 'Endast medlemmar i supportgruppen kan välja supportkanalen.',
  },
};
