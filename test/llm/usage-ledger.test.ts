import { describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/storage.js';
import { createUsageLedger, totalTokens, utcDay } from '../../src/llm/usage-ledger.js';
import { captureLogger, memoryStorage } from '../support/fake-openai/llm-test-kit.js';

const scope = { id: 's1', guildId: 'g1' };

describe('usage ledger', () => {
  it('adds concurrent records without losing any', async () => {
    const { log } = captureLogger();
    const ledger = createUsageLedger({ storage: memoryStorage(log), caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    await Promise.all(Array.from({ length: 20 }, () => ledger.record(scope, { promptTokens: 10, completionTokens: 5 })));
    const totals = await ledger.sessionTotals('s1');
    expect(totals).toMatchObject({ promptTokens: 200, completionTokens: 100, calls: 20 });
  });

  it('keeps one total per server and UTC day, the terminal under its own key', async () => {
    const { log } = captureLogger();
    const ledger = createUsageLedger({ storage: memoryStorage(log), caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    const monday = new Date('2026-11-23T23:59:00Z');
    const tuesday = new Date('2026-11-24T00:01:00Z');
    await ledger.record(scope, { promptTokens: 1, completionTokens: 1 }, monday);
    await ledger.record(scope, { promptTokens: 2, completionTokens: 2 }, tuesday);
    await ledger.record({ id: 't', guildId: null }, { promptTokens: 7, completionTokens: 0 }, tuesday);
    expect(totalTokens(await ledger.guildDayTotals('g1', utcDay(monday)))).toBe(2);
    expect(totalTokens(await ledger.guildDayTotals('g1', utcDay(tuesday)))).toBe(4);
    expect(totalTokens(await ledger.guildDayTotals(null, utcDay(tuesday)))).toBe(7);
    expect(totalTokens(await ledger.sessionTotals('s1'))).toBe(6);
  });

  it('reports the session cap before the server cap, and none while under both', async () => {
    const { log } = captureLogger();
    const ledger = createUsageLedger({ storage: memoryStorage(log), caps: { sessionTokens: 100, guildDailyTokens: 150 }, log });
    expect(await ledger.capReached(scope)).toBeNull();
    await ledger.record(scope, { promptTokens: 90, completionTokens: 10 });
    expect(await ledger.capReached(scope)).toBe('session');
    await ledger.record({ id: 's2', guildId: 'g1' }, { promptTokens: 60, completionTokens: 0 });
    expect(await ledger.capReached({ id: 's3', guildId: 'g1' })).toBe('guild');
    expect(await ledger.capReached({ id: 's3', guildId: 'g2' })).toBeNull();
  });

  it('never fails a call when the store does: writes are logged, cap checks let the call through', async () => {
    const logs = captureLogger();
    const broken: Storage = {
      ...memoryStorage(logs.log),
      collection: () => ({
        get: () => Promise.reject(new Error('store down')),
        set: () => Promise.reject(new Error('store down')),
        delete: () => Promise.reject(new Error('store down')),
      }),
    };
    const ledger = createUsageLedger({ storage: broken, caps: { sessionTokens: 1, guildDailyTokens: 1 }, log: logs.log });
    await expect(ledger.record(scope, { promptTokens: 1, completionTokens: 1 })).resolves.toBeUndefined();
    await expect(ledger.recordFallback(scope, 'timeout')).resolves.toBeUndefined();
    await expect(ledger.capReached(scope)).resolves.toBeNull();
    expect(logs.text()).toContain('usage ledger write failed');
  });
});
