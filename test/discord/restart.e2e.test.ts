import { describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { botMessages, contentOf, startPracticeToOpening, useHarness, waitForEmbeds } from './bot-harness.js';

const en = uiText('en');

describe('the bot across restarts and dropped connections', () => {
  const h = useHarness();

  it('continues an open practice thread after the process restarts', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    h.fake.say(trainee, thread.id, 'I am sorry, that sounds stressful. Let me look at your card.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);

    const identifiesBefore = h.fake.gateway.identifies;
    await h.restart();
    expect(h.fake.gateway.identifies).toBe(identifiesBefore + 1);

    h.fake.say(trainee, thread.id, 'I have lifted the block; you can pay the hotel again in a few minutes.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 2);
    const session = await h.app.storage.sessions.findByChannel(thread.id);
    expect(session?.exchanges).toHaveLength(2);
  });

  it('answers, after the restart, a reply that arrived just before the process died', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    // What the engine persists before grading; a crash right after leaves exactly this behind.
    const session = (await h.app.storage.sessions.findByChannel(thread.id))!;
    await h.app.storage.sessions.save({ ...session, pendingReply: { text: 'I understand, let me help you with the card.', at: new Date().toISOString() } });

    const bot = await h.restart();
    expect(bot.recovered).toBe(1);
    const notice = botMessages(h.fake, thread.id).find((m) => contentOf(m) === en.practice.recovered);
    expect(notice).toBeDefined();
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    const after = (await h.app.storage.sessions.findByChannel(thread.id))!;
    expect(after.pendingReply).toBeNull();
    expect(after.exchanges.map((e) => e.reply)).toEqual(['I understand, let me help you with the card.']);
  });

  it('answers after the restart a reply written while the bot was down (Discord does not replay it), once', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    h.fake.say(trainee, thread.id, 'I am sorry, that sounds really stressful.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    // Posted in Discord while no gateway session was there to deliver it.
    const missed = h.fake.say(trainee, thread.id, 'I understand, being stuck on the hotline that long is awful.', { dispatch: false });

    const bot = await h.restart();
    expect(bot.caughtUp).toMatchObject({ routed: 1, redelivered: 0 });
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 2);
    const session = (await h.app.storage.sessions.findByChannel(thread.id))!;
    expect(session.exchanges.map((e) => e.key)).toEqual([expect.any(String), String(missed.payload['id'])]);

    // A second restart reads the thread again and finds nothing new to answer.
    const again = await h.restart();
    expect(again.caughtUp).toMatchObject({ routed: 0, redelivered: 0 });
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.exchanges).toHaveLength(2);
  });

  it('resumes the gateway session after a dropped connection and keeps handling the thread', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });

    h.fake.dropConnection();
    // sent while the bot is away: Discord replays it on RESUME
    h.fake.say(trainee, thread.id, 'Sorry for the wait, I am checking your card right now.');
    await h.fake.waitFor(() => h.fake.gateway.resumes >= 1 || undefined, 10_000);
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    expect(h.fake.gateway.identifies).toBe(1);
  });
});
