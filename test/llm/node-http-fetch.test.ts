import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import OpenAI, { APIConnectionError, APIUserAbortError, RateLimitError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHttpFetch } from '../../src/llm/node-http-fetch.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'Hello?' }], max_tokens: 20 };

function client(): OpenAI {
  return new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0, fetch: createNodeHttpFetch(), logLevel: 'off' });
}

describe('node:http fetch for the OpenAI client', () => {
  it('delivers the completion, with the request body and headers the client built', async () => {
    const completion = await client().chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('Fine. So what happens now with my card?');
    const [request] = fake.requests;
    expect(request?.body.messages).toEqual(ask.messages);
    expect(request?.headers['authorization']).toBe('Bearer test-key');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('asks for kept-alive connections, so calls one after another need no new handshake', async () => {
    const openai = client();
    for (let i = 0; i < 3; i++) await openai.chat.completions.create(ask);
    expect(fake.requests.map((request) => request.headers['connection'])).toEqual(['keep-alive', 'keep-alive', 'keep-alive']);
  });

  it('hands an error status with its headers to the client (a 429 and its Retry-After)', async () => {
    fake.enqueue('any', { kind: 'rate_limit', retryAfter: '7' });
    const error = await client().chat.completions.create(ask).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('7');
  });

  it('rejects as a connection failure when the server cuts the connection', async () => {
    fake.enqueue('any', { kind: 'reset' });
    await expect(client().chat.completions.create(ask)).rejects.toBeInstanceOf(APIConnectionError);
  });

  it('stops waiting when the caller aborts', async () => {
    fake.enqueue('any', { kind: 'slow', delayMs: 5_000 });
    const controller = new AbortController();
    const call = client().chat.completions.create(ask, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('unpacks a gzip-encoded answer', async () => {
    const answer = JSON.stringify({ ok: true, text: 'gepackt' });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await createNodeHttpFetch()(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true, text: 'gepackt' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the test run', () => {
  it('refuses this fetch a host beyond loopback, as it does the built-in fetch', async () => {
    // 192.0.2.1 is reserved for documentation: never a real server, even if the guard failed
    await expect(createNodeHttpFetch()('http://192.0.2.1/v1/chat/completions', { method: 'POST', body: '{}', signal: AbortSignal.timeout(2_000) })).rejects.toThrow(
      /network access refused in tests/,
    );
  });
});
