import type { Language } from './grade.js';
import { clean, foldLetters, tokenize } from './text.js';

/**
 * Pattern helpers for the offline grader's lexicons (empathy, boundary, signals). Patterns are
 * written readably in lower case (umlauts, `\b`) and compiled once at module load into Unicode
 * expressions that also accept the folded spellings (ä/ae, ö/oe, ü/ue, ß/ss). They run on the
 * lower-cased text (a case-insensitive expression is markedly slower), and evidence is cut from the
 * text as the trainee wrote it.
 */

// JavaScript's \b only knows ASCII letters; in German text it would split "Ärger" before the Ä.
// Each \b of a lexicon becomes a one-sided Unicode check: before a word ("\bich") no letter may
// precede, after a word ("leid\b") none may follow. One lookaround is half the work of a symmetric
// boundary, which matters because every pattern runs over every reply.
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
const UMLAUTS: Readonly<Record<string, string>> = { ä: '(?:ä|ae)', ö: '(?:ö|oe)', ü: '(?:ü|ue)', ß: '(?:ß|ss)' };
const STARTS_WORD = /^(?:[\p{L}\p{N}]|\((?!\?[=!])|\\[pdw])/u;

/** Compiles a lexicon pattern for lower-cased text; `flags` are added to `u`. Call only at module load. */
export function pattern(source: string, flags = ''): RegExp {
  const bounded = source.replace(/\\b/g, (_match, offset: number) => (STARTS_WORD.test(source.slice(offset + 2, offset + 6)) ? WORD_START : WORD_END));
  const expanded = bounded.replace(/[äöüß]/g, (letter) => UMLAUTS[letter] ?? letter);
  return warmedUp(new RegExp(expanded, `u${flags}`));
}

// V8 interprets a regular expression on its first run and compiles it to machine code on the
// second; running each once here keeps the first real (possibly long) reply off the slow path.
function warmedUp(re: RegExp): RegExp {
  re.test('warm up, ich verstehe Sie. Okay?');
  re.lastIndex = 0;
  return re;
}

/** A lexicon per session language: each reply is scanned only with its own language's entries. */
type ByLanguage<T> = Readonly<Record<Language, T>>;

export function bilingual(entries: ByLanguage<readonly string[]>, flags = ''): ByLanguage<RegExp> {
  return { de: pattern(anyOf(entries.de), flags), en: pattern(anyOf(entries.en), flags) };
}

export function globalOfEach(patterns: ByLanguage<RegExp>): ByLanguage<RegExp> {
  return { de: globalOf(patterns.de), en: globalOf(patterns.en) };
}

/** `(?:a|b|c)` from lexicon entries that are themselves patterns. */
export function anyOf(parts: readonly string[]): string {
  return `(?:${parts.join('|')})`;
}

/** Shortens a quote for evidence and feedback; whole words, with an ellipsis when cut. */
export function quote(text: string, max = 90): string {
  // an e-mail's salutation run into its first sentence is not what the feedback is about
  const trimmed = text.trim().replace(LEADING_SALUTATION, '');
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The greetings a letter opens with before a name; the courtesy frame below knows a few more. */
const SALUTATION = String.raw`dear|hi|hello|good\s+(?:morning|afternoon|evening)|sehr\s+geehrte[rs]?|liebe[rs]?|hallo|guten\s+(?:tag|morgen|abend)`;

/** "Dear Dr Hartmann, " / „Sehr geehrte Frau Dr. Hartmann, ": a greeting and a name (one to five words), a comma, then the sentence. */
const LEADING_SALUTATION = new RegExp(String.raw`^(?:${SALUTATION})(?:\s+[^\s,.!?]+\.?){1,5},\s+(?=\S)`, 'iu');

/** Room a quote keeps for the clause it is about, when the clause starts late in a long text. */
const CLAUSE_ROOM = 40;

/**
 * Like {@link quote}, for a text whose point is the clause starting at `at`: when a quote from the
 * start would show too little of that clause, the quote starts there ("…I'm refunding the fee").
 */
export function quoteAt(text: string, at: number, max = 90): string {
  if (text.trim().length <= max || at <= max - CLAUSE_ROOM) return quote(text, max);
  return `…${quote(text.slice(at), max)}`;
}

/** A text split once for all checks: cleaned, in sentences, as written and lower-cased. */
export interface PreparedText {
  /** the sentences joined by single spaces, as written (for quoting) */
  readonly text: string;
  readonly sentences: readonly string[];
  /** `text` and `sentences` lower-cased: what the lexicons run on */
  readonly lower: string;
  readonly lowerSentences: readonly string[];
  /** where each sentence starts in `lower` */
  readonly starts: readonly number[];
}

/** Titles, abbreviations and German dates whose full stop ends no sentence ("Frau Dr. Hartmann", "Mr. Brandt", "bzw.", "am 28. November"). */
export const NO_BREAK_AFTER = String.raw`(?<!\b(?:Dr|Prof|Mr|Mrs|Ms|Hr|Fr|Nr|St|Dipl|Ing|bzw|ca|vgl|z|u|d)\.)(?<!\b(?:z\.\s?B|u\.\s?a|d\.\s?h)\.)(?!(?<=\b\d{1,2}\.)\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)`;
const SENTENCE_SPLIT = new RegExp(String.raw`(?<=[.!?\u2026])${NO_BREAK_AFTER}\s+`, 'u');
const LINE_SPLIT = /\r?\n+/;

export function prepare(text: string): PreparedText {
  // clean() collapses line breaks, so split on them first: a line break ends a sentence.
  const sentences: string[] = [];
  for (const line of (typeof text === 'string' ? text : '').split(LINE_SPLIT)) {
    for (const part of clean(line).split(SENTENCE_SPLIT)) {
      const sentence = part.trim();
      if (sentence) sentences.push(sentence);
    }
  }
  return fromSentences(sentences);
}

export function fromSentences(sentences: readonly string[]): PreparedText {
  const lowerSentences = sentences.map((sentence) => sentence.toLowerCase());
  const starts: number[] = [];
  let offset = 0;
  for (const sentence of lowerSentences) {
    starts.push(offset);
    offset += sentence.length + 1;
  }
  return { text: sentences.join(' '), sentences, lower: lowerSentences.join(' '), lowerSentences, starts };
}

/** The words of a match in a sentence as written; lower case only where lower-casing changed lengths (İ). */
function asWritten(prepared: PreparedText, sentence: number, offset: number, length: number, lowered: string): string {
  const original = prepared.sentences[sentence];
  const lower = prepared.lowerSentences[sentence];
  if (original === undefined || lower === undefined || original.length !== lower.length) return lowered;
  return original.slice(offset, offset + length);
}

/** The first match of a (non-global) pattern in the prepared text, as written. */
export function findIn(re: RegExp, prepared: PreparedText): string | undefined {
  const match = re.exec(prepared.lower);
  if (!match) return undefined;
  const sentence = sentenceAt(prepared.starts, match.index);
  return asWritten(prepared, sentence, match.index - (prepared.starts[sentence] ?? 0), match[0].length, match[0]);
}

/**
 * Runs a global pattern once over the whole text (or a same-length variant of it) and groups the
 * matches by the sentence they start in. One scan instead of one per sentence keeps long replies cheap.
 */
export function matchesBySentence(re: RegExp, prepared: PreparedText, text: string = prepared.lower): Map<number, string[]> {
  const bySentence = new Map<number, string[]>();
  if (!re.global) throw new TypeError('matchesBySentence needs a global pattern');
  const { starts } = prepared;
  // exec on the shared pattern instead of matchAll, which clones the expression on every call;
  // lastIndex is reset before and after, and nothing else runs in between.
  re.lastIndex = 0;
  try {
    for (let match = re.exec(text); match !== null; match = re.exec(text)) {
      if (match[0] === '') re.lastIndex += 1;
      const index = sentenceAt(starts, match.index);
      const words = asWritten(prepared, index, match.index - (starts[index] ?? 0), match[0].length, match[0]);
      const list = bySentence.get(index);
      if (list) list.push(words);
      else bySentence.set(index, [words]);
    }
  } finally {
    re.lastIndex = 0;
  }
  return bySentence;
}

function sentenceAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The same pattern with the `g` flag, for {@link matchesBySentence} and `matchAll`. */
export function globalOf(re: RegExp): RegExp {
  return warmedUp(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`));
}

const STOP_WORDS = new Set(
  [
    // English
    'about',
    'after',
    'again',
    'also',
    'always',
    'another',
    'anything',
    'because',
    'been',
    'before',
    'being',
    'cannot',
    'could',
    'didn',
    'does',
    'doesn',
    'doing',
    'don',
    'down',
    'each',
    'even',
    'ever',
    'every',
    'from',
    'have',
    'having',
    'here',
    'into',
    'just',
    'know',
    'like',
    'make',
    'many',
    'more',
    'most',
    'much',
    'must',
    'need',
    'never',
    'nothing',
    'only',
    'other',
    'over',
    'please',
    'really',
    'right',
    'said',
    'same',
    'should',
    'since',
    'some',
    'something',
    'still',
    'such',
    'sure',
    'take',
    'tell',
    'than',
    'thank',
    'thanks',
    'that',
    'their',
    'them',
    'then',
    'there',
    'these',
    'they',
    'thing',
    'things',
    'this',
    'those',
    'through',
    'time',
    'today',
    'very',
    'want',
    'wanted',
    'well',
    'were',
    'what',
    'when',
    'where',
    'which',
    'while',
    'will',
    'with',
    'without',
    'would',
    'your',
    'yours',
    'yourself',
    'understand',
    'sorry',
    'help',
    "can't",
    "don't",
    "won't",
    "i'm",
    "you're",
    "it's",
    "that's",
    'going',
    'able',
    'look',
    "let's",
    'okay',
    'hello',
    'customer',
    'call',
    'problem',
    'problems',
    'issue',
    'issues',
    'situation',
    'matter',
    'feel',
    'feeling',
    'this',
    'mean',
    // German (folded)
    'aber',
    'alle',
    'alles',
    'also',
    'auch',
    'bitte',
    'dann',
    'danke',
    'darf',
    'darum',
    'dass',
    'dein',
    'deine',
    'dem',
    'den',
    'denn',
    'der',
    'des',
    'dies',
    'diese',
    'diesem',
    'diesen',
    'dieser',
    'dieses',
    'doch',
    'dort',
    'durch',
    'eine',
    'einem',
    'einen',
    'einer',
    'eines',
    'etwas',
    'euch',
    'euer',
    'fuer',
    'gern',
    'gerne',
    'habe',
    'haben',
    'hatte',
    'hier',
    'ihnen',
    'ihre',
    'ihrem',
    'ihren',
    'ihrer',
    'ihres',
    'immer',
    'jetzt',
    'kann',
    'kein',
    'keine',
    'koennen',
    'koennte',
    'leid',
    'mach',
    'machen',
    'mein',
    'meine',
    'mich',
    'mir',
    'mit',
    'muss',
    'nach',
    'nicht',
    'nichts',
    'noch',
    'nur',
    'oder',
    'ohne',
    'schon',
    'sehr',
    'sein',
    'seine',
    'sich',
    'sind',
    'sollen',
    'soll',
    'ueber',
    'und',
    'unser',
    'unsere',
    'verstehe',
    'viel',
    'vom',
    'von',
    'waere',
    'war',
    'waren',
    'warum',
    'weil',
    'wenn',
    'werde',
    'werden',
    'wieder',
    'will',
    'wir',
    'wird',
    'wirklich',
    'wollen',
    'wuerde',
    'zum',
    'zur',
    'heute',
    'einfach',
    'eigentlich',
    'mal',
    'gibt',
    'geht',
    'ganz',
    'gut',
    'helfen',
    'tut',
    'sagen',
    'sage',
    'gesagt',
    'problem',
    'probleme',
    'situation',
    'anliegen',
    'sache',
    'frage',
    'fall',
    'verstehen',
    'leider',
  ].map((word) => foldLetters(word)),
);

/**
 * A sentence that is only the frame of a message: a greeting ("Dear Dr Hartmann,", „Sehr geehrte
 * Frau Dr. Hartmann") or a sign-off ("Kind regards", „Mit freundlichen Grüßen"). It is never the
 * sentence a reply is marked down for.
 */
const COURTESY_FRAME = pattern(
  String.raw`^\s*(?:` +
    // a greeting and a name (up to five words, "Dr." included), nothing after it
    String.raw`(?:${SALUTATION}|hey|grüß\s+gott|moin)(?:\s+[^\s,.!?]+\.?){0,5}` +
    // a sign-off, then at most a comma and a name or team
    String.raw`|(?:(?:with\s+)?(?:best|kind|warm|warmest|many)\s+(?:regards|wishes)|regards|best|cheers|sincerely|yours(?:\s+sincerely|\s+faithfully|\s+truly)?|many\s+thanks|thanks(?:\s+again)?` +
    String.raw`|(?:mit\s+)?(?:freundlichen|besten|herzlichen|lieben|sonnigen)\s+grüßen|(?:viele|beste|herzliche|liebe|freundliche)\s+grüße|gruß|lg|mfg|vg|danke(?:\s+und\s+gruß)?)(?:\s*,\s*[^.!?,]{1,40})?` +
    String.raw`)\s*[.,!:]?\s*$`,
  'i',
);

export function courtesyFrame(sentence: string): boolean {
  return COURTESY_FRAME.test(sentence);
}

/**
 * The content words of a text (folded, at least four letters, no stop words), for telling whether a
 * reply speaks about what this customer said.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const token of tokenize(text)) {
    if (token.length < 4) continue;
    const word = foldLetters(token);
    if (!STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Herrn|Frau)\.?\s+(?:(?:Dr|Prof)\.?\s+)?(\p{Lu}[\p{L}'-]+)/gu;

/**
 * The names a text addresses someone by ("Dear Dr Hartmann", „Frau Lindner"), as content words:
 * saying the customer's name back is courtesy, not a sign of having heard what they said.
 */
export function addressedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(TITLED_NAME)) for (const word of contentWords(match[1] ?? '')) names.add(word);
  return names;
}

/**
 * Content words of `reply` that refer to something in `customer`: the same word, or (for German
 * compounds and inflections) one contained in the other with at least five letters ("Karte" in
 * "Kreditkartenabrechnung", "gesperrt"/"gesperrte").
 */
export function sharedWords(replyWords: readonly string[], customerWords: ReadonlySet<string>): string[] {
  const shared: string[] = [];
  for (const word of replyWords) {
    if (customerWords.has(word)) {
      shared.push(word);
      continue;
    }
    if (word.length < 5) continue;
    for (const other of customerWords) {
      if (other.length >= 5 && (other.includes(word) || word.includes(other))) {
        shared.push(word);
        break;
      }
    }
  }
  return shared;
}
