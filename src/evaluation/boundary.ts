import type { ComposureFlag } from './composure.js';
import type { BoundaryVerdict, Language, Turn } from './grade.js';
import type { DialogueAct } from './model/heads.js';
import { bilingual, pattern, prepare, quote, type PreparedText } from './grader-patterns.js';
import { assessSignals, type SignalAssessment } from './signals.js';

/**
 * Boundary verdict of one reply (rubric section 3). `needed` comes from the abuse check on the
 * customer's message; the verdict from what the reply does about it, read against the conversation
 * so far (an earlier warning turns a polite goodbye into a boundary set well).
 */
export interface BoundaryAssessment {
  needed: boolean;
  verdict: BoundaryVerdict;
  evidence: string[];
  /** what the reply did, for the feedback */
  named: boolean;
  /** the reply offers to go on with the matter (read only when a boundary was needed) */
  offeredToContinue: boolean;
  ended: boolean;
  hadEarlierWarning: boolean;
  hostile: boolean;
  /** the sentence that named the behaviour, for the feedback */
  namedQuote?: string;
}

interface BoundaryInput {
  lang: Language;
  /** the customer's last message */
  customer: string;
  reply: PreparedText;
  signals: SignalAssessment;
  /** the customer's message insults the trainee personally */
  needed: boolean;
  /** quotes of the insult, from the abuse check */
  abuseEvidence: readonly string[];
  history: readonly Turn[];
  composureScore: number;
  composureFlags: readonly ComposureFlag[];
  /** the reply holds an insult word it refuses or mentions rather than uses (composure lexicon) */
  namesInsult?: boolean;
  /** the reply's dialogue acts where the model read them: a boundary or an ending in other words */
  acts?: readonly DialogueAct[];
}

// --- lexicons -------------------------------------------------------------------------------------

