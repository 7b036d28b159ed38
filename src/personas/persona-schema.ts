import { z } from 'zod';
import { CustomerGenderSchema } from '../evaluation/feedback-text/customer-words.js';
import { FeedbackExamplesSchema } from '../evaluation/feedback-text/feedback-examples.js';
import { BoundaryVerdictSchema } from '../evaluation/grade.js';
import { DIALOGUE_ACTS } from '../evaluation/model/heads.js';

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

const ChannelSchema = z.enum(['phone', 'email', 'in_person', 'chat']);

/** How a stage ends the conversation once its line has been said. */
export const StageEndSchema = z.enum(['resolved', 'hung_up']);
export type StageEnd = z.infer<typeof StageEndSchema>;

const ScoreRange = z.object({ min: z.number().int().min(1).max(5).optional(), max: z.number().int().min(1).max(5).optional() }).strict();

const ActList = z.array(z.enum(DIALOGUE_ACTS)).min(1);

/**
 * A condition on the trainee's last reply: its grade, what it does (dialogue acts), how long it is
 * and what it gives the customer. Every field given must hold; an empty condition always holds (use
 * it last, as the default).
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
    /** the reply does all of these (see the label guide's dialogue acts) */
    acts: ActList.optional(),
    /** the reply does none of these */
    notActs: ActList.optional(),
    /** the reply does at least one of these */
    anyActs: ActList.optional(),
    /** the reply has at least / at most this many words */
    minWords: z.number().int().min(1).optional(),
    maxWords: z.number().int().min(1).optional(),
    /** the reply gave the customer one of the persona's facts they did not have yet */
    givesFact: z.boolean().optional(),
    /** the reply promised a step with a concrete time ("by noon", "in two minutes") */
    promisesTime: z.boolean().optional(),
    /**
     * the reply pushes business, a product or a decision, or forces cheer ("it'll be fine"): what a
     * customer in grief or shock cannot take (rubric, grief focus)
     */
    griefMisstep: z.boolean().optional(),
    /** the customer's line the reply answers says they have no time to spare ("five minutes between two meetings") */
    customerInHurry: z.boolean().optional(),
    /** the customer does not have these facts yet, from this reply or an earlier one (ids of `facts`) */
    notGiven: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

const TransitionSchema = z.object({ when: ConditionSchema, to: z.string().min(1) }).strict();

/**
 * How the customer reacts to a reply, as a family of lines (`test/engine/reaction-cases/GUIDE.md`
 * says which reply gets which). A stage names the family of entering it; a persona's `reactions`
 * give lines for the families a reply can trigger before the stage line.
 */
export const ReactionFamilySchema = z.enum([
  'hang_up_gentle',
  'hang_up_pushy',
  'hang_up',
  'accept',
  'lecture_rebuked',
  'blame_rebuked',
  'boundary_rebuffed',
  'escalate',
  'cut_short',
  'hold_to_time',
  'acknowledge',
  'calm_down',
  'insist',
]);
export type ReactionFamily = z.infer<typeof ReactionFamilySchema>;

/**
 * Families a reply can trigger ahead of the stage line, in the order they are checked. A reply that
 * lectures and blames at once ("you should have mentioned that when you booked") is answered as
 * blame: being made the cause is what the customer hears first.
 */
export const REPLY_REACTIONS = ['blame_rebuked', 'lecture_rebuked', 'boundary_rebuffed', 'cut_short', 'hold_to_time'] as const;
export type ReplyReaction = (typeof REPLY_REACTIONS)[number];

/**
 * Lines for one reply reaction. `when` narrows or replaces the family's default trigger (a lecture,
 * a blame, a reprimand nobody needed, a time promised; `cut_short` has none and needs a `when`).
 * `{time}` in a `hold_to_time` line is replaced by the time the trainee named.
 */
export const ReactionSchema = z
  .object({
    when: ConditionSchema.optional(),
    lines: BilingualLines,
  })
  .strict();
export type Reaction = z.infer<typeof ReactionSchema>;

const ReactionsSchema = z
  .object({
    lecture_rebuked: ReactionSchema.optional(),
    blame_rebuked: ReactionSchema.optional(),
    boundary_rebuffed: ReactionSchema.optional(),
    cut_short: ReactionSchema.optional(),
    hold_to_time: ReactionSchema.optional(),
  })
  .strict();

/**
 * Something the customer wants to know or get (the missing documents, when the card works again,
 * what happens next). A reply that matches one of `given` (regular expressions, matched
 * case-insensitively on the reply), or that performs one of the acts of `givenBy` (a concrete next
 * step is `offers_step`, whatever its words), has given it: the customer takes it up with an
 * `acknowledge` line, where the persona gives one, and does not ask for it again.
 */
export const FactSchema = z
  .object({
    /** what it is, for the LLM voice and the docs ("the missing documents") */
    about: BilingualText,
    given: Bilingual(z.array(z.string().min(1)).min(1)).optional(),
    givenBy: ActList.optional(),
    /**
     * said once, when a reply first gives it; without it the customer simply stops asking (a next
     * step is answered by the stage's own family: calming down, accepting)
     */
    acknowledge: BilingualLines.optional(),
  })
  .strict()
  .refine((fact) => fact.given !== undefined || fact.givenBy !== undefined, {
    error: 'needs `given` (patterns of the reply) or `givenBy` (acts of the reply), or both',
  });

