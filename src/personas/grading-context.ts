import { AppError } from '../errors.js';
import type { CustomerGender } from '../evaluation/feedback-text/customer-words.js';
import { EXAMPLE_FAMILIES, type FeedbackExamples } from '../evaluation/feedback-text/feedback-examples.js';
import type { GradingContext } from '../evaluation/grade.js';
import type { Persona, Stage } from './persona-schema.js';

/**
 * What a grader learns about the persona: its id and rubric focus, and, for a reply to a line of
 * `stageId`, whether that line is an insult and the feedback examples that fit the moment. Without a
 * stage (a single reply graded outside a session) only the persona-level examples apply. Throws when
 * the stage is not in the persona: a stored session that outlived an edit of its file.
 */
export function gradingContext(persona: Persona, stageId?: string): GradingContext {
  const stage = stageId === undefined ? undefined : requireStage(persona, stageId);
  const examples = mergeExamples(stage?.examples, persona.examples);
  const gender = customerGender(persona);
  return {
    personaId: persona.id,
    focus: stage?.focus ?? persona.focus,
    ...(gender ? { customerGender: gender } : {}),
    // the script knows whether its line insults: a stage that does not say so does not
    ...(stage ? { customerAbusive: stage.abusive } : {}),
    ...(examples ? { examples } : {}),
  };
}

/** The persona's stated gender, else the one its German name says ("Frau …", "Herr …"). */
export function customerGender(persona: Persona): CustomerGender | undefined {
  if (persona.customerGender) return persona.customerGender;
  const name = persona.customerName.de.trim();
  if (/^Frau\b/u.test(name)) return 'female';
  if (/^Herr\b/u.test(name)) return 'male';
  return undefined;
}

/** Per family, the stage's lines win; the persona's lines fill the families the stage leaves out. */
function mergeExamples(stage: FeedbackExamples | undefined, persona: FeedbackExamples | undefined): FeedbackExamples | undefined {
  if (!stage) return persona;
  if (!persona) return stage;
  const merged: FeedbackExamples = {};
  for (const family of EXAMPLE_FAMILIES) {
    const lines = stage[family] ?? persona[family];
    if (lines) merged[family] = lines;
  }
  return merged;
}

function requireStage(persona: Persona, stageId: string): Stage {
  const stage = Object.hasOwn(persona.stages, stageId) ? persona.stages[stageId] : undefined;
  if (!stage) throw new AppError('persona_stage_unknown', `persona "${persona.id}" has no stage "${stageId}"`);
  return stage;
}
