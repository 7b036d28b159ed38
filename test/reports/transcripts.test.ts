import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTranscripts } from '../../src/reports/transcripts.js';
import type { Storage } from '../../src/storage/storage.js';
import { openTempStorage } from '../support/temp-storage.js';
import { exchange, handSession } from './report-fixtures.js';

describe('transcript listing', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ storage, cleanup } = await openTempStorage());
    // 12 sessions in g1 over 12 days: members alternate, personas cycle over three, two belong to a group.
    for (let day = 1; day <= 12; day++) {
      await storage.sessions.save(
        handSession({
          id: `s${String(day).padStart(2, '0')}`,
          userId: day % 2 === 0 ? 'u-even' : 'u-odd',
          personaId: ['frustrated', 'grieving', 'insulting'][day % 3] ?? 'frustrated',
          groupId: day === 3 || day === 4 ? 'grp' : null,
          createdAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
          exchanges: [exchange(0, { composure: 3, empathy: 3 })],
        }),
      );
    }
    await storage.sessions.save(handSession({ id: 'other-guild', guildId: 'g2', createdAt: '2026-11-20T10:00:00.000Z' }));
  });
  afterAll(async () => cleanup());

  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it('pages through a server newest first', async () => {
    const first = await listTranscripts(storage, { guildId: 'g1' }, { page: 1, pageSize: 5 });
    expect(ids(first)).toEqual(['s12', 's11', 's10', 's09', 's08']);
    expect(first).toMatchObject({ total: 12, pages: 3, page: 1, pageSize: 5 });
    const last = await listTranscripts(storage, { guildId: 'g1' }, { page: 3, pageSize: 5 });
    expect(ids(last)).toEqual(['s02', 's01']);
    const beyond = await listTranscripts(storage, { guildId: 'g1' }, { page: 4, pageSize: 5 });
    expect(beyond.items).toEqual([]);
  });

  it('filters by member, persona, start date and group, and combines them', async () => {
    expect(ids(await listTranscripts(storage, { guildId: 'g1', member: 'u-even' }, { pageSize: 3 }))).toEqual(['s12', 's10', 's08']);
    expect(ids(await listTranscripts(storage, { guildId: 'g1', persona: 'grieving' }))).toEqual(['s10', 's07', 's04', 's01']);
    expect(ids(await listTranscripts(storage, { guildId: 'g1', since: new Date('2026-11-10T00:00:00Z') }))).toEqual(['s12', 's11', 's10']);
    expect(ids(await listTranscripts(storage, { guildId: 'g1', groupId: 'grp' }))).toEqual(['s04', 's03']);
    expect(ids(await listTranscripts(storage, { guildId: 'g1', member: 'u-odd', persona: 'grieving', since: '2026-11-02T00:00:00Z' }))).toEqual(['s07']);
  });

  it('never shows another server’s sessions, even through a group id', async () => {
    expect(ids(await listTranscripts(storage, { guildId: 'g2' }))).toEqual(['other-guild']);
    expect((await listTranscripts(storage, { guildId: 'g2', groupId: 'grp' })).total).toBe(0);
  });

  it('rejects a page size beyond 100 or a page below 1', async () => {
    await expect(listTranscripts(storage, { guildId: 'g1' }, { pageSize: 1000 })).rejects.toThrow();
    await expect(listTranscripts(storage, { guildId: 'g1' }, { page: 0 })).rejects.toThrow();
  });
});
