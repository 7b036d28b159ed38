import { Writable } from 'node:stream';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatModel, parseRetryAfter, type ChatModel, type ChatModelOptions, type ChatRequest } from '../../src/llm/chat-model.js';
import { createConcurrencyLimiter } from '../../src/llm/concurrency-limiter.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { createLogger } from '../../src/log/logger.js';
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
    options: {
      timeoutMs?: number;
      maxRetries?: number;
      concurrency?: number;
      retryAfterCapMs?: number;
      backoffBaseMs?: number;
      wait?: ChatModelOptions['wait'];
      log?: ChatModelOptions['log'];
    } = {},
  ): ChatModel {
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.baseURL, maxRetries: 0, logLevel: 'off' });
    return createChatModel({
      client,
      limiter: createConcurrencyLimiter(options.concurrency ?? 4),
      log: options.log ?? captureLogger().log,
      timeoutMs: options.timeoutMs ?? 5000,
      maxRetries: options.maxRetries ?? 2,
      backoffBaseMs: options.backoffBaseMs ?? 10,
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
    ['a 408 (request timeout)', { kind: 'status', status: 408 }],
    ['a 409 (conflict)', { kind: 'status', status: 409 }],
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

  it('sends the temperature when the request sets one, and no temperature field otherwise', async () => {
    const chat = model();
    await chat.complete({ ...request, temperature: 0.2 });
    await chat.complete(request);
    expect(fake.requests[0]?.body.temperature).toBe(0.2);
    expect(fake.requests[1]?.body).not.toHaveProperty('temperature');
  });

  it('logs a finished call at debug with its purpose, model, attempts and duration', async () => {
    const logs = captureLogger();
    fake.enqueue('any', { kind: 'status', status: 503 });
    await model({ log: logs.log, timeoutMs: 5000 }).complete(request);
    const done = logs
      .lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'model call done');
    expect(done).toMatchObject({ level: 20, purpose: 'voice', model: 'fake', attempts: 2 });
    // the duration is whatever it was, but it is a duration: never negative, never beyond the deadline
    expect(done?.ms).toBeGreaterThanOrEqual(0);
    expect(done?.ms).toBeLessThanOrEqual(5000);
  });

  it('logs each failed attempt at warn: the retried one with its wait, the last one as failed without a wait', async () => {
    const logs = captureLogger();
    fake.setDefault({ kind: 'rate_limit', retryAfter: '1' });
    await model({ log: logs.log, maxRetries: 1, wait: async () => undefined }).complete(request);
    const warnings = logs
      .lines()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: 'model call failed, retrying',
        purpose: 'voice',
        model: 'fake',
        kind: 'rate_limited',
        status: 429,
        attempts: 1,
        retry: true,
        waitMs: 1000,
      }),
      expect.objectContaining({ msg: 'model call failed', purpose: 'voice', model: 'fake', kind: 'rate_limited', status: 429, attempts: 2, retry: false }),
    ]);
    expect(warnings[1]).not.toHaveProperty('waitMs');
  });

  it('waits for a Retry-After exactly at the cap', async () => {
    fake.enqueue('any', { kind: 'rate_limit', retryAfter: '1' });
    const waits: number[] = [];
    const result = await model({ retryAfterCapMs: 1000, wait: async (ms) => void waits.push(ms) }).complete(request);
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(waits).toEqual([1000]);
  });

  it('does not wait for a Retry-After beyond the cap even when the deadline would leave time for it', async () => {
    fake.setDefault({ kind: 'rate_limit', retryAfter: '3' });
    const waits: number[] = [];
    const result = await model({ timeoutMs: 15_000, retryAfterCapMs: 2000, wait: async (ms) => void waits.push(ms) }).complete(request);
    expect(result).toMatchObject({ ok: false, kind: 'rate_limited', attempts: 1 });
    expect(waits).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  describe('with a fake clock that the waits advance', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('stops retrying when the next wait would not end before the deadline', async () => {
      // Each 429 asks for half the deadline: the first wait fits, the second would end exactly at the deadline.
      fake.setDefault({ kind: 'rate_limit', retryAfter: '0.5' });
      const waits: number[] = [];
      const wait = async (ms: number) => {
        waits.push(ms);
        vi.setSystemTime(Date.now() + ms);
      };
      const result = await model({ timeoutMs: 1000, maxRetries: 5, wait }).complete(request);
      expect(result).toMatchObject({ ok: false, kind: 'rate_limited', attempts: 2 });
      expect(waits).toEqual([500]);
      expect(fake.requests).toHaveLength(2);
    });
  });

  it('backs off exponentially from the base step with jitter, capped at eight times the base', async () => {
    // a fixed draw of 0.75 puts the jitter factor at 0.75 + 0.75 × 0.5 = 1.125
    vi.spyOn(Math, 'random').mockReturnValue(0.75);
    try {
      fake.setDefault({ kind: 'status', status: 503 });
      const waits: number[] = [];
      const result = await model({ maxRetries: 5, backoffBaseMs: 100, wait: async (ms) => void waits.push(ms) }).complete(request);
      expect(result).toMatchObject({ ok: false, kind: 'server_error', attempts: 6 });
      expect(waits).toEqual([112.5, 225, 450, 900, 900]);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('ends the call as a timeout when the deadline passes during a backoff wait, without another request', async () => {
    fake.setDefault({ kind: 'status', status: 503 });
    // a wait that only ends by its signal: the deadline is what ends it
    const wait = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new Error('aborted'));
        });
      });
    const result = await model({ timeoutMs: 300, wait }).complete(request);
    expect(result).toEqual({ ok: false, kind: 'timeout', attempts: 1 });
    expect(fake.requests).toHaveLength(1);
  });

  it('keeps the deadline when the caller passes a signal of its own', async () => {
    fake.setDefault({ kind: 'slow', delayMs: 3000 });
    const result = await model({ timeoutMs: 300 }).complete(request, { signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, kind: 'timeout', attempts: 1 });
  });

  it('does not keep a caller who leaves during a Retry-After wait waiting for it to end', async () => {
    fake.setDefault({ kind: 'rate_limit', retryAfter: '600' });
    const controller = new AbortController();
    // The caller leaves right after the retry is announced, i.e. while the 10-minute wait runs.
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (chunk.toString('utf8').includes('model call failed, retrying')) {
          queueMicrotask(() => {
            controller.abort(new Error('trainee left'));
          });
        }
        done();
      },
    });
    const chat = model({ log: createLogger({ level: 'debug', destination }), timeoutMs: 900_000, retryAfterCapMs: 900_000 });
    await expect(chat.complete(request, { signal: controller.signal })).rejects.toThrow('trainee left');
    expect(fake.requests).toHaveLength(1);
  });

  it('leaves no abort listeners behind after its backoff waits (no leak warning over a full retry series)', async () => {
    fake.setDefault({ kind: 'status', status: 503 });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const result = await model({ maxRetries: 5, backoffBaseMs: 1 }).complete(request);
      expect(result).toMatchObject({ ok: false, attempts: 6 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
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
    expect(result).toEqual({ ok: false, kind: 'connection', attempts: 3 });
    expect(result).not.toHaveProperty('status');
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

  it('takes a retry-after-ms of 0 as "retry now" rather than looking further', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '0', 'retry-after': '3' }))).toBe(0);
  });

  it('skips a negative retry-after-ms and uses retry-after instead', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '-1', 'retry-after': '2' }))).toBe(2000);
  });

  it('never turns a negative retry-after into a negative wait', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': '-1' }), now) ?? 0).toBeGreaterThanOrEqual(0);
  });
});

