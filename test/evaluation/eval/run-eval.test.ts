import { describe, expect, it } from 'vitest';
import { runEval, formatEvalReport } from '../../../src/evaluation/eval/run-eval.js';
import { fakeGrader, jsonl, writeTempFiles } from './eval-fakes.js';

const line = (id: string, customer: string, reply: string, gold: Record<string, unknown>, lang = 'en') => ({ id, lang, customer, reply, gold });

const files = writeTempFiles({
  'boundary.jsonl': jsonl(
    line('b1', 'you idiot', 'ok', { boundary_needed: true }),
    line('b2', 'hello', 'ok', { boundary_needed: true }),
    line('b3', 'hello', 'ok', { boundary_needed: false }),
    '{not json',
    line('b4', 'idiot bank', 'ok', { boundary_needed: false }),
    line('b5', 'hi', 'ok', { boundary_needed: false }),
    line('b6', 'hi', 'ok', { boundary_needed: false }, 'fr'),
    line('b7', 'hi', 'ok', { composure_ok: true }),
  ),
  'composure.jsonl': jsonl(
    line('c1', 'where is my card', 'rude', { composure_ok: false, fine: 'INSULT' }, 'de'),
    line('c2', 'where is my card', 'stiff', { composure_ok: true }),
    line('c3', 'where is my card', 'fine', { composure_ok: false }),
    line('c4', 'where is my card', 'explode', { composure_ok: true }),
    line('c5', 'where is my card', 'fine', { composure_ok: true }),
  ),
  'pairs.jsonl': jsonl(
    line('p1a', 'troll', 'fine', { pair: 'p1', preferred: true }),
    line('p1b', 'troll', 'rude', { pair: 'p1', preferred: false }),
    line('p2a', 'troll', 'stiff', { pair: 'p2', preferred: true }),
    line('p2b', 'troll', 'stiff', { pair: 'p2', preferred: false }),
    line('p3a', 'troll', 'rude', { pair: 'p3', preferred: true }),
    line('p3b', 'troll', 'fine', { pair: 'p3', preferred: false }),
    line('p4a', 'troll', 'fine', { pair: 'p4', preferred: true }),
  ),
  'ranked-pairs.jsonl': jsonl(
    // composure decides before anything else
    line('r1a', 'troll', 'stiff slip slip', { pair: 'r1', preferred: true }),
    line('r1b', 'troll', 'rude warm', { pair: 'r1', preferred: false }),
    // same composure: fewer findings rank higher, even against more empathy
    line('r2a', 'troll', 'stiff slip', { pair: 'r2', preferred: true }),
    line('r2b', 'troll', 'stiff slip slip warm', { pair: 'r2', preferred: false }),
    // same composure and findings: empathy decides
    line('r3a', 'troll', 'stiff slip', { pair: 'r3', preferred: true }),
    line('r3b', 'troll', 'stiff slip warm', { pair: 'r3', preferred: false }),
    // equal on everything: a tie in both rankings
    line('r4a', 'troll', 'fine', { pair: 'r4', preferred: true }),
    line('r4b', 'troll', 'fine', { pair: 'r4', preferred: false }),
  ),
  'empty.jsonl': '\n\n',
});

