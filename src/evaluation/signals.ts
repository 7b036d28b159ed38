import type { Language } from './grade.js';
import { anyOf, bilingual, globalOf, globalOfEach, matchesBySentence, pattern, quote, quoteAt, type PreparedText } from './grader-patterns.js';

/**
 * What a reply does, as opposed to how well (rubric section 4): does it offer a concrete next step,
 * and does it close the conversation. The persona script steers by these; boundary and feedback
 * read the details.
 */
export interface SignalAssessment {
  offersSolution: boolean;
  /** the offered step names a time ("today", "bis 15 Uhr") */
  solutionHasTime: boolean;
  endsConversation: boolean;
  /** "I'm ending this call now" (as opposed to a friendly goodbye) */
  endsExplicitly: boolean;
  /** a conditional announcement to end the call ("if this goes on, I'll end the call") */
  warnsOfEnding: boolean;
  /** a step named only to be declined ("I can't send you a new card") and no step offered */
  declinesStep: boolean;
  /** the reply is only the ritual closing question ("Anything else I can do for you?") */
  onlyCourtesy: boolean;
  /** proposes a call, a talk or a meeting ("Would Wednesday at 10 work for a call?", „Sollen wir kurz telefonieren?") */
  proposesContact: boolean;
  /**
   * leaves when and whether to go on to the customer ("…or shall I leave it as it is for now?",
   * "whenever it suits you", „wenn Ihnen danach ist")
   */
  leavesChoice: boolean;
  evidence: string[];
  /** the sentences behind the signals, for the feedback */
  solutionQuote?: string;
  endQuote?: string;
}

// --- lexicons -------------------------------------------------------------------------------------

/**
 * The customer decides when, or whether, the matter goes on: a choice offered with "or", a time left
 * to them, a wait offered. What a grieving or overwhelmed customer needs before any step.
 */
const CHOICE = bilingual({
  en: [
    String.raw`\bor\s+(?:shall|should)\s+(?:i|we)\s+(?:\S+\s+){0,2}?(?:leave|wait|hold|put|call|ring|get\s+back|come\s+back|keep)\b`,
    String.raw`\bor\s+would\s+you\s+(?:rather|prefer)\b`,
    String.raw`\b(?:whenever|when(?:ever)?\s+it)\s+(?:suits|works\s+for)\s+you\b`,
    String.raw`\bwhen(?:ever)?\s+you(?:'re|\s+are|\s+feel)\s+(?:ready|up\s+to\s+it)\b`,
    String.raw`\b(?:leave|keep)\s+(?:\S+\s+){0,3}?(?:as\s+it\s+is|as\s+they\s+are|on\s+hold)\s+(?:for\s+)?(?:now|the\s+(?:moment|time\s+being))\b`,
    String.raw`\b(?:it'?s|it\s+is|that'?s|that\s+is)\s+(?:entirely\s+|completely\s+|totally\s+)?(?:up\s+to\s+you|your\s+(?:call|choice|decision))\b`,
    // the door left open for her to use: "If you ever want to talk, I'm here."
    String.raw`\b(?:if|whenever|when)\s+you\s+(?:ever\s+|do\s+)?(?:want|wish|would\s+like|'d\s+like|feel\s+like|need)\s+to\s+(?:talk|speak|chat)\b(?!\s+(?:to|with)\s+(?:my|a|the|our|someone|somebody|anyone|another)\b)`,
    String.raw`\bi(?:'m|\s+am)\s+(?:here|around|available)\s+(?:if|whenever|when)\s+you\b`,
  ],
  de: [
    String.raw`\boder\s+(?:soll|sollen)\s+(?:ich|wir)\s+(?:\S+\s+){0,5}?(?:lassen|warten|liegen\s+lassen|zurückstellen|anrufen|melden|zurückrufen|vorbeikommen)\b`,
    String.raw`\boder\s+(?:möchten|wollen|würden)\s+sie\s+(?:lieber|sich\s+(?:lieber\s+)?(?:selbst\s+)?melden)\b`,
    String.raw`\boder\s+(?:rufen|melden)\s+sie\s+(?:sich\s+|mich\s+)?(?:\S+\s+){0,2}?(?:an|bei\s+mir)\b[^.?!]{0,20}?\bwenn\b`,
    String.raw`\bwann\s+(?:immer\s+)?(?:es\s+)?ihnen\s+(?:passt|recht\s+ist)\b`,
    String.raw`\bwenn\s+(?:es\s+)?ihnen\s+(?:danach\s+ist|passt|recht\s+ist)\b`,
    String.raw`\bwenn\s+sie\s+(?:so\s+weit|bereit)\s+sind\b`,
    String.raw`\b(?:lassen|belassen)\s+(?:wir|sie|ich)\s+(?:\S+\s+){0,3}?(?:erst\s+einmal|erstmal|vorerst|bis\s+auf\s+weiteres)\s+(?:so|liegen|ruhen|wie\s+es\s+ist)\b`,
    String.raw`\b(?:das\s+)?entscheiden\s+(?:ganz\s+|allein\s+)?sie\b`,
    // „Wenn Sie irgendwann reden möchten, bin ich da."
    String.raw`\bwenn\s+sie\s+(?:\S+\s+){0,3}?(?:reden|sprechen|telefonieren)\s+(?:möchten|wollen|mögen)\b`,
    String.raw`\bich\s+bin\s+(?:\S+\s+){0,2}?(?:da|erreichbar|für\s+sie\s+da),?\s+wenn\s+sie\b`,
  ],
});

/**
 * A proposal to talk: a question or an offer whose object is a call, a talk or a meeting. On the
 * training corpus it finds a fifth of the labelled proposals at a precision of 0.87 (en) and 0.96
 * (de); the model finds most of the others, and a tip must never ask for one the reply made.
 */
const CONTACT = bilingual({
  en: [
    // offered beside the written answer, or as a callback: "happy to talk it through on the phone", "I'll call you tomorrow"
    String.raw`\b(?:(?:happy|glad|pleased)\s+to\s+|we\s+can\s+(?:also\s+)?|we\s+could\s+(?:also\s+)?)(?:talk|discuss|go\s+through|chat|speak)\b[^.?!]{0,30}?\b(?:on\s+the\s+phone|by\s+phone|over\s+the\s+phone|in\s+person|face\s+to\s+face|on\s+a\s+call)\b`,
    String.raw`\bi(?:'ll|\s+will|'d\s+like\s+to|\s+would\s+like\s+to|\s+can)\s+(?:give\s+you\s+a\s+(?:call|ring)|call\s+you|ring\s+you|phone\s+you|come\s+(?:by|round|over)\s+to\s+(?:see\s+you|you))\b`,
    String.raw`\b(?:(?:shall|should|could|can)\s+we|would\s+(?:it|you)\s+(?:help|suit|work|like|be\s+(?:ok|okay|all\s+right))|how\s+about|what\s+about|(?:does|would|do)\s+(?:\S+\s+){1,4}?(?:work|suit|be\s+(?:ok|okay|convenient))|let's|let\s+us|i'd\s+(?:like|love)\s+to|i\s+would\s+(?:like|love)\s+to|may\s+i|can\s+i|could\s+i)\b[^.?!]{0,50}?\b(?:call(?:\s+you)?|ring\s+you|talk|chat|speak|meet|meeting|visit\s+you|phone\s+you|catch\s+up)\b`,
  ],
  de: [
    // neben der schriftlichen Antwort angeboten, oder als Rückruf: „Gern besprechen wir das auch am Telefon", „Ich rufe Sie morgen an"
    String.raw`\b(?:besprechen|klären|bereden|sprechen)\s+wir\s+(?:\S+\s+){0,4}?(?:am\s+telefon|telefonisch|persönlich)\b`,
    String.raw`\b(?:können|könnten)\s+wir\s+(?:\S+\s+){0,4}?(?:am\s+telefon|telefonisch|persönlich)\s+(?:besprechen|klären|bereden)\b`,
    String.raw`\bich\s+rufe\s+sie\s+(?:\S+\s+){0,5}?an\b`,
    String.raw`\bich\s+komme\s+(?:\S+\s+){0,4}?(?:bei\s+ihnen\s+)?vorbei\b`,
    String.raw`\b(?:sollen|wollen|können|könnten|wollten)\s+wir\s+(?:\S+\s+){0,6}?(?:telefonieren|sprechen|treffen|zusammensetzen|austauschen)\b`,
    String.raw`\b(?:passt|geht|hätten|haben)\s+(?:ihnen\s+)?(?:\S+\s+){0,6}?(?:telefonat|gespräch|treffen|rückruf)\b`,
    String.raw`\blassen\s+sie\s+uns\s+(?:\S+\s+){0,3}?(?:telefonieren|sprechen|treffen|zusammensetzen)\b`,
    String.raw`\b(?:darf|kann|soll)\s+ich\s+sie\s+(?:\S+\s+){0,4}?(?:anrufen|zurückrufen|besuchen)\b`,
    String.raw`\bich\s+(?:würde|möchte)\s+(?:\S+\s+){0,4}?(?:gern|gerne)\s+(?:\S+\s+){0,4}?(?:telefonieren|sprechen|treffen|vorbeikommen|besuchen|anrufen)\b`,
  ],
});

