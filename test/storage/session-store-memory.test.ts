import Keyv from 'keyv';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/engine/session.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { createKeyvStorage } from '../../src/storage/keyv-storage.js';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { makeGrade } from '../support/scripted-grader.js';
import { activeSession } from '../support/session-fixture.js';
import { openTempStorage } from '../support/temp-storage.js';

/*
 * What one store remembers between calls (the text and decoded form of sessions it wrote or read,
 * listing states, channel bindings) must never hide the backend: another process writing the same
 * store, a failed write and a deletion are all seen.
 */

const log = pino({ level: 'silent' });

const session = (id: string, overrides: Partial<Session> = {}): Session => activeSession(id, { channelRef: `thread-${id}`, ...overrides });

const answered = (base: Session, reply: string): Session => ({
  ...base,
  turns: base.turns + 1,
  exchanges: [...base.exchanges, { lineN: 0, attempt: base.turns + 1, reply, grade: makeGrade({}), at: '2026-01-01T00:00:01.000Z' }],
});

describe('two stores on one SQLite file (the bot and another process)', () => {
  let bot: Storage;
  let other: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const temp = await openTempStorage();
    bot = temp.storage;
    other = await openStorage({ url: temp.url, log });
    cleanup = async () => {
      await other.close();
      await temp.cleanup();
    };
  });
  afterEach(async () => cleanup());

  it('a session the other process changed is read as changed, by id and by channel', async () => {
    const saved = session('a');
    await bot.sessions.save(saved);
    expect((await bot.sessions.findByChannel('thread-a'))?.turns).toBe(0);
    await other.sessions.save(answered(saved, 'written elsewhere'));
    expect((await bot.sessions.get('a'))?.exchanges.map((exchange) => exchange.reply)).toEqual(['written elsewhere']);
    expect((await bot.sessions.findByChannel('thread-a'))?.turns).toBe(1);
  });

  it('a session the other process deleted is gone here too, and saving it again lists it again', async () => {
    const saved = session('a');
    await bot.sessions.save(saved);
    await bot.sessions.findByChannel('thread-a');
    await other.sessions.delete('a');
    expect(await bot.sessions.get('a')).toBeUndefined();
    expect(await bot.sessions.findByChannel('thread-a')).toBeUndefined();
    await bot.sessions.save(saved);
    expect((await other.sessions.listByUser('g1', 'u1')).map((row) => row.id)).toEqual(['a']);
    expect((await other.sessions.findByChannel('thread-a'))?.id).toBe('a');
    expect(await other.sessions.listOpen()).toEqual(['a']);
  });

  it('a thread bound elsewhere to another session after a deletion finds the new session', async () => {
    await bot.sessions.save(session('a', { channelRef: 'thread-x' }));
    expect((await bot.sessions.findByChannel('thread-x'))?.id).toBe('a');
    await other.sessions.delete('a');
    await other.sessions.save(session('b', { channelRef: 'thread-x' }));
    expect((await bot.sessions.findByChannel('thread-x'))?.id).toBe('b');
  });

  it('a record the other process broke is refused, not served from memory', async () => {
    await bot.sessions.save(session('a'));
    expect(await bot.sessions.get('a')).toBeDefined();
    // the other process writes a session record that no longer parses
    await other.sessions.save({ ...session('a'), schemaVersion: 2 as 1 });
    expect(await bot.sessions.get('a')).toBeUndefined();
  });

  it('a status the other process changed is not taken for granted by the bot’s next save', async () => {
    const saved = session('a');
    await bot.sessions.save(saved);
    await other.sessions.save({ ...saved, status: 'ended', outcome: 'stopped' });
    expect(await bot.sessions.listOpen()).toEqual([]);
    // the bot reads it (as the engine does before every change) and reopens it
    const read = await bot.sessions.get('a');
    await bot.sessions.save({ ...(read as Session), status: 'active', outcome: null });
    expect(await other.sessions.listOpen()).toEqual(['a']);
  });
});

/** A Map-backed keyv store that counts writes and can refuse them. */
function countingStore() {
  const map = new Map<string, unknown>();
  const writes: string[] = [];
  let refuse = false;
  const store = {
    on: () => store,
    get: async (key: string) => map.get(key),
    set: async (key: string, value: unknown) => {
      if (refuse) throw new Error('store down (injected)');
      writes.push(key.replace(/^counterpart:/, '').replace(/:.*$/, ''));
      map.set(key, value);
      return true;
    },
    delete: async (key: string) => map.delete(key),
    clear: async () => {
      map.clear();
    },
  };
  return {
    keyv: new Keyv({ store: store as never, namespace: 'counterpart', throwOnErrors: true }),
    writes,
    refuseWrites(value: boolean) {
      refuse = value;
    },
  };
}

describe('one store on its own', () => {
  it('saving a session it knows writes only its listing and itself', async () => {
    const backend = countingStore();
    const storage = createKeyvStorage(backend.keyv, log);
    const saved = session('a');
    await storage.sessions.save(saved);
    backend.writes.length = 0;
    await storage.sessions.save(answered(saved, 'one'));
    expect(backend.writes).toEqual(['listing', 'session']);
  });

  it('hands back the same session while its stored text is unchanged, and the new one after a save', async () => {
    const storage = createKeyvStorage(new Keyv({ throwOnErrors: true }), log);
    const saved = session('a');
    await storage.sessions.save(saved);
    const first = await storage.sessions.get('a');
    expect(await storage.sessions.get('a')).toBe(first);
    await storage.sessions.save(answered(saved, 'one'));
    expect((await storage.sessions.get('a'))?.turns).toBe(1);
  });

  it('forgets a deleted session and its channel', async () => {
    const storage = createKeyvStorage(new Keyv({ throwOnErrors: true }), log);
    await storage.sessions.save(session('a'));
    expect((await storage.sessions.findByChannel('thread-a'))?.id).toBe('a');
    await storage.sessions.delete('a');
    expect(await storage.sessions.get('a')).toBeUndefined();
    expect(await storage.sessions.findByChannel('thread-a')).toBeUndefined();
    await storage.sessions.save(session('a'));
    expect(await storage.sessions.listOpen()).toEqual(['a']);
  });

  it('after a failed save, reads what the backend holds, and the next save completes the listing', async () => {
    const backend = countingStore();
    const storage = createKeyvStorage(backend.keyv, log);
    const saved = session('a');
    await storage.sessions.save(saved);
    backend.refuseWrites(true);
    await expect(storage.sessions.save(answered(saved, 'lost'))).rejects.toBeInstanceOf(StoreUnavailableError);
    backend.refuseWrites(false);
    expect((await storage.sessions.get('a'))?.turns).toBe(0);
    await storage.sessions.save({ ...answered(saved, 'kept'), status: 'ended', outcome: 'stopped' });
    expect((await storage.sessions.get('a'))?.exchanges.map((exchange) => exchange.reply)).toEqual(['kept']);
    expect((await storage.sessions.listByUser('g1', 'u1'))[0]?.status).toBe('ended');
    expect(await storage.sessions.listOpen()).toEqual([]);
  });

  it('a reply starting with a colon comes back as written', async () => {
    const { storage, cleanup } = await openTempStorage();
    try {
      const saved = answered(session('a'), ':) happy to help');
      await storage.sessions.save(saved);
      expect((await storage.sessions.get('a'))?.exchanges[0]?.reply).toBe(':) happy to help');
    } finally {
      await cleanup();
    }
  });
});
