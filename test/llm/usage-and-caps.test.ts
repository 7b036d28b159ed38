import { afterEach, describe, expect, it } from 'vitest';
import type { TokenUsage } from '../../src/engine/session.js';
import { usageCapNotice } from '../../src/llm/usage-cap-notice.js';
import { totalTokens, utcDay } from '../../src/llm/usage-ledger.js';
import { fakeUsage } from '../support/fake-openai/fake-openai-server.js';
import { gradeInput, startLlmHarness, testPersona, type LlmHarness } from '../support/fake-openai/llm-test-kit.js';

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const voiceRequest = {
  persona: testPersona,
  lang: 'en' as const,
  intensity: 'standard' as const,
  stageId: 'angry',
  revealAllowed: false,
  history: [],
  said: [],
};

describe('token accounting', () => {
  it('reports the tokens of every model call through onUsage and the ledger, per session and per guild and day', async () => {
    harness = await startLlmHarness();
    const reported: TokenUsage[] = [];
    const options = { session: { id: 's1', guildId: 'g1' }, onUsage: (usage: TokenUsage) => reported.push(usage) };
    await harness.providers.grader.grade(gradeInput('Hello.'), options);
    await harness.providers.voice.nextLine(voiceRequest, options);

    expect(harness.fake.requests.map((request) => request.purpose)).toEqual(['judge', 'voice']);
    expect(reported).toHaveLength(2);
    const voiceRequestBody = harness.fake.requests.find((request) => request.purpose === 'voice')!.body;
    const voiceUsage = fakeUsage(voiceRequestBody, 'Fine. So what happens now with my card?');
    // the voice's prompt shares no 1,024-token prefix with the judge's, so nothing of it was cached
    expect(reported[1]).toEqual({ promptTokens: voiceUsage.prompt_tokens, completionTokens: voiceUsage.completion_tokens, cachedPromptTokens: 0 });

    const sum = reported.reduce((total, usage) => total + usage.promptTokens + usage.completionTokens, 0);
    const sessionTotals = await harness.providers.usage.sessionTotals('s1');
    expect(totalTokens(sessionTotals)).toBe(sum);
    expect(sessionTotals.calls).toBe(2);
    const guildTotals = await harness.providers.usage.guildDayTotals('g1', utcDay(new Date()));
    expect(totalTokens(guildTotals)).toBe(sum);
    expect(totalTokens(await harness.providers.usage.guildDayTotals('g2', utcDay(new Date())))).toBe(0);
  });

  it('counts the tokens of a retried invalid judge answer too', async () => {
    harness = await startLlmHarness();
    harness.fake.enqueue('judge', { kind: 'wrong_json' });
    const reported: TokenUsage[] = [];
    await harness.providers.grader.grade(gradeInput('Hello.'), { session: { id: 's1', guildId: null }, onUsage: (usage) => reported.push(usage) });
    expect(reported).toHaveLength(2);
    expect((await harness.providers.usage.sessionTotals('s1')).calls).toBe(2);
  });
});

describe('token caps', () => {
  it('stops model calls for a session over its cap: offline grade and scripted line, recorded in the ledger', async () => {
    harness = await startLlmHarness({ env: { LLM_SESSION_TOKEN_CAP: '1000' } });
    const options = { session: { id: 'capped', guildId: 'g1' } };
    await harness.providers.grader.grade(gradeInput('Hello.'), options); // the rubric alone is far over 1000 tokens
    const requestsBefore = harness.fake.requests.length;

    const grade = await harness.providers.grader.grade(gradeInput('Hello again.'), options);
    const line = await harness.providers.voice.nextLine(voiceRequest, options);
    expect(grade.source.grader).toBe('offline-test');
    expect(line.voice).toBe('script');
    expect(line.text).toBe('My card is blocked! Unbelievable!');
    expect(harness.fake.requests).toHaveLength(requestsBefore);
    expect((await harness.providers.usage.sessionTotals('capped')).fallbacks).toEqual({ cap_session: 2 });

    // another session is not affected
    const other = await harness.providers.grader.grade(gradeInput('Hello.'), { session: { id: 'other', guildId: 'g2' } });
    expect(other.source.grader).toBe('llm-judge:fake-judge');
  });

  it("stops model calls for every session of a server over today's cap", async () => {
    harness = await startLlmHarness({ env: { LLM_GUILD_DAILY_TOKEN_CAP: '1000' } });
    await harness.providers.grader.grade(gradeInput('Hello.'), { session: { id: 'a', guildId: 'busy' } });
    const grade = await harness.providers.grader.grade(gradeInput('Hello.'), { session: { id: 'b', guildId: 'busy' } });
    expect(grade.source.grader).toBe('offline-test');
    expect((await harness.providers.usage.sessionTotals('b')).fallbacks).toEqual({ cap_guild: 1 });
    const elsewhere = await harness.providers.grader.grade(gradeInput('Hello.'), { session: { id: 'c', guildId: 'quiet' } });
    expect(elsewhere.source.grader).toBe('llm-judge:fake-judge');
  });

  it('logs the cap once per session at info', async () => {
    harness = await startLlmHarness({ env: { LLM_SESSION_TOKEN_CAP: '1000' } });
    const options = { session: { id: 'capped', guildId: null } };
    for (let i = 0; i < 4; i++) await harness.providers.grader.grade(gradeInput('Hello.'), options);
    const capLines = harness.logs.lines().filter((line) => line.includes('token cap reached'));
    expect(capLines).toHaveLength(1);
  });

  it('has a notice for each cap in German and English', () => {
    for (const cap of ['session', 'guild'] as const) {
      expect(usageCapNotice(cap, 'en')).toMatch(/offline/);
      expect(usageCapNotice(cap, 'de')).toMatch(/offline/);
      expect(usageCapNotice(cap, 'de')).not.toBe(usageCapNotice(cap, 'en'));
    }
  });
});