const EN_ACTIONS = String.raw`(?:send|chase|close|pause|defer|reduce|lower|adjust|extend|restructure|look\s+for|find|re-?send|call|ring|phone|check|look\s+into(?!\s+(?:it|this|that)\s*(?:[.!;]|$))|look\s+at|(?:pull|bring|call|look)\s+up\s+(?:your|the|it|this|that|them)|go\s+(?:through|over)\s+(?:it|this|that|them|everything|your|(?:the\s+)?(?:file|papers|documents|details|bill|invoice|statement|options|contract|application|figures|account|photos)|with\s+you)|arrange|book|order|re-?order|refund|reimburse|credit|transfer|cancel|fix|sort|reset|unblock|unlock|replace|escalate|forward|e-?mail|text|write|schedule|set\s+up|organi[sz]e|correct|reverse|waive|process|expedite|issue|re-?issue|offer|get\s+back|follow\s+up|find\s+out|investigate|review|put\s+you\s+through|connect\s+you|reactivate|block|update|change|postpone|bring|visit|pay|deliver|courier|confirm|activate|speak\s+(?:to|with)|talk\s+(?:to|with)|contact|ask|raise|log|file|submit|open|prepare|take\s+care|make\s+sure|handle|resolve|compensate|give\s+you|get\s+you|ship|put\s+(?:it|this|that|them|(?:your|the)\s+\w+)\s+(?:to|before|through)|present|take\s+(?:it|this|that)\s+to|serve|seat|reserve|pick(?:\s+out)?|fetch|warm\s+up|heat\s+up|keep\s+(?:it|them|you|a|the)|move|swap|exchange|flag|mark|upgrade|re-?book|re-?route|prioriti[sz]e|fast-?track|hold|(?:put|set)\s+(?:\S+\s+)?aside|see\s+(?:what|if|whether)|get\s+(?:the|a|an|someone|somebody|it|this|that|them)|have\s+(?:\S+\s+){1,3}?(?:sent|boxed|brought|delivered|taken|fixed|ready|done|made|prepared|packed)\b)`;
const DE_ACTIONS_FINITE = String.raw`(?:schicke|sende|rufe|prüfe|kläre|kümmere|veranlasse|storniere|erstatte|überweise|buche|bestelle|sperre|entsperre|melde|leite|schreibe|organisiere|korrigiere|reiche|vereinbare|biete|notiere|informiere|löse|ändere|tausche|beauftrage|bearbeite|aktiviere|schaue|gleiche|übernehme|erledige|eskaliere|spreche|bringe|besorge|verschiebe|richte|hebe|serviere|reserviere|wärme|verlege|markiere|priorisiere|hinterlege)`;
const DE_ACTIONS_INFINITIVE = String.raw`(?:schicken|senden|zuschicken|zusenden|anrufen|zurückrufen|prüfen|überprüfen|klären|kümmern|veranlassen|stornieren|erstatten|überweisen|buchen|bestellen|sperren|entsperren|melden|weiterleiten|schreiben|organisieren|korrigieren|vereinbaren|anbieten|informieren|lösen|ändern|austauschen|tauschen|beauftragen|bearbeiten|aktivieren|freischalten|nachsehen|ansehen|anschauen|nachschauen|übernehmen|erledigen|eskalieren|nachfragen|sprechen|bringen|besorgen|verschieben|einrichten|gutschreiben|zurückbuchen|ersetzen|zustellen|aussetzen|stunden|anpassen|reduzieren|senken|erlassen|verlängern|umstellen|heraussuchen|suchen|vorlegen|anheben|aufheben|servieren|reservieren|holen|aufwärmen|warmhalten|freihalten|verlegen|markieren|priorisieren|hinterlegen|umbuchen|vormerken|zurücklegen)`;

/** A step already taken during the conversation: an offer, and one that needs no time named. */
const EN_DONE = String.raw`\b(?:i|we)(?:'ve|\s+have)\s+(?:just\s+|already\s+|now\s+)?(?:unblocked|unlocked|sent|ordered|booked|refunded|credited|cancell?ed|reversed|escalated|reactivated|activated|fixed|corrected|waived|arranged|scheduled|reset|replaced|issued|processed|lifted|released|removed)\b`;
const DE_DONE = String.raw`\b(?:(?:ich|wir)\s+(?:habe|hab|haben)|(?:habe|hab|haben)\s+(?:ich|wir))\s+(?:\S+\s+){0,4}?(?:entsperrt|freigeschaltet|geschickt|gesendet|verschickt|bestellt|gebucht|erstattet|storniert|überwiesen|veranlasst|korrigiert|aktiviert|zurückgebucht|gutgeschrieben|aufgehoben|erlassen|geöffnet|aufgerufen)\b`;

