import { isMentioned, isVocative, lexiconFor, prepare, quote, type CompiledLexicon, type PreparedText } from './lexicon/compiled.js';
import type { ScannedToken } from './text.js';

/**
 * Composure of a trainee's reply, offline: lexicons and patterns, no model.
 *
 * Anchors (shared with `prompts/rubric.md`): 5 calm, warm, factual; 4 calm with a minor slip
 * (curt); 3 composed but stiff/bureaucratic or slightly defensive; 2 clearly defensive, blaming,
 * sarcastic, condescending or shouting (ALL CAPS, !!!); 1 hostile: insults, profanity at the
 * customer, threats. Every rule that matches caps the score; the lowest cap wins.
 */
export type ComposureFlag =
  | 'insult'
  | 'profanity'
  | 'threat'
  | 'sarcasm'
  | 'blame'
  | 'defensive'
  | 'dismissive'
  | 'minimising'
  | 'shouting'
  | 'condescending'
  | 'passive_aggressive'
  | 'lecturing';

export interface ComposureFinding {
  score: 1 | 2 | 3 | 4 | 5;
  flags: ComposureFlag[];
  /** the words of the reply that drove the score, as written */
  evidence: string[];
  /**
   * A finer composure for ranking replies, in (score − 1, score]: the score less a fraction for
   * every further finding. Never shown to the trainee; the score stays the grade.
   */
  severity?: number;
  /**
   * The reply holds an insult word it does not use: refused ("I'm not a moron", „Trottel bin ich
   * nicht"), quoted or set aside ("Sleepyhead isn't a word I accept", „Den Trottel überhöre ich").
   * After a personal insult that is the insult named (rubric, boundary).
   */
  namesInsult?: boolean;
  /**
   * The reply only says yes, in at most five words of the `assent` class or polite words ("Sure.",
   * „Klar, mach ich."): nothing in it to mock with, so the model's reading of a sting does not apply
   * (judgement.ts).
   */
  onlyAssent?: boolean;
}

type Score = ComposureFinding['score'];

interface Hit {
  readonly flag: ComposureFlag | undefined;
  readonly score: Score;
  readonly evidence: string;
  /** laughing at the customer: forgiven when the customer laughed or joked first */
  readonly laughter?: boolean;
}

const MAX_EVIDENCE = 6;
const EXCLAMATION_RUN = /![!?1 ]*!/;
const CURT_MAX_WORDS = 3;
const SHOUT_MIN_WORDS = 3;
const SHOUT_MIN_SHARE = 0.5;
/** stressed words outside a polite sentence that already raise the voice */
const RAISED_MIN_WORDS = 2;
/** shorter capitalised words are often abbreviations (SPD, PIN, USA) */
const SHOUT_SENTENCE_WORD_LENGTH = 4;
const UPPER = /\p{Lu}/u;
const TWO_CAPITALS = /\p{Lu}\p{Lu}/u;
const LOWER = /\p{Ll}/u;
/** a short stem and a run of at least two stars ("Sch***", "F*****"); a long word with stars is decoration */
const CENSORED = /^[\p{L}\p{N}]{1,5}\*{2,}/u;
/** every emoji of the lexicons lies outside the Basic Multilingual Plane */
const SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Scores the composure of `reply`. `customer` (the line being answered) only decides whether a
 * German "du" is a slight: it is when the customer wrote with "Sie" or the reply itself mixes both.
 * Never throws; an empty reply scores 3 (nothing to judge), a bare emoji 4 unless it insults.
 */
export function assessComposure(input: { reply: string; customer: string; lang: 'de' | 'en' }): ComposureFinding {
  const lang = input.lang === 'de' ? 'de' : 'en';
  const lexicon = lexiconFor(lang);
  const reply = prepare(input.reply, lang);
  if (reply.scanned.text.length === 0) return { score: 3, flags: [], evidence: [], severity: 3 };
  if (reply.tokens.length === 0) {
    // A bare emoji is curt, unless it swears or mocks.
    const emoji = forgivingLaughter(emojiHits(lexicon, reply), lexicon, input.customer);
    return summarize(emoji.length > 0 ? emoji : [{ flag: undefined, score: 4, evidence: reply.scanned.text.slice(0, 40) }]);
  }
  const named = { insult: false };
  const hits: Hit[] = [
    ...ruleHits(lexicon, reply, named),
    ...vocativeHits(lexicon, reply),
    ...interjectionHits(lexicon, reply),
    ...shoutingHits(lexicon, reply),
    ...addressHits(lexicon, reply, input.customer),
    ...curtHits(lexicon, reply),
    ...emojiHits(lexicon, reply),
    ...censoredHits(reply),
    ...counterfactualBlameHits(reply, lang),
  ];
  const finding = summarize(forgivingLaughter(hits, lexicon, input.customer));
  const onlyAssent = reply.tokens.length <= ASSENT_MAX_WORDS && reply.tokens.every((token) => lexicon.isInClass('assent', token) || lexicon.isPolite(token));
  return { ...finding, ...(named.insult && { namesInsult: true }), ...(onlyAssent && { onlyAssent: true }) };
}

