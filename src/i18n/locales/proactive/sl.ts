// Slovenian texts of the cases the bot starts by itself (see en.ts).
export const proactiveSl = {
  detection: {
    header: 'Omejeno pošiljanje e-pošte',
    title: '{{user}} ima omejeno pošiljanje e-pošte',
    intro:
      'Microsoft je uporabnika {{user}} dodal na seznam omejenih uporabnikov. Nihče še ni prosil za pomoč: primer sem odprl, da lahko služba za pomoč začne, preden uporabnik pokliče.',
    alert:
      'Microsoft je sprožil opozorilo »User restricted from sending email«: [odprite ga v storitvi Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft je za ta račun sprožil opozorilo »User restricted from sending email«.',
    startRunbook: 'Začni postopek',
    startHint: '**Začni postopek** se nadaljuje v vašem lastnem klepetu z mano in primer postane vaš.',
    requester: 'Samodejno zaznavanje',
    claimedBy: 'Prevzel: {{agent}}, {{date}}.',
    resolved:
      '{{user}} je s seznama omejenih uporabnikov izginil sam, preden je kdo ukrepal. Ni treba storiti ničesar.',
    continuedInChat: 'Postopek za {{user}} se nadaljuje v vašem klepetu z mano.',
    openChatFirst:
      'V vašem lastnem klepetu vam še ne morem pisati. Odprite klepet z mano in vnesite **deblokiraj {{upn}}**: primer se bo nadaljeval tam.',
    alreadyTaken: '{{agent}} že obravnava uporabnika {{user}}.',
    finishCurrent:
      'V tem klepetu že poteka postopek. Dokončajte ga ali vnesite **prekliči**, nato znova izberite Začni postopek.',
    notOpen: 'Ta primer je {{state}}: ničesar ni treba začeti.',
  },
  helpdeskChannel: {
    set: 'Ta kanal zdaj prejema primere, ki jih odprem, ko je računu omejeno pošiljanje e-pošte.',
    language:
      'Kartice so tukaj v angleščini. Za drug jezik vnesite **set helpdesk channel** in nato da, sv, sl ali nl.',
    channelOnly: 'Vnesite **set helpdesk channel** v kanalu Teams, v katerem dela služba za pomoč.',
    refused: 'Kanal službe za pomoč lahko izberejo samo člani skupine službe za pomoč.',
  },
};
