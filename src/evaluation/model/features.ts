import type { Language, Turn } from '../grade.js';
import { clean, foldLetters, normalize } from '../text.js';
import { NO_BREAK_AFTER } from '../grader-patterns.js';
import { combine, hashCode, hashRange, mix, namespaceSeed } from './feature-hash.js';

/**
 * The grader model's view of one reply: hashed sparse features of the reply (words, word pairs,
 * character n-grams, its first and last words, casing, punctuation, length), of the customer's line
 * (crossed with the reply's length, so "I'm in a hurry" can learn to mind a long answer) and the
 * customer's earlier words the reply takes up, and of what the lexicons found. Character n-grams
 * carry German compounds and misspellings the word features never saw.
 *
 * The trainee's own earlier turns are deliberately not features: under 1 % of the training replies
 * have any, nearly all of them hostile, so the model learnt "said something before" as "no
 * empathy" (a reply that named the customer's loss read as none after three turns, generic
 * alone). A formula said again is the lexicons' finding (`repeated_formula`), which the model sees.
 *
 * Training and inference call the same function; the model file records {@link FEATURE_VERSION} and
 * refuses weights built for another.
 */
export const FEATURE_VERSION = 12;

/** What the lexicon pass found in the reply; the model learns how far to trust each finding. */
export interface LexiconFacts {
  composureScore: number;
  composureFlags: readonly string[];
  emotionalReaction: number;
  interpretation: number;
  exploration: number;
  empathyLimits: readonly string[];
  offersSolution: boolean;
  solutionHasTime: boolean;
  endsConversation: boolean;
  endsExplicitly: boolean;
  warnsOfEnding: boolean;
  namesBehaviour: boolean;
  customerAbusive: boolean;
  earlierWarning: boolean;
}

export interface FeatureInput {
  lang: Language;
  /** the customer-facing reply */
  reply: string;
  /**
   * the reply cleaned and lower-cased as the lexicon pass already has it (`PreparedText.lower`);
   * saves normalising it twice. Must be that text, or absent.
   */
  replyLower?: string | undefined;
  /** its sentences, cleaned and lower-cased (`PreparedText.lowerSentences`); split here when absent */
  replySentences?: readonly string[] | undefined;
  customer: string;
  history: readonly Turn[];
  lexicon?: LexiconFacts | undefined;
}

/**
 * Sparse features: bucket indices and values, `length` entries used. Entries from `contextStart` on
 * describe the context (the customer's line and earlier words, the lexicons' reading of the customer),
 * not the reply: heads that judge the reply alone never learn from them, so a customer's insult
 * cannot make a reply look as if it set a boundary.
 */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
  length: number;
  contextStart: number;
  /**
   * Entries from `contextStart` to here describe the customer's last line alone; heads that judge
   * the customer (was the trainee insulted?) read only these, never anything of the reply.
   */
  customerEnd: number;
  /**
   * Where each sentence's own word and character features lie: [words from, words to, chars from,
   * chars to] per sentence. With `sharedFrom`..`contextStart` (shape and lexicon features) and the
   * language feature at 0, they let a head read one sentence on its own (see `sentenceLogits`), so
   * polite padding cannot dilute one hostile sentence.
   */
  sentenceRanges: Int32Array;
  sentenceCount: number;
  sharedFrom: number;
}