const SOLUTION = bilingual({
  en: [
    String.raw`\b(?:i(?:'ll|\s+will|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to|\s+can|\s+could|'d\s+like\s+to|\s+would\s+like\s+to|'m\s+happy\s+to|\s+am\s+happy\s+to)|we(?:'ll|\s+will|\s+can|\s+could|'re\s+going\s+to|\s+are\s+going\s+to)|let\s+me|allow\s+me\s+to)\s+(?:\S+\s+){0,2}?${EN_ACTIONS}\b`,
    String.raw`\bi(?:'m|\s+am)\s+(?:now\s+|right\s+now\s+|already\s+)?(?:sending|setting|ordering|booking|checking|arranging|refunding|crediting|cancell?ing|escalating|forwarding|calling|unblocking|issuing|processing|reversing|putting|moving|swapping|flagging|marking|upgrading|rebooking|looking\s+(?:at|into)\s+(?:your|the|it|this|that|them)|pulling\s+up|reviewing\s+(?:your|the)|going\s+through\s+(?:your|the)|raising\s+(?:your|the)\s+(?:\S+\s+)?(?:limit|overdraft|priority)|raising\s+a\s+(?:ticket|complaint|case|claim)|resetting|unlocking|reactivating|correcting|lifting|releasing|approving)\b`,
    // a step taken by a colleague the trainee speaks for: "the kitchen can make him a soft omelette"
    String.raw`\b(?:the|our)\s+(?:kitchen|chef|cook|technician|engineer|colleague|team)\s+(?:can|will|could)\s+(?:\S+\s+){0,3}?(?:make|cook|prepare|puree|mash|do|bring|send|fix|call|visit|come)\b`,
    // "Let me start by pulling up your application": a first step, not a preamble (see WIND_UP)
    String.raw`\b(?:let\s+me|i(?:'ll|\s+will)|we(?:'ll|\s+will))\s+start\s+by\s+(?:pulling\s+up|checking|looking\s+(?:at|into)|opening|finding|sending|booking|calling|ringing|going\s+through|raising|sorting|fixing|ordering|getting|unblocking|refunding|cancell?ing|resetting)\b`,
    String.raw`\b(?:how\s+about\s+(?:a|we|i|if)|shall\s+we(?!\s+(?:just\s+)?(?:leave|stop|drop)\b)|should\s+we\s+(?:meet|schedule|book|arrange|talk|call)|would\s+you\s+like\s+(?:me\s+to|a|to\s+(?:meet|come|book))|could\s+we\s+(?:meet|schedule|talk|arrange|set)|can\s+we\s+(?:meet|schedule|arrange|set))\b`,
    String.raw`\b(?:i\s+(?:suggest|propose|recommend)|i'd\s+(?:suggest|propose|recommend)|my\s+suggestion|here(?:'s|\s+is)\s+what\s+(?:i|we)\s+(?:can|will))\b`,
    String.raw`\byou(?:'ll|\s+will)\s+(?:receive|get|have)\s+(?:a|an|the|your|it|them|my|our)\b`,
    String.raw`\byou(?:'ll|\s+will)\s+hear\s+(?:from\s+(?:me|us)|back)\b`,
    String.raw`\b(?:the|your|a)\s+(?:new\s+|replacement\s+)?(?:card|refund|money|replacement|letter|technician|confirmation|callback|credit|payment|parcel|package)\s+will\s+(?:arrive|be\s+(?:sent|with|on|there|back|credited|refunded)|reach)\b`,
    // already done: for a caller in a hurry the best next step is the one taken during the call
    EN_DONE,
    String.raw`\b(?:the|your)\s+(?:card|account|app|access|login|payment|transfer)\s+(?:works|is\s+working|will\s+work|is\s+(?:active|open|unblocked))\s+again\b`,
  ],
  de: [
    String.raw`\bich\s+(?:\S+\s+){0,3}?${DE_ACTIONS_FINITE}\b`,
    String.raw`\b${DE_ACTIONS_FINITE}\s+ich\b`,
    String.raw`\bich\s+(?:gebe|leite)\s+(?:\S+\s+){0,3}?weiter\b`,
    // „Ich gehe Ihre Akte nach dem Gespräch durch und rufe Sie bis vier zurück": the separable verb, and
    // a second step in the first person joined by „und"
    String.raw`\bich\s+gehe\s+(?:\S+\s+){0,6}?durch\b`,
    // ein Schritt der Kollegen, für die die Beraterin spricht: „da kann die Küche ihm eine Suppe pürieren"
    String.raw`\b(?:kann|wird|könnte)\s+(?:die|unsere?)\s+(?:küche|köchin|koch|technik|technikerin|techniker|kollegin|kollege|kollegen)\s+(?:\S+\s+){0,6}?(?:machen|zubereiten|pürieren|kochen|bringen|schicken|reparieren|vorbeikommen|anrufen|erledigen)\b`,
    String.raw`\b(?:die|unsere?)\s+(?:küche|köchin|koch|technik|technikerin|techniker|kollegin|kollege|kollegen)\s+(?:kann|wird|könnte)\s+(?:\S+\s+){0,6}?(?:machen|zubereiten|pürieren|kochen|bringen|schicken|reparieren|vorbeikommen|anrufen|erledigen)\b`,
    // separable verbs: „Ich merke Ihnen den Termin vor", „Ich lege Ihnen die Jacke zurück"
    String.raw`\bich\s+(?:merke|lege)\s+(?:\S+\s+){0,6}?(?:vor|zurück)\b`,
    String.raw`\bund\s+(?:rufe|schicke|sende|melde\s+mich\s+bei)\s+(?:sie|ihnen)\b`,
    // "Ich hole Ihnen eine Decke", not "ich hole tief Luft"
    String.raw`\bich\s+hole\s+(?:ihnen|ihn|sie|es|das|die|den|gleich|sofort|gern)\b`,
    String.raw`\b(?:ich|und)\s+(?:sehe|schaue)\s+(?:mir|nach|gleich|sofort)\b`,
    String.raw`\bmelde\s+mich\s+(?:\S+\s+){0,2}?(?:bei\s+ihnen|heute|morgen|bis|gleich|sofort|zurück|umgehend|spätestens)\b`,
    String.raw`\bich\s+frage\s+(?!mich\b|sie\b|dich\b)(?:\S+\s+){0,3}?(?:nach|intern|meine[nr]?|bei)\b`,
    String.raw`\bich\s+setze\s+mich\s+(?:\S+\s+){0,4}?in\s+verbindung\b`,
    String.raw`\b(?:ich|wir)\s+(?:werde|werden|kann|können|könnte|könnten|möchte|möchten|würde|würden)\s+(?:\S+\s+){0,6}?${DE_ACTIONS_INFINITIVE}\b`,
    String.raw`\b(?:werde|kann|könnte|möchte|würde)\s+ich\s+(?:\S+\s+){0,6}?${DE_ACTIONS_INFINITIVE}\b`,
    String.raw`\bwir\s+(?:\S+\s+){0,2}?(?:schicken|senden|erstatten|buchen|überweisen|prüfen|klären|kümmern|veranlassen|stornieren|ersetzen|tauschen)\b`,
    String.raw`\bsie\s+(?:erhalten|bekommen)\s+(?:\S+\s+){0,3}?(?:heute|morgen|bis|eine|einen|ein|die|den|das|ihre|ihren|ihr|innerhalb|noch|in\s+\d)\b`,
    String.raw`\b(?:lassen\s+sie\s+uns|wollen\s+wir|sollen\s+wir|wie\s+wäre\s+es\s+mit|darf\s+ich\s+ihnen\s+(?:\S+\s+){0,2}?(?:vorschlagen|anbieten|schicken|zusenden)|ich\s+schlage\s+vor|mein\s+vorschlag|was\s+halten\s+sie\s+(?:von|davon))\b`,
    String.raw`\b(?:einen|ein)\s+(?:termin|rückruf|gespräch|treffen|persönliches\s+gespräch)\s+(?:\S+\s+){0,3}?(?:vereinbaren|ausmachen|anbieten|machen|einplanen)\b`,
    DE_DONE,
    // „Tippen Sie die Bestätigung an, die ich Ihnen gerade geschickt habe": done during the call
    String.raw`\b(?:die|das|den)\s+ich\s+(?:ihnen\s+|dir\s+)?(?:gerade|eben|soeben|jetzt|schon)\s+(?:\S+\s+){0,4}?(?:geschickt|gesendet|verschickt|bestellt|gebucht|freigeschaltet|entsperrt|veranlasst|eingerichtet|angelegt|ausgelöst)\s+habe\b`,
    String.raw`\b(?:die|ihre|deine)\s+(?:karte|konto|zugang|app)\s+(?:ist|wird|funktioniert)\s+(?:\S+\s+){0,4}?wieder\b`,
  ],
});

/** The ritual question at the end of a call: it offers nothing in particular. */
const COURTESY_CLOSE = pattern(
  String.raw`^(?:(?:is\s+there\s+)?anything\s+else\s+(?:i\s+can|i\s+could|we\s+can)\s+(?:do|help)|can\s+i\s+help\s+(?:you\s+)?with\s+anything\s+else|(?:kann|darf)\s+ich\s+(?:sonst\s+)?(?:noch\s+)?(?:etwas|was)\s+(?:anderes\s+)?für\s+sie\s+tun|gibt\s+es\s+(?:sonst\s+)?noch\s+etwas)\b[^.!]*\?\s*$`,
);

/** A step named only to decline it: "I can't send you a new card", "kann ich Ihnen leider nicht schicken". */
const DECLINED = bilingual({
  en: [String.raw`\b(?:i|we)\s+(?:can't|cannot|can\s+not|won't|will\s+not|(?:am|'m|are|'re)\s+(?:unable|not\s+able)\s+to)\s+(?:\S+\s+){0,2}?${EN_ACTIONS}\b`],
  de: [
    String.raw`\b(?:kann|können|werde|werden|darf|dürfen)\s+(?:ich|wir)\s+(?:\S+\s+){0,4}?(?:nicht|keine?[nm]?)\s+(?:\S+\s+){0,3}?${DE_ACTIONS_INFINITIVE}\b`,
    String.raw`\b(?:ich|wir)\s+(?:kann|können|werde|werden|darf|dürfen)\s+(?:\S+\s+){0,4}?(?:nicht|keine?[nm]?)\s+(?:\S+\s+){0,3}?${DE_ACTIONS_INFINITIVE}\b`,
  ],
});

/** A refusal in the same clause as an offer cancels it ("I can't send you a new card"). */
const NEGATION = pattern(
  String.raw`\b(?:can't|cannot|can\s+not|won't|will\s+not|unable|not\s+able|nothing|no\s+way|never|don't|do\s+not|nicht|kein|keine|keinen|keinem|nichts|niemals|leider\s+nicht)\b`,
);
/**
 * "We always send a text when …", „wir schicken bei ungewöhnlichen Zahlungen immer eine SMS":
 * what a company does as a rule describes its practice; it offers this customer nothing.
 */
const HABITUAL = pattern(
  String.raw`\b(?:always|usually|normally|generally|routinely|as\s+a\s+rule|every\s+time|whenever|immer|stets|grundsätzlich|normalerweise|üblicherweise|generell|in\s+der\s+regel|jedes\s+mal|jedesmal)\b`,
);
const CONTRAST = /\b(?:but|aber|jedoch|instead|stattdessen|dafür)\b/u;