/** Naming the behaviour: a reprimand, or a boundary when the customer was insulting. */
const NAMES_BEHAVIOUR = bilingual({
  en: [
    String.raw`\b(?:please\s+)?(?:don't|do\s+not|stop)\s+(?:\S+\s+)?(?:speak(?:ing)?|talk(?:ing)?|insult(?:ing)?|swear(?:ing)?|shout(?:ing)?|yell(?:ing)?|curs(?:e|ing))\s*(?:to|at)?\s*me\b`,
    String.raw`\b(?:please\s+)?(?:don't|do\s+not|stop)\s+(?:\S+\s+)?call(?:ing)?\s+me\b`,
    String.raw`\bi(?:'d|\s+would)\s+rather\s+you\s+(?:didn't|did\s+not)\s+(?:call|speak|talk|insult|swear|shout)`,
    String.raw`\b(?:names|name-calling|insults?|the\s+insults?|the\s+names|that\s+word|personal\s+remarks)\s+aside\b`,
    String.raw`\b(?:leave|leaving|keep|keeping|put|putting|set|setting)\s+(?:the\s+)?(?:names|name-calling|insults?|personal\s+remarks)\s+(?:out|aside|to\s+one\s+side)\b`,
    String.raw`\b(?:please\s+)?(?:stop|refrain\s+from)\s+(?:insulting|swearing|shouting|yelling|calling\s+me|name-calling|being\s+rude|the\s+insults)\b`,
    String.raw`\bi\s+(?:won't|will\s+not|don't|do\s+not|can't|cannot)\s+(?:accept|tolerate|stand\s+for|put\s+up\s+with|listen\s+to|be\s+spoken\s+to|be\s+talked\s+to|be\s+insulted|be\s+called)\b`,
    String.raw`\bi(?:'m|\s+am)\s+not\s+(?:going\s+to\s+|willing\s+to\s+)?(?:be\s+|get\s+)?(?:insulted|spoken\s+to|talked\s+to|sworn\s+at|called|accept(?:ing)?)\b`,
    // "take" is a limit only with what is not taken: "I won't take insults", never "I won't take long"
    String.raw`\bi(?:\s+won't|\s+will\s+not|\s+don't|\s+do\s+not|\s+can't|\s+cannot|'m\s+not|\s+am\s+not)\s+(?:going\s+to\s+|willing\s+to\s+|have\s+to\s+|need\s+to\s+)?(?:take|taking|put(?:ting)?\s+up\s+with|stand(?:ing)?\s+for|tolerat(?:e|ing))\s+(?:\S+\s+){0,2}?(?:insults?|names|name-calling|abuse|(?:that|this)\s+(?:kind|sort|tone|language)|(?:that|this)(?=\s*(?:[.!,;:—–-]|$))|being\s+(?:insulted|called|spoken|talked|sworn|shouted))\b`,
    String.raw`\b(?:there(?:'s|\s+is)\s+)?no\s+(?:need\s+for\s+|call\s+for\s+)?(?:personal\s+)?(?:insults|name-calling|swearing|personal\s+attacks|that\s+(?:language|tone))\b`,
    String.raw`\b(?:insults|personal\s+attacks|name-calling|that\s+language|this\s+language|that\s+tone|this\s+tone)\s+(?:are|is)\s+not\b`,
    String.raw`\b(?:keep|stay|remain)\s+(?:it\s+|this\s+|things\s+|our\s+conversation\s+)?(?:respectful|civil|polite|professional|factual)\b`,
    String.raw`\b(?:let's|let\s+us)\s+(?:stay|keep|remain|be)\s+(?:\S+\s+)?(?:respectful|civil|calm|polite|factual)\b`,
    String.raw`\bwatch\s+your\s+(?:tone|language|mouth|words)\b`,
    String.raw`\bi\s+(?:do\s+not|don't)\s+(?:appreciate|like)\s+(?:that|this|your|being)\s+(?:tone|language|kind\s+of|spoken|talked|called|insult)`,
    String.raw`\b(?:that|this)\s+(?:tone|language)\s+(?:is\s+not|isn't|won't|will\s+not)\b`,
    String.raw`\b(?:calm\s+down|lower\s+your\s+voice|mind\s+your\s+(?:tone|language|manners))\b`,
    String.raw`\b(?:keep|get)\s+your\s+voice\s+down\b`,
    String.raw`\byou\s+(?:don't|do\s+not|really\s+don't)\s+(?:have|need)\s+to\s+(?:talk|speak)\s+to\s+me\s+like\s+(?:that|this)\b`,
    // a verdict on how the customer has been speaking or writing: "your e-mails have been anything but factual"
    String.raw`\b(?:the\s+way\s+you\s+(?:spoke|talked|have\s+been\s+(?:speaking|talking|writing))\s+to\s+me|the\s+way\s+you\s+(?:treated|addressed)\s+me)\b`,
    String.raw`\byour\s+(?:e-?mails|messages|tone|comments|remarks|language|behaviou?r|manner)\s+(?:lately\s+|recently\s+)?(?:have\s+been|has\s+been|were|was|are|is)\s+(?:\S+\s+)?(?:anything\s+but\s+|far\s+from\s+|not\s+(?:very\s+)?|less\s+than\s+|rather\s+|quite\s+|very\s+|a\s+bit\s+|somewhat\s+)?(?:rude|harsh|unfriendly|impolite|aggressive|hostile|unprofessional|inappropriate|uncalled\s+for|factual|polite|friendly|respectful|civil|constructive|fair)\b`,
    String.raw`\b(?:don't|do\s+not)\s+(?:take|use)\s+(?:that|this|such\s+a)\s+tone\b`,
    String.raw`\b(?:don't|do\s+not)\s+take\s+(?:it|that|this)\s+out\s+on\s+me\b`,
    // "no need to shout" tells the customer how to speak; "no need to worry" reassures, and being
    // upset is a reprimand only when it is "with me"
    String.raw`\bno\s+(?:need|reason|call)\s+(?:to|for\s+you\s+to)\s+(?:shout|yell|scream|swear|raise\s+your\s+voice|be\s+(?:rude|nasty|so\s+rude)|get\s+(?:personal|nasty|rude|loud)|(?:get\s+)?(?:upset|angry|cross|snappy)\s+(?:with|at)\s+me)\b`,
    String.raw`\bi(?:'d|\s+would)\s+(?:ask|like)\s+you\s+(?:not\s+to|to\s+stop|to\s+keep|to\s+refrain)\b`,
    String.raw`\b(?:that|this)(?:'s|\s+is)\s+not\s+how\s+we\s+talk\b`,
    String.raw`\bwith\s+(?:a\s+)?respect(?:ful\s+tone)?\b[^.!?]{0,30}\b(?:help|continue|talk)`,
    // tone policing in e-mail courtesy: "I'd appreciate a friendlier tone", "this tone isn't appropriate"
    String.raw`\b(?:this|that|your)\s+tone\s+(?:is|isn't|is\s+not)\s+(?:\S+\s+){0,2}?(?:appropriate|acceptable|helpful|necessary|called\s+for)\b`,
    String.raw`\bi(?:'d|\s+would)\s+appreciate\s+(?:it\s+)?if\s+you\s+(?:could|would)\s+(?:\S+\s+){0,5}?(?:friendl\w*|polite\w*|civil\w*|respectful\w*|factual\w*|calm\w*|courteous\w*|tone)\b`,
    String.raw`\b(?:a|the)\s+(?:more\s+)?(?:friendl\w*|polite\w*|civil|respectful|factual|courteous|professional)\s+tone\b`,
  ],
  de: [
    String.raw`\b(?:bitte\s+)?(?:lassen|unterlassen)\s+sie\s+(?:bitte\s+)?(?:persönliche\s+|diese\s+|solche\s+|die\s+)?(?:beleidigungen|beschimpfungen|angriffe|ausdrücke|vergleiche|bemerkungen|kommentare|schimpfwörter|das)\b`,
    String.raw`\bich\s+lasse\s+mich\s+(?:\S+\s+){0,2}?(?:nicht\s+)?(?:persönlich\s+)?(?:beleidigen|beschimpfen|anschreien|angreifen|beschuldigen|so\s+behandeln|so\s+ansprechen)\b`,
    String.raw`\b(?:beleidigen|beschimpfen|anschreien|angreifen|so\s+behandeln)\s+lasse\s+ich\s+mich\b`,
    String.raw`\bich\s+verbitte\s+mir\b`,
    String.raw`\b(?:diesen|so\s+einen|einen\s+solchen)\s+ton\b`,
    String.raw`\b(?:in|mit)\s+(?:diesem|so\s+einem|dem|einem\s+solchen)\s+ton\b`,
    String.raw`\bbitte\s+(?:bleiben\s+sie\s+|keine\s+)(?:sachlich|respektvoll|höflich|beleidigungen|beschimpfungen|persönlichen)\b`,
    String.raw`\b(?:bleiben|werden)\s+sie\s+(?:bitte\s+)?(?:sachlich|respektvoll|höflich)\b`,
    String.raw`\b(?:lassen\s+sie\s+uns|wir\s+sollten|bleiben\s+wir)\s+(?:bitte\s+)?(?:sachlich|respektvoll|höflich)\b`,
    String.raw`\b(?:beleidigungen|beschimpfungen|persönliche\s+angriffe)\s+(?:akzeptiere|toleriere|dulde|muss|höre|nehme)\s+ich\b`,
    String.raw`\bich\s+(?:akzeptiere|toleriere|dulde)\s+(?:keine|solche|diese|das\s+nicht|den\s+ton)\b`,
    String.raw`\b(?:achten\s+sie|passen\s+sie)\s+(?:bitte\s+)?(?:auf\s+)?(?:ihren\s+ton|ihre\s+wortwahl|ihre\s+sprache)\b`,
    String.raw`\b(?:beruhigen\s+sie\s+sich|mäßigen\s+sie\s+sich|nicht\s+in\s+diesem\s+ton)\b`,
    String.raw`\b(?:sprechen|reden)\s+sie\s+(?:bitte\s+)?(?:etwas\s+|ein\s+bisschen\s+|ein\s+wenig\s+)?leiser\b`,
    String.raw`\bso\s+(?:müssen|brauchen|dürfen)\s+sie\s+(?:\S+\s+){0,3}?nicht\s+mit\s+mir\s+(?:reden|sprechen|umgehen|umspringen)\b`,
    // ein Urteil darüber, wie die Kundin gesprochen oder geschrieben hat
    String.raw`\bwie\s+sie\s+(?:gestern\s+|vorhin\s+|eben\s+|zuletzt\s+)?mit\s+mir\s+(?:gesprochen|geredet|umgegangen|umgesprungen)\b`,
    String.raw`\bihre\s+(?:mails|e-mails|nachrichten|bemerkungen|kommentare|äußerungen|wortwahl|art|ton)\s+(?:\S+\s+){0,4}?(?:waren|war|sind|ist)\s+(?:\S+\s+){0,2}?(?:unsachlich|unhöflich|unfreundlich|respektlos|aggressiv|unangemessen|alles\s+andere\s+als\s+(?:sachlich|höflich|freundlich|angemessen|respektvoll))\b`,
    String.raw`\b(?:schreien|brüllen)\s+sie\s+(?:mich\s+)?(?:bitte\s+)?nicht\s+(?:so\s+)?(?:an\b)?`,
    String.raw`\bsie\s+(?:müssen|brauchen)\s+(?:hier\s+|jetzt\s+)?nicht\s+(?:gleich\s+|so\s+)?(?:laut|ausfallend|unhöflich|persönlich|pampig|frech)\s+(?:zu\s+)?werden\b`,
    String.raw`\bkein\s+grund,?\s+(?:gleich\s+|so\s+)?(?:laut|ausfallend|unhöflich|persönlich|pampig)\s+zu\s+werden\b`,
    String.raw`\bdas\s+(?:ist|geht)\s+(?:\S+\s+)?(?:zu\s+weit|unter\s+die\s+gürtellinie)\b`,
    String.raw`\b(?:sprechen|reden)\s+sie\s+(?:bitte\s+)?nicht\s+so\s+mit\s+mir\b`,
    String.raw`\b(?:sprich|rede)\s+(?:bitte\s+)?nicht\s+so\s+mit\s+mir\b`,
    String.raw`\bnennen\s+sie\s+mich\s+(?:bitte\s+)?nicht\b`,
    String.raw`\bdas\s+muss\s+ich\s+mir\s+nicht\s+(?:gefallen\s+lassen|anhören|bieten\s+lassen)\b`,
    String.raw`\b(?:das|so\s+was|sowas|so\s+etwas|beleidigungen|beschimpfungen|solche\s+\S+)\s+lasse\s+ich\s+mir\s+(?:\S+\s+)?nicht\s+(?:gefallen|bieten)\b`,
    String.raw`\bich\s+lasse\s+mir\s+(?:\S+\s+){0,3}?nicht\s+(?:gefallen|bieten)\b`,
    // „hinnehmen" nur mit dem, was nicht hingenommen wird: nie „Ich nehme das auf"
    String.raw`\b(?:beleidigungen|beschimpfungen|solche\s+\S+|diese\s+\S+|das|so\s+was|sowas)\s+nehme\s+ich\s+(?:\S+\s+)?nicht\s+hin\b`,
    String.raw`\bich\s+nehme\s+(?:keine|solche|diese)\s+(?:\S+\s+)?(?:beleidigungen|beschimpfungen|bemerkungen|ausdrücke|angriffe|worte)\s+(?:\S+\s+)?hin\b`,
    String.raw`\bso\s+(?:möchte|will|lasse)\s+ich\s+(?:mich\s+)?nicht\b`,
    String.raw`\bkeine\s+(?:persönlichen\s+)?(?:beleidigungen|beschimpfungen|angriffe|schimpfwörter|kraftausdrücke)\b`,
    String.raw`\bich\s+möchte\s+(?:\S+\s+){0,3}?nicht\s+(?:so\s+)?(?:beschimpft|beleidigt|angeschrien|angebrüllt|genannt|bezeichnet|angesprochen|angegangen)\s+werden\b`,
    // Ton-Ermahnung in höflicher Form: „in einem sachlicheren Ton", „etwas freundlicher formulieren"
    String.raw`\b(?:in\s+einem|im)\s+(?:\S+\s+)?(?:freundlicheren|sachlicheren|höflicheren|respektvolleren|angemessenen|anderen)\s+ton\b`,
    String.raw`\b(?:etwas\s+)?(?:freundlicher|sachlicher|höflicher|respektvoller)\s+(?:zu\s+)?(?:schreiben|formulieren|bleiben|reden|sprechen)\b`,
    String.raw`\bton\b[^.!?]{0,30}?\b(?:nicht\s+angemessen|unangemessen|nicht\s+in\s+ordnung|unpassend)\b`,
  ],
});

