import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USAGE_COLLECTION, UsageTotalsSchema } from '../../src/llm/usage-ledger.js';
import { deleteMemberData, describeStoredData } from '../../src/privacy/member-data.js';
import { privacyText } from '../../src/privacy/privacy-text.js';
import { calibrationSummary, setOverride } from '../../src/reports/calibration.js';
import { listTranscripts } from '../../src/reports/transcripts.js';
import type { Storage } from '../../src/storage/storage.js';
import { exchange, handSession, practiseSession } from '../reports/report-fixtures.js';
import { openTempStorage } from '../support/temp-storage.js';

describe('member data', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  it('describes what is stored about a member, with the retention period, in their language', async () => {
    await storage.sessions.save(
      handSession({ id: 'a1', userId: 'anna', createdAt: '2026-11-01T09:00:00.000Z', exchanges: [exchange(0, { composure: 3, empathy: 3 })] }),
    );
    await storage.sessions.save(
      handSession({
        id: 'a2',
        userId: 'anna',
        groupId: 'grp',
        createdAt: '2026-11-03T09:00:00.000Z',
        exchanges: [exchange(0, { composure: 3, empathy: 3 }), exchange(1, { composure: 3, empathy: 3 })],
      }),
    );
    await storage.sessions.save(handSession({ id: 'b1', userId: 'ben' }));
    const described = await describeStoredData(storage, 'g1', 'anna', { lang: 'de', retentionDays: 30 });
    expect(described).toMatchObject({
      sessions: 2,
      replies: 3,
      groupSessions: 1,
      firstAt: '2026-11-01T09:00:00.000Z',
      lastAt: '2026-11-03T09:00:00.000Z',
      retentionDays: 30,
    });
    // The handSession fixture's last activity equals its start.
    expect(described.nextDeletionAt).toBe('2026-12-01T09:00:00.000Z');
    expect(described.text.join(' ')).toContain('2 Übungssitzungen');
    expect(described.text.join(' ')).toContain('30 Tage');

    // A member with no session of their own, whose name and answers a front end keeps in group records (a relay).
    const relayOnly = await describeStoredData(storage, 'g1', 'dora', { lang: 'en', groupRecords: 2 });
    expect(relayOnly).toMatchObject({ sessions: 0, groupRecords: 2 });
    expect(relayOnly.text).toContain(privacyText('en').groupRecords(2));
    expect(relayOnly.text).toContain(privacyText('en').deletion);
    expect(relayOnly.text).not.toContain(privacyText('en').nothing);

    const nobody = await describeStoredData(storage, 'g1', 'carl', { lang: 'en' });
    expect(nobody).toMatchObject({ sessions: 0, nextDeletionAt: null });
    expect(nobody.text[0]).toBe('Nothing is stored about you in this server.');
  });

  it('deletes all of a member’s sessions and their usage and override records, leaving others untouched', async () => {
    const first = await practiseSession(storage, { userId: 'anna' });
    const second = await practiseSession(storage, { userId: 'anna', groupId: 'grp' });
    const other = await practiseSession(storage, { userId: 'ben' });
    await practiseSession(storage, { userId: 'anna', guildId: 'g2' });
    const usage = storage.collection(USAGE_COLLECTION, UsageTotalsSchema);
    await usage.set(`session:${first.id}`, {
      promptTokens: 10,
      completionTokens: 5,
      cachedPromptTokens: 0,
      calls: 1,
      fallbacks: {},
      updatedAt: first.updatedAt,
    });
    await setOverride(storage, second.id, 0, 1, { composure: 1, reason: 'r', by: 'trainer' });
    await setOverride(storage, other.id, 0, 1, { composure: 1, reason: 'r', by: 'trainer' });

    let erasedFor: string | undefined;
    const result = await deleteMemberData(storage, 'g1', 'anna', {
      also: [
        async (_guild, user) => {
          erasedFor = user;
          return 2;
        },
      ],
    });
    expect(result).toEqual({ sessions: 2, usageRecords: 1, other: 2, openPlaces: [] });
    expect(erasedFor).toBe('anna');
    expect(await storage.sessions.listByUser('g1', 'anna')).toEqual([]);
    expect((await listTranscripts(storage, { guildId: 'g1', member: 'anna' })).total).toBe(0);
    expect((await listTranscripts(storage, { guildId: 'g1', groupId: 'grp' })).total).toBe(0);
    expect(await storage.sessions.get(first.id)).toBeUndefined();
    expect(await usage.get(`session:${first.id}`)).toBeUndefined();
    expect((await calibrationSummary(storage, 'g1')).overrides).toBe(1);
    expect((await storage.sessions.listByUser('g1', 'ben')).map((row) => row.id)).toEqual([other.id]);
    // The same member in another server is a separate record.
    expect(await storage.sessions.listByUser('g2', 'anna')).toHaveLength(1);
    expect(await storage.sessions.listOpen()).toEqual([]);
  });
});
