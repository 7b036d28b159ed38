import Keyv from 'keyv';
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GroupRecord } from '../../../src/discord/group/group-record.js';
import { createGroupStore, type GroupStore } from '../../../src/discord/group/group-store.js';
import { createKeyvStorage } from '../../../src/storage/keyv-storage.js';
import type { Storage } from '../../../src/storage/storage.js';

const record = (id: string, channelId = 'channel-1'): GroupRecord => ({
  id,
  schemaVersion: 1,
  guildId: 'guild',
  channelId,
  cardMessageId: null,
  personaId: 'frustrated',
  lang: 'en',
  intensity: 'standard',
  trainerId: 'trainer',
  trainerName: 'Tess',
  mode: 'individual',
  status: 'open',
  startedAt: '2026-01-01T10:00:00.000Z',
  endsAt: null,
  endedAt: null,
  participants: [],
  scenario: null,
  relay: null,
  boardMessageId: null,
});

describe('group store', () => {
  let storage: Storage;
  let store: GroupStore;
  beforeEach(() => {
    storage = createKeyvStorage(new Keyv(), pino({ level: 'silent' }));
    store = createGroupStore(storage);
  });

  it('allows one open group per channel, and a new one once it ended', async () => {
    expect(await store.create(record('a'))).toBe(true);
    expect(await store.create(record('b'))).toBe(false);
    expect(await store.create(record('c', 'channel-2'))).toBe(true);
    await store.update('a', (current) => ({ ...current, status: 'ended', endedAt: '2026-01-01T11:00:00.000Z' }));
    expect(await store.create(record('d'))).toBe(true);
    expect((await store.findByPlace('channel-1'))?.id).toBe('d');
  });

  it('lets only one of two simultaneous starts in the same channel win', async () => {
    const results = await Promise.all([store.create(record('a')), createGroupStore(storage).create(record('b'))]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps every one of many concurrent joins (no lost update)', async () => {
    await store.create(record('a'));
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        createGroupStore(storage).update('a', (current) => ({
          ...current,
          participants: [
            ...current.participants,
            { userId: `u${index}`, name: `U${index}`, threadId: null, sessionId: null, joinedAt: '2026-01-01T10:00:00.000Z' },
          ],
        })),
      ),
    );
    expect((await store.get('a'))?.participants).toHaveLength(12);
  });

  it('finds a group by a bound trainee thread and lists open groups until they end', async () => {
    await store.create(record('a'));
    await store.create(record('b', 'channel-2'));
    await store.bindThread('thread-9', 'b');
    expect((await store.findByPlace('thread-9'))?.id).toBe('b');
    expect(await store.listOpen()).toEqual(['a', 'b']);
    await store.update('a', (current) => ({ ...current, status: 'ended' }));
    expect(await store.listOpen()).toEqual(['b']);
    expect(await store.findByPlace('nowhere')).toBeUndefined();
  });

  it('rejects a record that does not match the schema instead of storing it', async () => {
    await store.create(record('a'));
    await expect(store.update('a', (current) => ({ ...current, lang: 'fr' as 'en' }))).rejects.toThrow();
    expect((await store.get('a'))?.lang).toBe('en');
  });
});
