import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_FILE, createGraderModel } from '../../../src/evaluation/model/grader-model.js';
import { decodeModel, encodeModel } from '../../../src/evaluation/model/model-file.js';

// The composure thresholds are chosen per language in training, so that a calm trainee meets the
// same false-alarm budget in German and in English; a file that carries one threshold serves both.
const shipped = decodeModel(readFileSync(DEFAULT_MODEL_FILE), 'shipped model');

function modelWith(thresholds: Record<string, number>) {
  // the thresholds given, and of the language ones only those (a model file from before carries one for both)
  const kept = Object.entries(shipped.header.thresholds).filter(([key]) => !key.startsWith('notComposed') || key in thresholds);
  const header = { ...shipped.header, thresholds: { ...Object.fromEntries(kept), ...thresholds } };
  return createGraderModel(encodeModel({ ...shipped, header }), 'test model');
}

describe('composure thresholds per language', () => {
  it('reads each language its own reply and sentence thresholds', () => {
    const model = modelWith({ 'notComposed:de': 0.81, 'notComposed:en': 0.64, 'notComposedSentence:de': 0.97, 'notComposedSentence:en': 0.93 });
    expect(model.notComposedThreshold('de')).toBe(0.81);
    expect(model.notComposedThreshold('en')).toBe(0.64);
    expect(model.sentenceThreshold('de')).toBe(0.97);
    expect(model.sentenceThreshold('en')).toBe(0.93);
  });

  it('falls back to the one threshold of an older file', () => {
    const model = modelWith({ notComposed: 0.7, notComposedSentence: 0.95 });
    expect(model.notComposedThreshold('de')).toBe(0.7);
    expect(model.notComposedThreshold('en')).toBe(0.7);
    expect(model.sentenceThreshold('en')).toBe(0.95);
  });

  it('ships per-language thresholds chosen in training', () => {
    for (const lang of ['de', 'en']) {
      expect(shipped.header.thresholds[`notComposed:${lang}`], lang).toBeGreaterThan(0.2);
      expect(shipped.header.thresholds[`notComposed:${lang}`], lang).toBeLessThan(1);
    }
  });
});
