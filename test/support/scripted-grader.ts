import type { Grade, GradeInput } from '../../src/evaluation/grade.js';
import type { Grader } from '../../src/evaluation/grader.js';
import type { DialogueAct } from '../../src/evaluation/model/heads.js';

export interface GradeShape {
  composure?: number;
  empathy?: number;
  solution?: boolean;
  ends?: boolean;
  verdict?: Grade['boundary']['verdict'];
  acts?: DialogueAct[];
}

export function makeGrade(shape: GradeShape, grader = 'scripted'): Grade {
  return {
    composure: { score: shape.composure ?? 4, evidence: [] },
    empathy: { score: shape.empathy ?? 3, emotionalReaction: 1, interpretation: 1, exploration: 0, evidence: [] },
    boundary: { needed: false, verdict: shape.verdict ?? 'not_needed', evidence: [] },
    signals: { offersSolution: shape.solution ?? false, endsConversation: shape.ends ?? false, ...(shape.acts ? { acts: shape.acts } : {}) },
    feedback: { strength: 's', tip: 't', example: 'e' },
    source: { grader, rubricVersion: 'test' },
  };
}

/**
 * A grader for engine tests that reads the wanted grade from the reply text itself
 * (`rude`, `warm`, `fix`, `bye`, `info` keywords), records every input it saw, and can be slowed down.
 */
export function createKeywordGrader(options: { delayMs?: number; id?: string } = {}): Grader & { inputs: GradeInput[] } {
  const inputs: GradeInput[] = [];
  return {
    id: options.id ?? 'keyword',
    inputs,
    async grade(input) {
      inputs.push(input);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const text = input.reply.toLowerCase();
      return makeGrade(
        {
          composure: text.includes('rude') ? 1 : 4,
          empathy: text.includes('warm') ? 5 : 3,
          solution: text.includes('fix'),
          ends: text.includes('bye'),
          ...(text.includes('info') ? { acts: ['gives_info' as const] } : {}),
        },
        options.id ?? 'keyword',
      );
    },
  };
}
