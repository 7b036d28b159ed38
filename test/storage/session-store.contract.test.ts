import { EventEmitter } from 'node:events';
import Keyv from 'keyv';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/engine/session.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { createKeyvStorage } from '../../src/storage/keyv-storage.js';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { z } from 'zod';
import { makeGrade } from '../support/scripted-grader.js';
import { activeSession } from '../support/session-fixture.js';
import { openTempStorage } from '../support/temp-storage.js';

const log = pino({ level: 'silent' });

// sessions of different ids are created at different seconds, as in a real store
const session = (id: string, overrides: Partial<Session> = {}): Session =>
  activeSession(id, { createdAt: `2026-01-01T00:00:0${id.length % 10}.000Z`, ...overrides });

interface Backend {
  name: string;
  open: () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>;
}

const backends: Backend[] = [
  { name: 'sqlite file', open: openTempStorage },
  { name: 'in-memory keyv', open: async () => ({ storage: createKeyvStorage(new Keyv({ throwOnErrors: true }), log), cleanup: async () => undefined }) },
];
// Redis joins the contract when a server is given (CI starts one).
const redisUrl = process.env['TEST_REDIS_URL'];
if (redisUrl) {
  backends.push({
    name: 'redis',
    open: async () => {
      const storage = await openStorage({ url: redisUrl, log, namespace: `test-${Date.now()}-${Math.random()}` });
      return { storage, cleanup: () => storage.close() };
    },
  });
}