/**
 * Answers a real server may give that the fake OpenAI server does not produce: the client's
 * injected `fetch` (as openai-node documents it) plays them in order and records each request.
 */
function scriptedClient(...answers: Array<(signal: AbortSignal) => Response>): { client: OpenAI; requests: unknown[] } {
  const requests: unknown[] = [];
  const client = new OpenAI({
    apiKey: 'k',
    baseURL: 'http://127.0.0.1:9/v1',
    maxRetries: 0,
    logLevel: 'off',
    fetch: async (_url, init) => {
      requests.push(JSON.parse(typeof init?.body === 'string' ? init.body : 'null'));
      const answer = answers.shift();
      if (!answer || !init?.signal) throw new Error(`unexpected request #${requests.length}`);
      return answer(init.signal);
    },
  });
  return { client, requests };
}

function jsonAnswer(status: number, body: unknown): () => Response {
  return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function completionAnswer(choices: unknown[], usage?: Record<string, unknown>): () => Response {
  return jsonAnswer(200, { id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: 'fake', choices, ...(usage ? { usage } : {}) });
}

describe('chat model against answers the fake server does not give', () => {
  function scriptedModel(client: OpenAI, timeoutMs = 5000): ChatModel {
    return createChatModel({ client, limiter: createConcurrencyLimiter(1), log: captureLogger().log, timeoutMs, maxRetries: 2, backoffBaseMs: 10 });
  }

  it('estimates the usage at four characters a token when the server reports none, claiming no cached tokens', async () => {
    const { client } = scriptedClient(completionAnswer([{ index: 0, message: { role: 'assistant', content: 'z'.repeat(20) }, finish_reason: 'stop' }]));
    const result = await scriptedModel(client).complete({
      ...request,
      messages: [
        { role: 'system', content: 'x'.repeat(40) },
        { role: 'user', content: 'y'.repeat(8) },
      ],
    });
    expect(result).toMatchObject({ ok: true, text: 'z'.repeat(20) });
    expect(result.usage).toEqual({ promptTokens: 12, completionTokens: 5 });
  });

  it('treats an answer without a finish reason as a normal stop', async () => {
    const { client } = scriptedClient(completionAnswer([{ index: 0, message: { role: 'assistant', content: 'A line.' }, finish_reason: null }]));
    const result = await scriptedModel(client).complete(request);
    expect(result).toMatchObject({ ok: true, text: 'A line.', finishReason: 'stop' });
  });

  it('reports an answer without any choice as empty, with the usage the server charged for it', async () => {
    const { client, requests } = scriptedClient(completionAnswer([], { prompt_tokens: 7, completion_tokens: 0, total_tokens: 7 }));
    const result = await scriptedModel(client).complete(request);
    expect(result).toEqual({ ok: false, kind: 'empty', usage: { promptTokens: 7, completionTokens: 0 }, attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it.each(['content_filter', 'content_policy_violation'])('classifies a 400 with the error code %s as filtered content, not retried', async (code) => {
    const { client, requests } = scriptedClient(jsonAnswer(400, { error: { message: 'filtered', type: 'invalid_request_error', param: null, code } }));
    const result = await scriptedModel(client).complete(request);
    expect(result).toEqual({ ok: false, kind: 'content_filter', status: 400, attempts: 1 });
    expect(requests).toHaveLength(1);
  });

  it('reports a deadline that passes while the answer body is still arriving as a timeout', async () => {
    // headers at once, then a body that never ends: fetch errors the body when its signal aborts
    const stalledBody = (signal: AbortSignal) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            signal.addEventListener('abort', () => {
              controller.error(signal.reason);
            });
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    const { client, requests } = scriptedClient(stalledBody);
    const result = await scriptedModel(client, 300).complete(request);
    expect(result).toEqual({ ok: false, kind: 'timeout', attempts: 1 });
    expect(requests).toHaveLength(1);
  });
});
