import { z } from 'zod';
import { CustomerGenderSchema } from './feedback-text/customer-words.js';
import { FeedbackExamplesSchema } from './feedback-text/feedback-examples.js';
import { DIALOGUE_ACTS } from './model/heads.js';

/**
 * The grade of one trainee reply. Every grader (offline lexicon grader, LLM judge) returns exactly
 * this shape; the engine, the front ends and the reports only ever read this.
 *
 * Score anchors (from `prompts/rubric.md`): composure >= 3 means composed; empathy 1–2 no real
 * empathy, 3 a generic acknowledgement, 4–5 empathy specific to this customer's feeling or situation.
 */
export const LanguageSchema = z.enum(['de', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const ScoreSchema = z.number().int().min(1).max(5);
const SubScoreSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const BoundaryVerdictSchema = z.enum(['not_needed', 'set_well', 'missing', 'unnecessary', 'too_harsh']);
export type BoundaryVerdict = z.infer<typeof BoundaryVerdictSchema>;

export const GradeSchema = z.object({
  composure: z.object({
    score: ScoreSchema,
    evidence: z.array(z.string()),
  }),
  empathy: z.object({
    score: ScoreSchema,
    /** none / generic / specific warmth or concern */
    emotionalReaction: SubScoreSchema,
    /** names the customer's feeling or situation */
    interpretation: SubScoreSchema,
    /** asks to understand more */
    exploration: SubScoreSchema,
    evidence: z.array(z.string()),
  }),
  boundary: z.object({
    /** the customer insulted the trainee personally in the message being answered */
    needed: z.boolean(),
    verdict: BoundaryVerdictSchema,
    evidence: z.array(z.string()),
  }),
  /**
   * Observations the persona script steers by. Not scores: they say what the reply did, so the
   * customer can react (a concrete next step calms the frustrated customer, a polite goodbye ends the call).
   */
  signals: z.object({
    /** offers a concrete next step or solution */
    offersSolution: z.boolean(),
    /** the trainee closes or ends the conversation */
    endsConversation: z.boolean(),
    /**
     * what the reply does, in the label guide's dialogue acts (asks, offers a step, names a time,
     * summarises, justifies …); absent in grades stored before acts existed
     */
    acts: z.array(z.enum(DIALOGUE_ACTS)).optional(),
  }),
  feedback: z.object({
    strength: z.string(),
    tip: z.string(),
    example: z.string(),
  }),
  /** which grader and which rubric version produced this grade */
  source: z.object({
    grader: z.string(),
    rubricVersion: z.string(),
  }),
});
export type Grade = z.infer<typeof GradeSchema>;

export const TurnSchema = z.object({
  role: z.enum(['customer', 'trainee']),
  text: z.string(),
});
export type Turn = z.infer<typeof TurnSchema>;

/** What the persona file tells a grader about the situation (persona-specific rubric points). */
export const GradingContextSchema = z.object({
  personaId: z.string(),
  /** rubric focus tags from the persona file, e.g. `grief` (product talk and forced cheer count against empathy) */
  focus: z.array(z.string()),
  /**
   * whether the persona script marks the customer's last line as a personal insult (stage
   * `abusive`); absent when no script speaks for the line (the offline grader's model then reads it)
   */
  customerAbusive: z.boolean().optional(),
  /**
   * the persona's example lines for the stage being answered, stage lines before persona lines per
   * family; feedback takes its example from here when the chosen tip's family has lines
   */
  examples: FeedbackExamplesSchema.optional(),
  /** the customer's gender, for German feedback ("die Kundin … ihr"); unknown: the generic masculine */
  customerGender: CustomerGenderSchema.optional(),
  /**
   * the trainee's previous reply was graded specific in empathy (4 or 5): the reply that now
   * delivers is not asked for empathy words again; absent, the grader reads the previous reply itself
   */
  acknowledgedBefore: z.boolean().optional(),
});
export type GradingContext = z.infer<typeof GradingContextSchema>;

/** Everything a grader sees. `history` is the conversation before `customer` (oldest first). */
export const GradeInputSchema = z.object({
  lang: LanguageSchema,
  customer: z.string(),
  reply: z.string(),
  history: z.array(TurnSchema).default([]),
  context: GradingContextSchema.optional(),
});
export type GradeInput = z.infer<typeof GradeInputSchema>;

/**
 * Mean of the criteria on a 1–5 scale. The boundary counts where it was at stake: a personal insult
 * to answer, or a wrong verdict (a reprimand nobody needed); there its verdict maps to 5 (correct) or
 * 1/2 (wrong). A boundary that was not needed and not set is no achievement and stays out of the mean.
 */
export function overallScore(grade: Grade): number {
  if (!boundaryCounts(grade)) return (grade.composure.score + grade.empathy.score) / 2;
  return (grade.composure.score + grade.empathy.score + boundaryVerdictScore(grade.boundary.verdict)) / 3;
}

/**
 * Whether the first line of feedback praises the reply. For a reply that lost its composure it says
 * how the reply lands instead ("Polite on the surface, a rebuke underneath…"), and a front end that
 * headed that line "What worked" would contradict it.
 */
export function feedbackLeadsWithStrength(grade: Grade): boolean {
  return grade.composure.score > 2;
}

/** The boundary was at stake in this reply: needed, or set where it was not. */
export function boundaryCounts(grade: Grade): boolean {
  return grade.boundary.needed || !isBoundaryCorrect(grade.boundary.verdict);
}

export function boundaryVerdictScore(verdict: BoundaryVerdict): number {
  switch (verdict) {
    case 'not_needed':
    case 'set_well':
      return 5;
    case 'unnecessary':
      return 2;
    case 'missing':
    case 'too_harsh':
      return 1;
  }
}

export function isBoundaryCorrect(verdict: BoundaryVerdict): boolean {
  return verdict === 'not_needed' || verdict === 'set_well';
}
