import { afterEach, describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { startHarness, startPracticeToOpening, waitForEmbeds, type BotHarness } from './bot-harness.js';

const en = uiText('en');

/** "typing…" costs a REST call: shown only when an answer takes noticeably long. */
describe('typing indicator in a practice thread', () => {
  let h: BotHarness | undefined;
  let llm: FakeOpenAi | undefined;
  afterEach(async () => {
    await h?.close();
    await llm?.close();
    h = undefined;
    llm = undefined;
  });

  async function answerOneReply(harness: BotHarness): Promise<number> {
    const trainee = harness.fake.member(harness.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(harness, trainee, { persona: 'frustrated', language: 'en' });
    harness.fake.say(trainee, thread.id, 'I am sorry, that sounds awful. Let me check your card right now.');
    await waitForEmbeds(harness.fake, thread.id, en.practice.feedbackTitle, 1);
    return harness.fake.requests.filter((r) => r.path === `/channels/${thread.id}/typing`).length;
  }

  it('sends no typing call when the offline grader answers at once', async () => {
    h = await startHarness();
    expect(await answerOneReply(h)).toBe(0);
  });

  it('shows typing while a slow model answers', async () => {
    llm = await startFakeOpenAi();
    llm.setDefault({ kind: 'slow', delayMs: 1_600 });
    h = await startHarness({ env: { OPENAI_BASE_URL: llm.baseURL, LLM_PERSONA_MODEL: 'fake-persona', LLM_JUDGE_MODEL: 'fake-judge' } });
    expect(await answerOneReply(h)).toBe(1);
  });
});
