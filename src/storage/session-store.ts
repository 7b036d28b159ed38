import type { Session } from '../engine/session.js';

/** A row for listings, kept in an index so lists don't load whole transcripts. */
export interface SessionListing {
  id: string;
  userId: string;
  guildId: string | null;
  groupId: string | null;
  personaId: string;
  lang: Session['lang'];
  status: Session['status'];
  outcome: Session['outcome'];
  turns: number;
  /** mean of the three criteria over all exchanges, 1–5, or null before the first reply */
  average: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Persistent sessions. Implementations validate what they read (a stored record that no longer
 * parses is reported, not trusted) and throw {@link StoreUnavailableError} when the backend cannot
 * be reached, so a front end can tell the trainee to retry instead of losing the reply.
 * Sessions it returns may be shared between callers: treat them as values, never mutate them.
 */
export interface SessionStore {
  get(id: string): Promise<Session | undefined>;
  /**
   * writes the session and keeps the listing indexes in step. A save of a session deleted with
   * `refuseLateSaves` within the last day is dropped (and logged) instead of bringing it back.
   */
  save(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * deletes many sessions, rewriting each index they share once instead of once per session.
   * `refuseLateSaves` (a member's data deletion): for a day, a save of any of them is dropped, so a
   * writer that read a session before it was deleted — a trainer's override, another process — cannot
   * write it back. Writers in the engine's process are kept out by the engine's lock (`exclusive`).
   */
  deleteMany(ids: readonly string[], options?: { refuseLateSaves?: boolean }): Promise<void>;
  /** sessions of one member in one server (null: terminal), newest first */
  listByUser(guildId: string | null, userId: string): Promise<SessionListing[]>;
  /** all sessions of a server, newest first */
  listByGuild(guildId: string | null): Promise<SessionListing[]>;
  /** the sessions of one group (trainer-run) session */
  listByGroup(groupId: string): Promise<SessionListing[]>;
  /** the session bound to a front-end place (e.g. a Discord thread), if any */
  findByChannel(channelRef: string): Promise<Session | undefined>;
  /** ids of sessions that are not ended, for resuming after a restart */
  listOpen(): Promise<string[]>;
}
