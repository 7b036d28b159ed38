import { foldLetters, scan, type ScannedText, type ScannedToken } from '../text.js';
import { DE_LEXICON } from './de.js';
import { EN_LEXICON } from './en.js';
import type { AbuseRule, ComposureRule, LanguageLexicon } from './lexicon-types.js';
import { PatternMatcher, toMatchTokens, type MatchToken, type PatternMatch } from './matcher.js';

/**
 * A language's lexicon compiled once into matchers, plus the context checks every rule shares:
 * negation, mention ("the word 'idiot'") and address (is the word aimed at the reader).
 */
export interface CompiledLexicon {
  readonly lang: 'de' | 'en';
  readonly composure: PatternMatcher<ComposureRule>;
  readonly abuse: PatternMatcher<AbuseRule>;
  readonly data: LanguageLexicon;
  /**
   * Whether a negation just before a match, or inside it ("you're not stupid"), cancels it. A
   * pattern that spells out its own negation ("you didn't read", "keine Ahnung") is only checked
   * before its start.
   */
  isNegated(tokens: readonly MatchToken[], scanned: readonly ScannedToken[], match: PatternMatch<unknown>): boolean;
  isAddressWord(token: MatchToken): boolean;
  isInClass(className: string, token: MatchToken): boolean;
  /** a word that makes a short reply polite rather than curt (`politeness` list, folded) */
  isPolite(token: MatchToken): boolean;
}

/** A text scanned and prepared for matching in one language. */
export interface PreparedText {
  readonly scanned: ScannedText;
  readonly tokens: readonly MatchToken[];
  /** number of words in each clause, by clause index */
  readonly clauseSizes: readonly number[];
}

const NEGATION_WINDOW = 4;
const MENTION_WINDOW = 4;
/**
 * German puts the verb last, so the word that makes an insult a mention can come further after it:
 * „als Amateur lasse ich mich nicht bezeichnen“ (five words on), „als Trottel möchte ich von Ihnen bitte nicht bezeichnet werden“ (seven); still only within the clause.
 */