describe.each(backends)('session store contract on $name', (backend) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await backend.open());
  });
  afterEach(async () => cleanup());

  it('returns what was saved, validated', async () => {
    const saved = session('a', { exchanges: [{ lineN: 0, attempt: 1, reply: 'Hi', grade: makeGrade({}), at: '2026-01-01T00:00:01.000Z' }], turns: 1 });
    await storage.sessions.save(saved);
    expect(await storage.sessions.get('a')).toEqual(saved);
    expect(await storage.sessions.get('missing')).toBeUndefined();
  });

  it('lists by user, guild and group, newest first, with averages', async () => {
    await storage.sessions.save(session('a'));
    await storage.sessions.save(session('bbb', { userId: 'u2', groupId: 'grp' }));
    await storage.sessions.save(
      session('cc', { groupId: 'grp', turns: 1, exchanges: [{ lineN: 0, attempt: 1, reply: 'x', grade: makeGrade({ composure: 5, empathy: 4 }), at: 'x' }] }),
    );
    expect((await storage.sessions.listByUser('g1', 'u1')).map((row) => row.id)).toEqual(['cc', 'a']);
    expect((await storage.sessions.listByGuild('g1')).map((row) => row.id)).toEqual(['bbb', 'cc', 'a']);
    expect((await storage.sessions.listByGroup('grp')).map((row) => row.id).sort()).toEqual(['bbb', 'cc']);
    const cc = (await storage.sessions.listByGroup('grp')).find((row) => row.id === 'cc');
    // no boundary at stake: the overall score is the mean of composure and empathy
    expect(cc?.average).toBeCloseTo((5 + 4) / 2);
    expect(await storage.sessions.listByUser('g1', 'nobody')).toEqual([]);
  });

  it('lists newest first whatever the order of saving, and sessions of the same moment in the order saved', async () => {
    const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
    // saved in an order that is neither sorted nor reversed, so a comparator that is half right shows
    const seconds = [7, 2, 11, 5, 13, 1, 9, 3, 12, 6, 10, 4, 8];
    for (const second of seconds) await storage.sessions.save(activeSession(`s${second}`, { createdAt: at(second) }));
    await storage.sessions.save(activeSession('tie1', { createdAt: at(20) }));
    await storage.sessions.save(activeSession('tie2', { createdAt: at(20) }));
    const newestFirst = [...seconds].sort((a, b) => b - a).map((second) => `s${second}`);
    expect((await storage.sessions.listByUser('g1', 'u1')).map((row) => row.id)).toEqual(['tie1', 'tie2', ...newestFirst]);
  });

  it('no longer finds a session by a channel it has left', async () => {
    await storage.sessions.save(session('a', { channelRef: 'thread-1' }));
    await storage.sessions.save(session('a', { channelRef: 'thread-2' }));
    expect((await storage.sessions.findByChannel('thread-2'))?.id).toBe('a');
    expect(await storage.sessions.findByChannel('thread-1')).toBeUndefined();
    expect(await storage.sessions.findByChannel('thread-1')).toBeUndefined();
  });

  it('keeps sessions of another server apart', async () => {
    await storage.sessions.save(session('a'));
    await storage.sessions.save(session('b', { guildId: 'g2' }));
    expect((await storage.sessions.listByUser('g2', 'u1')).map((row) => row.id)).toEqual(['b']);
    expect((await storage.sessions.listByGuild('g1')).map((row) => row.id)).toEqual(['a']);
  });

  it('finds a session by its channel and tracks open sessions', async () => {
    await storage.sessions.save(session('a', { channelRef: 'thread-1' }));
    expect((await storage.sessions.findByChannel('thread-1'))?.id).toBe('a');
    expect(await storage.sessions.listOpen()).toEqual(['a']);
    await storage.sessions.save(session('a', { channelRef: 'thread-1', status: 'ended', outcome: 'stopped' }));
    expect(await storage.sessions.listOpen()).toEqual([]);
  });

  it('takes an ended session off the open list and leaves the others on it', async () => {
    await storage.sessions.save(session('a'));
    await storage.sessions.save(session('bb'));
    await storage.sessions.save(session('a', { status: 'ended', outcome: 'stopped' }));
    expect(await storage.sessions.listOpen()).toEqual(['bb']);
  });

  it('keeps every index entry when many sessions are saved at once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => storage.sessions.save(session(`s${i}`))));
    expect(await storage.sessions.listByUser('g1', 'u1')).toHaveLength(40);
    expect(await storage.sessions.listOpen()).toHaveLength(40);
  });

  it('deletes a session with its index entries', async () => {
    await storage.sessions.save(session('a', { channelRef: 'thread-1', groupId: 'grp' }));
    await storage.sessions.delete('a');
    expect(await storage.sessions.get('a')).toBeUndefined();
    expect(await storage.sessions.listByUser('g1', 'u1')).toEqual([]);
    expect(await storage.sessions.listByGroup('grp')).toEqual([]);
    expect(await storage.sessions.findByChannel('thread-1')).toBeUndefined();
    expect(await storage.sessions.listOpen()).toEqual([]);
  });

  it('deletes many sessions at once, leaving the others listed', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => storage.sessions.save(session(`m${i}`, { channelRef: `t${i}`, groupId: i % 2 ? 'grp' : null }))));
    await storage.sessions.deleteMany(['m0', 'm1', 'm2', 'm3', 'missing']);
    expect((await storage.sessions.listByGuild('g1')).map((row) => row.id).sort()).toEqual(['m10', 'm11', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect((await storage.sessions.listByGroup('grp')).map((row) => row.id).sort()).toEqual(['m11', 'm5', 'm7', 'm9']);
    expect(await storage.sessions.findByChannel('t1')).toBeUndefined();
    expect(await storage.sessions.get('m3')).toBeUndefined();
    expect(await storage.sessions.listOpen()).toHaveLength(8);
  });

  it('collections validate what they write and read', async () => {
    const settings = storage.collection('settings', z.object({ colour: z.string() }));
    await settings.set('g1', { colour: 'blue' });
    expect(await settings.get('g1')).toEqual({ colour: 'blue' });
    await expect(settings.set('g2', { colour: 3 } as unknown as { colour: string })).rejects.toThrow();
    await settings.delete('g1');
    expect(await settings.get('g1')).toBeUndefined();
  });
});