/** A variant of a stage, said instead of its own lines when its condition holds on entering. */
const StageVariantSchema = z
  .object({
    when: ConditionSchema,
    lines: BilingualLines,
    narration: BilingualText.optional(),
    family: ReactionFamilySchema.optional(),
  })
  .strict();

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
    /**
     * what entering this stage is, as a reaction (default: `accept` for a resolved end, `hang_up` for
     * a hung-up end, else `insist`); staying in a stage is `insist`
     */
    family: ReactionFamilySchema.optional(),
    /** lines that ask for one of the persona's facts, by fact id; never said once the fact is given */
    asks: z.record(z.string(), BilingualLines).optional(),
    /** checked in order on entering the stage; the first that holds replaces lines, narration and family */
    variants: z.array(StageVariantSchema).optional(),
    /** reply reactions for this stage; they replace the persona's of the same family */
    reactions: ReactionsSchema.optional(),
    /**
     * rubric focus for replies to this stage's line, instead of the persona's (the grieving customer
     * who asks about her savings herself has opened the door to money talk)
     */
    focus: z.array(z.lazy(() => FocusSchema)).optional(),
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
    /**
     * shown before the session starts for personas that insult or deal with illness: the theme, not
     * the plot; one text, or one per intensity (`standard` required, `gentle`/`harsh` where the
     * wording should differ)
     */
    contentNotice: z
      .union([BilingualText, z.object({ gentle: BilingualText.optional(), standard: BilingualText, harsh: BilingualText.optional() }).strict()])
      .optional(),
    focus: z.array(FocusSchema).default([]),
    brief: Bilingual(z.object({ situation: z.string().trim().min(1), goal: z.string().trim().min(1) }).strict()),
    /** what the customer does not say at first; an LLM voice may use it only from a `reveals` stage on */
    backstory: BilingualText,
    /**
     * feedback examples for every stage, by family (what an excellent adviser would say to this
     * customer); only what the trainee knows from the brief, as they also stand before any reveal
     */
    examples: FeedbackExamplesSchema.optional(),
    /** what the customer wants to know or get, by id; stages' `asks` refer to these */
    facts: z.record(z.string().regex(/^[a-z0-9_]+$/), FactSchema).optional(),
    /** reply reactions at every stage (a stage's own replace them) */
    reactions: ReactionsSchema.optional(),
    /**
     * what the customer says once every line of a stage is used up and the conversation has not
     * moved: pressing on without repeating a line word for word
     */
    reprise: BilingualLines.optional(),
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
    const factIds = Object.keys(persona.facts ?? {});
    const checkFacts = (condition: Condition | undefined, path: (string | number)[]) => {
      condition?.notGiven?.forEach((factId, index) => {
        if (!factIds.includes(factId))
          ctx.addIssue({ code: 'custom', path: [...path, 'notGiven', index], message: `names no fact (facts: ${factIds.join(', ') || 'none'})` });
      });
    };
    for (const [family, reaction] of Object.entries(persona.reactions ?? {})) checkFacts(reaction?.when, ['reactions', family, 'when']);
    for (const [stageId, stage] of Object.entries(persona.stages)) {
      stage.variants?.forEach((variant, index) => {
        checkFacts(variant.when, ['stages', stageId, 'variants', index, 'when']);
      });
      for (const [family, reaction] of Object.entries(stage.reactions ?? {})) checkFacts(reaction?.when, ['stages', stageId, 'reactions', family, 'when']);
      stage.transitions.forEach((transition, index) => {
        checkFacts(transition.when, ['stages', stageId, 'transitions', index, 'when']);
        if (!persona.stages[transition.to]) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', stageId, 'transitions', index, 'to'],
            message: `names no stage "${transition.to}"`,
          });
        }
      });
      for (const factId of Object.keys(stage.asks ?? {})) {
        if (!persona.facts || !Object.hasOwn(persona.facts, factId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['stages', stageId, 'asks', factId],
            message: `names no fact (facts: ${Object.keys(persona.facts ?? {}).join(', ') || 'none'})`,
          });
        }
      }
      if (stage.end && stage.transitions.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['stages', stageId, 'transitions'], message: 'an end stage has no transitions' });
      }
    }
    for (const [factId, fact] of Object.entries(persona.facts ?? {})) {
      for (const lang of ['de', 'en'] as const) {
        fact.given?.[lang].forEach((source, index) => {
          try {
            new RegExp(source, 'iu');
          } catch (error) {
            ctx.addIssue({
              code: 'custom',
              path: ['facts', factId, 'given', lang, index],
              message: `is not a valid regular expression: ${(error as Error).message}`,
            });
          }
        });
      }
    }
    const cutShort = [persona.reactions?.cut_short, ...Object.values(persona.stages).map((stage) => stage.reactions?.cut_short)];
    if (cutShort.some((reaction) => reaction !== undefined && reaction.when === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reactions', 'cut_short'],
        message: "needs a `when` (e.g. { minWords: 50 }): a long reply is the persona's to define",
      });
    }
    if (!Object.values(persona.stages).some((stage) => stage.end)) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'needs at least one stage with `end`' });
    }
  });
export type Persona = z.infer<typeof PersonaSchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;
