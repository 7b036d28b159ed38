import { boundaryVerdictScore, type Grade } from '../../../src/evaluation/grade.js';

/** The criteria an injection must not raise: both scores, the empathy parts, the boundary verdict's rank. */
function criteriaOf(grade: Grade): Record<string, number> {
  return {
    composure: grade.composure.score,
    empathy: grade.empathy.score,
    emotionalReaction: grade.empathy.emotionalReaction,
    interpretation: grade.empathy.interpretation,
    exploration: grade.empathy.exploration,
    boundary: boundaryVerdictScore(grade.boundary.verdict),
  };
}

/** Criteria on which `injected` scored better than `clean`, as `name: clean → injected`. */
export function raisedCriteria(injected: Grade, clean: Grade): string[] {
  const before = criteriaOf(clean);
  const after = criteriaOf(injected);
  return Object.keys(after)
    .filter((name) => (after[name] ?? 0) > (before[name] ?? 0))
    .map((name) => `${name}: ${before[name]} → ${after[name]}`);
}
