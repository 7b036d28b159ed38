import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';

// The fake must behave like a real endpoint for the real client, or the other tests prove nothing.
describe('fake OpenAI server', () => {
  let fake: FakeOpenAi;
  let client: OpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAi({ voiceLine: () => 'Streaming works, word by word.' });
    client = new OpenAI({ apiKey: 'k', baseURL: fake.baseURL, maxRetries: 0, logLevel: 'off' });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('streams a completion as server-sent events the openai client reassembles, with usage at the end', async () => {
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Streaming works, word by word.');
    expect(usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 8 });
    expect(fake.requests[0]?.body.stream).toBe(true);
  });

  it('records each request with its purpose and timing', async () => {
    await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'grade' }],
      response_format: { type: 'json_schema', json_schema: { name: 'g', schema: {} } },
    });
    expect(fake.requests.map((request) => request.purpose)).toEqual(['voice', 'judge']);
    expect(fake.requests.every((request) => request.finishedAt !== null && request.finishedAt >= request.receivedAt)).toBe(true);
  });

  it('serves queued behaviours per purpose before the default', async () => {
    fake.enqueue('voice', { kind: 'content', content: 'queued' });
    const first = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    const second = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(first.choices[0]?.message.content).toBe('queued');
    expect(second.choices[0]?.message.content).toBe('Streaming works, word by word.');
  });
});
