import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { botMessages, contentOf, startPracticeToOpening, useHarness, waitForAnswer, waitForEmbeds } from './bot-harness.js';

const en = uiText('en');

describe('how failures reach members', () => {
  const h = useHarness();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a store outage becomes "please retry, nothing was lost", ephemerally', async () => {
    const member = h.fake.member(h.guild);
    vi.spyOn(h.app.storage.sessions, 'listByUser').mockRejectedValue(new StoreUnavailableError('sqlite busy'));
    const answer = await waitForAnswer(h.fake, h.fake.slash(member, 'progress'));
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(en.errors.storeUnavailable);
  });

  it('an unexpected error becomes a generic line with a reference id, never its own message', async () => {
    const member = h.fake.member(h.guild);
    vi.spyOn(h.app.storage.sessions, 'listByUser').mockRejectedValue(new Error('internal detail: /var/secret path'));
    const answer = await waitForAnswer(h.fake, h.fake.slash(member, 'progress'));
    expect(contentOf(answer)).not.toContain('internal detail');
    const reference = /`([0-9a-f]{8})`/.exec(contentOf(answer))?.[1];
    expect(reference).toBeDefined();
    expect(contentOf(answer)).toBe(en.errors.generic(reference!));
  });

  it('a failing reply in a thread is answered in the thread, and the trainee can simply send it again', async () => {
    const trainee = h.fake.member(h.guild);
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    const reply = vi.spyOn(h.app.engine, 'replyOnce').mockRejectedValueOnce(new StoreUnavailableError('down'));
    h.fake.say(trainee, thread.id, 'I am sorry about the card, let me check.');
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m) === en.errors.storeUnavailable));
    reply.mockRestore();
    h.fake.say(trainee, thread.id, 'I am sorry about the card, let me check.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.exchanges).toHaveLength(1);
  });

  it('a store outage is not announced in threads members opened themselves: the bot does not even look them up', async () => {
    const trainee = h.fake.member(h.guild);
    const chatter = h.fake.member(h.guild, { username: 'chatter' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    const lookup = vi.spyOn(h.app.storage.sessions, 'findByChannel').mockRejectedValue(new StoreUnavailableError('down'));
    const own = h.fake.memberThread(chatter, h.channel);
    h.fake.say(chatter, own.id, 'Who is up for lunch?');
    // The practice thread's message comes after it; once that is answered, the first was handled.
    h.fake.say(trainee, thread.id, 'Let me check your card right away.');
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m) === en.errors.storeUnavailable));
    expect(lookup.mock.calls.map(([channelId]) => channelId)).not.toContain(own.id);
    expect(botMessages(h.fake, own.id)).toHaveLength(0);
  });
});
