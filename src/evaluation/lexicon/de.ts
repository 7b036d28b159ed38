import type { LanguageLexicon } from './lexicon-types.js';

/**
 * German word lists. Umlauts are written as they are; the matcher folds them (ä→ae …), so "blöd"
 * also matches "bloed". Compound heads and tails (`*idiot`, `dreck*`) catch German compounds.
 *
 * `sie`/`ihr` are formal address only when capitalised: the abuse and composure checks rewrite a
 * lower-case `sie` in mixed-case text to `sie_3p`, so these lists only ever see the address form.
 */
export const DE_LEXICON = {
  classes: {
    // Antworten nur aus diesen Wörtern sagen Ja („Klar.“, „Ja, natürlich.“): nichts darin, womit man spotten könnte (composure.ts)
    assent: ['ja', 'jawohl', 'klar', 'okay', 'ok', 'natürlich', 'selbstverständlich', 'gerne', 'gern', 'sicher', 'mach', 'mache', 'ich', 'wird', 'gemacht', 'kein', 'problem', 'sofort', 'in', 'ordnung', 'verstanden', 'geht', 'alles', 'logisch', 'freilich', 'passt', 'machen', 'wir'],
    // Wörter vor einem Namen oder einer Abkürzung: ein Großbuchstabenwort danach ist keine Betonung (composure.ts)
    nounMarker: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'über', 'per', 'beim', 'vom', 'zum', 'zur', 'mit', 'im', 'am', 'ins', 'bei', 'von', 'für', 'unser', 'unsere', 'unseren', 'unserem', 'ihre', 'ihren', 'ihrem'],
    // a way forward after a refusal: "geht heute nicht, aber morgen früh" (see `unlessContrast`)
    contrast: ['aber', 'jedoch', 'dafür', 'sondern', 'stattdessen', 'allerdings'],
    you: ['du', 'dich', 'dir', 'sie', 'ihnen', 'ihr', 'euch', 'bist', 'biste', 'bisse', 'seid'],
    youFormal: ['sie', 'ihnen'],
    youInformal: ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines', 'bist', 'biste', 'hast', 'kannst', 'willst', 'musst', 'sollst', 'weißt'],
    self: ['ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner'],
    be: ['sind', 'bist', 'seid', 'waren', 'warst', 'wart', 'sein', 'ist', 'bleiben', 'bleibst'],
    article: ['ein', 'eine', 'einen', 'einem', 'so', 'sone', 'son', 'solch', 'total', 'völlig', 'echt', 'richtig', 'der', 'die', 'das', 'voll', 'ja', 'doch', 'wirklich', 'komplett'],
    negator: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'niemand', 'nichts', 'weder', 'noch', 'keinesfalls', 'keineswegs'],
    imperativeBe: ['sei', 'seien', 'seid', 'benimm', 'benehmen'],
    mention: ['wort', 'worte', 'wörter', 'begriff', 'begriffe', 'ausdruck', 'ausdrücke', 'bezeichnung', 'bezeichnungen', 'beschimpfung', 'beschimpfungen', 'schimpfwort', 'schimpfwörter', 'beleidigung', 'beleidigungen', 'wortwahl', 'bemerkung', 'kommentar', 'vergleich', 'titel'],
    mentionVerb: ['bezeichnen', 'bezeichnet', 'bezeichneten', 'nennen', 'nennt', 'nannten', 'nannte', 'genannt', 'beschimpfen', 'beschimpft', 'tituliert', 'titulieren'],
    // after the word, German puts the participle or infinitive last: "… einen Idioten genannt"
    // or the trainee sets the word aside: „Den Trottel überhöre ich mal", „Faule Socke lasse ich so nicht stehen", „… lass ich beiseite"
    mentionAfter: ['wort', 'begriff', 'ausdruck', 'schimpfwort', 'beleidigung', 'genannt', 'bezeichnet', 'beschimpft', 'tituliert', 'nennen', 'bezeichnen', 'bemerkung', 'kommentar', 'vergleich', 'überhöre', 'überhören', 'ignoriere', 'ignorieren', 'beiseite', 'stehen', 'gelten'],
    // „Trottel bin ich nicht": the word right before „bin ich" says what the trainee is (not), never what the customer is
    selfBe: ['bin'],
    insultNoun: [
      '*idiot', '*idioten', '*idiotin', '*trottel', '*trotteln', '*depp', '*deppen', '*arschloch', '*arschlöcher', '*arsch', 'arschgeige*', 'arschkriecher*',
      '*vollpfosten', 'vollhorst*', 'vollhonk*', 'honk', '*spasti', '*spast', '*spacko', '*mongo', '*wichser', '*wixer', '*pisser', '*penner',
      'schwachkopf*', 'dummkopf*', 'hohlkopf*', 'holzkopf*', 'strohkopf*', 'dumpfbacke*', 'hohlbirne*', 'spatzenhirn*', 'knalltüte*', 'flachpfeife*',
      'schwachmat*', 'nulpe*', 'dödel*', 'witzfigur*', 'versager*', 'nichtsnutz*', 'taugenichts', 'stümper*', 'dilettant*', 'pfuscher*',
      'gesindel', 'abschaum', 'geschmeiß', 'lumpenpack', 'pöbel', 'schmarotzer*', 'parasit*', '*drecksschwein', 'mistschwein*',
      'schweinehund*', 'drecksau', 'mistsau', 'wildsau', 'sau', 'miststück*', 'drecksstück*', 'mistkerl*', 'dreckskerl*', 'drecksack*', 'mistsack*', 'fettsack*',
      '*schlampe', '*schlampen', 'hure', 'huren', 'hurensohn*', 'hurensöhne', '*fotze', '*fotzen', 'missgeburt*', 'bastard*', 'zicke', 'zicken', 'tussi', 'tussis',
      'klugscheißer*', 'klugscheisser*', 'besserwisser*', 'verbrecher*', 'gauner*', 'halsabschneider*', 'abzocker*', 'spinner*',
      'psychopath*', 'psycho', 'gestörter', 'geisteskranker', 'vollidiot*', 'trottel', 'rindvieh', 'hornochse*',
      'hackfresse*', 'fresse', 'loser', 'hanswurst', 'waschlappen*', 'weichei*', 'memme*', 'heulsuse*',
      'schleimer*', 'schleimbeutel', 'sesselpupser*', 'schreibtischtäter*', 'bürohengst*', 'paragraphenreiter*', 'erbsenzähler*', 'korinthenkacker*',
      'nazi', 'nazis', '*faschist', '*faschisten', 'drecksvolk', 'bagage', 'idiot', 'idioten', 'depp', 'deppen', 'evolutionsbremse*', 'dumpfbacke',
      '*brut', '*pack', '*bande', '*gesindel', '*schmarotzer', '*heuchler', '*verräter', '*verräterin', '*zicke', '*tusse', '*tussi', '*fratze', '*fratzen', 'maulaufreißer*', 'junkie*', 'schlafmütze*', 'grünschnabel*', 'grünschnäbel', 'sesselwärmer*', 'sesselfurzer*', 'amateur', 'amateure', 'niete', 'labersack*', 'quasselstrippe*', 'großkotz*', 'hampelmann*', 'hampelmänner', 'schuft', 'schufte', 'halunke*', 'ganove*', 'strolch*', 'lümmel*', 'flegel*',
      'rüpel*', 'spießer*', 'hinterwäldler*', 'schnarchnase*', 'laberkopf*', '*hetzer', 'faulpelz*', 'gesocks', 'dummerchen', 'blödian*', 'depperl', 'luder', 'fratze', 'fratzen', 'schwachköpfe', 'dummköpfe', 'hohlköpfe',
      'holzköpfe', 'hohlbratze*', 'pappnase*', 'flachzange*', 'knallkopf*', 'knallköpfe', 'dumpfbacken', 'lusche', 'luschen', 'sackgesicht*', 'pissnelke*',
      '*dummschwätzer', 'schwätzer', 'labertasche*', 'quatschkopf*', 'heini', 'heinis', 'blödmann*', 'blödmänner', 'armleuchter*', 'blindfisch*', 'lackaffe*',
      'schnösel*', 'proll', 'prolls', 'prolet', 'proleten', 'assis', 'gutmensch*', 'schmierfink*', 'lügenpresse', 'hirni', 'hirnis', 'dummbatz*', 'dussel',
      'bonze', 'bonzen', 'wichtigtuer*', 'angeber*', 'großmaul', 'großmäuler', 'flitzpiepe*',
      '*spacken', 'spack', 'vollniete*', 'kinderschänder*', 'handlanger*', 'lakai', 'lakaien', 'speichellecker*', 'kriegstreiber*', 'wendehals*', 'wendehälse',
      'schwachmaten', 'auswurf', 'pestbeule*', 'dreckspack', 'nervensäge*', 'heulboje*',
      'vollpfosten', 'hirnis', 'dummbeutel*', 'knallchargen', 'knallcharge', 'volltrottel', 'asylant', 'asylanten', 'nafri', 'nafris', 'musel', 'musels',
      '*pfeife', 'lump',
      // servility: someone's puppet or henchman
      'vasall', 'vasallen', 'steigbügelhalter*', 'erfüllungsgehilfe*', 'befehlsempfänger*', 'jasager*', 'mitläufer*', 'schoßhund*', 'hofnarr*',
      'dummbacke*', 'dummbrot*', 'scherge', 'schergen', 'chaoten', 'schweinepriester*', 'saubande',
      'lachnummer*', 'nulltipper*', 'feigling', 'feiglinge', 'hirnfurz*', 'gehirnfurz*', 'gehirnprothese*', 'hirnprothese*',
    ],
    // Everyday words (animals, vermin, a fence post, a clown, the fraudsters a customer is warned
    // about) that insult only when aimed at someone: "Sie Esel", "Sie sind ein Clown", "was für eine
    // Kröte". Bare, they are the zoo, the hotel room and the fraud explanation.
    insultNounAimed: [
      'affe', 'affen', 'esel', 'kamel', 'kamele', 'ochse', 'ochsen', 'ratte', 'ratten', 'kakerlake*', 'ungeziefer', 'schädling*', 'zecke', 'zecken',
      'made', 'maden', 'kröte', 'schwein', 'schweine', 'kasper', 'pfosten', 'clown', 'clowns', 'würstchen', 'marionette', 'marionetten', 'lügner*', 'betrüger*',
      'verbrecher', 'verbrechern', 'verbrecherin', 'verbrecherinnen',
    ],
    // animals and puppets said of a group ("diese Affen", "solche Marionetten") are still contempt;
    // vermin and fraudsters are what an adviser warns a customer about, so they are not here
    insultNounAimedThird: ['schwein', 'schweine', 'kasper', 'affe', 'affen', 'esel', 'kamel', 'kamele', 'ochse', 'ochsen', 'kröte', 'clown', 'clowns', 'marionette', 'marionetten', 'würstchen', 'pfosten', 'lügner', 'lügnerin'],
    insultNounAny: ['@insultNoun', '@insultNounAimed'],
    // Strong: contemptuous whatever they describe. Weak: insulting only when said of a person.
    insultAdjStrong: [
      'dumm', 'dumme', 'dummer', 'dummen', 'dummes', 'dümmer', 'dümmere', 'dümmeren', 'dümmste*', 'dummheit', 'doof*', 'blöde', 'blöder', 'blöden', 'blödes',
      'bekloppt*', 'bescheuert*', 'behämmert*', 'dämlich*', 'hirnlos*', 'hirnverbrannt*', 'minderbemittelt*', 'unterbelichtet*', 'strunzdumm*', 'saudumm*',
      'strohdumm*', 'stockdumm*', 'dusselig*', 'deppert*', 'verblödet*', 'erbärmlich*', 'armselig*', 'widerlich*', 'ekelhafte', 'ekelhafter', 'ekelhaften', 'ekelhaftes', 'geisteskrank*', 'debil*',
      'schwachsinnig*', 'verlogen*', 'versifft*', '*versifft', '*versiffte', '*versifften', '*versiffter', 'abartig*', 'asozial*', 'nichtsnutzig*', 'scheinheilig*',
      'heuchlerisch*', 'hohlköpfig*', 'dummdreist*', 'hirnverbrannt', 'grenzdebil*', 'hirnamputiert*', 'durchgeknallt*', 'saublöd*', 'strohdoof*', 'hirnrissig*',
    ],
    insultAdjWeak: [
      'beschränkt*', 'gestört*', 'unfähig*', 'inkompetent*', 'ahnungslos*', 'nutzlos*', 'hässlich*', 'fett', 'fette', 'fetter', 'blöd', 'ekelhaft',
      'irre', 'behindert*', 'zurückgeblieben*', 'plemplem', 'dumpf', 'primitiv*', 'assi', 'assig*', 'faul', 'faule', 'fauler', 'frech', 'unverschämt*',
      'dreist*', 'hohl', 'pervers*', 'eklig*', 'dreckig*', 'verrückt*', 'wahnsinnig', 'feige', 'feiger', 'korrupt*', 'kriminell*', 'ungebildet*',
      'lächerlich*', 'peinlich*', 'arrogant*', 'überheblich*', 'unerträglich*', 'rassistisch*', 'hetzerisch*', 'kindisch*', 'kleingeistig*', 'engstirnig*', 'geistig', 'charakterlos*',
      'ehrlos*', 'skrupellos*', 'niederträchtig*', 'hinterhältig*', 'verkommen*', 'degeneriert*', 'unterbemittelt*', 'hirnrissig*', 'irrsinnig*',
      'senil*', 'dement*', 'altersdement*', 'unbelehrbar*', 'geistesgestört*',
    ],
    insultAdj: ['@insultAdjStrong', '@insultAdjWeak'],
    // "das ist verrückt" is a remark about a situation; only people are insulted by a weak adjective
    third: ['@thirdPerson', 'das', 'dieses', 'es'],
    thirdPerson: ['er', 'sie_3p', 'die', 'diese', 'dieser', 'der', 'man', 'alle', 'solche', 'solcher', 'leute', 'typ', 'frau', 'mann', 'politiker'],
    // said only of people: a bare "Unfähig!" is aimed at whoever listens
    competencePerson: ['unfähig*', 'inkompetent*', 'ahnungslos*', 'planlos*', 'unprofessionell*', 'dilettantisch*', 'begriffsstutzig*', 'überfordert*'],
    competenceAdj: ['taub', 'blind', 'begriffsstutzig*', 'unfähig*', 'inkompetent*', 'ahnungslos*', 'nutzlos*', 'überfordert*', 'unqualifiziert*', 'unbrauchbar*', 'planlos*', 'hilflos*', 'lahm'],
    agentNoun: ['bot', 'roboter', 'assistent', 'assistentin', 'mitarbeiter', 'mitarbeiterin', 'berater', 'beraterin', 'sachbearbeiter', 'sachbearbeiterin', 'person', 'frau', 'mann', 'typ', 'tante', 'kerl', 'kuh', 'ziege'],
    profanity: [
      'scheiß*', 'scheiss*', 'scheiße', 'scheisse', 'kacke', 'kack*', 'verdammt*', 'verflucht*', 'verfickt*', 'fick*', 'gefickt', 'arsch', 'arsches', 'dreck*',
      'drecks*', 'mistding', 'mistladen', 'saftladen', 'sauladen', 'schrottladen', 'pissladen', 'piss*', 'pisse', 'fuck*', 'shit', 'wtf', 'bullshit',
      'bockmist', 'kotz*', 'verarsch*', 'sch', 'sch**', 'f***', 'verarscht', 'abgefuckt*', 'beschissen*', 'bescheißen', 'beschiss', 'bescheissen', 'schiss', 'himmelherrgott*', 'herrgottnochmal',
    ],
    profanityStrong: ['scheiß*', 'scheiss*', 'scheiße', 'scheisse', 'fick*', 'verfickt*', 'fuck*', 'shit', 'arsch', 'kacke'],
    sexualExplicit: ['titten', 'möpse', 'muschi', 'fotze', 'fotzen', 'porno*', 'wichs*', 'nutte', 'nutten', 'orgasmus', 'penis', 'vagina', 'dildo*', 'vergewaltig*', 'bumsen', 'pimmel*', 'schwänze'],
    sexual: [
      'sex', 'sexy', 'sexuell*', 'nackt*', 'porno*', 'titten', 'möpse', 'brüste', 'busen', 'muschi', 'fotze', 'penis', 'vagina', 'geil', 'geile', 'geiler',
      'bumsen', 'ficken', 'wichsen', 'orgasmus', 'vergewaltig*', 'nutte', 'nutten', 'hure', 'schlampe', 'unterwäsche', 'höschen', 'dildo*',
    ],
    slur: [
      'neger*', 'nigger*', 'kanake*', 'kanacke*', 'schwuchtel*', 'kinderficker*', 'zigeuner*', 'kümmeltürke*', 'kameltreiber*', 'polacke*', 'fidschi*',
      'mongo', 'mongos', 'spasti', 'spastis', 'tunte*', 'transe*', 'judensau', 'untermensch*', 'schlitzauge*', 'bimbo*', 'negerin',
    ],
    // dismissive only when standing alone: "Egal." (but "egal, ob …" is fine)
    dismissiveInterjection: ['egal', 'pff', 'pfff'],
    sarcasticVocative: ['genie', 'einstein', 'schlaumeier', 'schlauberger', 'besserwisser', 'süße', 'süßer', 'schätzchen', 'herzchen', 'mäuschen', 'freundchen', 'chefchen', 'prinzessin', 'schatz', 'sherlock', 'held', 'experte', 'expertin', 'spezialist', 'superhirn', 'blitzmerker', 'sportsfreund'],
    // thanks and apologies: beside them a weak mockery cue ("Wow, danke!") is meant
    gratitude: ['danke', 'dankeschön', 'dank', 'entschuldigung', 'entschuldigen', 'leid', 'dankbar'],
    // little words stressed in capitals for effect ("MEINE Schuld"); other short capitalised words are abbreviations
    emphasis: ['so', 'ich', 'mir', 'mich', 'sie', 'ihr', 'nie', 'nur', 'ist', 'das', 'die', 'der', 'ja', 'wir', 'uns', 'gar', 'tun', 'mal', 'bin', 'war', 'hat', 'ist', 'wie', 'was', 'er', 'es', 'du', 'dir', 'den', 'dem'],
    // laughing at a customer's problem is a slip; laughing along with a customer who laughs is not
    laughter: ['lol', 'haha', 'hahaha*', 'hihi', 'hihihi*', 'lach', 'hehe', 'hehehe*'],
    praise: ['toll', 'super', 'prima', 'klasse', 'großartig', 'wunderbar', 'fantastisch', 'hervorragend', 'spitze', 'genial', 'bravo', 'glückwunsch', 'herzlichen', 'wunderbar', 'reizend', 'entzückend'],
  },
  affixExceptions: [
    'marsch', 'barsch', 'harsch', 'einmarsch', 'aufmarsch', 'durchmarsch', 'vormarsch', 'fußmarsch', 'gewaltmarsch', 'abmarsch', 'rückmarsch', 'passau',
    'doofe', 'dreckig', 'pissoir', 'kacktus', 'fickle', 'bademeister', 'paketdienst', 'mistral', 'scheißegal', 'verdammung', 'piste', 'pistole', 'pistazie',
    'drecksarbeit', 'kackbraun', 'lahmgelegt', 'lahmlegen', 'fetter', 'parasitär', 'gaunerei', 'betrügerei', 'betrügerisch', 'lügnerisch', 'dilettantisch',
    'affenhitze', 'dummerweise', 'dummy', 'dummys', 'gepäck', 'huckepack', 'sixpack', 'rucksack', 'bandenkriminalität', 'brutal', 'brutto',
    'peinlichkeit', 'trillerpfeife', 'tabakpfeife', 'orgelpfeife', 'wasserpfeife', 'kröten', 'maden', 'madenwurm', 'lakaienhaft', 'zeckenbiss', 'zeckenstich', 'schädlingsbekämpfung', 'nervensägen',
    // a cold pack, a battery pack; an old mill; the pest controller; plain dirt ("so ein Dreck" is in the rules)
    'kühlpack', 'akkupack', 'eispack', 'kältepack', 'wärmepack', 'powerpack', 'doppelpack', 'multipack', 'spinnerei', 'schädlingsbekämpfer', 'betrügermasche', 'betrügermaschen', 'dreck',
    // the bare word is only an insult when aimed (insultNounAimed); compounds (Verbrecherbande) still are
    'verbrecher', 'verbrechern', 'verbrecherin', 'verbrecherinnen',
  ],
  acronyms: ['ok', 'pin', 'iban', 'bic', 'ec', 'agb', 'bgb', 'sepa', 'schufa', 'eu', 'eur', 'usa', 'id', 'faq', 'sms', 'pdf', 'it', 'tan', 'kfz', 'gmbh', 'ag', 'bafin', 'dsgvo', 'mwst', 'ust', 'bzw', 'zb', 'ggf', 'ca', 'nr', 'tel', 'kw', 'db', 'dhl', 'ups', 'bahn', 'wlan', 'dsl', 'adac', 'bafa', 'kfw', 'elster', 'ard', 'zdf', 'vw', 'bmw', 'ice', 'hbf', 'pkw', 'lkw', 'ihk'],
  politeness: ['bitte', 'danke', 'dankeschön', 'dank', 'gerne', 'gern', 'entschuldigung', 'entschuldigen', 'leid', 'verstehe', 'selbstverständlich', 'natürlich', 'sehr', 'freundlich', 'helfe', 'helfen', 'kümmere'],
  emoji: { profanity: ['🖕'], insult: ['💩', '🤡', '🤮', '🤢', '🤬'], contempt: ['🙄', '🥱'], laughing: ['😂', '🤣', '😆'] },
  composure: [
    {
      // laughing at a customer's problem is a slip, not yet dismissive (forgiven when the customer laughed first)
      flag: 'dismissive',
      score: 4,
      laughter: true,
      patterns: ['@laughter'],
    },
    {
      // mild swearing ("So ein Mist") is a slip, not hostility
      flag: 'profanity',
      score: 4,
      patterns: ['mist', 'verflixt', 'verflucht nochmal'],
    },
    {
      flag: 'insult',
      score: 1,
      mentionable: true,
      patterns: ['@slur'],
    },
    {
      flag: 'threat',
      score: 1,
      negatable: true,
      patterns: [
        // a person is brought round or finished off; papers are brought "um zehn" and made ready
        'bring|bringe|bringen dich|sie|euch|ihn ~ um $', 'umbringen|umbringe|abstechen|abknallen|erschießen|erschlagen|verprügeln|kaltmachen', 'mach|mache|machen dich|euch ~ fertig',
        'mach|mache|machen sie ~ fertig $', 'haue|hau ~ eine rein', 'aufs|auf\'s maul', 'in die fresse', 'fresse polieren', 'weiß|weiss wo @you wohnen|wohnst', 'werden|wirst ~ bereuen',
        'du bist tot', 'sie sind tot', 'ich finde dich', 'kriegst ~ eine|was auf', 'schlag|schlage ~ tot', 'geh|gehen ~ sterben', 'verreck*',
      ],
    },
    {
      flag: 'profanity',
      score: 1,
      patterns: [
        // a printer has a "Klappe" too: the far gap only for words that are never a lid
        'halt|halts|halt\'s|haltet|halten ~~ fresse|schnauze|maul|gosche|sabbel', 'halt|halts|halt\'s|haltet|halten ~ klappe|mund|rand $',
        'halt|halts|haltet|halten ~ die|deine|ihre|eure klappe|mund|rand und|oder|jetzt|endlich|sonst|du|sie|ihr', 'halten sie ~~ die klappe $',
        'schnauze', 'verpiss|verpisst|verpissen ~ dich|euch|sich',
        'leck|lecken|leckt ~ mich', 'fick|ficken|fickt ~ dich|sich|euch', 'du kannst mich mal $', 'sie können mich mal $', '@you können|kannst mich ~ kreuzweise|gernhaben', 'zur hölle mit', 'fahr|fahren ~ zur hölle',
        'geh|gehen ~ zum teufel', 'hau|haut|hauen ~ ab', 'zieh|ziehen ~ leine', 'schleich|schleichen ~ dich|sich', 'mach|machen ~ die fliege|biege|mücke',
        'am arsch', 'verzieh dich|euch', 'verzieht euch', 'verziehen sie sich', 'klappe|fresse|schnauze|maul ~ halten', 'halt|halts dein|deinen|ihr|ihren ~ maul|mund|rand|schnabel', 'geh|gehen ~ mir ~ auf den sack|keks|senkel|geist',
        // "Nerven Sie nicht!", not "ab morgen nerven Sie die SMS nicht mehr"
        '^ nerv|nerven ~ nicht $', 'nerv|nerven @you|mich ~ nicht $', 'nerven sie mich nicht', 'nerv mich nicht', 'raus hier',
      ],
    },
    {
      flag: 'insult',
      score: 1,
      negatable: true,
      mentionable: true,
      patterns: [
        '@you @insultNoun', '@you @be ~ @insultNoun', '@you @be ~ @insultAdj', '@be @you ~ @insultAdj', '@you ~ @insultAdj @insultNoun',
        // "Sie zu dumm", not "falls Ihnen das zu peinlich ist"
        'du|sie|ihr|bist|seid ~ zu @insultAdjStrong', 'so ein|eine|einen @insultNoun', '^ du|sie opfer', 'du|sie opfer $',
        // everyday nouns aimed at the reader: "Sie Esel!", "Sie sind ein Clown", "was für eine hässliche Kröte"
        '^ du|sie|ihr @insultNounAimed', 'du|sie|ihr @insultNounAimed $', '@you @be @insultNounAimed', '@you @be ~ ein|eine|einen @insultNounAimed', '@you @be ~ alle|nur|bloß|halt|eben|doch|ja @insultNounAimed',
        '@be @you ~ ein|eine|einen @insultNounAimed', 'so ein|eine|einen @insultNounAimed', 'so ein|eine|einen *e|*er|*es @insultNounAimed',
        'was für ein|eine|einen @insultNounAimed', 'was für ein|eine|einen *e|*er|*es @insultNounAimed', '@you ~ @insultAdjStrong @insultNounAimed', 'sei|seid ~ kein|keine|nicht ~ @insultNoun|@insultAdjStrong',
        'seien sie ~ kein|keine|nicht ~ @insultNoun|@insultAdjStrong', 'was für ein|eine|einen @insultNoun', 'deine mutter|mudder|mama', 'lern|lernen ~ lesen',
        'können|kannst @you ~ nicht lesen', 'hirn einschalten', 'kopf einschalten', 'denk|denken ~ mal nach',
      ],
    },
    {
      flag: 'insult',
      score: 2,
      negatable: true,
      mentionable: true,
      patterns: [
        '@insultNoun', '@insultAdjStrong', '@third @be ~ @insultNoun|@insultAdjStrong', '@thirdPerson @be ~ @insultAdjWeak',
        '@insultAdjStrong @insultNounAimed', 'diese|dieser|diesen|dieses|solche|solchen|solcher @insultNounAimedThird', 'diese|dieser|diesen|solche|solchen *e|*en @insultNounAimedThird',
        '^ @insultNounAimed $',
        // ill is not an insult ("Frau Weber ist diese Woche krank"); sick in the head is
        // "blöd gelaufen" is bad luck; "blöd genug", "wie blöd sind die" is said of people
        // contempt for a person's body or a woman as an animal: "dieses fette Etwas", "arrogante Kuh"
        'fette|fettes|dicke|dickes etwas', 'blöde|dumme|alte|doofe|komische|arrogante|fette|dicke|eingebildete|hässliche|dämliche|bekloppte kuh|ziege|schnepfe|schachtel',
        'gehirn|hirn prothese|prothesen|furz', 'blöd genug', 'wie blöd ~ sind|seid|bist|kann|können|muss|müssen', 'ekelhaft @insultAdj',
        'krank im kopf|hirn', 'kranke|kranker|krankes|kranken hirn|hirne|typ|typen|gestalt|gestalten|spinner|scheiß*', '@you @be ~ ja|doch|echt|total|völlig ~ krank $', 'ist|sind|war|waren ~ ein|eine ~ witz|armutszeugnis|lachnummer',
        // "Schämen Sie sich!", not "Schämen Sie sich bitte nicht dafür"
        '@you lügen|lügst', 'schämen sie sich $', 'schämen sie sich gefälligst|was|lieber|doch', 'schäm dich $', 'schäm dich gefälligst|was|lieber|doch', 'pfui', 'geisteszustand', 'sie sollten sich schämen', 'gehirnwäsche', '@be ~ @thirdPerson ~ @insultAdj', 'so ein|eine|einen|solche|solcher @insultAdj',
        'ohne|kein|keine hirn|verstand|anstand|bildung|erziehung', 'zum kotzen', 'ausrotten|ausgerottet|vergasen|vergast|abschlachten|lynchen|gelyncht|aufknüpfen',
        // people are put against the wall; a cot is put by it
        'euch|dich|ihn ~ an die wand stellen', 'sie_3p|die|diese alle ~ an die wand', 'solche|diese leute ~ an die wand', 'an die wand gestellt', 'gehören|gehört ~ erschossen|aufgehängt|vergast|weggesperrt|entsorgt|ausgerottet|abgeschoben|eingesperrt',
        'gehören|gehört ~ an ~ wand', 'gehören|gehört ~ in den knast|bau', 'bist|sind|seid ~ eine|die ~ schande', 'schande für', 'einzige schande', 'gelaber', 'geschwafel', 'gequatsche', 'geschwätz', 'gesülze', 'gejammer', 'geheule',
        'sollen|soll|sollten ~ absaufen|verrecken|krepieren|abhauen|verschwinden', 
      ],
    },
    {
      // contempt that carries its own "niemand"/"keiner", so no negation check
      flag: 'insult',
      score: 2,
      patterns: [
        // "Niemand mag Sie", not "Niemand will Sie drängen"
        'niemand|keiner mag|braucht|vermisst dich|sie|euch', 'niemand|keiner will dich|sie|euch $', 'niemand|keiner will dich|sie|euch ~ hier|haben|sehen|hören', 'schrecklicher|furchtbarer|widerlicher|erbärmlicher|armseliger|mieser ~ mensch|typ|kerl|charakter',
        'braucht|brauchen|braucht ~ einen|eine ~ psychiater|psychiaterin|therapeuten|klapse',
        // insulting comparisons
        'iq ~ eines|einer|wie|von|unter ~ brot|toastbrot|knäckebrot|toastbrots|brots|zimmertemperatur|kartoffel|amöbe|stück|stücks|schnitzel|brötchens|meter',
        // "mein Hund hat mehr Ahnung als Sie"; "Sie haben mehr Ahnung als ich" is modesty
        'dümmer|blöder|doofer als', 'mehr verstand|hirn|grips|ahnung ~ als @you|@thirdPerson', 'wie ein|eine|die|der ~ affe|affen|schwein|schweine|vieh|ratte|ratten|made|maden|kakerlake|kakerlaken|parasit|parasiten|ungeziefer|heuschrecke|heuschrecken|pest|seuche|geschwür',
        'pest und cholera', 'pest oder cholera', 'reif für die klapse|klapsmühle|anstalt',
        // "Hat Sie keiner gefragt", not "Hat Sie am Telefon keiner nach der PIN gefragt?"
        'hat dich|sie|euch keiner|niemand gefragt', 'dich|sie|euch hat ~ keiner|niemand gefragt', 'hat ~ keiner|niemand ~ nach ihrer|deiner meinung gefragt', 'hat ~ keiner|niemand gefragt $',
        'fragt ~ keiner|niemand $', 'fragt doch|ja|eh keiner|niemand', 'interessiert keine sau',
        'taugen|taugt ~ nichts|nix', 'zu nichts zu gebrauchen', '*gelaber|*geschwafel|*geschwätz|verpiss*|krepier*',
        // a dim reading lamp and missing cups are not a dim customer
        'nicht die|der hellste kerze|leuchte|birne', '@you|@thirdPerson @be ~ nicht ~ die|der hellste $', 'nicht die schlauste|klügste', 'nicht das hellste', 'nicht alle tassen im schrank', 'nicht mehr alle tassen', 'einen an der waffel|klatsche', 'nicht ganz dicht|sauber ~ kopf|oben|birne|hirn', 'nicht ganz bei trost',
        'zu heiß gebadet', 'schaukel ~ nah|nahe ~ an der wand', 'null ahnung',
        '@you|@thirdPerson @be ~ eine|einer|die|der ~ null|flasche', 'mimimi', 'heul doch|leise', 'such|suchen ~ dir|sich ~ ein|einen ~ leben|hobby',
        'geh|geht|gehen|hau|haut ~ doch ~ zurück', 'zurück in die schule|den kindergarten', 'wer hat sie|dich ~ so verletzt',
        // "Lachen Sie ruhig." (you will see), not "Lachen Sie ruhig, mir geht es genauso"
        '^ lachen sie ruhig $', '^ lach ruhig $', 'lachen sie|lach ruhig ~ noch|werden|wirst|vergehen|trotzdem|bleibt|ändert', 'zurück in ~ dein|deinen|ihr|ihren|euer ~ land|loch|busch|höhle',
      ],
    },
    {
      flag: 'profanity',
      score: 2,
      mentionable: true,
      patterns: [
        '@profanity', '@sexualExplicit',
        // dirt on the pavement is dirt; "so ein Dreck", "der letzte Dreck", "grüner Dreck" is contempt
        '^ dreck $', 'was für ein|einen ~ dreck', 'so ein|einen ~ dreck', 'größte|letzte dreck', '*ischer|*ischem|grüner|grünem|linker|linkem|rechter|rechtem|brauner|braunem|roter|rotem|elender|elendem|widerlicher|ekelhafter dreck', 'einen dreck',
        'zum teufel', 'zum kuckuck', 'himmel ~ nochmal|nochmal', 'verdammt nochmal', 'gott nochmal', 'herrgott'],
    },
    {
      // Counter-attack: the reply compares the agent favourably with the customer. A "nicht" inside
      // ("ich schreie wenigstens nicht so herum wie Sie") is part of the jab, not a negation of it.
      flag: 'blame',
      score: 2,
      patterns: [
        'im gegensatz zu ihnen|dir|euch', 'anders als sie|du ~ ich|wir', 'wenigstens|immerhin|zumindest ~ nicht ~ wie sie|du $',
        'ausgerechnet sie|du',
      ],
    },
    {
      // a whole group the customer is lumped into; never negated ("nicht für Leute wie Sie")
      flag: 'condescending',
      score: 2,
      patterns: ['leute wie sie|du|dich|ihnen', 'menschen wie sie|du|dich|ihnen'],
    },
    {
      // "Sie haben die Frist versäumt." as the whole answer puts it on the customer; "Sie haben die PIN
      // dreimal falsch eingegeben, deshalb …" explains, and "Sie haben Ihr Passwort vergessen? Kein
      // Problem" asks back
      flag: 'blame',
      score: 2,
      negatable: true,
      lastClause: true,
      statement: true,
      patterns: ['@you haben|hast ~ versäumt|vergessen|verpasst|übersehen', '@you haben|hast ~ falsch gemacht|ausgefüllt|eingegeben'],
    },
    {
      // „Sie haben die Sperre selbst ausgelöst." weist die Schuld zu; „Haben Sie sie vielleicht selbst ausgelöst?" fragt nach
      flag: 'blame',
      score: 2,
      negatable: true,
      statement: true,
      patterns: ['haben|hast @you ~ selbst|selber ~ ausgelöst', '@you haben|hast ~ selbst|selber ~ ausgelöst'],
    },
    {
      flag: 'blame',
      score: 2,
      negatable: true,
      patterns: [
        'ihr|ihre|dein|deine ~ eigenes|eigene|eigener ~ verschulden|schuld|fehler|problem|pech', 'ihr|dein verschulden', 'durch|aus eigenes|eigenem verschulden',
        'dass @you ~ kleingedruckte nicht|nie ~ lesen|gelesen|lest|liest', 'selbst|selber schuld', 'selbstverschuldet', 'selbst verschuldet', 'ihre|deine schuld', '@you bist|sind|seid ~ schuld', 'ihr|dein fehler', 'ihr|dein pech',
        'hätten|hättest @you ~ lesen|durchlesen|prüfen|überprüfen|anrufen|melden|aufpassen|fragen|nachfragen|nachsehen|nachschauen|beachten|sperren|aufbewahren|kündigen|kontrollieren|bezahlen|überweisen|mitbringen|unterschreiben|ausfüllen|lesen müssen|sollen|können', '@you hätten|hättest ~ lesen|durchlesen|prüfen|überprüfen|anrufen|melden|aufpassen|fragen|nachfragen|nachsehen|nachschauen|beachten|sperren|aufbewahren|kündigen|kontrollieren|bezahlen|überweisen|mitbringen|unterschreiben|ausfüllen|lesen müssen|sollen|können', 'hätten|hättest @you ~ mal|halt|eben',
        'hätten|hättest @you ~ gelesen|aufgepasst|geprüft|gefragt', 'haben|hast @you ~ nicht ~ gelesen|aufgepasst|geprüft|zugehört|beachtet',
        'liegt|lag an @you $', 'liegt|lag an @you dass|weil|wenn', 'liegt|lag halt|eben|einfach|allein|nur|schon an @you', 'dass ~~ liegt|lag an @you',
        '@you haben|hast ~ verschlampt|verbockt|vermasselt|verbaselt', '@you haben|hast ~ nicht ~ gelesen|aufgepasst|geprüft|beachtet|zugehört',
        'haben|hast @you ~ selbst|selber ~ verbockt|vermasselt|verursacht|verschuldet|verschlampt', '@you ~ selbst|selber ~ verbockt|vermasselt|verursacht|verschuldet|verschlampt',
        // die Schuld ausdrücklich beim Kunden: „Das Problem liegt nicht bei der Bank, sondern daran, dass Sie …"
        'liegt|lag nicht bei|an ~ sondern daran dass @you', 'liegt|lag nicht bei|an ~ sondern an|bei @you',
        'wer lesen kann', 'das|dies ist ~ ihr|dein problem', '^ ihr|dein problem $', 'müssen|musst @you ~ halt',
        // "Dann müssen Sie eben warten", not "Dann müssen Sie eben nur noch tippen"
        'müssen|musst @you ~ eben $', 'müssen|musst @you ~ eben ~ damit|selbst|selber|warten|akzeptieren|hinnehmen|früher|besser|aufpassen',
        'sie sind ~ dafür|allein ~ verantwortlich', 'du bist ~ dafür|allein ~ verantwortlich', 'ihr seid ~ dafür|allein ~ verantwortlich',
        // "Das liegt an Ihnen"; "Das liegt ganz an Ihnen" leaves the choice to the customer
        'das liegt|lag an ihnen|dir', 'das liegt|lag ~ nur|allein|wohl|eher|doch|eindeutig|schon|eben|halt ~ an ihnen|dir',
        'sie sind ~ selbst verantwortlich', 'du bist ~ selbst verantwortlich', 'auf ihre|deine kappe', 'sie sind ~ mit schuld', 'du bist ~ mit schuld', 'ihr seid ~ mit schuld', 'sie tragen|du trägst ~ mit schuld', 'eigene dummheit|blödheit|nachlässigkeit|schlamperei',
      ],
    },
    {
      flag: 'defensive',
      score: 2,
      patterns: [
        'nicht meine|unsere schuld', 'ich|wir ~ kann|können ~ nichts dafür', 'dafür kann|können ich|wir nichts', 'dafür kann|können ich|wir ~ nichts $', 'ich bin nicht schuld', 'wir sind nicht schuld',
        'mache|mach ~ nur meinen job', 'arbeite ~ nur hier',
        // the shrug ("Was soll ich da machen?"), not the question ("Was soll ich zuerst machen: …?")
        'was soll ich machen|tun $', 'was soll ich ~ da|denn|dagegen|sonst ~ machen|tun', 'was erwarten sie|du $', 'was erwarten sie|du ~ denn|eigentlich|bitte', 'was erwarten sie|du von', 'was erwartest du', 'lassen sie ~ nicht an mir aus', 'lass ~ nicht an mir aus',
        'regeln ~ nicht gemacht', 'wir haben ~ nichts falsch gemacht', 'uns trifft keine schuld', 'mich trifft keine schuld', 'liegt nicht an mir|uns',
        'nicht mein|unser problem', 'nicht meine|unsere baustelle', 'nicht mein|unser bier', 'was kann ich ~ dafür $', 'was kann ich denn dafür', 'ich war das nicht', 'wir waren das nicht',
      ],
    },
    {
      flag: 'defensive',
      score: 3,
      patterns: [
        'das sind die vorschriften|regeln|vorgaben', 'vorschrift ist vorschrift', 'regeln sind regeln',
        'so sind die regeln', 'so ist die regel', 'das ist nun mal so $', 'das ist halt so $',
        'mir sind die hände gebunden', 'dafür|hierfür bin ich nicht zuständig', 'dafür sind wir nicht zuständig', 'nicht meine abteilung',
        'wir haften nicht', 'keine haftung', 'ist leider so $',
      ],
    },
    {
      // the rule quoted as the answer („Mittagessen gibt es ab zwölf, das ist bei uns die Regel."):
      // plain and bureaucratic (3) where nothing follows; „…, das ist die Regel. Ich schicke Ihnen …" helps
      flag: 'defensive',
      score: 3,
      unlessWayForward: true,
      patterns: [
        'das ist die|unsere regel|vorschrift|vorgabe $', 'das ist hier|eben|halt|leider die regel $', 'das ist bei uns ~ die regel $', 'das ist bei uns ~ so $', 'das ist hier ~ so $',
        'das ist die|unsere regel|vorschrift|vorgabe tut mir leid $', 'das ist hier|bei uns ~ die regel tut mir leid $', 'das ist die|unsere regel|vorschrift|vorgabe sorry $',
      ],
    },
    {
      // A rule quoted as the last word of its sentence: "Gemäß unseren AGB können Sie ihn zurückgeben,
      // auch ausgepackt" and "Auch wenn ich nicht zuständig bin, kläre ich das" go on to help.
      flag: 'defensive',
      score: 3,
      lastClause: true,
      patterns: [
        'gemäß|laut|entsprechend ~ agb|richtlinien|richtlinie|bedingungen|geschäftsbedingungen|vorschriften|vorgaben|bestimmungen',
        'nicht zuständig', 'gemäß paragraph|paragraf',
      ],
    },
    {
      // a "no" with nothing offered after it; "Heute können wir leider nicht mehr überweisen, aber
      // morgen früh …" offers a way forward
      flag: 'defensive',
      score: 3,
      unlessContrast: true,
      patterns: ['können wir leider nicht', 'geht leider nicht'],
    },
    {
      // the rubric's dismissive shrug, and 25 of the 26 training replies with it are labelled not
      // composed; the one that offers something after it („… Ich kann Ihnen aber …") is fair
      flag: 'dismissive',
      score: 2,
      unlessWayForward: true,
      patterns: ['da kann|können ich|wir|man ~ nichts machen|tun'],
    },
    {
      flag: 'dismissive',
      score: 2,
      negatable: true,
      patterns: [
        'beruhigen sie sich', 'beruhig dich', 'regen sie sich ~ ab', 'reg dich ~ ab', 'regen sie sich ~ nicht ~ auf', 'reg dich ~ nicht ~ auf', 'jetzt mal halblang',
        'kein grund ~ aufzuregen', 'kein grund ~ aufregung', 'kein grund zur aufregung',
        '^ na und $', '^ na und wenn', 'ist mir egal', 'mir doch egal', 'mir egal', 'mir ~ wurst|wurscht|schnuppe|latte', 'pech gehabt', 'so ist das leben',
        // the shrug ends its sentence: "Das ist eben so.", not "Das ist eben so ärgerlich, weil …"
        'ist halt|eben so $', 'ist nun mal so $', 'ist halt|eben so da', 'ist nun mal so da',
        'hören|hör ~ auf zu jammern|meckern|heulen|nörgeln|schreien|motzen', 'jammern|meckern|heulen sie|du nicht', 'übertreiben sie|du nicht',
        '@you übertreiben|übertreibst', 'stellen sie sich nicht so an', 'stell dich nicht so an', '^ unsinn|quatsch|blödsinn|schwachsinn|humbug $', 'so ein|einen ~ unsinn|quatsch|blödsinn|schwachsinn|humbug', 'was für ein|einen ~ unsinn|quatsch|blödsinn|schwachsinn|humbug',
        'das ist ~ unsinn|quatsch|blödsinn|schwachsinn|humbug', 'reden|redest|erzählen|erzählst ~ unsinn|quatsch|blödsinn|schwachsinn',
        'friss oder stirb', '^ gewöhnen sie sich ~ dran|daran', 'gewöhn dich ~ dran|daran', 'nehmen sie es oder lassen sie es', 'so what', 'wen interessiert', 'interessiert mich nicht', 'jammern auf hohem niveau',
        // "Sind Sie immer so empfindlich?", not "Sind Sie empfindlich gegen Nüsse?"
        'sind sie ~ empfindlich $', 'bist du ~ empfindlich $', 'mimose',
      ],
    },
    {
      // a shrug at the problem
      flag: 'minimising',
      score: 3,
      // a shrug ends its sentence: "Kommt vor.", not "Das kommt vor allem bei neuen Karten vor" or
      // "Es kann passieren, dass die Zahlung doppelt angezeigt wird"
      patterns: [
        'tja', 'schon klar', 'kommt vor $', 'kommt halt|eben|schon|mal|immer ~ vor $', 'passiert halt', 'passiert eben', 'so ist es nun mal', 'ist so $',
        'kann passieren $', 'kann halt|eben|schon|mal|immer ~ passieren $', 'shit happens',
      ],
    },
    {
      flag: 'condescending',
      score: 2,
      negatable: true,
      patterns: [
        '^ ganz langsam $', 'erkläre|erklär|sage|sag ~ ganz langsam|langsam', '^ zum mitschreiben', 'nochmal|einmal ~ zum mitschreiben', 'noch einmal langsam|ganz langsam', 'ist doch nicht so schwer', 'so schwer ist das nicht $', 'ist nicht so schwer $',
        'zu schwer|kompliziert|hoch|viel für @you $', 'sogar|selbst ein kind ~ kann|könnte|weiß|versteht|schafft|kapiert', 'kann|weiß|versteht|kapiert ~ jedes kind $', 'können|kannst @you ~ nicht lesen', 'lesen sie ~ doch ~ mal', 'lies ~ doch ~ mal', 'hören sie mir ~ überhaupt ~ zu',
        'hören sie mir mal gut zu', 'hör mir mal zu', 'passen sie ~ gut auf $', 'pass ~ gut auf $', '^ zum letzten mal', 'sage|sag ~ es ~ zum letzten mal', 'zum hundertsten|tausendsten|xten mal',
        // "Wie oft soll ich es Ihnen noch sagen?", not "Wie oft soll ich Sie erinnern?"
        'wie oft ~ soll|muss ich ~ noch', 'wie oft denn noch', '^ sie|du schon wieder', 'ach sie|du schon wieder', 'werden sie erwachsen', 'werd erwachsen', 'ist doch logisch $',
        'das sollten sie ~ wissen $', 'das solltest du ~ wissen $', 'das sollten sie ~ eigentlich|doch|schon|wirklich ~ wissen', 'das solltest du ~ eigentlich|doch|schon|wirklich ~ wissen', 'haben sie das verstanden', 'hast du das verstanden', '^ kapiert $', '^ capito $', 'haben sie|hast du ~ kapiert $',
        // "Ist doch klar!", not "Es ist doch klar, dass Sie sich Sorgen machen"
        'ist doch klar $', 'ist doch klar oder', 'liegt doch auf der hand',
        // "Mein Lieber, …" as an address, not "mein lieber Kollege Herr Brandt"
        'mein lieber|liebe $', 'meine liebe $', '^ mein lieber herr', '^ meine liebe frau',
        // as an address only: "Guter Mann, …", "…, junge Frau." (not "er war ein guter Mann")
        '^ guter|junger mann', '^ gute|junge frau', 'sie|ihnen|dir|dich|danke|hören|zu|mal|nein|ja|na guter|junger mann $', 'sie|ihnen|dir|dich|danke|hören|zu|mal|nein|ja|na gute|junge frau $',
        'hören sie ~ guter|junger mann|frau', 'hören sie ~ gute|junge frau',
        // „Gnädige Frau" is nothing but an address, and an arch one at a service counter
        'gnädige frau',
      ],
    },
    {
      flag: 'condescending',
      score: 3,
      patterns: [
        // the speaker repeating himself, not "wie Sie schon gesagt haben" or "wie im Brief bereits erwähnt"
        'wie ich|wir bereits|schon ~ gesagt|sagte|sagten|erwähnt|mitgeteilt|erklärt|geschrieben|ausgeführt', 'wie ich|wir ihnen|dir|euch ~ bereits|schon ~ gesagt|erwähnt|mitgeteilt|erklärt|geschrieben|ausgeführt', '^ wie bereits|schon gesagt|erwähnt|mitgeteilt|erklärt|geschrieben|ausgeführt',
        'wie ~ bereits|schon ~ mehrfach|mehrmals|zigmal|oft|öfter ~ gesagt|erwähnt|mitgeteilt|erklärt|geschrieben|ausgeführt',
        'habe ich ~ ihnen|dir|euch ~ bereits|schon ~ gesagt|erklärt|mitgeteilt', 'das|dies habe ich ~ bereits|schon ~ gesagt|erklärt|mitgeteilt',
        'habe|hab ich doch ~ bereits|schon ~ gesagt|erklärt|mitgeteilt', 'habe ich ~ bereits|schon ~ mehrfach|mehrmals|zigmal|oft ~ gesagt|erklärt|mitgeteilt',
      ],
    },
    {
      // "Natürlich nicht." tacked on at the end is curt; opening a reassurance ("Natürlich nicht! Der
      // Austausch ist kostenlos") it is warm
      flag: 'condescending',
      score: 3,
      coda: true,
      patterns: ['^ natürlich|selbstverständlich nicht',
      ],
    },
    {
      // cues that are mockery more often than not, but can be meant: a minor slip at most
      flag: 'sarcasm',
      score: 4,
      patterns: ['weiter so', 'machen sie nur weiter', 'mach nur weiter'],
    },
    // --- Spott, Herablassung und Sticheleien ohne grobes Wort ------------------------------------
    {
      // taunting questions: the same words as a statement are often fine ("Sie sind neu hier")
      flag: 'condescending',
      score: 2,
      question: true,
      patterns: [
        // "Wie alt sind Sie eigentlich?", not "… brauche ich dein Alter: Wie alt bist du?"
        'sind|bist @you ~ fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn', '^ wie alt sind|bist @you $', '^ wie alt sind|bist @you eigentlich|denn|bitte $', 'ehrlich ~ wie alt sind|bist @you',
        'sind|bist @you ~ ein|eine ~ kind|kleinkind|baby',
        // "Ist das so schwer?", not "Ist es im Moment wirklich schwer für Sie, in die Filiale zu kommen?"
        'ist das|es ~ so schwer|kompliziert', 'ist das|es denn|wirklich schwer|kompliziert $', 'haben|hast @you ~ nichts ~ besseres|anderes ~ zu tun', 'haben|hast @you ~ kein|keine ~ leben|hobby|hobbys|freunde|zuhause $',
        // the reward as the whole question: "Möchten Sie einen Keks?", not "… einen Keks zum Kaffee, solange Sie warten?"
        'wollen|möchten|willst|möchtest @you ~ einen|eine ~ orden|medaille|keks|pokal|urkunde|applaus $', 'wollen|möchten|willst|möchtest @you ~ einen|eine ~ orden|medaille|keks|pokal|urkunde|applaus dafür $',
        'brauchen|brauchst @you ~ ein|eine|einen ~ taschentuch|taschentücher|umarmung|nickerchen',
        // "Soll ich es Ihnen aufmalen?", not "Soll ich Ihnen den Straßennamen buchstabieren?"
        'soll ich ~ ein bild malen', 'soll ich ~ es|das|ichs aufmalen|aufzeichnen|buchstabieren', 'soll ich es|das @you ~ aufmalen|aufzeichnen|buchstabieren', 'soll ichs|ich\'s ~ aufmalen|aufzeichnen|buchstabieren', 'wer glauben|glaubst @you ~ wer', 'was bilden|bildest @you ~ ein $',
        'was haben|hast @you ~ denn ~ erwartet $', 'was ist ~ ihr|dein ~ problem $', 'was ist ~ los mit ihnen|dir $', 'was stimmt ~ nicht mit ihnen|dir',
        'verstehen|verstehst @you ~ kein|nicht ~ deutsch', 'sprechen|sprichst @you ~ kein ~ deutsch', 'ist es meine|unsere schuld', 'sind|bist @you fertig $', '^ zufrieden $', '^ jetzt zufrieden $', 'sind wir hier fertig', 'wissen|weißt @you ~ es ~ besser ~ als wir|ich', 'kann ich ~ etwas|was ~ dafür $',
        // "Haben Sie schlecht geschlafen?", not "… wegen der Baustelle schlecht geschlafen?"
        'haben|hast @you schlecht geschlafen', 'haben|hast @you heute|wohl|etwa|gestern|denn schlecht geschlafen',
        // "Geht's noch?" with nothing after it, not "Geht es Ihnen soweit noch gut, oder möchten Sie eine Pause?"
        '^ geht es @you noch gut $', '^ geht es @you eigentlich|denn|wirklich noch gut $', '^ geht\'s|gehts noch $', '^ geht es noch $', 'ist das ihr|dein ernst',
        'meinen|meinst @you das ~ ernst $',
      ],
    },
    {
      // jabs at the person that need no question mark
      flag: 'condescending',
      score: 2,
      negatable: true,
      patterns: [
        // the guess as a taunt stands alone or leads to a put-down; "Lassen Sie mich raten: Sie waren im
        // Ausland, und die Karte wurde gesperrt?" guesses to help
        'lassen sie mich raten $', 'lass mich raten $', 'lassen|lass ~ mich raten ~~ nicht|vergessen|verloren|verschlampt|wieder|falsch|keine|keinen|natürlich',
        'da hat ~ wohl|mal ~ jemand', 'hat da ~ jemand ~ nicht ~ aufgepasst|gelesen|zugehört', 'hat da ~ jemand ~ schlechte laune', 'ist aber jemand', 'jemand ~ schlecht geschlafen|gelaunt',
        'mit dem falschen|linken fuß aufgestanden', // "Ist da jemand empfindlich?", not "Ist in Ihrer Gruppe jemand empfindlich gegen Nüsse?"
        'jemand ~ empfindlich|gereizt|beleidigt|eingeschnappt|dünnhäutig|zickig $', 'jemand ~ mies drauf', 'willkommen in der realität|wirklichkeit', 'willkommen in der realen|echten welt',
        'schön|nett|toll ~ dass @you ~ auch mal|schon', 'auch schon da $', 'auch schon wach', 'auch mal melden $', 'auch mal wieder melden $', 'geruhen|geruhst', 'benutzen|benutz|benutze|nutzen ~ @you ~ ihren|ihr|deinen|dein ~ kopf|verstand|hirn|gehirn', 'benutz|benutze|nutz ~ deinen|dein ~ kopf|verstand|hirn|gehirn',
        // "Denken Sie erst nach, bevor …", not "Denken Sie in Ruhe nach, bevor Sie unterschreiben"
        'denken|denk ~ erst|mal|doch|gefälligst|lieber|zuerst|vorher|einmal|besser ~ nach', 'erst denken ~ dann', 'googeln sie', 'googel|google es|das ~ doch', 'nichts besseres zu tun', 'kein hobby',
        'ihre|deine ~ meinung ~ für sich|dich', 'behalten sie ~ für sich', 'seien|sei ~ still $',
        // "Niemand zwingt Sie, Kunde zu bleiben" shows the door; "Niemand zwingt Sie, heute zu entscheiden" reassures
        'niemand|keiner zwingt sie|dich $', 'niemand|keiner zwingt sie|dich ~~ kunde|bleiben|hier|gehen|kündigen|wechseln', 'gehen sie doch ~ zur|zu ~ konkurrenz',
        'sie sind mir ja einer', 'du bist mir ja einer', 'sie sind ja ~ ein|eine|der|die ~ sonnenschein|schatz|held|heldin|experte|expertin|genie|komiker|scherzkeks|witzbold', 'sie sind ja ~ der|die ~ große|größte ~ experte|expertin|kenner|kennerin|fachmann|fachfrau',
        'du bist ja ~ ein|eine ~ sonnenschein|schatz|held|heldin|experte|expertin|genie|komiker|scherzkeks|witzbold',
        // "Na, Sonnenschein?", not "Für morgen ist viel Sonnenschein."
        '^ sonnenschein $', '^ na|tja|danke|okay|ok|hallo|hey|morgen|ja|nein sonnenschein $', '^ guten morgen sonnenschein $', 'sie|du sonnenschein $', 'klingt nach ~ persönlichem|ihrem|deinem ~ problem',
        'ist ihnen|dir ~ schon ~ klar dass', 'ihnen|dir ist ~ schon ~ klar dass', 'sind wir hier fertig', 'sie wissen es ja besser', 'du weißt es ja besser', 'na dann viel glück ~ bei der suche',
        'mit der|dieser|so einer ~ einstellung', 'bevor @you ~ weh tun|wehtun|verletzen', 'um ~ ihren|deinen ~ eigenen ~ kram|mist|dreck',
        // "Beschweren Sie sich doch woanders", not "Wenn Sie sich auch woanders beschweren möchten, …"
        'woanders ~ jammern|heulen|meckern', 'woanders ~ beschweren $', 'beschweren sie sich ~ doch|halt|eben|gern|gerne|lieber ~ woanders', 'beschwer dich ~ doch|halt|eben|gern|gerne|lieber ~ woanders', 'sorte|typ mensch', 'ihr|dein iq', 'ihre|deine intelligenz', 'netter versuch', 'erzählen|erzähl ~ das ~ ihrer|deiner ~ oma|mutter|großmutter',
        'heulen|heul ~ ruhig|doch|weiter', 'da kommen mir ~ tränen', 'mir kommen ~ tränen', 'ich könnte weinen', 'einen gang|zahn runterschalten', 'kommen|komm ~ mal ~ runter $',
        'gehen|geh ~ mal ~ an die frische luft $', 'ein bisschen|etwas ~ nachhilfe', 'nachhilfe in',
      ],
    },
    {
      // put-downs that carry their own "nicht", so no negation check
      flag: 'condescending',
      score: 2,
      patterns: ['dreht sich ~ nicht ~ um @you', 'nicht alles ~ dreht sich um @you', 'keine ahnung wovon @you ~ reden|redest|sprechen|sprichst'],
    },
    {
      // sarcastic agreement and mock sympathy or alarm
      flag: 'sarcasm',
      score: 2,
      negatable: true,
      patterns: [
        'weil das ~ meine|unsere ~ schuld',  'wie wollen|sollen|werden sie|du ~ das ~ nur ~ überleben|verkraften|aushalten', 'überleben sie|du das',
        'die welt geht unter', 'weltuntergang', 'ach du armer|arme|armes', 'sie ärmste|ärmster|armer|arme', 'du ärmste|ärmster|armer|arme',
        'sehr erwachsen', 'wie erwachsen',         'ihr|ihre|dein|deine scharfsinn|intellekt|genialität|brillanz', 'wie originell', 'wie geistreich', 'wie scharfsinnig', 'applaus applaus', 'stehende ovationen',
        // "Hauptsache, Sie haben recht", "Hauptsache, Sie fühlen sich gut dabei"; not "Hauptsache, Sie fühlen sich wieder sicher"
        'hauptsache ~ sie|du ~ haben|hast ~ recht|gemeckert|beschwert|geschimpft', 'hauptsache ~ sie|du ~ fühlen|fühlst ~ sich|dich ~ gut|besser|wohl ~ dabei', 'hauptsache sie|du $',
        'wie praktisch für sie|dich', 'oh wie praktisch',
      ],
    },
    {
      // rhetorische Fragen: sie fragen nichts, sie werfen vor ("War das so schwer?")
      flag: 'condescending',
      score: 2,
      question: true,
      patterns: [
        'war das|es ~ so|wirklich ~ schwer|schwierig $', 'ist das ~ zu viel verlangt', 'wie schwer kann ~ das|es ~ sein', 'wie ~ genau|bitte ~ haben sie ~ das ~ geschafft', 'wie ~ genau|bitte ~ hast du ~ das ~ geschafft',
        'warum ~ haben sie ~ nicht einfach', 'warum ~ hast du ~ nicht einfach', 'haben sie ~ wirklich ~ gedacht|geglaubt|erwartet', 'hast du ~ wirklich ~ gedacht|geglaubt|erwartet',
        'erwarten sie ~ wirklich', 'erwartest du ~ wirklich', 'was haben sie ~ gedacht ~ was passiert', 'was hast du ~ gedacht ~ was passiert',
        'wer hat ihnen|dir ~ das ~ erzählt|gesagt', 'welchen teil ~ von ~ haben sie ~ nicht', 'welchen teil ~ von ~ hast du ~ nicht',
      ],
    },
    {
      // passiv-aggressive Korrespondenz: die Erinnerung, dass der Kunde nicht gelesen hat
      flag: 'condescending',
      score: 2,
      patterns: [
        'wie bereits ~ mehrfach|mehrmals|zweimal|wiederholt ~ erwähnt|gesagt|erklärt|geschrieben|mitgeteilt', 'wie in meiner ~ letzten|vorherigen|gestrigen ~ mail|nachricht',
        'bitte lesen sie ~ meine|die ~ mail|nachricht ~ nochmal|einmal|genau|aufmerksam', 'wenn sie ~ die|meine|unsere ~ mail|nachricht|brief ~ gelesen hätten',
        'ich bin sicher ~ sie sind ~ sehr|schwer|viel ~ beschäftigt ~ aber', 'ich weiß ja ~ dass sie ~ viel zu tun ~ aber', 'natürlich ~ ist ~ alles ~ unsere|meine ~ schuld $',
        '@praise ~~ sie|du ~ haben|hast ~~ wieder|dritten ~ verloren|vergessen|gesperrt|kaputt|gelöscht',
      ],
    },
    {
      // kleinreden, was der Kunde erlebt hat
      flag: 'minimising',
      score: 2,
      negatable: true,
      patterns: [
        'ist doch nur|bloß ~ euro|minute|minuten|stunde|stunden|tag|tage $', 'halb so wild', 'es gibt schlimmeres', 'andere ~ warten ~ viel|noch ~ länger',
        'das überleben sie|du ~ schon', 'machen sie ~ kein|keinen ~ drama|aufstand|theater', 'mach ~ kein|keinen ~ drama|aufstand|theater', 'kein grund ~ theater|aufstand|drama',
      ],
    },
    {
      // die Verantwortung weiterreichen
      flag: 'defensive',
      score: 2,
      patterns: ['liegt nicht in meiner hand', 'entscheide nicht ich', 'entscheide ich nicht', 'beschweren sie sich ~ bei ~ zentrale|geschäftsleitung|it|system', 'da ist das system schuld', 'das system ist schuld'],
    },
    {
      // Mitleid mit einer Fähigkeit, die jeder hat ("dass Ihnen das Lesen so schwerfällt"); echtes
      // Mitgefühl gilt einer Lage ("dass das gerade so schwer für Sie ist")
      flag: 'sarcasm',
      score: 2,
      patterns: [
        'lesen|zuhören|klicken|ausfüllen|verstehen|rechnen|tippen|buchstabieren|nachsehen|öffnen ~~ so|derart|dermaßen ~ schwer|schwerfällt|schwierig|kompliziert',
        'endlich ~ zeit gefunden', 'auch mal ~ zeit ~ gefunden', 'glückwunsch|gratuliere ~ sie|du ~ haben|hast ~ entdeckt|herausgefunden|gefunden|geschafft',
        'aber klar|sicher ~ nie|nicht ~ angekommen|bekommen|erhalten', 'von selbst|allein ~ weggelaufen|verschwunden|davongelaufen',
        'die meisten ~ schaffen|kriegen|verstehen ~ das ~ beim ersten mal', 'die meisten ~ schaffen|kriegen|verstehen ~ das ~ auf anhieb|allein',
      ],
    },
    {
      // was die Kundin zu verstehen hat oder wissen sollte: eine Belehrung, so ruhig sie klingt
      flag: 'lecturing',
      score: 2,
      negatable: true,
      patterns: [
        'sie müssen ~ verstehen', 'sie müssen ~ begreifen', 'verstehen sie doch', 'als ~ sollten|müssten sie ~ wissen', 'das sollten|müssten sie ~ als ~ wissen', 'ich erkläre|erklär ihnen mal',
        // ungefragte Hinweise und Lebensregeln: im Trainingskorpus jedes Mal belehrend gemeint (zwei bis sieben Antworten, keine ruhige)
        'nur zur info|information|kenntnis', 'sollten|müssten sie ~ eigentlich|doch|schon wissen', 'darf ich sie daran erinnern', 'ich darf sie daran erinnern', 'merken sie sich das',
        'wenn jeder|jede ~ gast|kunde|kundin ~ würde|würden|hätte|wollte|käme',
      ],
    },
    {
      // belehren und herablassen ohne grobes Wort
      flag: 'condescending',
      score: 2,
      negatable: true,
      patterns: [
        'ist ~ doch ~ kein hexenwerk', 'ist ~ doch ~ ganz einfach $', 'ist ~ doch ~ grundwissen|allgemeinwissen', 'gesunder menschenverstand', 'was ist ~ daran ~ so ~ schwer|schwierig|kompliziert',
        'weiß doch ~ jeder', 'wie jeder weiß', 'mal sehen ob sie|du ~ das ~ diesmal|jetzt|schaffen|schaffst|verstehen|verstehst',
        'sie ~ offenbar|anscheinend|offensichtlich ~ nicht ~ gelesen|zugehört|nachgesehen|angeschaut', 'wissen|kennen sie|du ~ ja ~ offenbar|offensichtlich|anscheinend ~ nicht',
        'sogar|selbst sie|du ~ sollten|solltest|können|kannst|müssten|müsstest', 'sehen wir aus wie ein|eine', 'sehe ich aus wie ein|eine', 'schon mal ~ was|etwas ~ von ~ gehört',
        'ich habe ~ noch ~ andere ~ kunden|anrufe|termine',
      ],
    },
    {
      // abwimmeln und mit dem Entzug der Leistung drohen
      flag: 'dismissive',
      score: 2,
      negatable: true,
      patterns: [
        'suchen sie sich ~ einen|eine|ein ~ anderen|andere|anderes ~ berater|beraterin|bank|anbieter|hotel|geschäft|laden|ansprechpartner',
        'such dir ~ einen|eine|ein ~ anderen|andere|anderes ~ berater|beraterin|bank|anbieter|hotel|geschäft|laden|ansprechpartner',
        'gehen sie ~ doch ~ woanders|anderswo ~ hin', 'geh ~ doch ~ woanders|anderswo ~ hin', 'dann ~ müssen sie ~ das ~ selbst|selber ~ klären|regeln|machen|lösen', 'dann ~ musst du ~ das ~ selbst|selber ~ klären|regeln|machen|lösen',
        'ich bin fertig mit ihnen|dir', 'mir reicht es mit ihnen|dir', 'ende der warteschlange', 'wenn sie sich ~ beruhigt|abgeregt', 'wenn du dich ~ beruhigt|abgeregt', 'wenn sie ~ besserer|bessere ~ laune',
        'wir haben ~ alle ~ schlechte tage', 'jeder hat mal ~ einen schlechten tag', 'dauert ~ so lange ~ wie es dauert',
        'ist ~ halt|eben ~ so $', 'ist ~ nun mal ~ so $', 'bringt nichts ~ mich|mir ~ anzuschreien|anzubrüllen',
      ],
    },
    {
      flag: 'blame',
      score: 2,
      negatable: true,
      patterns: ['sie|du ~ immer wieder ~ falsch', 'sie|du ~ ständig ~ falsch', 'nicht unsere|meine aufgabe ~~ merken|aufzupassen|kontrollieren|erinnern', 'zwingt sie|dich ~ doch ~ niemand|keiner', 'hat ihnen|dir ~ niemand|keiner ~ pistole'],
    },
    {
      // passive-aggressive framing and tone policing: stiff or slightly condescending rather than hostile
      flag: 'condescending',
      score: 3,
      patterns: [
        'bei allem respekt', 'äußerst|wirklich|sehr ~ erhellend|aufschlussreich|tiefsinnig|geistreich $', 'danke für ~ erhellenden|aufschlussreichen|geistreichen|tiefsinnigen ~ beitrag|kommentar|hinweis', 'ich wiederhole mich ~ nicht', 'wenn es sie|dich glücklich macht', 'wenns sie|dich glücklich macht', 'nichts für ungut aber', 'ich will ja nicht unhöflich sein', 'ich sags|sag\'s|sage ~ ja nur', 'nur mal so', 'nur so als tipp', 'tief durchatmen', 'atmen sie ~ tief durch',
        'atme ~ tief durch', '^ ganz ruhig $',
        // "Wie Sie meinen." ends the talk; "Wie Sie meinen Kollegen schon gesagt haben" does not
        'wie sie meinen $', 'wie du meinst $', 'wenn sie meinen $', 'wenn du meinst $', 'wie sie meinen dann', 'wie du meinst dann',
        // "Wenn es Ihnen nicht passt, können Sie ja kündigen", not "…, suchen wir einen anderen Tag"
        'wenn es ihnen|dir nicht passt|gefällt $', 'wenn ihnen|dir das nicht passt|gefällt $',
        'wenn es ihnen|dir nicht passt|gefällt ~~ gehen|kündigen|woanders|wechseln|konkurrenz|pech|problem|tür|bitteschön',
        'wenn ihnen|dir das nicht passt|gefällt ~~ gehen|kündigen|woanders|wechseln|konkurrenz|pech|problem|tür|bitteschön',
        '^ sehr witzig|lustig $', '^ wie witzig|lustig $', '^ bravo $', '^ faszinierend $', '^ beeindruckend $', '^ spannend $', 'was für eine überraschung $', 'hätte ich nicht gedacht',
      ],
    },
    {
      // "Klar, weil das ja meine Schuld ist." A reason with nothing after it and a particle of
      // exaggeration in it mocks; with a main clause after it ("Klar, weil die Karte neu ist, brauchen
      // Sie …") or plain ("Genau, weil die Karte abgelaufen ist.") it explains.
      flag: 'sarcasm',
      score: 2,
      lastClause: true,
      patterns: ['^ klar|genau|sicher|natürlich ~ weil ~~ ja|natürlich|immer|nie|alle|jeder|niemand|total|völlig'],
    },
    {
      // ein nachgeschobenes Urteil, nachdem die Antwort gesagt hat, was sie sagen wollte: "Respekt."
      flag: 'sarcasm',
      score: 2,
      coda: true,
      patterns: ['^ gut gemacht $', '^ glückwunsch|gratuliere|respekt|bravo $', '^ alle achtung $', '^ herzlichen glückwunsch $', '^ sehr|wie|echt|wirklich ~ erwachsen|originell|charmant|reizend|souverän|professionell $', '^ reizend|charmant|niedlich|lachhaft $',
        // mock alarm, a mock "how sweet", a taunt about the parents, after the reply has said its piece
        '^ oh nein ~ wie furchtbar|schrecklich|tragisch', '^ ach|oh ~ wie süß', '^ wie süß',
        '^ ihre|deine eltern ~~ stolz', '^ ihre|deine eltern ~~ stolz sein', '^ ihre|deine eltern ~~ stolz auf @you', '^ ihre|deine eltern ~~ stolz auf @you sein',
      ],
    },
    {
      // exasperated disbelief: a slip, and a taunt only with other cues
      flag: 'sarcasm',
      score: 4,
      question: true,
      patterns: ['^ ernsthaft', '^ im ernst', '^ wirklich $', '^ echt $', '^ ach ja $', '^ ach so $', 'können|kannst @you ~ wenigstens'],
    },
    {
      flag: 'sarcasm',
      score: 2,
      negatable: true,
      patterns: [
        'na glückwunsch|gratuliere|bravo|toll|super|prima|klasse|wunderbar|großartig|fantastisch|prächtig|spitze|bestens', 'ganze arbeit',
        // "Ja klar." alone mocks; "Ja klar, das mache ich sofort" agrees
        'glückwunsch ~ da haben|hast', '^ ja klar $', 'ja klar und ich bin', '^ ja klar ~ sicher|bestimmt|natürlich $', 'jaja', 'ja ja', 'ach nee', '^ ach was $', 'wie originell', '^ wie schön für sie|dich $', '^ schön für sie|dich $', 'na schön für sie|dich',
        'da haben sie sich ja', 'da hast du dir ja', 'haben sie ja ~ toll|super|prima|großartig|klasse', 'hast du ja ~ toll|super|prima|großartig|klasse',
        '^ ganz|echt|wirklich toll $', '^ ja toll', 'wer hätte das gedacht', 'welch eine überraschung $', 'was für eine überraschung $', 'oh wunder', 'armer schatz',
        'sie armes|armer', 'du armes|armer', '^ wie reizend|nett $', 'ganz großes kino', 'großes kino',
        'sind sie ja ein ganz schlauer|kluger', 'bist ja ein ganz schlauer|kluger', 'ganz schlau', 'ganz schön schlau',
        // "Na dann viel Spaß." as the whole sentence; "Viel Spaß damit!" after sending a new phone is meant
        '^ na dann ~ viel spaß|glück|erfolg $', 'na dann ~ viel spaß|glück|erfolg ~ damit|dabei $', 'tja ~ viel spaß|glück ~ damit|dabei', 'ja nee',
        // address-like nouns as a mock title ("Danke, Chef."): after "Ihr" they are the customer's boss or son
        '^ na|hey|tja|ja|nein|okay|ok|klar|danke|schön|gut chef|meister|junge|kollege|mädchen $', 'sie|du chef|meister|kollege $', 'mein junge|mädchen $',
      ],
    },
  ],
  abuse: [
    { kind: 'threat', aimed: 'always', negatable: true, patterns: [
      'bring|bringe ~ um', 'umbringen|umbringe|abstechen|abknallen|erschießen|erschlagen|verprügeln|kaltmachen|abmurksen|killen', 'mach|mache ~ fertig',
      'haue|hau ~ eine rein', 'aufs|auf\'s maul', 'in die fresse', 'fresse polieren', 'weiß|weiss wo @you wohnen|wohnst|wohnt', 'werden|wirst ~ bereuen',
      'du bist tot', 'sie sind tot', 'ich finde dich', 'ich finde sie', 'kriegst ~ eine|was auf', 'schlag|schlage ~ tot', 'geh|gehen ~ sterben', 'verreck*',
      'warte nur', 'pass bloß auf', 'passen sie bloß auf', 'ich krieg dich', 'ich kriege sie', 'abfackeln', 'anzünden', 'in die luft jagen',
    ] },
    { kind: 'slur', aimed: 'always', mentionable: true, patterns: ['@slur'] },
    { kind: 'sexual', aimed: 'always', patterns: [
      'lutsch|lutschen|blas|blasen ~ mir|meinen', 'zeig|zeigen ~ mir ~ deine|ihre ~ titten|brüste|möpse|muschi|nacktbilder|nacktfotos|bilder|fotos',
      'schlaf|schlafen ~ mit mir', 'sex mit', 'willst du ~ ficken|bumsen|vögeln', 'wollen sie ~ ficken|bumsen|vögeln', 'was hast du ~ an', 'was haben sie ~ an',
      'bist du nackt|geil|feucht|jungfrau', 'sind sie nackt|geil|feucht|jungfrau', 'deine|ihre titten|brüste|möpse|muschi|beine|figur|hintern|arsch',
      'zieh dich ~ aus', 'ziehen sie sich ~ aus', 'mein schwanz|penis', 'nacktbilder', 'nacktfotos', 'heirate mich', 'küss mich', 'sei meine freundin', 'geile sau', 'dich ficken|bumsen|vögeln',
      'sie ficken|bumsen|vögeln', 'fick mich',
    ] },
    { kind: 'sexual', aimed: 'if-addressed', patterns: ['@sexual'] },
    { kind: 'profanity_at_agent', aimed: 'always', patterns: [
      'halt|halts|halt\'s|haltet|halten ~~ klappe|fresse|schnauze|maul|gosche|sabbel|rand', 'schnauze', 'verpiss|verpisst|verpissen ~ dich|euch|sich',
      'leck|lecken|leckt ~ mich', 'fick|ficken|fickt ~ dich|sich|euch', 'du kannst mich mal', 'sie können mich mal', 'zur hölle mit dir|ihnen|euch',
      'fahr|fahren ~ zur hölle', 'geh|gehen ~ zum teufel', 'hau|hauen ~ ab', 'verzieh|verziehen ~ dich|sich', 'scheiß|scheiss ~ auf dich|sie|euch',
      'geh|gehen ~ mir ~ auf den sack|keks|senkel', 'fick dich',
    ] },
    { kind: 'insult', aimed: 'always', negatable: true, mentionable: true, patterns: [
      '@you @insultNounAny', '@you @be ~ @insultNounAny', '@you @be ~ @insultAdj', '@be @you ~ @insultAdj', '@you ~ @insultAdj @insultNounAny',
      '@you ~ zu @insultAdj', 'deine mutter|mudder|mama', 'so ein|eine|einen @insultNounAny', '@insultAdj @agentNoun', '@insultAdj @insultNounAny', 'was für ein|eine|einen @insultNounAny',
      '@you ~ für ein|eine|einen @insultNounAny', '@you @be ~ ein|eine ~ zumutung|null|niete|katastrophe|witz|lachnummer', '@you @be ~ das letzte', '@you @be ~~ ein|eine|der|die @insultNounAny',
      'lern|lernen ~ lesen', 'hirn einschalten', 'kopf einschalten',
    ] },
    { kind: 'competence', aimed: 'always', negatable: true, patterns: [
      '@you @be ~ @competenceAdj', '@be @you ~ @competenceAdj', 'können|kannst @you ~ überhaupt', 'wer hat @you ~ eingestellt', 'lernen sie ~ ihren job',
      'haben|hast @you ~ überhaupt ~ ausbildung|erfahrung|ahnung', '@you ~~ nicht gewachsen', 'mehr im kopf als @you', 'mehr ahnung als @you',
      'lern ~ deinen job', 'machen sie ~ ihren job', 'mach ~ deinen job', '@you ~ zu @competenceAdj', '@competenceAdj @agentNoun',
      'sind sie ~ überhaupt ~ ausgebildet|qualifiziert', 'bist du ~ überhaupt ~ ausgebildet|qualifiziert', 'ist das ihr erster tag', 'ist das dein erster tag',
    ] },
    // These carry their own negation, so a "kein"/"nichts" inside them must not cancel them.
    { kind: 'competence', aimed: 'always', patterns: [
      // "Sie haben keine Ahnung!" doubts the agent; "Sie haben keine Ahnung, wie sehr mich das ärgert" tells of the speaker
      '@you ~ keine ahnung $', '@you ~ keine ahnung was|wovon|wie @you', '@you ~ keine ahnung von ~ ihrem|ihrer|deinem|deiner|dem|der|ihren|deinen ~ job|arbeit|beruf|fach|sache|materie|produkten|handwerk',
      '@you ~ keinen plan|schimmer|dunst $', '@you ~ keinen plan|schimmer|dunst von|was|wovon', '@you können|kannst ~ nichts', '@you taugen|taugst ~ nichts', 'von nichts ~ ahnung', 'null ahnung', 'keinen blassen',
    ] },
    { kind: 'insult', aimed: 'if-addressed', negatable: true, mentionable: true, patterns: ['@insultNounAny', '@insultAdjStrong'] },
    { kind: 'competence', aimed: 'if-addressed', negatable: true, patterns: ['@competencePerson'] },
    { kind: 'profanity_at_agent', aimed: 'in-addressed-clause', patterns: ['@profanityStrong'] },
  ],
} as const satisfies LanguageLexicon;
