import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assessComposure } from '../../src/evaluation/composure.js';
import { gradeOffline } from '../../src/evaluation/offline-grader.js';
import { loadCases } from './cases/load-cases.js';

/**
 * Hard negatives for composure (`cases/calm-*.jsonl`): calm, professional replies that reuse the
 * words of the mockery, blame and dismissal patterns in their ordinary sense ("Is Tuesday good for
 * you?", "Sie haben nichts falsch gemacht"). A trainer grades every one 4–5. The lexicons, which
 * quote evidence and decide alone when they find hostility, must mark none of them down. The trained
 * model errs on some: these replies were written to look like the mockery it learned from, and it
 * never saw them. Its share of false alarms here is held to a ceiling that a regression breaks; the
 * README reports the figure (target: none).
 */
const CalmCaseSchema = z
  .object({
    id: z.string().min(1),
    customer: z.string().min(1),
    reply: z.string().min(1),
    /** which pattern or word the line is written against, and why it is calm */
    note: z.string().optional(),
  })
  .strict();
type CalmCase = z.infer<typeof CalmCaseSchema>;

const MIN_COMPOSED = 4;
/** most calm replies per language the full grader may mark down (1–2 % today: 3 of 277 en, 5 of 281 de) */
const MAX_FALSE_ALARM_SHARE = 0.03;
const MIN_CASES = 250;
const RUBRIC_VERSION = 'calm-corpus.1';

const loadCalmCases = (lang: 'de' | 'en'): CalmCase[] => loadCases(`calm-${lang}.jsonl`, CalmCaseSchema);

describe.each(['en', 'de'] as const)('calm %s replies the grader must not mark down', (lang) => {
  const cases = loadCalmCases(lang);

  it(`holds at least ${MIN_CASES} cases with unique ids`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);
    expect(new Set(cases.map((testCase) => testCase.id)).size).toBe(cases.length);
  });

  it.each(cases.map((testCase) => [testCase.id, testCase] as const))('%s keeps composure 4–5 by the lexicons', (_id, testCase) => {
    const finding = assessComposure({ reply: testCase.reply, customer: testCase.customer, lang });
    expect(finding.score, `assessComposure quoted: ${finding.evidence.join(' | ')}`).toBeGreaterThanOrEqual(MIN_COMPOSED);
    const lexiconsOnly = gradeOffline({ lang, customer: testCase.customer, reply: testCase.reply, history: [] }, RUBRIC_VERSION, null);
    expect(lexiconsOnly.composure.score, `lexicons quoted: ${lexiconsOnly.composure.evidence.join(' | ')}`).toBeGreaterThanOrEqual(MIN_COMPOSED);
  });

  it(`keeps at least ${100 - MAX_FALSE_ALARM_SHARE * 100} % of them at composure 4–5 with the trained model`, () => {
    const markedDown = cases
      .map((testCase) => ({ testCase, grade: gradeOffline({ lang, customer: testCase.customer, reply: testCase.reply, history: [] }, RUBRIC_VERSION) }))
      .filter(({ grade }) => grade.composure.score < MIN_COMPOSED)
      .map(({ testCase, grade }) => `${testCase.id} (${grade.composure.score}): ${testCase.reply}`);
    expect(markedDown.length / cases.length, markedDown.join('\n')).toBeLessThanOrEqual(MAX_FALSE_ALARM_SHARE);
  });
});
