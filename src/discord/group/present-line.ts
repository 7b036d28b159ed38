import type { CustomerLine, Session } from '../../engine/session.js';
import type { Storage } from '../../storage/storage.js';

/**
 * Puts the shared scenario line before one trainee, so that the engine grades their answer against
 * exactly that line and records it as their own exchange.
 *
 * The engine's public API has no call for "the customer says this line now" (a session only hears
 * lines its own voice produced), so this writes the trainee's session directly through the store:
 * - lines the trainee never answered (the engine's own reply to their last answer, which the
 *   scenario does not show, or a line of a round they missed) are marked retracted, so the
 *   transcript and the grader's history hold only what was shown and answered;
 * - the shared line is appended with the group's stage, and the session is reopened if the
 *   trainee's own last answer had ended it (the shared conversation goes on).
 *
 * Safe because in scenario mode only the group feature calls the engine for these sessions, and it
 * does so after the round opened. An engine method `present(sessionId, { stage, text })` would
 * replace this (see the report).
 */
export async function presentLine(
  storage: Storage,
  sessionId: string,
  line: { stage: string; text: string; narration?: string | undefined; at: string },
): Promise<Session | undefined> {
  const session = await storage.sessions.get(sessionId);
  if (!session) return undefined;
  const answered = new Set(session.exchanges.map((exchange) => exchange.lineN));
  const n = session.lines.length === 0 ? 0 : Math.max(...session.lines.map((existing) => existing.n)) + 1;
  const shared: CustomerLine = {
    n,
    text: line.text,
    stage: line.stage,
    ...(line.narration ? { narration: line.narration } : {}),
    voice: 'script',
    at: line.at,
    retracted: false,
  };
  const updated: Session = {
    ...session,
    status: 'active',
    outcome: null,
    endedAt: null,
    stage: line.stage,
    pendingReply: null,
    lines: [...session.lines.map((existing) => (answered.has(existing.n) ? existing : { ...existing, retracted: true })), shared],
    updatedAt: line.at,
  };
  await storage.sessions.save(updated);
  return updated;
}
