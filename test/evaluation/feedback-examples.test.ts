import { describe, expect, it } from 'vitest';
import { withCustomer } from '../../src/evaluation/feedback-text/customer-words.js';
import { de } from '../../src/evaluation/feedback-text/de.js';
import { en } from '../../src/evaluation/feedback-text/en.js';
import type { FeedbackExamples } from '../../src/evaluation/feedback-text/feedback-examples.js';
import type { FeedbackText, TipKey } from '../../src/evaluation/feedback-text/feedback-text-types.js';
import type { GradeInput, Language, Turn } from '../../src/evaluation/grade.js';
import { gradeOffline } from '../../src/evaluation/offline-grader.js';
import { gradingContext } from '../../src/personas/grading-context.js';
import { PersonaSchema } from '../../src/personas/persona-schema.js';
import { validPersonaData } from '../personas/persona-fixtures.js';

const TEXTS: Record<Language, FeedbackText> = { de, en };

const grade = (input: Omit<GradeInput, 'history'> & { history?: Turn[] }) => gradeOffline({ history: [], ...input }, 'test');

/** `turns` earlier exchanges, so the feedback of the next reply rotates to variant `turns`. */
const history = (turns: number): Turn[] =>
  Array.from({ length: turns }, (_, index): Turn[] => [
    { role: 'customer', text: `Line ${index}` },
    { role: 'trainee', text: `Reply ${index}` },
  ]).flat();

/** A reply the offline grader answers with a boundary tip: the customer insulted, the trainee let it pass. */
const LET_PASS: Record<Language, { customer: string; reply: string }> = {
  en: { customer: "You're a useless idiot.", reply: 'Let me check your account.' },
  de: { customer: 'Sie sind ein nutzloser Idiot.', reply: 'Ich sehe mir Ihr Konto an.' },
};

const boundaryLines: FeedbackExamples = {
  boundary: {
    de: ['Bitte keine Beleidigungen, Frau Test. Ihre Rechnung kläre ich trotzdem gern.', 'Zweite Grenze, Frau Test.'],
    en: ["Please no insults, Ms Test. I'm still glad to sort out your invoice.", 'Second boundary, Ms Test.'],
  },
};

function tipKeyOf(lang: Language, tip: string): TipKey {
  const entry = Object.entries(TEXTS[lang].tips).find(([, variants]) => variants.some((variant) => withCustomer(variant.tip, undefined) === tip));
  if (!entry) throw new Error(`no tip key for "${tip}"`);
  return entry[0] as TipKey;
}

describe('example families of the generic tips', () => {
  it('names the same family for each variant in German and English', () => {
    for (const key of Object.keys(en.tips) as TipKey[]) {
      expect(
        de.tips[key].map((variant) => variant.family),
        key,
      ).toEqual(en.tips[key].map((variant) => variant.family));
    }
  });
});

describe('feedback example from the persona', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`takes the persona's line of the tip's family and keeps the generic tip (${lang})`, () => {
      const plain = grade({ lang, ...LET_PASS[lang] });
      const fitted = grade({ lang, ...LET_PASS[lang], context: { personaId: 'p', focus: [], examples: boundaryLines } });
      expect(tipKeyOf(lang, plain.feedback.tip)).toBe('boundary_missing');
      expect(fitted.feedback.tip).toBe(plain.feedback.tip);
      expect(fitted.feedback.strength).toBe(plain.feedback.strength);
      expect(fitted.feedback.example).toBe(boundaryLines.boundary?.[lang][0]);
      expect(plain.feedback.example).toBe(TEXTS[lang].tips.boundary_missing[0]?.example);
    });
  }

  it('falls back to the generic example when the persona has no lines of that family', () => {
    const examples: FeedbackExamples = { closing: { de: ['Bis bald.'], en: ['Speak soon.'] } };
    const result = grade({ lang: 'en', ...LET_PASS.en, context: { personaId: 'p', focus: [], examples } });
    expect(result.feedback.example).toBe(en.tips.boundary_missing[0].example);
  });

  it('rotates the persona lines with the turn, as the generic variants do', () => {
    const context = { personaId: 'p', focus: [], examples: boundaryLines };
    const examples = [0, 1, 2].map((turns) => grade({ lang: 'de', ...LET_PASS.de, history: history(turns), context }).feedback.example);
    expect(examples).toEqual([boundaryLines.boundary?.de[0], boundaryLines.boundary?.de[1], boundaryLines.boundary?.de[0]]);
  });

  it('offers the persona empathy line as the example for an empty reply', () => {
    const examples: FeedbackExamples = { empathy: { de: ['Das klingt belastend, Frau Test.'], en: ['That sounds hard, Ms Test.'] } };
    const result = grade({ lang: 'en', customer: 'My card is blocked.', reply: '   ', context: { personaId: 'p', focus: [], examples } });
    expect(result.feedback.tip).toBe(en.empty.tip);
    expect(result.feedback.example).toBe('That sounds hard, Ms Test.');
    expect(grade({ lang: 'en', customer: 'My card is blocked.', reply: '' }).feedback.example).toBe(en.empty.example);
  });
});

describe('feedback example through a persona file', () => {
  const data = validPersonaData('layered');
  const persona = PersonaSchema.parse({
    ...data,
    examples: {
      boundary: { de: ['Persona-Grenze, Frau Test.'], en: ['Persona boundary, Ms Test.'] },
      empathy: { de: ['Persona-Empathie.'], en: ['Persona empathy.'] },
    },
    stages: {
      ...data.stages,
      opening: { ...data.stages.opening, examples: { boundary: { de: ['Stufen-Grenze, Frau Test.'], en: ['Stage boundary, Ms Test.'] } } },
    },
  });

  for (const lang of ['de', 'en'] as const) {
    it(`uses the stage line first, then the persona line, then the generic phrase (${lang})`, () => {
      const atOpening = grade({ lang, ...LET_PASS[lang], context: gradingContext(persona, 'opening') });
      const elsewhere = grade({ lang, ...LET_PASS[lang], context: gradingContext(persona, 'resolved') });
      const bare = grade({ lang, ...LET_PASS[lang], context: gradingContext(PersonaSchema.parse(data), 'opening') });
      expect(atOpening.feedback.example).toBe(persona.stages.opening?.examples?.boundary?.[lang][0]);
      expect(elsewhere.feedback.example).toBe(persona.examples?.boundary?.[lang][0]);
      expect(bare.feedback.example).toBe(TEXTS[lang].tips.boundary_missing[0]?.example);
    });
  }
});
