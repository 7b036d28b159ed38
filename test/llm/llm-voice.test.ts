import { afterEach, describe, expect, it } from 'vitest';
import type { VoiceRequest } from '../../src/engine/customer-voice.js';
import type { Turn } from '../../src/evaluation/grade.js';
import type { FakeBehaviour } from '../support/fake-openai/fake-openai-server.js';
import { BACKSTORY_EN, captureLogger, startLlmHarness, testPersona, type LlmHarness } from '../support/fake-openai/llm-test-kit.js';

const session = { id: 'session-v', guildId: 'guild-v' };
let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function voiceRequest(overrides: Partial<VoiceRequest> = {}): VoiceRequest {
  return {
    persona: testPersona,
    lang: 'en',
    intensity: 'standard',
    stageId: 'angry',
    revealAllowed: false,
    history: [
      { role: 'customer', text: 'My card is blocked! Unbelievable!' },
      { role: 'trainee', text: 'I am sorry, let me look at it.' },
    ],
    said: ['My card is blocked! Unbelievable!'],
    ...overrides,
  };
}

async function withLine(line: string, env: Record<string, string> = {}): Promise<LlmHarness> {
  harness = await startLlmHarness({ env, fake: { voiceLine: () => line } });
  return harness;
}

describe('LLM persona voice', () => {
  it("speaks the model's line, marked with the voice id", async () => {
    const { providers } = await withLine('Look at it? I have been stuck here for two days!');
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line).toMatchObject({ text: 'Look at it? I have been stuck here for two days!', voice: 'llm-voice:fake-persona' });
  });

  it('strips role prefixes, quotes, headings and actions from the output', async () => {
    const { providers } = await withLine('## Customer reply\n**Ms Weber:** *sighs* "Two days. Two whole days!"');
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line.text).toBe('Two days. Two whole days!');
  });

  it('caps the length of a rambling line at a sentence end', async () => {
    const { providers } = await withLine('This is taking far too long for me. '.repeat(40));
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line.text.length).toBeLessThanOrEqual(600);
    expect(line.text).toMatch(/\.$/);
  });

  it('tells the model what the customer heard: the acts of the reply, the facts already given and the promised time, with the planned lines only', async () => {
    const { providers, fake } = await withLine('By noon, then.');
    await providers.voice.nextLine(
      voiceRequest({
        persona: {
          ...testPersona,
          facts: {
            refund: {
              about: { en: 'when the refund arrives', de: 'wann die Erstattung kommt' },
              given: { en: ['refund'], de: ['erstattung'] },
              acknowledge: { en: ['Fine.'], de: ['Gut.'] },
            },
          },
        },
        plan: {
          family: 'hold_to_time',
          reaction: { family: 'hold_to_time', lines: ['By noon, then. I will hold you to that.'] },
          stageLines: ['So what now?'],
        },
        heard: {
          words: 12,
          acts: ['offers_step', 'names_time'],
          composure: 5,
          newFacts: ['refund'],
          givenFacts: ['refund'],
          promisedTime: 'by noon',
          griefMisstep: false,
          customerInHurry: false,
        },
      }),
      { session },
    );
    const system = fake.requests[0]!.body.messages[0]!.content;
    expect(system).toContain('offers a concrete next step, names a time for it');
    expect(system).toMatch(/Already settled[^\n]*when the refund arrives/);
    expect(system).toContain('"by noon"');
    expect(system).toContain('"By noon, then. I will hold you to that."');
    expect(system).toContain('- So what now?');
    expect(system).not.toContain('- My card is blocked! Unbelievable!');
  });

  it("gives the model the stage's prepared lines as intent, and the persona's brief", async () => {
    const { providers, fake } = await withLine('Fine.');
    await providers.voice.nextLine(voiceRequest(), { session });
    const system = fake.requests[0]!.body.messages[0]!.content;
    expect(system).toContain('- My card is blocked! Unbelievable!');
    expect(system).toContain("Ms Weber's card was blocked abroad.");
    expect(system).toContain('Script stage: angry');
  });

  it('sends the trainee as user and the customer as assistant', async () => {
    const { providers, fake } = await withLine('Fine.');
    await providers.voice.nextLine(voiceRequest(), { session });
    expect(fake.requests[0]!.body.messages.slice(1)).toEqual([
      { role: 'assistant', content: 'My card is blocked! Unbelievable!' },
      { role: 'user', content: 'I am sorry, let me look at it.' },
    ]);
  });

  const failures: Array<[string, FakeBehaviour]> = [
    ['a timeout', { kind: 'slow', delayMs: 4000 }],
    ['a 500', { kind: 'status', status: 500 }],
    ['a 429 with a long Retry-After', { kind: 'rate_limit', retryAfter: '600' }],
    ['a reset connection', { kind: 'reset' }],
    ['a content filter stop', { kind: 'content_filter' }],
    ['a refusal', { kind: 'refusal' }],
    ['an empty answer', { kind: 'content', content: '   ' }],
  ];
  it.each(failures)('says the scripted line after %s', async (_name, behaviour) => {
    harness = await startLlmHarness({ env: { LLM_TIMEOUT_MS: '1500' } });
    harness.fake.setDefault(behaviour);
    const line = await harness.providers.voice.nextLine(voiceRequest(), { session });
    expect(line).toEqual({ text: 'My card is blocked! Unbelievable!', voice: 'script' });
  });

  it.each([
    'As an AI, I cannot really be upset, but a good reply would name my frustration.',
    'You should try acknowledging how I feel before offering a solution.',
    'Sie sollten versuchen, auf meine Gefühle einzugehen.',
    'Tip: show more empathy.',
  ])('replaces a line that coaches or leaves the role with the scripted line: %s', async (coaching) => {
    const { providers } = await withLine(coaching);
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line.voice).toBe('script');
  });

  it('keeps an angry line that merely contains "you should have"', async () => {
    const { providers } = await withLine('You should have told me before I travelled!');
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line.voice).toBe('llm-voice:fake-persona');
  });

  it('replaces a line the customer already said, whatever its case and spacing, with the scripted line', async () => {
    const { providers } = await withLine('my card is BLOCKED! unbelievable!');
    const line = await providers.voice.nextLine(voiceRequest({ said: ['  My card is blocked! Unbelievable! '] }), { session });
    expect(line).toEqual({ text: 'My card is blocked! Unbelievable!', voice: 'script' });
  });

  it.each([
    ['a JSON object', '{"line": "Fine, then."}'],
    ['a JSON array of lines', '["Fine, then.", "Whatever."]'],
    ['a JSON field after some words', 'Sure. "line": "Fine, then."'],
    ['a JSON field with a space before the colon', 'Sure. "line" : "Fine, then."'],
    ['a compact JSON field', 'Sure. "line":"Fine, then."'],
    ['a numeric JSON field', 'Sorry. "score":4'],
    ['an SSML tag', 'Fine, then. <break time="1s"> Whatever.'],
    ['a closing tag', 'Fine, then.</speak>'],
    ['an HTML link', 'Fine, then. <a href="https://bank.example/help">'],
  ])('says the scripted line instead of %s, recorded as an invalid answer', async (_name, data) => {
    const { providers } = await withLine(data);
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line).toEqual({ text: 'My card is blocked! Unbelievable!', voice: 'script' });
    expect((await providers.usage.sessionTotals(session.id)).fallbacks).toEqual({ invalid_answer: 1 });
  });

  it('keeps a line that merely quotes something in brackets', async () => {
    const { providers } = await withLine('Your letter says [redacted]. What does that even mean?');
    const line = await providers.voice.nextLine(voiceRequest(), { session });
    expect(line.voice).toBe('llm-voice:fake-persona');
  });

  it('records why a line was replaced: empty, invalid answer or guard, and logs the problem with the stage', async () => {
    const logs = captureLogger();
    harness = await startLlmHarness({ log: logs });
    harness.fake.enqueue('voice', { kind: 'content', content: '*sighs*' });
    harness.fake.enqueue('voice', { kind: 'content', content: '{"line": "Fine."}' });
    harness.fake.enqueue('voice', { kind: 'content', content: 'Tip: show more empathy.' });
    for (let i = 0; i < 3; i++) expect((await harness.providers.voice.nextLine(voiceRequest(), { session })).voice).toBe('script');
    expect((await harness.providers.usage.sessionTotals(session.id)).fallbacks).toEqual({ empty: 1, invalid_answer: 1, guard: 1 });
    const rejected = logs
      .lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'model line rejected, scripted line used');
    expect(rejected.map(({ sessionId, stageId, problem }) => ({ sessionId, stageId, problem }))).toEqual([
      { sessionId: session.id, stageId: 'angry', problem: 'empty' },
      { sessionId: session.id, stageId: 'angry', problem: 'data' },
      { sessionId: session.id, stageId: 'angry', problem: 'coaching' },
    ]);
  });

  it('says the scripted line without a model call once the server is over its daily cap, recorded as the guild cap', async () => {
    harness = await startLlmHarness({ env: { LLM_GUILD_DAILY_TOKEN_CAP: '100' } });
    await harness.providers.voice.nextLine(voiceRequest(), { session: { id: 'first', guildId: 'busy' } });
    const requests = harness.fake.requests.length;
    const line = await harness.providers.voice.nextLine(voiceRequest(), { session: { id: 'second', guildId: 'busy' } });
    expect(line.voice).toBe('script');
    expect(harness.fake.requests).toHaveLength(requests);
    expect((await harness.providers.usage.sessionTotals('second')).fallbacks).toEqual({ cap_guild: 1 });
  });

  it("rejects with the caller's abort reason instead of calling the model when the engine already aborted", async () => {
    const { providers, fake } = await withLine('Fine.');
    const controller = new AbortController();
    controller.abort(new Error('session stopped'));
    await expect(providers.voice.nextLine(voiceRequest(), { session, signal: controller.signal })).rejects.toThrow('session stopped');
    expect(fake.requests).toHaveLength(0);
  });

  it('drops a truncated line without any sentence end, and says the scripted line', async () => {
    harness = await startLlmHarness();
    harness.fake.setDefault({ kind: 'content', content: '…and then your colleague tells me tha', finishReason: 'length' });
    const line = await harness.providers.voice.nextLine(voiceRequest(), { session });
    expect(line).toEqual({ text: 'My card is blocked! Unbelievable!', voice: 'script' });
    expect((await harness.providers.usage.sessionTotals(session.id)).fallbacks).toEqual({ empty: 1 });
  });

  it('cuts a line the token limit truncated back to its last whole sentence', async () => {
    harness = await startLlmHarness();
    harness.fake.setDefault({ kind: 'content', content: 'Two days without money. And then your colleague tells me tha', finishReason: 'length' });
    const line = await harness.providers.voice.nextLine(voiceRequest(), { session });
    expect(line.text).toBe('Two days without money.');
  });
});

