import { z } from 'zod';
import { CustomerGenderSchema } from '../evaluation/feedback-text/customer-words.js';
import { FeedbackExamplesSchema } from '../evaluation/feedback-text/feedback-examples.js';
import { BoundaryVerdictSchema } from '../evaluation/grade.js';

/**
 * A persona file (YAML or JSON in `src/personas/` or the folder named by `PERSONAS_DIR`).
 * The file name must equal `id`. Content is data: nothing here is code, and every line of
 * customer speech exists in German and English.
 */

const Bilingual = <T extends z.ZodType>(value: T) => z.object({ de: value, en: value }).strict();
const BilingualText = Bilingual(z.string().trim().min(1));
const BilingualLines = Bilingual(z.array(z.string().trim().min(1)).min(1));

export const IntensitySchema = z.enum(['gentle', 'standard', 'harsh']);
export type Intensity = z.infer<typeof IntensitySchema>;

export const ChannelSchema = z.enum(['phone', 'email', 'in_person', 'chat']);

/** How a stage ends the conversation once its line has been said. */
export const StageEndSchema = z.enum(['resolved', 'hung_up']);

const ScoreRange = z
  .object({ min: z.number().int().min(1).max(5).optional(), max: z.number().int().min(1).max(5).optional() })
  .strict();

/**
 * A condition on the grade of the trainee's last reply. Every field given must hold; an empty
 * condition always holds (use it last, as the default).
 */
export const ConditionSchema = z
  .object({
    composure: ScoreRange.optional(),
    empathy: ScoreRange.optional(),
    boundary: z.array(BoundaryVerdictSchema).min(1).optional(),
    offersSolution: z.boolean().optional(),
    endsConversation: z.boolean().optional(),
    /** number of trainee replies so far in this session, including this one */
    minTurn: z.number().int().min(1).optional(),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

export const TransitionSchema = z.object({ when: ConditionSchema, to: z.string().min(1) }).strict();

export const StageSchema = z
  .object({
    /** what the customer says on entering this stage; one variant is chosen at random */
    lines: BilingualLines,
    /** variants used instead of `lines` at gentle / harsh intensity */
    gentle: BilingualLines.optional(),
    harsh: BilingualLines.optional(),
    /** stage direction shown to the trainee before the line, e.g. "She hangs up. The next day you call again." */
    narration: BilingualText.optional(),
    /** from this stage on the customer may reveal the hidden backstory */
    reveals: z.boolean().default(false),
    /**
     * the lines of this stage insult the trainee personally: graders treat a boundary as needed even
     * when their own reading of the words misses it (an LLM voice's wording varies)
     */
    abusive: z.boolean().default(false),
    /** what a strong reply would do here, without writing it for the trainee */
    hint: BilingualText,
    /**
     * feedback examples for replies to this stage's line, by family; they come before the persona's
     * own `examples` and may use what the customer has said by now
     */
    examples: FeedbackExamplesSchema.optional(),
    /** after this line the conversation is over */
    end: StageEndSchema.optional(),
    /** checked in order after each trainee reply; the first that holds moves the customer; none: stay */
    transitions: z.array(TransitionSchema).default([]),
  })
  .strict();
export type Stage = z.infer<typeof StageSchema>;

/** Rubric focus tags: persona-specific rubric points in `prompts/rubric.md` refer to these. */
export const FocusSchema = z.enum(['venting', 'grief', 'insults', 'pressure', 'unusual_request', 'relationship']);

export const PersonaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    names: BilingualText,
    /** the customer's name as the trainee would address them */
    customerName: BilingualText,
    /**
     * the customer's gender, for German feedback ("die Kundin … ihr"); default: read from the German
     * name's "Frau" or "Herr", else the generic masculine
     */
    customerGender: CustomerGenderSchema.optional(),
    channel: ChannelSchema,
    difficulty: z.number().int().min(1).max(3),
    /** shown before the session starts for personas that insult or deal with illness */
    contentNotice: BilingualText.optional(),
    focus: z.array(FocusSchema).default([]),
    brief: Bilingual(z.object({ situation: z.string().trim().min(1), goal: z.string().trim().min(1) }).strict()),
    /** what the customer does not say at first; an LLM voice may use it only from a `reveals` stage on */
    backstory: BilingualText,
    /**
     * feedback examples for every stage, by family (what an excellent adviser would say to this
     * customer); only what the trainee knows from the brief, as they also stand before any reveal
     */
    examples: FeedbackExamplesSchema.optional(),
    maxTurns: z.number().int().min(2).max(50),
    start: z.string().min(1),
    stages: z.record(z.string().regex(/^[a-z0-9_]+$/), StageSchema),
  })
  .strict()
  .superRefine((persona, ctx) => {
    const ids = Object.keys(persona.stages);
    if (!persona.stages[persona.start]) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `names no stage (stages: ${ids.join(', ')})` });
    }
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      stage.transitions.forEach((transition, index) => {
        if (!persona.stages[transition.to]) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', stageId, 'transitions', index, 'to'],
            message: `names no stage "${transition.to}"`,
          });
        }
      });
      if (stage.end && stage.transitions.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['stages', stageId, 'transitions'], message: 'an end stage has no transitions' });
      }
    }
    if (!Object.values(persona.stages).some((stage) => stage.end)) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'needs at least one stage with `end`' });
    }
  });
export type Persona = z.infer<typeof PersonaSchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;
