import { afterEach, describe, expect, it } from 'vitest';
import type { VoiceRequest } from '../../src/engine/customer-voice.js';
import type { Turn } from '../../src/evaluation/grade.js';
import { gradeInput, startLlmHarness, testPersona, type LlmHarness } from '../support/fake-openai/llm-test-kit.js';

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const session = { id: 's', guildId: 'g' };
const request = (overrides: Partial<VoiceRequest>): VoiceRequest => ({
  persona: testPersona,
  lang: 'en',
  intensity: 'standard',
  stageId: 'angry',
  revealAllowed: false,
  history: [],
  said: [],
  ...overrides,
});

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

describe('prompts keep a stable prefix for provider-side caching', () => {
  it('the voice system prompt changes only in its stage part between stages of a session', async () => {
    harness = await startLlmHarness();
    await harness.providers.voice.nextLine(request({ stageId: 'angry' }), { session });
    await harness.providers.voice.nextLine(request({ stageId: 'hangs_up' }), { session });
    const [first, second] = harness.fake.requests.map((r) => r.body.messages[0]!.content);
    const prefix = commonPrefix(first!, second!);
    expect(prefix).toContain('## What you keep to yourself');
    expect(first!.slice(prefix.length)).not.toContain('## Who you are');
  });

  it('the voice system prompts of different languages share the persona-independent rules', async () => {
    harness = await startLlmHarness();
    await harness.providers.voice.nextLine(request({ lang: 'en' }), { session });
    await harness.providers.voice.nextLine(request({ lang: 'de' }), { session });
    const [en, de] = harness.fake.requests.map((r) => r.body.messages[0]!.content);
    expect(commonPrefix(en!, de!)).toContain('7. Never repeat a line');
  });

  it('the judge system prompt is identical whatever the reply, language or history', async () => {
    harness = await startLlmHarness();
    await harness.providers.grader.grade(gradeInput('Hello.'), { session });
    await harness.providers.grader.grade(
      gradeInput('Guten Tag.', {
        lang: 'de',
        history: [
          { role: 'customer', text: 'Hallo?' },
          { role: 'trainee', text: 'Ja?' },
        ],
      }),
      { session },
    );
    const [a, b] = harness.fake.requests.map((r) => r.body.messages[0]!.content);
    expect(a).toBe(b);
  });

  it('the judge sees a bounded history as well', async () => {
    harness = await startLlmHarness({ env: { LLM_HISTORY_TURNS: '4' } });
    const history: Turn[] = Array.from({ length: 30 }, (_, i) => ({ role: i % 2 ? 'trainee' : 'customer', text: `turn number ${i}` }));
    await harness.providers.grader.grade(gradeInput('Hello.', { history }), { session });
    const user = harness.fake.requests[0]!.body.messages[1]!.content;
    expect(user).toContain('(26 earlier messages not shown)');
    expect(user).toContain('turn number 29');
    expect(user).not.toContain('turn number 25');
  });
});

describe('the usage ledger reports the cached share of the prompt', () => {
  it('counts the prompt tokens the provider served from cache: the judge rubric repeats, so from the second call on most of the prompt is cached', async () => {
    harness = await startLlmHarness();
    const scope = { id: 'cache-session', guildId: 'cache-guild' };
    await harness.providers.grader.grade(gradeInput('Hello, how can I help?'), { session: scope });
    await harness.providers.grader.grade(gradeInput('I will check your card right away.'), { session: scope });
    await harness.providers.usage.flush();
    const totals = await harness.providers.usage.sessionTotals(scope.id);
    expect(totals.promptTokens).toBeGreaterThan(0);
    // the first call is not cached, the second reuses the system prompt (the rubric: well over 1,024 tokens)
    expect(totals.cachedPromptTokens).toBeGreaterThanOrEqual(1024);
    expect(totals.cachedPromptTokens).toBeLessThan(totals.promptTokens);
  });
});
