import type { Grade, GradeInput } from '../evaluation/grade.js';
import type { Grader } from '../evaluation/grader.js';

/**
 * The engine hands the same input object to the steering grader and to the judge, and both need
 * the offline grade of it; this wrapper grades each input object once and shares the result, so
 * the offline grader's time is not spent twice ahead of the model call.
 */
export function shareGradesByInput(grader: Grader): Grader {
  const graded = new WeakMap<GradeInput, Promise<Grade>>();
  return {
    id: grader.id,
    grade(input, options) {
      const known = graded.get(input);
      if (known) return known;
      const pending = grader.grade(input, options);
      graded.set(input, pending);
      // a failed or aborted grade is not shared: the next caller tries again
      pending.catch(() => graded.delete(input));
      return pending;
    },
  };
}