/** "Yes, of course, no problem." is as long as a bare assent gets */
const ASSENT_MAX_WORDS = 5;

/** Laughing is a slip unless the customer laughed or joked first; the customer is read only then. */
function forgivingLaughter(hits: Hit[], lexicon: CompiledLexicon, customer: string): Hit[] {
  if (!hits.some((hit) => hit.laughter) || !laughsToo(lexicon, customer)) return hits;
  return hits.filter((hit) => !hit.laughter);
}

/** The composure rules' hits; an insult word refused or mentioned rather than used sets `named.insult`. */
function ruleHits(lexicon: CompiledLexicon, text: PreparedText, named: { insult: boolean }): Hit[] {
  const hits: Hit[] = [];
  for (const match of lexicon.composure.match(text.tokens)) {
    const rule = match.tag;
    const refused = rule.negatable && lexicon.isNegated(text.tokens, text.scanned.tokens, match);
    if (refused || (rule.mentionable && isMentioned(lexicon, text, match.start, match.end))) {
      if (rule.flag === 'insult') named.insult = true;
      continue;
    }
    if (rule.question && !endsWithQuestion(text, match.end)) continue;
    if (rule.statement && endsWithQuestion(text, match.end)) continue;
    if (rule.lastClause && !isInLastClause(text, match.end)) continue;
    if (rule.coda && !isClosingSentence(text, match.start, match.end)) continue;
    if (rule.unlessContrast && contrastFollows(lexicon, text, match.end)) continue;
    if (rule.unlessWayForward && contrastFollows(lexicon, text, match.end, true)) continue;
    // "Wow, thank you so much!": a weak mockery cue beside thanks or an apology is meant.
    if (rule.flag === 'sarcasm' && rule.score === 4 && hasPoliteWordInSentence(lexicon, text, match.start)) continue;
    let score = rule.score;
    // A bare insult noun is aimed at someone else (score 2) unless it stands alone as an address: "Idiot!".
    if (rule.flag === 'insult' && score === 2 && match.start === match.end && isVocative(text, match.start)) {
      const token = text.tokens[match.start];
      if (token && lexicon.isInClass('insultNoun', token)) score = 1;
    }
    const hit: Hit = { flag: rule.flag, score, evidence: quote(text, match.start, match.end) };
    hits.push(rule.laughter ? { ...hit, laughter: true } : hit);
  }
  return hits;
}

function hasPoliteWordInSentence(lexicon: CompiledLexicon, text: PreparedText, index: number): boolean {
  const sentence = text.tokens[index]?.sentence;
  return text.tokens.some((token) => token.sentence === sentence && lexicon.isInClass('gratitude', token));
}

function isInLastClause(text: PreparedText, index: number): boolean {
  const words = text.scanned.tokens;
  const word = words[index];
  let next = index + 1;
  while (words[next]?.sentence === word?.sentence && words[next]?.clause === word?.clause) next += 1;
  return words[next]?.sentence !== word?.sentence;
}

/** A contrast word ("but", "aber") after word `index`, in the same sentence or (`laterSentences`) anywhere after. */
function contrastFollows(lexicon: CompiledLexicon, text: PreparedText, index: number, laterSentences = false): boolean {
  const words = text.scanned.tokens;
  const sentence = words[index]?.sentence;
  for (let next = index + 1; next < words.length && (laterSentences || words[next]?.sentence === sentence); next += 1) {
    const token = text.tokens[next];
    if (token && lexicon.isInClass('contrast', token)) return true;
  }
  return false;
}

