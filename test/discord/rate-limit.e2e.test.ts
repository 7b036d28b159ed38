import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import type { FakeMember } from '../support/fake-discord/index.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import {
  botMessages,
  contentOf,
  customIdsOf,
  embedMessages,
  startHarness,
  startPracticeToOpening,
  waitForAnswer,
  waitForEmbeds,
  type BotHarness,
} from './bot-harness.js';

const en = uiText('en');
const BURST = 2;

/**
 * The real bot with an LLM endpoint (the fake OpenAI server), limits small enough to reach: a
 * burst of three and one reply a minute after it, so nothing refills while the test runs.
 */
describe('member rate limit over Discord', () => {
  let h: BotHarness;
  let llm: FakeOpenAi;
  let flooder: FakeMember;
  let colleague: FakeMember;

  beforeAll(async () => {
    llm = await startFakeOpenAi();
    h = await startHarness({
      env: {
        OPENAI_BASE_URL: llm.baseURL,
        LLM_PERSONA_MODEL: 'fake-persona',
        LLM_JUDGE_MODEL: 'fake-judge',
        RATE_LIMIT_REPLIES_PER_MINUTE: '1',
        RATE_LIMIT_COMMANDS_PER_MINUTE: '1',
        RATE_LIMIT_BURST: String(BURST),
        RATE_LIMIT_COMMANDS_BURST: String(BURST),
      },
    });
    flooder = h.fake.member(h.guild, { username: 'flooder' });
    colleague = h.fake.member(h.guild, { username: 'colleague' });
  });
  afterAll(async () => {
    await h.close();
    await llm.close();
  });

  it('grades the first replies of a flood, refuses the rest once with a clear message, and spends no model call on them', async () => {
    const { thread } = await startPracticeToOpening(h, flooder, { persona: 'frustrated', language: 'en' });
    const replies = Array.from({ length: 10 }, (_, i) => `Flood reply number ${i + 1}: I understand, let me check your card now.`);
    const flood = replies.map((reply) => h.fake.say(flooder, thread.id, reply));

    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, BURST);
    const refusal = await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m).includes('not** graded')));
    const seconds = Number(/again in (\d+) second/.exec(contentOf(refusal))?.[1]);
    // one reply a minute: the next is due within a minute
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(contentOf(refusal)).toBe(en.rateLimit.replyRefused(seconds));
    // sent as a reply to the trainee's message, pinging nobody
    const sent = h.fake.outgoingMessages().find((m) => m.body['content'] === contentOf(refusal));
    expect(sent?.body['message_reference']).toBeDefined();
    expect(sent?.body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    // A thread's messages are handled one after another: done with the last, the bot is done with
    // them all, and whatever it was going to say about the refused ones it has said.
    await h.handled.message(flood.at(-1)!);

    expect(embedMessages(h.fake, thread.id, en.practice.feedbackTitle)).toHaveLength(BURST);
    // one refusal for the whole flood, not one per message
    expect(botMessages(h.fake, thread.id).filter((m) => contentOf(m).includes('not** graded'))).toHaveLength(1);

    const session = await h.app.storage.sessions.findByChannel(thread.id);
    const graded = session!.exchanges.map((exchange) => exchange.reply);
    expect(graded).toHaveLength(BURST);
    const refused = replies.filter((reply) => !graded.includes(reply));
    expect(refused).toHaveLength(replies.length - BURST);
    const toModel = llm.requests.map((request) => JSON.stringify(request.body.messages));
    for (const reply of refused) expect(toModel.some((body) => body.includes(reply))).toBe(false);
    for (const reply of graded) expect(toModel.some((body) => body.includes(reply))).toBe(true);
  });

  it('leaves other members unaffected while one is refused', async () => {
    const { thread } = await startPracticeToOpening(h, colleague, { persona: 'frustrated', language: 'en' });
    h.fake.say(colleague, thread.id, 'I am sorry about the card, let me look at it right away.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    const session = await h.app.storage.sessions.findByChannel(thread.id);
    expect(session!.exchanges).toHaveLength(1);
  });

  it('refuses a Hint press of the flooder ephemerally, and lets nobody else see it', async () => {
    const thread = h.fake.threads()[0]!;
    // the first feedback still carries its buttons (the session ended with the second reply)
    const feedback = embedMessages(h.fake, thread.id, en.practice.feedbackTitle).find((m) => customIdsOf(m).length > 0)!;
    const hint = customIdsOf(feedback).find((id) => id.startsWith('practice:hint:'))!;
    expect(hint).toBeDefined();
    const click = h.fake.click(flooder, feedback, hint);
    const answer = await waitForAnswer(h.fake, click);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toMatch(/^Too many requests in a short time, so nothing was done\. Please try again in \d+ seconds?\.$/);
  });

  it('limits a trainee flooding their thread of a group session the same way', async () => {
    const card = await (async () => {
      await waitForAnswer(h.fake, h.fake.slash(h.admin, 'session', { sub: 'start', options: { persona: 'frustrated', language: 'en' } }));
      return h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => customIdsOf(m).some((id) => id.startsWith('group-join:'))));
    })();
    const member = h.fake.member(h.guild, { username: 'groupie' });
    const joined = await waitForAnswer(
      h.fake,
      h.fake.click(
        member,
        card,
        customIdsOf(card).find((id) => id.startsWith('group-join:'))!,
      ),
    );
    const threadId = /<#(\d+)>/.exec(contentOf(joined))![1]!;
    await h.fake.waitFor(() => botMessages(h.fake, threadId).length >= 2);
    const replies = Array.from({ length: 6 }, (_, i) => `Group flood ${i + 1}: I am sorry, let me check your card now.`);
    const flood = replies.map((reply) => h.fake.say(member, threadId, reply));
    await waitForEmbeds(h.fake, threadId, en.practice.feedbackTitle, BURST);
    await h.fake.waitFor(() => botMessages(h.fake, threadId).find((m) => contentOf(m).includes('not** graded')));
    // done with the last message of the thread, the bot is done with every one before it
    await h.handled.message(flood.at(-1)!);
    const session = await h.app.storage.sessions.findByChannel(threadId);
    expect(session!.groupId).not.toBeNull();
    expect(session!.exchanges).toHaveLength(BURST);
    expect(botMessages(h.fake, threadId).filter((m) => contentOf(m).includes('not** graded'))).toHaveLength(1);
  });

  it('refuses expensive commands past the burst with an ephemeral answer, and does nothing for them', async () => {
    const member = h.fake.member(h.guild, { username: 'reporter' });
    const answers = [];
    for (let i = 0; i < BURST + 1; i++) answers.push(await waitForAnswer(h.fake, h.fake.slash(member, 'progress')));
    expect(answers.slice(0, BURST).every((answer) => answer.ephemeral && !contentOf(answer).startsWith('Too many'))).toBe(true);
    const refused = answers[BURST]!;
    expect(refused.ephemeral).toBe(true);
    expect(contentOf(refused)).toMatch(/^Too many requests/);
    expect(refused.payload['embeds'] ?? []).toEqual([]);
    // cheap commands are never counted
    const personas = await waitForAnswer(h.fake, h.fake.slash(member, 'personas'));
    expect(contentOf(personas)).not.toMatch(/^Too many/);
  });
});
