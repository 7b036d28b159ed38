/**
 * Text normalisation shared by every offline check (composure, abuse, empathy, boundary, signals).
 *
 * All functions are pure, never throw for any string, and run in linear time: every regular
 * expression is built once at module load and has no nested quantifiers that could backtrack.
 */

/** Longer input is cut here; a trainee reply or customer line is never legitimately longer. */
export const MAX_TEXT_LENGTH = 20_000;

// Format characters (zero-width space/joiner, soft hyphen, BOM, bidi embeddings, overrides and isolates)
// and control characters other than whitespace. Null bytes land here too.
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000E-\u001F\u007F-\u009F]/gu;
// Combining marks after NFKD decomposition: zalgo stacks and accents. Only the diaeresis right
// after a, o or u is kept, so German umlauts recompose (NFC) while everything else is stripped.
const COMBINING = /([aouAOU])\u0308|\p{M}/gu;
const ANY_MARK = /\p{M}/u;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const WHITESPACE = /\s+/gu;
const SPACES_BUT_NEWLINE = /[^\S\n]+/gu;
const LINE_BREAKS = / ?\n[\s]*/gu;
const GERMAN_FOLDS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const GERMAN_LETTERS = /[äöüß]/g;
const HAS_GERMAN_LETTER = /[äöüß]/;
// A word: letters/digits, optionally joined by apostrophes (you're, geht's) or by asterisks of a
// censored swear word (f*ck). The joiners are disjoint from the word class, so matching stays linear.
const WORD = /[\p{L}\p{N}]+(?:['*]+[\p{L}\p{N}]+)*\**/gu;
// Sentence ends: terminal punctuation (runs of it) followed by space, or line breaks.
const SENTENCE_BREAK = /(?<=[.!?\u2026])\s+|\n+/u;

function truncate(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

/**
 * Cleans text without changing letter case: compatibility normalisation (NFKD, then NFC), drops
 * invisible/control characters and combining marks (zalgo, accents; umlauts are kept), unifies
 * typographic quotes and dashes, collapses whitespace. Use it for quoting evidence; use
 * {@link normalize} for matching.
 */
export function clean(text: string): string {
  return unify(text).replace(WHITESPACE, ' ').trim();
}

function keepUmlaut(_mark: string, vowel: string | undefined): string {
  return vowel === undefined ? '' : `${vowel}\u0308`;
}

/** Drops combining marks except umlaut dots; input and output are composed (NFC). */
function stripMarks(text: string): string {
  return ANY_MARK.test(text) ? text.normalize('NFD').replace(COMBINING, keepUmlaut).normalize('NFC') : text;
}

/**
 * One grade reads the reply and the customer's line through several checks, each cleaning them
 * again; the last few results are kept (a pure function of the string, so nothing can go stale).
 */
const RECENT = 4;
const recentInputs: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);
const recentOutputs: string[] = new Array<string>(RECENT).fill('');
let recentNext = 0;

function unify(text: string): string {
  for (let i = 0; i < RECENT; i++) if (recentInputs[i] === text) return recentOutputs[i] ?? '';
  const unified = unifyUncached(text);
  recentInputs[recentNext] = text;
  recentOutputs[recentNext] = unified;
  recentNext = (recentNext + 1) % RECENT;
  return unified;
}

function unifyUncached(text: string): string {
  const visible = truncate(typeof text === 'string' ? text : '').replace(INVISIBLE, '');
  // Without combining marks NFKC leaves none behind; with them (zalgo), decompose fully first so
  // that marks NFKC would fuse into a letter (l + cedilla → ļ) are stripped as well.
  const composed = ANY_MARK.test(visible) ? visible.normalize('NFKD').replace(COMBINING, keepUmlaut).normalize('NFC') : visible.normalize('NFKC');
  return composed.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** {@link clean} plus lower case. Umlauts and ß are kept (see {@link foldGerman} to fold them). */
export function normalize(text: string): string {
  // Lower-casing can produce combining marks (İ → i̇), so strip them once more.
  return stripMarks(clean(text).toLowerCase());
}

/** Folds German special letters so that "Scheiß" and "Scheiss", "blöd" and "bloed" compare equal. */
export function foldLetters(lowerText: string): string {
  return HAS_GERMAN_LETTER.test(lowerText) ? lowerText.replace(GERMAN_LETTERS, (letter) => GERMAN_FOLDS[letter] ?? letter) : lowerText;
}

/** {@link normalize} plus ä→ae, ö→oe, ü→ue, ß→ss, for matching both spellings. */
export function foldGerman(text: string): string {
  return foldLetters(normalize(text));
}

/** The words of the normalized text, in order (punctuation dropped). */
export function tokenize(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

/**
 * The sentences of the cleaned text (case preserved, so they can be quoted), split after `.`, `!`,
 * `?`, `…` followed by a space, and at line breaks. Empty sentences are dropped.
 */
export function sentences(text: string): string[] {
  const result: string[] = [];
  for (const part of unify(text).split(SENTENCE_BREAK)) {
    const sentence = clean(part);
    if (sentence) result.push(sentence);
  }
  return result;
}

/** One word of a scanned text, with its position in the cleaned text so evidence can be quoted. */
export interface ScannedToken {
  /** lower-cased and German-folded form, for lexicon lookups */
  readonly word: string;
  /** the word as written (cleaned, case preserved) */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** index of the clause the word is in; clauses end at , ; : . ! ? and line breaks */
  readonly clause: number;
  /** index of the sentence the word is in */
  readonly sentence: number;
}

/** A text prepared once for all lexicon checks. */
export interface ScannedText {
  /** cleaned, case preserved */
  readonly text: string;
  readonly tokens: readonly ScannedToken[];
}

const NO_BREAK = 0;
const CLAUSE_BREAK = 1;
const SENTENCE_BREAK_KIND = 2;

/** What the characters between two words end: nothing, a clause (, ; : - ( )) or a sentence (. ! ? … line break). */
function gapKind(text: string, from: number, to: number): number {
  let kind = NO_BREAK;
  for (let at = from; at < to; at += 1) {
    switch (text.charCodeAt(at)) {
      case 0x2e: // .
      case 0x21: // !
      case 0x3f: // ?
      case 0x2026: // …
      case 0x0a: // line break
        return SENTENCE_BREAK_KIND;
      case 0x2c: // ,
      case 0x3b: // ;
      case 0x3a: // :
      case 0x28: // (
      case 0x29: // )
      case 0x2d: // -
        kind = CLAUSE_BREAK;
        break;
      default:
        break;
    }
  }
  return kind;
}

// Folded lookup forms of words seen before; words repeat a lot, and folding is pure.
const FOLDED_WORDS = new Map<string, string>();
const FOLDED_WORDS_LIMIT = 50_000;

function foldedWord(raw: string): string {
  let word = FOLDED_WORDS.get(raw);
  if (word === undefined) {
    word = foldLetters(stripMarks(raw.toLowerCase()));
    if (FOLDED_WORDS.size >= FOLDED_WORDS_LIMIT) FOLDED_WORDS.clear();
    FOLDED_WORDS.set(raw, word);
  }
  return word;
}

/**
 * Cleans and tokenizes a text once, recording for every word its folded form, its position and
 * the clause and sentence it belongs to. The checks match lexicons against `word` and quote `raw`.
 */
export function scan(text: string): ScannedText {
  // Like clean(), but line breaks survive: they end a sentence.
  const cleaned = unify(text).replace(SPACES_BUT_NEWLINE, ' ').replace(LINE_BREAKS, '\n').trim();
  const tokens: ScannedToken[] = [];
  let clause = 0;
  let sentence = 0;
  let previousEnd = 0;
  for (const match of cleaned.matchAll(WORD)) {
    const start = match.index;
    if (tokens.length > 0) {
      const kind = gapKind(cleaned, previousEnd, start);
      if (kind === SENTENCE_BREAK_KIND) {
        sentence += 1;
        clause += 1;
      } else if (kind === CLAUSE_BREAK) {
        clause += 1;
      }
    }
    const raw = match[0];
    tokens.push({
      word: foldedWord(raw),
      raw,
      start,
      end: start + raw.length,
      clause,
      sentence,
    });
    previousEnd = start + raw.length;
  }
  return { text: cleaned, tokens };
}

// --- reading text the way a language model reads it -------------------------------------------

/** Cyrillic and Greek letters drawn exactly like Latin ones (the usual homoglyph disguise). */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  Ү: 'Y',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
const HAS_LOOKALIKE = new RegExp(LOOKALIKE.source, 'u');
const LATIN_LETTER = /[A-Za-z]/;
const LATIN_LETTERS = /[A-Za-z]/g;
const OTHER_LETTERS = /[^\P{L}A-Za-z\u00C0-\u024F]/gu;
const LETTER_RUN = /\p{L}+/gu;
// Emphasis and code markers a reader skips over (`**ignore**`, `` `system:` ``, a code fence, whose
// backticks unify() has already turned into apostrophes); `_` and `|` stay, they are part of
// chat-template tokens.
const EMPHASIS = /[*~`]+|'{3,}[\w-]*/g;
// Block-quote markers at the start of a line (`> `, `>>> `).
const QUOTE_MARKERS = /^[ \t]*(?:>+[ \t]*)+/gmu;

function lookalike(letter: string): string {
  return LOOKALIKES[letter] ?? letter;
}

/**
 * Reads Cyrillic and Greek look-alikes as the Latin letters they imitate: in every word that mixes
 * them with Latin letters, and everywhere when the text is mostly Latin. A Russian or Greek reply
 * keeps its letters.
 */
export function foldLookalikes(text: string): string {
  if (!HAS_LOOKALIKE.test(text)) return text;
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  const other = text.match(OTHER_LETTERS)?.length ?? 0;
  if (latin > other) return text.replace(LOOKALIKE, lookalike);
  return text.replace(LETTER_RUN, (word) => (LATIN_LETTER.test(word) ? word.replace(LOOKALIKE, lookalike) : word));
}

/**
 * The text as a model reads it, for spotting instructions hidden in a reply: invisible characters,
 * zalgo marks and soft hyphens dropped, compatibility forms (full-width letters) and homoglyphs read
 * as plain letters, emphasis markers removed, spaces collapsed. Line breaks are kept; see
 * {@link flattenLines} for the text read across them.
 */
export function readableText(text: string): string {
  return foldLookalikes(unify(text)).replace(EMPHASIS, '').replace(QUOTE_MARKERS, '').replace(SPACES_BUT_NEWLINE, ' ').replace(LINE_BREAKS, '\n').trim();
}

/** {@link readableText} read across line breaks: one line, single spaces. */
export function flattenLines(readable: string): string {
  return readable.replace(WHITESPACE, ' ');
}

// --- Discord markdown -------------------------------------------------------------------------

// `[label](url "title")`: the reader sees the label.
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(\s*(?:<[^<>\n]*>|[^\s()<>]*)(?:\s+"[^"\n]*")?\s*\)/g;
const BARE_URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>()[\]]+/giu;
// Emphasis around words (`**now**`, `*so*`, `__really__`, `~~no~~`), never inside a word, so a
// censored swear word (`f**k`, `sh**`) keeps its stars. The content holds no marker characters,
// which keeps the scan linear.
const EMPHASIS_PAIR = /(?<![\p{L}\p{N}*_~\\])(\*{1,3}|_{1,2}|~~)(?=[\p{L}\p{N}])([^*_~\n]+?)(?<=[\p{L}\p{N}.!?,;:)'"])\1(?![\p{L}\p{N}*_~])/gu;
// A code fence (```, ```ts) frames text; the reader sees the text, not the backticks.
const CODE_FENCE = /```[a-z0-9+-]*/giu;
// Pings of everyone or of a user, role or channel are addressing, not words to the customer.
const MENTION = /(?<![\p{L}\p{N}.])[@\uff20]+[\u200b-\u200d\u2060\ufeff]*(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/giu;
const MAY_HAVE_MARKUP = /[*_~[`@\uff20<]|https?:|www\./i;
const NESTED_EMPHASIS = 3;

/**
 * The words a reader sees in a Discord message: a masked link shows its label, a URL is no words
 * at all, emphasis markers around words are dropped (a bold `**now**` is not a censored swear
 * word), and so are code fences and pings (@everyone, <@123>). Everything else is left as written.
 */
export function plainText(text: string): string {
  if (typeof text !== 'string' || !MAY_HAVE_MARKUP.test(text)) return typeof text === 'string' ? text : '';
  let plain = text.replace(MARKDOWN_LINK, '$1').replace(BARE_URL, ' ').replace(CODE_FENCE, ' ').replace(MENTION, ' ');
  for (let pass = 0; pass < NESTED_EMPHASIS; pass++) {
    const next = plain.replace(EMPHASIS_PAIR, '$2');
    if (next === plain) break;
    plain = next;
  }
  return plain;
}
