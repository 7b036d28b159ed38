import { describe, expect, it } from 'vitest';
import { rankStandings, type Standing } from '../../../src/discord/group/ranking.js';

const standing = (name: string, average: number | null, replies = 3): Standing => ({
  userId: `id-${name}`,
  name,
  average,
  replies,
  strongest: null,
  weakest: null,
});

describe('rankStandings', () => {
  it('orders by average, highest first, and puts trainees without a graded reply last', () => {
    const ranked = rankStandings([standing('Ben', 3.2), standing('Ada', null, 0), standing('Cem', 4.5), standing('Dana', 2)]);
    expect(ranked.map((entry) => [entry.rank, entry.name])).toEqual([
      [1, 'Cem'],
      [2, 'Ben'],
      [3, 'Dana'],
      [4, 'Ada'],
    ]);
  });

  it('gives equal averages the same rank and skips the next (1, 1, 3), more replies listed first', () => {
    const ranked = rankStandings([standing('Ada', 4, 2), standing('Ben', 4, 5), standing('Cem', 3)]);
    expect(ranked.map((entry) => [entry.rank, entry.name])).toEqual([
      [1, 'Ben'],
      [1, 'Ada'],
      [3, 'Cem'],
    ]);
  });

  it('treats averages that differ only by float noise as a tie', () => {
    expect(1.1 + 2.2).not.toBe(3.3);
    const ranked = rankStandings([standing('Ada', 1.1 + 2.2), standing('Ben', 3.3)]);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 1]);
  });

  it('does not change its input and keeps every trainee', () => {
    const input = [standing('Ada', 1), standing('Ben', 5)];
    const ranked = rankStandings(input);
    expect(input.map((entry) => entry.name)).toEqual(['Ada', 'Ben']);
    expect(ranked).toHaveLength(2);
  });
});