/**
 * A clause that is nothing but a vague promise: "we'll look into it", "I'll get back to you", „wir
 * kümmern uns darum", „ich melde mich". No step the customer could hold anyone to, unless a time
 * comes with it; the corpus's labellers did not count them as an offered step (18 of 23 replies).
 */
const VAGUE_PROMISE = pattern(
  String.raw`^\s*(?:(?:ok(?:ay)?|right|fine|sure|so|then|also|gut|dann)[,\s]+)?(?:(?:we(?:'ll|\s+will)|i(?:'ll|\s+will))\s+(?:(?:definitely|certainly|gladly|happily|of\s+course)\s+)?(?:look\s+into\s+(?:it|this|that)|take\s+care\s+of\s+(?:it|this|that)|see\s+what\s+(?:we|i)\s+can\s+do|get\s+back\s+to\s+you|be\s+in\s+touch|sort\s+(?:it|this|that)(?:\s+out)?)|(?:wir\s+kümmern\s+uns|ich\s+kümmere\s+mich)\s+(?:(?:gern|gerne|selbstverständlich|natürlich)\s+)?(?:darum|drum)|(?:ich\s+melde\s+mich|wir\s+melden\s+uns)|(?:wir\s+schauen|ich\s+schaue)\s+mal)\s*[.!…]*\s*$`,
);
/** The clause after a vague promise says what it is: "…, that the card goes out today", „…, dass …". */
const SPELLED_OUT = /^\s*(?:that|so\s+that|dass|damit)\b/u;

/**
 * A sentence that says what will not happen, with nothing offered against it ("Ob das Geld in einer
 * Viertelstunde beim Händler ist, kann ich Ihnen nicht versprechen"): never quoted as the step.
 */
export function onlyDeclines(sentence: string): boolean {
  const lower = sentence.toLowerCase();
  if (!NEGATION.test(lower)) return false;
  // "I can't refund it, but I'll send a voucher" offers something after the contrast; "…, kann ich
  // Ihnen aber nicht versprechen" only goes on declining
  return lower
    .split(CONTRAST)
    .slice(1)
    .every((after) => NEGATION.test(after));
}

const CLAUSE_SPLIT = /[,;:]|\s[-–]\s|\b(?:but|aber|jedoch)\b/iu;

