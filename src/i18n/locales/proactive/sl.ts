// Slovenian texts of the cases the bot starts by itself (see en.ts).
import { sameForEveryCount } from '../sameForEveryCount.js';

export const proactiveSl = {
  detection: {
    header: 'Omejeno pošiljanje e-pošte',
    title: '{{user}} ima omejeno pošiljanje e-pošte',
    intro:
      'Microsoft je uporabnika {{user}} dodal na stran Omejene entitete. Nihče še ni prosil za pomoč: primer sem odprl, da lahko služba za pomoč začne, preden uporabnik pokliče.',
    alert:
      'Microsoft je sprožil opozorilo »User restricted from sending email«: [odprite ga v storitvi Microsoft Defender]({{url}}).',
    alertNoLink: 'Microsoft je za ta račun sprožil opozorilo »User restricted from sending email«.',
    startRunbook: 'Začni postopek',
    startHint: '**Začni postopek** se nadaljuje v vašem lastnem klepetu z mano in primer postane vaš.',
    requester: 'Samodejno zaznavanje',
    claimedBy: 'Prevzel: {{agent}}, {{date}}.',
    resolved:
      '{{user}} je s strani Omejene entitete izginil sam, preden je kdo ukrepal. Ni treba storiti ničesar.',
    continuedInChat: 'Postopek za {{user}} se nadaljuje v vašem klepetu z mano.',
    openChatFirst:
      'V vašem lastnem klepetu vam še ne morem pisati. Odprite klepet z mano in vnesite **deblokiraj {{upn}}**: primer se bo nadaljeval tam.',
    alreadyTaken: '{{agent}} že obravnava uporabnika {{user}}.',
    finishCurrent:
      'V tem klepetu že poteka postopek. Dokončajte ga ali vnesite **prekliči**, nato znova izberite Začni postopek.',
    notOpen: 'Ničesar ni treba začeti: primer je že napredoval (stanje: {{state}}).',
  },
  evidence: {
    riskFact: 'Tveganje prijave',
    riskNone: 'Nobenega v zadnjih 7 dneh',
    ...sameForEveryCount('riskValue', '{{level}}, zaznav tveganja v zadnjih 7 dneh: {{count}}'),
    consentsFact: 'Soglasja za aplikacije (7 dni)',
    consentsNone: 'Nobeno',
    unreadable: 'Ni bilo mogoče prebrati',
    title: 'Pred odobritvijo',
    intro:
      'Odpravite vsako sumljivo ugotovitev ali jo opustite z utemeljitvijo. Odobri deluje, ko ne ostane nobena.',
    allResolved: 'Vse sumljive ugotovitve so odpravljene ali opuščene.',
    forwarding: 'Posredovanje nabiralnika na {{address}}',
    ruleForwards: 'Pravilo mape »Prejeto« »{{name}}« posreduje pošto na {{addresses}}',
    ruleDeletes: 'Pravilo mape »Prejeto« »{{name}}« briše pošto',
    ruleForwardsDeletes: 'Pravilo mape »Prejeto« »{{name}}« posreduje pošto na {{addresses}} in jo izbriše',
    ...sameForEveryCount(
      'signInRisk',
      'Identity Protection: tveganje {{level}}, zaznav tveganja v zadnjih 7 dneh: {{count}}',
    ),
    appConsents: 'Aplikacije, ki jim je uporabnik v zadnjih 7 dneh dal soglasje: {{apps}}',
    riskUnreadable:
      'Tveganja prijave ni bilo mogoče prebrati (dovoljenja za Identity Protection, glejte docs/setup.md).',
    consentsUnreadable:
      'Soglasij za aplikacije ni bilo mogoče prebrati (AuditLog.Read.All, glejte docs/setup.md).',
    fixed: 'odpravil: {{name}}, {{date}}',
    waived: 'opustil: {{name}}: {{reason}}',
    removeForwarding: 'Odstrani posredovanje',
    disableRule: 'Onemogoči pravilo',
    revokeSessions: 'Prekliči seje',
    waive: 'Opusti',
    confirmRemoveForwarding: 'Želite odstraniti posredovanje nabiralnika uporabnika {{user}} na {{address}}?',
    confirmDisableRule: 'Želite onemogočiti pravilo »{{name}}« v nabiralniku uporabnika {{user}}?',
    confirmRevokeSessions:
      'Želite preklicati vse seje prijave uporabnika {{user}}? Vse naprave se morajo znova prijaviti.',
    confirmYes: 'Da, naredi to',
    back: 'Nazaj',
    waiveQuestion: 'Zakaj je ta ugotovitev sprejemljiva? Vaša utemeljitev se shrani z vašim imenom.',
    waiveLabel: 'Utemeljitev',
    waivePlaceholder: 'Na primer: naslov za posredovanje je uporabnikov lastni arhiv',
    confirmWaive: 'Opusti',
    fixFailed:
      'Microsoft 365 ni sprejel popravka. Poskusite znova ali ga odpravite v skrbniškem središču in ga tukaj opustite z opombo o tem.',
    reasonRequired: 'Za opustitev ugotovitve navedite utemeljitev z vsaj 3 znaki.',
    unresolved: 'Odobri deluje, ko so vse sumljive ugotovitve odpravljene ali opuščene.',
    alreadyResolved: 'Ta ugotovitev je že obravnavana.',
    levelLow: 'nizko',
    levelMedium: 'srednje',
    levelHigh: 'visoko',
    levelOther: 'neznano',
  },
  repeat: {
    banner:
      'Verjetno še vedno ogrožen: uporabnik {{user}} je bil deblokiran {{date}} in je znova omejen v {{days}} dneh.',
    history: 'Deblokiran {{date}}, odobril: {{approver}}. Takrat najdeno: {{findings}}.',
    nobody: 'neznano',
    foundNothing: 'nič sumljivega',
    kindForwarding: 'posredovanje nabiralnika',
    kindRule: 'pravilo mape »Prejeto«',
    kindRisk: 'tveganje prijave',
    kindConsents: 'soglasja za aplikacije',
    resolutionFixed: 'odpravljeno',
    resolutionWaived: 'opuščeno',
    needsSecurity: 'To deblokiranje lahko odobri samo član skupine varnostnih odobriteljev.',
    needsOther:
      'Za odobritev je potreben drug odobritelj kot {{approver}}, ki je odobril prejšnje deblokiranje, in spodnja potrditev.',
    acknowledge:
      'Račun sem znova preveril: kmalu po deblokiranju je bil znova omejen, njegove ugotovitve pa so obravnavane.',
    ...sameForEveryCount(
      'cap',
      'Število deblokiranj v zadnjih 24 urah: {{count}}. Bot dovoli {{max}} deblokiranj na račun na dan; nad Microsoftovo lastno omejitvijo lahko deblokira samo podpora Microsoft.',
    ),
    refusedSecurity:
      'Ta račun je bil znova omejen kmalu po deblokiranju: odobri ga lahko samo član skupine varnostnih odobriteljev. Vaš klik je zabeležen.',
    refusedPrevious:
      'Prejšnje deblokiranje tega računa ste odobrili vi, zato mora tega odobriti drug odobritelj.',
    refusedAcknowledge:
      'Najprej označite potrditev na kartici: ta račun je bil znova omejen kmalu po deblokiranju.',
  },
  wave: {
    incidentHeader: 'Val lažnega predstavljanja',
    ...sameForEveryCount('incidentTitle', 'Računi z omejenim pošiljanjem e-pošte od {{date}}: {{count}}'),
    incidentIntro:
      'Naenkrat je bilo omejenih več računov kot običajno, kar navadno pomeni val lažnega predstavljanja. Namesto kartice za vsakega ta incident navede vse: vsak račun sem preveril in odobritelje prosil za skupno odobritev čistih.',
    passwordsNote:
      'Skupna odobritev deblokira brez ponastavitve gesla iz postopka: ponastavite ta gesla v skrbniškem središču za Microsoft 365 ali vnesite **deblokiraj** in uporabniško ime, da račun prevzamete.',
    more: '… in še {{count}}.',
    statusChecking: 'v preverjanju',
    statusClean: 'čist, čaka na skupno odobritev',
    statusFlagged: 'izločen iz skupne odobritve: {{why}}',
    statusTaken: 'prevzel: {{agent}}',
    statusApproved: 'odobren, deblokiranje v čakalni vrsti',
    statusUnblocked: 'deblokiran, čaka na ponovno pošiljanje',
    statusResumed: 'znova pošilja',
    statusEnded: 'končano (stanje: {{state}})',
    whyFindings: 'ugotovitve ({{findings}}), na lastni kartici za odobritev',
    whyRepeat: 'verjetno še vedno ogrožen, na lastni kartici za odobritev',
    whyCap: 'dosežena dnevna omejitev deblokiranj',
    line: '{{user}}: {{status}}',
    countChecking: 'V preverjanju',
    countClean: 'Čisti, čakajo',
    countFlagged: 'Izločeni iz skupne odobritve',
    countTaken: 'Prevzeti',
    countApproved: 'Odobreni',
    countUnblocked: 'Deblokirani',
    countResumed: 'Znova pošiljajo',
    countEnded: 'Končani drugače',
    batchHeader: 'Skupna odobritev',
    batchTitle: 'Želite deblokirati čiste račune vala lažnega predstavljanja?',
    batchIntro:
      'Preverjanje na spodnjih računih ni našlo nič sumljivega. Računi z ugotovitvami, ponavljalci in računi na dnevni omejitvi so izločeni: o vsakem se odloči na njegovi lastni kartici za odobritev.',
    batchPacing:
      'Odobreni računi se deblokirajo po eden, največ {{perMinute}} na minuto, da Exchange Online ne omeji klicev.',
    approveAll: 'Odobri vse čiste ({{count}})',
    approveOne: 'Odobri',
    noneClean: 'Noben čist račun ne čaka na odobritev.',
    ...sameForEveryCount('approving', 'Odobravam račune ({{count}}): vsak se deblokira po vrsti.'),
    ...sameForEveryCount('summaryTitle', 'Val lažnega predstavljanja je končan: računi: {{count}}'),
    summaryText: 'Vsi računi vala lažnega predstavljanja, ki se je začel {{date}}, imajo izid.',
  },
  helpdeskChannel: {
    set: 'Ta kanal zdaj prejema primere, ki jih odprem, ko je računu omejeno pošiljanje e-pošte.',
    language:
      'Kartice so tukaj v angleščini. Za drug jezik vnesite **set helpdesk channel** in nato da, sv, sl ali nl.',
    channelOnly: 'Vnesite **set helpdesk channel** v kanalu Teams, v katerem dela služba za pomoč.',
    refused: 'Kanal službe za pomoč lahko izberejo samo člani skupine službe za pomoč.',
  },
};
