import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCustomer } from '../../src/evaluation/feedback-text/customer-words.js';
import { de } from '../../src/evaluation/feedback-text/de.js';
import { en } from '../../src/evaluation/feedback-text/en.js';
import type { FeedbackText, StrengthKey, TipVariant } from '../../src/evaluation/feedback-text/feedback-text-types.js';
import type { Grade, GradeInput, Language } from '../../src/evaluation/grade.js';
import { gradeOffline } from '../../src/evaluation/offline-grader.js';
import { clean, plainText } from '../../src/evaluation/text.js';
import { templatePattern } from './feedback-templates.js';

/**
 * Properties of the feedback over every labelled reply in the corpus (and the project's own cases):
 * a tip never asks for what the reply did, a quote is always the reply's own words, and a reply that
 * is not composed never gets praise.
 */
const TEXTS: Record<Language, FeedbackText> = { de, en };

interface Labelled {
  input: GradeInput;
  acts: string[];
}

function corpusReplies(): Labelled[] {
  const dir = new URL('../../corpus/train/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(new URL(name, dir), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { lang: Language; customer: string; reply: string; history: GradeInput['history']; labels: { acts: string[] } })
    .map((item) => ({ input: { lang: item.lang, customer: item.customer, reply: item.reply, history: item.history }, acts: item.labels.acts }));
}

/** The tip variants whose text this tip is (the injection note stripped). */
function variantsOf(grade: Grade, lang: Language): TipVariant[] {
  // corpus replies carry no persona, so the note reads with the generic customer
  const tip = grade.feedback.tip.replace(`${withCustomer(TEXTS[lang].injectionNote, undefined)} `, '');
  return Object.values(TEXTS[lang].tips)
    .flat()
    .filter((variant) => templatePattern(variant.tip).test(tip));
}

function strengthKeyOf(grade: Grade, lang: Language): StrengthKey[] {
  return (Object.entries(TEXTS[lang].strengths) as [StrengthKey, readonly string[]][])
    .filter(([, variants]) => variants.some((variant) => templatePattern(variant).test(grade.feedback.strength)))
    .map(([key]) => key);
}

/** Quoted spans of a feedback text: „…“, “…”, "…". */
function quotedSpans(text: string): string[] {
  return [...text.matchAll(/„([^“]+)“|“([^”]+)”|"([^"]+)"/gu)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

const normalise = (text: string) =>
  clean(plainText(text))
    .replace(/["“”„]/g, '"')
    .toLowerCase();

const items = corpusReplies();
const graded = items.map((item) => ({ ...item, grade: gradeOffline(item.input, 'test') }));

describe('feedback over every labelled corpus reply', () => {
  it('has replies to check', () => {
    expect(graded.length).toBeGreaterThan(3000);
  });

  it('never gives a tip that asks for an act the grader found in the reply', () => {
    const offending: string[] = [];
    for (const { input, grade } of graded) {
      const variants = variantsOf(grade, input.lang);
      expect(variants.length, grade.feedback.tip).toBeGreaterThan(0);
      const found = new Set(grade.signals.acts ?? []);
      // every variant the text could be must be free of acts the reply did
      for (const variant of variants) for (const act of variant.asks ?? []) if (found.has(act)) offending.push(`${act}: ${input.reply.slice(0, 80)}`);
    }
    expect(offending).toEqual([]);
  });

  it('rarely asks for an act the labellers saw in the reply (the grader missed it)', () => {
    let asked = 0;
    let wrong = 0;
    for (const { input, grade, acts } of graded) {
      const asks = new Set(variantsOf(grade, input.lang).flatMap((variant) => variant.asks ?? []));
      if (asks.size === 0) continue;
      asked++;
      if ([...asks].some((act) => acts.includes(act))) wrong++;
    }
    expect(asked).toBeGreaterThan(100);
    expect(wrong / asked).toBeLessThan(0.05);
  });

  it('quotes only words the reply contains', () => {
    const invented: string[] = [];
    for (const { input, grade } of graded) {
      const reply = normalise(input.reply);
      for (const span of [...quotedSpans(grade.feedback.strength), ...quotedSpans(grade.feedback.tip)]) {
        // a long quote is cut with an ellipsis, at its end or (quoted from the clause that matters) at
        // its start: its words between the cuts are the reply's
        const words = normalise(span.replace(/^…|…$/gu, '')).replace(/[.!?]+$/u, '');
        if (words !== '' && !reply.includes(words)) invented.push(`${span} ⟵ ${input.reply.slice(0, 80)}`);
      }
    }
    expect(invented.slice(0, 12)).toEqual([]);
  });

  it('never praises a reply that is not composed', () => {
    const praise: StrengthKey[] = [
      'calm',
      'stayed_out_of_tone',
      'fallback',
      'generic_empathy',
      'specific_empathy',
      'warmth',
      'polite_close',
      'exploration',
      'information',
      'summary',
    ];
    const offending: string[] = [];
    for (const { input, grade } of graded) {
      if (grade.composure.score > 2) continue;
      const keys = strengthKeyOf(grade, input.lang);
      expect(keys.length, grade.feedback.strength).toBeGreaterThan(0);
      if (keys.some((key) => praise.includes(key))) offending.push(`${keys.join('/')}: ${input.reply.slice(0, 80)}`);
    }
    expect(offending).toEqual([]);
  });
});

describe('strengths that fit what was said', () => {
  const insultBack = gradeOffline({ lang: 'en', customer: 'You useless idiot!', reply: 'Takes one to know one, you muppet.', history: [] }, 'test');
  const sarcastic = gradeOffline(
    {
      lang: 'en',
      customer: 'Why is my parcel still not here?',
      reply: "Oh, what a surprise, another complaint. Maybe read the delivery notes next time, if that isn't too much to ask.",
      history: [],
    },
    'test',
  );
  const hangUp = gradeOffline({ lang: 'en', customer: 'You useless idiot!', reply: "I'm ending this call now. Goodbye.", history: [] }, 'test');

  it('are not one template for an insult, a sarcastic reply and a hang-up at the first insult', () => {
    const strengths = [insultBack, sarcastic, hangUp].map((grade) => grade.feedback.strength);
    expect(new Set(strengths).size).toBe(3);
    const keys = [insultBack, sarcastic, hangUp].map((grade) => strengthKeyOf(grade, 'en').join('/'));
    expect(new Set(keys).size).toBe(3);
  });
});

describe('feedback that fits the customer and the situation', () => {
  it('names the customer in the persona gender in German', () => {
    const input = { lang: 'de' as const, customer: 'Sie Idiotin!', reply: 'Ich prüfe Ihr Konto.', history: [] };
    const female = gradeOffline({ ...input, context: { personaId: 'p', focus: [], customerGender: 'female' } }, 'test');
    const male = gradeOffline({ ...input, context: { personaId: 'p', focus: [], customerGender: 'male' } }, 'test');
    expect(female.feedback.tip).toMatch(/Kundin/);
    expect(female.feedback.tip).not.toMatch(/\bKunde\b|\bKunden\b/);
    expect(male.feedback.tip).toMatch(/Kunde/);
    expect(male.feedback.tip).not.toMatch(/Kundin/);
  });

  it('holds a long answer to a caller in a hurry down on empathy and says why', () => {
    const windUp =
      'I completely understand how you feel, and I want to make sure you have the full picture. Let me first explain a little about how our daily limits work: they are there to protect you from fraud, and they are set when the account is opened, although customers can change them. There are several ways to do that, and each has its own rules and waiting times.';
    const context = { personaId: 'impatient-caller', focus: ['pressure'] };
    const long = gradeOffline({ lang: 'en', customer: "I've got two minutes. Yes or no?", reply: windUp, history: [], context }, 'test');
    const short = gradeOffline(
      {
        lang: 'en',
        customer: "I've got two minutes. Yes or no?",
        reply: 'Yes – confirm the new limit in your app now and the transfer goes through in minutes.',
        history: [],
        context,
      },
      'test',
    );
    expect(long.empathy.score).toBeLessThanOrEqual(2);
    expect(long.feedback.tip).toBe(en.tips.pressure_long[0].tip);
    expect(short.empathy.score).toBeGreaterThan(long.empathy.score);
  });
});
