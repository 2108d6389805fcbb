// Dutch texts of the cases the bot starts by itself (see en.ts).
export const proactiveNl = {
  detection: {
    header: 'Beperkt in het verzenden van e-mail',
    title: '{{user}} is beperkt in het verzenden van e-mail',
    intro:
      'Microsoft heeft {{user}} op de pagina Beperkte entiteiten gezet. Niemand heeft nog om hulp gevraagd: ik heb de zaak geopend zodat de helpdesk kan beginnen voordat de gebruiker belt.',
    alert:
      'Microsoft heeft de waarschuwing "User restricted from sending email" gegeven: [open deze in Microsoft Defender]({{url}}).',
    alertNoLink:
      'Microsoft heeft voor dit account de waarschuwing "User restricted from sending email" gegeven.',
    startRunbook: 'Stappenplan starten',
    startHint: '**Stappenplan starten** gaat verder in je eigen chat met mij, en de zaak wordt de jouwe.',
    requester: 'Automatische detectie',
    claimedBy: 'Overgenomen door {{agent}}, {{date}}.',
    resolved:
      '{{user}} is vanzelf van de pagina Beperkte entiteiten verdwenen voordat iemand iets deed. Er is niets te doen.',
    continuedInChat: 'Het stappenplan voor {{user}} gaat verder in je chat met mij.',
    openChatFirst:
      'Ik kan je nog niet schrijven in een eigen chat. Open een chat met mij en typ **deblokkeer {{upn}}**: de zaak gaat daar verder.',
    alreadyTaken: '{{agent}} behandelt {{user}} al.',
    finishCurrent:
      'Er loopt al een stappenplan in deze chat. Maak het af of typ **annuleren**, en kies daarna opnieuw Stappenplan starten.',
    notOpen: 'Er is niets te starten: deze zaak is al verder (status: {{state}}).',
  },
  evidence: {
    riskFact: 'Aanmeldingsrisico',
    riskNone: 'Geen in de afgelopen 7 dagen',
    riskValue_one: '{{level}}, {{count}} risicodetectie in de afgelopen 7 dagen',
    riskValue_other: '{{level}}, {{count}} risicodetecties in de afgelopen 7 dagen',
    consentsFact: 'Toestemmingen voor apps (7 dagen)',
    consentsNone: 'Geen',
    unreadable: 'Kon niet worden gelezen',
    title: 'Voor het goedkeuren',
    intro:
      'Los elke verdachte bevinding op, of sta haar toe met een reden. Goedkeuren werkt wanneer er geen meer over is.',
    allResolved: 'Alle verdachte bevindingen zijn opgelost of toegestaan.',
    forwarding: 'Doorsturen van het postvak naar {{address}}',
    ruleForwards: 'Postvak IN-regel "{{name}}" stuurt e-mail door naar {{addresses}}',
    ruleDeletes: 'Postvak IN-regel "{{name}}" verwijdert e-mail',
    ruleForwardsDeletes:
      'Postvak IN-regel "{{name}}" stuurt e-mail door naar {{addresses}} en verwijdert deze',
    signInRisk_one: 'Identity Protection: {{level}} risico, {{count}} risicodetectie in de afgelopen 7 dagen',
    signInRisk_other:
      'Identity Protection: {{level}} risico, {{count}} risicodetecties in de afgelopen 7 dagen',
    appConsents: 'Apps waarvoor de gebruiker in de afgelopen 7 dagen toestemming gaf: {{apps}}',
    riskUnreadable:
      'Het aanmeldingsrisico kon niet worden gelezen (machtigingen voor Identity Protection, zie docs/setup.md).',
    consentsUnreadable:
      'Toestemmingen voor apps konden niet worden gelezen (AuditLog.Read.All, zie docs/setup.md).',
    fixed: 'opgelost door {{name}}, {{date}}',
    waived: 'toegestaan door {{name}}: {{reason}}',
    removeForwarding: 'Doorsturen verwijderen',
    disableRule: 'Regel uitschakelen',
    revokeSessions: 'Sessies intrekken',
    waive: 'Toestaan',
    confirmRemoveForwarding: 'Het doorsturen van het postvak van {{user}} naar {{address}} verwijderen?',
    confirmDisableRule: 'De Postvak IN-regel "{{name}}" in het postvak van {{user}} uitschakelen?',
    confirmRevokeSessions:
      'Alle aanmeldingssessies van {{user}} intrekken? Elk apparaat moet zich opnieuw aanmelden.',
    confirmYes: 'Ja, doe het',
    back: 'Terug',
    waiveQuestion: 'Waarom is deze bevinding aanvaardbaar? Je reden wordt met je naam vastgelegd.',
    waiveLabel: 'Reden',
    waivePlaceholder: 'Bijvoorbeeld: het doorstuuradres is het eigen archief van de gebruiker',
    confirmWaive: 'Toestaan',
    fixFailed:
      'Microsoft 365 heeft de oplossing niet geaccepteerd. Probeer het opnieuw, of los het op in het beheercentrum en sta het hier toe met een opmerking daarover.',
    reasonRequired: 'Geef een reden van minstens 3 tekens om een bevinding toe te staan.',
    unresolved: 'Goedkeuren werkt zodra alle verdachte bevindingen zijn opgelost of toegestaan.',
    alreadyResolved: 'Deze bevinding is al afgehandeld.',
    levelLow: 'laag',
    levelMedium: 'gemiddeld',
    levelHigh: 'hoog',
    levelOther: 'onbekend',
  },
  repeat: {
    banner:
      'Waarschijnlijk nog steeds gecompromitteerd: {{user}} is op {{date}} gedeblokkeerd en is binnen {{days}} dagen opnieuw beperkt.',
    history: 'Gedeblokkeerd op {{date}}, goedgekeurd door {{approver}}. Toen gevonden: {{findings}}.',
    nobody: 'onbekend',
    foundNothing: 'niets verdachts',
    kindForwarding: 'doorsturen van het postvak',
    kindRule: 'Postvak IN-regel',
    kindRisk: 'aanmeldingsrisico',
    kindConsents: 'toestemmingen voor apps',
    resolutionFixed: 'opgelost',
    resolutionWaived: 'toegestaan',
    needsSecurity: 'Alleen een lid van de groep beveiligingsgoedkeurders kan deze deblokkering goedkeuren.',
    needsOther:
      'Goedkeuren vraagt een andere goedkeurder dan {{approver}}, die de vorige deblokkering goedkeurde, en de bevestiging hieronder.',
    acknowledge:
      'Ik heb het account opnieuw gecontroleerd: het werd kort na een deblokkering opnieuw beperkt, en de bevindingen zijn afgehandeld.',
    cap_one:
      '{{count}} keer gedeblokkeerd in de afgelopen 24 uur. De bot staat {{max}} deblokkeringen per account per dag toe; boven de eigen limiet van Microsoft kan alleen Microsoft Ondersteuning deblokkeren.',
    cap_other:
      '{{count}} keer gedeblokkeerd in de afgelopen 24 uur. De bot staat {{max}} deblokkeringen per account per dag toe; boven de eigen limiet van Microsoft kan alleen Microsoft Ondersteuning deblokkeren.',
    refusedSecurity:
      'Dit account werd kort na een deblokkering opnieuw beperkt: alleen een lid van de groep beveiligingsgoedkeurders kan het goedkeuren. Je klik is vastgelegd.',
    refusedPrevious:
      'Jij hebt de vorige deblokkering van dit account goedgekeurd, dus een andere goedkeurder moet deze goedkeuren.',
    refusedAcknowledge:
      'Vink eerst de bevestiging op de kaart aan: dit account werd kort na een deblokkering opnieuw beperkt.',
  },
  wave: {
    incidentHeader: 'Phishinggolf',
    incidentTitle_one: '{{count}} account beperkt in het verzenden van e-mail sinds {{date}}',
    incidentTitle_other: '{{count}} accounts beperkt in het verzenden van e-mail sinds {{date}}',
    incidentIntro:
      'Er werden meer accounts dan gewoonlijk tegelijk beperkt, wat meestal een phishinggolf betekent. In plaats van een kaart per account toont dit incident ze allemaal: ik heb elk account gecontroleerd en de goedkeurders om één gezamenlijke goedkeuring van de schone gevraagd.',
    passwordsNote:
      'Een gezamenlijke goedkeuring deblokkeert zonder de wachtwoordreset van het stappenplan: reset deze wachtwoorden in het Microsoft 365-beheercentrum, of typ **deblokkeer** en een gebruikersnaam om een account over te nemen.',
    more: '… en nog {{count}}.',
    statusChecking: 'wordt gecontroleerd',
    statusClean: 'schoon, wacht op de gezamenlijke goedkeuring',
    statusFlagged: 'buiten de gezamenlijke goedkeuring: {{why}}',
    statusTaken: 'overgenomen door {{agent}}',
    statusApproved: 'goedgekeurd, deblokkering in de wachtrij',
    statusUnblocked: 'gedeblokkeerd, wacht tot verzenden weer werkt',
    statusResumed: 'verzendt weer',
    statusEnded: 'beëindigd (status: {{state}})',
    whyFindings: 'bevindingen ({{findings}}), op een eigen goedkeuringskaart',
    whyRepeat: 'waarschijnlijk nog steeds gecompromitteerd, op een eigen goedkeuringskaart',
    whyCap: 'dagelijkse limiet voor deblokkeringen bereikt',
    line: '{{user}}: {{status}}',
    countChecking: 'Wordt gecontroleerd',
    countClean: 'Schoon, wacht',
    countFlagged: 'Buiten de gezamenlijke goedkeuring',
    countTaken: 'Overgenomen',
    countApproved: 'Goedgekeurd',
    countUnblocked: 'Gedeblokkeerd',
    countResumed: 'Verzendt weer',
    countEnded: 'Anders afgesloten',
    batchHeader: 'Gezamenlijke goedkeuring',
    batchTitle: 'De schone accounts van een phishinggolf deblokkeren?',
    batchIntro:
      'De controle vond niets verdachts op de accounts hieronder. Accounts met bevindingen, herhaalde gevallen en accounts op de dagelijkse limiet zijn weggelaten: over elk wordt op een eigen goedkeuringskaart beslist.',
    batchPacing:
      'Goedgekeurde accounts worden één voor één gedeblokkeerd, hoogstens {{perMinute}} per minuut, zodat Exchange Online niet gaat beperken.',
    approveAll: 'Alle schone goedkeuren ({{count}})',
    approveOne: 'Goedkeuren',
    noneClean: 'Er wacht geen schoon account op goedkeuring.',
    approving_one: '{{count}} account wordt goedgekeurd: het wordt als volgende gedeblokkeerd.',
    approving_other: '{{count}} accounts worden goedgekeurd: elk wordt op zijn beurt gedeblokkeerd.',
    summaryTitle_one: 'Phishinggolf afgerond: {{count}} account',
    summaryTitle_other: 'Phishinggolf afgerond: {{count}} accounts',
    summaryText: 'Elk account van de phishinggolf die begon op {{date}} heeft een uitkomst.',
  },
  helpdeskChannel: {
    set: 'Dit kanaal ontvangt nu de zaken die ik open wanneer een account wordt beperkt in het verzenden van e-mail.',
    language:
      'De kaarten hier zijn in het Engels. Typ **set helpdesk channel** gevolgd door da, sv, sl of nl voor een andere taal.',
    channelOnly: 'Typ **set helpdesk channel** in het Teams-kanaal waar de helpdesk werkt.',
    refused: 'Alleen leden van de helpdeskgroep kunnen het helpdeskkanaal kiezen.',
  },
};