const EN_NUMBER = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|a\s+few|a\s+couple\s+of)`;
const EN_CLOCK = String.raw`(?:\d{1,2}|noon|midday|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const EN_DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
const DE_NUMBER = String.raw`(?:\d+|einer|einem|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|fünfzehn|zwanzig|dreißig|wenigen|ein\s+paar)`;
const DE_CLOCK = String.raw`(?:\d{1,2}(?:[:.]\d{2})?|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig)`;
const DE_DAY = String.raw`(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)`;
const TIME_SOURCES = [
  String.raw`\b(?:today|tonight|tomorrow(?:\s+(?:morning|afternoon|evening))?|this\s+(?:afternoon|morning|evening|week)|right\s+(?:now|away)|immediately|straight\s+away|asap|first\s+thing(?:\s+tomorrow)?|within\s+(?:the\s+(?:hour|day)|(?:the\s+next\s+)?${EN_NUMBER}\s+(?:minutes?|hours?|days?|working\s+days?|business\s+days?)|an?\s+(?:hour|day|week))|(?:in\s+|(?<=give\s+me\s+))(?:the\s+next\s+|about\s+)?${EN_NUMBER}\s+(?:seconds?|minutes?|hours?|days?|working\s+days?|business\s+days?)|(?:in|within)\s+(?:a\s+few\s+)?seconds|by\s+(?:${EN_CLOCK}|tonight|tomorrow|${EN_DAY}|the\s+end|end\s+of)(?:\s+(?:o'clock|am|pm|this\s+(?:afternoon|morning|evening)|tomorrow|(?:next\s+)?week|noon|midday|lunchtime|morning|afternoon|evening))?|(?:next\s+|on\s+)${EN_DAY}(?:\s+(?:at\s+)?${EN_CLOCK}(?::\d{2})?(?:\s?(?:am|pm|o'clock))?)?|before\s+\d|at\s+${EN_CLOCK}(?::\d{2})?(?:\s?(?:am|pm|o'clock))?|\d{1,2}(?::\d{2})?\s?(?:am|pm|o'clock))\b`,
  String.raw`\b(?:heute(?:\s+(?:nachmittag|abend|vormittag|mittag))?|morgen(?:\s+(?:früh|vormittag|nachmittag))?|übermorgen|sofort|umgehend|gleich\s+(?:morgen|heute|im\s+anschluss|nach)|noch\s+heute|diese\s+woche|innerhalb\s+(?:von|der|einer|eines|\d)(?:\s+(?:\S+\s+){0,2}?(?:minuten?|stunden?|tagen?|werktagen?|wochen?))?|(?:in\s+|(?<=gib\s+mir\s+|geben\s+sie\s+mir\s+))(?:den\s+nächsten\s+)?${DE_NUMBER}\s+(?:sekunden|minuten?|stunden?|tagen?|werktagen?|wochen?)|(?:in|innerhalb\s+von)\s+(?:wenigen\s+)?sekunden|(?:bis|spätestens)\s+(?:spätestens\s+)?(?:(?:um\s+)?${DE_CLOCK}(?:\s+uhr)?|morgen|heute|${DE_DAY}|ende(?:\s+der\s+woche)?|mittag)|spätestens|(?:am|nächsten|kommenden)\s+${DE_DAY}(?:\s+(?:um\s+)?${DE_CLOCK}(?:\s+uhr)?)?|(?:um\s+)?${DE_CLOCK}\s?uhr)\b`,
];
/**
 * A step taken during the call is timed by the call itself ("…while you stay on the line", „jetzt"):
 * timed for the feedback, though not a time the customer could hold the trainee to.
 */
const DURING_CALL = String.raw`\b(?:while\s+you(?:'re|\s+are)?\s+(?:stay|hold|wait|still)\w*(?:\s+on\s+the\s+(?:line|phone))?|während\s+sie\s+(?:(?:noch\s+)?(?:dran|am\s+telefon|in\s+der\s+leitung)\s*(?:bleiben|sind)|dranbleiben|warten)|(?<=\S\s)jetzt(?:\s+gleich|\s+sofort)?)\b`;
const TIME = pattern(anyOf([EN_DONE, DE_DONE, DURING_CALL, ...TIME_SOURCES]));

/** Only the time expressions of {@link TIME}, without "already done", for quoting the promised time. */
const TIME_PHRASE = pattern(anyOf(TIME_SOURCES));

/**
 * The text (a quote, as written) names when something happens: a time, a deadline, "while you stay
 * on the line". Feedback that praises a step "with a time" must be able to point at it.
 */
export function namesATime(text: string): boolean {
  return TIME.test(text.toLowerCase());
}

const END_OBJECT = String.raw`(?:(?:(?:this|the|our)\s+)?(?:call|conversation|chat|phone\s+call|line)\b|here\b|now\b|things\s+here)`;
/** Ending the conversation in so many words. */
const END_EXPLICIT = bilingual({
  en: [
    String.raw`\bi(?:'m|\s+am)\s+(?:now\s+|going\s+to\s+|afraid\s+i(?:'m|\s+am)\s+|afraid\s+i\s+(?:have|need)\s+to\s+)?(?:end|ending|terminat\w*|clos\w*|hang\w*\s+up|finish\w*)\s+(?:\S+\s+){0,2}?${END_OBJECT}`,
    String.raw`\bi(?:'ll|\s+will|\s+(?:have|need|must)\s+to|\s+must|'m\s+going\s+to|\s+am\s+going\s+to|'d\s+have\s+to|\s+would\s+have\s+to)\s+(?:now\s+)?(?:(?:end|terminate|close|finish|stop)\s+(?:\S+\s+){0,2}?${END_OBJECT}|hang\s+up)`,
    String.raw`\b(?:this|the|our)\s+(?:call|conversation|chat)\s+is\s+(?:now\s+)?(?:over|ended|finished|closed)\b`,
    String.raw`\bi(?:'m|\s+am)\s+hanging\s+up\b`,
  ],
  de: [
    String.raw`\bich\s+(?:\S+\s+){0,2}?beende\b`,
    String.raw`\bbeende\s+ich\b`,
    String.raw`\b(?:ich\s+lege|lege\s+ich)\s+(?:\S+\s+){0,2}?auf\b`,
    String.raw`\bich\s+breche\s+(?:\S+\s+){0,3}?ab\b`,
    String.raw`\b(?:ich|wir)\s+(?:muss|müssen|werde|werden|möchte)\s+(?:\S+\s+){0,4}?(?:beenden|abbrechen|auflegen)\b`,
    // the verb first after a clause: „Wenn Sie weiter so laut werden, muss ich das Gespräch beenden"
    String.raw`\b(?:muss|müssen|werde|werden|möchte)\s+(?:ich|wir)\s+(?:\S+\s+){0,4}?(?:beenden|abbrechen|auflegen)\b`,
    String.raw`\bdas\s+(?:gespräch|telefonat)\s+ist\s+(?:hiermit\s+|jetzt\s+|damit\s+)?(?:beendet|vorbei|zu\s+ende)\b`,
  ],
});
/** German "beenden" also ends contracts: an explicit end must be about the conversation. */
const END_CONTEXT = pattern(
  String.raw`\b(?:gespräch|telefonat|unterhaltung|auflegen|auf|ab|hier|jetzt|an\s+dieser\s+stelle|call|conversation|chat|line|hang|here|now)\b`,
);
/** Friendly goodbyes; they end the conversation when they close the reply. */
const FAREWELL = pattern(
  String.raw`\b(?:goodbye|good\s+bye|bye(?:\s+bye)?|farewell|have\s+a\s+(?:nice|good|great|lovely)\s+(?:day|evening|weekend|afternoon)|take\s+care|auf\s+wiederhören|auf\s+wiedersehen|wiederhören|tschüss?|ciao|(?:einen\s+)?schönen\s+(?:tag|abend|nachmittag|feierabend|tag\s+noch|abend\s+noch)|alles\s+gute)\b`,
);
const CONDITIONAL = pattern(
  String.raw`\b(?:if|unless|otherwise|or\s+else|or\s+(?:i|we)|oder\s+ich|should\s+you|once\s+more|one\s+more|wenn|falls|sonst|andernfalls|ansonsten|sollten\s+sie|sobald\s+(?:sie|noch)|noch\s+(?:eine?|einmal)\b|one\s+more|another\s+(?:insult|word))\b`,
);
/** "Don't hang up", "before we say goodbye": a farewell word that does not close. */
const NOT_CLOSING = pattern(
  String.raw`\b(?:don't|do\s+not|please\s+don't|before\s+(?:we|you)|not\s+yet|bitte\s+(?:legen\s+sie\s+)?nicht|nicht\s+auflegen|bevor\s+(?:wir|sie))\b`,
);

const SOLUTION_ALL = globalOfEach(SOLUTION);
const END_EXPLICIT_ALL = globalOfEach(END_EXPLICIT);
const FAREWELL_ALL = globalOf(FAREWELL);
const NO_MATCHES: ReadonlyMap<number, string[]> = new Map();

// --- assessment -----------------------------------------------------------------------------------

export function assessSignals(reply: PreparedText, lang: Language): SignalAssessment {
  const evidence: string[] = [];
  let offersSolution = false;
  let solutionHasTime = false;
  let endsExplicitly = false;
  let warnsOfEnding = false;
  let farewellAtEnd = false;
  let solutionQuote: string | undefined;
  let endQuote: string | undefined;

  // One scan of the whole reply per lexicon finds the sentences worth a closer look.
  const text = reply.lower;
  const offersIn = SOLUTION[lang].test(text) ? matchesBySentence(SOLUTION_ALL[lang], reply) : NO_MATCHES;
  const endsIn = END_EXPLICIT[lang].test(text) ? matchesBySentence(END_EXPLICIT_ALL[lang], reply) : NO_MATCHES;
  const farewellsIn = FAREWELL.test(text) ? matchesBySentence(FAREWELL_ALL, reply) : NO_MATCHES;
  for (const [index, sentence] of reply.sentences.entries()) {
    const lowered = reply.lowerSentences[index] ?? sentence.toLowerCase();
    const mayEnd = endsIn.has(index);
    const mayBid = farewellsIn.has(index);
    if (!offersIn.has(index) && !mayEnd && !mayBid) continue;
    const offer = offersIn.has(index) ? findOffer(lowered, lang) : undefined;
    if (offer !== undefined) {
      offersSolution = true;
      evidence.push(quote(sentence));
      const timed = TIME.test(lowered);
      if (timed) solutionHasTime = true;
      // a long sentence is quoted from the clause that makes the offer, so the quote shows it
      if (solutionQuote === undefined || timed) solutionQuote = lowered.length === sentence.length ? quoteAt(sentence, offer) : quote(sentence);
    }
    if (mayEnd && END_EXPLICIT[lang].test(lowered) && END_CONTEXT.test(lowered)) {
      if (CONDITIONAL.test(lowered)) {
        warnsOfEnding = true;
      } else if (!NOT_CLOSING.test(lowered)) {
        endsExplicitly = true;
        endQuote = quote(sentence);
      }
      evidence.push(quote(sentence));
    }
    // A goodbye closes only near the end, outside a question ("Goodbye? No, wait"), with nothing
    // but a short courtesy after it.
    if (mayBid && !sentence.includes('?') && closesReply(reply.sentences, index) && FAREWELL.test(lowered) && !NOT_CLOSING.test(lowered)) {
      farewellAtEnd = true;
      evidence.push(quote(sentence));
      endQuote ??= quote(sentence);
    }
  }

  const result: SignalAssessment = {
    offersSolution,
    solutionHasTime,
    endsConversation: endsExplicitly || farewellAtEnd,
    endsExplicitly,
    warnsOfEnding,
    declinesStep: !offersSolution && DECLINED[lang].test(text),
    onlyCourtesy: !offersSolution && reply.sentences.length === 1 && COURTESY_CLOSE.test(text),
    proposesContact: CONTACT[lang].test(text),
    leavesChoice: CHOICE[lang].test(text),
    evidence: [...new Set(evidence)],
  };
  if (solutionQuote !== undefined) result.solutionQuote = solutionQuote;
  if (endQuote !== undefined) result.endQuote = endQuote;
  return result;
}

const MAX_WORDS_AFTER_GOODBYE = 8;

function closesReply(sentences: readonly string[], index: number): boolean {
  let words = 0;
  for (let i = index + 1; i < sentences.length; i++) {
    const sentence = sentences[i] ?? '';
    if (sentence.includes('?')) return false;
    words += sentence.split(/\s+/).length;
    if (words > MAX_WORDS_AFTER_GOODBYE) return false;
  }
  return true;
}

/** Where the first clause of the sentence (lower-cased) that offers a step starts, if one does. */
function findOffer(sentence: string, lang: Language): number | undefined {
  return firstOffer(sentence, lang)?.clauses[0]?.from;
}

/**
 * The sentence's clauses from the first that offers a step (lower-cased), with the offer's match
 * in it, and the clauses before it; undefined when no clause offers one.
 */
function firstOffer(
  sentence: string,
  lang: Language,
): { clauses: { from: number; text: string }[]; before: { from: number; text: string }[]; offer: RegExpExecArray } | undefined {
  if (!SOLUTION[lang].test(sentence)) return undefined;
  const clauses = clausesOf(sentence);
  for (const [index, clause] of clauses.entries()) {
    const offer = offerIn(clause.text, lang);
    // "we'll look into it" alone is no step; „ich kümmere mich darum, dass die Karte heute rausgeht" is one
    if (offer && VAGUE_PROMISE.test(clause.text) && !SPELLED_OUT.test(clauses[index + 1]?.text ?? '')) continue;
    if (offer) return { clauses: clauses.slice(index), before: clauses.slice(0, index), offer };
  }
  return undefined;
}

/**
 * The offer of a step in a clause (lower-cased), if the clause makes one: not denied, not a habit,
 * not a warning of ending ("…or I will end this call").
 */
function offerIn(clause: string, lang: Language): RegExpExecArray | null {
  const match = SOLUTION[lang].exec(clause);
  return match && !NEGATION.test(clause) && !HABITUAL.test(clause) && !END_EXPLICIT[lang].test(clause) ? match : null;
}

/**
 * A preamble announced as such: "before we start, let me explain a little about how …", „lassen Sie
 * mich kurz ausholen". To a customer in a hurry that is a wind-up, whatever information follows.
 */
const WIND_UP = bilingual({
  en: [
    String.raw`\bbefore\s+(?:we|i)\s+(?:start|begin|get\s+(?:to|into)|answer|go\s+(?:on|any\s+further))\b`,
    String.raw`\blet\s+me\s+(?:just\s+|first\s+|quickly\s+|briefly\s+)*(?:explain\s+(?:to\s+you\s+)?(?:a\s+(?:little|bit)\s+)?(?:about|how|why)|walk\s+you\s+through|start\s+by\s+(?:explaining|saying|telling|giving|describing|going\s+over|walking|setting\s+out)|give\s+you\s+(?:some|a\s+bit\s+of|a\s+little)\s+(?:background|context))\b`,
    String.raw`\b(?:a\s+(?:little|bit\s+of)|some)\s+(?:background|context)\b`,
    String.raw`\bfirst\s+of\s+all,?\s+(?:let\s+me|i(?:'d|\s+would)\s+like\s+to)\b`,
    // "First I'd like to briefly explain how …", "Before anything else, I want to walk you through …"
    String.raw`\b(?:first(?:\s+of\s+all)?|before\s+anything\s+else),?\s+i(?:'d|\s+would|\s+want\s+to|\s+need\s+to)\s+(?:like\s+to\s+)?(?:\S+\s+){0,2}?(?:explain|walk\s+you\s+through|go\s+through)\b`,
    String.raw`\bto\s+give\s+you\s+(?:some|a\s+bit\s+of|the)\s+(?:background|context|bigger\s+picture)\b`,
  ],
  de: [
    String.raw`\bbevor\s+(?:wir|ich)\s+(?:anfangen|beginnen|loslegen|starten|ins\s+detail|zur\s+sache|ihre\s+frage)`,
    // „Lassen Sie mich Ihnen zunächst kurz erklären, wie …": any order of the little words between
    String.raw`\blassen\s+sie\s+mich\s+(?:ihnen\s+)?(?:(?:kurz|zuerst|zunächst|erst|einmal|mal|etwas|ein\s+wenig|vorab)\s+){0,3}(?:ausholen|erklären,?\s+(?:wie|was|warum|wieso|weshalb)|zum\s+hintergrund)`,
    String.raw`\b(?:etwas|ein\s+wenig|ein\s+bisschen|kurz)\s+(?:ausholen|zum\s+hintergrund)\b`,
    String.raw`\bzunächst\s+(?:einmal\s+)?(?:zum\s+hintergrund|ein\s+paar\s+worte)`,
    // "Zunächst möchte ich Ihnen kurz erklären, wie …", „Vorab will ich Ihnen einmal schildern …“
    String.raw`\b(?:zunächst|zuerst|vorab|erst\s+(?:einmal|mal))\s+(?:einmal\s+)?(?:möchte|will|würde)\s+ich\s+(?:ihnen|dir|euch)\s+(?:\S+\s+){0,2}?(?:erklären|erläutern|schildern|darlegen)`,
    String.raw`\bdamit\s+sie\s+den\s+hintergrund\s+verstehen\b`,
  ],
});

/**
 * The reply restates the customer's concern to check it: "If I've understood you correctly, …",
 * "Let me check I've got this right", „Wenn ich Sie richtig verstehe, …", „Kurz zusammengefasst: …".
 * The model alone found 16 % (en) and 25 % (de) of labelled summaries on held-out writers; a tip
 * must not ask for one the reply made.
 */
const SUMMARY = bilingual({
  en: [
    String.raw`\bif\s+i(?:'ve|\s+have)?\s+(?:understood|understand|got|followed)\s+(?:you\s+|this\s+|that\s+|it\s+|everything\s+)?(?:right|correctly|properly)\b`,
    String.raw`\b(?:let\s+me|i\s+(?:just\s+)?want\s+to|i'd\s+like\s+to)\s+(?:just\s+)?(?:check|make\s+sure|see\s+if|be\s+sure)\s+(?:that\s+)?i(?:'ve|\s+have)\s+(?:got|understood|followed|heard)\b`,
    String.raw`\b(?:to\s+sum\s+up|to\s+recap|let\s+me\s+recap|let\s+me\s+sum\s+(?:it\s+|that\s+)?up|let\s+me\s+summari[sz]e|to\s+summari[sz]e|just\s+to\s+recap|so\s+to\s+recap)\b`,
    String.raw`\b(?:have|did)\s+i\s+(?:got|get|understood|heard)\s+(?:that|this|it|everything|you)\s+(?:right|correctly)\b`,
    String.raw`\b(?:is\s+that|would\s+that\s+be)\s+a\s+fair\s+summary\b`,
    String.raw`\b(?:just\s+so\s+i(?:'m|\s+am)\s+clear|what\s+i(?:'m|\s+am)\s+hearing\s+is|so\s+what\s+you(?:'re|\s+are)\s+saying\s+is)\b`,
  ],
  de: [
    String.raw`\bwenn\s+ich\s+(?:sie|dich|das)\s+richtig\s+(?:verstehe|verstanden\s+habe)\b`,
    String.raw`\b(?:habe?|hab)\s+ich\s+(?:sie|dich|das|alles)\s+richtig\s+verstanden\b`,
    String.raw`\bverstehe\s+ich\s+(?:sie|dich|das)\s+richtig\b`,
    String.raw`\b(?:kurz\s+)?zusammengefasst\b`,
    String.raw`\b(?:ich\s+fasse|lassen\s+sie\s+mich|darf\s+ich)\s+(?:\S+\s+){0,3}?zusammen(?:fassen)?\b`,
    String.raw`\bdamit\s+ich\s+(?:das|sie|alles)\s+richtig\s+verstehe\b`,
    String.raw`\bsie\s+(?:sagen|meinen)\s+also\b`,
  ],
});

/** The reply restates the customer's concern to check it (see SUMMARY). */
export function summarises(reply: PreparedText, lang: Language): boolean {
  return SUMMARY[lang].test(reply.lower);
}

/** The reply announces a preamble before its answer (see WIND_UP). */
export function windsUp(reply: PreparedText, lang: Language): boolean {
  return WIND_UP[lang].test(reply.lower);
}

/**
 * A guarantee of an outcome ("the money is guaranteed to be with the dealer in five minutes",
 * „das klappt hundertprozentig“): under time pressure the rubric's "do not promise what cannot be
 * kept". A promise of the trainee's own action ("I promise I'll call you by three") is a commitment,
 * not a guarantee of what others do, and a guarantee said not to be given is the honest answer.
 */
const GUARANTEE = bilingual({
  en: [
    String.raw`\bguarantee(?:d|s)?\b`,
    String.raw`\b(?:i\s+)?promise(?:\s+you)?\b(?!\s+(?:that\s+)?(?:i|we)(?:'ll|\s+will|'m|\s+am|\s+personally)\b)`,
    String.raw`\b(?:100|a\s+hundred)\s*(?:%|per\s*cent|percent)\b`,
    String.raw`\bwithout\s+fail\b`,
  ],
  de: [
    String.raw`\bgarantier\w*`,
    String.raw`\bgarantie\b`,
    String.raw`\bversprochen\b`,
    String.raw`\b(?:ich\s+)?versprech\w*\s+(?:ihnen|dir|euch)\b(?!\s*,?\s*(?:dass\s+)?(?:ich|wir)\b)`,
    String.raw`\bhundertprozentig\b`,
    String.raw`\b100\s*(?:%|prozent)\b`,
  ],
});
/** "can't guarantee", „kann ich nicht versprechen“, „keine Garantie“: the guarantee is withheld */
const GUARANTEE_WITHHELD = pattern(
  String.raw`\b(?:can't|cannot|can\s+not|won't|will\s+not|couldn't|unable\s+to|no|not|nicht|kein\w*|nie)(?:\s+\S+){0,3}?\s+(?:guarantee\w*|promise\w*|garantier\w*|garantie|versprech\w*)|(?:guarantee\w*|promise\w*|garantier\w*|garantie|versprech\w*)\s+(?:\S+\s+){0,5}?(?:nicht|keine?)\b`,
);

/** The sentence of the reply that guarantees an outcome (see GUARANTEE); undefined when none does. */
export function overpromises(reply: PreparedText, lang: Language): string | undefined {
  for (const [index, lowered] of reply.lowerSentences.entries()) {
    if (GUARANTEE[lang].test(lowered) && !GUARANTEE_WITHHELD.test(lowered)) return reply.sentences[index];
  }
  return undefined;
}

/**
 * The trainee takes the customer on personally: their own direct line, extension or e-mail, "call
 * me", "ask for me", "I'll be your contact", „meine Durchwahl“, „rufen Sie mich direkt an“. The
 * opposite of sending the customer away, though both speak of numbers, hotlines and queues.
 */
const OWN_CONTACT = bilingual({
  en: [
    String.raw`\bmy\s+(?:own\s+|personal\s+)?(?:direct\s+(?:line|number|dial|extension|e-?mail(?:\s+address)?)|extension|mobile(?:\s+number)?|direct\s+contact)\b`,
    String.raw`\b(?:call|ring|phone|e-?mail|message|text|reach|contact)\s+me\s+(?:\S+\s+){0,2}?(?:directly|personally|direct|straight|on\s+\d|at\s+\d)`,
    String.raw`\bask\s+for\s+me\b`,
    String.raw`\bi(?:'ll|\s+will|'m|\s+am)\s+(?:now\s+)?(?:be\s+)?your\s+(?:single\s+|one\s+|main\s+|personal\s+)?(?:point\s+of\s+contact|contact(?:\s+person)?)\b`,
  ],
  de: [
    String.raw`\bmeine\s+(?:eigene\s+|persönliche\s+)?(?:durchwahl|direkte\s+(?:nummer|durchwahl|telefonnummer|e-?mail(?:-adresse)?|mailadresse|adresse)|handynummer|direktnummer)\b`,
    String.raw`\b(?:rufen|schreiben|mailen)\s+sie\s+mich\s+(?:\S+\s+){0,2}?(?:direkt|persönlich|unter\s+\d)`,
    String.raw`\b(?:erreichen|kontaktieren)\s+sie\s+mich\s+(?:\S+\s+){0,2}?(?:direkt|persönlich|unter\s+\d)`,
    String.raw`\bfragen\s+sie\s+(?:\S+\s+){0,4}?nach\s+mir\b`,
    String.raw`\bich\s+bin\s+(?:ab\s+jetzt\s+|ab\s+sofort\s+|ab\s+heute\s+)?(?:ihr|ihre|dein|deine)\s+(?:feste[rn]?\s+|persönliche[rn]?\s+|direkte[rn]?\s+)?(?:ansprechpartner(?:in)?|ansprechperson|kontakt(?:person)?)\b`,
  ],
});

/** The reply gives the trainee's own contact (see OWN_CONTACT). */
export function ownsContact(reply: PreparedText, lang: Language): boolean {
  return OWN_CONTACT[lang].test(reply.lower);
}

/**
 * Taking the fault off the customer: "None of this is your fault", „Sie können nichts dafür". The
 * words are blame's, the direction the opposite; a model that reads words alone takes them for blame
 * or a lecture.
 */
const EXCULPATION = bilingual({
  en: [
    String.raw`\b(?:not|none\s+of\s+(?:this|it|that)\s+(?:is|was)|no|in\s+no\s+way)\s+(?:\S+\s+)?(?:your\s+fault|to\s+blame|fault\s+of\s+yours)\b`,
    String.raw`\byou(?:'re|\s+are)\s+(?:not|in\s+no\s+way)\s+(?:at\s+all\s+)?to\s+blame\b`,
    String.raw`\b(?:don't|do\s+not)\s+(?:blame\s+yourself|be\s+(?:so\s+)?hard\s+on\s+yourself|say\s+that\s+about\s+yourself)\b`,
    String.raw`\byou\s+(?:did|have\s+done|'ve\s+done)\s+(?:nothing\s+wrong|(?:exactly\s+|just\s+)?the\s+right\s+thing|everything\s+right)\b`,
    String.raw`\bnot\s+because\s+of\s+(?:anything\s+)?(?:on\s+your\s+side|you\s+did|you)\b`,
    String.raw`\b(?:could|can)\s+(?:have\s+)?happen(?:ed)?\s+to\s+anyone\b`,
  ],
  de: [
    String.raw`\b(?:nicht|keineswegs|in\s+keiner\s+weise)\s+(?:\S+\s+)?(?:ihre|deine)\s+schuld\b`,
    String.raw`\b(?:sie|dich)\s+trifft\s+(?:\S+\s+)?keine\s+schuld\b`,
    String.raw`\b(?:sie\s+können|du\s+kannst)\s+(?:\S+\s+){0,2}?nichts\s+dafür\b`,
    String.raw`\bmach(?:en\s+sie\s+sich|\s+dir)\s+(?:bitte\s+)?keine\s+vorwürfe\b`,
    String.raw`\b(?:sie\s+haben|du\s+hast)\s+(?:\S+\s+){0,2}?(?:nichts\s+falsch\s+gemacht|alles\s+richtig\s+gemacht|nichts\s+vergessen|genau\s+richtig\s+(?:gehandelt|reagiert))\b`,
    String.raw`\b(?:lag|liegt)\s+(?:\S+\s+)?nicht\s+an\s+(?:ihnen|dir)\b`,
    String.raw`\b(?:das|so\s+etwas|sowas)\s+(?:hätte|kann|könnte)\s+(?:\S+\s+){0,2}?jedem\s+passieren\b`,
  ],
});

/**
 * Waving off an apology or a customer's word against themselves ("Don't worry about it", „Ach was,
 * das ist schon vergessen"): read as reassurance only after such words (see SELF_BLAME); to a
 * complaint the same words brush it off.
 */
const WAVE_OFF = bilingual({
  en: [
    String.raw`^(?:oh,?\s+|ah,?\s+)?(?:no\s+worries|not\s+at\s+all|never\s+mind|nonsense|(?:please\s+)?don't\s+(?:worry|apologi[sz]e)(?:\s+about\s+(?:it|that))?(?:\s+at\s+all)?|no\s+need\s+to\s+apologi[sz]e|no\s+harm\s+done)\b`,
    String.raw`\b(?:it's|it\s+is|that's|that\s+is)\s+(?:already\s+)?forgotten\b`,
  ],
  de: [
    String.raw`^(?:ach,?\s+)?(?:was|quatsch|unsinn|i\s+wo|keine\s+sorge|schon\s+gut|nicht\s+der\s+rede\s+wert|machen\s+sie\s+sich\s+(?:da\s+)?keine\s+gedanken)\b`,
    String.raw`\b(?:das|es)\s+ist\s+(?:schon\s+|längst\s+)?vergessen\b`,
  ],
});
const SELF_BLAME = bilingual({
  en: [
    String.raw`\b(?:sorry|apologi[sz]e|my\s+(?:own\s+)?fault|i(?:'m|\s+am)\s+(?:such\s+an?\s+|so\s+)?(?:idiot|stupid|useless|hopeless|silly)|i\s+feel\s+(?:so\s+)?(?:stupid|silly|dumb)|i\s+should\s+(?:have|never))`,
  ],
  de: [
    String.raw`\b(?:entschuldigung|entschuldigen\s+sie|tut\s+mir\s+leid|meine\s+schuld|ich\s+(?:komm|komme|fühle)\s+mir\s+(?:so\s+)?(?:blöd|dumm|doof)|ich\s+bin\s+(?:so\s+|echt\s+|halt\s+)?(?:blöd|dumm|doof)|hätte\s+ich\s+(?:mal|doch|bloß))`,
  ],
});
/** what turns reassurance into irony: "of course", "never", "as always", „wie immer" */
const IRONIC = bilingual({
  en: [String.raw`\b(?:of\s+course|obviously|naturally|never(?!\s+mind)|as\s+always|as\s+usual|sure|used\s+to)\b`],
  de: [String.raw`\b(?:natürlich|selbstverständlich|klar|nie|niemals|wie\s+immer|wie\s+üblich|gewohnt|gewöhnt)\b`],
});
const EXCULPATION_ALL = globalOfEach(EXCULPATION);
const WAVE_OFF_ALL = globalOfEach(WAVE_OFF);

/**
 * The reply without the clauses that take the fault off the customer or wave off their apology,
 * for the model to read again: what is left is what could still sting ("It's not your fault, you
 * just didn't read the letter" keeps its second half). Undefined when the reply has no such clause
 * or says it with irony.
 */
export function withoutReassurance(reply: PreparedText, lang: Language, customer: string): string | undefined {
  // Positions are found in the lower-cased text and cut from the text as written (its capitals are
  // part of what the model reads); where lower-casing changed the length, they would not line up.
  if (reply.lower.length !== reply.text.length) return undefined;
  const waved = SELF_BLAME[lang].test(customer.toLowerCase());
  const clauses: [number, number][] = [];
  let offset = 0;
  for (const sentence of reply.lowerSentences) {
    const at = reply.lower.indexOf(sentence, offset);
    if (at < 0) continue;
    offset = at + sentence.length;
    if (IRONIC[lang].test(sentence)) continue;
    const spans = [...sentence.matchAll(EXCULPATION_ALL[lang]), ...(waved ? sentence.matchAll(WAVE_OFF_ALL[lang]) : [])];
    if (spans.length === 0) continue;
    // the clause of each phrase goes, with a comma or colon that closes it; a "but" and what follows
    // it stay ("It's not your fault but you didn't read the letter" keeps its sting)
    const parts = clausesOf(sentence);
    const clauseAt = (index: number) => parts.findLast((clause) => clause.from <= index) ?? { from: 0, text: sentence };
    for (const match of spans) {
      const last = clauseAt(match.index + match[0].length - 1);
      const end = last.from + last.text.length;
      clauses.push([at + clauseAt(match.index).from, at + end + (/^[,;:]/u.test(sentence.slice(end)) ? 1 : 0)]);
    }
  }
  if (clauses.length === 0) return undefined;
  let rest = '';
  let from = 0;
  for (const [start, end] of clauses.sort((a, b) => a[0] - b[0])) {
    if (start > from) rest += reply.text.slice(from, start);
    from = Math.max(from, end);
  }
  rest += reply.text.slice(from);
  return rest
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.!?–—-]+/u, '')
    .trim();
}

