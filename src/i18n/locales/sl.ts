// Slovenian. Product terms follow Microsoft's Slovenian "Deblokiraj e-pošto" article (Deblokiraj, Da), with
// its machine-translation slips corrected, the Defender portal's current page name (Omejene entitete) and
// Microsoft's vpis/izpis for sign-in/sign-out. Plurals need _one, _two, _few and _other;
// wording avoids gendered past participles where the person's gender is unknown.

import type { Catalogue } from '../index.js';
import { proactiveSl } from './proactive/sl.js';
import { sameForEveryCount } from './sameForEveryCount.js';

export const sl: Catalogue = {
  app: {
    name: 'Deblokiraj e-pošto',
    stepOf: 'Korak {{number}} od {{count}}',
  },
  common: {
    cancel: 'Prekliči',
    continue: 'Nadaljuj',
    yes: 'Da',
    no: 'Ne',
    startOver: 'Začni znova',
    tryAgain: 'Poskusi znova',
    /** A value Microsoft 365 sent in a form the bot cannot read. */
    unknown: 'neznano',
  },
  help: {
    title: 'Deblokiraj e-pošto: kako vam lahko pomagam',
    intro:
      'Ko uporabnik zaradi odhodne neželene pošte ne sme pošiljati e-pošte, vas korak za korakom vodim skozi Microsoftov postopek »Deblokiraj e-pošto«: ponastavitev gesla, preverjanje strani Omejene entitete, preverjanje, ali je račun ogrožen, in zahtevo za deblokiranje.',
    howToStart:
      'Za začetek mi povejte, za koga gre, na primer **deblokiraj rob** ali **rob@contoso.com je blokiran**. Za rob@contoso.com je dovolj, da vnesete **rob**.',
    commands: 'Kadar koli lahko vnesete **pomoč** ali **začni znova**. Za prekinitev vnesite **prekliči**.',
  },
  who: {
    title: 'Kdo je blokiran za pošiljanje e-pošte?',
    text: 'Vnesite uporabniško ime ali e-poštni naslov. Za rob@contoso.com je dovolj **rob**.',
    placeholder: 'rob ali rob@contoso.com',
    search: 'Poišči uporabnika',
    noMatch: 'Iskanje »{{query}}« ni našlo nobenega uporabnika. Preverite črkovanje in poskusite znova.',
    emptyQuery: 'Najprej vnesite uporabniško ime ali e-poštni naslov.',
    choose: 'Iskanju »{{query}}« ustreza več uporabnikov. Kateri je blokiran?',
    choosePlaceholder: 'Izberite uporabnika',
    select: 'Izberi',
    chooseFirst: 'Najprej izberite uporabnika s seznama.',
    ...sameForEveryCount(
      'dailyCap',
      'Za {{user}} je bila blokada v zadnjih 24 urah odstranjena že {{count}}-krat. Microsoft omejuje, kako pogosto je mogoče deblokirati račun, in račun, ki je tako hitro znova blokiran, je verjetno še vedno ogrožen: najprej dokončajte preverjanje ogroženosti ali se obrnite na Microsoftovo podporo.',
    ),
    activeRequest:
      'Za {{user}} že obstaja zahteva za deblokiranje (stanje: {{state}}). Ustvarjena je bila {{date}}, vložnik: {{requester}}. Druge zahteve ni mogoče začeti.',
  },
  password: {
    title: 'Takoj ponastavite geslo',
    instruction:
      'Takoj ponastavite geslo za prizadeti račun. Novega gesla ne pošiljajte uporabniku po e-pošti: tako ga nihče, ki ima dostop do nabiralnika, ne more prebrati in pošiljati nove neželene pošte.',
    question: 'Ali je bilo geslo za {{user}} ponastavljeno, odkar je bil račun blokiran?',
    alreadyReset: 'Da, že ponastavljeno',
    resetNow: 'Ne, ponastavi zdaj',
    temporaryTitle: 'Začasno geslo za {{user}}',
    temporaryOnce: 'Prikazano je samo enkrat in samo vam. Nikjer ni shranjeno.',
    temporaryWarning:
      'Uporabniku ga sporočite po telefonu ali osebno. Nikoli ga ne pošiljajte po e-pošti: kdor nadzoruje nabiralnik, bi ga lahko prebral.',
    temporaryChange: 'Uporabnik mora ob naslednjem vpisu izbrati novo geslo.',
    noted: 'Geslo je zapisano: nadaljuj',
    onPremisesTitle: 'Spremenite geslo v lokalnem okolju',
    onPremisesText:
      '{{user}} se sinhronizira iz vašega lokalnega imenika Active Directory, zato gesla ni mogoče ponastaviti iz oblaka. Zdaj ga spremenite v lokalnem imeniku (in počakajte, da se sinhronizira), nato nadaljujte.',
    onPremisesDone: 'Geslo je spremenjeno',
    doneByAgent: 'Geslo: ponastavili ste ga pred to zahtevo.',
    doneByBot: 'Geslo: ponastavil ga je bot; začasno geslo vam je bilo prikazano enkrat.',
    doneOnPremises: 'Geslo: spremenjeno v lokalnem okolju.',
    privilegedTitle: 'Ročno ponastavite geslo',
    privilegedText:
      'Microsoft 365 mi ni dovolil ponastaviti gesla za {{user}}. To se zgodi, ko ima račun skrbniško vlogo: geslo skrbnika lahko ponastavi samo skrbnik za privilegirano preverjanje pristnosti ali globalni skrbnik, te vloge pa namenoma nimam.',
    privilegedHow:
      'Ponastavite ga zdaj v skrbniškem središču za Microsoft 365 (Uporabniki > Aktivni uporabniki > izberite uporabnika > Ponastavi geslo) in nato potrdite tukaj. Novega gesla ne pošiljajte po e-pošti.',
    privilegedElse:
      'Če me zavrne tudi pri računih brez skrbniške vloge, prosite tistega, ki upravlja tega pomočnika, naj preveri njegova dovoljenja.',
    privilegedLink: 'Odpri skrbniško središče za Microsoft 365',
    privilegedDone: 'Geslo je ponastavljeno',
    doneByHand: 'Geslo: ponastavili ste ga v skrbniškem središču.',
  },
  restriction: {
    title: 'Omejene entitete',
    onList: '{{user}} je na strani Omejene entitete.',
    since: 'Omejitev velja od',
    reason: 'Razlog',
    recipientsToday: 'Prejemniki danes',
    recipientsTodayValue: 'notranji: {{internal}}, zunanji: {{external}}',
    reasonSpam:
      'Odhodna neželena pošta: storitev je zaznala neželeno pošto iz tega računa, kar pogosto pomeni, da je račun ogrožen.',
    reasonRecipientLimit: 'Danes preveč prejemnikov (omejitev: {{limit}}).',
    limitInternal: 'notranja',
    limitExternal: 'zunanja',
    limitUnknown: 'dnevna',
    reasonUnknown: 'Omejeno s pravilnikom za odhodno neželeno pošto.',
    recipientLimitNote:
      'Blokada zaradi omejitve števila prejemnikov se običajno odpravi sama v 24 urah. Deblokiranje lahko kljub temu zahtevate spodaj.',
    blockedEverywhere:
      'Dokler velja omejitev, lahko uporabnik e-pošto prejema, ne more pa je pošiljati, niti znotraj organizacije.',
    notOnList: '{{user}} ni na strani Omejene entitete, zato ni ničesar za deblokiranje.',
    notOnListNext:
      'Če uporabnik še vedno ne more pošiljati, preberite poročilo o nedostavljivosti: na omejitev kaže samo koda 5.1.8 ("Access denied, bad outbound sender"). Vsaka druga koda ima drug vzrok.',
    done: 'Omejene entitete: omejitev velja od {{date}}.',
  },
  checks: {
    title: 'Preverite, ali je račun ogrožen',
    intro:
      'Iz previdnosti za tega uporabnika upoštevajte navodila »Odzivanje na ogrožen e-poštni račun«. Vse lahko naredite sami, ne da bi odprli zahtevek za podporo.',
    forwarding: 'Posredovanje iz nabiralnika',
    forwardingNone: 'Brez',
    forwardingTo: 'Posreduje na {{address}}',
    forwardingUnknown: 'Ni bilo mogoče prebrati',
    rules: 'Pravila za mapo »Prejeto«',
    rulesNone: 'Ni pravil',
    rulesCount_one: '{{count}} pravilo, nobeno ni sumljivo',
    rulesCount_two: '{{count}} pravili, nobeno ni sumljivo',
    rulesCount_few: '{{count}} pravila, nobeno ni sumljivo',
    rulesCount_other: '{{count}} pravil, nobeno ni sumljivo',
    rulesSuspicious_one: '{{count}} sumljivo pravilo: {{names}}',
    rulesSuspicious_two: '{{count}} sumljivi pravili: {{names}}',
    rulesSuspicious_few: '{{count}} sumljiva pravila: {{names}}',
    rulesSuspicious_other: '{{count}} sumljivih pravil: {{names}}',
    rulesUnknown: 'Ni bilo mogoče prebrati',
    sessions: 'Seje vpisa',
    sessionsActive: 'Še niso razveljavljene',
    sessionsRevoked: 'Razveljavljene: vse naprave se morajo znova vpisati',
    revoke: 'Razveljavi seje vpisa',
    advice:
      'Odstranite posredovanje in sumljiva pravila, ki jih niste pričakovali, ter vklopite večkratno preverjanje pristnosti.',
    learnMore: 'Odzivanje na ogrožen e-poštni račun',
    done: 'Preverjanje ogroženosti: posredovanje {{forwarding}}; {{rules}}; seje {{sessions}}.',
  },
  unblock: {
    title: 'Deblokiraj',
    question: 'Ali želite odstraniti {{user}} s strani Omejene entitete?',
    summary: 'Odobritelj mora deblokiranje odobriti, preden se izvede.',
    action: 'Deblokiraj',
    notNow: 'Ne zdaj',
    confirmTitle: 'Potrdite deblokiranje',
    confirmQuestion: 'Ali želite zahtevati deblokiranje za {{user}}? Za potrditev izberite Da.',
    comeBack: 'Če je račun še vedno ogrožen, bo znova blokiran.',
    limitNote:
      'Microsoft omejuje, kako pogosto je mogoče deblokirati račun. Ko je omejitev dosežena, ga lahko deblokira samo Microsoftova podpora.',
  },
  requested: {
    title: 'Deblokiranje je zahtevano',
    text: 'Zahteva za {{user}} čaka na odobritev.',
    next: 'Naslednji korak: ko odobritelj zahtevo odobri, odstranim {{user}} s strani Omejene entitete in vas tukaj obvestim, ko bo uporabnik spet lahko pošiljal e-pošto.',
    delay: 'Pošiljanje običajno znova deluje v eni uri po deblokiranju, najpozneje pa v 24 urah.',
    requestId: 'Zahteva',
    state: 'Stanje',
  },
  approval: {
    header: 'Zahteva za deblokiranje',
    title: 'Deblokiraj {{user}}?',
    requestedBy: 'Vložnik',
    requestedAt: 'Zahtevano',
    password: 'Geslo',
    passwordResetByAgent: 'Ponastavila služba za pomoč uporabnikom',
    passwordResetByBot: 'Ponastavil bot (začasno geslo)',
    passwordOnPremises: 'Spremenjeno v lokalnem okolju',
    passwordUnknown: 'Ni potrjeno',
    status: 'Stanje',
    decidedBy: 'Odobritelj',
    comment: 'Komentar',
    unblockedAt: 'Deblokirano',
    resumedAt: 'Pošiljanje obnovljeno',
    onApprove:
      'Z odobritvijo bo uporabnik odstranjen s strani Omejene entitete. Pošiljanje običajno znova deluje v eni uri, najpozneje pa v 24 urah.',
    commentLabel: 'Komentar (neobvezno)',
    commentPlaceholder: 'Zakaj zahtevo odobrite ali zavrnete?',
    approve: 'Odobri',
    reject: 'Zavrni',
    refresh: 'Osveži',
    retry: 'Znova poskusi odblokirati',
    onRetry: 'Odobritelj lahko poskusi znova: nov poskus uporabnika odblokira, če je še vedno omejen.',
    notApprover:
      'O zahtevah za deblokiranje lahko odločajo samo člani skupine odobriteljev. Vaš klik je zabeležen.',
    ownRequest: 'To deblokiranje ste zahtevali sami, zato mora o njem odločiti drug odobritelj.',
    alreadyDecided: 'O tej zahtevi je že odločeno (stanje: {{state}}).',
    reminder: 'Opomnik: ta zahteva čaka na odobritev od {{date}}.',
    noApprovers:
      'Noben odobritelj še ni dosegljiv, zato zahteva za {{user}} čaka. Odobritelj naj v kanalu, kjer delajo odobritelji, vnese **set approvals channel** ali mi enkrat piše v klepetu.',
    waitingForYou_one: '{{count}} zahteva za deblokiranje čaka na vašo odobritev:',
    waitingForYou_two: '{{count}} zahtevi za deblokiranje čakata na vašo odobritev:',
    waitingForYou_few: '{{count}} zahteve za deblokiranje čakajo na vašo odobritev:',
    waitingForYou_other: '{{count}} zahtev za deblokiranje čaka na vašo odobritev:',
    channelSet: 'Ta kanal zdaj prejema zahteve za deblokiranje v odobritev.',
    channelLanguage:
      'Kartice so tukaj v slovenščini. Za drug jezik vnesite **set approvals channel** in nato en, da, sv ali nl.',
    channelSetRefused: 'Kanal za odobritve lahko izberejo samo člani skupine odobriteljev.',
    channelOnly:
      'Vnesite **set approvals channel** v kanalu v aplikaciji Teams, kjer naj odobritelji vidijo zahteve.',
    notFound: 'Ta zahteva ne obstaja več.',
  },
  agentNote: {
    approved:
      'Deblokiranje za {{user}} je odobreno (odobritelj: {{approver}}). Uporabnika zdaj odstranjujem s strani Omejene entitete.',
    rejected: 'Deblokiranje za {{user}} je zavrnjeno (odobritelj: {{approver}}). Uporabnik ostaja blokiran.',
    rejectedComment: 'Komentar: {{comment}}',
    unblocked:
      '{{user}} ni več na strani Omejene entitete. Pošiljanje običajno znova deluje v eni uri, najpozneje pa v 24 urah. Ko bo delovalo, vas obvestim tukaj.',
    resumed: '{{user}} lahko spet pošilja e-pošto.',
    resumedAdvice:
      'Če je bil račun ogrožen in kaj ostaja nedokončano, bo znova blokiran: dokončajte preverjanja.',
    expired:
      'Deblokiranja za {{user}} nihče ni odobril v {{hours}} urah, zato nič ni bilo deblokirano. Za novo zahtevo vnesite **deblokiraj** in uporabniško ime.',
    failedUnblockLimit:
      'Microsoft je zavrnil deblokiranje za {{user}}: dosežena je omejitev deblokiranj za ta račun. Za deblokiranje se obrnite na Microsoftovo podporo.',
    failedPermissions:
      'Bot v vašem najemniku nima dovoljenja za deblokiranje uporabnikov. Prosite skrbnika za Microsoft 365, naj aplikaciji dodeli dovoljenja za Exchange iz docs/setup.md (razdelek 4) in zažene npm run doctor, nato znova pošljite zahtevo.',
    failedUserNotFound: '{{user}} ne obstaja več v imeniku, zato nič ni bilo deblokirano.',
    failedResumeTimeout:
      'Deblokiranje za {{user}} je bilo izvedeno, vendar po {{hours}} urah še vedno ne morem potrditi, da uporabnik lahko pošilja. Preverite stran Omejene entitete na portalu Microsoft Defender in sledenje sporočilom: če je uporabnik spet tam, je račun verjetno še vedno ogrožen.',
    failedOther:
      'Deblokiranje za {{user}} ni uspelo. Samodejno se ne bo zgodilo nič več. Pošljite novo zahtevo ali deblokirajte uporabnika na portalu Microsoft Defender.',
    failedRetriesExhausted:
      'Exchange Online ni dokončal odblokiranja uporabnika {{user}}: storitev je bila nedosegljiva ali je omejevala klice dlje, kot poskušam znova. Samodejno se ne bo zgodilo nič več. Odobritelj lahko poskusi znova s kartice za odobritev, uporabnika pa lahko odblokirate tudi na portalu Microsoft Defender.',
    fallbackIntro: 'Uporabnika {{requester}} ni bilo mogoče doseči v klepetu, zato vas obveščam tukaj:',
  },
  status: {
    title: 'Vaše zahteve za deblokiranje',
    none: 'Zahtev še nimate. Vnesite **deblokiraj** in uporabniško ime, da jo začnete.',
  },
  state: {
    open: 'v teku',
    pending_approval: 'v čakanju na odobritev',
    approved: 'odobreno',
    unblocking: 'deblokiranje v teku',
    waiting_resume: 'deblokirano, pošiljanje še ni obnovljeno',
    resumed: 'pošiljanje obnovljeno',
    rejected: 'zavrnjeno',
    cancelled: 'preklicano',
    failed: 'neuspešno',
    expired: 'poteklo',
    'resolved-by-itself': 'rešeno samo od sebe',
  },
  cancelled: {
    title: 'Preklicano',
    text: 'Postopek za {{user}} je preklican. Nič ni bilo deblokirano.',
    textNoUser: 'Preklicano. Nič ni bilo deblokirano.',
    again: 'Za ponoven začetek vnesite **deblokiraj** in uporabniško ime.',
  },
  ended: {
    notRestricted: 'Postopek je končan: {{user}} nima omejitve.',
  },
  localMode: {
    title: 'Dobrodošli v simuliranem najemniku contoso.com',
    enrolled:
      'Ta bot deluje v lokalnem načinu in simulirani imenik vas ni poznal, zato sem vas dodal kot agenta službe za pomoč: {{name}}, {{upn}}. Zahteve za deblokiranje lahko začnete takoj.',
    approver:
      'Zahteve odobrijo odobritelji: če želite odobriti zahtevo, zaženite **npm run playground -- --as approver** in delujte kot Patti Fernandez.',
  },
  errors: {
    notHelpdesk:
      'Zahteve za deblokiranje lahko začnejo samo člani skupine za pomoč uporabnikom. Skrbnika za Microsoft 365 prosite, da vas doda.',
    title: 'Prišlo je do napake',
    stepDone: 'Ta korak je že opravljen',
    stepDoneText:
      'Ta kartica je iz prejšnjega koraka. Uporabite najnovejšo kartico ali vnesite **začni znova**.',
    noRunbook: 'Noben postopek ni v teku. Za začetek vnesite **deblokiraj** in uporabniško ime.',
    useButtons: 'Odgovorite z gumbi na zadnji kartici ali vnesite **začni znova** ali **prekliči**.',
    unknownAction: 'Tega gumba ne razumem. Za ponoven začetek vnesite **začni znova**.',
    tenantUnavailable: 'Microsoft 365 se ni pravočasno odzval. Počakajte minuto in poskusite znova.',
    tenantForbidden:
      'Bot v vašem najemniku nima dovoljenja za to dejanje. Prosite skrbnika za Microsoft 365, naj preveri njegova dovoljenja (glejte docs/setup.md), nato poskusite znova.',
    userGone: 'Ta uporabnik ne obstaja več v imeniku. Vnesite **začni znova**.',
    passwordRejected:
      'Microsoft 365 je zavrnil novo geslo. Poskusite znova. Če se težava ponavlja, ga ponastavite v skrbniškem središču.',
    unexpected:
      'Prišlo je do nepričakovane napake, nič ni bilo spremenjeno. Poskusite znova ali vnesite **začni znova**.',
    otherTenant:
      'Ta bot služi samo svoji organizaciji. Najemnik Microsoft 365 vaše organizacije ga ne sme uporabljati. Za pomoč prosite svoj oddelek za IT.',
    slowDown: 'Prehitro pošiljate sporočila. Počakajte minuto, nato poskusite znova.',
  },
  ...proactiveSl,
};
