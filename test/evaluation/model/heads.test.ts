import { describe, expect, it } from 'vitest';
import { defaultGraderModel } from '../../../src/evaluation/model/default-model.js';
import { gradeOffline } from '../../../src/evaluation/offline-grader.js';
import { contextColumns, HEADS, layoutOf, replyColumns, type HeadSpec } from '../../../src/evaluation/model/heads.js';

describe('head layout', () => {
  it('puts the context-only heads last, after the block of heads that read both', () => {
    const layout = layoutOf(HEADS);
    const [from, to] = contextColumns(HEADS);
    const replyTo = replyColumns(HEADS);
    expect(layout.offsets.get('boundaryNeeded')).toBe(replyTo);
    expect(to).toBe(layout.width);
    expect(from).toBeLessThan(replyTo);
    expect(layout.offsets.get('empathyLevel')).toBe(from);
  });

  it('refuses a layout with a reply head after a context-only head', () => {
    const heads: HeadSpec[] = [
      { name: 'a', kind: 'binary' },
      { name: 'b', kind: 'binary', contextOnly: true },
      { name: 'c', kind: 'binary' },
    ];
    expect(() => replyColumns(heads)).toThrow(/context-only/);
  });
});

describe('the shipped model', () => {
  const model = defaultGraderModel();

  it('reads a personal insult from the customer line alone: the reply never moves it', () => {
    const replies = [
      'Please do not call me names. I am glad to help with your card.',
      'Your card works again in two minutes.',
      'Whatever.',
      'I understand how upsetting this is.',
    ];
    for (const [lang, customer] of [
      ['de', 'Sie Bürokratenziege drehen einem einfach den Strom ab!'],
      ['en', "You're a jumped-up little jobsworth, aren't you?"],
      ['en', 'Where is my parcel? It was due on Monday.'],
    ] as const) {
      const readings = replies.map((reply) => model.predict({ lang, customer, reply, history: [] }).boundaryNeeded);
      for (const reading of readings) expect(reading).toBeCloseTo(readings[0] ?? -1, 12);
    }
  });

  it('finds a coined insult the lexicons do not know, and no insult in a plain question', () => {
    const needed = (lang: 'de' | 'en', customer: string) => model.predict({ lang, customer, reply: 'Einen Moment bitte.', history: [] }).boundaryNeeded;
    expect(needed('de', 'Sie Bürokratenziege drehen einem einfach den Strom ab!')).toBeGreaterThanOrEqual(model.neededThreshold);
    expect(needed('en', 'Where is my parcel? It was due on Monday.')).toBeLessThan(model.neededThreshold);
  });
});

describe('who decides whether the boundary was needed', () => {
  const customer = 'Sie Bürokratenziege drehen einem einfach den Strom ab!';
  const reply = 'Ich schaue mir Ihren Zähler sofort an.';

  it('the model, reading the customer line, where no persona script speaks for it', () => {
    const grade = gradeOffline({ lang: 'de', customer, reply, history: [] }, 'test');
    expect(grade.boundary.needed).toBe(true);
    expect(grade.boundary.verdict).toBe('missing');
    expect(grade.boundary.evidence.join(' ')).toContain('Bürokratenziege');
  });

  it('the script, where it says its line is no insult', () => {
    const grade = gradeOffline({ lang: 'de', customer, reply, history: [], context: { personaId: 'p', focus: [], customerAbusive: false } }, 'test');
    expect(grade.boundary.needed).toBe(false);
    expect(grade.boundary.verdict).toBe('not_needed');
  });
});
