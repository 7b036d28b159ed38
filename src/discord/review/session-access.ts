import type { Session } from '../../engine/session.js';
import { UserFacingError } from '../../errors.js';
import { canViewSession } from '../../reports/index.js';
import type { BotContext } from '../bot-context.js';
import { uiText } from '../ui-text.js';
import type { ResolvedViewer } from './viewer.js';

/**
 * The session with this id, if the viewer may see it. A missing session and a forbidden one get the
 * same answer, so ids cannot be probed for existence.
 */
export async function loadViewableSession(context: BotContext, resolved: ResolvedViewer, sessionId: string): Promise<Session> {
  const session = sessionId ? await context.storage.sessions.get(sessionId) : undefined;
  if (!session || !canViewSession(resolved.viewer, session)) {
    if (session) context.log.info({ sessionId, owner: session.userId }, 'transcript access refused');
    throw new UserFacingError('forbidden', uiText(resolved.lang).errors.notYourSession);
  }
  return session;
}
