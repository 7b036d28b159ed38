import { describe, expect, it } from 'vitest';
import { DE_LEXICON } from '../../src/evaluation/lexicon/de.js';
import { EN_LEXICON } from '../../src/evaluation/lexicon/en.js';
import type { LanguageLexicon } from '../../src/evaluation/lexicon/lexicon-types.js';

/**
 * Alternatives are single words, so "what's|what is wrong" reads as ("what's" or "what") then "is"
 * then "wrong": "What's wrong with you?" no longer matches. Such a pattern was written several
 * times and failed silently. This finds an alternative group whose last word and the word after it
 * are the long form of another alternative in the same group ("what is" beside "what's", "did not"
 * beside "didn't", "you have" beside "you've").
 */
const CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  is: ["'s", 's'],
  are: ["'re", 're'],
  am: ["'m", 'm'],
  have: ["'ve", 've'],
  has: ["'s", 's'],
  will: ["'ll", 'll'],
  would: ["'d", 'd'],
  had: ["'d", 'd'],
  not: ["n't", 'nt'],
};

function phraseAlternatives(pattern: string): string[] {
  const elements = pattern.split(' ');
  const problems: string[] = [];
  elements.forEach((element, index) => {
    const alternatives = element.split('|');
    const last = alternatives.at(-1);
    const next = elements[index + 1];
    if (alternatives.length < 2 || last === undefined || next === undefined) return;
    const endings = CONTRACTIONS[next] ?? [];
    const longForm = endings.some((ending) => alternatives.includes(`${last}${ending}`));
    if (longForm) problems.push(`${pattern}  (“${last} ${next}” is meant as one alternative)`);
  });
  return problems;
}

function patternsOf(lexicon: LanguageLexicon): string[] {
  return [...lexicon.composure, ...lexicon.abuse].flatMap((rule) => rule.patterns);
}

describe('lexicon patterns', () => {
  it('finds a phrase written as one alternative', () => {
    expect(phraseAlternatives("what's|whats|what is wrong with @you")).toHaveLength(1);
    expect(phraseAlternatives("i don't|dont|do not ~ care")).toHaveLength(1);
    expect(phraseAlternatives("you've|you have ~ finally")).toHaveLength(1);
    expect(phraseAlternatives("what's|whats wrong with @you")).toEqual([]);
    expect(phraseAlternatives('that|this|it is on @you')).toEqual([]);
  });

  it.each([
    ['en', EN_LEXICON],
    ['de', DE_LEXICON],
  ] as const)('%s: no pattern writes a phrase as one alternative', (_lang, lexicon) => {
    expect(patternsOf(lexicon).flatMap(phraseAlternatives)).toEqual([]);
  });
});