/**
 * A verdict on the customer's remark as a sentence of its own: "That's uncalled for.", „Das war jetzt
 * unnötig." Read only after a personal insult: to a customer venting about a fee, "That's not okay."
 * or „Das muss nicht sein." agrees with them and reprimands nobody.
 */
const ANSWERS_INSULT = bilingual({
  en: [
    // "Sleepyhead isn't a word I'll accept", "that's not a name I answer to"
    String.raw`\b(?:isn't|is\s+not|'s\s+not|not)\s+(?:a\s+)?(?:word|name|term)\s+(?:that\s+)?i(?:'ll|\s+will|\s+can)?\s+(?:accept|take|answer\s+to|tolerate)\b`,
    String.raw`\b(?:that|this)(?:'s|\s+is)\s+not\s+(?:acceptable|ok|okay|appropriate)\b`,
    String.raw`(?<=^|[.!?;:]\s*)(?:that|this)(?:'s|\s+is|\s+was)\s+(?:just\s+|really\s+|a\s+bit\s+)?(?:uncalled\s+for|out\s+of\s+line|below\s+the\s+belt|a\s+bit\s+much|too\s+much|unnecessary|not\s+necessary|not\s+on|hurtful|not\s+nice|not\s+kind)(?=\s*(?:[.!,;:—–-]|and\b|but\b|$))`,
  ],
  de: [
    // „Schlafmütze ist kein Wort, das ich hinnehme"
    String.raw`\bkein(?:e[nm]?)?\s+(?:wort|ausdruck|begriff|name|bezeichnung)\b[^.!?]{0,25}?\b(?:akzeptiere|hinnehme|annehme|höre|mag|möchte|dulde)\b`,
    String.raw`\bdas\s+ist\s+(?:\S+\s+)?(?:nicht\s+in\s+ordnung|nicht\s+akzeptabel)\b`,
    String.raw`(?<=^|[.!?;:]\s*)(?:das|so\s+was|sowas)\s+(?:war|ist)\s+(?:jetzt\s+|eben\s+|gerade\s+|wirklich\s+|aber\s+)?(?:unnötig|daneben|nicht\s+nett|verletzend|beleidigend|unverschämt|respektlos|nicht\s+angebracht|unangebracht)(?=\s*(?:[.!,;:—–-]|und\b|aber\b|$))`,
    String.raw`(?<=^|[.!?;:]\s*)das\s+muss\s+(?:doch\s+|jetzt\s+|wirklich\s+)?nicht\s+sein(?=\s*(?:[.!,;:—–-]|und\b|aber\b|$))`,
  ],
});

