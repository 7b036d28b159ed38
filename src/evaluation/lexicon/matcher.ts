import { foldLetters, type ScannedToken } from '../text.js';

/**
 * Compiles the pattern lists of `lexicon-types.ts` into lookup tables once, and matches them
 * against scanned words. Work per text is linear with a small constant:
 * - identical elements (a class such as `@insultNoun` used by thirty patterns) are compiled once;
 * - what the lexicon says about a word (which patterns may start at it, which elements it belongs
 *   to) depends only on the word, so it is worked out once per distinct word and cached (bounded);
 * - affix checks look up `word.slice(-n)` in a hash set per distinct affix length, behind a
 *   two-character gate, instead of comparing every affix;
 * - a pattern has at most a few bounded gaps.
 */

interface AffixSet {
  /** distinct affix lengths, longest first */
  readonly lengths: readonly number[];
  readonly values: ReadonlySet<string>;
  /** the two outer characters of every affix (first two of a prefix, last two of a suffix), as one number: a cheap gate */
  readonly gate: ReadonlySet<number>;
  /** affixes of one character, which the gate cannot cover */
  readonly single: ReadonlySet<string>;
}

interface WordElement {
  readonly kind: 'word';
  /** index into the matcher's element table, for the per-call memo */
  readonly id: number;
  readonly exact: ReadonlySet<string>;
  readonly prefixes: AffixSet | undefined;
  readonly suffixes: AffixSet | undefined;
}

interface GapElement {
  readonly kind: 'gap';
  readonly max: number;
}

/** `$`: the end of a sentence (no further word in it) */
interface EndElement {
  readonly kind: 'end';
}

type Element = WordElement | GapElement | EndElement;

const END: EndElement = { kind: 'end' };

interface CompiledPattern<T> {
  readonly tag: T;
  readonly source: string;
  readonly elements: readonly Element[];
  /** `^` first: only at the start of a sentence */
  readonly anchored: boolean;
}

