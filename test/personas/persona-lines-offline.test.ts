import { describe, expect, it } from 'vitest';
import { detectAbuse } from '../../src/evaluation/abuse.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';

// Offline, the grader decides whether a boundary was needed from the customer's line alone. Only the
// insulting persona attacks the trainee; if another persona's line read as an insult, setting a
// boundary there (wrong against a venting customer) would be graded as right.
const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

describe('built-in customer lines and the offline abuse check', () => {
  it('reads no line of a persona other than the insulting one as an insult at the trainee', () => {
    const flagged: string[] = [];
    for (const persona of catalog.list().filter((p) => !p.focus.includes('insults'))) {
      for (const [stageId, stage] of Object.entries(persona.stages)) {
        for (const variants of [stage.lines, stage.gentle, stage.harsh]) {
          for (const lang of ['de', 'en'] as const) {
            for (const line of variants?.[lang] ?? []) {
              if (detectAbuse(line, lang).aimedAtAgent) flagged.push(`${persona.id}.${stageId} [${lang}] ${line}`);
            }
          }
        }
      }
    }
    expect(flagged).toEqual([]);
  });
});