describe('LLM persona voice and the reveal rule', () => {
  it('does not send the backstory before the script allows the reveal', async () => {
    const { providers, fake } = await withLine('Fine.');
    await providers.voice.nextLine(voiceRequest({ revealAllowed: false }), { session });
    const sent = JSON.stringify(fake.requests[0]!.body);
    expect(sent).not.toContain('Margarethe');
    expect(sent).not.toContain('Lisbon');
    expect(sent).not.toContain(BACKSTORY_EN);
  });

  it('sends the backstory once the script allows the reveal', async () => {
    const { providers, fake } = await withLine('Fine.');
    await providers.voice.nextLine(voiceRequest({ revealAllowed: true, stageId: 'opens_up' }), { session });
    expect(fake.requests[0]!.body.messages[0]!.content).toContain(BACKSTORY_EN);
  });

  it('replaces a line that gives the backstory away before the reveal with the scripted line', async () => {
    const { providers } = await withLine('My sister died in a hospice in Lisbon, and now this!');
    const line = await providers.voice.nextLine(voiceRequest({ revealAllowed: false }), { session });
    expect(line).toEqual({ text: 'My card is blocked! Unbelievable!', voice: 'script' });
  });

  it('lets the same line through once the reveal is allowed', async () => {
    const { providers } = await withLine('My sister died in a hospice in Lisbon, and now this!');
    const line = await providers.voice.nextLine(voiceRequest({ revealAllowed: true, stageId: 'opens_up' }), { session });
    expect(line.text).toBe('My sister died in a hospice in Lisbon, and now this!');
  });
});