/** What the lexicon says about one word. */
interface WordInfo<T> {
  /** patterns whose first element this word matches */
  readonly candidates: readonly CompiledPattern<T>[];
  /** per element id: 0 not yet known, 1 member, 2 not a member */
  readonly member: Uint8Array;
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
const HAS_ELONGATION = /(.)\1\1/u;
const YES = 1;
const NO = 2;

// Squeezed forms of words seen before ('' for none); words repeat a lot, and squeezing is pure.
const SQUEEZED = new Map<string, string>();
const SQUEEZED_LIMIT = 50_000;

function squeeze(word: string): string | undefined {
  let squeezed = SQUEEZED.get(word);
  if (squeezed === undefined) {
    squeezed = HAS_ELONGATION.test(word) ? word.replace(ELONGATION, '$1') : '';
    if (SQUEEZED.size >= SQUEEZED_LIMIT) SQUEEZED.clear();
    SQUEEZED.set(word, squeezed);
  }
  return squeezed === '' ? undefined : squeezed;
}

/** Folded form plus a squeezed variant when a letter repeats three times or more. */
export function toMatchTokens(tokens: readonly ScannedToken[]): MatchToken[] {
  return tokens.map((token) => ({
    word: token.word,
    squeezed: squeeze(token.word),
    sentence: token.sentence,
  }));
}

function foldWord(word: string): string {
  return foldLetters(word.normalize('NFKC').toLowerCase());
}

function pairCode(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

function affixSet(values: readonly string[], side: 'prefix' | 'suffix'): AffixSet | undefined {
  if (values.length === 0) return undefined;
  const lengths = [...new Set(values.map((value) => value.length))].sort((a, b) => b - a);
  const gate = new Set<number>();
  const single = new Set<string>();
  for (const value of values) {
    if (value.length < 2) single.add(value);
    else gate.add(pairCode(value, side === 'prefix' ? 0 : value.length - 2));
  }
  return { lengths, values: new Set(values), gate, single };
}

/** Distinct words remembered; the cache is emptied when full, which only costs recomputation. */
const WORD_CACHE_LIMIT = 50_000;

export class PatternMatcher<T> {
  readonly #elements: WordElement[] = [];
  readonly #interned = new Map<string, WordElement>();
  readonly #byFirstWord = new Map<string, CompiledPattern<T>[]>();
  /** patterns whose first element has affixes, grouped by that element (parallel arrays) */
  readonly #affixLedElements: WordElement[] = [];
  readonly #affixLedPatterns: CompiledPattern<T>[][] = [];
  readonly #exceptions: ReadonlySet<string>;
  readonly #classes: Readonly<Record<string, readonly string[]>>;
  readonly #words = new Map<string, WordInfo<T>>();

  constructor(
    entries: ReadonlyArray<{ readonly tag: T; readonly patterns: readonly string[] }>,
    classes: Readonly<Record<string, readonly string[]>>,
    affixExceptions: readonly string[],
  ) {
    this.#classes = classes;
    this.#exceptions = new Set(affixExceptions.map(foldWord));
    for (const entry of entries) {
      for (const source of entry.patterns) {
        const trimmed = source.trim();
        const anchored = trimmed.startsWith('^ ');
        const elements = this.#compilePattern(anchored ? trimmed.slice(2) : trimmed);
        const first = elements[0];
        if (!first || first.kind !== 'word') throw new Error(`pattern must start with a word: "${source}"`);
        const compiled: CompiledPattern<T> = { tag: entry.tag, source, elements, anchored };
        for (const word of first.exact) {
          const list = this.#byFirstWord.get(word);
          if (list) list.push(compiled);
          else this.#byFirstWord.set(word, [compiled]);
        }
        if (first.prefixes || first.suffixes) {
          const at = this.#affixLedElements.indexOf(first);
          if (at >= 0) this.#affixLedPatterns[at]?.push(compiled);
          else {
            this.#affixLedElements.push(first);
            this.#affixLedPatterns.push([compiled]);
          }
        }
      }
    }
  }

  /** Compiles (once) the element for one alternatives list such as `you|sie` or `@insultNoun`. */
  element(alternatives: readonly string[]): WordElement {
    const key = alternatives.join('|');
    const known = this.#interned.get(key);
    if (known) return known;
    const exact = new Set<string>();
    const prefixes: string[] = [];
    const suffixes: string[] = [];
    this.#collect(alternatives, exact, prefixes, suffixes, new Set());
    const element: WordElement = {
      kind: 'word',
      id: this.#elements.length,
      exact,
      prefixes: affixSet(prefixes, 'prefix'),
      suffixes: affixSet(suffixes, 'suffix'),
    };
    this.#elements.push(element);
    this.#interned.set(key, element);
    return element;
  }

  /** Every pattern occurrence, at most one (the shortest) per pattern and start word. */
  match(tokens: readonly MatchToken[]): PatternMatch<T>[] {
    const found: PatternMatch<T>[] = [];
    const infos = tokens.map((token) => this.#info(token));
    for (let index = 0; index < tokens.length; index += 1) {
      const candidates = infos[index]?.candidates;
      if (!candidates || candidates.length === 0) continue;
      const sentence = tokens[index]?.sentence ?? 0;
      const sentenceStart = index === 0 || tokens[index - 1]?.sentence !== sentence;
      for (const pattern of candidates) {
        if (pattern.anchored && !sentenceStart) continue;
        // Most attempts fail on the second word; check it here before the general (recursive) match.
        const second = pattern.elements[1];
        if (second?.kind === 'word') {
          const next = tokens[index + 1];
          if (!next || next.sentence !== sentence || !this.#isMember(second, next, infos[index + 1])) continue;
        }
        const end = this.#matchFrom(pattern.elements, 0, tokens, infos, index, sentence);
        if (end >= 0) found.push({ tag: pattern.tag, source: pattern.source, start: index, end });
      }
    }
    return found;
  }

  /** Whether one word belongs to an element (a class check outside a pattern). */
  matchesWord(element: WordElement, token: MatchToken): boolean {
    return this.#isMember(element, token, this.#info(token));
  }

  #info(token: MatchToken): WordInfo<T> {
    const known = this.#words.get(token.word);
    if (known) return known;
    const candidates = new Set<CompiledPattern<T>>(this.#byFirstWord.get(token.word));
    if (token.squeezed !== undefined) for (const pattern of this.#byFirstWord.get(token.squeezed) ?? []) candidates.add(pattern);
    this.#affixLedElements.forEach((element, at) => {
      if (this.#computeMember(element, token)) for (const pattern of this.#affixLedPatterns[at] ?? []) candidates.add(pattern);
    });
    const info: WordInfo<T> = { candidates: [...candidates], member: new Uint8Array(this.#elements.length) };
    if (this.#words.size >= WORD_CACHE_LIMIT) this.#words.clear();
    this.#words.set(token.word, info);
    return info;
  }

  #isMember(element: WordElement, token: MatchToken, info: WordInfo<T> | undefined): boolean {
    // Elements compiled after this word was cached have no slot; compute them directly.
    if (!info || element.id >= info.member.length) return this.#computeMember(element, token);
    const known = info.member[element.id];
    if (known === YES) return true;
    if (known === NO) return false;
    const yes = this.#computeMember(element, token);
    info.member[element.id] = yes ? YES : NO;
    return yes;
  }

  #computeMember(element: WordElement, token: MatchToken): boolean {
    return this.#wordMatches(element, token.word) || (token.squeezed !== undefined && this.#wordMatches(element, token.squeezed));
  }

  // Returns the index of the last matched word, or -1.
  #matchFrom(elements: readonly Element[], at: number, tokens: readonly MatchToken[], infos: readonly WordInfo<T>[], index: number, sentence: number): number {
    const element = elements[at];
    if (!element) return index - 1;
    // `$` (always last): the word after the match must belong to the next sentence, or there is none.
    if (element.kind === 'end') return tokens[index]?.sentence === sentence ? -1 : index - 1;
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= element.max; skip += 1) {
        const next = index + skip;
        if (next >= tokens.length) return -1;
        const end = this.#matchFrom(elements, at + 1, tokens, infos, next, sentence);
        if (end >= 0) return end;
        if (tokens[next]?.sentence !== sentence) return -1;
      }
      return -1;
    }
    const token = tokens[index];
    if (!token || token.sentence !== sentence || !this.#isMember(element, token, infos[index])) return -1;
    return this.#matchFrom(elements, at + 1, tokens, infos, index + 1, sentence);
  }

  #wordMatches(element: WordElement, word: string): boolean {
    if (element.exact.has(word)) return true;
    if (!element.prefixes && !element.suffixes) return false;
    if (this.#exceptions.has(word)) return false;
    const { prefixes, suffixes } = element;
    if (word.length < 2) return (prefixes?.single.has(word) ?? false) || (suffixes?.single.has(word) ?? false);
    if (prefixes && (prefixes.gate.has(pairCode(word, 0)) || prefixes.single.has(word.charAt(0)))) {
      for (const length of prefixes.lengths) {
        if (length <= word.length && prefixes.values.has(word.slice(0, length))) return true;
      }
    }
    if (suffixes && (suffixes.gate.has(pairCode(word, word.length - 2)) || suffixes.single.has(word.charAt(word.length - 1)))) {
      for (const length of suffixes.lengths) {
        if (length <= word.length && suffixes.values.has(word.slice(word.length - length))) return true;
      }
    }
    return false;
  }

  #collect(alternatives: readonly string[], exact: Set<string>, prefixes: string[], suffixes: string[], seen: ReadonlySet<string>): void {
    for (const alternative of alternatives) {
      if (!LEXICON_WORD.test(alternative)) throw new Error(`not a single word: "${alternative}"`);
      if (alternative.startsWith('@')) {
        const name = alternative.slice(1);
        const members = this.#classes[name];
        if (!members) throw new Error(`unknown word class @${name}`);
        if (seen.has(name)) throw new Error(`word class @${name} refers to itself`);
        this.#collect(members, exact, prefixes, suffixes, new Set([...seen, name]));
      } else if (alternative.length > 1 && alternative.endsWith('*') && !alternative.startsWith('*')) {
        prefixes.push(foldWord(alternative.slice(0, -1)));
      } else if (alternative.length > 1 && alternative.startsWith('*') && !alternative.endsWith('*')) {
        suffixes.push(foldWord(alternative.slice(1)));
      } else if (alternative.length > 0) {
        exact.add(foldWord(alternative));
      }
    }
  }

  #compilePattern(source: string): Element[] {
    const elements: Element[] = [];
    const parts = source.trim().split(/\s+/);
    const endAnchored = parts.length > 1 && parts.at(-1) === '$';
    if (endAnchored) parts.pop();
    for (const part of parts) {
      if (part === '~') elements.push({ kind: 'gap', max: 3 });
      else if (part === '~~') elements.push({ kind: 'gap', max: 6 });
      else elements.push(this.element(part.split('|')));
    }
    if (elements.at(-1)?.kind === 'gap') throw new Error(`pattern must end with a word: "${source}"`);
    if (endAnchored) elements.push(END);
    return elements;
  }
}
