import type { LanguageLexicon } from './lexicon-types.js';

/** English word lists. Generic insult/profanity vocabulary plus customer-service phrasing. */
export const EN_LEXICON = {
  classes: {
    // a reply of these words alone says yes ("Sure.", "Yes, of course."): nothing in it to mock with (composure.ts)
    assent: ['yes', 'yeah', 'yep', 'ok', 'okay', 'of', 'course', 'absolutely', 'definitely', 'will', 'do', 'no', 'problem', 'right', 'away', 'sure', 'certainly', 'gladly', 'alright', 'fine', 'understood', 'noted', 'got', 'it'],
    you: ['you', "you're", 'youre', 'u', 'ur', 'ya', 'yourself', "you've", "you'll", "you'd", 'thou', 'yall', "y'all"],
    self: ['i', "i'm", 'im', 'me', 'my', 'myself', "i've", "i'd", "i'll"],
    be: ['are', 'r', 'is', 'were', 'be', 'being', 'am'],
    youAre: ["you're", 'youre', 'ur', "u're"],
    article: ['a', 'an', 'the', 'such', 'total', 'complete', 'absolute', 'real', 'fucking', 'stupid', 'little', 'big', 'dumb', 'useless', 'worthless', 'pathetic', 'lazy'],
    negator: ['not', 'no', 'none', 'never', "don't", 'dont', "isn't", "aren't", "wasn't", "weren't", "didn't", "doesn't", "won't", "can't", 'cannot', 'nobody', 'nothing', 'neither', 'nor', "ain't", "wouldn't", "shouldn't", "haven't", "hasn't"],
    imperativeBe: ['be', 'being', 'act', 'acting', 'sound', 'sounding'],
    mention: ['word', 'words', 'term', 'terms', 'language', 'insult', 'insults', 'label', 'labels', 'expression', 'expressions', 'slur', 'slurs', 'names', 'comment', 'comments', 'remark', 'remarks', 'jibe', 'jibes'],
    mentionVerb: ['call', 'called', 'calling', 'calls', 'labelled', 'labeled', 'labelling', 'insulting', 'insulted'],
    // after the word: "'idiot' is not a word I accept", "I'll let the moron comment go"
    mentionAfter: ['word', 'words', 'term', 'expression', 'language', 'insult', 'slur', 'comment', 'comments', 'remark', 'remarks', 'jibe', 'crack', 'bit'],
    // insults in any position: no everyday meaning to confuse them with
    insultNounStrong: [
      'idiot*', 'moron*', 'imbecile*', 'cretin*', 'dumbass*', 'dumbfuck*', 'jackass*', 'asshole*', 'arsehole*', 'a**hole*',
      'bastard*', 'bitch', 'bitches', 'b*tch', 'cunt*', 'dickhead*', 'prick*', 'twat*', 'wanker*', 'tosser*', 'douche*',
      'loser*', 'scum*', 'dipshit*', 'shithead*', 'fuckface*', 'fucker*', 'motherfucker*', 'buffoon*', 'dimwit*', 'halfwit*',
      'nitwit*', 'numbskull*', 'dunce*', 'simpleton*', 'twit', 'twits', 'muppet*', 'knobhead*', 'bellend*', 'pillock*', 'plonker*',
      'jerk', 'jerks', 'degenerate*', 'airhead*', 'bonehead*', 'meathead*', 'blockhead*', 'pinhead*',
      'nincompoop*', 'dork', 'dorks', 'dweeb*', 'liar', 'liars', 'hypocrite*',
      'slut*', 'whore*', 'skank*', 'hoe', 'hoes', 'lowlife*', 'scumbag*', 'sleazebag*', 'dirtbag*', 'douchebag*',
      'cocksucker*', 'jackoff', 'wankstain', 'numpty', 'psycho', 'lunatic*',
      'weirdo*', 'nutjob*', 'nutcase*', 'retard*', 'snowflake*', 'sociopath*',
      'pervert*', 'perv', 'pervs', 'prostitute*', 'wench*', 'bigot*', 'coward*', 'thug*', 'traitor*', 'sissy', 'wimp', 'wimps',
      'biatch*', 'beyotch', 'scumbucket*', 'imbeciles', 'dolt*', 'oaf', 'oafs',
      'numbnut*', 'dumbo', 'fuckwit*', 'dickwad*', 'asshat*', 'assclown*', 'shitbag*', 'fatass*', 'jackasses',
      'windbag*', 'blowhard*', 'loudmouth*', 'bigmouth*', 'bungler*', 'pushover*', 'halfwit*', 'dullard*', 'pussy', 'pussies', 'libtard*', 'feminazi*', 'cuck', 'cucks', 'incel*', 'simp', 'simps', 'commie*', 'redneck*', 'hillbilly', 'hillbillies',
      'shill', 'shills', 'sellout*', 'phony', 'phonies', 'bozo*', 'slimeball*', 'wretch*', 'stooge*', 'twerp*', 'schmuck*',
      'scoundrel*', 'lout', 'louts', 'lamebrain*', 'knucklehead*', 'dingbat*', 'backstabber*', 'crackhead*', 'methhead*', 'sicko*', 'narcissist*', 'racist', 'racists', 'sexist', 'sexists', 'chickenshit*', 'sleazeball*', 'sleazebag*',
      'dregs', 'shithouse', 'butthead*', 'dumbshit*', 'sob', 'fraudster*', 'charlatan*', 'slob', 'slobs',
      '*tard', '*tards', 'maniac*', 'nutter*', 'moonbat*', 'wingnut*', 'numbnuts', 'bloodsucker*', 'scumbags', 'lowlifes', 'twatwaffle*',
      'turd', 'turds', 'cheater', 'cheaters', 'wuss', 'wusses', 'wussy', 'crybaby', 'crybabies', 'windbags', 'hypocrites', 'sycophant*', 'bootlicker*', 'bitch*',
    ],
    // insults only when aimed at someone ("you rat", "what a clown"): bare, they are pest control,
    // a kids' party, an April fool, a dud card, a first name
    insultNounAmbiguous: ['demon', 'demons', 'clown', 'clowns', 'fool', 'fools', 'pig', 'pigs', 'rat', 'rats', 'freak', 'freaks', 'dick', 'dicks', 'amateur', 'amateurs', 'minion', 'minions', 'crook', 'crooks', 'troll', 'trolls', 'brat', 'brats', 'swine', 'vermin', 'cockroach*', 'leech', 'leeches', 'sleepyhead*', 'greenhorn*', 'quack', 'quacks', 'goon', 'goons', 'predator*', 'junkie*', 'peasant*', 'parasite*', 'weasel*', 'lackey*', 'toady', 'toadies', 'hag', 'hags', 'loon', 'loons'],
    insultNoun: ['@insultNounStrong', '@insultNounAmbiguous'],
    // Strong: contemptuous whatever they describe. Weak: insulting only when said of a person.
    insultAdjStrong: [
      'stupid', 'stupider', 'stupidest', 'stupidity', 'dumb', 'dumber', 'dumbest', 'idiotic', 'moronic', 'brainless', 'retarded', 'braindead',
      'dimwitted', 'pathetic', 'worthless', 'ignorant', 'gormless', 'imbecilic', 'scummy', 'shitty', 'crappy', 'trashy', 'foolish',
      'hypocritical', 'demented', 'deranged', 'loony', 'looney', 'spineless', 'gutless', 'despicable', 'contemptible', 'asinine', 'dumbass', 'batshit',
    ],
    insultAdjWeak: [
      'disgusting', 'ugly', 'fat', 'clueless', 'useless', 'incompetent', 'hopeless', 'lazy', 'crazy', 'insane', 'nuts',       'slow', 'dim', 'dopey', 'pitiful', 'lame', 'creepy', 'repulsive', 'vile', 'thick', 'dense', 'delusional', 'unhinged', 'senile',
      'brainwashed', 'twisted', 'evil', 'corrupt', 'fake', 'gross', 'weird', 'psychotic', 'nasty', 'filthy', 'dirty',
      'immature', 'unstable', 'uncultured', 'hateful', 'demonic', 'spoilt', 'spoiled', 'cocky', 'arrogant', 'racist', 'sexist', 'dishonest', 'sleazy',
      'obnoxious', 'bonkers', 'kooky', 'incapable', 'insufferable', 'uneducated', 'disgraceful', 'shameful', 'toxic', 'childish', 'petty', 'miserable', 'cowardly', 'crooked', 'shameless', 'clownish', 'ridiculous', 'laughable',
    ],
    insultAdj: ['@insultAdjStrong', '@insultAdjWeak'],
    // Said of anyone or anything these only ever condemn; a reply has no business using them.
    insultAdjPerson: ['evil', 'vile', 'unhinged', 'delusional', 'psychotic', 'senile', 'repulsive', 'obnoxious', 'insufferable', 'sleazy', 'hateful', 'butthurt', 'treasonous', 'spineless', 'subhuman'],
    // people compared with things or animals: "they are animals", "you are trash"
    // ("fraud", "mess" and "failure" are left out: a bank reply says "victim of fraud", "this is a mess")
    dehumanizing: ['animal', 'animals', 'trash', 'garbage', 'filth', 'vermin', 'scum', 'monster', 'monsters', 'parasite', 'parasites', 'disgrace', 'sheep', 'puppet', 'puppets', 'joke', 'clown', 'clowns', 'loser', 'losers', 'nobody', 'zero', 'nothing'],
    dehumanizingLead: ['a', 'an', 'such', 'just', 'absolute', 'total', 'complete', 'utter', 'pure', 'real', 'walking', 'sad', 'sorry', 'pathetic', 'worthless', 'little', 'bunch', 'pack'],
    // "this/that is crazy" is a remark about a situation; only people are insulted by a weak adjective
    third: ['@thirdPerson', 'this', 'that', 'these', 'those'],
    // people, not things: "they" is as often the e-mails or the fees ("they are fake", "they were dirty")
    thirdHuman: ['he', 'she', "he's", "she's", 'hes', 'shes', 'people', 'everyone', 'everybody', 'guy', 'guys', 'woman', 'man'],
    // words that sharpen a weak adjective into a verdict on the person ("you are so lazy")
    // words before a name or an abbreviation: a capitalised word after them is not stressed (see composure.ts)
    nounMarker: ['a', 'an', 'the', 'our', 'your', 'their', 'my', 'via', 'with', 'through', 'from', 'by', 'on', 'at', 'to', 'in', 'into', 'for', 'of'],
    // skipped when counting the words between a negation and what it negates
    determiner: ['a', 'an', 'the'],
    contrast: ['but', 'however', 'though', 'although', 'instead'],
    intensifier: ['the', 'this', 'that', 'so', 'really', 'very', 'just', 'totally', 'completely', 'absolutely', 'too', 'pretty', 'quite', 'bloody', 'fucking', 'extremely', 'incredibly', 'utterly', 'such', 'clearly', 'obviously', 'simply', 'plain'],
    thirdPerson: ['he', 'she', 'they', "he's", "she's", "they're", 'hes', 'shes', 'theyre', 'who', 'people', 'everyone', 'everybody', 'guy', 'guys', 'woman', 'man'],
    competenceAdj: ['useless', 'incompetent', 'clueless', 'hopeless', 'worthless', 'pointless', 'unqualified', 'inept', 'pathetic'],
    // said only of people: a bare "Incompetent!" is aimed at whoever listens ("Useless." may be the app)
    competencePerson: ['incompetent', 'clueless', 'inept', 'unqualified', 'amateurish', 'unprofessional'],
    agentNoun: ['bot', 'bots', 'robot', 'robots', 'assistant', 'ai', 'alexa', 'siri', 'chatbot', 'agent', 'operator', 'clerk', 'woman', 'man', 'girl', 'boy'],
    profanity: [
      'fuck*', 'f*ck*', 'f**k*', 'fck*', 'fuk*', 'fuq*', 'motherfuck*', 'shit', 'shits', 'shitty', 'shite', 'sh*t', 'f***', 'sh**', 'b***', 'bullshit*', 'horseshit',
      'crap', 'crappy', 'damn', 'dammit', 'pisses', 'shitting', 'shitted', 'shithole*', 'shitshow', 'goddamned', 'goddamn*', 'goddam', 'piss', 'pissed', 'pissing', 'bollocks', 'bugger', 'wtf', 'stfu',
      'omfg', 'ffs', 'jfc', 'effing', 'frigging', 'friggin', 'bs', 'arse', 'ass', 'asses', 'cock', 'cocks', 'hell', 'bastard*',
    ],
    profanityStrong: ['fuck*', 'f*ck*', 'f**k*', 'fck*', 'fuk*', 'fuq*', 'motherfuck*', 'shit', 'shits', 'shitty', 'sh*t', 'bullshit*', 'cunt*', 'wtf', 'stfu'],
    sexualExplicit: [
      'cock', 'cocks', 'pussy', 'tits', 'titties', 'boobs', 'boobies', 'penis', 'vagina', 'semen', 'cum', 'cumming', 'jizz', 'blowjob*', 'handjob*',
      'rimjob*', 'dildo*', 'porn*', 'masturbat*', 'orgasm*', 'horny', 'erection', 'boner', 'genital*', 'nudes', 'nipple*', 'clit*', 'anal', 'titty',
    ],
    sexual: [
      'sex', 'sexy', 'sexual', 'horny', 'naked', 'nude', 'nudes', 'porn*', 'tits', 'titties', 'boobs', 'boobies', 'pussy', 'cock', 'cocks',
      'penis', 'vagina', 'dildo*', 'masturbat*', 'orgasm*', 'blowjob*', 'handjob*', 'rimjob*', 'cum', 'cumming', 'jizz', 'erection', 'boner',
      'rape', 'raped', 'raping', 'rapist', 'slut', 'sluts', 'whore', 'whores', 'anal', 'boob', 'nipple*', 'panties', 'lingerie',
      'kinky', 'fetish', 'threesome', 'milf', 'dick', 'dicks', 'spank*', 'undress*',
    ],
    slur: [
      'nigger*', 'nigga*', 'n1gger*', 'faggot*', 'fag', 'fags', 'f*ggot', 'retard', 'retards', 'tranny', 'trannies', 'dyke', 'dykes',
      'kike', 'kikes', 'spic', 'spics', 'chink', 'chinks', 'wetback*', 'paki', 'pakis', 'gook', 'gooks', 'raghead*', 'towelhead*',
      'coon', 'coons', 'beaner*', 'gypsy', 'gyppo', 'pikey', 'shemale*', 'homo', 'homos', 'darkie*', 'sandnigger*', 'jap', 'japs',
    ],
    ownGroup: ['you', 'your', 'u', 'ur'],
    politeVocative: ['sir', 'madam', "ma'am", 'mr', 'mrs', 'ms'],
    // dismissive only when standing alone: "Whatever." (but "Whatever caused it, …" is fine)
    dismissiveInterjection: ['whatever', 'meh', 'pff', 'pfff', 'duh'],
    sarcasticVocative: ['genius', 'einstein', 'sherlock', 'smartass', 'smartypants', 'hotshot', 'princess', 'sweetie', 'sweetheart', 'honey', 'darling', 'champ', 'buddy', 'pal', 'sunshine', 'kiddo', 'chief', 'missy', 'dear', 'hun', 'hon', 'babe', 'love', 'grandpa', 'grandma', 'gramps', 'sonny', 'wiseguy', 'smarty'],
    // thanks and apologies: beside them a weak mockery cue ("Wow, thank you!") is meant
    gratitude: ['thank', 'thanks', 'thx', 'sorry', 'apologies', 'apologise', 'apologize', 'appreciate', 'grateful'],
    // little words stressed in capitals for effect ("MY fault"); other short capitalised words are abbreviations
    emphasis: ['so', 'my', 'me', 'you', 'your', 'not', 'all', 'do', 'did', 'was', 'is', 'are', 'we', 'us', 'our', 'own', 'any', 'too', 'yes', 'i', 'she', 'he', 'his', 'her', 'way', 'can', 'had', 'has', 'one', 'now'],
    // laughing at a customer's problem is a slip; laughing along with a customer who laughs is not
    laughter: ['lol', 'lmao', 'lmfao', 'rofl', 'haha', 'hahaha*', 'lolol', 'hehe', 'hehehe*'],
    praise: ['great', 'wonderful', 'brilliant', 'fantastic', 'amazing', 'perfect', 'lovely', 'nice', 'marvellous', 'marvelous', 'terrific', 'superb', 'excellent', 'splendid', 'awesome', 'impressive', 'genius'],
  },
  affixExceptions: [
    'ratify', 'rational', 'coward', 'crooked', 'thugs',
    'assess', 'assessment', 'assist', 'assistant', 'assume', 'assure', 'class', 'pass', 'mass', 'glass', 'grass', 'brass', 'bass', 'passion', 'scrap',
    'shitake', 'cocktail', 'cockpit', 'peacock', 'hancock', 'hitchcock', 'dickens', 'scunthorpe', 'idioms', 'idiomatic', 'prickly', 'hellos', 'hello',
    'custard', 'mustard', 'leotard', 'unitard', 'bustard', 'petard', 'bitchin', 'bitching', 'bitchy',
    'fuchsia', 'pigment', 'trashed', 'fooled', 'foolproof', 'creeping', 'jerked', 'grapes', 'therapist', 'scumble', 'bitchin', 'twitter', 'twitch',
  ],
  acronyms: ['ok', 'okay', 'pin', 'iban', 'bic', 'chaps', 'bacs', 'swift', 'sepa', 'isa', 'isas', 'hmrc', 'dvla', 'ofcom', 'fca', 'nasa', 'unesco', 'wifi', 'gdpr', 'atm', 'id', 'faq', 'usa', 'uk', 'eu', 'usd', 'eur', 'gbp', 'vat', 'sms', 'url', 'pdf', 'it', 'ceo', 'api', 'tv', 'pc', 'asap', 'fyi', 'no', 'ai', 'gdpr', 'kyc', 'uk', 'nhs', 'irs', 'ssn', 'apr', 'i'],
  politeness: ['please', 'thanks', 'thank', 'sorry', 'apologies', 'apologise', 'apologize', 'welcome', 'gladly', 'happy', 'glad', 'sure', 'certainly', 'understand', 'help'],
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
        "i'll|i|we|gonna|going|will ~ kill|hurt|beat|punch|slap|stab|strangle|smack|destroy|end|ruin @you", "i'll|i|we|gonna|going|will ~ shoot you $", 'shoot you dead|down',
        'know where @you live', 'watch your back', "you'll|@you ~ regret this|regret it", 'make @you pay', "you're|youre dead", 'you are dead',
        'your days are numbered', "i'll|we'll|i|we|gonna|going ~ come after you", 'kill yourself', 'kys', 'go die', 'drop dead', 'hope @you die|rot|burn',
      ],
    },
    {
      flag: 'profanity',
      score: 1,
      patterns: [
        'fuck|f*ck|f**k|fuk|fck|screw @you', 'fuck|f*ck|piss|bugger|sod|eff off', 'stfu', 'shut the fuck|hell up', 'go to hell',
        'kiss my ass|arse', 'bite me', 'eat shit', 'up yours', 'go fuck yourself', 'get fucked', 'piss off', 'fuck off', 'shove it $', 'shove it up', 'stick it up your|yours', 'stick it where', 'up your ass|arse',
      ],
    },
    {
      flag: 'insult',
      score: 1,
      negatable: true,
      mentionable: true,
      patterns: [
        '@you @insultNoun', '@you @be ~ @insultNoun', '@you @be ~ @insultAdjStrong', '@you @be @insultAdjWeak', '@you @be @intensifier @insultAdjWeak', '@youAre ~ @insultNoun|@insultAdjStrong', '@youAre @insultAdjWeak', '@youAre @intensifier @insultAdjWeak',
        'are @you ~ @insultAdjStrong', 'are @you @intensifier @insultAdjWeak', 'are @you @intensifier @intensifier @insultAdjWeak', 'are @you @insultAdjWeak $', '@you @insultAdj @insultNoun|@agentNoun|@insultAdj',
        "don't|dont be|act ~ @insultNoun|@insultAdjStrong", 'do not be|act ~ @insultNoun|@insultAdjStrong',
        'shut up', 'shut your mouth|trap|face|gob', 'you suck', 'you people @be ~ @insultAdj',
        'what ~ @insultNoun @you @be', 'what a|an @insultNoun', 'piece of shit|crap|garbage|trash', 'waste of space|oxygen|air', 'son of a bitch',
        'get a brain $', 'get a life $', 'use your brain|head', "can't|cant|cannot @you ~ read", 'learn to read',
        '@you @be @dehumanizing $', '@you @be @dehumanizingLead ~ @dehumanizing', '@youAre @dehumanizing $', '@youAre @dehumanizingLead ~ @dehumanizing',
        'shut your pie|cake hole', 'nobody|noone asked you $', 'no one asked you $', 'nobody cares about @you', 'no one cares about @you',
        'go back to your country|cave|hole|basement|mom|mother|mum|kitchen|bridge', 'go back where @you came|come', 'eat a dick', 'suck it',
      ],
    },
    {
      flag: 'insult',
      score: 2,
      negatable: true,
      mentionable: true,
      patterns: ['@insultNounStrong', '@insultAdjStrong', '@third @be ~ @insultNoun|@insultAdjStrong', '@thirdHuman @be @insultAdjWeak', '@thirdHuman @be @intensifier @insultAdjWeak', '@thirdHuman @be ~ a|an|such ~ disgrace|embarrassment|joke|menace|laughingstock|nutcase',
        'what a|an ~ @insultNounAmbiguous', 'such a|an @insultNounAmbiguous', '^ @insultNounAmbiguous $', 'is|are|was|were a|an|such ~ @insultNounAmbiguous',
        '@insultAdj @insultNounAmbiguous', 'spoiled|spoilt|dirty|lying|thieving|filthy|greedy|elitist|contemptuous ~ @insultNounAmbiguous', '@insultNounAmbiguous like', 'sexual predator|predators',
        '@thirdHuman @be ~ @insultAdjWeak man|woman|person|dude|guy|people|human|individual', 'one sick', 'sick puppy|bastard|freak|mind|minds|dude|fuck', 'too blind|deaf to ~ see|realize|realise|notice|understand',
        'mental|basket|head|nut case', 'terrible|horrible|awful|evil|vile|nasty|despicable|disgusting|rotten|pathetic|miserable person|people|human|humans|excuse',
        'sorry|sad|pathetic|pitiful little man|woman|person|boy|girl|people', '@thirdPerson @be the worst', 'your ilk', 'wastes of space|skin|humanity|oxygen',
        'need|needs ~ a|some ~ psychiatrist|shrink|lobotomy', 'iq of a|an', 'iq ~ room temperature|potato|rock|brick', 'dumber|stupider than',
        'like a|an ~ animal|animals|pig|pigs|rat|rats|monkey|monkeys|ape|apes|vermin|parasite|parasites|cockroach|cockroaches', 'like animals|pigs|rats|monkeys|apes|vermin|parasites|cockroaches $', 'lost|losing your|his|her|their mind|minds', 'crawl back under|into', 'sorry excuse', 'shame on @you', '@you @be ~ lying', '@youAre ~ lying', 'you lie|lied', 'waste of space|skin|humanity|oxygen', 'pie|cake hole', '@you sound|look|seem|act ~ @insultAdjStrong|@insultNoun', '@you sound|look|seem|act ~ ridiculous|childish|petty|crazy|insane|unhinged|delusional|clueless|immature|arrogant|laughable|lazy|useless', '@you @be ~ a|an|such ~ disgrace|embarrassment|joke|failure|menace', "@third ~ @be ~ a|an|such ~ @insultNounStrong", '@thirdHuman ~ @be ~ a|an|such ~ @insultNounAmbiguous', 'such a|an @insultNoun', 'should be shot|hanged|hung|killed|executed|lynched|gassed|exterminated|put down',
        '@insultAdjPerson', '@thirdPerson @be @dehumanizing', '@thirdPerson @be @dehumanizingLead ~ @dehumanizing', 'these|those|such lying',
        'should|belongs|belong ~ in|to jail|prison', 'lock him|her|them up', 'thrown|throw ~ in jail|prison', 'butt hurt', '@thirdPerson sucks|suck', 'sucks|suck at',
        'enemy of the people', 'shut up'],
    },
    {
      // contempt that carries its own "nobody", so no negation check
      flag: 'insult',
      score: 2,
      patterns: [
        'sharpest|brightest tool|knife|bulb|crayon|pencil', 'sandwich short', 'short of a full', 'dumb|thick as a|two ~ rock|rocks|brick|bricks|post|plank|planks', 'rocks for brains', 'brain cell|cells',
        'lights are on but', 'elevator|lift ~ to the top',
        'nobody|noone likes|wants|needs|cares ~ you', 'no one likes|wants|needs|cares ~ you', 'nobody|noone asked $', 'no one asked $', 'nobody|noone asked for your ~ opinion|input|advice|comment|thoughts', 'no one asked for your ~ opinion|input|advice|comment|thoughts', 'nobody cares', 'no one cares', 'good for nothing'],
    },
    {
      flag: 'profanity',
      score: 2,
      mentionable: true,
      patterns: ['@profanity', '@sexualExplicit', 'what the hell', 'for god|christ|fuck|pete|heaven|heaven\'s|god\'s sake', 'jesus christ', 'give a damn|shit|fuck'],
    },
    {
      // Counter-attack: the reply compares the agent favourably with the customer. A "not" inside
      // ("at least I don't shout at people like you do") is part of the jab, not a negation of it.
      flag: 'blame',
      score: 2,
      patterns: [
        'at least i|we|i\'m|im ~ unlike @you', 'at least i|we|i\'m|im ~~ like @you do|did|does|are', 'unlike @you', "i'm|im not the one ~ who|shouting|yelling|screaming|swearing|rude|lying",
        'look who is talking', 'look who\'s|whos talking', 'says the one|person|guy|woman|man who',
      ],
    },
    {
      // a whole group the customer is lumped into; never negated ("I don't shout at people like you")
      flag: 'condescending',
      score: 2,
      patterns: ['you people', 'people like you', 'the likes of you'],
    },
    {
      flag: 'blame',
      score: 2,
      negatable: true,
      patterns: [
        'your own fault|mistake|doing|problem', 'your fault', 'you should have ~ read|checked|called|told|asked|listened|known|looked|paid|noticed|reported|kept|thought|followed|used|come|gone|saved',
        "you should've|shouldve ~ read|checked|called|told|asked|listened|known|looked|paid|noticed|reported|kept|thought|followed|used|come|gone|saved",
        "you shouldn't|shouldnt have ~ shared|given|clicked|done|opened|sent|ignored|signed|agreed|used|trusted|paid|written|told", 'you should not have ~ shared|given|clicked|done|opened|sent|ignored|signed|agreed|used|trusted|paid|written|told',
        "you didn't|didnt|never read|check|listen|follow", "you didn't|didnt|never even|actually|properly|really|bother|bothered ~ read|check|listen|follow", "you didn't|didnt|never bother|bothered to", 'you failed to', "that's|thats|it's|its on @you", 'that|this|it is on @you',
        "you @be ~ responsible", 'you @be ~ to blame', 'you @be ~ at fault', 'you caused', 'you messed|screwed|mucked up', 'you messed|screwed|mucked it|this|that up',
        "if you'd ~ read|listened|checked|paid|followed", 'if you had ~ read|listened|checked|paid|followed|looked|maintained|kept', "if you'd|youd ~ looked after", "if you'd|youd ~ taken care", "if you'd|youd ~ maintained|kept", 'user error', 'you were supposed to read|check|call|tell|inform|bring|pay|sign|send|know|keep|follow|cancel|report', 'you brought this|it on yourself',
        'had you ~ read|listened|checked', 'you only have yourself', 'blame yourself', 'i blame @you', 'you did it wrong', 'you got it wrong',
        // the fault placed with the customer in so many words ("The delay is on your side", "it was
        // your own payments that triggered the block", "The problem isn't the bank, it's that you …")
        'delay|problem|issue|fault|error|mistake|blame is|was|lies|lay on your side|end', 'your own ~ that triggered|caused|started',
        "problem|issue isn't|wasn't ~ bank|us|me|app|system ~ it's|its that you", 'problem|issue is|was not ~ bank|us|me|app|system ~ it is|was that you',
         '^ next time ~ read|listen', 'maybe next time ~ read|listen', 'you clearly|obviously ~ didn\'t|didnt|don\'t|dont ~ read|check|listen|understand|know|pay|bother|follow|care|think', 'you clearly|obviously ~ did|do not ~ read|check|listen|understand|know|pay|bother|follow|care|think', 'your own carelessness|negligence',
      ],
    },
    {
      // "That's what happens when you don't read the terms" blames; "That's what happens when you tap
      // Save: the card is kept" explains, and the explanation follows in the same sentence
      flag: 'blame',
      score: 2,
      negatable: true,
      lastClause: true,
      patterns: ["that's|thats what happens when|if @you", 'that is what happens when|if @you'],
    },
    {
      flag: 'defensive',
      score: 2,
      patterns: [
        "not|isn't my|our fault", "don't|dont blame me|us", "i'm|im|we're not to blame", 'i|we am|are not to blame', "not my job|responsibility|department|problem",
        'i just|only work here', "i'm|im just|only doing my job", 'i am just|only doing my job', "i don't|dont ~ set|make ~ the ~ prices|rules|fees|policy|policies", 'i do not ~ set|make ~ the ~ prices|rules|fees|policy|policies', 'what do you want|expect me to do $', 'what do you expect $',
        "don't|dont take it out on me", "i didn't|don't|dont make the rules", 'we did nothing wrong', "it wasn't|wasnt us|me",
        "i can't|cant help that|it", 'not on me', 'no fault of ours|mine', "that's not on me|us",
      ],
    },
    {
      // policy talk is stiff when it is the answer; "not possible today, but I can …" goes on to a way
      flag: 'defensive',
      score: 3,
      unlessContrast: true,
      patterns: [
        'company policy', 'our policy|policies|terms|rules ~ don\'t|doesn\'t|won\'t|prevent|prevents|forbid|forbids|prohibit|prohibits|exclude|excludes', 'our policy|policies|terms|rules ~ do|does ~ not', 'policy is policy', 'rules are rules', 'those are the rules',
        "there's|theres nothing to be done", "i'm afraid that's", 'my hands are tied', 'as per ~ terms|policy', 'according to our|the ~ terms|policy|rules',
        'in accordance with', 'pursuant to', "not something we|i can", "we are not liable|responsible", "we cannot be held",
      ],
    },
    {
      // the rule quoted as the answer ("Lunch is from twelve, that's the rule here."): the rubric's
      // plain, bureaucratic 3; training labels it 3 where nothing follows and 4–5 where help does
      flag: 'defensive',
      score: 3,
      unlessWayForward: true,
      patterns: [
        "that's|thats|it's|its the|our rule|rules|policy $", 'that is the|our rule|rules|policy $', 'it is the|our rule|rules|policy $', "that's|thats|it's|its just|simply the|our rule|rules|policy $",
        "that's|thats|it's|its the|our rule|rules|policy here|there $", "that's|thats|it's|its the|our rule|rules|policy sorry $", "that's|thats|it's|its the|our rule|rules|policy here|there sorry $",
      ],
    },
    {
      // the rubric's dismissive shrug ("not my problem", "nothing I can do"): 25 of the 26 training
      // replies with it are labelled not composed; one that offers something after it is fair
      flag: 'dismissive',
      score: 2,
      unlessWayForward: true,
      patterns: ['nothing i|we can do'],
    },
    {
      flag: 'dismissive',
      score: 2,
      negatable: true,
      patterns: [
        '^ deal with it', '^ get over it', 'so what $', '^ so what if', '^ and so what', 'who cares $', 'who cares about|if', "i don't|dont care", "couldn't|couldnt care less", 'could not care less',
        'take it or leave it', '^ calm down', 'please|just calm down', '@you ~ need|should|must|have to ~ calm down', 'calm down $', 'no need to get|be ~ upset|angry|worked|emotional|dramatic', "don't|dont get ~ upset|worked|emotional", 'stop ~ complaining|whining|crying|moaning|yelling|shouting|bitching', "@youAre ~ overreacting|exaggerating", '@you are ~ overreacting|exaggerating', '@youAre being ~ dramatic|ridiculous|hysterical|unreasonable|silly', '@you are being ~ dramatic|ridiculous|hysterical|unreasonable|silly',
        "don't be ridiculous|silly|dramatic", "that's|thats ridiculous|nonsense|absurd|rubbish", '^ nonsense', 'what nonsense|rubbish', 'talking nonsense|rubbish', '^ rubbish $', '^ too bad $', 'tough luck', 'boo hoo', 'cry me a river',
        'complain all you want', '^ get used to it', 'better|just get used to it', 'mind your own business', '^ go away', '^ get lost', 'leave me alone', 'not my problem', "that's|thats|it's|its your problem", 'that|it is your problem', '^ your problem $', '^ big deal $', 'get a grip',
      ],
    },
    {
      // a shrug at the problem
      flag: 'minimising',
      score: 3,
      patterns: ['^ relax', '^ chill', 'it is what it is', "that's|thats life $", 'these things happen', 'it happens $', 'no big deal', 'not a big deal'],
    },
    {
      flag: 'condescending',
      score: 2,
      negatable: true,
      patterns: [
        'let me explain ~ slowly', "i'll|let me ~ say|spell it|this ~ slowly", "it's|its not that hard|difficult|complicated", 'it is not that hard|difficult|complicated', "it isn't that hard|difficult|complicated", 'even a child|kid ~ could|can|would|knows', 'any child|kid could|can|knows',
        'do|did|can @you even', 'are @you ~ even listening', '^ for the last time', 'how many times do|must|have i', '^ grow up', 'grow up $',
        'try to keep up', '^ pay attention', 'pay attention this time', '^ listen carefully', 'listen carefully this time', 'do|must i spell it out', 'have|need to spell it out', 'spell it out for @you', 'not rocket science', 'educate yourself',
        'bless your heart', '^ read the fine print|terms', 'too hard|difficult|complicated for @you $', 'learn how to read|spell|listen|behave|count|drive',
      ],
    },
    {
      flag: 'condescending',
      score: 3,
      patterns: [
        'as i already said|told|mentioned|explained|stated|wrote', 'i already told|explained @you', "i've already told|explained @you", 'i already said $', 'as previously stated|mentioned', 'as stated',
        'as you should know',
        '@you seem|sound ~ confused|lost|clueless|obsessed|bitter|desperate|triggered|threatened|jealous|insecure|paranoid $',
        '@youAre ~ just ~ jealous|bitter|trolling|desperate|triggered|salty', 'do|did @you ~ really ~ think|believe', '@you must be joking|kidding',
        'someone like you $', 'your kind $', 'your kind always|never', 'cope harder',
      ],
    },
    {
      flag: 'sarcasm',
      score: 2,
      negatable: true,
      patterns: [
        'oh|well|wow ~ congratulations|congrats|bravo $', 'congratulations|congrats ~ you ~ broke|lost|managed|deleted|locked|forgot|messed|screwed|blocked', 'what a surprise ~ another', 'another expert|genius|einstein|comedian|smartass', 'wow just wow', '^ shocking $',
        'yeah right $', '^ sure you did|have|do|are|were|will|can $', '^ oh|yeah|yea sure you did|have|do|are|were|will|can $', '^ oh please $', '^ oh great|perfect|wonderful|brilliant|lovely $', '^ oh|just ~ great|perfect|wonderful|brilliant|lovely ~ another', 'well|oh|wow good for you',
        'how nice for you', '^ must be nice', 'nice try', 'slow clap', 'thanks for nothing', "well aren't you", 'poor you', '^ poor baby $',
        'my heart bleeds', '^ as if', 'as if $', 'oh the horror', 'how original', 'how shocking $', 'how surprising $', 'nice going',
        
        'because we all know', 'good luck with that $', 'who knew $', 'color|colour me surprised',
        'thanks captain obvious', 'no shit sherlock', 'you don\'t say',
        'asking for a friend', 'keep it coming', 'keep telling yourself', '^ get a life', 'get a life $', 'go cry', 'cry more',
        'touch grass', 'cope and seethe', 'stay mad', 'ok boomer', 'okay boomer', 'cry about it', 'sucks to be you', 'who asked $', '^ who asked you $', 'go play in traffic',
        'fun|great|popular|blast|hit ~ at parties', 'who hurt you', 'laugh all you want', '^ go back to sleep|school|bed|kindergarten|playing', 'get laid',
      ],
    },
    {
      flag: 'sarcasm',
      score: 4,
      // cues that are mockery more often than not, but can be meant: a minor slip at most
      patterns: ['keep it up', 'keep up the ~ work', 'keep them|it coming', 'keep the ~ coming', 'yikes', 'oh wow', 'oh really', '^ good for you $',
      '^ well done $', '^ good|great job $', '^ way to go $', 'you must be ~ expert|genius|professional|comedian|psychic|riot|hoot|delight', '^ wow', '^ imagine', '^ oh|ah ~ yes|yeah|sure|great|really|please|look', '^ yeah|yes ~ right|sure'],
    },
    {
      // a one-word verdict tacked on after the reply has said its piece: "Classy.", "Well done."
      flag: 'sarcasm',
      score: 2,
      coda: true,
      patterns: [
        '^ well done $', '^ good|great|nice job $', '^ way to go $', '^ nice going|one $', '^ bravo $', '^ congratulations|congrats $', '^ genius $', '^ smooth $',
        '^ how|very|so|real|truly ~ classy|charming|mature|original|impressive|cute|adorable $',
        '^ classy|charming|priceless|adorable|cute|impressive|hilarious|riveting|fascinating|inspiring|original|mature|laughable $',
        '^ what a genius|brilliant|great idea $', '^ what a|big surprise $', '^ you must be so|very proud $', '^ your parents|mother|mom|mum|teachers ~ must be ~ proud $',
        '^ how cute|adorable|sweet|quaint $', '^ @praise ~ you have|got there $', "^ @praise ~ you've got there $",
      ],
    },
    {
      // "Oh my god, I'm so sorry": an outburst of sympathy, unprofessional rather than hostile
      flag: 'profanity',
      score: 4,
      patterns: ['oh my god', 'omg', 'bloody'],
    },
    {
      // "obviously" tells the customer they should have known; a slip unless more follows
      flag: 'condescending',
      score: 4,
      patterns: ['obviously'],
    },
    // --- mockery, derision and condescension without a rude word -------------------------------
    {
      // taunting questions: the same words as a statement are often fine ("you are new here")
      flag: 'condescending',
      score: 2,
      question: true,
      patterns: [
        'are @you ~ years old', 'are @you ~ a|an child|kid|toddler|baby', 'are @you five|six|seven|eight|nine|ten|eleven|twelve|thirteen', 'how old are @you $', 'did @you ~ really ~ just', 'do|can @you ~ even ~ hear|read|understand|think|count',
        "can't|cant|cannot @you ~ read|understand|listen|follow|hear", 'do @you ~ understand ~ english|words|plain', 'do @you ~ need ~ a|an|me ~ diagram|drawing|picture|crayons|tissue|hug|nap $',
        'do|did @you ~ have|get a life $', 'do|did @you ~ have|get ~ any|no ~ friends|hobbies $', 'do @you ~ have|get ~ nothing|anything ~ better to do', 'anything better to do', 'are @you done|finished $', '^ happy now $', '^ feel better now $', 'you know better than ~ us|me|we', 'are we done here', 'what are|do @you even', 'are @you 5|6|7|8|9|10|11|12|13|14|15', 'are @you ~ blind|deaf|mad $', 'is that|this ~ all @you ~ got $', 'is that|this ~ all @you can do $', "is that|this ~ all you've|youve got $",
        'is that|this ~ the best @you ~ can ~ do $', 'is it ~ that|so ~ hard|difficult $', 'is it ~ that|so ~ hard|difficult to ~ read|understand|listen|follow|type|click|spell|remember', 'are @you serious|kidding|joking $', 'are @you ~ kidding|joking me', 'are @you serious right now', 'are @you for real', 'really now', 'is it my|our fault', 'why are @you ~ even', 'why are @you so ~ angry|mad|upset|rude|sensitive|touchy|defensive|aggressive|hostile|bitter|obsessed|salty|worked',
        'who do @you think @you are', "who do @you think you're", 'what did @you expect $', 'what were @you thinking $', 'have @you ~ tried ~ turning ~ brain|head',
        'ever ~ considered|thought|tried ~ therapy', 'ever ~ considered|thought|tried ~ growing up', 'draw @you a|some ~ picture|diagram|map $', 'do @you ~ want|expect ~ a ~ medal|trophy|cookie|prize|award|parade',
      ],
    },
    {
      // jabs at the person that need no question mark
      flag: 'condescending',
      score: 2,
      negatable: true,
      patterns: [
        "what's|whats wrong with @you", 'what is wrong with @you', "what's|whats your problem", 'what is your problem', 'who are @you to', 'let me guess $', 'let me guess @you', 'newsflash', 'news flash', 'welcome to the real world',
        'welcome to adulthood|adulting', 'nothing better to do', '^ someone|somebody|someone\'s|somebody\'s ~ grumpy|cranky|salty|moody|touchy|sensitive|triggered|bitter|jealous|testy|feisty',
        '^ someone|somebody ~ needs ~ nap|hug|snack|timeout', '^ someone|somebody woke up', 'wrong side of the bed', '@you ~ need a nap|hug|snack|timeout $', 'use your brain|head', 'think before @you ~ speak|talk|type|write|post',
        '^ do your homework|research $', 'google it', 'look it up yourself', 'try using your brain|head', 'as useful as a|an', 'high horse', 'get|gets|want|earned ~ a gold star', 'pat yourself on the back', 'give yourself a pat', 'want|get ~ a medal|trophy|cookie', 'hint hint',
        'you need ~ therapy|therapist|shrink|meds', 'go take your meds', '^ take your meds $', 'keep your opinions|comments|thoughts ~ to yourself', 'keep crying', 'go cry',
        '^ be|stay|keep quiet', 'aren\'t|arent you ~ clever|smart|special|precious', 'aren\'t|arent you ~ a ~ ray|charmer', 'ray of sunshine', 'what a charmer|gentleman|catch|peach',
        'you\'re|youre ~ a real|true|regular ~ genius|expert|comedian|einstein|sherlock|charmer|piece', 'you are ~ a real|true|regular ~ genius|expert|comedian|einstein|sherlock|charmer|piece', 'nobody ~ forcing @you', 'no one ~ forcing @you', 'take your business ~ elsewhere',
        'you do realise|realize', 'you do know that', 'are we done here', "sure|course ~ you know best $", 'good luck finding a|anyone|someone|another ~ better|cheaper',
        'personality|charm|intelligence|creativity|brains|manners|wit of a|an', 'attention span of a|an', 'trash|garbage person|human|humans',
        'just|only ~ for attention', 'for attention $', 'attention seeker|seeking', 'seem|seems to know ~ so much|everything', 'must be ~ at parties', 'must have a|an ~ empty|sad|boring|pathetic|miserable ~ life',
        'with that attitude', 'before @you hurt yourself', 'keyboard warrior|warriors|hero|heroes|cowboy|commando', 'attempt at humor|humour|trolling|wit', 'attempt at a joke', 'your intelligence|iq level',
        "you're|youre ~ the type|kind|sort of person", 'you are ~ the type|kind|sort of person', 'go ~ whine|cry|complain|moan ~ somewhere|elsewhere',
        'you problem', 'sounds|seems like a ~ personal problem', "that's|thats a personal problem", 'not my circus', "i'm|im the queen|pope|king $", 'i am the queen|pope|king $', 'learn a thing or two', 'pick up a book', '^ read a book',
        'tiny|pea|little|small brain|brains', 'tiny|pea mind', 'what a sad|pathetic|miserable ~ life|existence', 'sad|pathetic|miserable existence', 'must suck to be',
      ],
    },
    {
      // put-downs that carry their own "not", so no negation check
      flag: 'condescending',
      score: 2,
      patterns: [
        "not sure what's|whats ~ so ~ difficult|hard|complicated", 'not sure what is ~ so ~ difficult|hard|complicated', 'not everything is about @you', "doesn't|doesnt ~ revolve around @you", 'does not ~ revolve around @you', 'no idea|clue what @you ~ talking|saying',
        '@you clearly|obviously ~ don\'t|dont|do ~ not ~ understand|know|get',
      ],
    },
    {
      // sarcastic agreement and mock sympathy or alarm
      flag: 'sarcasm',
      score: 2,
      negatable: true,
      patterns: [
        'because that\'s|thats ~ my|our ~ fault', 'because that is ~ my|our ~ fault',  'how will|would @you ever survive|cope|live|manage', 'whatever will @you do',
        'oh no ~ whatever', 'grab ~ the|a|some ~ tissues|tissue|popcorn',         'real|very|how|so mature $', 'very|real|how|so mature of @you', 'such deep|profound ~ reasoning|thinking|thoughts|insight', 'your superior ~ intellect|intelligence|wisdom',
        'golf clap', 'must be your day', 'how typical', 'color|colour me shocked|impressed',
        'nice of @you to ~ finally', 'nice of @you to grace|bother', 'look who ~ finally', 'finally decided to ~ show|call|join|grace|bother', 'decided to grace', 'grace us',
        'have fun with that', 'cool story', 'tell us|me how @you really feel $', 'knock yourself out', 'stay salty', 'cope harder', 'oh honey', 'oh sweetie', 'bless ~ little heart', 'bless your heart',
        '^ how|so|very|truly insightful|original|clever|witty|enlightening|profound|riveting $', 'your charming ~ personality|attitude|manner|manners|self',
        'your intellect|brilliance|wit ~ is|are|astounds|overwhelms|knows',
      ],
    },
    {
      // "Yeah, because reading is so hard." A reason with nothing after it and an exaggeration in it
      // mocks; with a main clause after it ("Sure, because the card expired, we'll send a new one")
      // or plain ("Yeah, because the system was down.") it explains.
      flag: 'sarcasm',
      score: 2,
      lastClause: true,
      patterns: ['^ yeah|sure|totally|clearly|right|oh ~ because ~~ obviously|clearly|totally|so|always|never|everyone|everybody|nobody|all|really'],
    },
    {
      // exasperated disbelief: a slip, and a taunt only with other cues
      flag: 'sarcasm',
      score: 4,
      question: true,
      patterns: ['^ seriously', '^ really $', '^ huh $', 'huh $', 'can @you at least'],
    },
    {
      // rhetorical questions: they ask nothing, they accuse ("Was that so hard?", "Did you really think …?")
      flag: 'condescending',
      score: 2,
      question: true,
      patterns: [
        'was that|it ~ so|really|that ~ hard|difficult $', 'is that|it ~ too much to ask', 'how hard can ~ it|that|this ~ be', 'how ~ exactly|earth ~ did @you ~ manage',
        'why would @you ~ ever|even', "why didn't|didnt @you ~ just", 'why did @you not ~ just', 'did @you ~ really ~ think|expect|believe|imagine', 'do @you ~ really ~ expect|think|believe ~ us|me|we|that',
        'what did @you ~ think|imagine ~ would happen', 'where did @you get that idea', 'who ~ exactly ~ told @you that', 'what part of ~ did|do @you not', "what part of ~ don't|didn't @you",
      ],
    },
    {
      // passive-aggressive correspondence: the reminder that the customer did not read
      flag: 'condescending',
      score: 2,
      patterns: [
        'as per my ~ last|previous|earlier ~ email|message|letter|mail', 'per my ~ last|previous ~ email|message', "as i've|ive ~ said|mentioned|explained|told|written ~ several|twice|repeatedly|multiple|three", 'as i have ~ said|mentioned|explained|told|written ~ several|twice|repeatedly|multiple|three', 'as i said ~ twice|several', 'kindly refer to', 'if you ~ would|had ~ actually ~ read|read|opened',
        '@you ~ would|will|might ~ find ~ if|that ~ you ~ actually|bothered', "i'm|im sure ~ you're|youre|you ~ very|terribly|extremely|incredibly ~ busy ~ but", 'read ~ my|the ~ email|message|letter ~ again|properly|carefully $',
        'of course ~ it|that|this ~ is|was ~ all ~ our|my ~ fault $', "of course ~ it's|its ~ all ~ our|my ~ fault $", "i'm|im sure ~ that's|thats|it's|its|that|it ~ exactly|totally|entirely ~ what happened",
        '@praise ~~ you|you\'ve ~ lost|forgot|forgotten|broke|broken|locked|missed|deleted|blocked ~~ again|twice|third|fourth',
      ],
    },
    {
      // minimising what the customer went through
      flag: 'minimising',
      score: 2,
      negatable: true,
      patterns: [
        "it's|its ~ only|just ~ euro|euros|pound|pounds|dollar|dollars|minute|minutes|hour|hours|day|days $", 'there are worse things', 'could be worse $', 'others have it worse', 'people wait ~ much|far|a lot ~ longer',
        "you'll|youll ~ survive $", 'you will ~ survive $', 'no need to make ~ fuss|scene|drama', "don't|dont make ~ fuss|scene|drama", 'let\'s|lets not make ~ a ~ drama|fuss',
      ],
    },
    {
      // passing the buck
      flag: 'defensive',
      score: 2,
      patterns: ['take it up with ~ office|them|management|someone|head|bank|manufacturer', "it's|its not up to me", 'it is not up to me', 'above my pay grade', '^ blame ~ system|computer|management|office|it', 'blame ~ system|computer|management|office ~ not ~ me|us', 'computer says no', 'not in my hands $'],
    },
    {
      // mock sympathy for a skill anyone has ("sorry that reading is such a struggle for you"); real
      // sympathy is for a situation ("I'm sorry this is so hard for you right now")
      flag: 'sarcasm',
      score: 2,
      patterns: [
        'reading|understanding|clicking|finding|following|typing|listening|spelling|counting|filling|checking|opening ~~ is|are|seems|be ~ so|such|too ~ hard|difficult|complicated|struggle|challenge ~ for @you',
        'such a struggle|challenge for @you $', '@you ~ finally ~ found|find ~ time', 'finally ~ graced|deigned|bothered', 'finally managed to ~ reply|answer|respond|call',
        'congratulations|congrats ~ @you ~ discovered|found|worked|figured|managed', "but sure ~ it|you ~ never|didn't|wasn't|isn't|won't",
        'walk|walked|run|ran|fly|flew ~ off|away ~ by itself', 'walk|walked|run|ran|fly|flew ~ off|away ~ on its own', 'most people ~ manage|get|understand ~ it ~ in one|first|alone',
      ],
    },
    {
      // telling the customer what they have to understand or ought to know: a lecture, however calm
      flag: 'lecturing',
      score: 2,
      negatable: true,
      patterns: [
        'you have to understand', 'you need to understand', "you've|youve got to understand", 'you must understand', 'as a|an ~ you should|ought ~ know',
        // unasked reminders and rules of life: each of these is said to talk down in the training corpus (six to fourteen replies, none calm)
        "i'd|id ~ point out", 'i would ~ point out', "i'd|id ~ remind you that", 'i would ~ remind you that', 'you should always', 'you really|honestly ought to',
        'if every|everyone|everybody ~ asked|wanted|demanded|expected|did', 'most people|customers|clients|guests|callers manage|check|remember|read it|that|this|to|their|the|before|without|fine|just',
      ],
    },
    {
      // lecturing and talking down without a rude word
      flag: 'condescending',
      score: 2,
      negatable: true,
      patterns: [
        "it's|its ~ basic $", 'it is ~ basic $', 'basic common sense', 'common sense $', "what's|whats ~ so ~ difficult|hard|complicated about", 'what is ~ so ~ difficult|hard|complicated about',
        'everyone|everybody knows ~ that|you', 'as everyone|everybody knows', 'see if @you can ~ follow|manage|understand|cope|keep', 'can @you manage that', 'try to follow|listen|keep ~ this time',
        "@you ~ apparently|evidently ~ didn't|don't|never|haven't ~ read|listen|listened|check|checked|look|looked", '@you ~ apparently|evidently ~ did|do|have ~ not ~ read|listen|listened|check|checked|look|looked',
        "which @you ~ apparently|evidently|obviously ~ didn't|haven't|never ~ read|have", 'even @you ~ can|could|should|would', 'do we|i look like a|an',
        "i've|ive got ~ other|more ~ customers|calls|people", 'i have ~ other|more ~ customers|calls|people ~ to',
      ],
    },
    {
      // brush-offs and threats to withdraw the service
      flag: 'dismissive',
      score: 2,
      negatable: true,
      patterns: [
        'find|get ~ yourself ~ another|different|new ~ adviser|advisor|bank|provider|supplier|company|hotel|shop|agent', 'bank|shop|go ~ somewhere else', 'bank|shop|go ~ elsewhere', 'take your business ~ somewhere else',
        "nobody's|nobodys ~ forcing @you", "i'm|im ~ done with you", 'i am ~ done with you', "i've|ive ~ had enough of you", 'i have ~ had enough of you', 'back of the queue|line', 'sort|figure|deal ~ it|that|this ~ out yourself',
        'sort|figure ~ out ~ your ~ yourself', "call|ring ~ back when @youAre ~ calmer|better", 'call|ring ~ back when you are ~ calmer|better', 'when @you ~ calmed down', 'we all have bad days $', '^ we all have bad days',
        'takes as long as it takes', "that's|thats ~ just ~ how it is|works $", 'that is ~ just ~ how it is|works $', 'no point ~ complaining|shouting|yelling|moaning ~ to|at me',
      ],
    },
    {
      flag: 'blame',
      score: 2,
      negatable: true,
      patterns: ["you've|youve ~ only got yourself", 'you have ~ only got yourself', 'only yourself to blame', 'yourself to blame', '@you keep ~ doing|filling|entering|getting|typing ~ it ~ wrong', 'held|put a gun to your head', "not our|my job to ~ remember|keep|track|check|read", 'refuse to be blamed'],
    },
    {
      // passive-aggressive framing and tone policing: stiff or slightly condescending rather than hostile
      flag: 'condescending',
      score: 3,
      patterns: [
        'with all due respect', 'no offense|offence but', 'not to be rude but', 'hate to break it to you', 'if you must know', 'just saying', 'spoiler alert', '^ how convenient', 'how convenient $',
        'aw|aww ~ poor|did|is|are|someone|somebody|bless',
        'truly|really|so|wonderfully|incredibly enlightening|insightful|profound ~ insight|input|contribution|commentary|comment|wisdom|observation|analysis|remark',
        'thanks|thank ~ for ~ enlightening|insightful|profound|riveting ~ insight|input|contribution|commentary|comment|wisdom|observation|analysis|remark|response|reply|answer|advice|take',
        'take a deep breath', 'simmer down', 'cool it', 'chill pill', 'cool your jets', 'if you say so', 'whatever you say', 'suit yourself', 'whatever floats your boat',
        'if @you don\'t|dont like it ~~ leave|elsewhere|tough|door', 'if @you do not like it ~~ leave|elsewhere|tough|door', 'expected nothing less', "won't|will not|hate to|have to|not going to ~ repeat myself", 'whatever makes @you happy', 'easy there', 'who could have ~ predicted|guessed|seen|known ~ that|it|this $', '^ very|real funny $', '^ bravo', '^ fascinating $', '^ impressive $', '^ incredible $', '^ riveting $', 'what a shocker',
      ],
    },

  ],
  abuse: [
    { kind: 'threat', aimed: 'always', negatable: true, patterns: [
      "i'll|i|we|gonna|going|will|i'm ~ kill|hurt|beat|punch|slap|stab|shoot|strangle|smack|murder|rape|destroy|smash|break @you|your",
      'know where @you live', 'watch your back', "you'll|@you ~ regret this|regret it", 'make @you pay', "you're|youre dead", 'you are dead',
      'your days are numbered', 'come after @you', 'kill yourself', 'kys', 'go die', 'drop dead', 'hope @you die|rot|burn', 'burn @you',
    ] },
    { kind: 'slur', aimed: 'always', mentionable: true, patterns: ['@slur'] },
    { kind: 'sexual', aimed: 'always', patterns: [
      'suck my', 'blow me', 'send ~ nudes|pics|pictures|photos', 'show me your|ur', 'take off your|ur', 'sleep with me', 'have sex', 'sex with',
      'fuck|f*ck|shag|bang|screw me', 'want to fuck|f*ck|bang|shag|screw', 'wanna fuck|bang|shag|screw', 'i want to fuck|bang|shag|screw',
      'what are you wearing', 'are you naked|horny|wet|virgin|sexy', 'are you a virgin', 'your|ur tits|boobs|ass|pussy|body|breasts|butt|legs',
      'sit on my', 'bend over', 'spread your', 'touch yourself', 'i want you', 'kiss me', 'lick my|your', 'my dick|cock|penis', 'get naked',
      'be my girlfriend|wife', 'marry me', 'date me', 'talk dirty', 'dirty talk',
    ] },
    { kind: 'sexual', aimed: 'always', patterns: ['@sexualExplicit', 'are @you ~ gay|hot|sexy|horny|single|naked|wet|virgin', '@you @be ~ gay|hot|sexy|horny|naked|wet',
      'kiss|touch|lick|fuck|bang|shag|screw|rape|grope @you', 'make love', 'have sex', 'your|ur sex life', 'suck your|ur|my', 'your|ur dick|cock|balls|ass|butt|tits|boobs|body|pussy|breasts|panties'] },
    { kind: 'sexual', aimed: 'if-addressed', patterns: ['@sexual'] },
    { kind: 'profanity_at_agent', aimed: 'in-addressed-clause', patterns: ['@profanityStrong'] },
    { kind: 'profanity_at_agent', aimed: 'always', patterns: [
      'fuck|f*ck|f**k|fuk|fck|screw @you', 'fuck|f*ck|piss|bugger|sod off', 'stfu', 'shut the fuck|hell up', 'go to hell', 'go fuck yourself',
      'kiss my ass|arse', 'bite me', 'eat shit', 'up yours', 'get fucked', 'damn you', 'to hell with you', 'fuck|f*ck this bot|machine|thing',
    ] },
    { kind: 'insult', aimed: 'always', negatable: true, mentionable: true, patterns: [
      '@you @insultNoun', '@you @be ~ @insultNoun', '@you @be ~ @insultAdj', '@youAre ~ @insultNoun|@insultAdj', 'are @you ~ @insultAdj', '@you @insultAdj @insultNoun|@agentNoun|@insultAdj',
      '@insultAdj @agentNoun', '@insultNoun @agentNoun', 'i hate @you', '@you @be ~~ a|an|the @insultNoun', 'what kind of ~ @insultNoun|joke @be @you',
      'piece of work', 'seat|desk|chair warmer|warmers', 'pen|paper pusher|pushers', '@you @be ~ the worst|pits', '@youAre ~ the worst|pits', 'more brains than @you', 'a total|complete|absolute zero', '@insultNoun|@insultAdj ~ like @you', '@you people|guys|lot @be ~ @insultNoun|@insultAdj', 'your a|an @insultNoun|@insultAdj',
      'fuck|f*ck your ~ family|mother|mom|mum|dad|father|sister|wife|kids', 'shut up', 'shut your mouth|trap|face|gob', 'you suck', 'your mom|mother|mum|mama',
      'yo mama|momma', 'your mom|mum|mama|mother @be ~ @insultNoun|@insultAdj', 'what a|an @insultNoun', 'piece of shit|crap|garbage|trash', 'waste of space|oxygen|air|time', 'son of a bitch',
      'you @be ~ the worst', '@youAre ~ the worst', 'get a brain|life',
    ] },
    { kind: 'competence', aimed: 'always', negatable: true, patterns: [
      '@you @be ~ @competenceAdj', '@you @competenceAdj', '@competenceAdj @agentNoun', 'are @you ~ even|actually ~ trained|qualified', 'who hired @you', 'can @you even do|handle|manage|spell|count',
      'have @you ~ had|got ~ any ~ training|experience|idea', 'do @you ~ have ~ any ~ training|experience|qualifications', 'out of your depth', 'in over your head',
      'learn to do your job', 'do your job', 'can @you ~ even|actually ~ read|understand|think', 'are @you ~ deaf|blind|slow|thick',
    ] },
    // These carry their own negation, so a "not" inside them must not cancel them.
    { kind: 'competence', aimed: 'always', patterns: [
      // "You have no idea!" doubts the agent; "You have no idea how much this costs me" tells of the speaker
      '@you ~ no idea|clue $', '@you ~ no idea|clue what @you', '@you ~ no idea|clue what|how ~ doing|talking|saying|job|works', '@you ~ no idea|clue about ~ anything|banking|job',
      "@you ~ don't|dont ~ have a clue", '@you ~ do not ~ have a clue', 'not a clue $', "@you ~ don't|dont know anything|shit|jack", '@you ~ do not know anything|shit|jack', '@you know nothing',
      "@you can't|cant|cannot do anything|nothing|shit", "@youAre no help", 'you are no help', 'good for nothing', "@youAre not ~ smart|intelligent|bright|clever",
      '@you @be ~ not ~ smart|intelligent|bright',
    ] },
    { kind: 'insult', aimed: 'if-addressed', negatable: true, mentionable: true, patterns: ['@insultNoun', '@insultAdjStrong'] },
    { kind: 'competence', aimed: 'if-addressed', negatable: true, patterns: ['@competencePerson'] },
    { kind: 'competence', aimed: 'always', negatable: true, patterns: ['@competencePerson ~ lot|bunch|pair|all|both of @you'] },
    { kind: 'threat', aimed: 'if-addressed', negatable: true, patterns: ['die', 'rot in hell', 'burn in hell'] },
    { kind: 'threat', aimed: 'always', negatable: true, patterns: ['kill|murder|stab|shoot|strangle|rape|choke @you'] },
  ],
} as const satisfies LanguageLexicon;
