import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import type { FakeBehaviour, FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { captureLogger, startLlmHarness, testPersona } from '../support/fake-openai/llm-test-kit.js';
import { checkExchange, FAULT_SEED, faultSummary, llmEnv, replyText, startFaultyFake } from './llm-faults-kit.js';

/*
 * The whole app (composition root, engine, LLM judge and voice, SQLite store) against an endpoint
 * that fails 30 % of requests: 500, 503, 429, reset connections, answers slower than the timeout,
 * a proxy's HTML page, wrong and truncated JSON, empty content. Every persona in both languages.
 * FAULT_SEED=<n> replays a run.
 */

const REPLIES_PER_SESSION = 3;

describe(`LLM endpoint failing 30 % of requests (seed ${FAULT_SEED})`, () => {
  let fake: FakeOpenAi;
  let app: App;
  let dir: string;
  const logs = captureLogger('info');

  beforeAll(async () => {
    fake = await startFaultyFake();
    dir = await mkdtemp(join(tmpdir(), 'counterpart-llm-faults-'));
    const config = loadConfig({ ...llmEnv(fake.baseURL), LOG_LEVEL: 'silent' });
    app = await createApp({ config, log: logs.log, storeUrl: `sqlite://${join(dir, 'store.sqlite')}`, random: () => 0 });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives every exchange of every persona, in German and English, a customer line and a complete grade, falling back exactly where the endpoint failed', async () => {
    let counter = 0;
    let exchanges = 0;
    let judgeFallbacks = 0;
    let voiceFallbacks = 0;
    let slowest = 0;
    for (const persona of app.personas.list()) {
      for (const lang of ['en', 'de'] as const) {
        const { session } = await app.engine.start({ userId: 'trainee', guildId: 'g1', personaId: persona.id, lang, intensity: 'standard' });
        let replied = 0;
        for (let turn = 0; turn < REPLIES_PER_SESSION; turn++) {
          const reply = replyText(lang, turn, counter++);
          const started = performance.now();
          const result = await app.engine.reply(session.id, reply);
          slowest = Math.max(slowest, performance.now() - started);
          exchanges++;
          replied++;
          const check = checkExchange(fake, result.session, reply);
          if (check.judgeFellBack) judgeFallbacks++;
          if (check.voiceFellBack) voiceFallbacks++;
          if (result.ended) break;
        }
        // what the trainee saw is what the store holds
        const stored = await app.storage.sessions.get(session.id);
        expect(stored?.pendingReply).toBeNull();
        // every reply is stored, so "every stored grade is complete" is about all of them, not about none
        expect(stored?.exchanges).toHaveLength(replied);
        expect(stored?.exchanges.every((exchange) => exchange.grade.source.rubricVersion !== '')).toBe(true);
      }
    }

    const summary = faultSummary(fake);
    // the faults did bite (a slow answer is never retried), and retries and re-asks rescued some of them
    expect(judgeFallbacks + voiceFallbacks).toBeGreaterThan(0);
    expect(judgeFallbacks + voiceFallbacks).toBeLessThanOrEqual(summary.faults);
    expect(judgeFallbacks).toBeLessThan(exchanges);
    // nothing escaped the fallbacks as an unexpected error
    expect(logs.text()).not.toMatch(/unexpected error|"level":50/);
    console.info(
      `LLM faults (seed ${FAULT_SEED}): ${exchanges} exchanges, ${summary.requests} requests, ${summary.faults} faults ${JSON.stringify(summary.byKind)}; ` +
        `offline grades ${judgeFallbacks}, scripted lines ${voiceFallbacks}; slowest exchange ${slowest.toFixed(0)} ms`,
    );
  });
});

describe('garbage from the endpoint never becomes the customer line', () => {
  const garbage: Array<[string, FakeBehaviour]> = [
    ['wrong JSON', { kind: 'wrong_json' }],
    ['truncated JSON', { kind: 'truncated_json' }],
    ['a JSON grade', { kind: 'content', content: '{"composure": {"score": 4}, "feedback": {"tip": "Stay calm."}}' }],
    ['a key-value fragment', { kind: 'content', content: 'Sure: "line": "My card is still blocked!"' }],
    ['an error document', { kind: 'content', content: '<html><body><h1>502 Bad Gateway</h1></body></html>' }],
    ['empty content', { kind: 'content', content: '' }],
  ];

  it.each(garbage)('%s: the scripted line is spoken instead', async (_name, behaviour) => {
    const harness = await startLlmHarness();
    try {
      harness.fake.enqueue('voice', behaviour);
      const line = await harness.providers.voice.nextLine(
        {
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
        },
        { session: { id: 'garbage', guildId: null } },
      );
      expect(line).toEqual({ text: 'My card is blocked! Unbelievable!', voice: 'script' });
      expect(harness.fake.requests).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });

  it('a line that merely quotes someone is still spoken', async () => {
    const harness = await startLlmHarness({ fake: { voiceLine: () => 'Your colleague said "two days": it has been four!' } });
    try {
      const line = await harness.providers.voice.nextLine(
        { persona: testPersona, lang: 'en', intensity: 'standard', stageId: 'angry', revealAllowed: false, history: [], said: [] },
        { session: { id: 'quote', guildId: null } },
      );
      expect(line.voice).toBe('llm-voice:fake-persona');
    } finally {
      await harness.close();
    }
  });
});
