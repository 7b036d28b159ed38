import { describe, expect, it } from 'vitest';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import { findStageGraphProblems } from '../../src/personas/persona-graph.js';
import type { Persona, Stage } from '../../src/personas/persona-schema.js';

// Content is tested like code: the shipped personas must be complete in both languages and their
// scripts must be playable from start to an end.
const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
const personas = catalog.list();

const EXPECTED = {
  frustrated: { focus: 'venting', channel: 'phone', notice: false },
  grieving: { focus: 'grief', channel: 'phone', notice: true },
  insulting: { focus: 'insults', channel: 'phone', notice: true },
  'impatient-caller': { focus: 'pressure', channel: 'phone', notice: false },
  'unusual-request': { focus: 'unusual_request', channel: 'in_person', notice: false },
  'drifting-client': { focus: 'relationship', channel: 'email', notice: false },
} as const;

function variantSets(stage: Stage) {
  return [
    ['lines', stage.lines],
    ['gentle', stage.gentle],
    ['harsh', stage.harsh],
  ] as const;
}

describe.each(personas.map((persona) => [persona.id, persona] as const))('built-in persona %s', (id, persona: Persona) => {
  const expected = EXPECTED[id as keyof typeof EXPECTED];

  it('is one of the six planned personas, with its focus, channel and content notice', () => {
    expect(expected).toBeDefined();
    expect(persona.focus).toEqual([expected.focus]);
    expect(persona.channel).toBe(expected.channel);
    expect(persona.contentNotice !== undefined).toBe(expected.notice);
  });

  it('keeps to the size the practice format is built for', () => {
    expect(persona.maxTurns).toBeGreaterThanOrEqual(8);
    expect(persona.maxTurns).toBeLessThanOrEqual(14);
    const stageCount = Object.keys(persona.stages).length;
    expect(stageCount).toBeGreaterThanOrEqual(4);
    expect(stageCount).toBeLessThanOrEqual(7);
  });

  it('can reach every stage from the start, and an end from every stage', () => {
    expect(findStageGraphProblems(persona)).toEqual([]);
    const ends = Object.values(persona.stages).map((stage) => stage.end);
    expect(ends).toContain('resolved');
    expect(ends).toContain('hung_up');
  });

  it('has at least three variants per stage in both languages, more in the opening, German and English paired', () => {
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      const minimum = stageId === persona.start ? 4 : 3;
      for (const [kind, variants] of variantSets(stage)) {
        if (!variants) continue;
        expect(variants.de.length, `${stageId}.${kind}.de`).toBe(variants.en.length);
        if (kind === 'lines') expect(variants.de.length, `${stageId}.lines`).toBeGreaterThanOrEqual(minimum);
        else expect(variants.de.length, `${stageId}.${kind}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('is really written in both languages, not copied from one into the other', () => {
    const pairs: Array<[string, string, string]> = [
      ['names', persona.names.de, persona.names.en],
      ['brief.situation', persona.brief.de.situation, persona.brief.en.situation],
      ['brief.goal', persona.brief.de.goal, persona.brief.en.goal],
      ['backstory', persona.backstory.de, persona.backstory.en],
    ];
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      pairs.push([`${stageId}.hint`, stage.hint.de, stage.hint.en]);
      if (stage.narration) pairs.push([`${stageId}.narration`, stage.narration.de, stage.narration.en]);
      for (const [kind, variants] of variantSets(stage)) {
        variants?.de.forEach((line, index) => pairs.push([`${stageId}.${kind}[${index}]`, line, variants.en[index] ?? '']));
      }
    }
    for (const [where, de, en] of pairs) expect(de, where).not.toBe(en);
  });

  it('marks exactly the stages whose lines insult the trainee as abusive', () => {
    const abusive = Object.entries(persona.stages)
      .filter(([, stage]) => stage.abusive)
      .map(([stageId]) => stageId);
    expect(abusive).toEqual(id === 'insulting' ? ['opening', 'escalated', 'relapse'] : []);
  });

  it('gives intensity variants to the opening, where the tone is set', () => {
    const opening = persona.stages[persona.start];
    expect(opening?.gentle).toBeDefined();
    expect(opening?.harsh).toBeDefined();
  });

  it('never repeats a line within a stage, so a customer who stays in a stage does not echo itself', () => {
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      for (const [kind, variants] of variantSets(stage)) {
        for (const lang of ['de', 'en'] as const) {
          const lines = variants?.[lang] ?? [];
          expect(new Set(lines).size, `${stageId}.${kind}.${lang}`).toBe(lines.length);
        }
      }
    }
  });
});

describe('built-in catalog', () => {
  it('ships exactly the six planned personas', () => {
    expect(personas.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});