describe('what the store keeps, read underneath it', () => {
  const open = () => {
    const keyv = new Keyv({ throwOnErrors: true });
    return { keyv, storage: createKeyvStorage(keyv, log) };
  };

  // an index as stored: the ids it holds, whatever wrapper the backend's codec put around them
  const storedIds = async (keyv: Keyv, key: string): Promise<unknown> => {
    const raw: unknown = await keyv.get(key);
    const parsed: unknown = raw !== null && typeof raw === 'object' && 'text' in raw ? JSON.parse(String(raw.text)) : raw;
    return parsed !== null && typeof parsed === 'object' && 'value' in parsed ? parsed.value : parsed;
  };

  it('takes a deleted session out of every index it was in, and leaves the others', async () => {
    const { keyv, storage } = open();
    await storage.sessions.save(session('a', { groupId: 'grp' }));
    await storage.sessions.save(session('bb', { groupId: 'grp' }));
    await storage.sessions.delete('a');
    expect(await storedIds(keyv, 'index:guild:g1')).toEqual(['bb']);
    expect(await storedIds(keyv, 'index:user:g1:u1')).toEqual(['bb']);
    expect(await storedIds(keyv, 'index:group:grp')).toEqual(['bb']);
    expect(await storedIds(keyv, 'index:open')).toEqual(['bb']);
  });

  it('an index emptied by a deletion goes, so no key names a member who has no sessions left', async () => {
    const { keyv, storage } = open();
    await storage.sessions.save(session('a', { groupId: 'grp' }));
    await storage.sessions.save(session('bb', { userId: 'u2' }));
    expect(await keyv.get('index:user:g1:u1')).toBeDefined();
    await storage.sessions.delete('a');
    expect(await keyv.get('index:user:g1:u1')).toBeUndefined();
    expect(await keyv.get('index:group:grp')).toBeUndefined();
    expect(await keyv.get('index:user:g1:u2')).toBeDefined();
    expect(await keyv.get('index:guild:g1')).toBeDefined();
  });

  it('deletes the channel binding and the listing with the session, and only its own', async () => {
    const { keyv, storage } = open();
    await storage.sessions.save(session('a', { channelRef: 'thread-1' }));
    await storage.sessions.save(session('bb', { channelRef: 'thread-2' }));
    await storage.sessions.deleteMany(['a']);
    expect(await keyv.get('channel:thread-1')).toBeUndefined();
    expect(await keyv.get('listing:a')).toBeUndefined();
    expect(await keyv.get('channel:thread-2')).toBeDefined();
    expect(await keyv.get('listing:bb')).toBeDefined();
  });

  it('a deletion on request refuses a late save of the session; an ordinary deletion does not', async () => {
    const { keyv, storage } = open();
    await storage.sessions.save(session('a'));
    await storage.sessions.save(session('bb'));
    await storage.sessions.deleteMany(['a'], { refuseLateSaves: true });
    await storage.sessions.deleteMany(['bb']);
    expect(await keyv.get('deleted:a')).toBeDefined();
    expect(await keyv.get('deleted:bb')).toBeUndefined();
    // a practice still running when its member asked for deletion saves once more
    await storage.sessions.save(session('a'));
    await storage.sessions.save(session('bb'));
    expect(await storage.sessions.get('a')).toBeUndefined();
    expect((await storage.sessions.listByUser('g1', 'u1')).map((row) => row.id)).toEqual(['bb']);
  });

  it('lists more sessions than one read of the backend fetches, each once', async () => {
    const { storage } = open();
    const count = 1_100;
    for (let i = 0; i < count; i++) await storage.sessions.save(activeSession(`s${i}`));
    const ids = (await storage.sessions.listByGuild('g1')).map((row) => row.id);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
  });

  it('finds a session by its channel from a fresh process, not from what another process remembers', async () => {
    const keyv = new Keyv({ throwOnErrors: true });
    const first = createKeyvStorage(keyv, log);
    await first.sessions.save(session('a', { channelRef: 'thread-1' }));
    await first.sessions.save(session('a', { channelRef: 'thread-2' }));
    const second = createKeyvStorage(keyv, log);
    expect(await second.sessions.findByChannel('thread-1')).toBeUndefined();
    expect((await second.sessions.findByChannel('thread-2'))?.id).toBe('a');
  });
});

