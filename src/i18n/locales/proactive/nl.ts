// Dutch texts of the cases the bot starts by itself (see en.ts).
export const proactiveNl = {
  detection: {
    header: 'Beperkt in het verzenden van e-mail',
    title: '{{user}} is beperkt in het verzenden van e-mail',
    intro:
      'Microsoft heeft {{user}} op de lijst Beperkte gebruikers gezet. Niemand heeft nog om hulp gevraagd: ik heb de zaak geopend zodat de helpdesk kan beginnen voordat de gebruiker belt.',
    alert:
      'Microsoft heeft de waarschuwing "User restricted from sending email" gegeven: [open deze in Microsoft Defender]({{url}}).',
    alertNoLink:
      'Microsoft heeft voor dit account de waarschuwing "User restricted from sending email" gegeven.',
    startRunbook: 'Stappenplan starten',
    startHint: '**Stappenplan starten** gaat verder in je eigen chat met mij, en de zaak wordt de jouwe.',
    requester: 'Automatische detectie',
    claimedBy: 'Overgenomen door {{agent}}, {{date}}.',
    resolved:
      '{{user}} is vanzelf van de lijst Beperkte gebruikers verdwenen voordat iemand iets deed. Er is niets te doen.',
    continuedInChat: 'Het stappenplan voor {{user}} gaat verder in je chat met mij.',
    openChatFirst:
      'Ik kan je nog niet schrijven in een eigen chat. Open een chat met mij en typ **deblokkeer {{upn}}**: de zaak gaat daar verder.',
    alreadyTaken: '{{agent}} behandelt {{user}} al.',
    finishCurrent:
      'Er loopt al een stappenplan in deze chat. Maak het af of typ **annuleren**, en kies daarna opnieuw Stappenplan starten.',
    notOpen: 'Deze zaak is {{state}}: er is niets te starten.',
  },
  helpdeskChannel: {
    set: 'Dit kanaal ontvangt nu de zaken die ik open wanneer een account wordt beperkt in het verzenden van e-mail.',
    language:
      'De kaarten hier zijn in het Engels. Typ **set helpdesk channel** gevolgd door da, sv, sl of nl voor een andere taal.',
    channelOnly: 'Typ **set helpdesk channel** in het Teams-kanaal waar de helpdesk werkt.',
    refused: 'Alleen leden van de helpdeskgroep kunnen het helpdeskkanaal kiezen.',
  },
};
