import { describe, expect, it, vi } from 'vitest';
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

  it('answers a cap check from its running totals while the store write is still pending', async () => {
    const { log } = captureLogger();
    const store = gatedStorage(memoryStorage(log));
    const ledger = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 100, guildDailyTokens: 0 }, log });
    expect(await ledger.capReached(scope)).toBeNull();
    store.holdWrites();
    const written = ledger.record(scope, { promptTokens: 90, completionTokens: 10 });
    let settled = false;
    void written.then(() => (settled = true));
    await vi.waitFor(() => {
      expect(store.heldWrites()).toBe(2);
    });
    // the writes (session and server key) wait on the store, the cap check does not
    expect(await ledger.capReached(scope)).toBe('session');
    expect(settled).toBe(false);
    store.releaseWrites();
    await written;
    expect(totalTokens(await ledger.sessionTotals('s1'))).toBe(100);
  });

  it('writes changes that arrive during a write together afterwards, and loses none', async () => {
    const { log } = captureLogger();
    const store = gatedStorage(memoryStorage(log));
    const ledger = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    store.holdWrites();
    const first = ledger.record(scope, { promptTokens: 1, completionTokens: 0 });
    await vi.waitFor(() => {
      expect(store.heldWrites()).toBe(2);
    });
    const rest = Array.from({ length: 9 }, () => ledger.record(scope, { promptTokens: 1, completionTokens: 0 }));
    store.releaseWrites();
    await Promise.all([first, ...rest]);
    // one write for the first change, one for the nine that queued behind it (per key)
    expect(store.writes().filter((key) => key === 'session:s1')).toHaveLength(2);
    const restarted = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    expect(await restarted.sessionTotals('s1')).toMatchObject({ promptTokens: 10, calls: 10 });
  });

  it('keeps its totals across a restart, and adds to what another process wrote instead of overwriting it', async () => {
    const { log } = captureLogger();
    const storage = memoryStorage(log);
    const caps = { sessionTokens: 100, guildDailyTokens: 0 };
    const before = createUsageLedger({ storage, caps, log });
    void before.record(scope, { promptTokens: 60, completionTokens: 0 });
    void before.recordFallback(scope, 'timeout');
    await before.flush();

    const after = createUsageLedger({ storage, caps, log });
    expect(await after.sessionTotals('s1')).toMatchObject({ promptTokens: 60, fallbacks: { timeout: 1 } });
    expect(await after.capReached(scope)).toBeNull();
    await before.record(scope, { promptTokens: 30, completionTokens: 0 });
    await after.record(scope, { promptTokens: 10, completionTokens: 0 });
    expect(await after.capReached(scope)).toBe('session');
    expect(totalTokens(await createUsageLedger({ storage, caps, log }).sessionTotals('s1'))).toBe(100);
  });

  it('keeps counting a change whose write failed, and writes it with the next one', async () => {
    const logs = captureLogger();
    const store = gatedStorage(memoryStorage(logs.log));
    const ledger = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 10, guildDailyTokens: 0 }, log: logs.log });
    store.failWrites(true);
    await ledger.record(scope, { promptTokens: 10, completionTokens: 0 });
    expect(logs.text()).toContain('usage ledger write failed');
    expect(await ledger.capReached(scope)).toBe('session');
    store.failWrites(false);
    await ledger.record(scope, { promptTokens: 1, completionTokens: 0 });
    const restarted = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 10, guildDailyTokens: 0 }, log: logs.log });
    expect(await restarted.sessionTotals('s1')).toMatchObject({ promptTokens: 11, calls: 2 });
  });
});

/** A storage whose collection writes can be held back or failed, recording the keys it wrote. */
function gatedStorage(inner: Storage) {
  let held: Array<() => void> | null = null;
  let failing = false;
  const written: string[] = [];
  const storage: Storage = {
    ...inner,
    collection: (name, schema) => {
      const collection = inner.collection(name, schema);
      const gated: typeof collection = {
        get: (key) => collection.get(key),
        delete: (key) => collection.delete(key),
        async set(key, value) {
          if (held) await new Promise<void>((resolve) => held?.push(resolve));
          if (failing) throw new Error('store down');
          written.push(key);
          await collection.set(key, value);
        },
      };
      return gated;
    },
  };
  return {
    storage,
    holdWrites: () => void (held = []),
    heldWrites: () => held?.length ?? 0,
    releaseWrites() {
      const waiting = held ?? [];
      held = null;
      for (const resolve of waiting) resolve();
    },
    failWrites: (on: boolean) => void (failing = on),
    writes: () => [...written],
  };
}
