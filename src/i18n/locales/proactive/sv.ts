// Swedish texts of the cases the bot starts by itself (see en.ts).
export const proactiveSv = {
  detection: {
    header: 'Begränsad från att skicka e-post',
    title: '{{user}} har begränsats från att skicka e-post',
    intro:
      'Microsoft har lagt till {{user}} i listan Begränsade användare. Ingen har bett om hjälp än: jag har öppnat ärendet så att supporten kan börja innan användaren ringer.',
    alert:
      'Microsoft utlöste aviseringen "User restricted from sending email": [öppna den i Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft utlöste aviseringen "User restricted from sending email" för det här kontot.',
    startRunbook: 'Starta instruktionerna',
    startHint: '**Starta instruktionerna** fortsätter i din egen chatt med mig, och ärendet blir ditt.',
    requester: 'Automatisk identifiering',
    claimedBy: 'Övertaget av {{agent}}, {{date}}.',
    resolved:
      '{{user}} försvann själv från listan Begränsade användare innan någon gjorde något. Inget att göra.',
    continuedInChat: 'Instruktionerna för {{user}} fortsätter i din chatt med mig.',
    openChatFirst:
      'Jag kan inte skriva till dig i en egen chatt än. Öppna en chatt med mig och skriv **avblockera {{upn}}**: ärendet fortsätter där.',
    alreadyTaken: '{{agent}} hanterar redan {{user}}.',
    finishCurrent:
      'Du har instruktioner på gång i den här chatten. Slutför dem eller skriv **avbryt**, och välj sedan Starta instruktionerna igen.',
    notOpen: 'Det här ärendet är {{state}}: det finns inget att starta.',
  },
  helpdeskChannel: {
    set: 'Den här kanalen tar nu emot de ärenden jag öppnar när ett konto begränsas från att skicka e-post.',
    language:
      'Korten här är på engelska. Skriv **set helpdesk channel** följt av da, sv, sl eller nl för att använda ett annat språk.',
    channelOnly: 'Skriv **set helpdesk channel** i den Teams-kanal där supporten arbetar.',
    refused: 'Endast medlemmar i supportgruppen kan välja supportkanalen.',
  },
};