describe('LLM persona voice history window', () => {
  function longHistory(pairs: number): Turn[] {
    return Array.from({ length: pairs }, (_, i): Turn[] => [
      { role: 'customer', text: i === 0 ? 'My card is blocked! Unbelievable!' : `Customer line ${i}` },
      { role: 'trainee', text: `Trainee reply ${i}` },
    ]).flat();
  }

  it('sends only the last LLM_HISTORY_TURNS messages and a summary line naming the opening', async () => {
    const { providers, fake } = await withLine('Fine.', { LLM_HISTORY_TURNS: '4' });
    await providers.voice.nextLine(voiceRequest({ history: longHistory(10) }), { session });
    const messages = fake.requests[0]!.body.messages;
    expect(messages).toHaveLength(1 + 4);
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'Trainee reply 9' });
    expect(messages[1]).toEqual({ role: 'assistant', content: 'Customer line 8' });
    expect(messages[0]!.content).toContain('16 earlier messages are not shown');
    expect(messages[0]!.content).toContain('began with you saying: My card is blocked! Unbelievable!');
  });

  it('keeps the prompt size flat as the conversation grows', async () => {
    const { providers, fake } = await withLine('Fine.', { LLM_HISTORY_TURNS: '6' });
    await providers.voice.nextLine(voiceRequest({ history: longHistory(10) }), { session });
    await providers.voice.nextLine(voiceRequest({ history: longHistory(40) }), { session });
    const [short, long] = fake.requests.map((request) => JSON.stringify(request.body.messages).length);
    expect(Math.abs(long! - short!)).toBeLessThan(20);
  });
});
