import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportGuildData, GuildExportSchema } from '../../src/privacy/guild-export.js';
import { purgeExpired } from '../../src/privacy/retention.js';
import type { Storage } from '../../src/storage/storage.js';
import { handSession } from '../reports/report-fixtures.js';
import { openTempStorage } from '../support/temp-storage.js';

describe('retention and export', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
    const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
    await storage.sessions.save(handSession({ id: 'old', userId: 'anna', ...at('2026-08-01T10:00:00.000Z') }));
    await storage.sessions.save(handSession({ id: 'edge-kept', userId: 'ben', ...at('2026-10-26T12:00:00.000Z') }));
    await storage.sessions.save(handSession({ id: 'recent', userId: 'anna', ...at('2026-11-20T10:00:00.000Z') }));
    // Started long ago but practised yesterday: still in use.
    await storage.sessions.save(
      handSession({ id: 'long-running', userId: 'carl', createdAt: '2026-07-01T10:00:00.000Z', updatedAt: '2026-11-24T10:00:00.000Z' }),
    );
    await storage.sessions.save(handSession({ id: 'other-server', guildId: 'g2', ...at('2026-01-01T10:00:00.000Z') }));
  });
  afterEach(async () => cleanup());

  const now = new Date('2026-11-25T12:00:00.000Z');

  it('purges only sessions whose last activity is older than the retention period', async () => {
    const result = await purgeExpired(storage, 'g1', 30, now);
    expect(result.cutoff).toBe('2026-10-26T12:00:00.000Z');
    expect(result.purged.map((entry) => entry.id)).toEqual(['old']);
    expect((await storage.sessions.listByGuild('g1')).map((row) => row.id).sort()).toEqual(['edge-kept', 'long-running', 'recent']);
    expect(await storage.sessions.get('old')).toBeUndefined();
    expect(await storage.sessions.listByGuild('g2')).toHaveLength(1);
    // Running it again finds nothing more.
    expect((await purgeExpired(storage, 'g1', 30, now)).purged).toEqual([]);
  });

  it('refuses a retention period that is not a whole number of days from 1', async () => {
    await expect(purgeExpired(storage, 'g1', 0, now)).rejects.toThrow();
    await expect(purgeExpired(storage, 'g1', 1.5, now)).rejects.toThrow();
    expect(await storage.sessions.listByGuild('g1')).toHaveLength(4);
  });

  it('exports every session of a server, oldest first, as stored', async () => {
    const data = await exportGuildData(storage, 'g1', { now: () => now });
    GuildExportSchema.parse(JSON.parse(JSON.stringify(data)));
    expect(data.sessions.map((session) => session.id)).toEqual(['long-running', 'old', 'edge-kept', 'recent']);
    expect(data.sessions[1]).toEqual(await storage.sessions.get('old'));
  });
});
