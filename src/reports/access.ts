import type { Session } from '../engine/session.js';

export type ViewerRole = 'trainee' | 'trainer' | 'manager';

/** Who asks to see a transcript: the front end resolves roles (Discord: the guild's configured roles). */
export interface Viewer {
  userId: string;
  roles: ViewerRole | readonly ViewerRole[];
  /** the server the request comes from; when set, sessions of other servers are never visible */
  guildId?: string | null;
}

const rolesOf = (viewer: Viewer): readonly ViewerRole[] => (typeof viewer.roles === 'string' ? [viewer.roles] : viewer.roles);

/** Trainers and managers review the team; trainees see only their own sessions. */
export function canReviewTeam(viewer: Viewer): boolean {
  return rolesOf(viewer).some((role) => role === 'trainer' || role === 'manager');
}

/**
 * The one access rule for transcripts and reports: trainees see their own sessions, trainers and
 * managers every session of their server. Nobody sees another server's sessions.
 */
export function canViewSession(viewer: Viewer, session: Pick<Session, 'userId' | 'guildId'>): boolean {
  if (viewer.guildId !== undefined && viewer.guildId !== session.guildId) return false;
  return session.userId === viewer.userId || canReviewTeam(viewer);
}

/** Calibration (overriding grades, exporting labels) is for trainers. */
export function canCalibrate(viewer: Viewer): boolean {
  return rolesOf(viewer).includes('trainer');
}
