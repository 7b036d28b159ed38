import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/evaluation/grade.js';
import { boundHistory } from '../../src/llm/history-window.js';

const turns = (n: number): Turn[] => Array.from({ length: n }, (_, i) => ({ role: i % 2 === 0 ? 'customer' : 'trainee', text: `t${i}` }));

describe('boundHistory', () => {
  it('keeps a short history whole', () => {
    expect(boundHistory(turns(3), 4)).toEqual({ recent: turns(3), omitted: 0, opening: null });
  });

  it('keeps the last turns and names how many were left out and how the call began', () => {
    const window = boundHistory(turns(10), 4);
    expect(window.recent.map((turn) => turn.text)).toEqual(['t6', 't7', 't8', 't9']);
    expect(window.omitted).toBe(6);
    expect(window.opening).toBe('t0');
  });

  it('shortens a long opening line', () => {
    const history: Turn[] = [{ role: 'customer', text: 'x'.repeat(1000) }, ...turns(6)];
    expect(boundHistory(history, 2).opening?.length).toBeLessThanOrEqual(240);
  });

  it('keeps a history of exactly the limit whole', () => {
    expect(boundHistory(turns(4), 4)).toEqual({ recent: turns(4), omitted: 0, opening: null });
  });

  it("takes the customer's first line from the turns left out, skipping trainee turns", () => {
    const history: Turn[] = [{ role: 'trainee', text: 'Hello, how can I help?' }, ...turns(6)];
    expect(boundHistory(history, 5).opening).toBe('t0');
  });

  it('names no opening when no customer line was left out', () => {
    const history: Turn[] = [{ role: 'trainee', text: 'Hello, how can I help?' }, ...turns(4)];
    expect(boundHistory(history, 4)).toMatchObject({ omitted: 1, opening: null });
  });

  it('puts the opening on one line with single spaces', () => {
    const history: Turn[] = [{ role: 'customer', text: '  My card\n\nis   blocked!\t' }, ...turns(4)];
    expect(boundHistory(history, 4).opening).toBe('My card is blocked!');
  });

  it('keeps an opening of exactly 240 characters whole, and cuts a longer one to 240 with an ellipsis after a whole word', () => {
    const exact = 'x'.repeat(240);
    expect(boundHistory([{ role: 'customer', text: exact }, ...turns(4)], 4).opening).toBe(exact);
    const long = `${'x'.repeat(238)} ${'y'.repeat(100)}`;
    expect(boundHistory([{ role: 'customer', text: long }, ...turns(4)], 4).opening).toBe(`${'x'.repeat(238)}…`);
    const unbroken = 'z'.repeat(300);
    expect(boundHistory([{ role: 'customer', text: unbroken }, ...turns(4)], 4).opening).toBe(`${'z'.repeat(239)}…`);
  });
});
