import { describe, expect, it } from 'vitest';
import {
  chooseActThresholds,
  chooseComposureThresholds,
  chooseNeededThreshold,
  chooseNotComposedThreshold,
  gradeFigures,
  writerFolds,
  type HeldOutPrediction,
} from '../../../src/evaluation/training/cross-validation.js';
import type { LabelledItem, ResolvedLabels } from '../../../src/evaluation/training/corpus.js';
import { DIALOGUE_ACTS, type DialogueAct } from '../../../src/evaluation/model/heads.js';

// Threshold choice decides what a trainee is told; these pin the rules on small, hand-made held-out sets.

function labelled(writer: string, lang: 'en' | 'de', labels: Partial<ResolvedLabels> = {}): LabelledItem {
  return {
    writer,
    item: {
      id: `${writer}-0001`,
      lang,
      domain: 'banking',
      channel: 'chat',
      situation: '',
      history: [],
      customer: '',
      reply: 'x',
      category: 'c',
      labels: {
        composure: { score: 5, failure: 'none' },
        empathy: { emotionalReaction: 0, interpretation: 0, exploration: 0, level: 'none' },
        boundary: { needed: false, verdict: 'not_needed' },
        acts: [],
      },
    },
    labels: {
      notComposed: false,
      composureScore: 5,
      failure: 'none',
      empathyLevel: 'none',
      emotionalReaction: 0,
      interpretation: 0,
      exploration: 0,
      needed: false,
      verdict: 'not_needed',
      acts: {},
      ...labels,
    },
  };
}

const noActs = Object.fromEntries(DIALOGUE_ACTS.map((act) => [act, 0])) as Record<DialogueAct, number>;

function held(
  notComposedGold: boolean,
  notComposed: number,
  acts: Partial<Record<DialogueAct, number>> = {},
  gold: Partial<Record<DialogueAct, boolean>> = {},
): HeldOutPrediction {
  return {
    labelled: labelled('wa-en', 'en', { notComposed: notComposedGold, acts: gold }),
    lexiconComposure: 5,
    notComposed,
    sentenceMax: 0,
    acts: { ...noActs, ...acts },
    levels: [1, 0, 0],
    lexiconNeeded: false,
    needed: 0,
  };
}

describe('writerFolds', () => {
  it('keeps a writer in one fold and gives every fold both languages', () => {
    const items = ['wa-en', 'wb-en', 'wc-en', 'wa-de', 'wb-de', 'wc-de'].flatMap((w) => [
      labelled(w, w.endsWith('de') ? 'de' : 'en'),
      labelled(w, w.endsWith('de') ? 'de' : 'en'),
    ]);
    const folds = writerFolds(items, 3);
    expect(folds).toHaveLength(3);
    expect(folds.flat().sort()).toEqual(['wa-de', 'wa-en', 'wb-de', 'wb-en', 'wc-de', 'wc-en']);
    for (const fold of folds) expect(fold.some((w) => w.endsWith('-en')) && fold.some((w) => w.endsWith('-de'))).toBe(true);
  });
});

describe('chooseNotComposedThreshold', () => {
  it('takes the lowest threshold whose false alarms among composed replies stay within the budget', () => {
    // 100 composed replies: probabilities 0.00 … 0.99; 10 hostile ones at 0.95
    const predictions = [...Array.from({ length: 100 }, (_unused, i) => held(false, i / 100)), ...Array.from({ length: 10 }, () => held(true, 0.95))];
    // 3 % of composed replies may be flagged: those at 0.97, 0.98, 0.99
    expect(chooseNotComposedThreshold(predictions, 0.03)).toBe(0.97);
    expect(chooseNotComposedThreshold(predictions, 0.1)).toBe(0.9);
  });
});

