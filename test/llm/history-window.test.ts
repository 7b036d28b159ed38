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
});
