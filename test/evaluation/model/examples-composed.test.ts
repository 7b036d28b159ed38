import { describe, expect, it } from 'vitest';
import { de } from '../../../src/evaluation/feedback-text/de.js';
import { en } from '../../../src/evaluation/feedback-text/en.js';
import { EXAMPLE_FAMILIES } from '../../../src/evaluation/feedback-text/feedback-examples.js';
import type { TipVariant } from '../../../src/evaluation/feedback-text/feedback-text-types.js';
import type { Language } from '../../../src/evaluation/grade.js';
import { gradeOffline } from '../../../src/evaluation/offline-grader.js';
import { gradingContext } from '../../../src/personas/grading-context.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../../src/personas/load-personas.js';

// Every sentence the product shows a trainee as what to say ("Try: …") is graded by the same
// grader the moment the trainee says it. An example marked down as hostile tells the trainee to do
// what it then punishes: Mr Brandt's closing example "Let me give you my direct number. If anything
// at the hotel still goes wrong, call me, not the hotline." had been read as a send-away (2/5).
const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

interface Shown {
  where: string;
  lang: Language;
  customer: string;
  reply: string;
  context?: ReturnType<typeof gradingContext>;
}

function personaExamples(): Shown[] {
  const shown: Shown[] = [];
  for (const persona of catalog.list()) {
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      if (stage.end) continue;
      const context = gradingContext(persona, stageId);
      for (const lang of ['de', 'en'] as const) {
        const customer = stage.lines[lang][0];
        if (customer === undefined) continue;
        for (const family of EXAMPLE_FAMILIES) {
          for (const reply of context.examples?.[family]?.[lang] ?? [])
            shown.push({ where: `${persona.id}.${stageId} ${family}`, lang, customer, reply, context });
        }
      }
    }
  }
  return shown;
}

const GENERIC_CUSTOMER: Record<Language, string> = {
  en: 'This is the third time I am calling about this. Nobody has sorted it out.',
  de: 'Ich rufe jetzt zum dritten Mal deswegen an. Niemand hat das geklärt.',
};

function tipExamples(): Shown[] {
  const shown: Shown[] = [];
  for (const [lang, text] of [
    ['en', en],
    ['de', de],
  ] as const) {
    for (const [key, variants] of Object.entries(text.tips) as Array<[string, readonly TipVariant[]]>) {
      for (const variant of variants) shown.push({ where: `tip ${key}`, lang, customer: GENERIC_CUSTOMER[lang], reply: variant.example });
    }
  }
  return shown;
}

function markedDown(examples: readonly Shown[]): string[] {
  return examples
    .filter(
      ({ lang, customer, reply, context }) =>
        gradeOffline({ lang, customer, reply, history: [], ...(context ? { context } : {}) }, 'test').composure.score <= 2,
    )
    .map(({ where, lang, reply }) => `${where} [${lang}]: ${reply}`);
}

describe('the examples the product shows as what to say', () => {
  it('finds examples to check in every built-in persona', () => {
    const personas = new Set(personaExamples().map(({ where }) => where.split('.')[0]));
    expect([...personas].sort()).toEqual(
      catalog
        .list()
        .map((persona) => persona.id)
        .sort(),
    );
  });

  it("are never marked down as hostile in the persona's own conversation", () => {
    expect(markedDown(personaExamples())).toEqual([]);
  });

  it("are never marked down as hostile as the generic tips' examples", () => {
    expect(markedDown(tipExamples())).toEqual([]);
  });
});
