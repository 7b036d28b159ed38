import { z } from 'zod';
import { BoundaryVerdictSchema, GradeSchema, LanguageSchema } from '../evaluation/grade.js';
import { IntensitySchema } from '../personas/persona-schema.js';

export const OutcomeSchema = z.enum(['resolved', 'hung_up', 'trainee_ended', 'turn_limit', 'stopped']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const TokenUsageSchema = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** prompt tokens the provider served from its prompt cache, where its API says so */
  cachedPromptTokens: z.number().int().min(0).optional(),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

/** One line the customer said. A retried exchange retracts the customer's answer to the first attempt. */
export const CustomerLineSchema = z.object({
  n: z.number().int().min(0),
  text: z.string(),
  stage: z.string(),
  narration: z.string().optional(),
  /** 'script' or the id of the LLM voice that wrote the words */
  voice: z.string(),
  /** how the customer reacted to the reply before (a reaction family of the persona schema) */
  family: z.string().optional(),
  at: z.string(),
  retracted: z.boolean().default(false),
});
export type CustomerLine = z.infer<typeof CustomerLineSchema>;

/**
 * A trainer's correction of a machine grade, kept beside it (never replacing it), so reports show
 * both and the pairs can be exported as labels to measure the grader against the team's judgement.
 */
export const GradeOverrideSchema = z.object({
  composure: z.number().int().min(1).max(5).optional(),
  empathy: z.number().int().min(1).max(5).optional(),
  boundary: BoundaryVerdictSchema.optional(),
  reason: z.string().min(1),
  /** who overrode: a Discord user id or a local name */
  by: z.string(),
  at: z.string(),
});
export type GradeOverride = z.infer<typeof GradeOverrideSchema>;

/** One graded trainee reply to customer line `lineN`; `attempt` counts retries of the same line from 1. */
export const ExchangeSchema = z.object({
  lineN: z.number().int().min(0),
  attempt: z.number().int().min(1),
  reply: z.string(),
  grade: GradeSchema,
  at: z.string(),
  /** tokens spent on this exchange (customer line and grade) when a model was used */
  usage: TokenUsageSchema.optional(),
  /** the latest trainer override of this grade, if any */
  override: GradeOverrideSchema.optional(),
  /** the front end's id of the message this reply came in (a Discord message id): it is graded once */
  key: z.string().optional(),
});
export type Exchange = z.infer<typeof ExchangeSchema>;

const SessionStatusSchema = z.enum(['active', 'paused', 'ended']);

export const SessionSchema = z.object({
  id: z.string(),
  schemaVersion: z.literal(1),
  /** who practises: a Discord user id, or a local name for the terminal */
  userId: z.string(),
  /** Discord server, or null for the terminal */
  guildId: z.string().nullable(),
  /** where the session lives in a front end (e.g. a Discord thread id), so a restart can find it */
  channelRef: z.string().nullable().default(null),
  /** group session (trainer-run) this practice belongs to */
  groupId: z.string().nullable().default(null),
  personaId: z.string(),
  lang: LanguageSchema,
  intensity: IntensitySchema,
  status: SessionStatusSchema,
  outcome: OutcomeSchema.nullable().default(null),
  stage: z.string(),
  /** number of graded trainee replies (retries included) */
  turns: z.number().int().min(0),
  lines: z.array(CustomerLineSchema),
  exchanges: z.array(ExchangeSchema),
  /** a reply received but not yet graded: if the process died here, it is graded on resume */
  pendingReply: z.object({ text: z.string(), at: z.string(), key: z.string().optional() }).nullable().default(null),
  usage: TokenUsageSchema.default({ promptTokens: 0, completionTokens: 0 }),
  createdAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable().default(null),
});
export type Session = z.infer<typeof SessionSchema>;

/**
 * Whether the message with this idempotency key was already taken as a reply: graded (an exchange
 * carries the key) or received and being graded (the pending reply does).
 */
export function replyReceived(session: Session, key: string): boolean {
  return session.pendingReply?.key === key || session.exchanges.some((exchange) => exchange.key === key);
}

/** The customer line the trainee is answering now (the last one not retracted). */
export function currentLine(session: Session): CustomerLine | undefined {
  for (let i = session.lines.length - 1; i >= 0; i--) {
    const line = session.lines[i];
    if (line && !line.retracted) return line;
  }
  return undefined;
}
