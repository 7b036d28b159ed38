import { z } from 'zod';
import { GradeSchema, LanguageSchema } from '../../evaluation/grade.js';
import { OutcomeSchema } from '../../engine/session.js';
import { IntensitySchema } from '../../personas/persona-schema.js';

/**
 * The record of one trainer-run group session, kept in the `group-sessions` collection. The
 * practice transcripts themselves are ordinary engine sessions carrying `groupId`; this record
 * holds what only the group knows: who joined, where the card is, and the rounds of a shared
 * scenario or the turns of a relay.
 */

/** `individual`: every trainee practises alone in a thread; `scenario`: one shared customer line per round; `relay`: turns in the channel. */
export const GroupModeSchema = z.enum(['individual', 'scenario', 'relay']);
export type GroupMode = z.infer<typeof GroupModeSchema>;

export const ParticipantSchema = z.object({
  userId: z.string(),
  /** display name at joining time; shown instead of a mention so nobody is pinged */
  name: z.string(),
  /** the trainee's thread (individual and scenario modes) */
  threadId: z.string().nullable().default(null),
  /** the trainee's engine session (individual and scenario modes) */
  sessionId: z.string().nullable().default(null),
  joinedAt: z.string(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ScenarioAnswerSchema = z.object({
  userId: z.string(),
  text: z.string(),
  at: z.string(),
  /** set once the answer was graded */
  grade: GradeSchema.nullable().default(null),
  /** the stage this answer would have moved the customer to; the round's majority decides the next line */
  nextStage: z.string().nullable().default(null),
  /** the Discord message that was this answer, so the message delivered again is not taken for a second one */
  messageId: z.string().optional(),
});
export type ScenarioAnswer = z.infer<typeof ScenarioAnswerSchema>;

export const ScenarioRoundSchema = z.object({
  n: z.number().int().min(1),
  /** the script stage the shared line was taken from */
  stage: z.string(),
  /** the customer line everyone answers */
  line: z.string(),
  openedAt: z.string(),
  /** when the round closes even if not everyone answered */
  closesAt: z.string(),
  closedAt: z.string().nullable().default(null),
  /** who was in the group when the round opened: the round completes when all of them answered */
  expected: z.array(z.string()),
  answers: z.array(ScenarioAnswerSchema).default([]),
  /** message id of the posted answers board for this round */
  boardMessageId: z.string().nullable().default(null),
});
export type ScenarioRound = z.infer<typeof ScenarioRoundSchema>;

const ScenarioStateSchema = z.object({
  /** stage of the next shared line; null once the script reached an end */
  stage: z.string().nullable(),
  rounds: z.array(ScenarioRoundSchema).default([]),
  /** how the shared conversation ended, once it did */
  outcome: OutcomeSchema.nullable().default(null),
});

export const RelayTurnSchema = z.object({
  userId: z.string(),
  /** the engine exchange this answer became (in the relay's one engine session) */
  lineN: z.number().int().min(0),
  attempt: z.number().int().min(1),
  score: z.number(),
  at: z.string(),
});
export type RelayTurn = z.infer<typeof RelayTurnSchema>;

export const RelayStateSchema = z.object({
  /** the one engine session of the relay: its transcript holds every answer */
  sessionId: z.string().nullable().default(null),
  /** whose turn it is: index into the participants in joining order */
  turnIndex: z.number().int().min(0).default(0),
  turns: z.array(RelayTurnSchema).default([]),
  /** the relay has begun (the trainer pressed the first line); joining stays open */
  started: z.boolean().default(false),
  finished: z.boolean().default(false),
  /** the trainee whose answer is being graded now: further messages wait for the next turn */
  answering: z.string().nullable().default(null),
});
export type RelayState = z.infer<typeof RelayStateSchema>;

const GroupStatusSchema = z.enum(['open', 'ended']);

export const GroupRecordSchema = z.object({
  id: z.string(),
  schemaVersion: z.literal(1),
  guildId: z.string(),
  channelId: z.string(),
  /** the session card with the Join button; null until it was posted */
  cardMessageId: z.string().nullable().default(null),
  personaId: z.string(),
  lang: LanguageSchema,
  intensity: IntensitySchema,
  trainerId: z.string(),
  /** display name when the group started; the card names the trainer without pinging */
  trainerName: z.string(),
  mode: GroupModeSchema,
  status: GroupStatusSchema,
  startedAt: z.string(),
  /** automatic end; null: until the trainer ends it */
  endsAt: z.string().nullable().default(null),
  endedAt: z.string().nullable().default(null),
  participants: z.array(ParticipantSchema).default([]),
  scenario: ScenarioStateSchema.nullable().default(null),
  relay: RelayStateSchema.nullable().default(null),
  /** the results board posted at the end */
  boardMessageId: z.string().nullable().default(null),
});
export type GroupRecord = z.infer<typeof GroupRecordSchema>;
export type GroupRecordInput = z.input<typeof GroupRecordSchema>;

export const GROUP_COLLECTION = 'group-sessions';
/** channel id → id of the open group there; thread id → its group (so a thread message finds its group) */
export const GROUP_PLACE_COLLECTION = 'group-places';
/** one key (`open`) listing the ids of groups not ended, for resuming timers after a restart */
export const GROUP_OPEN_COLLECTION = 'group-open';
/** guild id → ids of every group started there, so a member's data deletion finds ended groups too */
export const GROUP_GUILD_COLLECTION = 'group-guilds';