describe('runEval', () => {
  it('scores a boundary file, counting bad lines without stopping', async () => {
    const report = await runEval([files['boundary.jsonl']!], fakeGrader());
    const file = report.files[0]!;
    expect(file.kind).toBe('boundary');
    expect(file.lines).toBe(8);
    expect(file.invalid).toBe(3);
    expect(file.invalidSamples.map((sample) => sample.line)).toEqual([4, 7, 8]);
    expect(file.confusion).toEqual({ truePositive: 1, falseNegative: 1, trueNegative: 2, falsePositive: 1 });
    expect(file.binary?.positiveF1).toBeCloseTo(0.5, 10);
    expect(file.binary?.macroF1).toBeCloseTo((0.5 + 2 / 3) / 2, 10);
    expect(file.binary?.accuracy).toBeCloseTo(0.6, 10);
  });

  it('treats the offensive reply as the positive class of a composure file and leaves grade errors out', async () => {
    const report = await runEval([files['composure.jsonl']!], fakeGrader());
    const file = report.files[0]!;
    expect(file.kind).toBe('composure');
    expect(file.gradeErrors).toBe(1);
    expect(file.gradeErrorSamples[0]).toContain('c4');
    expect(file.confusion).toEqual({ truePositive: 1, falseNegative: 1, trueNegative: 2, falsePositive: 0 });
    expect(file.binary?.positiveF1).toBeCloseTo(2 / 3, 10);
    expect(file.binary?.accuracy).toBeCloseTo(0.75, 10);
  });

  it('ranks preference pairs by the whole grade: composure, then fewer findings, then empathy', async () => {
    const report = await runEval([files['ranked-pairs.jsonl']!], fakeGrader());
    const file = report.files[0]!;
    expect(file.preference).toMatchObject({ pairs: 4, preferredHigher: 1, ties: 3, preferredLower: 0 });
    expect(file.preferenceByGrade).toMatchObject({ pairs: 4, preferredHigher: 2, ties: 1, preferredLower: 1 });
    expect(file.preferenceByGrade?.share).toBeCloseTo(2.5 / 4, 10);
    // r2 and r3 tie on composure with findings on both sides; only r4 has none in either reply
    expect(file.silentTies).toBe(1);
  });

  it('compares preference pairs on composure, ties counting half, unpaired items reported', async () => {
    const report = await runEval([files['pairs.jsonl']!], fakeGrader());
    const file = report.files[0]!;
    expect(file.kind).toBe('preference');
    expect(file.preference).toMatchObject({ pairs: 3, preferredHigher: 1, ties: 1, preferredLower: 1 });
    expect(file.preference?.share).toBeCloseTo(0.5, 10);
    expect(file.unpaired).toBe(1);
  });

  it('never shows the grader the gold labels or ids', async () => {
    const grader = fakeGrader();
    await runEval([files['boundary.jsonl']!, files['composure.jsonl']!], grader);
    expect(grader.inputs.length).toBeGreaterThan(0);
    for (const input of grader.inputs) {
      expect(Object.keys(input as object).sort()).toEqual(['customer', 'history', 'lang', 'reply']);
    }
  });

  it('grades at most `limit` lines per file and honours concurrency', async () => {
    const grader = fakeGrader();
    const report = await runEval([files['composure.jsonl']!], grader, { limit: 2, concurrency: 3 });
    expect(grader.inputs).toHaveLength(2);
    expect(report.files[0]?.binary?.n).toBe(2);
  });

  it('reports an unreadable or empty file as unknown instead of failing', async () => {
    const report = await runEval(['/nonexistent/file.jsonl', files['empty.jsonl']!], fakeGrader());
    expect(report.files.map((file) => file.kind)).toEqual(['unknown', 'unknown']);
    expect(report.files[0]?.invalidSamples[0]?.reason).toMatch(/cannot read/);
  });

  it('rejects when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(runEval([files['composure.jsonl']!], fakeGrader(), { signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('formatEvalReport', () => {
  it('prints n, positive-class F1, macro-F1 and accuracy per file, and the preferred-higher share with the tie rule', async () => {
    const report = await runEval([files['boundary.jsonl']!, files['pairs.jsonl']!, files['empty.jsonl']!], fakeGrader());
    const text = formatEvalReport(report);
    expect(text).toContain('boundary.jsonl (boundary)');
    expect(text).toContain('n=5, 3 invalid line(s) skipped');
    expect(text).toContain('positive-class F1 0.500  macro-F1 0.583  accuracy 0.600');
    expect(text).toContain('line 4: not JSON');
    expect(text).toContain('preferred reply scores higher on composure: 0.500 (ties count half)');
    expect(text).toContain('preferred reply ranks higher on the whole grade: 0.500 (ties count half)');
    expect(text).toContain('order: composure score, then fewer composure findings, then empathy score');
    expect(text).toContain('1 unpaired item(s)');
    // p2 ("stiff" against "stiff") ties with no finding on either side
    expect(text).toContain('of the ties, 1 with no composure finding in either reply');
    expect(text).toContain('empty.jsonl (unknown)');
  });
});