describe('store failures', () => {
  it('a record that no longer matches its schema is ignored, not trusted', async () => {
    const keyv = new Keyv({ throwOnErrors: true, namespace: 'counterpart' });
    const storage = createKeyvStorage(keyv, log);
    await keyv.set('session:broken', { id: 'broken', schemaVersion: 99 });
    expect(await storage.sessions.get('broken')).toBeUndefined();
  });

  it('a backend that fails surfaces as StoreUnavailableError', async () => {
    class RefusingStore extends EventEmitter {
      async get(): Promise<never> {
        throw new Error('connection refused');
      }
      async set(): Promise<never> {
        throw new Error('connection refused');
      }
      async delete() {
        return false;
      }
      async clear() {}
    }
    const failing = new Keyv({ throwOnErrors: true, store: new RefusingStore() as never });
    const storage = createKeyvStorage(failing, log);
    await expect(storage.sessions.get('a')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(storage.sessions.save(session('a'))).rejects.toBeInstanceOf(StoreUnavailableError);
    // the message tells an operator what the bot was doing, and the cause is kept for the log
    await expect(storage.sessions.get('a')).rejects.toThrow('could not read session from the store');
    const failure = await storage
      .collection('settings', z.object({ colour: z.string() }))
      .set('g1', { colour: 'blue' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toBe('could not write collection to the store');
    expect(((failure as Error).cause as Error).message).toBe('connection refused');
  });

  it('a backend that fails to delete or list surfaces as StoreUnavailableError naming the operation', async () => {
    const keyv = new Keyv({ throwOnErrors: true });
    const storage = createKeyvStorage(keyv, log);
    await storage.sessions.save(session('a', { channelRef: 'thread-1' }));
    const refuse = () => Promise.reject(new Error('disk full'));
    keyv.delete = refuse;
    keyv.deleteMany = refuse;
    keyv.getMany = refuse;
    // each names the operation, and keeps the backend's error as its cause for the operator's log
    const failure = async (attempt: Promise<unknown>, message: string) => {
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(message);
      expect(((error as Error).cause as Error).message).toBe('disk full');
    };
    await failure(storage.collection('settings', z.string()).delete('g1'), 'could not delete collection from the store');
    await failure(storage.sessions.listByGuild('g1'), 'could not read session listings from the store');
    await expect(storage.sessions.delete('a')).rejects.toThrow(StoreUnavailableError);
    keyv.set = refuse;
    await failure(storage.sessions.deleteMany(['a'], { refuseLateSaves: true }), 'could not mark sessions as deleted in the store');
    keyv.get = refuse;
    await failure(storage.sessions.get('a'), 'could not read session from the store');
  });

  it('a backend that fails halfway through a deletion says so, after the indexes are already clean', async () => {
    const keyv = new Keyv({ throwOnErrors: true });
    const storage = createKeyvStorage(keyv, log);
    await storage.sessions.save(session('a'));
    keyv.deleteMany = () => Promise.reject(new Error('disk full'));
    const error = await storage.sessions.delete('a').catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('could not delete sessions from the store');
    expect(((error as Error).cause as Error).message).toBe('disk full');
    expect(await storage.sessions.listByUser('g1', 'u1')).toEqual([]);
  });

  it('a failing erasure of freed space names what it could not do', async () => {
    const storage = createKeyvStorage(new Keyv({ throwOnErrors: true }), log, { eraseFreedSpace: () => Promise.reject(new Error('locked')) });
    const error = await storage.eraseFreedSpace().catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('could not erase deleted data from the store files');
    expect(((error as Error).cause as Error).message).toBe('locked');
  });

  it('tells the operator what it ignored or dropped, and what the backend reported', async () => {
    const lines: { level: number; msg: string; key?: string; sessionId?: string; issues?: unknown[]; err?: { message?: string } }[] = [];
    const recorder = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
    const keyv = new Keyv({ throwOnErrors: true, namespace: 'counterpart' });
    const storage = createKeyvStorage(keyv, recorder);
    await keyv.set('session:broken', { id: 'broken', schemaVersion: 99 });
    await storage.sessions.get('broken');
    const ignored = lines.find((line) => line.msg === 'stored record does not match its schema; ignored');
    expect(ignored).toMatchObject({ level: 50, key: 'session:broken' });
    // the first few of its many issues, not all of them
    expect(ignored?.issues).toHaveLength(5);
    await storage.sessions.save(session('a'));
    await storage.sessions.deleteMany(['a'], { refuseLateSaves: true });
    await storage.sessions.save(session('a'));
    expect(lines.find((line) => line.msg === 'a save of a session deleted on request was dropped')).toMatchObject({ level: 40, sessionId: 'a' });
    keyv.emit('error', new Error('connection reset'));
    expect(lines.find((line) => line.msg === 'store backend reported an error')).toMatchObject({ level: 40, err: { message: 'connection reset' } });
  });

  it('closes the backend connection when closed', async () => {
    const keyv = new Keyv({ throwOnErrors: true });
    let disconnected = 0;
    keyv.disconnect = () => {
      disconnected++;
      return Promise.resolve();
    };
    await createKeyvStorage(keyv, log).close();
    expect(disconnected).toBe(1);
  });

  it('an unknown store scheme is a configuration error naming the accepted ones', async () => {
    await expect(openStorage({ url: 'mysql://x', log })).rejects.toThrow(/sqlite:\/\/, redis:\/\/ or postgres:\/\//);
  });
});
