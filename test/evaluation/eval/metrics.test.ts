import { describe, expect, it } from 'vitest';
import { addOutcome, binaryMetrics, comparePair, compareRankKeys, emptyConfusion, preferenceMetrics } from '../../../src/evaluation/eval/metrics.js';

describe('binaryMetrics', () => {
  it('computes F1 of both classes, macro-F1 and accuracy from a hand-worked confusion matrix', () => {
    // tp 40, fp 10, tn 45, fn 5: positive F1 = 80/95, negative F1 = 90/105
    const m = binaryMetrics({ truePositive: 40, falsePositive: 10, trueNegative: 45, falseNegative: 5 });
    expect(m.n).toBe(100);
    expect(m.positiveF1).toBeCloseTo(0.842105, 5);
    expect(m.negativeF1).toBeCloseTo(0.857143, 5);
    expect(m.macroF1).toBeCloseTo((80 / 95 + 90 / 105) / 2, 10);
    expect(m.accuracy).toBeCloseTo(0.85, 10);
    expect(m.precision).toBeCloseTo(0.8, 10);
    expect(m.recall).toBeCloseTo(40 / 45, 10);
  });

  it('gives 0 F1 to a class that is predicted but never right', () => {
    // tp 0, fp 5, tn 5, fn 0: positive F1 0, negative F1 = 10/15
    const m = binaryMetrics({ truePositive: 0, falsePositive: 5, trueNegative: 5, falseNegative: 0 });
    expect(m.positiveF1).toBe(0);
    expect(m.negativeF1).toBeCloseTo(2 / 3, 10);
    expect(m.macroF1).toBeCloseTo(1 / 3, 10);
    expect(m.accuracy).toBe(0.5);
  });

  it('gives F1 1 to a class that is neither gold nor predicted (no errors on it)', () => {
    const m = binaryMetrics({ truePositive: 0, falsePositive: 0, trueNegative: 10, falseNegative: 0 });
    expect(m.positiveF1).toBe(1);
    expect(m.macroF1).toBe(1);
  });

  it('reports zeros rather than NaN for an empty matrix', () => {
    const m = binaryMetrics(emptyConfusion());
    expect(m.n).toBe(0);
    expect(m.accuracy).toBe(0);
    expect(Number.isNaN(m.precision)).toBe(false);
  });
});

describe('addOutcome', () => {
  it('files each decision into the right cell', () => {
    const c = emptyConfusion();
    addOutcome(c, true, true);
    addOutcome(c, true, false);
    addOutcome(c, false, true);
    addOutcome(c, false, false);
    addOutcome(c, false, false);
    expect(c).toEqual({ truePositive: 1, falseNegative: 1, falsePositive: 1, trueNegative: 2 });
  });
});

describe('preference', () => {
  it('compares a pair by score', () => {
    expect(comparePair(4, 2)).toBe('preferred-higher');
    expect(comparePair(3, 3)).toBe('tie');
    expect(comparePair(1, 5)).toBe('preferred-lower');
  });

  it('compares rank keys position by position, the first difference deciding', () => {
    expect(compareRankKeys([4, -1, 2], [4, -2, 5])).toBe('preferred-higher');
    expect(compareRankKeys([4, -2, 5], [4, -2, 3])).toBe('preferred-higher');
    expect(compareRankKeys([3, 0, 5], [4, -6, 1])).toBe('preferred-lower');
    expect(compareRankKeys([5, 0, 3], [5, 0, 3])).toBe('tie');
  });

  it('counts a tie as half a win', () => {
    const m = preferenceMetrics({ preferredHigher: 6, ties: 2, preferredLower: 2 });
    expect(m.pairs).toBe(10);
    expect(m.share).toBeCloseTo(0.7, 10);
  });

  it('reports 0 for no pairs', () => {
    expect(preferenceMetrics({ preferredHigher: 0, ties: 0, preferredLower: 0 }).share).toBe(0);
  });
});
