import { z } from 'zod';
import { SessionSchema, type Session } from '../engine/session.js';
import type { Storage } from '../storage/storage.js';

export const GuildExportSchema = z.object({
  format: z.literal('counterpart-guild-export'),
  version: z.literal(1),
  guildId: z.string().nullable(),
  exportedAt: z.string(),
  /** every stored session of the server, oldest first, as stored */
  sessions: z.array(SessionSchema),
});
type GuildExport = z.infer<typeof GuildExportSchema>;

/** Everything the store holds about a server's practice, for `counterpart export` (a data request or a move). */
export async function exportGuildData(storage: Storage, guildId: string | null, options: { now?: () => Date } = {}): Promise<GuildExport> {
  const rows = await storage.sessions.listByGuild(guildId);
  const sessions: Session[] = [];
  for (let start = 0; start < rows.length; start += 50) {
    const batch = await Promise.all(rows.slice(start, start + 50).map((row) => storage.sessions.get(row.id)));
    for (const session of batch) if (session) sessions.push(session);
  }
  sessions.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { format: 'counterpart-guild-export', version: 1, guildId, exportedAt: (options.now?.() ?? new Date()).toISOString(), sessions };
}
