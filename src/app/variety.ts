import { readFileSync } from 'node:fs';
import type { Language } from '../evaluation/grade.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import { mulberry32 } from '../evaluation/training/trainer.js';
import { createSimulator } from './simulator.js';

/**
 * Variety of the scripted customers: many simulated sessions per persona and language with replies
 * drawn (seeded) from a pool of trainee replies, counting customer lines said twice in a session,
 * distinct lines over all sessions, and distinct paths through the script (stage and reaction family of each line).
 */
interface VarietyFigures {
  personaId: string;
  lang: Language;
  sessions: number;
  lines: number;
  distinctLines: number;
  /** customer lines said twice within one session (the target is none) */
  repeatsWithinSession: number;
  distinctPaths: number;
}

export async function measureVariety(
  personas: PersonaCatalog,
  pool: readonly string[],
  options: { personaId: string; lang: Language; sessions: number; repliesPerSession: number; seed: number },
): Promise<VarietyFigures> {
  const random = mulberry32(options.seed);
  const simulator = createSimulator(personas, { random });
  const seen = new Set<string>();
  const paths = new Set<string>();
  let lines = 0;
  let repeats = 0;
  for (let session = 0; session < options.sessions; session++) {
    const replies = Array.from({ length: options.repliesPerSession }, () => pool[Math.floor(random() * pool.length)] ?? '');
    const played = await simulator.play(options.personaId, options.lang, replies);
    const inSession = new Set<string>();
    for (const line of played.lines) {
      lines++;
      if (inSession.has(line.text)) repeats++;
      inSession.add(line.text);
      seen.add(line.text);
    }
    paths.add(played.lines.map((line) => `${line.stage}/${line.family ?? ''}`).join('>'));
  }
  return {
    personaId: options.personaId,
    lang: options.lang,
    sessions: options.sessions,
    lines,
    distinctLines: seen.size,
    repeatsWithinSession: repeats,
    distinctPaths: paths.size,
  };
}

/** Trainee replies of the labelled reaction cases for a persona and language: varied, written by someone else. */
export function reactionCaseReplies(file: string | URL, personaId: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { persona: string; reply: string; history: { role: string; text: string }[] })
    .filter((entry) => entry.persona === personaId)
    .flatMap((entry) => [entry.reply, ...entry.history.filter((turn) => turn.role === 'trainee').map((turn) => turn.text)]);
}
