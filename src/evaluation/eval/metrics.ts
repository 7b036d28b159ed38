/**
 * Classification figures for the eval harness. Pure functions over counts, so they can be checked
 * against confusion matrices worked out by hand.
 */

/** Counts of a binary decision against gold labels; "positive" is the class the file is about. */
export interface Confusion {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
}

export interface BinaryMetrics {
  n: number;
  /** F1 of the positive class */
  positiveF1: number;
  /** F1 of the negative class (positive and negative swapped) */
  negativeF1: number;
  /** mean of the two class F1 scores */
  macroF1: number;
  accuracy: number;
  precision: number;
  recall: number;
}

export function emptyConfusion(): Confusion {
  return { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
}

/** Adds one decision to the counts (mutates and returns `confusion`). */
export function addOutcome(confusion: Confusion, gold: boolean, predicted: boolean): Confusion {
  if (gold && predicted) confusion.truePositive += 1;
  else if (gold) confusion.falseNegative += 1;
  else if (predicted) confusion.falsePositive += 1;
  else confusion.trueNegative += 1;
  return confusion;
}

// A class that is never predicted and never gold has no errors either: F1 1. A class with gold or
// predictions but no hit scores 0 (the usual convention, matching scikit-learn's zero_division=0
// for the second case).
function f1(hits: number, falseAlarms: number, misses: number): number {
  if (hits + falseAlarms + misses === 0) return 1;
  return (2 * hits) / (2 * hits + falseAlarms + misses);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function binaryMetrics(confusion: Confusion): BinaryMetrics {
  const { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn } = confusion;
  const n = tp + fp + tn + fn;
  const positiveF1 = f1(tp, fp, fn);
  const negativeF1 = f1(tn, fn, fp);
  return {
    n,
    positiveF1,
    negativeF1,
    macroF1: (positiveF1 + negativeF1) / 2,
    accuracy: ratio(tp + tn, n),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  };
}

/** Outcome of comparing two items of a preference pair. */
type PairOutcome = 'preferred-higher' | 'tie' | 'preferred-lower';

export interface PreferenceCounts {
  preferredHigher: number;
  ties: number;
  preferredLower: number;
}

export interface PreferenceMetrics {
  pairs: number;
  preferredHigher: number;
  ties: number;
  preferredLower: number;
  /** (preferred higher + ties / 2) / pairs: a tie counts half */
  share: number;
}

export function comparePair(preferredScore: number, rejectedScore: number): PairOutcome {
  if (preferredScore > rejectedScore) return 'preferred-higher';
  if (preferredScore < rejectedScore) return 'preferred-lower';
  return 'tie';
}

/**
 * Compares two rank keys lexicographically (higher is better at every position): the first
 * position that differs decides, a key that runs out first counts as equal there.
 */
export function compareRankKeys(preferred: readonly number[], rejected: readonly number[]): PairOutcome {
  const length = Math.min(preferred.length, rejected.length);
  for (let at = 0; at < length; at += 1) {
    const outcome = comparePair(preferred[at] ?? 0, rejected[at] ?? 0);
    if (outcome !== 'tie') return outcome;
  }
  return 'tie';
}

export function preferenceMetrics(counts: PreferenceCounts): PreferenceMetrics {
  const pairs = counts.preferredHigher + counts.ties + counts.preferredLower;
  return { pairs, ...counts, share: ratio(counts.preferredHigher + counts.ties / 2, pairs) };
}
