/**
 * Variety of the scripted customers: 20 simulated sessions per persona and language with replies
 * drawn from the labelled reaction cases' trainee replies (seeded). Prints the distinct-line ratio
 * (distinct customer lines ÷ lines said), distinct paths through the script, and lines said twice in
 * one session (target: none). `npx tsx bench/persona-variety.bench.ts`
 */
import { measureVariety, reactionCaseReplies } from '../src/app/variety.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../src/personas/load-personas.js';

const SESSIONS = 20;
const REPLIES = 6;
const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
process.stdout.write(`persona              lang  sessions  lines  distinct  ratio  paths  repeats in a session\n`);
let repeats = 0;
for (const persona of personas.list()) {
  for (const lang of ['en', 'de'] as const) {
    const pool = reactionCaseReplies(new URL(`../test/engine/reaction-cases/cases-${lang}.jsonl`, import.meta.url), persona.id);
    const f = await measureVariety(personas, pool, { personaId: persona.id, lang, sessions: SESSIONS, repliesPerSession: REPLIES, seed: 7 });
    repeats += f.repeatsWithinSession;
    process.stdout.write(
      `${f.personaId.padEnd(20)} ${lang.padEnd(5)} ${String(f.sessions).padStart(8)} ${String(f.lines).padStart(6)} ${String(f.distinctLines).padStart(9)} ${(f.distinctLines / f.lines).toFixed(2).padStart(6)} ${String(f.distinctPaths).padStart(6)} ${String(f.repeatsWithinSession).padStart(8)}\n`,
    );
  }
}
process.stdout.write(`lines repeated within a session, all personas: ${repeats} (target 0)\n`);
