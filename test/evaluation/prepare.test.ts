import { describe, expect, it } from 'vitest';
import { prepare, quote } from '../../src/evaluation/grader-patterns.js';

// The sentences the grader reads one by one and quotes from: a title's full stop ends nothing, so a
// quote never starts at "Hartmann, wie bereits …" with the greeting cut off.
describe('prepare: sentences', () => {
  it('does not end a sentence at a title or a common abbreviation', () => {
    expect(prepare('Sehr geehrte Frau Dr. Hartmann, der Stand ist unverändert. Bitte lesen Sie nach.').sentences).toEqual([
      'Sehr geehrte Frau Dr. Hartmann, der Stand ist unverändert.',
      'Bitte lesen Sie nach.',
    ]);
    expect(prepare('Mr. Brandt, I will call you back. Das ist z. B. so, bzw. anders.').sentences).toEqual([
      'Mr. Brandt, I will call you back.',
      'Das ist z. B. so, bzw. anders.',
    ]);
  });

  it('does not end a sentence inside a German date ("am 28. November"), and still does after a bare number', () => {
    expect(prepare('Verbindlich ist der 28. November für die Schnittstelle. Passt Ihnen Dienstag?').sentences).toEqual([
      'Verbindlich ist der 28. November für die Schnittstelle.',
      'Passt Ihnen Dienstag?',
    ]);
    expect(prepare('Ich rufe um 3. Dann sehen wir weiter.').sentences).toEqual(['Ich rufe um 3.', 'Dann sehen wir weiter.']);
  });

  it('still ends sentences at a full stop, a question and an exclamation', () => {
    expect(prepare('Done. Anything else? Great!').sentences).toEqual(['Done.', 'Anything else?', 'Great!']);
  });
});

describe('quote', () => {
  // Dr Hartmann's trainee wrote the salutation on the first line's sentence, and the strength quoted
  // „Sehr geehrte Frau Dr. Hartmann, Sie haben recht, meine letzte Nachricht war nicht…"
  it.each([
    ['Sehr geehrte Frau Dr. Hartmann, Sie haben recht, das tut mir leid.', 'Sie haben recht, das tut mir leid.'],
    ["Dear Dr Hartmann, you're right, and I'm sorry.", "you're right, and I'm sorry."],
    ['Hallo Herr Brandt, die Karte ist wieder frei.', 'die Karte ist wieder frei.'],
  ])('leaves out a salutation run into the sentence: %j', (text, quoted) => {
    expect(quote(text)).toBe(quoted);
  });

  it.each(['Hallo, Frau Lindner.', 'Dear Dr Hartmann,', 'Hello, how can I help?'])(
    'keeps a greeting with no name before its comma, or one with nothing after it: %j',
    (text) => {
      expect(quote(text)).toBe(text);
    },
  );
});
