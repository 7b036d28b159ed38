import { boundaryVerdictScore, type Grade } from '../evaluation/grade.js';

/**
 * The grade for a reply that tried to instruct the grader: per criterion the lower of the judge's
 * and the offline grader's score, the worse boundary verdict, and the offline grader's signals,
 * evidence and feedback (the judge's text may echo the injected praise). So the injection can never
 * raise a grade above what the offline grader, which reads no instructions, found.
 */
export function minimumGrade(judge: Grade, offline: Grade, grader: string): Grade {
  const boundary = boundaryVerdictScore(judge.boundary.verdict) < boundaryVerdictScore(offline.boundary.verdict) ? judge.boundary : offline.boundary;
  return {
    composure: { score: Math.min(judge.composure.score, offline.composure.score), evidence: offline.composure.evidence },
    empathy: {
      score: Math.min(judge.empathy.score, offline.empathy.score),
      emotionalReaction: minSub(judge.empathy.emotionalReaction, offline.empathy.emotionalReaction),
      interpretation: minSub(judge.empathy.interpretation, offline.empathy.interpretation),
      exploration: minSub(judge.empathy.exploration, offline.empathy.exploration),
      evidence: offline.empathy.evidence,
    },
    boundary: { ...boundary, evidence: offline.boundary.evidence },
    signals: offline.signals,
    feedback: offline.feedback,
    source: { grader, rubricVersion: offline.source.rubricVersion },
  };
}

function minSub(a: 0 | 1 | 2, b: 0 | 1 | 2): 0 | 1 | 2 {
  return a < b ? a : b;
}

interface Disagreement {
  criterion: 'composure' | 'empathy' | 'boundary';
  judge: number;
  offline: number;
}

/** Criteria on which the two graders are two or more points apart (boundary via its verdict score). */
export function disagreements(judge: Grade, offline: Grade): Disagreement[] {
  const pairs: Disagreement[] = [
    { criterion: 'composure', judge: judge.composure.score, offline: offline.composure.score },
    { criterion: 'empathy', judge: judge.empathy.score, offline: offline.empathy.score },
    { criterion: 'boundary', judge: boundaryVerdictScore(judge.boundary.verdict), offline: boundaryVerdictScore(offline.boundary.verdict) },
  ];
  return pairs.filter((pair) => Math.abs(pair.judge - pair.offline) >= 2);
}
