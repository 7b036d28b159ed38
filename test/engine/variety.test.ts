import { describe, expect, it } from 'vitest';
import { measureVariety, reactionCaseReplies } from '../../src/app/variety.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';

const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

describe('scripted customers vary', () => {
  for (const persona of personas.list()) {
    for (const lang of ['en', 'de'] as const) {
      it(`${persona.id} (${lang}) never says a line twice in a session, and five sessions take more than one path`, async () => {
        const pool = reactionCaseReplies(new URL(`reaction-cases/cases-${lang}.jsonl`, import.meta.url), persona.id);
        const many = await measureVariety(personas, pool, { personaId: persona.id, lang, sessions: 20, repliesPerSession: 6, seed: 11 });
        expect(many.repeatsWithinSession).toBe(0);
        const five = await measureVariety(personas, pool, { personaId: persona.id, lang, sessions: 5, repliesPerSession: 6, seed: 3 });
        expect(five.distinctPaths).toBeGreaterThan(1);
        expect(five.distinctLines / five.lines).toBeGreaterThan(0.4);
      });
    }
  }
});
