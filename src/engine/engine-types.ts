import type { Language } from '../evaluation/grade.js';
import type { Intensity, Persona } from '../personas/persona-schema.js';
import type { CustomerLine, Exchange, Outcome, Session } from './session.js';

export interface StartRequest {
  userId: string;
  guildId: string | null;
  personaId: string;
  lang: Language;
  intensity: Intensity;
  channelRef?: string | null;
  groupId?: string | null;
}

export interface StartResult {
  session: Session;
  persona: Persona;
  /** the customer's first line */
  line: CustomerLine;
}

export interface ReplyResult {
  session: Session;
  /** the graded reply, already persisted */
  exchange: Exchange;
  /** the customer's answer; null when the trainee ended the conversation */
  line: CustomerLine | null;
  /** set when this reply ended the session (customer resolved or hung up, trainee ended, turn limit) */
  ended: EndResult | null;
}

/**
 * What {@link PracticeEngine.replyOnce} did with a message: graded and answered it now, or found it
 * already taken (graded before, e.g. a message Discord delivered again) — then the front end says
 * nothing, because the trainee already has (or is about to get) the answer.
 */
export type ReplyOutcome = { kind: 'answered'; result: ReplyResult } | { kind: 'already_answered'; session: Session; exchange: Exchange };

export interface RetryResult {
  session: Session;
  /** the customer line to answer again */
  line: CustomerLine;
}

export interface ExchangeRef {
  lineN: number;
  attempt: number;
  reply: string;
  customer: string;
  score: number;
}

export interface SessionSummary {
  sessionId: string;
  personaId: string;
  lang: Language;
  outcome: Outcome | null;
  /** graded replies, retries included */
  exchanges: number;
  averages: {
    composure: number;
    empathy: number;
    /** share of replies whose boundary verdict was correct (not_needed or set_well), 0–1 */
    boundaryCorrect: number;
    /** mean overall score 1–5 */
    overall: number;
  } | null;
  /** per exchange, in order: overall 1–5 */
  scores: Array<{ lineN: number; attempt: number; overall: number }>;
  best: ExchangeRef | null;
  weakest: ExchangeRef | null;
  /** what to practise next, in the session language */
  practiseNext: string;
}

export interface EndResult {
  session: Session;
  summary: SessionSummary;
}

/**
 * The practice engine: session lifecycle, the persona script's state machine and the transcript.
 * It knows nothing of terminals, Discord or models: front ends call it, and the grader, the customer
 * voice and the store are plugged in. Every exchange is persisted before a method returns.
 * Calls for the same session are serialised; different sessions run concurrently.
 *
 * Errors the user should read are `UserFacingError`s with these codes: `reply_empty`,
 * `reply_too_long`, `session_not_found`, `session_ended`, `session_paused`, `persona_unknown`,
 * `nothing_to_retry`; the store failing raises `StoreUnavailableError` (retry later, nothing lost).
 */
export interface PracticeEngine {
  start(request: StartRequest): Promise<StartResult>;
  /** grade the reply, move the script, get the customer's answer, persist, return */
  reply(sessionId: string, text: string): Promise<ReplyResult>;
  /**
   * `reply`, at most once per `key` (the front end's message id, e.g. a Discord message id): the key
   * is persisted with the pending reply and the exchange, so a message delivered twice — a gateway
   * replay, a catch-up after a restart, two handlers — is graded once. A key already taken returns
   * `already_answered` whatever the session's state (even ended or paused), before anything else is
   * checked; a key that is the pending reply left by a process that died is answered now.
   */
  replyOnce(sessionId: string, text: string, key: string): Promise<ReplyOutcome>;
  /** answer the last answered customer line again; the first attempt stays in the transcript */
  retry(sessionId: string): Promise<RetryResult>;
  /** what a strong reply would do now, in the session language, without writing it */
  hint(sessionId: string): Promise<string>;
  pause(sessionId: string): Promise<Session>;
  resume(sessionId: string): Promise<RetryResult>;
  /** end now (outcome `stopped` unless already ended) and summarise; calling it twice is harmless */
  end(sessionId: string): Promise<EndResult>;
  get(sessionId: string): Promise<Session | undefined>;
  /**
   * The customer says a given line of a given stage now, instead of the voice choosing one: a trainer's
   * shared scenario puts the same line before every trainee. Lines the trainee has not answered are
   * retracted (they were never shown), and a session the trainee's own answer had ended is reopened.
   */
  present(sessionId: string, line: { stage: string; text: string; narration?: string | undefined }): Promise<Session>;
  summarize(session: Session): SessionSummary;
  /** after a restart: grade replies that were received but not answered; returns how many */
  recoverPending(): Promise<ReplyResult[]>;
  /**
   * Runs `task` while no other call for this session runs, and holds later calls until it is done.
   * A privacy deletion removes or rewrites the stored session inside it, so a reply being answered
   * cannot save the old transcript back afterwards; calls queued behind it read the session again
   * (one `task` deleted is `session_not_found`). `task` must not call the engine for this session.
   */
  exclusive: <T>(sessionId: string, task: () => Promise<T>) => Promise<T>;
}

export const MAX_REPLY_CHARS = 2000;
