import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatModel, parseRetryAfter, type ChatModel, type ChatModelOptions, type ChatRequest } from '../../src/llm/chat-model.js';
import { createConcurrencyLimiter } from '../../src/llm/concurrency-limiter.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { captureLogger } from '../support/fake-openai/llm-test-kit.js';

const request: ChatRequest = { purpose: 'voice', model: 'fake', messages: [{ role: 'user', content: 'hello' }], maxTokens: 50 };

describe('chat model against the fake OpenAI server', () => {
  let fake: FakeOpenAi;
  beforeEach(async () => {
    fake = await startFakeOpenAi({ voiceLine: () => 'A line.' });
  });
  afterEach(async () => {
    await fake.close();
  });

  function model(
    options: { timeoutMs?: number; maxRetries?: number; concurrency?: number; retryAfterCapMs?: number; wait?: ChatModelOptions['wait'] } = {},
  ): ChatModel {
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.baseURL, maxRetries: 0, logLevel: 'off' });
    return createChatModel({
      client,
      limiter: createConcurrencyLimiter(options.concurrency ?? 4),
      log: captureLogger().log,
      timeoutMs: options.timeoutMs ?? 5000,
      maxRetries: options.maxRetries ?? 2,
      backoffBaseMs: 10,
      ...(options.retryAfterCapMs === undefined ? {} : { retryAfterCapMs: options.retryAfterCapMs }),
      ...(options.wait === undefined ? {} : { wait: options.wait }),
    });
  }

  it('returns the text and the usage the server reported', async () => {
    const result = await model().complete(request);
    expect(result).toMatchObject({ ok: true, text: 'A line.', attempts: 1, finishReason: 'stop' });
    expect(result.usage).toEqual({ promptTokens: 2, completionTokens: 2, cachedPromptTokens: 0 });
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 }],
    ['a 503', { kind: 'status', status: 503 }],
    ['a reset connection', { kind: 'reset' }],
    ['a body that is not JSON', { kind: 'malformed_body' }],
  ] as const)('retries after %s and succeeds on the next attempt', async (_name, behaviour) => {
    fake.enqueue('any', behaviour);
    const result = await model().complete(request);
    expect(result).toMatchObject({ ok: true, text: 'A line.', attempts: 2 });
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after max retries with the failure kind, having sent 1 + maxRetries requests', async () => {
    fake.setDefault({ kind: 'status', status: 503 });
    const result = await model({ maxRetries: 2 }).complete(request);
    expect(result).toMatchObject({ ok: false, kind: 'server_error', status: 503, attempts: 3 });
    expect(fake.requests).toHaveLength(3);
  });

  it('with retries disabled sends exactly one request', async () => {
    fake.setDefault({ kind: 'status', status: 500 });
    const result = await model({ maxRetries: 0 }).complete(request);
    expect(result.ok).toBe(false);
    expect(fake.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    fake.enqueue('any', { kind: 'rate_limit', retryAfter: '1' });
    // The wait is recorded with the requests the server had seen by then, not timed with a clock.
    const waits: Array<{ ms: number; afterRequests: number }> = [];
    const result = await model({ wait: async (ms) => void waits.push({ ms, afterRequests: fake.requests.length }) }).complete(request);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([{ ms: 1000, afterRequests: 1 }]);
    expect(fake.requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond the cap: it fails at once as rate limited', async () => {
    fake.setDefault({ kind: 'rate_limit', retryAfter: '120' });
    const result = await model({ retryAfterCapMs: 2000 }).complete(request);
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited', status: 429, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['content_filter', { kind: 'content_filter' }],
    ['refusal', { kind: 'refusal' }],
    ['client_error', { kind: 'status', status: 400 }],
  ] as const)('does not retry a %s', async (kind, behaviour) => {
    fake.setDefault(behaviour);
    const result = await model().complete(request);
    expect(result).toMatchObject({ ok: false, kind, attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a call that exceeds the timeout as a timeout without retrying it', async () => {
    fake.setDefault({ kind: 'slow', delayMs: 3000 });
    const result = await model({ timeoutMs: 1000 }).complete(request);
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(fake.requests).toHaveLength(1);
  });

  it("rejects with the caller's abort reason when the caller aborts", async () => {
    fake.setDefault({ kind: 'slow', delayMs: 3000 });
    const controller = new AbortController();
    const pending = model().complete(request, { signal: controller.signal });
    setTimeout(() => {
      controller.abort(new Error('trainee left'));
    }, 100);
    await expect(pending).rejects.toThrow('trainee left');
  });

  it('keeps no more requests in flight than the concurrency limit', async () => {
    fake.setDefault({ kind: 'slow', delayMs: 150 });
    const limited = model({ concurrency: 2 });
    await Promise.all([1, 2, 3, 4, 5].map(() => limited.complete(request)));
    expect(fake.requests).toHaveLength(5);
    expect(fake.maxInFlight()).toBe(2);
  });
});

describe('chat model without a server', () => {
  it('retries a refused connection, then reports it as a connection failure', async () => {
    const closed = await startFakeOpenAi();
    const baseURL = closed.baseURL;
    await closed.close();
    const client = new OpenAI({ apiKey: 'k', baseURL, maxRetries: 0, logLevel: 'off' });
    const logs = captureLogger();
    const model = createChatModel({ client, limiter: createConcurrencyLimiter(1), log: logs.log, timeoutMs: 5000, maxRetries: 2, backoffBaseMs: 10 });
    const result = await model.complete(request);
    expect(result).toMatchObject({ ok: false, kind: 'connection', attempts: 3 });
    expect(logs.lines().filter((line) => line.includes('model call failed, retrying'))).toHaveLength(2);
  });
});

describe('parseRetryAfter', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '1500' }))).toBe(1500);
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }))).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers({}))).toBeUndefined();
  });
});
