import { describe, expect, it, vi } from 'vitest';
import type { Storage } from '../../src/storage/storage.js';
import { createUsageLedger, totalTokens, USAGE_COLLECTION, UsageTotalsSchema, utcDay } from '../../src/llm/usage-ledger.js';
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
    const lines = logs.lines().map((line) => JSON.parse(line) as { msg: string; key?: string; sessionId?: string; err?: { message: string } });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'usage ledger write failed', key: 'session:s1', err: expect.objectContaining({ message: 'store down' }) as unknown }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'usage ledger unreadable, cap not checked',
        sessionId: 's1',
        err: expect.objectContaining({ message: 'store down' }) as unknown,
      }),
    );
  });

  it('reports the server cap once the day total reaches it exactly', async () => {
    const { log } = captureLogger();
    const ledger = createUsageLedger({ storage: memoryStorage(log), caps: { sessionTokens: 0, guildDailyTokens: 150 }, log });
    await ledger.record({ id: 's2', guildId: 'g1' }, { promptTokens: 149, completionTokens: 0 });
    expect(await ledger.capReached(scope)).toBeNull();
    await ledger.record({ id: 's2', guildId: 'g1' }, { promptTokens: 0, completionTokens: 1 });
    expect(await ledger.capReached(scope)).toBe('guild');
  });

  it('adds up fallbacks of the same reason and cached prompt tokens across calls', async () => {
    const { log } = captureLogger();
    const storage = memoryStorage(log);
    const ledger = createUsageLedger({ storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    await ledger.recordFallback(scope, 'timeout');
    await ledger.recordFallback(scope, 'timeout');
    await ledger.recordFallback(scope, 'cap_session');
    await ledger.record(scope, { promptTokens: 10, completionTokens: 1, cachedPromptTokens: 4 });
    await ledger.record(scope, { promptTokens: 10, completionTokens: 1, cachedPromptTokens: 6 });
    const restarted = createUsageLedger({ storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    expect(await restarted.sessionTotals('s1')).toMatchObject({
      promptTokens: 20,
      cachedPromptTokens: 10,
      calls: 2,
      fallbacks: { timeout: 2, cap_session: 1 },
    });
  });

  it('adds up changes of the same reason that queued behind a write', async () => {
    const { log } = captureLogger();
    const store = gatedStorage(memoryStorage(log));
    const ledger = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    store.holdWrites();
    const first = ledger.recordFallback(scope, 'timeout');
    await vi.waitFor(() => {
      expect(store.heldWrites()).toBe(2);
    });
    const rest = [
      ledger.recordFallback(scope, 'timeout'),
      ledger.recordFallback(scope, 'timeout'),
      ledger.record(scope, { promptTokens: 1, completionTokens: 0, cachedPromptTokens: 1 }),
      ledger.record(scope, { promptTokens: 1, completionTokens: 0, cachedPromptTokens: 1 }),
    ];
    store.releaseWrites();
    await Promise.all([first, ...rest]);
    const restarted = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    expect(await restarted.sessionTotals('s1')).toMatchObject({ promptTokens: 2, cachedPromptTokens: 2, fallbacks: { timeout: 3 } });
  });

  it('loses no change when a write fails while more changes wait behind it', async () => {
    const logs = captureLogger();
    const store = gatedStorage(memoryStorage(logs.log));
    const caps = { sessionTokens: 0, guildDailyTokens: 0 };
    const ledger = createUsageLedger({ storage: store.storage, caps, log: logs.log });
    store.holdWrites();
    const first = ledger.record(scope, { promptTokens: 5, completionTokens: 2, cachedPromptTokens: 1 });
    await vi.waitFor(() => {
      expect(store.heldWrites()).toBe(2);
    });
    const rest = [
      ledger.record(scope, { promptTokens: 3, completionTokens: 1, cachedPromptTokens: 1 }),
      ledger.recordFallback(scope, 'timeout'),
      ledger.recordFallback(scope, 'timeout'),
    ];
    store.failWrites(true);
    store.releaseWrites();
    await Promise.all([first, ...rest]);
    store.failWrites(false);
    const expected = { promptTokens: 8, completionTokens: 3, cachedPromptTokens: 2, calls: 2, fallbacks: { timeout: 2 } };
    expect(await ledger.sessionTotals('s1')).toMatchObject(expected);
    await ledger.flush();
    const restarted = createUsageLedger({ storage: store.storage, caps, log: logs.log });
    expect(await restarted.sessionTotals('s1')).toMatchObject(expected);
  });

  it('stamps the totals with the latest call, also when calls are recorded out of order', async () => {
    const { log } = captureLogger();
    const store = gatedStorage(memoryStorage(log));
    const ledger = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    const usage = { promptTokens: 1, completionTokens: 0 };
    store.holdWrites();
    const first = ledger.record(scope, usage, new Date('2026-11-24T10:00:00Z'));
    await vi.waitFor(() => {
      expect(store.heldWrites()).toBe(2);
    });
    // three calls finish while the first is written; the middle one is the latest
    const rest = [
      ledger.record(scope, usage, new Date('2026-11-24T10:02:00Z')),
      ledger.record(scope, usage, new Date('2026-11-24T10:03:00Z')),
      ledger.record(scope, usage, new Date('2026-11-24T10:01:00Z')),
    ];
    store.releaseWrites();
    await Promise.all([first, ...rest]);
    const restarted = createUsageLedger({ storage: store.storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    expect(await restarted.sessionTotals('s1')).toMatchObject({ calls: 4, updatedAt: '2026-11-24T10:03:00.000Z' });
  });

  it('writes at flush a change whose earlier write failed', async () => {
    const logs = captureLogger();
    const store = gatedStorage(memoryStorage(logs.log));
    const caps = { sessionTokens: 0, guildDailyTokens: 0 };
    const ledger = createUsageLedger({ storage: store.storage, caps, log: logs.log });
    store.failWrites(true);
    await ledger.record(scope, { promptTokens: 5, completionTokens: 0 });
    store.failWrites(false);
    await ledger.flush();
    expect(await createUsageLedger({ storage: store.storage, caps, log: logs.log }).sessionTotals('s1')).toMatchObject({ promptTokens: 5, calls: 1 });
  });

  it('past 20,000 keys in memory drops the oldest tenth of those fully written, never one with an unwritten change', async () => {
    const { log } = captureLogger();
    const store = gatedStorage(memoryStorage(log));
    const caps = { sessionTokens: 0, guildDailyTokens: 0 };
    const ledger = createUsageLedger({ storage: store.storage, caps, log });
    const at = new Date('2026-11-24T12:00:00Z');
    // the oldest key holds a change the store refused: it must stay in memory to be written later
    store.failWrites('session:unwritten');
    await ledger.record({ id: 'unwritten', guildId: 'g1' }, { promptTokens: 7, completionTokens: 0 }, at);
    store.failWrites(false);
    // 2 keys so far (the session and the server's day); these sessions fill memory to exactly 20,000 keys
    for (let batch = 0; batch < 19_998; batch += 1000) {
      await Promise.all(
        Array.from({ length: Math.min(1000, 19_998 - batch) }, (_, i) =>
          ledger.record({ id: `s${batch + i}`, guildId: 'g1' }, { promptTokens: 1, completionTokens: 0 }, at),
        ),
      );
    }
    // all 20,000 keys are in memory, fully written (but the one whose write failed): nothing read twice
    expect(store.reads('session:s0')).toBe(1);
    expect(store.reads('session:s19997')).toBe(1);
    expect(store.reads('session:s19998')).toBe(0);

    // one key more: the oldest written keys go
    expect(totalTokens(await ledger.sessionTotals('newcomer'))).toBe(0);
    expect(totalTokens(await ledger.sessionTotals('s0'))).toBe(1);
    expect(store.reads('session:s0')).toBe(2);
    // the newest stay, answered from memory
    expect(totalTokens(await ledger.sessionTotals('s19997'))).toBe(1);
    expect(store.reads('session:s19997')).toBe(1);
    // the unwritten change is still counted, and written at flush
    expect(totalTokens(await ledger.sessionTotals('unwritten'))).toBe(7);
    await ledger.flush();
    expect(totalTokens(await createUsageLedger({ storage: store.storage, caps, log }).sessionTotals('unwritten'))).toBe(7);
  });

  it('stores totals under session:<id> and guild:<id or terminal>:<UTC day>, the keys other readers and earlier versions use', async () => {
    const { log } = captureLogger();
    const storage = memoryStorage(log);
    const ledger = createUsageLedger({ storage, caps: { sessionTokens: 0, guildDailyTokens: 0 }, log });
    await ledger.record({ id: 't1', guildId: null }, { promptTokens: 3, completionTokens: 0 }, new Date('2026-11-24T12:00:00Z'));
    const usage = storage.collection(USAGE_COLLECTION, UsageTotalsSchema);
    expect(await usage.get('session:t1')).toMatchObject({ promptTokens: 3 });
    expect(await usage.get('guild:terminal:2026-11-24')).toMatchObject({ promptTokens: 3 });
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

/** A storage whose collection writes can be held back or failed (all, or one key's), recording the keys it read and wrote. */
function gatedStorage(inner: Storage) {
  let held: Array<() => void> | null = null;
  let failing: boolean | string = false;
  const written: string[] = [];
  const read: string[] = [];
  const storage: Storage = {
    ...inner,
    collection: (name, schema) => {
      const collection = inner.collection(name, schema);
      const gated: typeof collection = {
        get: (key) => {
          read.push(key);
          return collection.get(key);
        },
        delete: (key) => collection.delete(key),
        async set(key, value) {
          if (held) await new Promise<void>((resolve) => held?.push(resolve));
          if (failing === true || failing === key) throw new Error('store down');
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
    /** true: every write fails; a key: only that key's writes fail */
    failWrites: (on: boolean | string) => void (failing = on),
    writes: () => [...written],
    reads: (key: string) => read.filter((readKey) => readKey === key).length,
  };
}