/**
 * An opening sentence of assent and the customer's name only: "Of course, Ms Albrecht.", „Natürlich,
 * Frau Albrecht.", „Klar." The words are sarcasm's favourite opening, and the model, which met them
 * mostly before a mocking second sentence, read the whole reply as sarcasm.
 */
const OPENING_ASSENT = pattern(
  String.raw`^(?:(?:oh|ah|yes|yeah|ok(?:ay)?|sure|of\s+course|certainly|absolutely|right|all\s+right|alright|understood|ja|natürlich|selbstverständlich|klar|gern|gerne|sicher|verstanden|in\s+ordnung|aber\s+sicher|aber\s+natürlich)[\s,!.…]*)+(?:(?:mr|mrs|ms|miss|dr|herr|frau)\.?\s+(?:dr\.?\s+)?[\p{L}'-]+)?\s*[.!…]*$`,
);

/**
 * The reply without an opening sentence of bare assent (see OPENING_ASSENT), for the model to read
 * again; undefined when it opens otherwise or is nothing else (a bare assent alone is `onlyAssent`).
 */
export function withoutOpeningAssent(reply: PreparedText): string | undefined {
  const [first, ...rest] = reply.sentences;
  const [firstLower] = reply.lowerSentences;
  if (first === undefined || firstLower === undefined || rest.length === 0 || !OPENING_ASSENT.test(firstLower)) return undefined;
  return rest.join(' ');
}

