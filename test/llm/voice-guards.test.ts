import { describe, expect, it } from 'vitest';
import { isCoaching, leaksBackstory, sanitizeLine } from '../../src/llm/voice-guards.js';

describe('sanitizeLine', () => {
  it.each([
    ['Customer: "I want my money back!"', 'I want my money back!'],
    ['**Frau Weber:** Das ist doch unglaublich!', 'Das ist doch unglaublich!'],
    ['Kundin: Ich warte seit zwei Wochen.', 'Ich warte seit zwei Wochen.'],
    ['# Reply\n*sighs* Fine. Whatever.', 'Fine. Whatever.'],
    ['„Das geht so nicht.“', 'Das geht so nicht.'],
    ['```\nsomething\n```\nNo.', 'No.'],
    ['Line one.\nLine two.', 'Line one. Line two.'],
  ])('cleans %j', (raw, clean) => {
    expect(sanitizeLine(raw, ['Frau Weber', 'Ms Weber'])).toBe(clean);
  });

  it('keeps colons inside ordinary speech', () => {
    expect(sanitizeLine('One thing is clear: I am not paying that fee.', [])).toBe('One thing is clear: I am not paying that fee.');
  });

  it('keeps a line that only starts and ends with two separate quotations', () => {
    expect(sanitizeLine('"Soon", you said. And then "tomorrow"', [])).toBe('"Soon", you said. And then "tomorrow"');
  });

  it('returns an empty string when nothing speakable is left', () => {
    expect(sanitizeLine('## Heading only', [])).toBe('');
  });

  it('caps length at a sentence end, or at a word with an ellipsis', () => {
    expect(sanitizeLine('Short one. '.repeat(100), [], 50)).toBe('Short one. Short one. Short one. Short one.');
    const capped = sanitizeLine('word '.repeat(100), [], 50);
    expect(capped.length).toBeLessThanOrEqual(51);
    expect(capped.endsWith('…')).toBe(true);
  });
});

describe('isCoaching', () => {
  it.each([
    'As an AI I cannot be angry.',
    "I'm just a language model.",
    'Als KI habe ich keine Gefühle.',
    'A better answer would name my frustration.',
    'Your reply was quite defensive.',
    'Ihre Antwort war zu knapp.',
    'You should try to acknowledge my feelings.',
    'Sie sollten versuchen, auf mich einzugehen.',
    'Tip: ask what happened.',
    'This role-play is silly.',
    'Diese Übung ist albern.',
  ])('flags %j', (text) => {
    expect(isCoaching(text)).toBe(true);
  });

  it.each([
    'You should have called me back yesterday!',
    'Sie hätten mich gestern zurückrufen sollen!',
    'What kind of answer is that?',
    'I want a solution, not excuses.',
  ])('lets an in-character line pass: %j', (text) => {
    expect(isCoaching(text)).toBe(false);
  });
});

describe('leaksBackstory', () => {
  const backstory = 'She was diagnosed with cancer yesterday morning and is terrified about her savings.';
  const known = ['Your fixed deposit matures in three weeks.', 'Never call me again!'];

  it('flags a line that tells two distinctive details of the backstory', () => {
    expect(leaksBackstory('I got a cancer diagnosis, do you understand?', backstory, known)).toBe(true);
  });

  it('lets a line pass that shares only one word by chance', () => {
    expect(leaksBackstory('I was terrified when I saw your letter.', backstory, known)).toBe(false);
  });

  it('does not count words the trainee or the script already used', () => {
    expect(leaksBackstory('Yes, my savings. What about my savings yesterday?', backstory, [...known, 'Is this about your savings from yesterday?'])).toBe(
      false,
    );
  });

  it('works for German with umlauts', () => {
    const de = 'Sie hat gestern früh die Diagnose Krebs bekommen und fürchtet um ihre Ersparnisse.';
    expect(leaksBackstory('Ich habe Krebs, verstehen Sie? Die Diagnose kam gestern.', de, ['Rufen Sie nie wieder an!'])).toBe(true);
  });
});
