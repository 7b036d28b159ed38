import { describe, expect, it } from 'vitest';
import type { Grade, GradeInput } from '../../src/evaluation/grade.js';
import type { Grader } from '../../src/evaluation/grader.js';
import { shareGradesByInput } from '../../src/llm/shared-grades.js';
import { gradeInput, gradeWith } from '../support/fake-openai/llm-test-kit.js';

/** A grader that fails its first `failures` calls and records every input it is asked to grade. */
function flakyGrader(failures: number): Grader & { inputs: GradeInput[] } {
  const inputs: GradeInput[] = [];
  return {
    id: 'offline-test',
    inputs,
    async grade(input): Promise<Grade> {
      inputs.push(input);
      if (inputs.length <= failures) throw new Error('grader busy');
      return gradeWith({ composure: 3, empathy: 3 });
    },
  };
}

describe('shareGradesByInput', () => {
  it('grades one input object once for every caller', async () => {
    const inner = flakyGrader(0);
    const shared = shareGradesByInput(inner);
    const input = gradeInput('Hello.');
    const [first, second] = await Promise.all([shared.grade(input), shared.grade(input)]);
    expect(second).toBe(first);
    expect(inner.inputs).toHaveLength(1);
    expect(shared.id).toBe('offline-test');
  });

  it('does not share a failed grade: the next caller grades again', async () => {
    const inner = flakyGrader(1);
    const shared = shareGradesByInput(inner);
    const input = gradeInput('Hello.');
    await expect(shared.grade(input)).rejects.toThrow('grader busy');
    await expect(shared.grade(input)).resolves.toMatchObject({ composure: { score: 3 } });
    expect(inner.inputs).toHaveLength(2);
  });
});
