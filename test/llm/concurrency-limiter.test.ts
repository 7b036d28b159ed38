import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../src/llm/concurrency-limiter.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('concurrency limiter', () => {
  it('runs at most max tasks at once and starts waiters in arrival order', async () => {
    const limiter = createConcurrencyLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting).toBe(2);
    gates[1]!.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => {
      gate.resolve();
    });
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createConcurrencyLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
  });

  it('drops a waiter whose signal aborts, with the abort reason, and never runs it', async () => {
    const limiter = createConcurrencyLimiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(limiter.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
  });

  it('leaves no listener on the caller signal once a waiter got its slot, so a long-lived signal does not collect them', async () => {
    const limiter = createConcurrencyLimiter(1);
    const signal = new AbortController().signal;
    const gate = deferred();
    const first = limiter.run(() => gate.promise, signal);
    const second = limiter.run(async () => 'ran', signal);
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
    gate.resolve();
    await first;
    await expect(second).resolves.toBe('ran');
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('rejects a limit below one, naming the value', () => {
    expect(() => createConcurrencyLimiter(0)).toThrow(new RangeError('max must be a positive integer, got 0'));
  });
});
