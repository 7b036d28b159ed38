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
  close(): Promise<void>;
}