/** Offering to go on with the matter once the tone is right. */
const OFFERS_TO_CONTINUE = bilingual({
  en: [
    String.raw`\b(?:happy|glad|pleased|here)\s+to\s+(?:help|look|check|continue|sort|go\s+on|carry\s+on|find)\b`,
    String.raw`\b(?:if|once|as\s+long\s+as)\s+we\s+(?:keep|stay|remain)\b`,
    String.raw`\bi(?:'d|\s+would)\s+(?:like|love)\s+to\s+help\b`,
    String.raw`\bi\s+(?:do\s+)?(?:want|'m\s+trying|am\s+trying)\s+to\s+(?:help|sort|solve|fix|find|get\s+(?:this|it|that|your)|move)\b`,
    String.raw`\b(?:let's|let\s+us)\s+(?:get\s+back|continue|go\s+on|carry\s+on|look|focus|sort|solve|find|work)\b`,
    String.raw`\b(?:we\s+can|i\s+can)\s+(?:continue|carry\s+on|go\s+on|keep\s+going|sort|solve|look|work)\b`,
    String.raw`\b(?:once|as\s+long\s+as|as\s+soon\s+as)\s+we\b`,
    String.raw`\bso\s+(?:that\s+)?i\s+can\s+help\b`,
  ],
  de: [
    String.raw`\bgerne?\s+(?:\S+\s+){0,3}?(?:helfe|kläre|unterstütze|schaue|kümmere|mache|weiter|bearbeite|löse)\b`,
    String.raw`\b(?:helfe|kläre|unterstütze|kümmere)\s+(?:ich\s+)?(?:\S+\s+){0,3}?gerne?\b`,
    String.raw`\blassen\s+sie\s+uns\b`,
    String.raw`\b(?:sobald|solange)\s+wir\b`,
    String.raw`\bwenn\s+wir\s+(?:\S+\s+)?(?:sachlich|respektvoll|ruhig|höflich|freundlich)\b`,
    String.raw`\b(?:dann|so)\s+(?:kann|können)\s+(?:ich|wir)\b`,
    String.raw`\b(?:möchte|will|würde)\s+ihnen\s+(?:gern\s+|gerne\s+)?(?:weiter)?helfen\b`,
    String.raw`\bweiterhelfen\b`,
    String.raw`\bzurück\s+zu\s+(?:ihrem|ihrer|ihren|ihre|dem|der)\b`,
  ],
});

