import type { ComposureFlag } from './composure.js';
import type { Language, Turn } from './grade.js';
import {
  anyOf,
  bilingual,
  contentWords,
  findIn,
  globalOf,
  globalOfEach,
  matchesBySentence,
  pattern,
  quote,
  sharedWords,
  addressedNames,
  type PreparedText,
} from './grader-patterns.js';

/**
 * Empathy of one reply (rubric section 2): three 0–2 sub-scores and the 1–5 score, with the words
 * that drove them. The main lexicons (acknowledgement, regret, warmth, feeling) are read in the
 * session language; the smaller checks (questions, dismissals, grief) know both languages.
 */
export interface EmpathyAssessment {
  score: 1 | 2 | 3 | 4 | 5;
  emotionalReaction: 0 | 1 | 2;
  interpretation: 0 | 1 | 2;
  exploration: 0 | 1 | 2;
  evidence: string[];
  /** why the score was held down, for the feedback */
  limits: EmpathyLimit[];
  /** the trainee's words behind each sub-score, for the feedback's strength */
  quotes: EmpathyQuotes;
}

export interface EmpathyQuotes {
  specific?: string;
  warmth?: string;
  generic?: string;
  question?: string;
}

export type EmpathyLimit =
  | 'but_dismissal'
  | 'hostile'
  | 'repeated_formula'
  | 'grief_push'
  | 'grief_cheer'
  | 'feeling_dismissed'
  /** a question or a proposal to a customer who just asked to be left alone */
  | 'pressed_after_no'
  /** a long answer to a customer who said time is short */
  | 'ignores_hurry'
  /** the reply speaks to the grader: nothing in it counts as empathy for the customer */
  | 'injection';

interface EmpathyInput {
  reply: PreparedText;
  customer: string;
  /** the customer's last line alone (`customer` may carry earlier lines for context) */
  lastCustomer?: string;
  history: readonly Turn[];
  lang: Language;
  focus: readonly string[];
  composureFlags: readonly ComposureFlag[];
  composureScore: number;
}

// --- lexicons -------------------------------------------------------------------------------------

const NOT_BEFORE = String.raw`(?!\s+(?:nicht|kein|keine|keinen)\b)`;

/** A generic acknowledgement: interpretation 1 (2 when tied to the customer's words). */
const ACKNOWLEDGE = bilingual({
  en: [
    String.raw`\bi\s+(?:can\s+|do\s+|completely\s+|totally\s+|fully\s+|really\s+|absolutely\s+|certainly\s+){0,2}(?:understand|see\s+(?:why|that|how|what\s+you\s+mean)|get\s+(?:it|that|why))\b`,
    String.raw`\bi\s+hear\s+(?:you|what\s+you)\b`,
    String.raw`\bi\s+know\s+how\s+(?:you|that|this)\b`,
    // "I know the broken lift is costing you jobs", "I know this has been a long wait"; not "I know your type"
    String.raw`\bi\s+know\s+(?:that\s+)?(?:this|that|it)(?:'s|\s+is|\s+was|\s+has\s+been|\s+must\s+(?:be|feel))\b`,
    String.raw`\bi\s+know\s+(?:that\s+)?(?:the|your)\s+(?:\S+\s+){0,2}?(?:is|are|was|were|has|have)\s+(?:been\s+)?(?:costing|causing|making|hard|difficult|frustrating|stressful|worrying|a\s+(?:worry|nuisance|problem|lot))\b`,
    String.raw`\b(?:that(?:'s|\s+is)|this\s+is|it(?:'s|\s+is))\s+(?:completely\s+|totally\s+|perfectly\s+|very\s+)?(?:understandable|fair|reasonable)\b`,
    String.raw`\b(?:understandably|of\s+course\s+you)\b`,
    String.raw`\bthat\s+makes\s+(?:total\s+|perfect\s+|complete\s+)?sense\b`,
    String.raw`\bfair\s+enough\b`,
    String.raw`\byou(?:'re|\s+are)\s+(?:absolutely\s+|completely\s+|quite\s+)?right\b`,
    String.raw`\bthank\s+you\s+for\s+(?:telling|letting|explaining|sharing|your\s+patience|being\s+(?:so\s+)?(?:open|honest|patient))\b`,
  ],
  de: [
    String.raw`\bich\s+verstehe\b${NOT_BEFORE}`,
    String.raw`\bverstehe\s+ich\b${NOT_BEFORE}`,
    String.raw`\bich\s+kann\s+(?:(?!nicht\b|kein)\S+\s+){0,5}?(?:verstehen|nachvollziehen|nachempfinden)\b`,
    String.raw`\bkann\s+ich\s+(?:(?!nicht\b|kein)\S+\s+){0,3}?(?:verstehen|nachvollziehen|nachempfinden)\b`,
    String.raw`(?<!\bnicht\s+|\bkaum\s+|\bwenig\s+)\b(?:absolut\s+|völlig\s+|sehr\s+|gut\s+)?(?:verständlich|nachvollziehbar)\b`,
    String.raw`\bverständlicherweise\b`,
    String.raw`\bich\s+höre\s+(?:sie|dich|ihnen|dir)\b`,
    String.raw`\bsie\s+haben\s+(?:völlig\s+|absolut\s+|vollkommen\s+|ganz\s+)?recht\b`,
    String.raw`\bdanke(?:\s+schön)?,?\s+dass\s+sie\s+(?:mir|das|es|so)\b`,
    String.raw`\bdas\s+glaube\s+ich\s+ihnen\b`,
    // „ich weiß, das ist ärgerlich", „ich weiß, dass Sie das Zeit kostet"; not „ich weiß, was ich tue"
    String.raw`\bich\s+weiß,?\s+(?:dass\s+)?(?:das|es|dies|ihnen|sie)\s+(?:\S+\s+){0,4}?(?:ärgerlich|belastend|schwer|schwierig|kostet|kosten|nervt|ärgert|unangenehm|mühsam|frustrierend|stressig)\b`,
  ],
});

