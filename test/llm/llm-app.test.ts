import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { GradeSchema } from '../../src/evaluation/grade.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { captureLogger, testConfig } from '../support/fake-openai/llm-test-kit.js';

let fake: FakeOpenAi | undefined;
let app: App | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.close();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  app = fake = dir = undefined;
});

let line = 0;
async function startApp(): Promise<{ app: App; fake: FakeOpenAi; logs: ReturnType<typeof captureLogger> }> {
  fake = await startFakeOpenAi({ voiceLine: () => `I have waited long enough, line ${++line}.` });
  dir = await mkdtemp(join(tmpdir(), 'counterpart-llm-'));
  const logs = captureLogger('info');
  app = await createApp({ config: testConfig(fake.baseURL), log: logs.log, storeUrl: `sqlite://${join(dir, 'store.sqlite')}` });
  return { app, fake, logs };
}

// The whole application as the front ends get it: built-in personas, the offline grader, SQLite.
describe('the application with an LLM endpoint configured', () => {
  it('keeps the token totals of a session across a restart: closing writes what the ledger had not yet written', async () => {
    const { app: first, fake } = await startApp();
    const persona = first.personas.list()[0]!;
    const { session } = await first.engine.start({ userId: 'u', guildId: 'g', personaId: persona.id, lang: 'en', intensity: 'standard' });
    const result = await first.engine.reply(session.id, 'I am sorry. I will look into it right away.');
    const spent = result.session.usage.promptTokens + result.session.usage.completionTokens;
    expect(spent).toBeGreaterThan(0);
    // a call that ended just before shutdown: its tokens are not yet written when close begins
    void first.providers.usage!.record({ id: session.id, guildId: 'g' }, { promptTokens: 5, completionTokens: 0 });
    await first.close();
    app = await createApp({ config: testConfig(fake.baseURL), log: captureLogger('info').log, storeUrl: `sqlite://${join(dir!, 'store.sqlite')}` });
    const totals = await app.providers.usage!.sessionTotals(session.id);
    expect(totals.promptTokens + totals.completionTokens).toBe(spent + 5);
    expect(totals.calls).toBe(fake.requests.length + 1);
  });

  it('practises with the LLM voice and judge and stores tokens on the exchange', async () => {
    const { app } = await startApp();
    expect(app.providers.llm).toBe(true);
    const persona = app.personas.list()[0]!;
    const { session, line: opening } = await app.engine.start({ userId: 'u', guildId: null, personaId: persona.id, lang: 'de', intensity: 'standard' });
    expect(opening.voice).toBe('llm-voice:fake-persona');
    const result = await app.engine.reply(session.id, 'Das tut mir leid. Ich kümmere mich sofort darum.');
    expect(GradeSchema.safeParse(result.exchange.grade).success).toBe(true);
    expect(result.exchange.grade.source.grader).toBe('llm-judge:fake-judge');
    expect(result.exchange.usage?.promptTokens).toBeGreaterThan(0);
    // the session total is the opening line plus this exchange
    const stored = await app.engine.get(session.id);
    expect(stored?.usage.promptTokens).toBe(session.usage.promptTokens + (result.exchange.usage?.promptTokens ?? 0));
    expect(session.usage.promptTokens).toBeGreaterThan(0);
  });

  it('keeps practising offline while the endpoint is down', async () => {
    const { app, fake } = await startApp();
    fake.setDefault({ kind: 'status', status: 503 });
    const persona = app.personas.list()[0]!;
    const { session, line: opening } = await app.engine.start({ userId: 'u', guildId: 'g', personaId: persona.id, lang: 'en', intensity: 'standard' });
    expect(opening.voice).toBe('script');
    const result = await app.engine.reply(session.id, 'I am sorry. Let me sort this out for you right now.');
    expect(result.exchange.grade.source.grader).not.toMatch(/^llm-judge/);
    expect(result.line === null || result.line.voice === 'script').toBe(true);
  });
});
