import { MAX_REPLY_CHARS } from '../../../src/engine/engine-types.js';

/**
 * What the engine must refuse before any grader sees a reply, written from the rule rather than
 * from the engine's code. Empty: a reply of nothing a chat client shows — separators (spaces, line
 * breaks), control and format characters (zero-width, direction marks, soft hyphens), lone
 * surrogates and unassigned code points, combining marks with no letter to sit on. Too long: more
 * than the limit once the C0 control characters (but tab, line feed, carriage return) are dropped
 * and the ends trimmed.
 */
export function expectedRefusal(reply: string): 'reply_empty' | 'reply_too_long' | null {
  if (/^[\p{Z}\p{C}\p{M}]*$/u.test(reply)) return 'reply_empty';
  // eslint-disable-next-line no-control-regex -- the control characters the engine strips
  const kept = reply.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (kept.length > MAX_REPLY_CHARS) return 'reply_too_long';
  return null;
}
