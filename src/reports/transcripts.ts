import { z } from 'zod';
import type { SessionListing } from '../storage/session-store.js';
import type { Storage } from '../storage/storage.js';

/** Filters for the transcript listing; every field narrows, none loads a whole session. */
export interface TranscriptFilter {
  /** the server (null: terminal sessions) */
  guildId: string | null;
  /** only this member's sessions */
  member?: string | undefined;
  /** only this persona */
  persona?: string | undefined;
  /** only sessions started at or after this time */
  since?: Date | string | undefined;
  /** only the practices of one group session */
  groupId?: string | undefined;
}

const PageRequestSchema = z.object({
  /** 1-based */
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(10),
});
type PageRequest = z.input<typeof PageRequestSchema>;

interface TranscriptPage {
  items: SessionListing[];
  page: number;
  pageSize: number;
  /** matching sessions over all pages */
  total: number;
  pages: number;
}

const timeOf = (value: Date | string) => (value instanceof Date ? value : new Date(value)).getTime();

/**
 * Sessions matching the filter, newest first, one page at a time. Reads only the small listing
 * rows through the narrowest index the filter allows (group, then member, then server).
 */
export async function listTranscripts(storage: Storage, filter: TranscriptFilter, page: PageRequest = {}): Promise<TranscriptPage> {
  const { page: number, pageSize } = PageRequestSchema.parse(page);
  const rows = filter.groupId
    ? await storage.sessions.listByGroup(filter.groupId)
    : filter.member !== undefined
      ? await storage.sessions.listByUser(filter.guildId, filter.member)
      : await storage.sessions.listByGuild(filter.guildId);
  const since = filter.since === undefined ? undefined : timeOf(filter.since);
  const matching = rows.filter(
    (row) =>
      row.guildId === filter.guildId &&
      (filter.member === undefined || row.userId === filter.member) &&
      (filter.persona === undefined || row.personaId === filter.persona) &&
      (filter.groupId === undefined || row.groupId === filter.groupId) &&
      (since === undefined || Date.parse(row.createdAt) >= since),
  );
  // The store sorts its lists, but the group index makes no promise about order.
  matching.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  const start = (number - 1) * pageSize;
  return {
    items: matching.slice(start, start + pageSize),
    page: number,
    pageSize,
    total: matching.length,
    pages: Math.max(1, Math.ceil(matching.length / pageSize)),
  };
}
