import type { Grade } from '../evaluation/grade.js';
import type { Condition, Intensity, Persona, Stage, StageEnd } from '../personas/persona-schema.js';
import { heardHolds, type HeardReply } from './listening.js';

/**
 * Does the trainee's last reply satisfy a condition? Every given field must hold: those on the grade
 * here, those on what the reply does and gives (`heard`) in {@link heardHolds}; without `heard` a
 * condition on them does not hold.
 */
export function conditionHolds(condition: Condition, grade: Grade, turn: number, heard?: HeardReply): boolean {
  const inRange = (score: number, range: { min?: number | undefined; max?: number | undefined } | undefined) =>
    range === undefined || ((range.min === undefined || score >= range.min) && (range.max === undefined || score <= range.max));
  return (
    inRange(grade.composure.score, condition.composure) &&
    inRange(grade.empathy.score, condition.empathy) &&
    (condition.boundary === undefined || condition.boundary.includes(grade.boundary.verdict)) &&
    (condition.offersSolution === undefined || condition.offersSolution === grade.signals.offersSolution) &&
    (condition.endsConversation === undefined || condition.endsConversation === grade.signals.endsConversation) &&
    (condition.minTurn === undefined || turn >= condition.minTurn) &&
    heardHolds(condition, heard)
  );
}

/** Families in which the customer has already answered a reply angrily. */
const ANGRY_FAMILIES: ReadonlySet<string> = new Set(['escalate', 'lecture_rebuked', 'blame_rebuked', 'boundary_rebuffed']);

/**
 * A reply that is not composed after the customer already reacted angrily to an earlier one is a
 * second strike: the customer ends the conversation (reaction guide, rule 2), whichever stage a
 * rebuke left them in. Telling off a customer who only vented ("your e-mails have been anything but
 * factual") is one too, however calmly worded: it answers their anger with a reprimand. The
 * persona's first stage that ends with a hang-up; undefined when the rule does not apply or the
 * persona has none.
 */
export function secondStrikeStage(persona: Persona, previousFamily: string | undefined, grade: Grade): string | undefined {
  const strikes = grade.composure.score <= 2 || grade.boundary.verdict === 'unnecessary';
  if (!strikes || previousFamily === undefined || !ANGRY_FAMILIES.has(previousFamily)) return undefined;
  return firstStageEnding(persona, 'hung_up');
}

/** Families in which the customer's last line was about the matter, not about their anger. */
const CALMED_FAMILIES: ReadonlySet<string> = new Set(['calm_down', 'acknowledge', 'hold_to_time']);

/**
 * A customer who has already come round to the matter accepts a calm, concrete next step (reaction
 * guide, rule 3), whichever stage they are in: the persona's first stage that ends resolved;
 * undefined when the rule does not apply. A step that comes with a reprimand or an ending is no
 * acceptance, and a reply that is not composed falls to the second-strike rule first.
 */
export function acceptanceStage(persona: Persona, previousFamily: string | undefined, grade: Grade): string | undefined {
  if (previousFamily === undefined || !CALMED_FAMILIES.has(previousFamily)) return undefined;
  if (grade.composure.score < 3 || !grade.signals.offersSolution || grade.signals.endsConversation) return undefined;
  if (grade.boundary.verdict === 'unnecessary' || grade.boundary.verdict === 'too_harsh') return undefined;
  return firstStageEnding(persona, 'resolved');
}

/** The id of the persona's first stage that ends the conversation this way. */
function firstStageEnding(persona: Persona, end: StageEnd): string | undefined {
  return Object.entries(persona.stages).find(([, stage]) => stage.end === end)?.[0];
}

/** The stage the customer moves to after a graded reply: the first transition that holds, else the same stage. */
export function nextStageId(persona: Persona, stageId: string, grade: Grade, turn: number, heard?: HeardReply): string {
  const stage = persona.stages[stageId];
  if (!stage) return stageId;
  return stage.transitions.find((transition) => conditionHolds(transition.when, grade, turn, heard))?.to ?? stageId;
}

export function requireStage(persona: Persona, stageId: string): Stage {
  const stage = persona.stages[stageId];
  // The schema guarantees every transition target and `start` exist; a missing stage means a session
  // outlived an edit of its persona file.
  if (!stage) throw new Error(`persona ${persona.id} has no stage "${stageId}"`);
  return stage;
}

/** The prepared variants of a stage for this language and intensity. */
export function stageLines(stage: Stage, lang: 'de' | 'en', intensity: Intensity): string[] {
  const variants = intensity === 'gentle' ? stage.gentle : intensity === 'harsh' ? stage.harsh : undefined;
  return (variants ?? stage.lines)[lang];
}