/** The match spans the whole last sentence of the reply, and at least one sentence came before it. */
function isClosingSentence(text: PreparedText, start: number, end: number): boolean {
  const words = text.scanned.tokens;
  const sentence = words[start]?.sentence;
  return sentence !== undefined && sentence > 0 && words[start - 1]?.sentence !== sentence && end === words.length - 1;
}

/** Whether the sentence of word `index` ends with a question mark ("Are you twelve?", "Seriously?!"). */
function endsWithQuestion(text: PreparedText, index: number): boolean {
  const words = text.scanned.tokens;
  const sentence = words[index]?.sentence;
  let last = index;
  while (words[last + 1]?.sentence === sentence) last += 1;
  const from = words[last]?.end ?? 0;
  const to = words[last + 1]?.start ?? text.scanned.text.length;
  return text.scanned.text.slice(from, to).includes('?');
}

/** "Thank you SO much for your patience, genius": a mock title of address makes politeness sarcastic. */
function vocativeHits(lexicon: CompiledLexicon, text: PreparedText): Hit[] {
  const hits: Hit[] = [];
  text.tokens.forEach((token, index) => {
    if (!lexicon.isInClass('sarcasticVocative', token)) return;
    const previous = text.tokens[index - 1];
    // "you genius" ends its clause as an address does; "how much you love the sea view" goes on
    const addressed = previous !== undefined && lexicon.isAddressWord(previous) && endsClause(text, index);
    const firstClause = text.scanned.tokens[index]?.clause === 0;
    if (addressed || (isVocative(text, index) && !firstClause)) {
      hits.push({ flag: 'sarcasm', score: 2, evidence: quote(text, addressed ? index - 1 : index, index) });
    }
  });
  return hits;
}

/** Nothing follows word `index` in its clause. */
function endsClause(text: PreparedText, index: number): boolean {
  const words = text.scanned.tokens;
  const word = words[index];
  const next = words[index + 1];
  return next === undefined || next.sentence !== word?.sentence || next.clause !== word.clause;
}

/** At most two words in the sentence of word `index` ("Whatever.", "Na egal!"). */
function isAloneInSentence(text: PreparedText, index: number): boolean {
  const words = text.scanned.tokens;
  const sentence = words[index]?.sentence;
  let size = 1;
  for (const offset of [-2, -1, 1, 2]) if (words[index + offset]?.sentence === sentence) size += 1;
  return size <= 2;
}

/** "Whatever." or "Egal!" as a sentence of its own brushes the customer off ("Egal, ob …" does not). */
function interjectionHits(lexicon: CompiledLexicon, text: PreparedText): Hit[] {
  const hits: Hit[] = [];
  text.tokens.forEach((token, index) => {
    if (lexicon.isInClass('dismissiveInterjection', token) && isAloneInSentence(text, index)) {
      hits.push({ flag: 'dismissive', score: 2, evidence: quote(text, index, index) });
    }
  });
  return hits;
}

/** a digit in the word: an IBAN group, a postcode, a product code ("DE12", "A4") */
const DIGIT = /\d/;

function isShoutedWord(lexicon: CompiledLexicon, raw: string, word: string): boolean {
  return raw.length >= 2 && UPPER.test(raw) && !LOWER.test(raw) && !DIGIT.test(raw) && !lexicon.data.acronyms.includes(word);
}

/** "#MAGA", "@ACME": a hashtag or handle is a name written as its owner writes it, not raised voice. */
function isTag(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  return before === 0x23 || before === 0x40;
}

/** One sentence with several long words in capitals ("I TOLD YOU THIS ALREADY") shouts even inside a calm reply. */
function hasShoutedSentence(shouted: readonly ScannedToken[]): boolean {
  const perSentence = new Map<number, number>();
  for (const token of shouted) {
    if (token.raw.length < SHOUT_SENTENCE_WORD_LENGTH) continue;
    const count = (perSentence.get(token.sentence) ?? 0) + 1;
    if (count >= SHOUT_MIN_WORDS) return true;
    perSentence.set(token.sentence, count);
  }
  return false;
}

