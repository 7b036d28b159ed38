import { describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { LIMITS, embedLength } from '../../src/discord/limits.js';
import { customerLineContent, customerLineMessages, feedbackEmbed, personaMessages, summaryEmbed } from '../../src/discord/views.js';
import type { SessionSummary } from '../../src/engine/engine-types.js';
import type { CustomerLine, Exchange } from '../../src/engine/session.js';
import { makeGrade } from '../support/scripted-grader.js';
import { testPersona } from '../support/test-persona.js';

const persona = testPersona();
const line = (text: string, narration?: string): CustomerLine => ({
  n: 0,
  text,
  stage: 'opening',
  voice: 'script',
  at: new Date(0).toISOString(),
  retracted: false,
  ...(narration ? { narration } : {}),
});
const exchange = (grader: string, attempt = 1): Exchange => ({
  lineN: 0,
  attempt,
  reply: 'reply',
  grade: makeGrade({ composure: 4, empathy: 2, verdict: 'missing' }, grader),
  at: new Date(0).toISOString(),
});

describe('customer lines', () => {
  it('show the stage direction in italics and the customer by name, with mentions broken', () => {
    const content = customerLineContent(line('Hello @everyone', 'She sighs.'), persona, 'en');
    expect(content).toBe('*She sighs.*\n**Ms Test:** Hello @\u200beveryone');
  });

  it('split an over-long line into several messages without losing words', () => {
    const words = Array.from({ length: 1200 }, (_, i) => `w${i}`);
    const messages = customerLineMessages(line(words.join(' ')), persona, 'en');
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(LIMITS.content);
    expect(messages.join(' ')).toContain(words.at(-1));
  });
});

describe('feedback embed', () => {
  it('shows the three criteria, the boundary verdict in words and the overall score', () => {
    const embed = feedbackEmbed(exchange('llm-judge'), 'de', { llmConfigured: true });
    const text = uiText('de').practice;
    expect(embed.title).toBe(`${text.feedbackTitle} · 2,3/5`); // German decimal comma
    expect(embed.fields?.slice(0, 3)).toEqual([
      { name: text.composure, value: '4/5', inline: true },
      { name: text.empathy, value: '2/5', inline: true },
      { name: text.boundary, value: text.verdict.missing, inline: true },
    ]);
    expect(embed.footer).toBeUndefined();
  });

  it('marks offline grading only when an LLM judge was configured, and names retries', () => {
    const text = uiText('en').practice;
    expect(feedbackEmbed(exchange('offline'), 'en', { llmConfigured: true }).footer?.text).toBe(text.offlineGrading);
    expect(feedbackEmbed(exchange('offline'), 'en', { llmConfigured: false }).footer).toBeUndefined();
    expect(feedbackEmbed(exchange('offline', 2), 'en', { llmConfigured: false }).footer?.text).toBe(text.attempt(2));
  });
});

describe('summary embed', () => {
  it('stays within Discord limits with huge quoted replies, and quotes them escaped', () => {
    const huge = `**${'long reply '.repeat(600)}** <@1>`;
    const ref = { lineN: 0, attempt: 1, reply: huge, customer: 'c', score: 2 };
    const summary: SessionSummary = {
      sessionId: 's',
      personaId: persona.id,
      lang: 'en',
      outcome: 'hung_up',
      exchanges: 40,
      averages: { composure: 3, empathy: 2.5, boundaryCorrect: 0.5, overall: 2.8 },
      scores: Array.from({ length: 40 }, (_, i) => ({ lineN: i, attempt: 1, overall: 3 })),
      best: ref,
      weakest: { ...ref, score: 1 },
      practiseNext: 'Name the feeling first.',
    };
    const embed = summaryEmbed(summary, persona, 'en');
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    const best = embed.fields?.find((f) => f.name.startsWith(uiText('en').summary.best))?.value ?? '';
    expect(best.startsWith('> \\*\\*long reply')).toBe(true);
    expect(best).not.toContain('<@1>');
  });
});

describe('persona list', () => {
  it('lists every persona, however many, within 25 fields per embed and 6000 characters per message', () => {
    const long = 'A very long situation. '.repeat(60);
    const many = Array.from({ length: 40 }, (_, i) =>
      testPersona({ id: `p-${i}`, brief: { en: { situation: long, goal: 'g' }, de: { situation: long, goal: 'g' } } }),
    );
    const messages = personaMessages(many, 'en');
    expect(messages.length).toBeGreaterThan(1);
    for (const embeds of messages) {
      expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
      expect(embeds.length).toBeLessThanOrEqual(10);
      for (const embed of embeds) expect(embed.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
    }
    const names = messages
      .flat()
      .flatMap((e) => e.fields ?? [])
      .map((f) => f.name);
    expect(names).toEqual(many.map((p) => `Test customer (\`${p.id}\`)`));
  });

  it('says so when there are none', () => {
    expect(personaMessages([], 'de')[0]?.[0]?.description).toBe(uiText('de').personas.empty);
  });
});
