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

describe('what the trainee said earlier', () => {
  const model = defaultGraderModel();
  // A session's third reply shares names and topic words with the second. The model once read
  // that overlap as "no empathy", learnt from the few hostile training replies that had a history.
  const customerTurns = [
    { role: 'customer', text: "So you're the replacement for Mr Wolters? You can't even push a simple loan through, you amateur." },
    { role: 'customer', text: 'Oh, getting snippy now, are we? I want to speak to your manager!' },
  ] as const;
  const traineeTurns = [
    { role: 'trainee', text: "Well, at least I read my e-mails, Mr Kessler. Your documents are still incomplete, that's why nothing has moved." },
    {
      role: 'trainee',
      text: "Mr Kessler, I won't be called incompetent. Two things are missing. If you send them today, I'll put the application to the committee on Thursday.",
    },
  ] as const;
  const history = [customerTurns[0], traineeTurns[0], customerTurns[1], traineeTurns[1]];
  const customer = "Today, then. I'll hold you to that. … All right. It's not against you personally.";
  const reply =
    "Thank you, Mr Kessler. I know the broken lift is costing you jobs every day, so I'll call you on Thursday afternoon as soon as the committee has decided.";

  it("does not move the model: only the customer's earlier words are read", () => {
    const withTrainee = model.predict({ lang: 'en', customer, reply, history });
    const customerOnly = model.predict({ lang: 'en', customer, reply, history: [...customerTurns] });
    expect(withTrainee.empathyLevelProbabilities).toEqual(customerOnly.empathyLevelProbabilities);
    expect(withTrainee.notComposed).toBe(customerOnly.notComposed);
  });

  it("leaves the grade of a reply that names the customer's loss where it is without the history", () => {
    const later = gradeOffline({ lang: 'en', customer, reply, history }, 'test');
    const alone = gradeOffline({ lang: 'en', customer, reply, history: [] }, 'test');
    expect(later.empathy.score).toBe(alone.empathy.score);
    expect(later.empathy.score).toBeGreaterThanOrEqual(3);
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