/** ALL CAPS over much of the reply, or runs of exclamation marks. One capitalised word among polite ones reads as mock emphasis. */
function shoutingHits(lexicon: CompiledLexicon, text: PreparedText): Hit[] {
  const hits: Hit[] = [];
  const words = text.scanned.tokens;
  // A shouted word has two capitals in a row; most replies have none, so skip the word scan.
  const shouted = TWO_CAPITALS.test(text.scanned.text)
    ? words.filter((token) => isShoutedWord(lexicon, token.raw, token.word) && !isTag(text.scanned.text, token.start))
    : [];
  const letterWords = shouted.length === 0 ? words : words.filter((token) => LOWER.test(token.raw) || UPPER.test(token.raw));
  if ((shouted.length >= SHOUT_MIN_WORDS && shouted.length >= letterWords.length * SHOUT_MIN_SHARE) || hasShoutedSentence(shouted)) {
    hits.push({
      flag: 'shouting',
      score: 2,
      evidence: shouted
        .slice(0, 5)
        .map((token) => token.raw)
        .join(' '),
    });
  } else if (shouted.length > 0 && shouted.length <= 2 && letterWords.length >= 3) {
    const politeSentences = new Set(
      words
        .filter((_, index) => {
          const token = text.tokens[index];
          return token !== undefined && (lexicon.isInClass('praise', token) || lexicon.isPolite(token));
        })
        .map((token) => token.sentence),
    );
    for (const token of shouted) {
      if (politeSentences.has(token.sentence) && isEmphasis(lexicon, token, text)) hits.push({ flag: 'sarcasm', score: 3, evidence: token.raw });
    }
    // Stress outside any polite sentence, two words side by side or one word said twice, raises the
    // voice: "I said it TWICE NOW", "It comes TOMORROW. Not today. TOMORROW." Names and abbreviations
    // (after an article, in the acronym list, two apart like "ALDI or LIDL") do not count.
    const raised = shouted.filter((token) => !politeSentences.has(token.sentence) && isEmphasis(lexicon, token, text));
    if (isRaisedVoice(raised, words)) hits.push({ flag: 'shouting', score: 2, evidence: raised.map((token) => token.raw).join(' ') });
  }
  // "!!!" shouts; "!!" or "Danke!!!" is over-eager rather than hostile: a minor slip.
  const exclamation = EXCLAMATION_RUN.exec(text.scanned.text);
  if (exclamation) {
    const marks = exclamation[0].replace(/[^!]/g, '').length;
    const warm = words.some((token, index) => {
      const match = text.tokens[index];
      return match !== undefined && (lexicon.isInClass('praise', match) || lexicon.isPolite(match));
    });
    const score = marks >= 3 && !warm ? 2 : 4;
    hits.push({ flag: score === 2 ? 'shouting' : undefined, score, evidence: exclamation[0] });
  }
  return hits;
}

/** Two stressed words next to each other, or the same stressed word twice. */
function isRaisedVoice(raised: readonly ScannedToken[], words: readonly ScannedToken[]): boolean {
  if (raised.length < RAISED_MIN_WORDS) return false;
  const seen = new Set<string>();
  for (const [at, token] of raised.entries()) {
    if (seen.has(token.word)) return true;
    seen.add(token.word);
    const next = raised[at + 1];
    if (next && words.indexOf(next) === words.indexOf(token) + 1 && next.sentence === token.sentence) return true;
  }
  return false;
}

/**
 * A capitalised word stressed for effect ("that's MY fault", "SO grateful"). A short one is an
 * abbreviation (FTB, AFL, OP) unless it is one of the little words people stress.
 */
function isEmphasis(lexicon: CompiledLexicon, token: ScannedToken, text: PreparedText): boolean {
  const index = text.scanned.tokens.indexOf(token);
  // "mit dem WLAN", "über ELSTER", "the CHAPS payment": after an article or a preposition it is a
  // name or an abbreviation; people stress adverbs, pronouns and verbs, not names
  const before = text.tokens[index - 1];
  if (before && text.scanned.tokens[index - 1]?.sentence === token.sentence && lexicon.isInClass('nounMarker', before)) return false;
  if (token.raw.length >= SHOUT_SENTENCE_WORD_LENGTH) return true;
  const match = text.tokens[index];
  return match !== undefined && lexicon.isInClass('emphasis', match);
}

