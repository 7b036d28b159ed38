import type Keyv from 'keyv';
import { z } from 'zod';
import { overallScore } from '../evaluation/grade.js';
import { SessionSchema, type Session } from '../engine/session.js';
import { StoreUnavailableError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { SessionListing, SessionStore } from './session-store.js';
import type { Collection, Storage } from './storage.js';
import { KeyedMutex } from './keyed-mutex.js';
import { RecentMap } from './recent-map.js';
import { StoredText, useRecordCodec } from './record-codec.js';

/*
 * Key layout (inside the keyv namespace):
 *   session:<id>            the whole session (transcript included)
 *   listing:<id>            a small SessionListing, rewritten on every save
 *   index:user:<g>:<u>      ids of a member's sessions in a server (g = "-" for the terminal)
 *   index:guild:<g>         ids of all sessions in a server
 *   index:group:<groupId>   ids of a group session's practices
 *   index:open              ids of sessions not ended
 *   channel:<ref>           id of the session bound to a front-end place
 *   deleted:<id>            a session deleted on a member's request (expires after a day): saves are dropped
 * Id indexes change only when a session is created, ends or is deleted, so a busy session rewrites
 * two records per exchange (its listing, then itself), not a server-wide list.
 *
 * What this process last wrote or read is remembered: a session's stored text with the session it
 * decodes to, its listing's state, a channel's binding. So a save reads no listing back and
 * rewrites no `channel:` key that already holds the session, and a session whose stored text is
 * what this process last wrote is neither decoded nor validated again. Sessions are still read from
 * the backend every time: a change another process made (a trainer's override or a member's data
 * deletion from the command line) has other text, so it is decoded, validated and seen, and the
 * listing state of that session is read again before the next save. The one thing used without a
 * read is a channel binding: only the bot binds threads, each to one session, so a binding changes
 * only by deletion, which reading the bound session notices (see `findByChannel`).
 *
 * Sessions handed out are shared with this memory: callers treat them as values (the engine
 * changes a session by building a new one) and never mutate them.
 */

const IdListSchema = z.array(z.string());
const ListingSchema = z.object({
  id: z.string(),
  userId: z.string(),
  guildId: z.string().nullable(),
  groupId: z.string().nullable(),
  personaId: z.string(),
  lang: z.enum(['de', 'en']),
  status: z.enum(['active', 'paused', 'ended']),
  outcome: SessionSchema.shape.outcome,
  turns: z.number(),
  average: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<SessionListing>;

const guildKey = (guildId: string | null) => guildId ?? '-';
const LISTING_CHUNK = 500;
/** sessions and channels one process remembers the stored state of (a few dozen bytes each) */
const REMEMBERED = 20_000;
/** sessions whose decoded transcript one process keeps beside its stored text */
const REMEMBERED_SESSIONS = 256;
/** how long a save of a session deleted on a member's request is refused; far longer than any write in flight */
const TOMBSTONE_TTL_MS = 24 * 60 * 60 * 1000;

function toListing(session: Session): SessionListing {
  const scores = session.exchanges.map((exchange) => overallScore(exchange.grade));
  return {
    id: session.id,
    userId: session.userId,
    guildId: session.guildId,
    groupId: session.groupId,
    personaId: session.personaId,
    lang: session.lang,
    status: session.status,
    outcome: session.outcome,
    turns: session.turns,
    average: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}

export interface KeyvStorageOptions {
  /** the backend's way to make deleted text unreadable on disk (see {@link Storage.eraseFreedSpace}) */
  eraseFreedSpace?: () => Promise<void>;
}

export function createKeyvStorage(keyv: Keyv, log: Logger, options: KeyvStorageOptions = {}): Storage {
  // keyv emits errors as events as well as throwing them (throwOnErrors); an unheard 'error' event would crash the process.
  keyv.on('error', (error: unknown) => {
    log.warn({ err: error }, 'store backend reported an error');
  });
  const indexLocks = new KeyedMutex();
  /** session id → whether its stored listing is of an ended session, as this process last wrote or read it */
  const listed = new RecentMap<string, { ended: boolean }>(REMEMBERED);
  /** channel ref → the session id its `channel:` key holds, as this process last wrote or read it */
  const channels = new RecentMap<string, string>(REMEMBERED);
  /**
   * session id → its stored text and the session it decodes to, as this process last wrote or read
   * it. Whole transcripts, so fewer: enough for every session being practised at once.
   */
  const recentSessions = new RecentMap<string, { text: string; session: Session }>(REMEMBERED_SESSIONS);
  // keyv reads hand back the stored text; `texts` decodes it (see record-codec.ts).
  const texts = useRecordCodec(keyv);

  async function fetch(key: string): Promise<unknown> {
    try {
      return await keyv.get(key);
    } catch (error) {
      throw new StoreUnavailableError(`could not read ${key.split(':')[0]} from the store`, { cause: error });
    }
  }

  function validate<S extends z.ZodType>(key: string, value: unknown, schema: S): z.infer<S> | undefined {
    if (value === undefined || value === null) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      log.error({ key, issues: parsed.error.issues.slice(0, 5) }, 'stored record does not match its schema; ignored');
      return undefined;
    }
    return parsed.data;
  }

  async function read<S extends z.ZodType>(key: string, schema: S): Promise<z.infer<S> | undefined> {
    return validate(key, texts.decode(await fetch(key)).value, schema);
  }

  async function write(key: string, value: unknown): Promise<void> {
    try {
      await keyv.set(key, value);
    } catch (error) {
      throw new StoreUnavailableError(`could not write ${key.split(':')[0]} to the store`, { cause: error });
    }
  }

  /**
   * A session, always read from the backend; decoded and validated only when its text differs from
   * what this process last wrote or read (then it is the same data, and the same object is returned).
   */
  async function readSession(id: string): Promise<Session | undefined> {
    const key = `session:${id}`;
    const raw = await fetch(key);
    const known = recentSessions.get(id);
    if (known && raw instanceof StoredText && raw.text === known.text) return known.session;
    // Not what this process last wrote or read: someone else may have changed its listing too.
    listed.delete(id);
    const { value, text } = texts.decode(raw);
    const session = validate(key, value, SessionSchema);
    if (session && text !== undefined) recentSessions.set(id, { text, session });
    else recentSessions.delete(id);
    return session;
  }

  async function writeSession(session: Session): Promise<void> {
    // Forgotten first: if the write fails, the backend may hold either text.
    recentSessions.delete(session.id);
    const { stored, text } = texts.encode(session);
    await write(`session:${session.id}`, stored);
    if (text !== undefined) recentSessions.set(session.id, { text, session });
  }

  async function remove(key: string): Promise<void> {
    try {
      await keyv.delete(key);
    } catch (error) {
      throw new StoreUnavailableError(`could not delete ${key.split(':')[0]} from the store`, { cause: error });
    }
  }

  async function updateIndex(key: string, change: (ids: string[]) => string[]): Promise<void> {
    await indexLocks.run(key, async () => {
      const ids = (await read(key, IdListSchema)) ?? [];
      const next = change(ids);
      // An index emptied by a deletion goes with it: a member's index key names the member.
      if (next.length === 0 && ids.length > 0) await remove(key);
      else if (next !== ids) await write(key, next);
    });
  }

  const addId = (id: string) => (ids: string[]) => (ids.includes(id) ? ids : [...ids, id]);
  const dropId = (id: string) => (ids: string[]) => (ids.includes(id) ? ids.filter((other) => other !== id) : ids);

  async function listings(indexKey: string): Promise<SessionListing[]> {
    const ids = (await read(indexKey, IdListSchema)) ?? [];
    if (ids.length === 0) return [];
    // In chunks: some adapters (@keyv/sqlite) pair rows with keys by a linear search, quadratic in one call.
    const raw: unknown[] = [];
    try {
      for (let start = 0; start < ids.length; start += LISTING_CHUNK) {
        raw.push(...(await keyv.getMany<unknown>(ids.slice(start, start + LISTING_CHUNK).map((id) => `listing:${id}`))));
      }
    } catch (error) {
      throw new StoreUnavailableError('could not read session listings from the store', { cause: error });
    }
    const rows: SessionListing[] = [];
    for (const value of raw) {
      const parsed = ListingSchema.safeParse(texts.decode(value).value);
      if (parsed.success) rows.push(parsed.data);
    }
    return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /** The stored listing's state: remembered from this process's last save, else read. */
  async function storedListing(id: string): Promise<{ ended: boolean } | undefined> {
    const known = listed.get(id);
    if (known) return known;
    const listing = await read(`listing:${id}`, ListingSchema);
    return listing ? { ended: listing.status === 'ended' } : undefined;
  }

  const sessions: SessionStore = {
    get: (id) => readSession(id),

    async save(session) {
      const previous = await storedListing(session.id);
      // A session the store does not list is new, or was deleted: a deleted one is not written back.
      if (!previous && (await fetch(`deleted:${session.id}`)) !== undefined) {
        log.warn({ sessionId: session.id }, 'a save of a session deleted on request was dropped');
        return;
      }
      // Until this save has gone through, what is stored is not known.
      listed.delete(session.id);
      // Which record goes first decides what a store failing halfway leaves behind. A new session's
      // record comes first: a failure after it leaves an unlisted orphan, never a listing without a
      // session. An existing session's record comes last, as the commit point of an exchange: a
      // failure before it leaves the transcript as it was (the trainee is told to send the reply
      // again) instead of holding an exchange the trainee never saw. The listing and indexes it
      // may leave a step ahead are rewritten by the next save.
      if (!previous) await writeSession(session);
      await write(`listing:${session.id}`, toListing(session));
      if (!previous) {
        await updateIndex(`index:user:${guildKey(session.guildId)}:${session.userId}`, addId(session.id));
        await updateIndex(`index:guild:${guildKey(session.guildId)}`, addId(session.id));
        if (session.groupId) await updateIndex(`index:group:${session.groupId}`, addId(session.id));
      }
      if (session.channelRef && channels.get(session.channelRef) !== session.id) {
        await write(`channel:${session.channelRef}`, session.id);
        channels.set(session.channelRef, session.id);
      }
      const ended = session.status === 'ended';
      if (!previous || previous.ended !== ended) {
        await updateIndex('index:open', ended ? dropId(session.id) : addId(session.id));
      }
      if (previous) await writeSession(session);
      listed.set(session.id, { ended });
    },

    async delete(id) {
      await sessions.deleteMany([id]);
    },

    async deleteMany(ids, options = {}) {
      const doomed = new Set(ids);
      const found: Session[] = [];
      for (const id of doomed) {
        listed.delete(id);
        recentSessions.delete(id);
        const session = await read(`session:${id}`, SessionSchema);
        if (session) found.push(session);
      }
      for (const session of found) if (session.channelRef) channels.delete(session.channelRef);
      if (found.length === 0) return;
      const indexKeys = new Set<string>(['index:open']);
      for (const session of found) {
        indexKeys.add(`index:user:${guildKey(session.guildId)}:${session.userId}`);
        indexKeys.add(`index:guild:${guildKey(session.guildId)}`);
        if (session.groupId) indexKeys.add(`index:group:${session.groupId}`);
      }
      if (options.refuseLateSaves) {
        for (const session of found) {
          try {
            await keyv.set(`deleted:${session.id}`, true, TOMBSTONE_TTL_MS);
          } catch (error) {
            throw new StoreUnavailableError('could not mark sessions as deleted in the store', { cause: error });
          }
        }
      }
      // Indexes first: a crash halfway leaves unlisted records, never listings of deleted ones.
      for (const key of indexKeys) await updateIndex(key, (ids) => (ids.some((id) => doomed.has(id)) ? ids.filter((id) => !doomed.has(id)) : ids));
      const keys = found.flatMap((session) => [
        `listing:${session.id}`,
        `session:${session.id}`,
        ...(session.channelRef ? [`channel:${session.channelRef}`] : []),
      ]);
      try {
        await keyv.deleteMany(keys);
      } catch (error) {
        throw new StoreUnavailableError('could not delete sessions from the store', { cause: error });
      }
    },

    listByUser: (guildId, userId) => listings(`index:user:${guildKey(guildId)}:${userId}`),
    listByGuild: (guildId) => listings(`index:guild:${guildKey(guildId)}`),
    listByGroup: (groupId) => listings(`index:group:${groupId}`),

    async findByChannel(channelRef) {
      const bound = channels.get(channelRef);
      if (bound !== undefined) {
        const session = await sessions.get(bound);
        if (session?.channelRef === channelRef) return session;
        // deleted (here or by another process): the binding is asked for again
        channels.delete(channelRef);
      }
      const id = await read(`channel:${channelRef}`, z.string());
      if (id === undefined) return undefined;
      const session = await sessions.get(id);
      // a binding left behind by a session that has moved to another channel names it no longer
      if (session?.channelRef !== channelRef) return undefined;
      channels.set(channelRef, id);
      return session;
    },

    async listOpen() {
      return (await read('index:open', IdListSchema)) ?? [];
    },
  };

  return {
    sessions,
    collection<S extends z.ZodType>(name: string, schema: S): Collection<z.infer<S>> {
      const prefix = `collection:${name}:`;
      return {
        get: (key) => read(prefix + key, schema),
        set: async (key, value) => write(prefix + key, schema.parse(value)),
        delete: (key) => remove(prefix + key),
      };
    },
    async eraseFreedSpace() {
      if (!options.eraseFreedSpace) return;
      try {
        await options.eraseFreedSpace();
      } catch (error) {
        throw new StoreUnavailableError('could not erase deleted data from the store files', { cause: error });
      }
    },
    async close() {
      await keyv.disconnect();
    },
  };
}