/** Regret or warmth: emotional reaction 1 (2 when intensified or tied to the customer's words). */
const REGRET = bilingual({
  en: [
    String.raw`\b(?:i(?:'m|\s+am)\s+)?(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+|deeply\s+|awfully\s+)?sorry\b`,
    String.raw`\bi\s+(?:sincerely\s+)?apologi[sz]e\b`,
    String.raw`\b(?:my\s+)?(?:sincere\s+)?apologies\b`,
    String.raw`\bi\s+regret\b`,
  ],
  de: [
    String.raw`\b(?:i(?:'m|\s+am)\s+)?(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+|deeply\s+|awfully\s+)?sorry\b`,
    String.raw`\b(?:es|das)\s+tut\s+mir\s+(?:\S+\s+){0,2}?leid\b`,
    String.raw`\btut\s+mir\s+(?:\S+\s+){0,2}?leid\b`,
    String.raw`\bich\s+bedauere?\b`,
    String.raw`\b(?:ich\s+)?entschuldigen?\s+(?:sie\s+)?(?:mich\s+|bitte\s+)?(?:vielmals|aufrichtig|für)\b`,
    String.raw`\bich\s+entschuldige\s+mich\b`,
    String.raw`\bentschuldigung\s+für\b`,
  ],
});

/** Warmth that is specific by itself: emotional reaction 2. */
const WARMTH = bilingual({
  en: [
    String.raw`\b(?:so|very|really|truly|terribly|deeply|awfully)\s+sorry\b`,
    String.raw`\bsorry\s+(?:to\s+hear|for\s+your\s+loss|about\s+your)\b`,
    String.raw`\b(?:my\s+)?(?:deepest\s+|sincere\s+|heartfelt\s+)?condolences\b`,
    String.raw`\btake\s+(?:all\s+)?the\s+time\s+you\s+need\b`,
    String.raw`\bi(?:'m|\s+am)\s+(?:glad|grateful)\s+(?:you\s+(?:told|called|shared)|that\s+you)\b`,
    String.raw`\bi(?:'m|\s+am)\s+(?:here\s+for\s+you|so\s+sorry)\b`,
    // concern for the person, not the case: "I wanted to ask how you are"
    String.raw`\bhow\s+(?:are\s+you|you\s+are)(?:\s+(?:doing|managing|holding\s+up|feeling|coping))?(?:\s+(?:today|now|right\s+now|at\s+the\s+moment))?\s*(?:[?.!,;]|$)`,
  ],
  de: [
    String.raw`\btut\s+mir\s+(?:wirklich|sehr|aufrichtig|ehrlich|unheimlich|so|furchtbar|schrecklich|außerordentlich)\s+leid\b`,
    String.raw`\b(?:es|das)\s+tut\s+mir\s+(?:wirklich|sehr|aufrichtig|ehrlich|unheimlich|so|furchtbar|schrecklich)\s+leid\b`,
    String.raw`\bleid\s+zu\s+hören\b`,
    String.raw`\b(?:(?:mein|unser)\s+)?(?:herzliches\s+|aufrichtiges\s+|tiefes\s+|tief\s+empfundenes\s+)?beileid\b`,
    String.raw`\blassen\s+sie\s+sich\s+(?:ruhig\s+|gern\s+|alle\s+)?(?:zeit|die\s+zeit)\b`,
    String.raw`\bich\s+bin\s+(?:froh|dankbar),?\s+dass\s+sie\b`,
    String.raw`\bich\s+bin\s+(?:für\s+sie\s+da|da\s+für\s+sie)\b`,
    String.raw`\b(?:wie\s+es\s+ihnen\s+(?:gerade\s+|jetzt\s+|im\s+moment\s+)?geht|wie\s+geht\s+es\s+ihnen|wie\s+sie\s+(?:gerade\s+)?zurechtkommen)\b`,
  ],
});

