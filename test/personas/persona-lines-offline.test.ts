import { describe, expect, it } from 'vitest';
import { detectAbuse } from '../../src/evaluation/abuse.js';
import { isCoaching } from '../../src/llm/voice-guards.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';

// The scripted lines meet the checks other parts run on customer text. Offline, the grader decides
// whether a boundary was needed from the stage's `abusive` mark and its own reading of the line: if a
// venting customer's line read as an insult, a boundary against legitimate venting would be graded
// as right. And the LLM voice falls
// back to these lines when its own coach the trainee, so they must not look like coaching themselves.
const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

function everyLine(): Array<{ where: string; lang: 'de' | 'en'; line: string; abusive: boolean }> {
  const all: Array<{ where: string; lang: 'de' | 'en'; line: string; abusive: boolean }> = [];
  for (const persona of catalog.list()) {
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      for (const variants of [stage.lines, stage.gentle, stage.harsh]) {
        for (const lang of ['de', 'en'] as const) {
          for (const line of variants?.[lang] ?? []) {
            all.push({ where: `${persona.id}.${stageId} [${lang}]`, lang, line, abusive: stage.abusive });
          }
        }
      }
    }
  }
  return all;
}

describe('built-in customer lines and the offline checks', () => {
  it('reads no line of a stage not marked abusive as an insult at the trainee', () => {
    const flagged = everyLine()
      .filter(({ abusive, lang, line }) => !abusive && detectAbuse(line, lang).aimedAtAgent)
      .map(({ where, line }) => `${where} ${line}`);
    expect(flagged).toEqual([]);
  });

  it('has no customer line that the voice guard would take for coaching the trainee', () => {
    const coaching = everyLine()
      .filter(({ line }) => isCoaching(line))
      .map(({ where, line }) => `${where} ${line}`);
    expect(coaching).toEqual([]);
  });
});
