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
    ['Kunde: Das reicht jetzt!', 'Das reicht jetzt!'],
    ['Kunde:Das reicht jetzt!', 'Das reicht jetzt!'],
    ['Assistant: Fine, then.', 'Fine, then.'],
    ['Assistent: Na gut.', 'Na gut.'],
    ['AI: Fine, then.', 'Fine, then.'],
    ['The customer: Fine, then.', 'Fine, then.'],
    ['Weber: Das reicht!', 'Das reicht!'],
    ['  **Frau Weber:** Das reicht!', 'Das reicht!'],
    ['**Ms Weber **: Two days!', 'Two days!'],
    ['   ## Customer reply\nFine.', 'Fine.'],
    ['Fine. *sighs* Whatever.', 'Fine. Whatever.'],
    ['Fine.*sighs*Whatever.', 'Fine. Whatever.'],
    ['I am **really** done with __this__ bank.', 'I am really done with this bank.'],
    ['Fine.   Whatever.', 'Fine. Whatever.'],
    ['No.```json\n{"a": 1}\n```Really.', 'No. Really.'],
    ['Fine.\n```json\n{"line": "Fine."}', 'Fine.'],
    ['" Fine, then. "', 'Fine, then.'],
    ['""', ''],
  ])('cleans %j', (raw, clean) => {
    expect(sanitizeLine(raw, ['Frau Weber', 'Ms Weber'])).toBe(clean);
  });

  it('keeps colons inside ordinary speech', () => {
    expect(sanitizeLine('One thing is clear: I am not paying that fee.', [])).toBe('One thing is clear: I am not paying that fee.');
  });

  it('keeps a line that mentions a number sign or a long sentence ending in a role word before a colon', () => {
    expect(sanitizeLine('Ticket # 4471 is still open!', [])).toBe('Ticket # 4471 is still open!');
    expect(sanitizeLine('Order# 4471 never arrived!', [])).toBe('Order# 4471 never arrived!');
    const speech = 'Never in my life have I been treated like this as a customer: it is a disgrace.';
    expect(sanitizeLine(speech, [])).toBe(speech);
  });

  it.each([
    ['Frau  Dr. Weber: Fine.', 'Fine.'],
    ['Frau Dr. Weber: Das reicht!', 'Das reicht!'],
    ['Mrs. Weber: Two days!', 'Two days!'],
  ])('takes a role or name after an article or title, however spaced or abbreviated, for a label: %j', (raw, clean) => {
    expect(sanitizeLine(raw, ['Weber'])).toBe(clean);
  });

  it.each([
    'I am a loyal customer: fix this now!',
    'Ich bin seit Jahren treue Kundin: Das ist unmöglich!',
    'Speak to me like a human, not an AI: what is going on?',
  ])('keeps speech whose first clause ends in a role word, short as it is: %j', (speech) => {
    // the clause before the colon had been taken for a speaker's label and dropped
    expect(sanitizeLine(speech, [])).toBe(speech);
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

  it('keeps a line exactly at the length limit whole', () => {
    const line = 'Short one. Short one. Short one.';
    expect(sanitizeLine(line, [], line.length)).toBe(line);
  });

  it('cuts at a whole word, not inside one, when no sentence end is late enough', () => {
    // the only sentence end lies at exactly a third of the limit: too early, a word cut keeps more
    expect(sanitizeLine(`${'a'.repeat(10)}. ${'word '.repeat(20)}`, [], 30)).toBe('aaaaaaaaaa. word word word…');
    expect(sanitizeLine('word '.repeat(100), [], 52)).toBe(`${'word '.repeat(9)}word…`);
  });

  it('cuts a single overlong token at the limit', () => {
    expect(sanitizeLine('x'.repeat(100), [], 50)).toBe(`${'x'.repeat(50)}…`);
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

  it('counts five-letter words as distinctive', () => {
    expect(leaksBackstory('Bella, my horse, is gone.', 'Her horse Bella died on Sunday.', known)).toBe(true);
  });

  it('treats the last word of one known text and the first of the next as separate known words', () => {
    const deposit = ['Your fixed deposit matures soon', 'savings are safe with us'];
    expect(leaksBackstory('My savings! And I am so scared of cancer.', backstory, deposit)).toBe(false);
  });

  it('finds no leak when every word of the backstory is already known', () => {
    expect(leaksBackstory('She was diagnosed with cancer.', 'She was diagnosed with cancer.', ['She was diagnosed with cancer.'])).toBe(false);
  });

  it('works for German with umlauts', () => {
    const de = 'Sie hat gestern früh die Diagnose Krebs bekommen und fürchtet um ihre Ersparnisse.';
    expect(leaksBackstory('Ich habe Krebs, verstehen Sie? Die Diagnose kam gestern.', de, ['Rufen Sie nie wieder an!'])).toBe(true);
  });
});