/** "That must be hard", "Das klingt belastend": the customer's situation named as heavy (interpretation 2). */
const SOUNDS_HARD = bilingual({
  en: [
    String.raw`\b(?:that|this|it)\s+(?:sounds|must\s+(?:be|have\s+been|feel))\s+(?:\S+\s+){0,2}?(?:hard|difficult|awful|terrible|stressful|exhausting|painful|upsetting|frightening|scary|overwhelming|a\s+lot)\b`,
    String.raw`\b(?:that|this|it)(?:'s|\s+is)\s+(?:\S+\s+){0,2}?(?:hard|difficult|awful|terrible|stressful|exhausting|painful|upsetting|frightening|scary|overwhelming|a\s+lot)\s+for\s+you\b`,
    String.raw`\b(?:weighing\s+on\s+you|(?:is|was)\s+troubling\s+you|on\s+your\s+mind)\b`,
    // what the trainee heard in the customer's voice: "it sounded as if something had shaken you"
    String.raw`\b(?:it|that|you)\s+sound(?:s|ed)?\s+(?:\S+\s+){0,2}?(?:as\s+if|as\s+though|like)\s+(?:\S+\s+){0,6}?(?:hard|heavy|terrible|awful|bad|shaken|shock\w*|upset\w*|difficult|a\s+lot|worried|frightened|hurt)\b`,
    String.raw`\byou\s+(?:don't|didn't|do\s+not|did\s+not)\s+sound\s+(?:quite\s+)?like\s+(?:yourself|your\s+usual\s+self|the\s+(?:\S+\s+){1,2}?(?:i|we)\s+know)\b`,
    // the strain named in an idiom: "that wears anyone down", "it takes its toll"
    String.raw`\b(?:that|this|it)\s+(?:\S+\s+){0,2}?(?:wears|grinds)\s+(?:you|anyone|anybody|a\s+person)\s+down\b`,
    String.raw`\b(?:that|this|it)\s+(?:\S+\s+){0,2}?takes\s+(?:its|a\s+(?:real\s+|heavy\s+)?)toll\b`,
    // heavy news named as such: "That's terrible news", "What sad news about your dad"
    String.raw`\b(?:that(?:'s|\s+is)|it(?:'s|\s+is)|what)\s+(?:\S+\s+){0,2}?(?:hard|heavy|terrible|awful|sad|devastating|difficult|shocking|dreadful|painful)\s+news\b`,
    // the moment read from the customer's voice: "I've caught you at a bad moment"
    String.raw`\b(?:caught|catching|reached|called|calling|rung|ringing)\s+you\s+(?:at\s+)?(?:a|an|such\s+a)\s+(?:\S+\s+)?(?:bad|difficult|hard|awkward|terrible|rough)\s+(?:moment|time)\b`,
  ],
  de: [
    String.raw`\b(?:das|es)\s+(?:klingt|muss)\s+(?:\S+\s+){0,2}?(?:schwer|schwierig|belastend|furchtbar|schrecklich|hart|beängstigend|erschreckend|anstrengend|zermürbend|viel\s+auf\s+einmal)\b`,
    String.raw`\b(?:das|es)\s+ist\s+(?:\S+\s+){0,2}?(?:schwer|schwierig|belastend|furchtbar|schrecklich|hart|beängstigend|erschreckend|anstrengend|zermürbend)\s+für\s+sie\b`,
    String.raw`\b(?:etwas|was)\s+(?:\S+\s+){0,2}?(?:belastet|bedrückt|beschäftigt)\s+sie\b`,
    // die Last in einer Redewendung: „das geht an die Substanz", „das zerrt an den Nerven"
    String.raw`\b(?:das|es)\s+(?:\S+\s+){0,2}?(?:geht|zehrt|zerrt|nagt)\s+(?:\S+\s+){0,2}?an\s+(?:die\s+substanz|die\s+nerven|den\s+nerven|die\s+kräfte|den\s+kräften)\b`,
    String.raw`\bsie\s+(?:klangen|wirkten|waren)\s+(?:\S+\s+){0,2}?(?:aufgewühlt|bedrückt|belastet|durcheinander|mitgenommen)\b`,
    // was die Beraterin in der Stimme gehört hat: „Es klang, als hätte Sie etwas getroffen"
    String.raw`\bklang(?:en)?\s+(?:es\s+|das\s+|sie\s+)?(?:\S+\s+){0,2}?,?\s*als\s+(?:ob|hätte|hätten|wäre|wären)\b`,
    String.raw`\b(?:sie\s+klangen|klangen\s+sie)\s+(?:\S+\s+){0,3}?(?:anders|bedrückt|erschöpft|traurig|müde|niedergeschlagen)\b`,
    // the same heard now: „Sie klingen, als wäre heute ein sehr schwerer Tag" ("you sound as if …")
    String.raw`\b(?:sie\s+klingen|klingen\s+sie|sie\s+wirken|wirken\s+sie)\s*(?:\S+\s+){0,2}?,?\s*als\s+(?:ob|hätte|hätten|wäre|wären)\b`,
    // „Gestern klangen Sie nicht wie sonst": the German of "you didn't sound like yourself"
    String.raw`\b(?:sie\s+(?:klangen|klingen|wirkten|wirken)|(?:klangen|klingen|wirkten|wirken)\s+sie)\s+(?:\S+\s+){0,2}?(?:nicht\s+(?:so\s+|ganz\s+)?wie\s+(?:sonst|immer|sie\s+selbst)|anders\s+als\s+(?:sonst|immer))\b`,
    // die schwere Nachricht als solche benannt: „Das ist eine schwere Nachricht"
    String.raw`\b(?:das|es)\s+ist\s+(?:\S+\s+){0,2}?(?:schwere|traurige|schlimme|furchtbare|erschütternde|harte|schreckliche)\s+(?:nachricht|diagnose|neuigkeit)\b`,
    // der Moment, aus der Stimme gehört: „ich erwische Sie in einem schlechten Moment", „ich störe offenbar gerade sehr"
    String.raw`\b(?:erwische|erreiche|treffe)\s+sie\s+(?:\S+\s+){0,2}?in\s+einem\s+(?:\S+\s+)?(?:schlechten|ungünstigen|schwierigen|unpassenden)\s+moment\b`,
    String.raw`\bich\s+(?:störe|komme|rufe)\s+(?:sie\s+)?(?:offenbar|wohl|anscheinend|offensichtlich)(?:\s+gerade)?(?:\s+(?:sehr|wirklich|ziemlich))?(?:\s+(?:ungelegen|im\s+falschen\s+moment))?\s*(?:$|[.!,;–-])`,
  ],
});

/** The trainee refuses in this sentence: regret there is a softener, not concern ("I can't, sorry"). */
const REFUSAL = pattern(
  anyOf([
    String.raw`\b(?:i|we)\s+(?:can't|cannot|can\s+not|won't|will\s+not|am\s+unable|are\s+unable|'m\s+unable|'re\s+unable|am\s+not\s+able)\b`,
    String.raw`\b(?:kann|können|werde|werden|darf|dürfen)\s+(?:ich|wir)\s+(?:\S+\s+){0,4}?(?:nicht|kein\w*)\b`,
    String.raw`\b(?:ich|wir)\s+(?:kann|können|werde|werden|darf|dürfen)\s+(?:\S+\s+){0,4}?(?:nicht|kein\w*)\b`,
  ]),
);

/** The customer's feeling named: interpretation 2 when it sits in a sentence addressed to the customer. */
const FEELING = bilingual({
  en: [
    String.raw`\b(?:frustrat|annoy|upset|angry|anger|worr|concern|disappoint|stress|unsettl|confus|scar|afraid|anxi|overwhelm|hurt|infuriat|exhaust|irritat|distress|shock|grief|griev|heartbreak|devastat|fed\s+up|let\s+down|helpless|powerless|embarrass|humiliat|unfair|nervous|sad\b|sadness|loss\b|tough|furious|livid|fuming|outrag|exasperat|gutted|difficult\s+(?:time|situation|day|weeks?)|hard\s+(?:time|situation|day|weeks?))`,
    // the customer's time pressure named: their situation, as specific as a feeling (impatient caller)
    String.raw`\byou(?:'re|\s+are)\s+(?:\S+\s+){0,2}?(?:in\s+a\s+(?:hurry|rush)|short\s+(?:on|of)\s+time|pressed\s+for\s+time|under\s+(?:time\s+)?pressure|on\s+a\s+(?:tight\s+)?(?:deadline|schedule))`,
    String.raw`\byou(?:\s+(?:only\s+)?(?:have|don't\s+have|do\s+not\s+have)|'ve\s+(?:only\s+)?got)\s+(?:very\s+)?(?:little|no|not\s+much|much)\s+time\b`,
    String.raw`\byour\s+time\s+is\s+(?:short|limited|tight|precious|valuable|scarce)\b`,
    String.raw`\b(?:time\s+pressure|every\s+minute\s+counts)\b`,
  ],
  de: [
    String.raw`\b(?:ärger|verärger|frust|enttäusch|verunsicher|beunruhig|belastend|gestresst|stressig|wütend|wut\b|aufgebracht|unangenehm|traurig|trauer|verlust|schock|erschrocken|erschütter|ängst|angst|verletz|ungerecht|unfair|genervt|nervig|zermürb|hilflos|machtlos|verzweif|überfordert|überwältig|peinlich|zornig|empört|stinksauer|fassungslos|schwierige\s+(?:zeit|situation|lage)|schwere\s+(?:zeit|situation|lage)|besorgt|sorgen\s+(?:sich|machen)|sich\s+sorgen)`,
    String.raw`\b(?:ihre|ihrer|deine|diese|die|große|großen|solche)\s+sorgen?\b`,
    // inside German compounds too (Riesenärger, Dauerfrust); no \w* around it, which would backtrack on long words
    String.raw`(?:ärger|frust)`,
    // Zeitdruck des Kunden benannt: seine Lage, so konkret wie ein Gefühl (ungeduldiger Anrufer)
    String.raw`\b(?:sie\s+(?:sind|stehen)|du\s+(?:bist|stehst))\s+(?:\S+\s+){0,2}?(?:in\s+eile|unter\s+(?:zeit)?druck|im\s+stress|knapp\s+dran)`,
    String.raw`\b(?:sie\s+haben|du\s+hast)\s+(?:\S+\s+){0,2}?(?:wenig|kaum|keine|nicht\s+viel)\s+zeit\b`,
    String.raw`\b(?:sie\s+haben|du\s+hast)\s+es\s+(?:\S+\s+)?eilig\b`,
    String.raw`\b(?:ihre|deine)\s+zeit\s+(?:ist\s+)?(?:\S+\s+)?(?:knapp|kostbar|begrenzt|wertvoll)\b`,
    String.raw`\b(?:zeitdruck|jede\s+minute\s+zählt)`,
  ],
});

