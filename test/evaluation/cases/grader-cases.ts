import { z } from 'zod';
import { BoundaryVerdictSchema, LanguageSchema, TurnSchema, type GradeInput } from '../../../src/evaluation/grade.js';
import { loadCases } from './load-cases.js';

/**
 * The offline grader's labelled cases (`cases/grader-*.jsonl`): one customer line, one reply, the
 * conversation before it, and the expected grade. Ranges are inclusive `[min, max]`. `pending` names
 * expectations the grader does not meet yet, with the reason; they are listed as todos, not hidden.
 */
const Range = z.tuple([z.number().int().min(0).max(5), z.number().int().min(0).max(5)]);

export const GraderCaseSchema = z
  .object({
    id: z.string().min(1),
    lang: LanguageSchema,
    customer: z.string(),
    reply: z.string(),
    history: z.array(TurnSchema).optional(),
    focus: z.array(z.string()).optional(),
    note: z.string().optional(),
    expect: z
      .object({
        composure: Range.optional(),
        empathy: Range.optional(),
        emotionalReaction: Range.optional(),
        interpretation: Range.optional(),
        exploration: Range.optional(),
        needed: z.boolean().optional(),
        verdict: BoundaryVerdictSchema.optional(),
        offersSolution: z.boolean().optional(),
        endsConversation: z.boolean().optional(),
      })
      .strict()
      // A case whose every expectation is pending (or was never written) would pass whatever the grader did.
      .refine((expected) => Object.keys(expected).length > 0, {
        error: 'expect names nothing to check: give at least one expected field (pending ones stay in "pending", beside it)',
      }),
    pending: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type GraderCase = z.infer<typeof GraderCaseSchema>;

const CASE_FILES = ['grader-en.jsonl', 'grader-de.jsonl'] as const;

export function loadGraderCases(): GraderCase[] {
  return CASE_FILES.flatMap((file) => loadCases(file, GraderCaseSchema));
}

export function inputOf(testCase: GraderCase): GradeInput {
  return {
    lang: testCase.lang,
    customer: testCase.customer,
    reply: testCase.reply,
    history: testCase.history ?? [],
    ...(testCase.focus ? { context: { personaId: `case-${testCase.id}`, focus: testCase.focus } } : {}),
  };
}
