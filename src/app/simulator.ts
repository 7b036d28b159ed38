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
import type { CustomerVoice } from '../engine/customer-voice.js';
import { createScriptedVoice } from '../engine/scripted-voice.js';
import type { CustomerLine } from '../engine/session.js';

/**
 * Plays conversations through the real engine offline (the shipped grader, the scripted voice, a
 * store in memory): the labelled reaction cases (`test/engine/reaction-cases/`), the re-ask suite
 * and the variety benchmark all use it. The customer's lines come from the script, or from the case
 * where it brings its own; the trainee's replies are replayed.
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

interface Replayed {
  /** the customer's lines in order, the opening first */
  lines: CustomerLine[];
  /** the session ended before the last reply could be answered */
  endedEarly: boolean;
  /** the dialogue acts the grader read in each reply played, in order */
  acts: DialogueAct[][];
}

interface PlayOptions {
  intensity?: 'gentle' | 'standard' | 'harsh';
  /**
   * What the customer said before each reply, as a case was written and labelled: the customer says
   * these words instead of the script's own, so the grader and the listening script read the reply
   * against them (the script's opening is often about something else, and a reply naming the project
   * manager change was then graded against a cancelled meeting). The script still decides the stage
   * and the family of each answer; a customer turn after the case's last is the script's.
   */
  customerTurns?: readonly string[];
}

interface Simulator {
  /** plays the trainee's replies in order; stops when the conversation ends */
  play(personaId: string, lang: 'de' | 'en', replies: readonly string[], options?: PlayOptions): Promise<Replayed>;
}

export function createSimulator(personas: PersonaCatalog, options: { random?: () => number } = {}): Simulator {
  const log = pino({ level: 'silent' });
  // the customer lines of the case being played, if it brought its own (see PlayOptions), and how many were said
  let caseTurns: readonly string[] = [];
  let spoken = 0;
  const scripted = createScriptedVoice(options.random ? { random: options.random } : {});
  const voice: CustomerVoice = {
    id: scripted.id,
    async nextLine(request, callOptions) {
      const line = await scripted.nextLine(request, callOptions);
      const own = caseTurns[spoken++];
      return own === undefined ? line : { ...line, text: own };
    },
  };
  const engine: PracticeEngine = createPracticeEngine({
    personas,
    grader: createOfflineGrader({ logger: log }),
    voice,
    store: createKeyvStorage(new Keyv({ throwOnErrors: true }), log).sessions,
    log,
    advise: createAdvice(personas),
  });
  let counter = 0;
  return {
    async play(personaId, lang, replies, options = {}) {
      const intensity = options.intensity ?? 'standard';
      caseTurns = options.customerTurns ?? [];
      spoken = 0;
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

/** The customer turns of a case's history, in order: what each replayed reply answers. */
export function caseCustomerTurns(reactionCase: ReactionCase): string[] {
  return reactionCase.history.filter((turn) => turn.role === 'customer').map((turn) => turn.text);
}

/** The trainee turns of a case's history, then its reply. */
export function caseReplies(reactionCase: ReactionCase): string[] {
  return [...reactionCase.history.filter((turn) => turn.role === 'trainee').map((turn) => turn.text), reactionCase.reply];
}
