import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildProgressChart } from '../../src/reports/progress-chart.js';
import type { Storage } from '../../src/storage/storage.js';
import { openTempStorage } from '../support/temp-storage.js';
import { exchange, handSession } from './report-fixtures.js';

describe('progress chart from the store', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  it('plots a member’s latest scored sessions, oldest first, as SVG and PNG', async () => {
    for (let day = 1; day <= 5; day++) {
      const exchanges = day === 3 ? [] : [exchange(0, { composure: day, empathy: 1 })];
      await storage.sessions.save(handSession({ id: `s${day}`, userId: 'anna', createdAt: `2026-11-0${day}T10:00:00.000Z`, exchanges }));
    }
    await storage.sessions.save(handSession({ id: 'ben', userId: 'ben', exchanges: [exchange(0, { composure: 1, empathy: 1 })] }));
    const chart = await buildProgressChart(storage, 'g1', 'anna', { lang: 'de', limit: 3 });
    // Four scored sessions, the latest three of them: 2, 4 and 5 November.
    expect(chart?.sessions).toBe(3);
    expect(chart?.svg.match(/<circle /g)).toHaveLength(9);
    expect(chart?.svg).toContain('>02.11.<');
    expect(chart?.svg).not.toContain('>01.11.<');
    expect(chart?.png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('has no chart for a member without scored sessions', async () => {
    await storage.sessions.save(handSession({ id: 's1', userId: 'anna' }));
    expect(await buildProgressChart(storage, 'g1', 'anna', { lang: 'en' })).toBeNull();
  });
});