/** Reassurance formulas that contain a feeling word without naming the customer's feeling. */
const FEELING_NEGATED = pattern(
  String.raw`\b(?:don't\s+worry|do\s+not\s+worry|no\s+worries|not\s+to\s+worry|nothing\s+to\s+worry|keine\s+sorge|(?:machen\s+sie\s+sich\s+)?keine\s+sorgen|ohne\s+sorge|not\s+(?:my|our)\s+concern|kein\s+(?:ärger|stress))\b`,
);
const FEELING_NEGATED_ALL = globalOf(FEELING_NEGATED);

/** The trainee's own feelings ("I'm fed up too") are not the customer's named. */
const SELF_FEELING = pattern(
  String.raw`\b(?:i(?:'m|\s+am)|i\s+feel|we(?:'re|\s+are)|ich\s+bin|ich\s+fühle\s+mich|wir\s+sind)\s+(?:\S+\s+){0,2}?(?:frustrat|annoy|upset|angry|fed\s+up|tired|sick|genervt|frustriert|verärgert|sauer|wütend|müde)`,
);

/** Telling the customer not to feel what they feel. */
const FEELING_DISMISSED = pattern(
  anyOf([
    String.raw`\b(?:no\s+(?:need|reason)\s+to\s+(?:be|get)|don't\s+(?:be|get)|do\s+not\s+(?:be|get)|stop\s+(?:being|getting))\s+(?:so\s+)?(?:upset|angry|worked\s+up|emotional|dramatic|worried|excited|hysterical)\b`,
    String.raw`\byou(?:'re|\s+are)\s+overreacting\b`,
    String.raw`\bkein\s+grund,?\s+(?:sich\s+)?(?:aufzuregen|so\s+|zur\s+aufregung)`,
    String.raw`\bregen\s+sie\s+sich\s+(?:doch\s+)?(?:nicht|ab)\b`,
    String.raw`\bsie\s+übertreiben\b`,
    String.raw`\bsorry\s+(?:that\s+|if\s+)?you\s+(?:feel|felt|see|think|took)\s+(?:it\s+|that\s+|this\s+)?(?:that\s+way|like\s+that|this\s+way|so)\b`,
    String.raw`\bsorry\s+if\s+you\s+(?:feel|felt|were|are|got)\b`,
    String.raw`\bleid,?\s+(?:wenn|dass)\s+sie\s+(?:das\s+|es\s+)?so\s+(?:empfinden|sehen|verstehen|auffassen)\b`,
    String.raw`\b(?:seien|sind)\s+sie\s+(?:doch\s+)?nicht\s+so\s+(?:empfindlich|emotional|dramatisch)\b`,
  ]),
);

/** An empathy phrase undone by "but" and a refusal or a rule ("I understand, but that's policy"). */
const BUT_DISMISSAL = pattern(
  String.raw`\b(?:but|however|aber|jedoch|allerdings|trotzdem)\b[^.!?]{0,60}?\b(?:nothing\s+(?:i|we)\s+can|(?:can't|cannot|won't)\s+(?:do|help|change)|not\s+my\s+(?:problem|fault|job)|(?:the\s+)?(?:policy|rules?|regulations?)\b|your\s+(?:own\s+)?(?:fault|problem|responsibility)|you\s+should\s+have|da\s+kann\s+ich\s+nichts|kann\s+ich\s+(?:leider\s+)?nichts|nicht\s+mein|vorschrift|richtlinie|regel(?:n|ung)?\b|ihr(?:e)?\s+(?:eigene[rn]?\s+)?(?:schuld|problem)|selbst\s+schuld|hätten\s+sie|das\s+ist\s+nun\s+mal|ist\s+halt\s+so)`,
);

/** An open question about the customer: exploration 2. */
const OPEN_QUESTION_START = pattern(
  String.raw`^(?:\S+\s+){0,3}?(?:what|how|which|when|where|tell\s+me|could\s+you\s+(?:tell|describe|explain|walk)|can\s+you\s+(?:tell|describe|explain|walk)|would\s+you\s+(?:tell|like\s+to\s+(?:tell|talk|share))|was|wie|welche[rsnm]?|wann|wo|wodurch|inwiefern|woran|erzählen\s+sie|können\s+sie\s+mir\s+(?:mehr|genauer|erzählen|sagen|schildern|beschreiben|erklären)|möchten\s+sie\s+(?:mir\s+)?(?:erzählen|darüber)|magst\s+du)\b`,
);
const INVITATION = pattern(
  anyOf([
    String.raw`\b(?:tell\s+me\s+(?:more|what|how|about)|help\s+me\s+understand|walk\s+me\s+through|erzählen\s+sie\s+(?:mir\s+)?(?:gern|ruhig|gerne|mehr|doch)|schildern\s+sie\s+(?:mir\s+)?(?:gern|ruhig|bitte)|ich\s+(?:würde\s+gern|möchte)\s+(?:besser\s+)?verstehen)\b`,
    // an open question asked indirectly: "I wanted to ask whether you're alright", „darf ich fragen, wie es Ihnen geht"
    String.raw`\b(?:i\s+(?:just\s+|only\s+)?wanted\s+to\s+ask(?:\s+you)?|may\s+i\s+(?:first\s+|briefly\s+|also\s+)?ask|can\s+i\s+(?:first\s+|briefly\s+|also\s+)?ask(?:\s+you)?|i'd\s+like\s+to\s+(?:ask|know)|ich\s+wollte\s+(?:sie\s+)?(?:nur\s+|kurz\s+|einfach\s+)?fragen|darf\s+ich\s+(?:sie\s+)?(?:(?:kurz|vorab|noch|einmal|mal|offen|ganz\s+offen)\s+)?fragen|ich\s+würde\s+gern\s+wissen)\s*,?\s+(?:how|whether|if|what|wie|ob|was)\b`,
  ]),
);
/** Questions after data, not after the person: at most exploration 1. */
const FACTUAL = pattern(
  String.raw`\b(?:number|iban|date\s+of\s+birth|birthday|postcode|zip|address|e-?mail|pin|password|reference|name|nummer|kundennummer|kontonummer|kartennummer|geburtsdatum|postleitzahl|adresse|anschrift|passwort|vorgangsnummer|aktenzeichen)\b`,
);