/** German only: a sudden "du" to a customer addressed (or addressing) with "Sie" is a slight. */
function addressHits(lexicon: CompiledLexicon, reply: PreparedText, customer: string): Hit[] {
  if (lexicon.lang !== 'de') return [];
  const informal = reply.tokens.findIndex((token) => lexicon.isInClass('youInformal', token) && token.word !== 'hast');
  if (informal < 0) return [];
  const usesFormal = (text: PreparedText): boolean =>
    text.tokens.some((token, index) => {
      const raw = text.scanned.tokens[index]?.raw ?? '';
      return (token.word === 'sie' || token.word === 'ihnen') && /^\p{Lu}/u.test(raw);
    });
  const customerText = prepare(customer, 'de');
  const customerInformal = customerText.tokens.some((token) => lexicon.isInClass('youInformal', token));
  if (customerInformal) return [];
  if (usesFormal(reply) || usesFormal(customerText)) {
    return [{ flag: 'condescending', score: 3, evidence: quote(reply, informal, informal) }];
  }
  return [];
}

/** A customer who laughs or jokes ("haha", 😂, ";)") invites laughing along. */
function laughsToo(lexicon: CompiledLexicon, customer: string): boolean {
  if (customer.trim() === '') return false;
  if (WINK.test(customer)) return true;
  const text = prepare(customer, lexicon.lang);
  return text.tokens.some((token) => lexicon.isInClass('laughter', token)) || lexicon.data.emoji.laughing.some((sign) => customer.includes(sign));
}

/** a smiley or a laughing, grinning or winking emoji */
const WINK = /[;:]-?[)D]|[😂🤣😆😅😄😁😉😜😝🙃]/u;

/** A middle finger swears at the customer; a pile of poo or a clown mocks; an eye-roll shows contempt. */
function emojiHits(lexicon: CompiledLexicon, text: PreparedText): Hit[] {
  const hits: Hit[] = [];
  const source = text.scanned.text;
  // Nearly every reply is plain text; skip the lookups unless something outside the BMP is there.
  if (!SURROGATE.test(source)) return hits;
  const { emoji } = lexicon.data;
  for (const sign of emoji.profanity) if (source.includes(sign)) hits.push({ flag: 'profanity', score: 1, evidence: sign });
  for (const sign of emoji.insult) if (source.includes(sign)) hits.push({ flag: 'insult', score: 2, evidence: sign });
  for (const sign of emoji.contempt) if (source.includes(sign)) hits.push({ flag: 'dismissive', score: 3, evidence: sign });
  for (const sign of emoji.laughing) if (source.includes(sign)) hits.push({ flag: 'dismissive', score: 4, evidence: sign, laughter: true });
  return hits;
}

/**
 * "Sch***", "F*****", "A..h" with stars: the writer censored a swear word, which still swears. Stars
 * on both sides of a word ("**wichtig**") are Markdown bold, not censoring.
 */
function censoredHits(text: PreparedText): Hit[] {
  const source = text.scanned.text;
  if (!source.includes('**')) return [];
  // Stars inside a word ("f**k") are in the lexicon; this catches the stem-and-stars form.
  const hits: Hit[] = [];
  for (const token of text.scanned.tokens) {
    if (!CENSORED.test(token.raw) || source.charCodeAt(token.start - 1) === 0x2a) continue;
    hits.push({ flag: 'profanity', score: 2, evidence: token.raw });
    // a few quoted words explain the score; a flood of them adds nothing
    if (hits.length >= MAX_EVIDENCE) break;
  }
  return hits;
}

/**
 * What the customer should have done, as a past that did not happen: "If you'd sent everything we
 * asked for, you'd have your loan by now", „Dann hätten Sie sich eben ein ruhigeres Lokal aussuchen
 * sollen". Whatever the verb, the customer hears that it is their own fault. A polite conditional
 * ("if you'd like, we could have someone call you") is not a past that failed.
 */
const COUNTERFACTUAL_BLAME: Readonly<Record<'de' | 'en', RegExp>> = {
  en: new RegExp(
    String.raw`\b(?:if\s+you(?:'d|\s+had)|had\s+you)\s+(?!(?:ever\s+|still\s+|also\s+|really\s+|perhaps\s+|maybe\s+)?(?:like|prefer|rather|want|wish|care|mind)\b|be\s|any\b|a\b|an\b|some\b|no\b|questions?\b|problems?\b|trouble\b|time\b)` +
      String.raw`[^.?!;]{1,80}?[,;]?\s(?:you|we|i|it|this|that|everything)(?:'d|\s+would|\s+could|\s+might)\s+(?:(?:already|easily)\s+)?(?:have|not\s+have|be)\b`,
    'iu',
  ),
  de: new RegExp(
    String.raw`\b(?:hätten|wären)\s+sie\s+(?:[^.?!;]{0,50}?\s)?(?:sollen|müssen)\b|` +
      String.raw`(?:^|[.!?]\s+)(?:hätten|wären)\s+sie\s+[^.?!;]{1,60}?,\s*(?:dann\s+)?(?:hätten|wären|könnten)\s+(?:wir|sie|es|ich)\b|` +
      String.raw`\bwenn\s+sie\s+[^.?!;]{1,80}?\s(?:hätten|wären)\b[,;]?\s*(?:dann\s+)?(?:hätten|wären|könnten|würden)\s+(?:wir|sie|es|ich)\b`,
    'iu',
  ),
};

