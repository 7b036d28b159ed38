import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/engine/session.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { SqliteStore } from '../../src/storage/sqlite-adapter.js';
import { makeGrade } from '../support/scripted-grader.js';

const log = pino({ level: 'silent' });

const stored: Session = {
  id: 'a',
  schemaVersion: 1,
  userId: 'u1',
  guildId: 'g1',
  channelRef: 'thread-a',
  groupId: null,
  personaId: 'frustrated',
  lang: 'de',
  intensity: 'standard',
  status: 'active',
  outcome: null,
  stage: 'opening',
  turns: 1,
  lines: [{ n: 0, text: 'Hallo', stage: 'opening', voice: 'script', at: '2026-01-01T00:00:00.000Z', retracted: false }],
  exchanges: [{ lineN: 0, attempt: 1, reply: ':) gern, ich kümmere mich', grade: makeGrade({}), at: '2026-01-01T00:00:01.000Z', key: 'm1' }],
  pendingReply: null,
  usage: { promptTokens: 0, completionTokens: 0 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:01.000Z',
  endedAt: null,
};

describe('SQLite store file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-sqlite-'));
    file = join(dir, 'store.sqlite');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('a file written by @keyv/sqlite with keyv’s own serializer (earlier versions) reads the same', async () => {
    const before = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'counterpart' });
    await before.set('session:a', stored);
    await before.set('channel:thread-a', 'a');
    await before.disconnect();
    const storage = await openStorage({ url: `sqlite://${file}`, log });
    expect(await storage.sessions.findByChannel('thread-a')).toEqual(stored);
    await storage.close();
  });

  it('what this version writes reads the same through @keyv/sqlite and keyv’s own serializer', async () => {
    const storage = await openStorage({ url: `sqlite://${file}`, log });
    await storage.sessions.save(stored);
    await storage.close();
    const after = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'counterpart' });
    expect(await after.get('session:a')).toEqual(stored);
    expect(await after.get('channel:thread-a')).toBe('a');
    await after.disconnect();
  });

  it('gets, sets, deletes and lists keys with reused statements, also many at once', async () => {
    const store = await SqliteStore.open(file, 1000);
    const keyv = new Keyv({ store, namespace: 'ns' });
    await Promise.all(Array.from({ length: 30 }, (_, i) => keyv.set(`k${i}`, { i })));
    expect(await keyv.get('k7')).toEqual({ i: 7 });
    expect(await keyv.getMany(['k1', 'missing', 'k2'])).toEqual([{ i: 1 }, undefined, { i: 2 }]);
    expect(await keyv.has('k3')).toBe(true);
    expect(await keyv.delete('k3')).toBe(true);
    expect(await keyv.delete('k3')).toBe(false);
    expect(await keyv.deleteMany(['k4', 'k5'])).toBe(true);
    expect(await keyv.getMany(['k4', 'k5', 'k6'])).toEqual([undefined, undefined, { i: 6 }]);
    await keyv.clear();
    expect(await keyv.get('k7')).toBeUndefined();
    await keyv.disconnect();
  });
});