/** The customer is closing the conversation themselves, so ending it is no reprimand. */
const CUSTOMER_CLOSES = pattern(
  String.raw`\b(?:thanks|thank\s+you|that's\s+all|that\s+is\s+all|that's\s+it|bye|goodbye|have\s+a\s+(?:nice|good|great)|danke|vielen\s+dank|das\s+war(?:'s|\s+es|\s+alles)|das\s+wär's|tschüss?|auf\s+wiederhören|auf\s+wiedersehen|schönen\s+(?:tag|abend))\b`,
);

const HOSTILE_FLAGS: ReadonlySet<ComposureFlag> = new Set<ComposureFlag>(['insult', 'profanity', 'threat']);

// --- assessment -----------------------------------------------------------------------------------

export function assessBoundary(input: BoundaryInput): BoundaryAssessment {
  const { reply, signals } = input;
  const evidence: string[] = input.needed ? input.abuseEvidence.map((text) => quote(text, 60)) : [];
  const { lang } = input;
  const names = (sentence: string) => NAMES_BEHAVIOUR[lang].test(sentence) || (input.needed && ANSWERS_INSULT[lang].test(sentence));
  const namedIndex = names(reply.lower) ? reply.lowerSentences.findIndex(names) : -1;
  const namedSentence = namedIndex >= 0 ? reply.sentences[namedIndex] : undefined;
  const named =
    namedSentence !== undefined ||
    signals.warnsOfEnding ||
    input.acts?.includes('sets_boundary') === true ||
    (input.needed && (input.namesInsult === true || quotesInsult(reply.text, input.abuseEvidence)));
  // Only a needed boundary asks whether the way back was offered; skip the scan otherwise.
  const offeredToContinue = signals.offersSolution || (input.needed && OFFERS_TO_CONTINUE[lang].test(reply.lower));
  const ended = signals.endsConversation || input.acts?.includes('ends_call') === true;
  const hostile = input.composureScore <= 2 || input.composureFlags.some((flag) => HOSTILE_FLAGS.has(flag));
  // Only an ending needs the history read, so the common case stays cheap.
  const hadEarlierWarning = input.needed && ended && input.history.some((turn) => turn.role === 'trainee' && isWarning(turn.text, lang));

  if (namedSentence !== undefined) evidence.push(quote(namedSentence));
  if (signals.warnsOfEnding || signals.endsExplicitly) evidence.push(...signals.evidence.filter(isEndingEvidence));

  const base = { needed: input.needed, named, offeredToContinue, ended, hadEarlierWarning, hostile };
  // Ending a conversation the customer is closing anyway is a goodbye, not a boundary.
  const endsOnCustomer = signals.endsExplicitly && !CUSTOMER_CLOSES.test(input.customer.toLowerCase());
  const verdict = decideVerdict(input.needed, { named, ended, endsOnCustomer, hadEarlierWarning, hostile });
  const result: BoundaryAssessment = { ...base, verdict, evidence: [...new Set(evidence)] };
  if (namedSentence !== undefined) result.namedQuote = quote(namedSentence);
  return result;
}