/**
 * Not blame: „wir hätten Sie informieren müssen" (Sie is the object), „das hätten Sie von mir erfahren
 * müssen" (what should have reached the customer), „das hätten Sie nicht müssen".
 */
const OWNED_BEFORE = /\b(?:wir|ich|man)\s+$/iu;
const OWNED_MATCH = /\b(?:hören|erfahren|erleben|bekommen|erhalten|mitbekommen|informiert|benachrichtigt|nicht)\s+(?:sollen|müssen)$/iu;

function counterfactualBlameHits(text: PreparedText, lang: 'de' | 'en'): Hit[] {
  const source = text.scanned.text;
  const match = COUNTERFACTUAL_BLAME[lang].exec(source);
  if (!match) return [];
  if (lang === 'de' && (OWNED_BEFORE.test(source.slice(Math.max(0, match.index - 12), match.index)) || OWNED_MATCH.test(match[0]))) return [];
  return [{ flag: 'blame', score: 2, evidence: match[0].trim() }];
}

/** A very short reply without a polite word ("No.", "Fine.") is a minor slip. */
function curtHits(lexicon: CompiledLexicon, text: PreparedText): Hit[] {
  if (text.tokens.length > CURT_MAX_WORDS) return [];
  const polite = text.tokens.some((token) => lexicon.isPolite(token));
  return polite ? [] : [{ flag: undefined, score: 4, evidence: text.scanned.text.slice(0, 80) }];
}

/** Minor slips that add up: two different ones in one reply read as stiff rather than calm. */
const SLIPS_FOR_A_LEVEL = 2;

function summarize(hits: readonly Hit[]): ComposureFinding {
  let score: Score = 5;
  for (const hit of hits) if (hit.score < score) score = hit.score;
  if (score === 4 && new Set(hits.map((hit) => hit.evidence.toLowerCase())).size >= SLIPS_FOR_A_LEVEL) score = 3;
  const ordered = [...hits].sort((a, b) => a.score - b.score);
  const flags: ComposureFlag[] = [];
  const evidence: string[] = [];
  for (const hit of ordered) {
    // Findings more than one level milder than the score do not explain it.
    if (hit.score > score + 1) continue;
    if (hit.flag && !flags.includes(hit.flag)) flags.push(hit.flag);
    if (hit.evidence && !evidence.includes(hit.evidence) && evidence.length < MAX_EVIDENCE) evidence.push(hit.evidence);
  }
  return { score, flags, evidence, severity: severityOf(score, hits) };
}

// How much one more finding lowers the severity within its score band, by how far the finding lies
// above the score: another slip at the same level counts most, milder ones less.
const SAME_LEVEL_WEIGHT = 0.25;
const ONE_LEVEL_MILDER_WEIGHT = 0.15;
const MILDER_WEIGHT = 0.05;
/** the severity stays inside the score band: (score − 1, score] */
const MAX_PENALTY = 0.95;

/**
 * The score with a fraction taken off for every further finding, so two replies with the same score
 * can still be told apart ("Wow." vs "Wow. Keep it up, genius"). The fractions combine like
 * independent chances, so many findings approach but never cross into the band below.
 */
function severityOf(score: Score, hits: readonly Hit[]): number {
  const seen = new Set<string>();
  let kept = 1;
  let first = true;
  for (const hit of [...hits].sort((a, b) => a.score - b.score)) {
    const key = hit.evidence.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const distance = hit.score - score;
    if (distance === 0 && first) {
      first = false;
      continue;
    }
    kept *= 1 - (distance <= 0 ? SAME_LEVEL_WEIGHT : distance === 1 ? ONE_LEVEL_MILDER_WEIGHT : MILDER_WEIGHT);
  }
  return score - Math.min(MAX_PENALTY, 1 - kept);
}