/** "Give me three minutes": asking for time is promising to be done within it. */
const GIVE_ME_TIME = pattern(String.raw`\b(?:give\s+me|gib\s+mir|geben\s+sie\s+mir)\s+(?:\S+\s+){0,2}?(?:minutes?|minuten|seconds|sekunden|hours?|stunden?)\b`);

/** The reply asks for a stretch of time to get something done ("give me two minutes"). */
export function asksForTime(reply: PreparedText): boolean {
  return GIVE_ME_TIME.test(reply.lower);
}

/**
 * The time named in the reply's offer of a next step ("by noon", "in zwei Minuten"), as written;
 * undefined when no offered step names one. The scripted customer takes it up ("Noon, then.").
 * `timedStep`: another reader (the model) found a step with a time the lexicon's offer patterns do
 * not know ("I'll have the soup at your table in five minutes"); the first time named anywhere in
 * the reply is then the one promised.
 */
export function promisedTime(reply: PreparedText, lang: Language, timedStep = false): string | undefined {
  const written = (index: number, from: number, match: RegExpExecArray): string => {
    const sentence = reply.sentences[index] ?? '';
    const lowered = reply.lowerSentences[index] ?? '';
    // Lower-casing keeps the length of ordinary text, so the match's place holds in the sentence as written.
    const at = from + match.index;
    return (sentence.length === lowered.length ? sentence.slice(at, at + match[0].length) : match[0]).trim();
  };
  let known = false;
  for (let index = 0; index < reply.sentences.length; index++) {
    const sentence = reply.lowerSentences[index] ?? '';
    if (GIVE_ME_TIME.test(sentence)) {
      const match = TIME_PHRASE.exec(sentence);
      if (match) return written(index, 0, match);
    }
    const time = offerTime(sentence, lang);
    if (time === null) known = true;
    else if (time) return written(index, time.from, time.match);
  }
  // Only for an offer the patterns do not know: a known one without its own time promised none.
  if (!timedStep || known) return undefined;
  // The first time not in a condition nor in a refusal: in "if you send them today, I'll put it to
  // the committee on Thursday" today is the customer's part, Thursday the promise; "I won't talk
  // about the deposit today" promises nothing for today. A time after the trainee's own "I'll" /
  // „ich" comes first: in "send them today and I'll put it forward tomorrow" (Mr Kessler had
  // written down "Today") the promise is tomorrow.
  const open = reply.lowerSentences.flatMap((sentence, index) =>
    clausesOf(sentence)
      .filter((clause) => !CONDITION.test(clause.text) && !NEGATION.test(clause.text))
      .map((clause) => ({ index, clause })),
  );
  for (const { index, clause } of open) {
    const speaker = FIRST_PERSON.exec(clause.text);
    const match = speaker ? timeFrom(clause.text, speaker.index) : null;
    if (match) return written(index, clause.from, match);
  }
  for (const { index, clause } of open) {
    const match = TIME_PHRASE.exec(clause.text);
    if (match) return written(index, clause.from, match);
  }
  return undefined;
}