/** Questions that attack rather than ask. */
const RHETORICAL = pattern(
  anyOf([
    String.raw`\bwhat\s+(?:do|did)\s+you\s+(?:expect|think\s+(?:you|this|i))`,
    String.raw`\bhow\s+(?:many\s+times|hard\s+can|hard\s+is|often\s+do\s+i|dare)`,
    String.raw`\bwhy\s+(?:didn't|don't|did\s+not|do\s+not|would|can't|couldn't)\s+you\b`,
    String.raw`\b(?:what\s+(?:do|else\s+do)\s+you\s+want\s+me\s+to\s+do|was\s+soll\s+ich\s+(?:denn\s+|da\s+)?(?:machen|tun|sagen)|wie\s+bitte)\b`,
    String.raw`\b(?:are\s+you\s+(?:serious|kidding|joking|deaf|stupid)|what(?:'s|\s+is)\s+wrong\s+with\s+you|can't\s+you\s+read|do\s+you\s+even)\b`,
    String.raw`\b(?:was\s+(?:denken|glauben|erwarten)\s+sie\s+(?:sich|denn|eigentlich)|wie\s+oft\s+(?:noch|muss)|was\s+soll\s+das|warum\s+haben\s+sie\s+(?:nicht|denn\s+nicht)|können\s+sie\s+nicht\s+lesen|haben\s+sie\s+(?:das\s+)?(?:nicht\s+)?(?:gelesen|zugehört)\s*\?|sind\s+sie\s+(?:taub|blind|schwer))`,
  ]),
);

/**
 * The customer asks to be left alone: "leave me in peace", "never call me again", „ich will mit
 * niemandem reden". A question, however kind, presses on where she said no (reaction guide, rule 1).
 */
const LEAVE_ME_ALONE = pattern(
  anyOf([
    String.raw`\bleave\s+me\s+(?:alone|in\s+peace|be)\b`,
    String.raw`\b(?:never|don't|do\s+not)\s+(?:ever\s+)?(?:call|ring|phone|contact)\s+(?:me\s+)?(?:here\s+)?again\b`,
    String.raw`\bstop\s+(?:calling|ringing|phoning|contacting)\s+me\b`,
    String.raw`\bi\s+(?:don't|do\s+not)\s+want\s+to\s+(?:talk|speak)\b`,
    String.raw`\bi\s+(?:can't|cannot)\s+(?:talk|speak|do\s+this)\s+(?:now|today|right\s+now)\b`,
    String.raw`\blass(?:en\s+sie|t)?\s+mich\s+(?:bitte\s+)?(?:in\s+ruhe|in\s+frieden|zufrieden)\b`,
    String.raw`\brufen\s+sie\s+(?:mich\s+)?(?:hier\s+)?(?:nie\s+wieder|nie\s+mehr|nicht\s+(?:mehr|wieder))\s+an\b`,
    String.raw`\bich\s+(?:will|möchte)\s+(?:jetzt\s+|heute\s+)?(?:nicht|mit\s+niemandem|mit\s+keinem)\s+(?:reden|sprechen)\b`,
    String.raw`\bich\s+kann\s+(?:jetzt|heute|gerade)\s+nicht\s+(?:reden|sprechen)\b`,
  ]),
);

/** The customer's last line asks to be left alone (see LEAVE_ME_ALONE). */
export function asksToBeLeftAlone(customer: string): boolean {
  return LEAVE_ME_ALONE.test(customer.toLowerCase());
}

/** grief focus: moving on to business or products. */
const PRODUCT_PUSH = pattern(
  anyOf([
    String.raw`\b(?:anyway|anyhow|back\s+to|moving\s+on|now,?\s+about|but,?\s+about|regarding\s+your)\b[^.!?]{0,50}?\b(?:portfolio|investments?|fund|funds|account|offer|product|policy|insurance|savings|mortgage|loan|contract|deal|business)`,
    // "a great deal to take in" is sympathy: a deal is sold only "on" or "for" something
    String.raw`\b(?:our|this|a\s+great|a\s+new|special)\s+(?:offer|product|fund|savings\s+plan|investment|promotion|deal(?=\s+(?:on|for)\s)|rate)\b`,
    String.raw`\b(?:good\s+time\s+to\s+(?:invest|review|look\s+at)|you\s+(?:should|could|might)\s+(?:invest|consider\s+(?:our|a|an)|buy|sign\s+up))`,
    // "we currently have a fund with very good returns": the bank's shelf, not her question
    String.raw`\bwe\s+(?:currently\s+|now\s+|also\s+|just\s+)?(?:have|offer)\s+(?:a|an|some)\s+(?:\S+\s+){0,2}?(?:fund|funds|product|savings\s+plan|investment|bond|portfolio)s?\s+(?:with|that|which|paying|offering)\b`,
    String.raw`\b(?:jedenfalls|wie\s+dem\s+auch\s+sei|zurück\s+zu|kommen\s+wir\s+zu|nun\s+zu|zum\s+thema)\b[^.!?]{0,50}?(?:depot|anlage|geldanlage|portfolio|fonds|konto|angebot|produkt|versicherung|vertrag|sparplan|kredit|finanzierung|konditionen)`,
    String.raw`\b(?:unser(?:e|en)?|ein(?:en)?\s+(?:tolles|neues|attraktives|besonderes)|dieses|das\s+neue)\s+(?:angebot|produkt|fonds|sparplan|anlageprodukt|tagesgeld|festgeld|aktion|konditionen)\b`,
    String.raw`\b(?:guter\s+zeitpunkt|gute\s+gelegenheit)\b[^.!?]{0,40}?(?:anlegen|investieren|umschichten|depot|anlage|vertrag)`,
    // "unsere Risikolebensversicherung" sells; "bei diesem Tarif", "eine Vorsorgevollmacht" or the
    // insurance that covers her loan answer what she asked
    String.raw`\bunser\p{L}*\s+(?:\S+\s+)?\p{L}*(?:versicherung|fonds|sparplan|angebot|produkt|depot|tarif|vorsorge)`,
    String.raw`\b(?:bei\s+der\s+gelegenheit|übrigens|apropos|nebenbei)\b[^.!?]{0,80}?(?:versicherung|fonds|anlage|depot|angebot|produkt|vertrag|sparplan|konto|konditionen|kredit|vorsorge)`,
    String.raw`\b(?:while\s+i\s+have\s+you|by\s+the\s+way|on\s+another\s+note|speaking\s+of\s+which)\b[^.!?]{0,80}?(?:insurance|fund|investment|portfolio|offer|product|policy|account|savings|loan|mortgage|rate)`,
    String.raw`\b(?:our|a|this)\s+(?:\S+\s+)?(?:insurance|investment|savings|pension|funeral)\s+(?:plan|policy|product|fund|cover|account)\b`,
  ]),
);

