import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseCustomerTurns, caseReplies, createSimulator, ReactionCaseSchema, type ReactionCase } from '../../src/app/simulator.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';

/**
 * The labelled reaction cases (`test/engine/reaction-cases/`, written by someone who never read the
 * scripts, from GUIDE.md and PERSONAS.md only), replayed through the scripted customer steered by the
 * shipped offline grader. The product target is the expected family for 90 % of the cases of each
 * persona and language; today about seven in ten are met (`npm run bench` prints the figures and the misses),
 * so these tests hold the level reached and fail on a regression, not on the open gap.
 */
const FLOOR_PER_PERSONA = 0.45;
const FLOOR_OVERALL = 0.65;

function loadCases(file: string): ReactionCase[] {
  const text = readFileSync(new URL(`reaction-cases/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = ReactionCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

const cases = [...loadCases('cases-en.jsonl'), ...loadCases('cases-de.jsonl')];
const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

describe('reaction cases', () => {
  const groups = new Map<string, ReactionCase[]>();
  for (const reactionCase of cases) {
    const key = `${reactionCase.persona} (${reactionCase.lang})`;
    groups.set(key, [...(groups.get(key) ?? []), reactionCase]);
  }

  it('cover every built-in persona in both languages with at least 30 cases', () => {
    for (const persona of personas.list()) {
      for (const lang of ['en', 'de']) expect(groups.get(`${persona.id} (${lang})`)?.length ?? 0).toBeGreaterThanOrEqual(30);
    }
  });

  const results = new Map<string, { misses: string[]; count: number }>();
  async function missesOf(key: string, group: readonly ReactionCase[]): Promise<string[]> {
    const simulator = createSimulator(personas, { random: () => 0 });
    const misses: string[] = [];
    for (const reactionCase of group) {
      const played = await simulator.play(reactionCase.persona, reactionCase.lang, caseReplies(reactionCase), {
        intensity: reactionCase.intensity,
        customerTurns: caseCustomerTurns(reactionCase),
      });
      const answer = played.endedEarly ? undefined : played.lines.at(-1);
      const family = answer && played.lines.length === caseReplies(reactionCase).length + 1 ? answer.family : undefined;
      if (family !== reactionCase.expect) misses.push(`${reactionCase.id}: expected ${reactionCase.expect}, got ${family ?? 'no answer'}`);
    }
    results.set(key, { misses, count: group.length });
    return misses;
  }

  for (const [key, group] of groups) {
    it(`${key}: the customer answers with the expected family at least ${FLOOR_PER_PERSONA * 100} % of the time (target 90 %)`, async () => {
      const misses = await missesOf(key, group);
      expect(1 - misses.length / group.length, misses.join('\n')).toBeGreaterThanOrEqual(FLOOR_PER_PERSONA);
    });
  }

  it(`answers with the expected family in at least ${FLOOR_OVERALL * 100} % of all cases (target 90 %)`, async () => {
    for (const [key, group] of groups) if (!results.has(key)) await missesOf(key, group);
    const all = [...results.values()];
    const met = all.reduce((sum, r) => sum + r.count - r.misses.length, 0) / all.reduce((sum, r) => sum + r.count, 0);
    expect(met).toBeGreaterThanOrEqual(FLOOR_OVERALL);
  });
});
