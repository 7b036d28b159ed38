import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLlmProviders } from '../../src/llm/create-llm-providers.js';
import {
  captureLogger,
  gradeInput,
  memoryStorage,
  recordingOfflineGrader,
  scriptedVoice,
  startLlmHarness,
  testPersona,
  type LlmHarness,
} from '../support/fake-openai/llm-test-kit.js';

const SECRET = 'sk-test-Zx9SECRETvalue-do-not-log';
let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function deps(env: Record<string, string>) {
  const logs = captureLogger();
  return {
    logs,
    deps: { config: loadConfig(env), log: logs.log, offlineGrader: recordingOfflineGrader(), scriptedVoice: scriptedVoice(), storage: memoryStorage(logs.log) },
  };
}

describe('createLlmProviders', () => {
  it('returns null when no endpoint is configured', () => {
    expect(createLlmProviders(deps({}).deps)).toBeNull();
  });

  it('treats a base URL without a key (a local Ollama) as configured', () => {
    const providers = createLlmProviders(deps({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).deps);
    expect(providers?.grader.id).toBe('llm-judge:gpt-4o-mini');
    expect(providers?.voice.id).toBe('llm-voice:gpt-4o-mini');
  });

  it('treats a key without a base URL (api.openai.com) as configured', () => {
    expect(createLlmProviders(deps({ OPENAI_API_KEY: SECRET }).deps)).not.toBeNull();
  });

  it('uses the offline grader for steering, so the script never waits for the judge', () => {
    const { deps: d } = deps({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' });
    expect(createLlmProviders(d)?.steering?.id).toBe(d.offlineGrader.id);
  });

  it('logs at start-up which endpoint host and models it uses, tagged as the llm component', () => {
    const withUrl = deps({ OPENAI_BASE_URL: 'http://user:pw@127.0.0.1:11434/v1?token=abc', LLM_PERSONA_MODEL: 'voice-m', LLM_JUDGE_MODEL: 'judge-m' });
    createLlmProviders(withUrl.deps);
    const keyOnly = deps({ OPENAI_API_KEY: SECRET });
    createLlmProviders(keyOnly.deps);
    const started = (logs: ReturnType<typeof captureLogger>) =>
      logs
        .lines()
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.msg === 'LLM voice and judge enabled');
    expect(started(withUrl.logs)).toEqual([
      expect.objectContaining({ level: 30, component: 'llm', endpoint: '127.0.0.1:11434', personaModel: 'voice-m', judgeModel: 'judge-m' }),
    ]);
    expect(started(keyOnly.logs)).toEqual([expect.objectContaining({ component: 'llm', endpoint: 'api.openai.com' })]);
  });

  it('sends its requests through an injected fetch', async () => {
    const urls: string[] = [];
    const { deps: d } = deps({ OPENAI_API_KEY: SECRET, LLM_MAX_RETRIES: '0' });
    const providers = createLlmProviders({
      ...d,
      fetch: async (url) => {
        urls.push(url instanceof Request ? url.url : url.toString());
        return new Response(JSON.stringify({ error: { message: 'no' } }), { status: 400, headers: { 'content-type': 'application/json' } });
      },
    });
    const grade = await providers?.grader.grade(gradeInput('Hello.'), { session: { id: 's', guildId: null } });
    expect(grade?.source.grader).toBe('offline-test');
    expect(urls).toEqual(['https://api.openai.com/v1/chat/completions']);
  });

  it('works against an endpoint that needs no key', async () => {
    harness = await startLlmHarness();
    const grade = await harness.providers.grader.grade(gradeInput('Hello.'), { session: { id: 's', guildId: null } });
    expect(grade.source.grader).toBe('llm-judge:fake-judge');
  });

  it('sends the API key to the endpoint but never writes it, or trainee text at info level, to the log', async () => {
    const logs = captureLogger('trace');
    harness = await startLlmHarness({ env: { OPENAI_API_KEY: SECRET, LLM_TIMEOUT_MS: '1500' }, log: logs });
    const options = { session: { id: 's', guildId: 'g' } };
    const reply = 'My unmistakable trainee sentence about the card';
    harness.fake.enqueue('any', { kind: 'status', status: 500 }, { kind: 'rate_limit', retryAfter: '0' }, { kind: 'reset' }, { kind: 'status', status: 401 });
    await harness.providers.grader.grade(gradeInput(reply), options);
    harness.fake.enqueue('any', { kind: 'wrong_json' }, { kind: 'content_filter' }, { kind: 'slow', delayMs: 3000 });
    await harness.providers.grader.grade(gradeInput(reply), options);
    await harness.providers.grader.grade(gradeInput(reply), options);
    await harness.providers.voice.nextLine(
      {
        persona: testPersona,
        lang: 'en',
        intensity: 'standard',
        stageId: 'angry',
        revealAllowed: false,
        history: [{ role: 'trainee', text: reply }],
        said: [],
      },
      options,
    );

    expect(harness.fake.requests[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(logs.lines().length).toBeGreaterThan(5);
    expect(logs.text()).not.toContain(SECRET);
    expect(logs.text()).not.toContain('Zx9SECRET');
    const infoAndAbove = logs.lines().filter((line) => (JSON.parse(line) as { level: number }).level >= 30);
    expect(infoAndAbove.join('\n')).not.toContain('unmistakable trainee sentence');
  });
});
