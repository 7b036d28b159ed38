import type { PracticeEngine } from '../../engine/engine-types.js';
import type { Session } from '../../engine/session.js';

/**
 * Puts the shared scenario line before one trainee (through the engine, under the session's lock),
 * so the engine grades their answer against exactly that line and records it as their own exchange.
 * Returns undefined for a session that is gone or that the trainee paused or stopped.
 */
export async function presentLine(
  engine: PracticeEngine,
  sessionId: string,
  line: { stage: string; text: string; narration?: string | undefined },
): Promise<Session | undefined> {
  try {
    return await engine.present(sessionId, line);
  } catch (error) {
    if (error instanceof Error && 'code' in error && ['session_not_found', 'session_paused', 'session_ended'].includes(String(error.code))) return undefined;
    throw error;
  }
}
