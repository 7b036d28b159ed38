import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { StoreUnavailableError, UserFacingError } from '../errors.js';
import type { Language } from '../evaluation/grade.js';
import { uiText } from './ui-text.js';

/**
 * The one mapping from an error to what a member reads: a `UserFacingError`'s own message, a
 * "retry, nothing was lost" for the store, and for anything else a generic line with a reference
 * id that the log line carries too. Unknown messages never reach Discord.
 */
export function errorReply(error: unknown, lang: Language, log: Logger, where: Record<string, unknown>): string {
  const text = uiText(lang).errors;
  if (error instanceof UserFacingError) {
    log.debug({ ...where, code: error.code }, 'user-facing error');
    return error.message;
  }
  if (error instanceof StoreUnavailableError) {
    log.warn({ ...where, err: error }, 'store unavailable');
    return text.storeUnavailable;
  }
  const reference = randomUUID().slice(0, 8);
  log.error({ ...where, reference, err: error }, 'unexpected error');
  return text.generic(reference);
}