describe('chooseComposureThresholds', () => {
  const reading = (gold: boolean, reply: number, sentence: number): HeldOutPrediction => ({ ...held(gold, reply), sentenceMax: sentence });

  it('spends the whole budget on the reply reading when sentences read alone catch nothing more', () => {
    // composed replies whose sentences look hostile are other replies than those whose whole reading does
    const predictions = [
      ...Array.from({ length: 100 }, (_unused, i) => reading(false, i / 100, 1 - i / 100)),
      ...Array.from({ length: 10 }, () => reading(true, 0.97, 0.5)),
    ];
    expect(chooseComposureThresholds(predictions, 0.03)).toEqual({ reply: 0.97, sentence: 1.01 });
  });

  it('lets a sentence decide where one hostile sentence is what the whole reading misses', () => {
    // hostile replies read as mild as a whole (0.5) but with one sentence at 0.99; no composed sentence above 0.5
    const predictions = [
      ...Array.from({ length: 100 }, (_unused, i) => reading(false, i / 100, 0.5)),
      ...Array.from({ length: 10 }, () => reading(true, 0.5, 0.99)),
    ];
    expect(chooseComposureThresholds(predictions, 0.03)).toEqual({ reply: 0.99, sentence: 0.51 });
  });
});

describe('chooseActThresholds', () => {
  it('stays within 0.4 to 0.8, even where a lower threshold would have the better F1', () => {
    // offers_step: every true offer sits at 0.32, every non-offer at 0.1 — F1 would be best at 0.3
    const predictions = [
      ...Array.from({ length: 20 }, () => held(false, 0, { offers_step: 0.32 }, { offers_step: true })),
      ...Array.from({ length: 20 }, () => held(false, 0, { offers_step: 0.1 }, { offers_step: false })),
    ];
    const thresholds = chooseActThresholds(predictions);
    expect(thresholds['act:offers_step']).toBe(0.4);
    for (const act of DIALOGUE_ACTS) {
      expect(thresholds[`act:${act}`]).toBeGreaterThanOrEqual(0.4);
      expect(thresholds[`act:${act}`]).toBeLessThanOrEqual(0.8);
    }
  });

  it('picks the threshold with the best held-out F1 within the range', () => {
    const predictions = [
      ...Array.from({ length: 20 }, () => held(false, 0, { apologises: 0.72 }, { apologises: true })),
      ...Array.from({ length: 20 }, () => held(false, 0, { apologises: 0.62 }, { apologises: false })),
    ];
    expect(chooseActThresholds(predictions)['act:apologises']).toBe(0.65);
  });
});

describe('chooseNeededThreshold', () => {
  const line = (needed: boolean, p: number, lexicon = false): HeldOutPrediction => ({
    ...held(false, 0),
    labelled: labelled('wa-de', 'de', { needed }),
    lexiconNeeded: lexicon,
    needed: p,
  });

  it('adds model findings only while lines that insult nobody stay within the budget, the lexicons counted', () => {
    // 100 lines without an insult at P 0.00 … 0.99, two of them already flagged by the lexicons
    const calm = Array.from({ length: 100 }, (_unused, i) => line(false, i / 100, i < 2));
    const insults = Array.from({ length: 10 }, () => line(true, 0.95));
    // 2 % budget: the lexicons use it up, the model may add nothing
    expect(chooseNeededThreshold([...calm, ...insults], 0.02)).toBe(1.01);
    // 5 % budget: three more lines may be flagged (0.97, 0.98, 0.99)
    expect(chooseNeededThreshold([...calm, ...insults], 0.05)).toBe(0.97);
    // a generous budget still stops where the model is near certain
    expect(chooseNeededThreshold([...calm, ...insults], 0.9)).toBe(0.9);
  });
});

describe('gradeFigures: the level of composed replies', () => {
  it('counts only replies gold and grade both call composed, and the exact level among them', () => {
    const graded = (gold: number, score: number) => ({
      labelled: labelled('wa-en', 'en', { composureScore: gold, notComposed: gold <= 2 }),
      grade: {
        composure: { score },
        empathy: { score: 1 },
        boundary: { needed: false, verdict: 'not_needed' },
        signals: { acts: [] },
      } as unknown as Parameters<typeof gradeFigures>[0][number]['grade'],
    });
    // 3→3 right, 5→5 right, 3→5 wrong, 4→3 wrong; a reply marked down (5→2) and a hostile one (2→4) are not counted
    const figures = gradeFigures([graded(3, 3), graded(5, 5), graded(3, 5), graded(4, 3), graded(5, 2), graded(2, 4)]);
    expect(figures.composedLevelAccuracy).toBeCloseTo(0.5);
  });
});
