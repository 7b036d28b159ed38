import { MAX_REPLY_CHARS } from '../../../src/engine/engine-types.js';

/**
 * What the engine must refuse before any grader sees a reply, written from the rule rather than
 * from the engine's code: a reply that shows nothing in a chat client (only whitespace, control
 * characters, zero-width or direction marks, lone combining marks) is empty; one longer than the
 * limit after control characters are dropped is too long.
 */
export function expectedRefusal(reply: string): 'reply_empty' | 'reply_too_long' | null {
  const cleaned = reply.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(cleaned)) return 'reply_empty';
  if (cleaned.length > MAX_REPLY_CHARS) return 'reply_too_long';
  return null;
}
