import { z } from 'zod';
import type { Language } from '../grade.js';

/**
 * Example families: what kind of sentence a feedback example shows. Every generic tip variant names
 * the family its example belongs to (`feedback-text/{de,en}.ts`); a persona file may give its own
 * lines per family (`examples`, per persona or per stage), and those replace the generic example
 * wherever the chosen tip calls for that kind of sentence.
 *
 * - `empathy`: names the customer's feeling or situation in their own terms
 * - `exploration`: an open question to understand what matters to the customer
 * - `solution`: a concrete next step, ideally with a time
 * - `composure`: a calm, factual sentence about the matter, not the mood
 * - `boundary`: names a personal insult once, calmly, and offers to carry on
 * - `closing`: rounds the exchange off: a follow-up, the customer's say over timing, a personal contact
 */
export const ExampleFamilySchema = z.enum(['empathy', 'exploration', 'solution', 'composure', 'boundary', 'closing']);
export type ExampleFamily = z.infer<typeof ExampleFamilySchema>;

export const EXAMPLE_FAMILIES: readonly ExampleFamily[] = ExampleFamilySchema.options;

/** An example is one short thing to say; a list of them rotates with the turn. */
export const MAX_EXAMPLE_LENGTH = 240;
const MAX_EXAMPLES_PER_FAMILY = 6;

const ExampleLines = z
  .array(z.string().trim().min(1).max(MAX_EXAMPLE_LENGTH, `at most ${MAX_EXAMPLE_LENGTH} characters: an example is one short thing to say`))
  .min(1)
  .max(MAX_EXAMPLES_PER_FAMILY);

/** One family's lines in both languages; the same number in each, so no translation is forgotten. */
const BilingualExamplesSchema = z
  .object({ de: ExampleLines, en: ExampleLines })
  .strict()
  .superRefine((lines, ctx) => {
    if (lines.de.length !== lines.en.length) {
      ctx.addIssue({
        code: 'custom',
        message: `de has ${lines.de.length} line(s), en has ${lines.en.length}; give every example in both languages`,
      });
    }
  });

/** Example lines by family; at least one family, no unknown ones (a typo would otherwise never show). */
export const FeedbackExamplesSchema = z
  .object({
    empathy: BilingualExamplesSchema.optional(),
    exploration: BilingualExamplesSchema.optional(),
    solution: BilingualExamplesSchema.optional(),
    composure: BilingualExamplesSchema.optional(),
    boundary: BilingualExamplesSchema.optional(),
    closing: BilingualExamplesSchema.optional(),
  })
  .strict()
  .refine((examples) => Object.values(examples).some((lines) => lines !== undefined), {
    error: `name at least one family (${EXAMPLE_FAMILIES.join(', ')})`,
  });
export type FeedbackExamples = z.infer<typeof FeedbackExamplesSchema>;

/** The lines of one family in one language, or none. */
export function exampleLines(examples: FeedbackExamples | undefined, family: ExampleFamily, lang: Language): readonly string[] {
  return examples?.[family]?.[lang] ?? [];
}
