import type { TokenUsage } from './session.js';

/** Passed by the engine to every grader and voice call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** the session the call is for, so providers can account cost and enforce caps per session and server */
  session?: { id: string; guildId: string | null };
  /** providers that spend tokens report them here; the engine records them on the exchange */
  onUsage?: (usage: TokenUsage) => void;
}
