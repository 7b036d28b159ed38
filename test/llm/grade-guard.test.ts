import { describe, expect, it } from 'vitest';
import { GradeSchema } from '../../src/evaluation/grade.js';
import { disagreements, minimumGrade } from '../../src/llm/grade-guard.js';
import { gradeWith } from '../support/fake-openai/llm-test-kit.js';

describe('minimumGrade', () => {
  it('takes the lower score per criterion and the offline feedback', () => {
    const judge = gradeWith({ composure: 2, empathy: 5 }, 'llm-judge:x');
    judge.empathy.emotionalReaction = 2;
    judge.feedback = { strength: 'judge praise', tip: 'judge tip', example: 'judge example' };
    const offline = gradeWith({ composure: 4, empathy: 3 });
    const combined = minimumGrade(judge, offline, 'llm-judge:x+guard');
    expect(GradeSchema.parse(combined)).toEqual(combined);
    expect(combined.composure.score).toBe(2);
    expect(combined.empathy.score).toBe(3);
    expect(combined.empathy.emotionalReaction).toBe(1);
    expect(combined.feedback).toEqual(offline.feedback);
    expect(combined.source).toEqual({ grader: 'llm-judge:x+guard', rubricVersion: 'test-rubric' });
  });

  it('keeps the worse boundary verdict', () => {
    const judge = gradeWith({ composure: 5, empathy: 5 });
    const offline = gradeWith({ composure: 5, empathy: 5 });
    offline.boundary = { needed: true, verdict: 'missing', evidence: [] };
    expect(minimumGrade(judge, offline, 'g').boundary.verdict).toBe('missing');
    expect(minimumGrade(offline, judge, 'g').boundary.verdict).toBe('missing');
  });
});

describe('disagreements', () => {
  it('lists criteria two or more points apart', () => {
    const judge = gradeWith({ composure: 5, empathy: 4 });
    const offline = gradeWith({ composure: 3, empathy: 3 });
    expect(disagreements(judge, offline)).toEqual([{ criterion: 'composure', judge: 5, offline: 3 }]);
  });
});