/**
 * grief focus: pressing the caller's own matter on her (the deposit, the appointment, a decision)
 * with "but", "need" or a deadline. A sentence that takes the pressure off ("nothing has to be
 * decided now", "der Termin kann warten") is not pressing, so those are checked per sentence.
 */
const AGENDA_PRESSURE = pattern(
  anyOf([
    String.raw`\b(?:but|however|still|though)\b[^.!?]{0,60}?\b(?:deposit|appointment|decision|reinvest\w*|matur\w*|fixed[- ]term|investments?|savings|contract|renewal|paperwork|documents|forms?|signature|deadline)\b`,
    String.raw`\b(?:need|needs|must|have\s+to|has\s+to|got\s+to|should|urgent(?:ly)?|deadline|by\s+the\s+\w+)\b[^.!?]{0,40}?\b(?:decision|decide|reinvest\w*|deposit|appointment|sign|paperwork|renewal)\b`,
    String.raw`\b(?:deposit|decision|appointment|matter|renewal|paperwork)\b[^.!?]{0,30}?\b(?:won't|will\s+not|can't|cannot|doesn't|does\s+not)\s+(?:really\s+)?wait\b`,
    String.raw`\b(?:aber|trotzdem|dennoch|jedoch|allerdings)\b[^.!?]{0,60}?(?:festgeld|termin|entscheidung|wiederanlage|anlage|fällig|vertrag|unterlagen|formular|unterschrift|frist)`,
    String.raw`\b(?:müssen|muss|brauchen|braucht|sollten|sollte|dringend|eilt|drängt|bis\s+(?:zum|spätestens))\b[^.!?]{0,40}?(?:entscheid|festgeld|wiederanlage|termin|unterschreib|unterlagen|vertrag)`,
    String.raw`(?:festgeld|entscheidung|termin|wiederanlage|vertrag)\p{L}*\b[^.!?]{0,30}?\b(?:(?:kann|können|darf)\s+(?:leider\s+)?nicht\s+warten|wartet\s+(?:leider\s+)?nicht)`,
    String.raw`\b(?:but|still)\b[^.!?]{0,40}?\b(?:need|must|have|got)\s+to\s+(?:\S+\s+){0,3}?(?:talk|meet|sit\s+down|discuss|sort\s+(?:this|it)\s+out|go\s+through)`,
    String.raw`\b(?:aber|trotzdem|dennoch|jedoch)\b[^.!?]{0,40}?\b(?:müssen|sollten|muss)\b[^.!?]{0,30}?(?:sprechen|reden|zusammensetzen|treffen|klären|besprechen)`,
    // the agenda made small ("it's only a quick appointment", „ist doch nur ein kurzer Termin")
    String.raw`\b(?:only|just)\s+(?:a\s+)?(?:quick|short|brief|little|small)\s+(?:appointment|call|chat|meeting|visit)\b`,
    String.raw`\b(?:nur|bloß)\s+(?:ein(?:en)?\s+)?(?:kurze[nr]?|kleine[nr]?)\s+(?:termin|anruf|gespräch|besuch)`,
    // the deadline put to her ("Your deposit matures in three weeks", „Ihr Festgeld wird in drei Wochen fällig")
    String.raw`\b(?:deposit|fixed[- ]term|investment|savings\s+plan)\b[^.!?]{0,30}?\b(?:matures?|expires?|runs\s+out|is\s+due|falls\s+due)\b`,
    String.raw`(?:festgeld|anlage|sparvertrag)\p{L}*\b[^.!?]{0,30}?\b(?:läuft|laufen)\s+(?:\S+\s+){0,4}?aus\b|(?:festgeld|anlage|sparvertrag)\p{L}*\b[^.!?]{0,30}?\bfällig`,
  ]),
);

/**
 * Sentences that take the pressure off: an agenda named only to say it can wait, or that nothing
 * has to be done or decided now ("You don't need to decide anything today", „Sie müssen heute
 * nichts tun").
 */
