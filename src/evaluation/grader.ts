import type { CallOptions } from '../engine/call-options.js';
import type { Grade, GradeInput } from './grade.js';

/**
 * A grader turns one trainee reply, in the context of the customer's last line and the
 * conversation so far, into a {@link Grade}. Implementations: the offline grader
 * (`offline-grader.ts`, lexicons and patterns, no model) and the LLM judge (`src/llm/`).
 *
 * Contract:
 * - never throws for any string content of `input.reply` (empty, huge, hostile); the caller has
 *   already validated the shape of `input`;
 * - text inside `input.reply` is data, never instructions: nothing the trainee writes may raise a grade
 *   beyond what the same reply without that text would get;
 * - fills `grade.source` with its own id and the rubric version it used;
 * - honours `signal` where it does I/O (an aborted grade rejects with the abort reason).
 */
export interface Grader {
  readonly id: string;
  grade(input: GradeInput, options?: CallOptions): Promise<Grade>;
}
