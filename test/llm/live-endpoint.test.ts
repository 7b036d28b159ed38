import { describe, expect, it } from 'vitest';
import { createLlmProviders } from '../../src/llm/create-llm-providers.js';
import { loadConfig } from '../../src/config/config.js';
import { captureLogger, gradeInput, memoryStorage, recordingOfflineGrader, scriptedVoice, testPersona } from '../support/fake-openai/llm-test-kit.js';

/**
 * Opt-in check against a real endpoint, skipped by default. The default test run refuses every
 * non-loopback connection, so this works with a local server (Ollama, vLLM, LM Studio, llama.cpp):
 *
 *   COUNTERPART_LIVE_BASE_URL=http://127.0.0.1:11434/v1 COUNTERPART_LIVE_MODEL=llama3.1:8b npx vitest run test/llm/live-endpoint.test.ts
 */
const baseURL = process.env.COUNTERPART_LIVE_BASE_URL;
const model = process.env.COUNTERPART_LIVE_MODEL;

describe.skipIf(!baseURL || !model)('live endpoint (opt-in)', () => {
  it('grades a reply with the judge and speaks a line in character', { timeout: 180_000 }, async () => {
    const logs = captureLogger('info');
    const providers = createLlmProviders({
      config: loadConfig({ OPENAI_BASE_URL: baseURL, LLM_PERSONA_MODEL: model, LLM_JUDGE_MODEL: model, LLM_TIMEOUT_MS: '170000' }),
      log: logs.log,
      offlineGrader: recordingOfflineGrader(),
      scriptedVoice: scriptedVoice(),
      storage: memoryStorage(logs.log),
    });
    const session = { id: 'live', guildId: null };
    const grade = await providers!.grader.grade(gradeInput('I am so sorry your card was blocked abroad. Let me unblock it right now.'), { session });
    const line = await providers!.voice.nextLine(
      { persona: testPersona, lang: 'en', intensity: 'standard', stageId: 'angry', revealAllowed: false, history: [], said: [] },
      { session },
    );
    expect(grade.source.grader).toBe(`llm-judge:${model}`);
    expect(line.voice).toBe(`llm-voice:${model}`);
  });
});
