import { describe, expect, it } from 'vitest';
import { runEval } from '../../../src/evaluation/eval/run-eval.js';
import { createOfflineGrader } from '../../../src/evaluation/offline-grader.js';
import { jsonl, writeTempFiles } from './eval-fakes.js';

describe('runEval with the offline grader', () => {
  it('grades a small labelled file end to end', async () => {
    const paths = writeTempFiles({
      'mini.jsonl': jsonl(
        {
          id: 'm1',
          lang: 'en',
          customer: 'You are a useless idiot.',
          reply: 'Calling me an idiot is not okay, but I will fix this.',
          gold: { boundary_needed: true },
        },
        { id: 'm2', lang: 'en', customer: 'Where is my card?', reply: 'It is on its way.', gold: { boundary_needed: false } },
        { id: 'm3', lang: 'de', customer: 'Sie Vollidiot!', reply: 'Ich helfe Ihnen gern weiter.', gold: { boundary_needed: true } },
      ),
    });
    const report = await runEval([paths['mini.jsonl']!], createOfflineGrader({ rubricVersion: 'test' }));
    expect(report.grader).toBe('offline');
    expect(report.files[0]?.confusion).toEqual({ truePositive: 2, falseNegative: 0, trueNegative: 1, falsePositive: 0 });
  });
});
