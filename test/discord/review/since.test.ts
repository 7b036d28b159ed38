import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src/errors.js';
import { reviewText } from '../../../src/discord/review/review-text.js';
import { parseSince } from '../../../src/discord/review/since.js';

const now = new Date('2026-11-25T09:00:00.000Z');

describe('parseSince', () => {
  it('reads a date as the day it names and a number as days back from now', () => {
    expect(parseSince('2026-01-31', 'en', now)).toBe('2026-01-31');
    expect(parseSince('30', 'en', now)).toBe('2026-10-26');
    expect(parseSince('0', 'en', now)).toBe('2026-11-25');
  });

  it('treats an empty option as no filter', () => {
    expect(parseSince(undefined, 'en', now)).toBeUndefined();
    expect(parseSince(null, 'en', now)).toBeUndefined();
    expect(parseSince('  ', 'en', now)).toBeUndefined();
  });

  it('refuses dates that do not exist and free text, in the member’s language', () => {
    for (const typed of ['2026-02-31', 'last week', '31.01.2026', '-5']) {
      expect(() => parseSince(typed, 'de', now), typed).toThrow(new UserFacingError('bad_since', reviewText('de').badSince));
    }
  });
});
