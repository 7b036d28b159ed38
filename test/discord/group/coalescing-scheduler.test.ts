import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoalescingScheduler } from '../../../src/discord/group/coalescing-scheduler.js';

describe('coalescing scheduler (card edits)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function recorder() {
    const runs: number[] = [];
    const scheduler = createCoalescingScheduler({
      intervalMs: 5_000,
      run: async () => {
        runs.push(Date.now());
      },
    });
    return { runs, scheduler };
  }

  it('runs a first request at once and folds a burst of later requests into one run per interval', async () => {
    const { runs, scheduler } = recorder();
    const start = Date.now();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([start]);

    for (let i = 0; i < 20; i++) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(100);
    }
    // 2 s have passed: nothing more may run before the interval is over…
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    // …then the twenty requests become exactly one run, 5 s after the first.
    expect(runs).toEqual([start, start + 5_000]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(2);
  });

  it('never runs two tasks closer than the interval, even under a steady stream of requests', async () => {
    const { runs, scheduler } = recorder();
    for (let i = 0; i < 300; i++) {
      scheduler.request();
      await vi.advanceTimersByTimeAsync(200);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    const gaps = runs.slice(1).map((at, index) => at - (runs[index] ?? 0));
    expect(gaps.every((gap) => gap >= 5_000)).toBe(true);
    // 60 s of requests: one run at the start and one per 5 s after it.
    expect(runs.length).toBeGreaterThanOrEqual(12);
    expect(runs.length).toBeLessThanOrEqual(14);
  });

  it('does not lose a request that arrives while a run is in flight', async () => {
    let release: () => void = () => undefined;
    const runs: number[] = [];
    const scheduler = createCoalescingScheduler({
      intervalMs: 1_000,
      run: () =>
        new Promise<void>((resolve) => {
          runs.push(Date.now());
          release = resolve;
        }),
    });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(1); // still in flight
    release();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(2);
  });

  it('flush runs a waiting request now; stop drops waiting and later requests', async () => {
    const { runs, scheduler } = recorder();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request();
    await scheduler.flush();
    expect(runs).toHaveLength(2);
    scheduler.request();
    scheduler.stop();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(2);
  });

  it('reports a failing run and keeps serving later requests', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = createCoalescingScheduler({
      intervalMs: 1_000,
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('edit refused');
      },
      onError: (error) => errors.push(error),
    });
    scheduler.request();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
