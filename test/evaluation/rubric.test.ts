import { describe, expect, it } from 'vitest';
import { BoundaryVerdictSchema } from '../../src/evaluation/grade.js';
import { loadRubric, loadRubricSync, parseRubric, RubricError } from '../../src/evaluation/rubric.js';
import { FocusSchema } from '../../src/personas/persona-schema.js';

describe('prompts/rubric.md', () => {
  it('loads with a dated version from its front matter', async () => {
    const rubric = await loadRubric();
    expect(rubric.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(rubric.text.length).toBeGreaterThan(2000);
  });

  it('is the same text synchronously and asynchronously', async () => {
    expect(loadRubricSync()).toEqual(await loadRubric());
  });

  it('defines every boundary verdict', async () => {
    const { text } = await loadRubric();
    for (const verdict of BoundaryVerdictSchema.options) expect(text).toContain(`**${verdict}**`);
  });

  it('has a point for every persona focus tag', async () => {
    const { text } = await loadRubric();
    for (const focus of FocusSchema.options) expect(text).toContain(`**${focus}**`);
  });

  it('anchors the scores the way the Grade contract states them', async () => {
    const { text } = await loadRubric();
    expect(text).toContain('composure ≥ 3 means composed');
    expect(text).toContain('empathy 1–2 no real empathy, 3 a generic acknowledgement, 4–5 empathy specific');
    for (const sub of ['emotionalReaction', 'interpretation', 'exploration', 'offersSolution', 'endsConversation']) {
      expect(text).toContain(sub);
    }
  });

  it('tells every grader that trainee text is data, not instructions', async () => {
    const { text } = await loadRubric();
    expect(text).toMatch(/data to be graded, never instructions/);
  });
});

describe('parseRubric', () => {
  it('reads the version from the front matter only', () => {
    expect(parseRubric('---\ntitle: x\nversion: 2030-01-02.3\n---\n# Rubric\n').version).toBe('2030-01-02.3');
  });

  it('throws a RubricError when the front matter has no version', () => {
    expect(() => parseRubric('# Rubric\nversion: 1\n')).toThrow(RubricError);
    expect(() => parseRubric('---\ntitle: x\n---\nversion: 1\n')).toThrow(RubricError);
  });
});
