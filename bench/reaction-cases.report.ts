/**
 * Prints how often the scripted customer answers the labelled reaction cases with the expected
 * family, per persona and language, and the confusion (expected → answered) over all cases.
 * `npx tsx bench/reaction-cases.report.ts [en|de]`
 */
import { readFileSync } from 'node:fs';
import { caseCustomerTurns, caseReplies, createSimulator, ReactionCaseSchema } from '../src/app/simulator.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../src/personas/load-personas.js';

const langs = process.argv[2] ? [process.argv[2]] : ['en', 'de'];
const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
const simulator = createSimulator(personas, { random: () => 0 });
const confusion = new Map<string, number>();
const byGroup = new Map<string, [number, number]>();
for (const lang of langs) {
  let text = '';
  try {
    text = readFileSync(new URL(`../test/engine/reaction-cases/cases-${lang}.jsonl`, import.meta.url), 'utf8');
  } catch {
    continue;
  }
  for (const raw of text.split('\n').filter((line) => line.trim() !== '')) {
    const reactionCase = ReactionCaseSchema.parse(JSON.parse(raw));
    const replies = caseReplies(reactionCase);
    const played = await simulator.play(reactionCase.persona, reactionCase.lang, replies, {
      intensity: reactionCase.intensity,
      customerTurns: caseCustomerTurns(reactionCase),
    });
    const answer = !played.endedEarly && played.lines.length === replies.length + 1 ? played.lines.at(-1)?.family : undefined;
    const got = answer ?? (played.endedEarly ? 'ended-early' : 'no-answer');
    const key = `${reactionCase.persona} (${lang})`;
    const [right, all] = byGroup.get(key) ?? [0, 0];
    byGroup.set(key, [right + (got === reactionCase.expect ? 1 : 0), all + 1]);
    if (got !== reactionCase.expect) {
      confusion.set(`${reactionCase.expect} → ${got}`, (confusion.get(`${reactionCase.expect} → ${got}`) ?? 0) + 1);
      if (process.env['VERBOSE']) process.stdout.write(`${reactionCase.id}: ${reactionCase.expect} → ${got} | ${reactionCase.reply.slice(0, 110)}\n`);
    }
  }
}
let right = 0;
let all = 0;
for (const [key, [r, a]] of [...byGroup].sort()) {
  right += r;
  all += a;
  process.stdout.write(`${key.padEnd(28)} ${r}/${a}  ${((r / a) * 100).toFixed(0)} %\n`);
}
process.stdout.write(`all: ${right}/${all} ${((right / Math.max(1, all)) * 100).toFixed(1)} %\n\nmisses by family:\n`);
for (const [key, n] of [...confusion].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${String(n).padStart(3)}  ${key}\n`);
