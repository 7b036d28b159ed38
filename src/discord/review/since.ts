import { UserFacingError } from '../../errors.js';
import type { Language } from '../../evaluation/grade.js';
import { reviewText } from './review-text.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The `since` option as a day (yyyy-mm-dd, UTC): a date as typed, or a number of days back from
 * `now`. Undefined when empty; a `UserFacingError` saying the two accepted forms otherwise.
 */
export function parseSince(value: string | null | undefined, lang: Language, now: Date = new Date()): string | undefined {
  const typed = value?.trim() ?? '';
  if (typed === '') return undefined;
  if (/^\d{1,5}$/.test(typed)) return new Date(now.getTime() - Number(typed) * DAY_MS).toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed) && !Number.isNaN(Date.parse(`${typed}T00:00:00Z`))) {
    const day = new Date(`${typed}T00:00:00Z`).toISOString().slice(0, 10);
    // Date.parse accepts 2026-02-31 (rolls over); a rolled date was not what was meant.
    if (day === typed) return day;
  }
  throw new UserFacingError('bad_since', reviewText(lang).badSince);
}
