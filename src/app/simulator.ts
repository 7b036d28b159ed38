import { pino } from 'pino';
import type { DialogueAct } from '../evaluation/model/heads.js';
import { z } from 'zod';
import { createOfflineGrader } from '../evaluation/offline-grader.js';
import { LanguageSchema, TurnSchema } from '../evaluation/grade.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import { IntensitySchema, ReactionFamilySchema } from '../personas/persona-schema.js';
import Keyv from 'keyv';
import { createKeyvStorage } from '../storage/keyv-storage.js';
import { createAdvice } from '../engine/advice.js';
import { createPracticeEngine, type PracticeEngine } from '../engine/practice-engine.js';
import { createScriptedVoice } from '../engine/scripted-voice.js';
import type { CustomerLine } from '../engine/session.js';

/**
 * Plays conversations through the real engine offline (the shipped grader, the scripted voice, a
 * store in memory): the labelled reaction cases (`test/engine/reaction-cases/`), the re-ask suite
 * and the variety benchmark all use it. The customer's own lines come from the script; only the
 * trainee's replies are replayed.
 */
export const ReactionCaseSchema = z.object({
  id: z.string().min(1),
  persona: z.string().min(1),
  lang: LanguageSchema,
  intensity: IntensitySchema.default('standard'),
  /** the conversation as the case's writer imagined it; only the trainee turns are replayed */
  history: z.array(TurnSchema).min(1),
  reply: z.string().min(1),
  expect: ReactionFamilySchema,
  why: z.string().optional(),
});
export type ReactionCase = z.infer<typeof ReactionCaseSchema>;

export interface Replayed {
  /** the customer's lines in order, the opening first */
  lines: CustomerLine[];
  /** the session ended before the last reply could be answered */
  endedEarly: boolean;
  /** the dialogue acts the grader read in each reply played, in order */
  acts: DialogueAct[][];
}

export interface Simulator {
  /** plays the trainee's replies in order; stops when the conversation ends */
  play(personaId: string, lang: 'de' | 'en', replies: readonly string[], intensity?: 'gentle' | 'standard' | 'harsh'): Promise<Replayed>;
}

export function createSimulator(personas: PersonaCatalog, options: { random?: () => number } = {}): Simulator {
  const log = pino({ level: 'silent' });
  const engine: PracticeEngine = createPracticeEngine({
    personas,
    grader: createOfflineGrader({ logger: log }),
    voice: createScriptedVoice(options.random ? { random: options.random } : {}),
    store: createKeyvStorage(new Keyv({ throwOnErrors: true }), log).sessions,
    log,
    advise: createAdvice(personas),
  });
  let counter = 0;
  return {
    async play(personaId, lang, replies, intensity = 'standard') {
      counter++;
      const started = await engine.start({ userId: `sim-${counter}`, guildId: null, personaId, lang, intensity });
      const lines: CustomerLine[] = [started.line];
      const acts: DialogueAct[][] = [];
      for (const [index, reply] of replies.entries()) {
        const result = await engine.reply(started.session.id, reply);
        acts.push([...(result.exchange.grade.signals.acts ?? [])]);
        if (result.line) lines.push(result.line);
        if (result.ended && index < replies.length - 1) return { lines, endedEarly: true, acts };
        if (!result.line) return { lines, endedEarly: index < replies.length - 1, acts };
      }
      return { lines, endedEarly: false, acts };
    },
  };
}

/** The trainee turns of a case's history, then its reply. */
export function caseReplies(reactionCase: ReactionCase): string[] {
  return [...reactionCase.history.filter((turn) => turn.role === 'trainee').map((turn) => turn.text), reactionCase.reply];
}