const MENTION_AFTER_WINDOW = 8;
const QUOTE = /["']/;

function compile(lang: 'de' | 'en', data: LanguageLexicon): CompiledLexicon {
  const classes = data.classes;
  const composure = new PatternMatcher(
    data.composure.map((rule) => ({ tag: rule, patterns: rule.patterns })),
    classes,
    data.affixExceptions,
  );
  const abuse = new PatternMatcher(
    data.abuse.map((rule) => ({ tag: rule, patterns: rule.patterns })),
    classes,
    data.affixExceptions,
  );
  const classElements = new Map(Object.keys(classes).map((name) => [name, composure.element([`@${name}`])] as const));
  const isInClass = (className: string, token: MatchToken): boolean => {
    const element = classElements.get(className);
    return element !== undefined && composure.matchesWord(element, token);
  };
  const negators = new Set((classes['negator'] ?? []).map((word) => foldLetters(word.toLowerCase())));
  const ownNegation = new Map<string, boolean>();
  const spellsOutNegation = (source: string): boolean => {
    let known = ownNegation.get(source);
    if (known === undefined) {
      known = source.split(/[\s|]+/).some((word) => negators.has(foldLetters(word.toLowerCase())) || word.endsWith("n't"));
      ownNegation.set(source, known);
    }
    return known;
  };
  const polite = new Set(data.politeness.map((word) => foldLetters(word.toLowerCase())));
  return {
    lang,
    composure,
    abuse,
    data,
    isInClass,
    isPolite: (token) => polite.has(token.word),
    isAddressWord: (token) => isInClass('you', token),
    isNegated(tokens, scanned, match) {
      const { start } = match;
      const clause = scanned[start]?.clause;
      const from = spellsOutNegation(match.source) ? start - 1 : match.end - 1;
      // Articles carry no scope: "no such thing as a stupid question" is four words back, not five.
      let counted = 0;
      for (let index = from; index >= 0; index -= 1) {
        const token = tokens[index];
        if (!token || scanned[index]?.clause !== clause) return false;
        if (index < start && !isInClass('determiner', token) && ++counted > NEGATION_WINDOW) return false;
        if (isInClass('negator', token) || token.word.endsWith("n't")) {
          // "don't be an idiot", "sei kein Idiot" still call someone an idiot.
          const next = tokens[index + 1];
          const previous = tokens[index - 1];
          if (next && isInClass('imperativeBe', next)) return false;
          if (previous && isInClass('imperativeBe', previous)) return false;
          return true;
        }
      }
      return false;
    },
  };
}

const compiled = new Map<'de' | 'en', CompiledLexicon>();

/** The compiled lexicon of a language, built on first use and kept for the process lifetime. */
export function lexiconFor(lang: 'de' | 'en'): CompiledLexicon {
  let lexicon = compiled.get(lang);
  if (!lexicon) {
    lexicon = compile(lang, lang === 'de' ? DE_LEXICON : EN_LEXICON);
    compiled.set(lang, lexicon);
  }
  return lexicon;
}

/**
 * Scans a text for matching. In German mixed-case text a lower-case "sie"/"ihr" means she/they/her,
 * not the formal "you", so it is renamed out of the way of the address patterns.
 */
export function prepare(text: string, lang: 'de' | 'en'): PreparedText {
  const scanned = scan(text);
  let tokens = toMatchTokens(scanned.tokens);
  if (lang === 'de' && /\p{Lu}/u.test(scanned.text)) {
    tokens = tokens.map((token, index) => {
      const raw = scanned.tokens[index]?.raw;
      if ((token.word === 'sie' || token.word === 'ihr' || token.word === 'ihnen') && raw === token.word) {
        return { ...token, word: `${token.word}_3p`, squeezed: undefined };
      }
      return token;
    });
  }
  const clauseSizes: number[] = [];
  for (const token of scanned.tokens) clauseSizes[token.clause] = (clauseSizes[token.clause] ?? 0) + 1;
  return { scanned, tokens, clauseSizes };
}

/** A word standing (nearly) alone in its clause, as in "…, genius." or "Idiot!". */
export function isVocative(text: PreparedText, index: number): boolean {
  const clause = text.scanned.tokens[index]?.clause;
  return clause !== undefined && (text.clauseSizes[clause] ?? 0) <= 2;
}

/**
 * Whether words start..end are mentioned rather than used: quoted ('Idiot', „Idiot“) or named by a
 * nearby word such as "called", "the word", "nennen", "Beschimpfungen".
 */
export function isMentioned(lexicon: CompiledLexicon, text: PreparedText, start: number, end: number): boolean {
  const { scanned, tokens } = text;
  const first = scanned.tokens[start];
  const last = scanned.tokens[end];
  if (!first || !last) return false;
  const before = scanned.text.slice(scanned.tokens[start - 1]?.end ?? 0, first.start);
  const after = scanned.text.slice(last.end, scanned.tokens[end + 1]?.start ?? scanned.text.length);
  if (QUOTE.test(before) && QUOTE.test(after)) return true;
  // "Don't call me an idiot, you clown": an address opening its own clause is used, whatever the
  // clause before it names, so no word before it can make it a mention
  const addressed = tokens[start] !== undefined && lexicon.isAddressWord(tokens[start]) && scanned.tokens[start - 1]?.clause !== first.clause;
  const lookBack = addressed ? 0 : MENTION_WINDOW;
  for (let index = start - 1; index >= Math.max(0, start - lookBack); index -= 1) {
    const token = tokens[index];
    if (!token || scanned.tokens[index]?.sentence !== first.sentence) break;
    if (lexicon.isInClass('mention', token) || lexicon.isInClass('mentionVerb', token)) return true;
  }
  const next = tokens[end + 1];
  const afterNext = tokens[end + 2];
  if (next && afterNext && lexicon.isInClass('selfBe', next) && lexicon.isInClass('self', afterNext)) return true;
  // "Idiot is not a word I accept", "… mich einen Idioten genannt": only within the same clause.
  for (let index = end + 1; index <= Math.min(tokens.length - 1, end + MENTION_AFTER_WINDOW); index += 1) {
    const token = tokens[index];
    if (!token || scanned.tokens[index]?.clause !== last.clause) break;
    if (lexicon.isInClass('mentionAfter', token)) return true;
  }
  return false;
}

/** The cleaned words start..end, as written, for evidence. Long spans are cut. */
export function quote(text: PreparedText, start: number, end: number): string {
  const first = text.scanned.tokens[start];
  const last = text.scanned.tokens[end];
  if (!first || !last) return '';
  const span = text.scanned.text.slice(first.start, last.end);
  return span.length > 80 ? `${span.slice(0, 77)}…` : span;
}
