import type { z } from 'zod';
import type { SessionStore } from './session-store.js';

/** A named set of validated records over the same keyv backend (guild settings, group sessions, …). */
export interface Collection<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The application's storage: sessions with their indexes, plus validated collections. */
export interface Storage {
  readonly sessions: SessionStore;
  collection<S extends z.ZodType>(name: string, schema: S): Collection<z.infer<S>>;
  /**
   * After deletions a member asked for (or a retention purge): make the deleted text unreadable in
   * the backend's files where the backend can. SQLite zeroes freed pages as it deletes
   * (`secure_delete`) and this also empties the write-ahead log, which still holds the old pages.
   * Redis and Postgres keep their own persistence (append-only files, dead tuples until vacuum):
   * a no-op there, documented for operators.
   */
  eraseFreedSpace(): Promise<void>;
  close(): Promise<void>;
}