/** A span in quotation marks: typographic ones anywhere, straight ones only around whole words. */
const QUOTED = /[‚„“‘«»‹›]([^‚„“”‘’«»‹›]{2,40})[‘’“”«»‹›]|(?<![\p{L}\p{N}])['"]([^'"]{2,40})['"](?![\p{L}\p{N}])/gu;
const WORD = /[\p{L}-]{4,}/gu;

/**
 * The reply quotes the insult back ("'Sesselfurzer' lasse ich beiseite", "'idiot' is not a word I
 * accept"): a word of at least four letters in quotation marks that is part of what insulted the
 * trainee. Naming the insult by its own word is naming it (rubric, boundary).
 */
function quotesInsult(reply: string, abuseEvidence: readonly string[]): boolean {
  if (abuseEvidence.length === 0) return false;
  const insult = abuseEvidence.join(' ').toLowerCase();
  for (const match of reply.matchAll(QUOTED)) {
    const span = (match[1] ?? match[2] ?? '').toLowerCase();
    for (const word of span.match(WORD) ?? []) if (insult.includes(word)) return true;
  }
  return false;
}

interface VerdictFacts {
  named: boolean;
  ended: boolean;
  endsOnCustomer: boolean;
  hadEarlierWarning: boolean;
  hostile: boolean;
}

function decideVerdict(needed: boolean, facts: VerdictFacts): BoundaryVerdict {
  if (!needed) {
    // A friendly goodbye to a venting customer is no reprimand; ending the call on them is.
    return facts.named || facts.endsOnCustomer ? 'unnecessary' : 'not_needed';
  }
  if (facts.hostile) return 'too_harsh';
  if (facts.ended) return facts.hadEarlierWarning ? 'set_well' : 'too_harsh';
  return facts.named ? 'set_well' : 'missing';
}

/** An earlier trainee turn that named the behaviour or announced the end of the call. */
function isWarning(text: string, lang: Language): boolean {
  const prepared = prepare(text);
  if (prepared.lowerSentences.some((sentence) => NAMES_BEHAVIOUR[lang].test(sentence))) return true;
  return assessSignals(prepared, lang).warnsOfEnding;
}

function isEndingEvidence(text: string): boolean {
  return /\b(?:end|hang|beende|auflegen|lege|abbrechen|call|gespräch|telefonat)/iu.test(text);
}
