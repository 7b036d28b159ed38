import { overallScore } from '../../evaluation/grade.js';
import type { Intensity, Persona } from '../../personas/persona-schema.js';
import { requireStage, stageLines } from '../../engine/script-machine.js';
import type { ScenarioAnswer, ScenarioRound } from './group-record.js';

/**
 * The shared line of a stage: the first prepared variant the group has not heard yet, so every
 * trainee gets the very same words and a customer who stays in one stage still varies.
 */
export function sharedLine(
  persona: Persona,
  stageId: string,
  lang: 'de' | 'en',
  intensity: Intensity,
  said: readonly string[],
): { text: string; narration: string | undefined } {
  const stage = requireStage(persona, stageId);
  const variants = stageLines(stage, lang, intensity);
  const heard = new Set(said);
  const text = variants.find((line) => !heard.has(line)) ?? variants[said.length % variants.length] ?? variants[0] ?? '…';
  return { text, narration: stage.narration?.[lang] };
}

type AnswerRefusal = 'closed' | 'not_expected' | 'already' | null;

/** Whether a trainee's message counts as their answer to this round; the first answer counts. */
export function answerRefusal(round: ScenarioRound | undefined, userId: string): AnswerRefusal {
  // Someone who answered hears "your first answer counts", also once the round has closed.
  if (round?.answers.some((answer) => answer.userId === userId)) return 'already';
  if (!round || round.closedAt !== null) return 'closed';
  if (!round.expected.includes(userId)) return 'not_expected';
  return null;
}

/** Everyone who was in the group when the round opened has a graded answer. */
export function roundComplete(round: ScenarioRound): boolean {
  return round.expected.every((userId) => round.answers.some((answer) => answer.userId === userId && answer.grade !== null));
}

/**
 * The stage the shared customer moves to: the one most answers of the round would have led to
 * (each trainee's engine session took its own transition). A tie goes to the stage backed by the
 * higher mean score, then to the first reached. No graded answer: the customer stays where it is.
 */
export function majorityStage(answers: readonly ScenarioAnswer[], currentStage: string): string {
  const votes = new Map<string, { count: number; scoreSum: number; first: number }>();
  answers.forEach((answer, index) => {
    if (!answer.grade || !answer.nextStage) return;
    const vote = votes.get(answer.nextStage) ?? { count: 0, scoreSum: 0, first: index };
    vote.count++;
    vote.scoreSum += overallScore(answer.grade);
    votes.set(answer.nextStage, vote);
  });
  let best: { stage: string; count: number; mean: number; first: number } | undefined;
  for (const [stage, vote] of votes) {
    const candidate = { stage, count: vote.count, mean: vote.scoreSum / vote.count, first: vote.first };
    if (
      !best ||
      candidate.count > best.count ||
      (candidate.count === best.count && (candidate.mean > best.mean || (candidate.mean === best.mean && candidate.first < best.first)))
    ) {
      best = candidate;
    }
  }
  return best?.stage ?? currentStage;
}
