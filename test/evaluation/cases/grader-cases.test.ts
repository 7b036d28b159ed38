import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraderCaseSchema, loadGraderCases } from './grader-cases.js';

const base = {
  id: 'schema-probe',
  lang: 'en',
  customer: 'My card has been blocked for three days!',
  reply: 'I understand. Let me check that for you.',
};

describe('the labelled grader case schema', () => {
  it('rejects a case that expects nothing, also when all it names is pending', () => {
    for (const testCase of [
      { ...base, expect: {} },
      { ...base, expect: {}, pending: { empathy: '[4, 5] — the grader gives 3' } },
    ]) {
      const parsed = GraderCaseSchema.safeParse(testCase);
      expect(parsed.success).toBe(false);
      // the message says what to do, not only that something is wrong
      expect(z.prettifyError(parsed.error!)).toMatch(/expect names nothing to check/);
    }
  });

  it('accepts a case with one expectation, pending ones beside it', () => {
    const parsed = GraderCaseSchema.safeParse({ ...base, expect: { composure: [4, 5] }, pending: { empathy: '[4, 5] — the grader gives 3' } });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.expect).toEqual({ composure: [4, 5] });
  });

  it('loads every case file, and every case in them checks something', () => {
    const cases = loadGraderCases();
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.filter((testCase) => Object.keys(testCase.expect).length === 0).map((testCase) => testCase.id)).toEqual([]);
  });
});