const WORD = /[\p{L}\p{N}]+(?:['*]+[\p{L}\p{N}]+)*/gu;
const DIGIT = /\p{N}/gu;
const HAS_DIGIT = /\p{N}/u;
const SENTENCE_BREAK = new RegExp(String.raw`(?<=[.!?\u2026])${NO_BREAK_AFTER}\s+|\n+`, 'u');
/** capitals words in a row: "I SAID NO" shouts, "CHAPS, BACS or SWIFT" names payment schemes */
const CAPS_RUN = /\b\p{Lu}{3,}(?:\s+\p{Lu}{2,})*\b/gu;
const MARKDOWN_HEADING = /(?:^|\s)-?#{1,3}\s[^\n]*/gu;
const LETTER_ONE = /\p{L}/u;
const UPPER_ONE = /\p{Lu}/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const SCARE_QUOTES = /["'][^"'\s]{2,20}["']/u;
const MAX_NGRAM_TOKEN = 24;
/** character n-grams of 3 to this many characters (with the word-edge marks) */
const MAX_NGRAM = 5;
const MAX_TOKENS = 400;
/** sentences read on their own; a longer reply's further sentences count only within the whole */
const MAX_SENTENCES = 24;

const NS = {
  lang: namespaceSeed('lang'),
  word: namespaceSeed('w'),
  pair: namespaceSeed('b'),
  first: namespaceSeed('f'),
  last: namespaceSeed('l'),
  chars: namespaceSeed('c'),
  shape: namespaceSeed('shape'),
  customer: namespaceSeed('cw'),
  customerByLength: namespaceSeed('cx'),
  customerChars: namespaceSeed('cc'),
  customerPair: namespaceSeed('cp'),
  lexicon: namespaceSeed('lx'),
} as const;

/**
 * A reusable feature writer: one per caller, so grading thousands of replies allocates no arrays.
 * Not re-entrant; the returned {@link SparseFeatures} is overwritten by the next call.
 */
export class FeatureExtractor {
  private indices = new Int32Array(2048);
  private values = new Float32Array(2048);
  private length = 0;
  private readonly mask: number;
  private readonly padded = new Uint16Array(MAX_NGRAM_TOKEN + 2);
  private ranges = new Int32Array(16 * 4);
  private sentenceCount = 0;

  constructor(readonly bucketBits: number) {
    this.mask = (1 << bucketBits) - 1;
  }

  extract(input: FeatureInput): SparseFeatures {
    this.length = 0;
    this.add(combine(NS.lang, input.lang === 'de' ? 1 : 2), 1);

    const text = clean(input.reply);
    const sentences = input.replySentences ?? (input.replyLower ?? normalize(text)).split(SENTENCE_BREAK);
    // kept one for one with the reply's sentences (an emoji-only sentence has no words), so sentence i is sentence i
    const bySentence = sentences.map((sentence) => wordsOfLower(sentence));
    const tokens = bySentence.flat();
    const lengthBucket = replyLengthBucket(tokens.length);
    this.sentenceCount = Math.min(bySentence.length, MAX_SENTENCES);
    if (this.ranges.length < this.sentenceCount * 4) this.ranges = new Int32Array(this.sentenceCount * 4);

    let start = this.length;
    // a sentence wholly in another script is not read at all (see wordsOfLower), not even as an empty one
    const otherScript = NON_LATIN_LETTER.test(text);
    const foreign = otherScript ? sentences.map(inOtherScript) : undefined;
    bySentence.forEach((words, index) => {
      const from = this.length;
      if (foreign?.[index] !== true) this.addSentenceWords(words);
      if (index < MAX_SENTENCES) this.setRange(index, 0, from, this.length);
    });
    this.addEnds(tokens);
    this.scaleFrom(start);

    start = this.length;
    bySentence.forEach((words, index) => {
      const from = this.length;
      for (const token of words) this.addCharGrams(token);
      if (index < MAX_SENTENCES) this.setRange(index, 2, from, this.length);
    });
    this.scaleFrom(start);

    const sharedFrom = this.length;
    this.addShape(otherScript ? withoutOtherScripts(text) : text, tokens.length);
    if (input.lexicon) this.addLexicon(input.lexicon, 'reply');

    const contextStart = this.length;
    // The customer's line alone first: the heads that judge the customer, not the reply, read only these.
    start = this.length;
    const customerSaid = wordsOf(input.customer);
    const customerWords = new Set(customerSaid);
    const customerHashes: number[] = [];
    for (const word of customerWords) {
      const h = hashRange(NS.customer, word, 0, word.length);
      customerHashes.push(h);
      this.add(h, 1);
    }
    this.scaleFrom(start);
    // word pairs in order: "are you …?" asks about the agent, "you are …" usually says what they are
    start = this.length;
    let previousWord = combine(NS.customerPair, 0x5354);
    for (const word of customerSaid) {
      const h = hashRange(NS.customerPair, word, 0, word.length);
      this.add(combine(NS.customerPair, combine(previousWord, h)), 1);
      previousWord = h;
    }
    if (customerSaid.length > 0) this.add(combine(NS.customerPair, combine(previousWord, 0x454e44)), 1);
    this.scaleFrom(start);
    // the customer's words as character n-grams: insults are compounds and coinages
    // ("Bürokratenziege", "jobsworth") that no word list holds
    start = this.length;
    for (const word of customerWords) this.addCharGrams(word, NS.customerChars);
    this.scaleFrom(start);
    const customerEnd = this.length;
    // crossed with the reply's length, so "I'm in a hurry" can learn to mind a long answer
    start = this.length;
    for (const h of customerHashes) this.add(combine(combine(NS.customerByLength, h), lengthBucket), 1);
    this.scaleFrom(start);
    // What the reply takes up of the customer's last line, and apart from it of their earlier turns:
    // read as one, an answer that named the card and the hotel from the first line ("I've lifted the
    // block, I'll call the hotel") read as naming the customer's situation, empathy 4 for a factual reply.
    const earlier = new Set<string>();
    for (const turn of input.history) if (turn.role === 'customer') for (const word of wordsOf(turn.text)) if (!customerWords.has(word)) earlier.add(word);
    const stems = stemsOf(tokens);
    this.addEcho(customerWords, stems, input.lexicon?.emotionalReaction ?? 0);
    if (earlier.size > 0) this.shape('echoEarlier', Math.min(echoCount(earlier, stems).echoed, 4));

    if (input.lexicon) this.addLexicon(input.lexicon, 'context');
    return {
      indices: this.indices,
      values: this.values,
      length: this.length,
      contextStart,
      customerEnd,
      sentenceRanges: this.ranges,
      sentenceCount: this.sentenceCount,
      sharedFrom,
    };
  }

  private setRange(sentence: number, slot: number, from: number, to: number): void {
    this.ranges[sentence * 4 + slot] = from;
    this.ranges[sentence * 4 + slot + 1] = to;
  }

  /** Words and word pairs of one sentence, the pairs marked at its start and end. */
  private addSentenceWords(tokens: readonly string[]): void {
    let previous = combine(NS.word, 0x5354); // sentence-start marker
    for (const token of tokens) {
      const h = hashRange(NS.word, token, 0, token.length);
      this.add(h, 1);
      this.add(combine(NS.pair, combine(previous, h)), 1);
      previous = h;
    }
    this.add(combine(NS.pair, combine(previous, 0x454e44)), 1); // sentence-end marker
  }

  /** The reply's first and last words: openers and codas ("With respect, …", "… Classy."). */
  private addEnds(tokens: readonly string[]): void {
    for (let i = 0; i < Math.min(2, tokens.length); i++) this.add(combine(NS.first, hashWord(tokens, i) + i), 1);
    for (let i = Math.max(0, tokens.length - 2); i < tokens.length; i++) {
      this.add(combine(NS.last, hashWord(tokens, i) + (tokens.length - i)), 1);
    }
  }

  private addCharGrams(token: string, seed: number = NS.chars): void {
    const n = Math.min(token.length, MAX_NGRAM_TOKEN);
    const padded = this.padded;
    padded[0] = 0x3c; // <
    for (let i = 0; i < n; i++) padded[i + 1] = token.charCodeAt(i);
    padded[n + 1] = 0x3e; // >
    const total = n + 2;
    for (let i = 0; i + 3 <= total; i++) {
      let h = seed;
      for (let j = i; j < i + MAX_NGRAM && j < total; j++) {
        h = hashCode(h, padded[j] ?? 0);
        if (j - i >= 2) this.add(h, 1);
      }
    }
  }

  private addShape(text: string, words: number): void {
    // a Discord heading ("# Update", "-# small print") is set large by markup, not shouted
    const unstyled = text.includes('#') ? text.replace(MARKDOWN_HEADING, ' ') : text;
    const [letters, upper] = countLetters(unstyled);
    let capsRun = 0;
    for (const run of unstyled.matchAll(CAPS_RUN)) capsRun = Math.max(capsRun, run[0].split(/\s+/u).length);
    const exclamations = countOf(text, '!');
    const questions = countOf(text, '?');
    const sentences = text === '' ? 0 : text.split(SENTENCE_BREAK).length;
    this.shape('len', replyLengthBucket(words));
    this.shape('sentences', Math.min(sentences, 6));
    this.shape('capsRun', Math.min(capsRun, 4));
    this.shape('upperShare', letters === 0 ? 0 : Math.min(5, Math.floor((upper / letters) * 10)));
    this.shape('exclaim', Math.min(exclamations, 3));
    this.shape('question', Math.min(questions, 3));
    if (text.includes('!!')) this.shape('exclaimRun', 1);
    if (text.includes('?!') || text.includes('!?')) this.shape('interrobang', 1);
    if (text.includes('...') || text.includes('\u2026')) this.shape('ellipsis', 1);
    if (SCARE_QUOTES.test(text)) this.shape('quotes', 1);
    if (EMOJI.test(text)) this.shape('emoji', 1);
  }

  /**
   * How much of the customer's last line the reply takes up (earlier turns count apart, see extract):
   * interpretation is naming the customer's situation in their terms ("three weeks", "your
   * husband"), which words alone cannot see. Words match on their first five letters, so German
   * inflections and compounds still meet.
   */
  private addEcho(customerWords: ReadonlySet<string>, stems: ReadonlySet<string>, emotion: number): void {
    const { echoed, content } = echoCount(customerWords, stems);
    const bucket = Math.min(echoed, 4);
    this.shape('echo', bucket);
    this.shape('echoShare', content === 0 ? 0 : Math.min(4, Math.floor((echoed / content) * 5)));
    this.shape(`echoWithFeeling${emotion}`, bucket);
  }

  /** The lexicons' reading of the reply, or of its context (the customer's insult, an earlier warning). */
  private addLexicon(facts: LexiconFacts, part: 'reply' | 'context'): void {
    if (part === 'context') {
      if (facts.customerAbusive) this.lexicon('abusive', 1);
      if (facts.earlierWarning) this.lexicon('warnedBefore', 1);
      return;
    }
    this.lexicon('composure', facts.composureScore);
    for (const flag of facts.composureFlags) this.lexicon(`flag:${flag}`, 1);
    this.lexicon('er', facts.emotionalReaction);
    this.lexicon('in', facts.interpretation);
    this.lexicon('ex', facts.exploration);
    for (const limit of facts.empathyLimits) this.lexicon(`limit:${limit}`, 1);
    if (facts.offersSolution) this.lexicon('offer', facts.solutionHasTime ? 2 : 1);
    if (facts.endsConversation) this.lexicon('ends', facts.endsExplicitly ? 2 : 1);
    if (facts.warnsOfEnding) this.lexicon('warns', 1);
    if (facts.namesBehaviour) this.lexicon('names', 1);
  }

  private shape(name: string, bucket: number): void {
    this.add(combine(hashRange(NS.shape, name, 0, name.length), bucket), 1);
  }

  private lexicon(name: string, bucket: number): void {
    this.add(combine(hashRange(NS.lexicon, name, 0, name.length), bucket), 1);
  }

  private add(hash: number, value: number): void {
    if (this.length === this.indices.length) this.grow();
    this.indices[this.length] = mix(hash) & this.mask;
    this.values[this.length] = value;
    this.length++;
  }

  /** Features from `start` on scaled to unit length: a long reply does not shout louder than a short one. */
  private scaleFrom(start: number): void {
    const count = this.length - start;
    if (count <= 1) return;
    const scale = 1 / Math.sqrt(count);
    for (let i = start; i < this.length; i++) this.values[i] = (this.values[i] ?? 0) * scale;
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    const values = new Float32Array(this.values.length * 2);
    values.set(this.values);
    this.indices = indices;
    this.values = values;
  }
}

/** A letter of a script other than Latin (Cyrillic, Greek, Arabic, CJK …). */
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const ANY_LETTER = /\p{L}/u;

/** A sentence with letters, none of them Latin: the model learned nothing it could read there. */
function inOtherScript(sentence: string): boolean {
  return ANY_LETTER.test(sentence) && !LATIN_LETTER.test(sentence);
}

/** The text without its sentences written wholly in another script: their length and punctuation say nothing the model learned. */
function withoutOtherScripts(text: string): string {
  return text
    .split(SENTENCE_BREAK)
    .filter((sentence) => !inOtherScript(sentence))
    .join(' ');
}

/** Lower-cased, umlauts folded, digits as 0: "Ärger"/"aerger" and "15:30"/"09:00" look alike. */
export function wordsOf(text: string): string[] {
  return wordsOfLower(normalize(text));
}

/** {@link wordsOf} of text that is already normalised (cleaned, lower-cased). */
function wordsOfLower(lower: string): string[] {
  const matched = foldLetters(lower).match(WORD) ?? [];
  // The model learned German and English: a word in another script is only noise to it, and its
  // hashed features would land on rows that mean something else ("Мне очень жаль" read as hostile).
  const words = NON_LATIN_LETTER.test(lower) ? matched.filter((word) => !NON_LATIN_LETTER.test(word)) : matched;
  const kept = words.length > MAX_TOKENS ? words.slice(0, MAX_TOKENS) : words;
  return kept.map((word) => (HAS_DIGIT.test(word) ? word.replace(DIGIT, '0') : word));
}

/** The reply's words as echo stems: their first five letters, words of four letters or more. */
function stemsOf(tokens: readonly string[]): Set<string> {
  const stems = new Set<string>();
  for (const token of tokens) if (token.length >= 4) stems.add(token.slice(0, 5));
  return stems;
}

/** How many of the customer's content words (four letters or more) the reply's stems take up. */
function echoCount(customerWords: ReadonlySet<string>, stems: ReadonlySet<string>): { echoed: number; content: number } {
  let echoed = 0;
  let content = 0;
  for (const word of customerWords) {
    if (word.length < 4) continue;
    content++;
    if (stems.has(word.slice(0, 5))) echoed++;
  }
  return { echoed, content };
}

/** Reply length in words, bucketed: the cut points of the corpus's length bands. */
function replyLengthBucket(words: number): number {
  if (words < 4) return 0;
  if (words < 8) return 1;
  if (words < 16) return 2;
  if (words < 36) return 3;
  if (words < 71) return 4;
  return 5;
}

function hashWord(tokens: readonly string[], index: number): number {
  const token = tokens[index] ?? '';
  return hashRange(NS.word, token, 0, token.length);
}

/** Letters and upper-case letters, without building an array of matches. */
function countLetters(text: string): [number, number] {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 97 && code <= 122) letters++;
      else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      }
    } else {
      const char = text.charAt(i);
      if (LETTER_ONE.test(char)) {
        letters++;
        if (UPPER_ONE.test(char)) upper++;
      }
    }
  }
  return [letters, upper];
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}
