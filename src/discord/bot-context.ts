import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import type { PracticeEngine } from '../engine/practice-engine.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import type { Storage } from '../storage/storage.js';
import type { MemberRateLimits } from './rate-limit.js';

/** Everything a command or button handler may use; built once in the composition root. */
export interface BotContext {
  readonly engine: PracticeEngine;
  readonly personas: PersonaCatalog;
  readonly storage: Storage;
  readonly config: AppConfig;
  readonly log: Logger;
  /**
   * Per-member limits the routers check before a handler runs (one instance shared by both
   * routers). Absent: each router builds its own from `config`.
   */
  readonly rateLimits?: MemberRateLimits;
}
