import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import type { BotContext } from '../../../src/discord/bot-context.js';
import { GuildConfigSchema } from '../../../src/discord/guild-config.js';
import { saveGuildConfig } from '../../../src/discord/permissions.js';
import { scheduleRetention } from '../../../src/discord/review/retention-schedule.js';
import type { Storage } from '../../../src/storage/storage.js';
import { exchange, handSession } from '../../reports/report-fixtures.js';
import { openTempStorage } from '../../support/temp-storage.js';

const now = new Date('2026-11-25T12:00:00.000Z');

describe('scheduleRetention', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let lines: string[];
  let context: BotContext;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    // Only storage, config and log are used by the purge; the engine and personas are never touched.
    context = { storage, log, config: loadConfig({ LOG_LEVEL: 'silent' }) } as Pick<BotContext, 'storage' | 'log' | 'config'> as BotContext;
    await storage.sessions.save(
      handSession({
        id: 'old',
        userId: 'anna',
        exchanges: [exchange(0, { composure: 4, empathy: 4 }, { reply: 'My secret reply' })],
        createdAt: '2026-01-01T10:00:00.000Z',
        updatedAt: '2026-01-01T10:00:00.000Z',
      }),
    );
    await storage.sessions.save(handSession({ id: 'new', userId: 'anna', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' }));
    await storage.sessions.save(handSession({ id: 'elsewhere', guildId: 'g2', createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z' }));
    await saveGuildConfig(context, 'g1', GuildConfigSchema.parse({ retentionDays: 30 }));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await cleanup();
  });

  it('purges at once for servers with a retention period only, and logs the server and counts without any text', async () => {
    const schedule = scheduleRetention({ context, guildIds: () => ['g1', 'g2'], now: () => now });
    expect(await schedule.lastRun).toEqual({ guilds: 1, purged: 1 });
    schedule.stop();
    expect(await storage.sessions.get('old')).toBeUndefined();
    expect(await storage.sessions.get('new')).toBeDefined();
    expect(await storage.sessions.get('elsewhere')).toBeDefined();

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const purge = entries.find((entry) => entry['msg'] === 'expired sessions purged');
    expect(purge).toMatchObject({ guildId: 'g1', retentionDays: 30, sessions: 1 });
    expect(lines.join('')).not.toContain('secret');
    expect(lines.join('')).not.toContain('anna');
  });

  it('runs again on its timer until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const guildIds = vi.fn(() => ['g1']);
    const schedule = scheduleRetention({ context, guildIds, intervalMs: 1000, now: () => now });
    await schedule.lastRun;
    expect(guildIds).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    await schedule.lastRun;
    expect(guildIds).toHaveBeenCalledTimes(2);
    schedule.stop();
    vi.advanceTimersByTime(5000);
    expect(guildIds).toHaveBeenCalledTimes(2);
  });

  it('goes on with the other servers when one fails', async () => {
    await saveGuildConfig(context, 'g2', GuildConfigSchema.parse({ retentionDays: 30 }));
    const failing: BotContext = {
      ...context,
      storage: {
        ...storage,
        sessions: {
          ...storage.sessions,
          listByGuild: async (guildId) => {
            if (guildId === 'g1') throw new Error('disk on fire');
            return storage.sessions.listByGuild(guildId);
          },
          delete: (id) => storage.sessions.delete(id),
          get: (id) => storage.sessions.get(id),
        },
        collection: (name, schema) => storage.collection(name, schema),
      },
    };
    const schedule = scheduleRetention({ context: failing, guildIds: () => ['g1', 'g2'], now: () => now });
    expect(await schedule.lastRun).toEqual({ guilds: 1, purged: 1 });
    schedule.stop();
    expect(await storage.sessions.get('elsewhere')).toBeUndefined();
    expect(lines.some((line) => line.includes('retention purge failed') && line.includes('"guildId":"g1"'))).toBe(true);
  });
});
