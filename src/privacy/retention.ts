import type { Storage } from '../storage/storage.js';
import { deleteSessions, RetentionDaysSchema } from './member-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface PurgeResult {
  guildId: string | null;
  retentionDays: number;
  /** sessions whose last activity is before this were deleted */
  cutoff: string;
  purged: Array<{ id: string; userId: string; createdAt: string; updatedAt: string }>;
  usageRecords: number;
}

/**
 * Deletes the sessions of a server whose last activity (`updatedAt`) is older than the retention
 * period, so a session still in use is never cut off. Reads listing rows only. The caller logs
 * the result (ids and counts, no text).
 */
export async function purgeExpired(storage: Storage, guildId: string | null, retentionDays: number, now: Date): Promise<PurgeResult> {
  const days = RetentionDaysSchema.parse(retentionDays);
  const cutoffMs = now.getTime() - days * DAY_MS;
  const expired = (await storage.sessions.listByGuild(guildId)).filter((row) => Date.parse(row.updatedAt) < cutoffMs);
  const { usageRecords } = await deleteSessions(storage, guildId, expired);
  // Purged means gone from the files too, not left readable in freed pages or the write-ahead log.
  if (expired.length > 0) await storage.eraseFreedSpace();
  return {
    guildId,
    retentionDays: days,
    cutoff: new Date(cutoffMs).toISOString(),
    purged: expired.map(({ id, userId, createdAt, updatedAt }) => ({ id, userId, createdAt, updatedAt })),
    usageRecords,
  };
}