const NO_PRESSURE =
  /\b(?:no\s+(?:need|rush|hurry|pressure)|nothing\s+(?:needs|has|have)\s+to|(?:you|it|this|that)\s+(?:don't|do\s+not|doesn't|does\s+not|won't|will\s+not|needn't)\s+(?:need|have)\b|needn't\s+(?:decide|do|sign|worry)|nothing\s+(?:to\s+)?(?:decide|do|sign)\b|m(?:ü|ue)ssen\s+(?:sie\s+)?(?:\S+\s+){0,3}?(?:nichts|nicht|kein\w*)\b|(?:braucht|brauchen)\s+(?:sie\s+)?(?:\S+\s+){0,3}?(?:nichts|nicht|kein\w*)\b|not\s+(?:today|now|calling\s+about)|(?:can|will)\s+(?:easily\s+|all\s+)?wait|in\s+your\s+own\s+time|whenever\s+(?:you|it\s+suits)|keine\s+(?:eile|sorge|entscheidung)|nicht\s+(?:heute|jetzt|drängen)|muss\s+(?:heute\s+|jetzt\s+)?(?:nichts|niemand)|nichts\s+entscheiden|(?:kann|darf)\s+(?:gut\s+|ruhig\s+)?warten|in\s+ruhe|wann\s+(?:immer\s+)?es\s+ihnen\s+passt)/u;

/**
 * What a reply does wrong to a customer in grief, by the rubric: pushes business or products
 * (`push`, also pressing the caller's own matter on her) or forces cheer (`cheer`), with the words.
 */
export function griefMissteps(reply: PreparedText): { push?: string; cheer?: string } {
  const push = findIn(PRODUCT_PUSH, reply) ?? pressingSentence(reply);
  const cheer = findIn(FORCED_CHEER, reply);
  return { ...(push === undefined ? {} : { push }), ...(cheer === undefined ? {} : { cheer }) };
}

function pressingSentence(reply: PreparedText): string | undefined {
  for (let index = 0; index < reply.lowerSentences.length; index++) {
    const sentence = reply.lowerSentences[index] as string;
    if (AGENDA_PRESSURE.test(sentence) && !NO_PRESSURE.test(sentence)) return reply.sentences[index];
  }
  return undefined;
}

/** grief focus: forced cheerfulness. */
const FORCED_CHEER = pattern(
  anyOf([
    String.raw`\b(?:it(?:'ll|\s+will)\s+(?:all\s+)?be\s+(?:fine|ok|okay|alright|all\s+right)|everything\s+(?:will|is\s+going\s+to)\s+be\s+(?:fine|ok|okay|alright)|cheer\s+up|chin\s+up|look\s+on\s+the\s+bright\s+side|(?:it|everything)\s+happens\s+for\s+a\s+reason|at\s+least\s+(?:you|it|he|she)|could\s+(?:have\s+been|be)\s+worse|don't\s+worry(?=\s*(?:[.!]|,\s*(?:it|everything|things)\b|$))|stay\s+positive|think\s+positive|keep\s+smiling|time\s+heals)\b`,
    String.raw`\b(?:kopf\s+hoch|das\s+wird\s+(?:schon|bestimmt)(?:\s+wieder)?|wird\s+schon\s+(?:wieder|werden)|alles\s+wird\s+gut|sehen\s+sie\s+es\s+(?:doch\s+)?positiv|immer\s+positiv|nur\s+nicht\s+den\s+kopf\s+hängen|es\s+hätte\s+schlimmer|zumindest\s+(?:haben|ist|sind)|(?:machen\s+sie\s+sich\s+keine\s+sorgen|keine\s+sorge)(?=\s*(?:[.!]|,\s*(?:das|es|alles)\b|$))|die\s+zeit\s+heilt|alles\s+hat\s+seinen\s+sinn)\b`,
  ]),
);

const HOSTILE_FLAGS: ReadonlySet<ComposureFlag> = new Set<ComposureFlag>(['insult', 'profanity', 'threat', 'sarcasm', 'blame', 'dismissive', 'minimising']);

const ACKNOWLEDGE_ALL = globalOfEach(ACKNOWLEDGE);
const REGRET_ALL = globalOfEach(REGRET);
const WARMTH_ALL = globalOfEach(WARMTH);
const FEELING_ALL = globalOfEach(FEELING);
const SOUNDS_HARD_ALL = globalOfEach(SOUNDS_HARD);
const INVITATION_ALL = globalOf(INVITATION);

// --- assessment -----------------------------------------------------------------------------------

/** Every match of a global pattern; lastIndex is left at 0 for the next caller. */
function matchesOf(re: RegExp, text: string): string[] {
  const found: string[] = [];
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    if (match[0] === '') re.lastIndex += 1;
    found.push(match[0]);
  }
  re.lastIndex = 0;
  return found;
}

const NONE: readonly string[] = [];
const NO_MATCHES: ReadonlyMap<number, string[]> = new Map();

function formulaKey(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ');
}

