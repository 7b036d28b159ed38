import { describe, expect, it } from 'vitest';
import { DE_LEXICON } from '../../src/evaluation/lexicon/de.js';
import { EN_LEXICON } from '../../src/evaluation/lexicon/en.js';
import { lexiconFor } from '../../src/evaluation/lexicon/compiled.js';
import { PatternMatcher, toMatchTokens } from '../../src/evaluation/lexicon/matcher.js';
import { scan } from '../../src/evaluation/text.js';

function matcher(patterns: string[], classes: Record<string, string[]> = {}, exceptions: string[] = []): PatternMatcher<string> {
  return new PatternMatcher(
    patterns.map((pattern) => ({ tag: pattern, patterns: [pattern] })),
    classes,
    exceptions,
  );
}

function found(m: PatternMatcher<string>, text: string): string[] {
  return m.match(toMatchTokens(scan(text).tokens)).map((match) => match.tag);
}

describe('PatternMatcher', () => {
  it('matches exact words, alternatives and classes on folded words', () => {
    const m = matcher(['blöd', 'you|sie @bad'], { bad: ['idiot', 'fool'] });
    expect(found(m, 'Das ist BLOED.')).toEqual(['blöd']);
    expect(found(m, 'Sie Fool')).toEqual(['you|sie @bad']);
    expect(found(m, 'they fool')).toEqual([]);
  });

  it('matches compound heads and tails but not listed exceptions', () => {
    const m = matcher(['*idiot', 'dreck*', '*arsch'], {}, ['marsch']);
    expect(found(m, 'Vollidiot')).toEqual(['*idiot']);
    expect(found(m, 'Drecksladen')).toEqual(['dreck*']);
    expect(found(m, 'Geizarsch')).toEqual(['*arsch']);
    expect(found(m, 'Der Marsch')).toEqual([]);
  });

  it('bridges up to three words with ~ and up to six with ~~, never across a sentence end', () => {
    const short = matcher(['your ~ fault']);
    expect(found(short, 'your own fault')).toHaveLength(1);
    expect(found(short, 'your very very own fault')).toHaveLength(1);
    expect(found(short, 'your one two three four fault')).toHaveLength(0);
    expect(found(matcher(['your ~~ fault']), 'your one two three four fault')).toHaveLength(1);
    expect(found(short, 'your call. Not my fault')).toHaveLength(0);
  });

  it('anchors a pattern with a leading ^ at the start of a sentence', () => {
    const m = matcher(['^ wow']);
    expect(found(m, 'Wow, great job.')).toEqual(['^ wow']);
    expect(found(m, 'Fine. Wow.')).toEqual(['^ wow']);
    expect(found(m, 'That is wow')).toEqual([]);
  });

  it('anchors a pattern with a trailing $ at the end of a sentence, trying longer gaps to get there', () => {
    const m = matcher(['you ~ no idea $']);
    expect(found(m, 'You have no idea!')).toEqual(['you ~ no idea $']);
    expect(found(m, 'You have no idea. I waited all day.')).toEqual(['you ~ no idea $']);
    expect(found(m, 'You have no idea how much this costs me.')).toEqual([]);
    const gap = matcher(['at ~~ you $']);
    expect(found(gap, 'At least I listen to you, unlike you')).toEqual(['at ~~ you $']);
  });

  it('matches elongated words through their squeezed form', () => {
    expect(found(matcher(['stupid']), 'stuuuupid')).toEqual(['stupid']);
  });

  it('rejects malformed patterns at compile time', () => {
    expect(() => matcher(['~ idiot'])).toThrow(/start with a word/);
    expect(() => matcher(['idiot ~'])).toThrow(/end with a word/);
    expect(() => matcher(['@missing'])).toThrow(/unknown word class/);
    expect(() => matcher(['a-b'])).toThrow(/single word/);
    expect(() => matcher(['@loop'], { loop: ['@loop'] })).toThrow(/refers to itself/);
  });

  it('stays linear on long inputs with many candidate words', () => {
    const m = matcher(['you ~~ idiot']);
    const matches = m.match(toMatchTokens(scan('you '.repeat(3000)).tokens));
    expect(matches).toEqual([]);
  });
});

describe('lexicons', () => {
  it.each([
    ['de', DE_LEXICON],
    ['en', EN_LEXICON],
  ] as const)('%s compiles, and every class a pattern needs exists', (lang, data) => {
    expect(() => lexiconFor(lang)).not.toThrow();
    for (const name of ['you', 'self', 'negator', 'imperativeBe', 'mention', 'mentionVerb', 'insultNoun', 'sarcasticVocative', 'praise']) {
      expect(data.classes).toHaveProperty(name);
    }
  });

  it('keeps every composure and abuse rule non-empty', () => {
    for (const data of [DE_LEXICON, EN_LEXICON]) {
      for (const rule of [...data.composure, ...data.abuse]) expect(rule.patterns.length).toBeGreaterThan(0);
    }
  });
});
