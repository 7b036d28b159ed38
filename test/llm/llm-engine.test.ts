import { afterEach, describe, expect, it } from 'vitest';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import type { PracticeEngine } from '../../src/engine/engine-types.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import { fakeUsage, type RecordedRequest } from '../support/fake-openai/fake-openai-server.js';
import { BACKSTORY_EN, startLlmHarness, testPersona, type LlmHarness } from '../support/fake-openai/llm-test-kit.js';
import { createKeywordGrader } from '../support/scripted-grader.js';

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const VOICE_LINE = 'Two days I have been waiting. Two days!';
let voiceCalls = 0;
/** a fresh line per call: the voice rejects a line the customer already said */
const voiceLine = () => `${VOICE_LINE} (${++voiceCalls})`;

/** The engine as the composition root builds it: LLM judge and voice, the offline grader steering. */
async function llmEngine(env: Record<string, string> = {}): Promise<{ engine: PracticeEngine; harness: LlmHarness }> {
  harness = await startLlmHarness({ env, offlineGrader: createKeywordGrader({ id: 'offline-keyword' }), fake: { voiceLine } });
  const { providers, storage, logs } = harness;
  const engine = createPracticeEngine({
    personas: createPersonaCatalog([testPersona]),
    grader: providers.grader,
    steering: providers.steering,
    voice: providers.voice,
    store: storage.sessions,
    log: logs.log,
    advise: () => 'practise more',
  });
  return { engine, harness };
}

const start = { userId: 'u1', guildId: 'g1', personaId: testPersona.id, lang: 'en', intensity: 'standard' } as const;

function overlap(a: RecordedRequest, b: RecordedRequest): boolean {
  return a.receivedAt < (b.finishedAt ?? Infinity) && b.receivedAt < (a.finishedAt ?? Infinity);
}

describe('practice engine with the LLM providers', () => {
  it('runs the judge and the customer voice of one exchange at the same time', async () => {
    const { engine, harness } = await llmEngine();
    const { session } = await engine.start(start);
    harness.fake.setDefault({ kind: 'slow', delayMs: 300 });
    const before = harness.fake.requests.length;
    await engine.reply(session.id, 'I am sorry, let me check that for you.');
    const exchange = harness.fake.requests.slice(before);
    const judge = exchange.find((request) => request.purpose === 'judge');
    const voice = exchange.find((request) => request.purpose === 'voice');
    expect(judge && voice).toBeTruthy();
    expect(overlap(judge!, voice!)).toBe(true);
    expect(harness.fake.maxInFlight()).toBe(2);
  });

  it('stores the tokens of the judge and the voice on the exchange and the session', async () => {
    const { engine, harness } = await llmEngine();
    const { session } = await engine.start(start);
    const before = harness.fake.requests.length;
    const result = await engine.reply(session.id, 'I am sorry, let me check that for you.');
    expect(result.exchange.grade.source.grader).toBe('llm-judge:fake-judge');
    expect(result.line?.voice).toBe('llm-voice:fake-persona');
    expect(result.line?.text).toMatch(/^Two days I have been waiting/);

    const exchangeRequests = harness.fake.requests.slice(before);
    expect(exchangeRequests.map((request) => request.purpose).sort()).toEqual(['judge', 'voice']);
    const usage = result.exchange.usage!;
    const totals = await harness.providers.usage.sessionTotals(session.id);
    // the ledger also holds the opening line, which belongs to the session but to no exchange
    const opening = fakeUsage(harness.fake.requests[0]!.body, session.lines[0]!.text);
    expect(usage.promptTokens).toBe(totals.promptTokens - opening.prompt_tokens);
    expect(usage.completionTokens).toBe(totals.completionTokens - opening.completion_tokens);
    expect(usage.promptTokens).toBeGreaterThan(1000); // the judge's rubric
    // the session total counts the opening line as well as the exchange: it equals the ledger
    expect(session.usage).toEqual({ promptTokens: opening.prompt_tokens, completionTokens: opening.completion_tokens, cachedPromptTokens: 0 });
    expect(result.session.usage).toEqual({
      promptTokens: totals.promptTokens,
      completionTokens: totals.completionTokens,
      cachedPromptTokens: totals.cachedPromptTokens,
    });
  });

  it('still answers with a scripted line and an offline grade when the endpoint fails', async () => {
    const { engine, harness } = await llmEngine({ LLM_MAX_RETRIES: '1' });
    harness.fake.setDefault({ kind: 'status', status: 503 });
    const { session, line: opening } = await engine.start(start);
    expect(opening.voice).toBe('script');
    const result = await engine.reply(session.id, 'I am sorry, let me check that for you.');
    expect(result.exchange.grade.source.grader).toBe('offline-keyword');
    expect(result.line?.voice).toBe('script');
    expect(result.line?.text).toBeTruthy();
  });

  it('sends the backstory only after the script reached its reveal stage', async () => {
    const { engine, harness } = await llmEngine();
    const { session } = await engine.start(start);
    await engine.reply(session.id, 'That sounds awful, I am sorry.'); // keyword grader: empathy 3, stays angry
    const voiceRequests = () => harness.fake.requests.filter((request) => request.purpose === 'voice');
    expect(voiceRequests().some((request) => JSON.stringify(request.body).includes(BACKSTORY_EN))).toBe(false);
    const result = await engine.reply(session.id, 'warm: that sounds really hard, what happened?'); // empathy 5 → opens_up
    expect(result.session.stage).toBe('opens_up');
    expect(JSON.stringify(voiceRequests().at(-1)!.body)).toContain(BACKSTORY_EN);
  });
});