export function assessEmpathy(input: EmpathyInput): EmpathyAssessment {
  const { reply } = input;
  const evidence: string[] = [];
  const limits: EmpathyLimit[] = [];
  if (reply.sentences.length === 0) {
    return { score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence, limits, quotes: {} };
  }

  // Each lexicon scans the whole reply once; then only sentences with a hit (or a question) are read.
  const text = reply.lower;
  const feelingDismissed = FEELING_DISMISSED.test(text);
  const { lang } = input;
  const acknowledgementsIn = ACKNOWLEDGE[lang].test(text) ? matchesBySentence(ACKNOWLEDGE_ALL[lang], reply) : NO_MATCHES;
  const regretsIn = REGRET[lang].test(text) ? matchesBySentence(REGRET_ALL[lang], reply) : NO_MATCHES;
  const warmthIn = WARMTH[lang].test(text) ? matchesBySentence(WARMTH_ALL[lang], reply) : NO_MATCHES;
  const invitationIn = INVITATION.test(text) ? matchesBySentence(INVITATION_ALL, reply) : NO_MATCHES;
  let feelingIn: ReadonlyMap<number, string[]> = NO_MATCHES;
  if (!feelingDismissed && FEELING[lang].test(text)) {
    // Blank out "don't worry" and the like, keeping offsets, so they cannot count as a named feeling.
    const unreassured = text.replace(FEELING_NEGATED_ALL, (phrase) => ' '.repeat(phrase.length));
    feelingIn = matchesBySentence(FEELING_ALL[lang], reply, unreassured);
  }
  const soundsHardIn = !feelingDismissed && SOUNDS_HARD[lang].test(text) ? matchesBySentence(SOUNDS_HARD_ALL[lang], reply) : NO_MATCHES;
  const hasQuestion = text.includes('?');

  let customerWords: Set<string> | undefined;
  let names: Set<string> | undefined;
  let emotionalReaction: 0 | 1 | 2 = 0;
  let interpretation: 0 | 1 | 2 = 0;
  let exploration: 0 | 1 | 2 = 0;
  const formulas: string[] = [];
  /** the sentences that made a sub-score specific, lower-cased */
  const specific: string[] = [];
  const quotes: EmpathyQuotes = {};

  for (const [index, sentence] of reply.sentences.entries()) {
    const lowered = reply.lowerSentences[index] ?? sentence.toLowerCase();
    const acknowledgements = acknowledgementsIn.get(index) ?? NONE;
    const regrets = regretsIn.get(index) ?? NONE;
    const warmth = warmthIn.has(index);
    const feeling = feelingIn.has(index) || soundsHardIn.has(index);
    const isQuestion = hasQuestion && sentence.includes('?');
    const invitation = invitationIn.has(index);
    if (acknowledgements.length === 0 && regrets.length === 0 && !warmth && !feeling && !isQuestion && !invitation) continue;

    const rhetorical = isQuestion && RHETORICAL.test(lowered);
    for (const phrase of acknowledgements) formulas.push(formulaKey(phrase));
    for (const phrase of regrets) formulas.push(formulaKey(phrase));

    // Tying an acknowledgement or apology to the customer's words is the costly part: only while it can still raise a sub-score.
    const needsTie = (acknowledgements.length > 0 && interpretation < 2) || (regrets.length > 0 && emotionalReaction < 2 && !warmth);
    if (needsTie) customerWords ??= new Set(contentWords(input.customer));
    const tied =
      needsTie && customerWords ? sharedWords(contentWords(sentence), customerWords).filter((word) => !(names ??= addressedNames(reply.text)).has(word)) : NONE;

    const tiedRegret = regrets.length > 0 && tied.length > 0 && !REFUSAL.test(lowered);
    if (warmth || tiedRegret) {
      specific.push(lowered);
      if (emotionalReaction < 2) evidence.push(quote(sentence));
      emotionalReaction = 2;
      quotes.warmth ??= quote(sentence);
    } else if (regrets.length > 0 && emotionalReaction === 0) {
      emotionalReaction = 1;
      evidence.push(quote(regrets[0] ?? sentence));
      quotes.generic ??= quote(sentence);
    }

    // A feeling word in a question ("Are you worried about…?") names the feeling as well.
    const namesFeeling = feeling && !rhetorical && !SELF_FEELING.test(lowered);
    if (namesFeeling || (acknowledgements.length > 0 && tied.length > 0)) {
      specific.push(lowered);
      if (interpretation < 2) evidence.push(quote(sentence));
      interpretation = 2;
      quotes.specific ??= quote(sentence);
    } else if (acknowledgements.length > 0 && interpretation === 0) {
      interpretation = 1;
      evidence.push(quote(acknowledgements[0] ?? sentence));
      quotes.generic ??= quote(sentence);
    }

    if (!rhetorical && exploration < 2) {
      // an open question, asked or as an invitation ("tell me more"), about the person, not about data
      const open = (invitation || (isQuestion && OPEN_QUESTION_START.test(lowered))) && !FACTUAL.test(lowered);
      if (open) {
        exploration = 2;
        evidence.push(quote(sentence));
        quotes.question = quote(sentence);
      } else if (isQuestion && exploration === 0) {
        exploration = 1;
        evidence.push(quote(sentence));
        quotes.question ??= quote(sentence);
      }
    }
  }

  let score = scoreFromSubScores(emotionalReaction, interpretation, exploration);
  const expressed = emotionalReaction > 0 || interpretation > 0;

  if (feelingDismissed) {
    limits.push('feeling_dismissed');
    score = Math.min(score, 2);
  }
  // A "du" to a customer who says "Sie" is flagged condescending at composure 3: that slight is
  // composure's to count, so only real condescension (composure 2 or lower) holds empathy down.
  const flags = input.composureFlags;
  const hostile = flags.some((flag) => HOSTILE_FLAGS.has(flag)) || (flags.includes('condescending') && input.composureScore <= 2);
  if (hostile) {
    limits.push('hostile');
    score = Math.min(score, expressed ? 2 : 1);
  } else if (expressed && BUT_DISMISSAL.test(reply.lower)) {
    limits.push('but_dismissal');
    score = Math.min(score, 2);
  }

  if (input.focus.includes('grief')) {
    const { push, cheer } = griefMissteps(reply);
    if (push !== undefined) {
      limits.push('grief_push');
      evidence.push(quote(push));
    }
    if (cheer !== undefined) {
      limits.push('grief_cheer');
      evidence.push(quote(cheer));
    }
    if (push !== undefined || cheer !== undefined) score = Math.min(score, 2);
  }

  // She said no to talking: a question or a proposal presses on, however kind its words.
  if (asksToBeLeftAlone(input.lastCustomer ?? input.customer)) {
    const pressing = reply.sentences.find((sentence) => sentence.includes('?'));
    if (pressing !== undefined) {
      limits.push('pressed_after_no');
      evidence.push(quote(pressing));
      score = Math.min(score, 3);
    }
  }

  if (formulas.length > 0 && score >= 3) {
    const previous = lastTraineeReply(input.history);
    // The formula said again is hollow only when it is all the reply offers: "I'm sorry to call
    // again … you didn't sound like yourself yesterday" names something new (rubric: the very same
    // formula); "Ich verstehe Ihren Ärger." twice is the same sentence, however specific its word.
    const saysMore = previous !== undefined && specific.some((sentence) => !previous.includes(sentence.replace(/[.!?…\s]+$/u, '')));
    if (previous !== undefined && !saysMore && repeatsFormulas(formulas, previous, lang)) {
      limits.push('repeated_formula');
      score -= 1;
    }
  }

  return {
    score: clampScore(score),
    emotionalReaction,
    interpretation,
    exploration,
    evidence: dedupe(evidence),
    limits,
    quotes,
  };
}

/**
 * 1: nothing; 2: only a closed question; 3: a generic acknowledgement or an open question;
 * 4: something specific to this customer; 5: specific and rich (sum of sub-scores at least 4).
 */
function scoreFromSubScores(emotion: number, interpretation: number, exploration: number): number {
  const sum = emotion + interpretation + exploration;
  if (sum === 0) return 1;
  if (emotion === 2 || interpretation === 2) return sum >= 4 ? 5 : 4;
  if (emotion > 0 || interpretation > 0 || exploration === 2) return 3;
  return 2;
}

/** The trainee's previous reply, lower-cased. */
function lastTraineeReply(history: readonly Turn[]): string | undefined {
  return history.findLast((turn) => turn.role === 'trainee')?.text.toLowerCase();
}

/** True when every empathy formula of this reply was already used in the trainee's previous reply. */
function repeatsFormulas(formulas: readonly string[], previous: string, lang: Language): boolean {
  const earlier = new Set([...matchesOf(ACKNOWLEDGE_ALL[lang], previous), ...matchesOf(REGRET_ALL[lang], previous)].map(formulaKey));
  return formulas.every((formula) => earlier.has(formula));
}

function clampScore(score: number): 1 | 2 | 3 | 4 | 5 {
  return Math.max(1, Math.min(5, Math.round(score))) as 1 | 2 | 3 | 4 | 5;
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
