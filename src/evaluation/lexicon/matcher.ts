import { foldLetters, type ScannedToken } from '../text.js';

/**
 * Compiles the pattern lists of `lexicon-types.ts` into lookup tables once, and matches them
 * against scanned words. Work per text is linear: each word is looked up in a hash map plus a short
 * list of affix-led patterns, and a pattern has at most a few bounded gaps.
 */

interface WordElement {
  readonly kind: 'word';
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
}

interface GapElement {
  readonly kind: 'gap';
  readonly max: number;
}

type Element = WordElement | GapElement;

interface CompiledPattern<T> {
  readonly tag: T;
  readonly source: string;
  readonly elements: readonly Element[];
}

/** A word as the matcher sees it: its folded form and, for elongated words ("stuuupid"), a squeezed one. */
export interface MatchToken {
  readonly word: string;
  readonly squeezed: string | undefined;
  readonly sentence: number;
}

export interface PatternMatch<T> {
  readonly tag: T;
  readonly source: string;
  /** index of the first matched word */
  readonly start: number;
  /** index of the last matched word (inclusive) */
  readonly end: number;
}

// What a lexicon entry may contain: one word as the tokenizer produces it, with affix stars.
const LEXICON_WORD = /^@?[\p{L}\p{N}'*_]+$/u;
const ELONGATION = /(.)\1{2,}/gu;

/** Folded form plus a squeezed variant when a letter repeats three times or more. */
export function toMatchTokens(tokens: readonly ScannedToken[]): MatchToken[] {
  return tokens.map((token) => {
    const squeezed = token.word.replace(ELONGATION, '$1');
    return { word: token.word, squeezed: squeezed === token.word ? undefined : squeezed, sentence: token.sentence };
  });
}

export class PatternMatcher<T> {
  readonly #byFirstWord = new Map<string, CompiledPattern<T>[]>();
  readonly #affixLed: CompiledPattern<T>[] = [];
  readonly #exceptions: ReadonlySet<string>;

  constructor(
    entries: ReadonlyArray<{ readonly tag: T; readonly patterns: readonly string[] }>,
    classes: Readonly<Record<string, readonly string[]>>,
    affixExceptions: readonly string[],
  ) {
    this.#exceptions = new Set(affixExceptions.map(foldWord));
    for (const entry of entries) {
      for (const source of entry.patterns) {
        const elements = compilePattern(source, classes);
        const first = elements[0];
        if (!first || first.kind === 'gap') throw new Error(`pattern must start with a word: "${source}"`);
        const compiled: CompiledPattern<T> = { tag: entry.tag, source, elements };
        for (const word of first.exact) {
          const list = this.#byFirstWord.get(word);
          if (list) list.push(compiled);
          else this.#byFirstWord.set(word, [compiled]);
        }
        if (first.prefixes.length > 0 || first.suffixes.length > 0) this.#affixLed.push(compiled);
      }
    }
  }

  /** Every pattern occurrence, at most one (the shortest) per pattern and start word. */
  match(tokens: readonly MatchToken[]): PatternMatch<T>[] {
    const found: PatternMatch<T>[] = [];
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index];
      if (!token) continue;
      const seen = new Set<CompiledPattern<T>>();
      const candidates = [
        ...(this.#byFirstWord.get(token.word) ?? []),
        ...(token.squeezed === undefined ? [] : (this.#byFirstWord.get(token.squeezed) ?? [])),
        ...this.#affixLed,
      ];
      for (const pattern of candidates) {
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        const end = this.#matchFrom(pattern.elements, 0, tokens, index, token.sentence);
        if (end >= 0) found.push({ tag: pattern.tag, source: pattern.source, start: index, end });
      }
    }
    return found;
  }

  /** Whether a single word belongs to a class-like element list (used for ad-hoc class checks). */
  matchesWord(element: WordElement, token: MatchToken): boolean {
    return this.#wordMatches(element, token.word) || (token.squeezed !== undefined && this.#wordMatches(element, token.squeezed));
  }

  // Returns the index of the last matched word, or -1.
  #matchFrom(
    elements: readonly Element[],
    at: number,
    tokens: readonly MatchToken[],
    index: number,
    sentence: number,
  ): number {
    const element = elements[at];
    if (!element) return index - 1;
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= element.max; skip += 1) {
        const next = index + skip;
        if (next >= tokens.length) return -1;
        const end = this.#matchFrom(elements, at + 1, tokens, next, sentence);
        if (end >= 0) return end;
        if (tokens[next]?.sentence !== sentence) return -1;
      }
      return -1;
    }
    const token = tokens[index];
    if (!token || token.sentence !== sentence || !this.matchesWord(element, token)) return -1;
    return this.#matchFrom(elements, at + 1, tokens, index + 1, sentence);
  }

  #wordMatches(element: WordElement, word: string): boolean {
    if (element.exact.has(word)) return true;
    if (element.prefixes.length === 0 && element.suffixes.length === 0) return false;
    if (this.#exceptions.has(word)) return false;
    for (const prefix of element.prefixes) if (word.startsWith(prefix)) return true;
    for (const suffix of element.suffixes) if (word.endsWith(suffix)) return true;
    return false;
  }
}

function foldWord(word: string): string {
  return foldLetters(word.normalize('NFKC').toLowerCase());
}

/** Compiles one class list (or alternatives) into a single word element. */
export function compileWordElement(
  alternatives: readonly string[],
  classes: Readonly<Record<string, readonly string[]>>,
  seenClasses: ReadonlySet<string> = new Set(),
): WordElement {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (const alternative of alternatives) {
    if (alternative.startsWith('@')) {
      const name = alternative.slice(1);
      const members = classes[name];
      if (!members) throw new Error(`unknown word class @${name}`);
      if (seenClasses.has(name)) throw new Error(`word class @${name} refers to itself`);
      const nested = compileWordElement(members, classes, new Set([...seenClasses, name]));
      for (const word of nested.exact) exact.add(word);
      prefixes.push(...nested.prefixes);
      suffixes.push(...nested.suffixes);
    } else if (alternative.length > 1 && alternative.endsWith('*') && !alternative.startsWith('*')) {
      prefixes.push(foldWord(alternative.slice(0, -1)));
    } else if (alternative.length > 1 && alternative.startsWith('*') && !alternative.endsWith('*')) {
      suffixes.push(foldWord(alternative.slice(1)));
    } else if (alternative.length > 0) {
      exact.add(foldWord(alternative));
    }
    if (!LEXICON_WORD.test(alternative)) throw new Error(`not a single word: "${alternative}"`);
  }
  return { kind: 'word', exact, prefixes, suffixes };
}

function compilePattern(source: string, classes: Readonly<Record<string, readonly string[]>>): Element[] {
  const elements: Element[] = [];
  for (const part of source.trim().split(/\s+/)) {
    if (part === '~') elements.push({ kind: 'gap', max: 3 });
    else if (part === '~~') elements.push({ kind: 'gap', max: 6 });
    else elements.push(compileWordElement(part.split('|'), classes));
  }
  if (elements.at(-1)?.kind === 'gap') throw new Error(`pattern must end with a word: "${source}"`);
  return elements;
}