/** A clause that sets a condition ("if you send them today", „sobald die Unterlagen da sind"). */
const CONDITION = /^\s*(?:if|when|once|as\s+soon\s+as|provided|wenn|sobald|falls|sofern)\b/u;

/** The clauses of a sentence with where each starts in it. */
function clausesOf(sentence: string): { from: number; text: string }[] {
  const clauses: { from: number; text: string }[] = [];
  let from = 0;
  for (const breakMatch of sentence.matchAll(CLAUSE_BREAKS)) {
    clauses.push({ from, text: sentence.slice(from, breakMatch.index) });
    from = breakMatch.index + breakMatch[0].length;
  }
  clauses.push({ from, text: sentence.slice(from) });
  return clauses;
}

const CLAUSE_BREAKS = new RegExp(CLAUSE_SPLIT.source, 'giu');

const TIME_PHRASE_FROM = globalOf(TIME_PHRASE);

/** The trainee speaking of what they will do. */
const FIRST_PERSON = pattern(String.raw`\b(?:i'll|i\s+will|i'm\s+going\s+to|we'll|we\s+will|let\s+me|ich|wir)\b`);

/** The first time phrase in `text` that starts at or after `at`. */
function timeFrom(text: string, at: number): RegExpExecArray | null {
  TIME_PHRASE_FROM.lastIndex = at;
  return TIME_PHRASE_FROM.exec(text);
}

/**
 * The time that belongs to the offer in a sentence: in the offer's own clause or a later one ("I'll
 * call you back, by three at the latest"), or in an earlier clause that is nothing but the time ("By
 * Friday, you'll have it"). A time in a clause that says something else is not the promise: in "Lunch
 * starts at twelve, but we can serve the soup now" nothing is promised for twelve. Returns undefined
 * when the sentence offers nothing, null for an offer without a time of its own.
 */
function offerTime(sentence: string, lang: Language): { from: number; match: RegExpExecArray } | null | undefined {
  const found = firstOffer(sentence, lang);
  if (!found) return undefined;
  // in the offer's own clause a time after the offer is its own: in "send them today and I'll put
  // the application forward tomorrow" the promise is tomorrow, today is the customer's part
  const own = found.clauses[0];
  const after = own ? timeFrom(own.text, found.offer.index) : null;
  if (own && after) return { from: own.from, match: after };
  for (const clause of found.clauses) {
    const match = TIME_PHRASE.exec(clause.text);
    if (match) return { from: clause.from, match };
  }
  for (const clause of found.before.reverse()) {
    const match = TIME_PHRASE.exec(clause.text);
    if (!match) continue;
    if (clause.text.replace(match[0], '').trim().split(/\s+/).filter(Boolean).length <= 1) return { from: clause.from, match };
    // an earlier clause that is the trainee's own promise with its time, the step named after it
    // ("I'll have the soup at your table in five minutes - the kitchen will make an exception")
    const speaker = FIRST_PERSON.exec(clause.text);
    if (speaker && speaker.index < match.index && !CONDITION.test(clause.text) && !NEGATION.test(clause.text)) return { from: clause.from, match };
  }
  return null;
}
