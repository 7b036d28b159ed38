import { z } from 'zod';
import type { Language } from '../evaluation/grade.js';
import { USAGE_COLLECTION, UsageTotalsSchema } from '../llm/usage-ledger.js';
import { overrideIndex } from '../reports/override-index.js';
import { formatDate } from '../reports/report-text.js';
import type { SessionListing } from '../storage/session-store.js';
import type { Storage } from '../storage/storage.js';
import { privacyText } from './privacy-text.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const RetentionDaysSchema = z.number().int().min(1).max(36_500);

/** What is stored about one member of one server, in figures and in plain words. */
interface StoredDataDescription {
  guildId: string | null;
  userId: string;
  sessions: number;
  /** graded replies over all sessions */
  replies: number;
  groupSessions: number;
  /** records a front end keeps apart that hold the member's name or answers, as counted by it */
  groupRecords: number;
  firstAt: string | null;
  lastAt: string | null;
  retentionDays: number | null;
  /** when the oldest session falls due under the retention period */
  nextDeletionAt: string | null;
  /** the description for the member, one paragraph per entry, in `lang` */
  text: string[];
}

/**
 * Describes a member's stored data from the listing rows alone. Sessions are the member's whole
 * footprint in the store: progress and averages are computed from them, never kept apart.
 */
export async function describeStoredData(
  storage: Storage,
  guildId: string | null,
  userId: string,
  options: {
    lang: Language;
    retentionDays?: number | null;
    /** records a front end keeps apart that hold the member's name or answers (Discord group records) */
    groupRecords?: number;
  },
): Promise<StoredDataDescription> {
  const rows = await storage.sessions.listByUser(guildId, userId);
  const text = privacyText(options.lang);
  const retentionDays = options.retentionDays ?? null;
  const byActivity = rows.map((row) => row.updatedAt).sort();
  const firstAt = rows.map((row) => row.createdAt).sort()[0] ?? null;
  const lastAt =
    rows
      .map((row) => row.createdAt)
      .sort()
      .at(-1) ?? null;
  const oldestActivity = byActivity[0];
  const nextDeletionAt = retentionDays !== null && oldestActivity ? new Date(Date.parse(oldestActivity) + retentionDays * DAY_MS).toISOString() : null;
  const groupSessions = rows.filter((row) => row.groupId !== null).length;

  const groupRecords = options.groupRecords ?? 0;
  const paragraphs: string[] = [];
  if (rows.length === 0 && groupRecords === 0) {
    paragraphs.push(text.nothing);
  } else if (rows.length > 0) {
    paragraphs.push(text.sessions(rows.length));
    if (firstAt && lastAt) paragraphs.push(text.period(formatDate(firstAt, options.lang), formatDate(lastAt, options.lang)));
    paragraphs.push(text.contents);
    if (groupSessions > 0) paragraphs.push(text.groups(groupSessions));
  }
  if (groupRecords > 0) paragraphs.push(text.groupRecords(groupRecords));
  if (rows.length > 0) paragraphs.push(text.usage);
  paragraphs.push(retentionDays === null ? text.noRetention : text.retention(retentionDays));
  if (nextDeletionAt) paragraphs.push(text.nextDeletion(formatDate(nextDeletionAt, options.lang)));
  if (rows.length > 0 || groupRecords > 0) paragraphs.push(text.deletion);

  return {
    guildId,
    userId,
    sessions: rows.length,
    replies: rows.reduce((sum, row) => sum + row.turns, 0),
    groupSessions,
    groupRecords,
    firstAt,
    lastAt,
    retentionDays,
    nextDeletionAt,
    text: paragraphs,
  };
}

/** Erases a member's data held outside the session store (e.g. a front end's group records); returns how many records. */
type MemberDataEraser = (guildId: string | null, userId: string) => Promise<number>;

/**
 * Runs `task` while nothing else may write the session: the engine's `exclusive`. Deletion holds it
 * for every session it removes, so a reply being answered finishes first and nothing queued
 * behind it can save the transcript back.
 */
type SessionGuard = <T>(sessionId: string, task: () => Promise<T>) => Promise<T>;

interface DeletionResult {
  sessions: number;
  /** per-session token records of the LLM usage ledger */
  usageRecords: number;
  /** records removed by the extra erasers */
  other: number;
  /** front-end places (e.g. Discord threads) of sessions that were still open, for the front end to close */
  openPlaces: string[];
}

/** Deletes sessions with everything kept beside them: usage records and override index entries. */
export async function deleteSessions(
  storage: Storage,
  guildId: string | null,
  rows: readonly SessionListing[],
  options: { refuseLateSaves?: boolean } = {},
): Promise<Pick<DeletionResult, 'sessions' | 'usageRecords'>> {
  const usage = storage.collection(USAGE_COLLECTION, UsageTotalsSchema);
  let usageRecords = 0;
  for (const row of rows) {
    if ((await usage.get(`session:${row.id}`)) !== undefined) {
      await usage.delete(`session:${row.id}`);
      usageRecords += 1;
    }
  }
  await storage.sessions.deleteMany(
    rows.map((row) => row.id),
    options,
  );
  await overrideIndex(storage).remove(
    guildId,
    rows.map((row) => row.id),
  );
  return { sessions: rows.length, usageRecords };
}

/** Holds the guard of every id while `task` runs, taken in sorted order so two deletions cannot deadlock. */
function holdAll<T>(guard: SessionGuard, ids: readonly string[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = ids;
  return first === undefined ? task() : guard(first, () => holdAll(guard, rest, task));
}

/**
 * Removes everything stored about a member in one server: their sessions (transcripts, grades,
 * overrides; their progress is computed from these), the sessions' usage records, and what the
 * `also` erasers remove. Returns the counts; a later listing of the member is empty.
 *
 * With `guard` (the engine's `exclusive`), sessions still in use are removed race-free: deletion
 * waits for a reply being answered and nothing queued behind it can write the session again.
 * Without it (a store no engine is writing to, e.g. the command line), sessions are removed at once.
 * The `also` erasers run first, while the sessions still exist: a front end finds what belongs to
 * the member through them, and takes the member out of anything still running that would
 * otherwise go on using a session about to disappear.
 */
export async function deleteMemberData(
  storage: Storage,
  guildId: string | null,
  userId: string,
  options: { also?: readonly MemberDataEraser[]; guard?: SessionGuard } = {},
): Promise<DeletionResult> {
  let other = 0;
  for (const erase of options.also ?? []) other += await erase(guildId, userId);
  const rows = await storage.sessions.listByUser(guildId, userId);
  const guard: SessionGuard = options.guard ?? ((_id, task) => task());
  const ids = rows.map((row) => row.id).sort();
  return holdAll(guard, ids, async () => {
    const openPlaces: string[] = [];
    for (const row of rows) {
      if (row.status === 'ended') continue;
      const session = await storage.sessions.get(row.id);
      if (session?.channelRef) openPlaces.push(session.channelRef);
    }
    // A writer outside the guard (a trainer's override read before this) cannot write one back either.
    const removed = await deleteSessions(storage, guildId, rows, { refuseLateSaves: true });
    return { ...removed, other, openPlaces };
  });
}
