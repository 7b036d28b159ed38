import { describe, expect, it } from 'vitest';
import { factsIn } from '../../src/engine/listening.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';

// A fact counts as given only when the reply gives it: talking about the subject is not an answer.
const petersen = (await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] })).require('impatient-caller');

describe('Mr Petersen hears why his transfer failed', () => {
  it.each([
    ['en', 'It was declined because eight thousand is above your daily limit.'],
    ['en', 'The transfer hit your daily limit.'],
    ['de', 'Die Überweisung lag über Ihrem Tageslimit.'],
  ] as const)('from the reason (%s) "%s"', (lang, reply) => {
    expect(factsIn(petersen, lang, reply)).toContain('why_declined');
  });

  it.each([
    ['en', 'Let me explain a little about how our daily limits work.'],
    ['de', 'Lassen Sie mich kurz erklären, wie unsere Tageslimits grundsätzlich funktionieren.'],
  ] as const)('not from a preamble about limits (%s) "%s"', (lang, reply) => {
    expect(factsIn(petersen, lang, reply)).not.toContain('why_declined');
  });
});
