import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/evaluation/feedback-text/en.js';
import { DEFAULT_MODEL_FILE, createGraderModel } from '../../../src/evaluation/model/grader-model.js';
import { decodeModel, encodeModel } from '../../../src/evaluation/model/model-file.js';
import { gradeOffline } from '../../../src/evaluation/offline-grader.js';

// A reply the threshold calls composed, though the model finds it more likely than not that it is
// not (P ≥ 0.5), keeps no full marks and is never praised for its calm: the feedback names the
// sentence that may land badly, as a doubt. Thresholds are set out of reach here, so every reply
// counts as composed and only the doubt decides.
const shipped = decodeModel(readFileSync(DEFAULT_MODEL_FILE), 'shipped model');
const header = { ...shipped.header, thresholds: { ...shipped.header.thresholds, 'notComposed:en': 0.999, 'notComposedSentence:en': 1.01 } };
const model = createGraderModel(encodeModel({ ...shipped, header }), 'test model');
const grade = (reply: string) =>
  gradeOffline({ lang: 'en', customer: 'We would like soup with the breakfast. Can you do that?', reply, history: [] }, 'test', model);

describe('a calm the model doubts', () => {
  it('loses its full marks and gets a tip quoting the doubted sentence, never praise for calm', () => {
    // dry put-downs of the request: the model reads at least one of them as probably hostile, and
    // every one it doubts is handled alike (which one depends on the weights of the day)
    const replies = [
      "Well, that's a new one. Soup at breakfast? We're a café, not a hospital kitchen.",
      "Well, that's a new one. Soup at breakfast? We're a café, not a hospital kitchen, you know.",
      'Soup at breakfast, seriously? We are a café, not a hospital kitchen.',
      'Soup. At breakfast. Right. This is a café, not a soup kitchen.',
    ];
    const doubted = replies.map((reply) => ({ reply, grade: grade(reply) })).filter(({ grade }) => grade.composure.score === 4);
    expect(doubted.length).toBeGreaterThan(0);
    for (const { reply, grade } of doubted) {
      const quoted = /"([^"]+)"/.exec(grade.feedback.tip)?.[1] ?? '';
      expect(quoted.length).toBeGreaterThan(0);
      expect(reply).toContain(quoted);
      expect(en.tips.composure_doubt.map((variant) => variant.tip.replace('{quote}', quoted))).toContain(grade.feedback.tip);
      for (const praise of [...en.strengths.calm, ...en.strengths.stayed_out_of_tone]) expect(grade.feedback.strength).not.toBe(praise);
    }
  });

  it('leaves a reply the model finds calm at full marks', () => {
    const calm = grade("Of course, I'll ask the kitchen right away and bring the soup with the breakfast.");
    expect(calm.composure.score).toBe(5);
    expect(en.tips.composure_doubt.map((variant) => variant.tip)).not.toContain(calm.feedback.tip);
  });
});
