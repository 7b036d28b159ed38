import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import type { FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import {
  botMessages,
  customIdsOf,
  embedMessages,
  embedsOf,
  expectNothingPinged,
  startHarness,
  startPractice,
  waitForEmbeds,
  type BotHarness,
} from '../discord/bot-harness.js';
import { checkExchange, FAULT_SEED, faultSummary, llmEnv, replyText, startFaultyFake } from './llm-faults-kit.js';

/*
 * The real bot against the fake Discord, its LLM endpoint failing 30 % of requests with the
 * seeded mix of faults: every reply a trainee sends in a practice thread gets the customer's answer
 * and its feedback, in German and English, and the feedback says "offline grading" exactly when
 * the judge fell back. FAULT_SEED=<n> replays a run.
 */

const PRACTICES = [
  { persona: 'frustrated', language: 'en' },
  { persona: 'impatient-caller', language: 'de' },
  { persona: 'insulting', language: 'en' },
  { persona: 'grieving', language: 'de' },
  { persona: 'drifting-client', language: 'en' },
  { persona: 'unusual-request', language: 'de' },
] as const;
const REPLIES_PER_PRACTICE = 4;

describe(`the bot with an LLM endpoint failing 30 % of requests (seed ${FAULT_SEED})`, () => {
  let fake: FakeOpenAi;
  let h: BotHarness;
  beforeEach(async () => {
    fake = await startFaultyFake();
    h = await startHarness({ env: llmEnv(fake.baseURL) });
  });
  afterEach(async () => {
    expectNothingPinged(h.fake);
    await h.close();
    await fake.close();
  });

  it('answers every reply in every thread with a customer line and feedback, marking the offline grades', async () => {
    let counter = 0;
    let exchanges = 0;
    let offlineGrades = 0;
    for (const practice of PRACTICES) {
      const text = uiText(practice.language);
      const trainee = h.fake.member(h.guild, { username: `trainee-${counter}` });
      const { thread } = await startPractice(h, trainee, practice);
      // a persona with a content notice waits for the trainee's Start
      const brief = await h.fake.waitFor(() => botMessages(h.fake, thread.id)[0]);
      const go = customIdsOf(brief).find((id) => id.startsWith('practice-start:go:'));
      if (go) h.fake.click(trainee, brief, go);
      // the brief, then the customer's opening line
      await h.fake.waitFor(() => botMessages(h.fake, thread.id)[1]);

      const sent: string[] = [];
      for (let turn = 0; turn < REPLIES_PER_PRACTICE; turn++) {
        const reply = replyText(practice.language, turn, counter++);
        const before = botMessages(h.fake, thread.id).length;
        h.fake.say(trainee, thread.id, reply);
        sent.push(reply);
        await waitForEmbeds(h.fake, thread.id, text.practice.feedbackTitle, sent.length);
        const session = await h.app.storage.sessions.findByChannel(thread.id);
        if (!session) throw new Error('no session for the thread');
        const check = checkExchange(fake, session, reply);
        // the customer's answer came before its feedback, unless the reply ended the practice without one
        if (check.voiceFellBack !== null) expect(botMessages(h.fake, thread.id).length).toBeGreaterThanOrEqual(before + 2);
        if (check.judgeFellBack) offlineGrades++;
        const feedback = embedMessages(h.fake, thread.id, text.practice.feedbackTitle).at(-1);
        const footer = feedback ? (embedsOf(feedback)[0]?.footer?.text ?? '') : '';
        expect(footer.includes(text.practice.offlineGrading), `offline marker for "${reply}"`).toBe(check.judgeFellBack);
        exchanges++;
        if (session.status === 'ended') break;
      }

      const session = await h.app.storage.sessions.findByChannel(thread.id);
      expect(session?.exchanges.map((exchange) => exchange.reply)).toEqual(sent);
      expect(embedMessages(h.fake, thread.id, text.practice.feedbackTitle)).toHaveLength(sent.length);
    }

    const summary = faultSummary(fake);
    console.info(
      `LLM faults via Discord (seed ${FAULT_SEED}): ${exchanges} exchanges, ${summary.requests} requests, ${summary.faults} faults ${JSON.stringify(summary.byKind)}; offline grades ${offlineGrades}`,
    );
  });
});
