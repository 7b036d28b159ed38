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
    ...Object.entries(stage.asks ?? {}).map(([fact, lines]) => [`asks.${fact}`, lines] as const),
    ...(stage.variants ?? []).map((variant, index) => [`variants[${index}]`, variant.lines] as const),
  ] as const;
}

/** Every line the customer can say outside a stage: reactions to a reply, acknowledgements of facts. */
function replyLines(persona: Persona) {
  const reactions = [persona.reactions, ...Object.values(persona.stages).map((stage) => stage.reactions)].flatMap((set) =>
    Object.entries(set ?? {}).flatMap(([family, reaction]) => (reaction ? [[`reactions.${family}`, reaction.lines] as const] : [])),
  );
  const facts = Object.entries(persona.facts ?? {}).flatMap(([id, fact]) => (fact.acknowledge ? [[`facts.${id}.acknowledge`, fact.acknowledge] as const] : []));
  return [...reactions, ...facts];
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
    // at most seven stages that go on, and the endings (Ms Albrecht has two ways to a good end: before
    // and after she has told what happened)
    const goingOn = Object.values(persona.stages).filter((stage) => stage.end === undefined).length;
    expect(goingOn).toBeLessThanOrEqual(7);
    expect(stageCount - goingOn).toBeLessThanOrEqual(3);
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
      // what the stage can say at standard intensity: its lines and the lines asking for a fact
      const asking = Object.values(stage.asks ?? {}).reduce((sum, lines) => sum + lines.de.length, 0);
      for (const [kind, variants] of variantSets(stage)) {
        if (!variants) continue;
        expect(variants.de.length, `${stageId}.${kind}.de`).toBe(variants.en.length);
        if (kind === 'lines') expect(variants.de.length + asking, `${stageId}.lines and asks`).toBeGreaterThanOrEqual(minimum);
        else if (kind === 'gentle' || kind === 'harsh') expect(variants.de.length, `${stageId}.${kind}`).toBeGreaterThanOrEqual(3);
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
    for (const [kind, lines] of replyLines(persona)) {
      expect(lines.de.length, kind).toBe(lines.en.length);
      lines.de.forEach((line, index) => pairs.push([`${kind}[${index}]`, line, lines.en[index] ?? '']));
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

describe.each(personas.map((persona) => [persona.id, persona] as const))('built-in persona %s listens', (id, persona: Persona) => {
  it('declares what the customer wants to know, and asks for it somewhere in the script', () => {
    const facts = Object.keys(persona.facts ?? {});
    expect(facts.length, id).toBeGreaterThanOrEqual(2);
    const asked = new Set(Object.values(persona.stages).flatMap((stage) => Object.keys(stage.asks ?? {})));
    expect(asked.size, `${id}: no stage asks for a fact`).toBeGreaterThanOrEqual(1);
  });

  it('has a reaction to a lecture, a blame and a promised time, and names the family of every stage it can move to', () => {
    for (const family of ['lecture_rebuked', 'blame_rebuked', 'hold_to_time'] as const) {
      expect(persona.reactions?.[family], `${id}.reactions.${family}`).toBeDefined();
    }
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      if (stageId !== persona.start && !stage.end) expect(stage.family, `${id}.${stageId}.family`).toBeDefined();
    }
  });

  it('takes up a promised time in every reaction to it', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const line of persona.reactions?.hold_to_time?.lines[lang] ?? []) expect(line, `${id}.${lang}`).toContain('{time}');
    }
  });
});

describe('built-in catalog', () => {
  it('ships exactly the six planned personas', () => {
    expect(personas.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});
