import type { Client } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupText } from '../../src/discord/group/group-text.js';
import { uiText } from '../../src/discord/ui-text.js';
import type { FakeDiscord, StoredMessage } from '../support/fake-discord/index.js';
import {
  botMessages,
  customIdsOf,
  embedMessages,
  embedsOf,
  startHarness,
  startPracticeToOpening,
  useHarness,
  waitForAnswer,
  waitForEmbeds,
  type BotHarness,
} from '../discord/bot-harness.js';
import { useGroupHarness } from '../discord/group/group-harness.js';

const en = uiText('en');
const group = groupText('en');

/** The sequence number under which the gateway dispatched a member's message. */
function sequenceOf(fake: FakeDiscord, message: StoredMessage): number {
  const id = String(message.payload['id']);
  const event = fake.gateway.events.find((candidate) => candidate.t === 'MESSAGE_CREATE' && (candidate.d as { id?: string }).id === id);
  if (!event) throw new Error(`message ${id} was never dispatched`);
  return event.s;
}

// Empathy without a solution: the customer stays in the conversation, so every reply is graded.
/** Waits for the bot's feedback on `message` (the first feedback posted after it in the thread). */
async function feedbackAfter(fake: FakeDiscord, message: StoredMessage): Promise<StoredMessage> {
  return fake.waitFor(() => {
    const all = fake.channelMessages(message.channelId);
    const from = all.findIndex((candidate) => candidate.payload['id'] === message.payload['id']);
    return all
      .slice(from + 1)
      .find((candidate) => candidate.via !== 'member' && embedsOf(candidate).some((embed) => embed.title?.startsWith(en.practice.feedbackTitle)));
  });
}

/**
 * discord.js skips a MESSAGE_CREATE whose message it still has cached; a message that left the
 * cache (busy threads, a smaller cache, a thread fetched again) reaches the bot when redelivered.
 */
function forgetCachedMessages(client: Client, channelId: string): void {
  const channel = client.channels.cache.get(channelId);
  if (channel && 'messages' in channel) channel.messages.cache.clear();
}

const replies = [
  'I am sorry, that sounds really stressful.',
  'I understand, being stuck on the hotline that long is awful.',
  'That must have been embarrassing at the reception, I am sorry.',
];

describe('gateway drop: the bot resumes and answers every message exactly once', () => {
  const h = useHarness();

  it('resumes (no new IDENTIFY), answers the message sent during the drop, and stays silent on a redelivered one', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    const first = h.fake.say(trainee, thread.id, replies[0]!);
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);

    // Discord's record of what the client received lags: the resume replays the first message too.
    h.fake.gateway.replayOnNextResume(sequenceOf(h.fake, first));
    forgetCachedMessages(h.bot.client, thread.id);
    h.fake.dropConnection();
    const during = h.fake.say(trainee, thread.id, replies[1]!); // sent while the bot is away: replayed on RESUME
    await h.fake.waitFor(() => h.fake.gateway.resumes >= 1 || undefined);
    await feedbackAfter(h.fake, during);

    // Messages of a thread are handled in order: once the next one is answered, the replay was dealt with.
    await feedbackAfter(h.fake, h.fake.say(trainee, thread.id, replies[2]!));

    expect(h.fake.gateway.identifies).toBe(1);
    expect(embedMessages(h.fake, thread.id, en.practice.feedbackTitle)).toHaveLength(3);
    const session = (await h.app.storage.sessions.findByChannel(thread.id))!;
    expect(session.exchanges.map((exchange) => exchange.reply)).toEqual(replies);
    expect(new Set(session.exchanges.map((exchange) => exchange.key)).size).toBe(3);
    expect(session.exchanges[0]?.key).toBe(String(first.payload['id']));
  });

  it('after an invalid session the client identifies anew and keeps handling the thread', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    h.fake.say(trainee, thread.id, replies[0]!);
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);

    h.fake.gateway.invalidateSession();
    // discord.js waits up to 6.5 s between two IDENTIFYs (its identify throttle)
    await h.fake.waitFor(() => h.fake.gateway.identifies >= 2 && h.fake.gateway.connected, 15_000);
    h.fake.say(trainee, thread.id, replies[1]!);
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 2);

    expect(h.fake.gateway.invalidSessions).toBe(1);
    const session = (await h.app.storage.sessions.findByChannel(thread.id))!;
    expect(session.exchanges.map((exchange) => exchange.reply)).toEqual(replies.slice(0, 2));
  });
});

describe('gateway drop with the member rate limit nearly spent', () => {
  let h: BotHarness;
  beforeEach(async () => {
    // A burst of two and one reply a minute after it: nothing refills while the test runs.
    h = await startHarness({ env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_REPLIES_PER_MINUTE: '1' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('a redelivered message costs nothing and is never called "not graded"; the next new one is refused', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    const first = h.fake.say(trainee, thread.id, replies[0]!);
    await feedbackAfter(h.fake, first);
    await feedbackAfter(h.fake, h.fake.say(trainee, thread.id, replies[1]!));

    h.fake.gateway.replayOnNextResume(sequenceOf(h.fake, first));
    forgetCachedMessages(h.bot.client, thread.id);
    h.fake.dropConnection();
    await h.fake.waitFor(() => h.fake.gateway.resumes >= 1 && h.fake.gateway.connected);
    const third = h.fake.say(trainee, thread.id, replies[2]!);
    const refusalPrefix = en.rateLimit.replyRefused(1).slice(0, 20);
    const refusals = () => h.fake.outgoingMessages().filter(({ body }) => typeof body['content'] === 'string' && body['content'].startsWith(refusalPrefix));
    await h.fake.waitFor(() => refusals().length > 0 || undefined);
    // Thread messages are handled in order: a refusal of the redelivered message would come first.
    expect(refusals().map(({ body }) => (body['message_reference'] as { message_id?: string } | undefined)?.message_id)).toEqual([String(third.payload['id'])]);
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.exchanges.map((e) => e.reply)).toEqual(replies.slice(0, 2));
  });
});

describe('gateway drop in a group session', () => {
  const g = useGroupHarness({ cardEditIntervalMs: 200 });

  it('a trainee thread of a group answers each message once across a drop with a redelivered message, and the card counts each once', async () => {
    await waitForAnswer(g.fake, g.fake.slash(g.trainer, 'session', { sub: 'start', options: { persona: 'frustrated', language: 'en' } }));
    const card = await g.fake.waitFor(() => botMessages(g.fake, g.channel.id).find((m) => customIdsOf(m).length > 0));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    const trainee = g.trainee('ada');
    await waitForAnswer(g.fake, g.fake.click(trainee, card, `group-join:${groupId}`));
    const thread = g.fake.threads()[0]!;
    await g.fake.waitFor(() => botMessages(g.fake, thread.id).length >= 2);

    const first = g.fake.say(trainee, thread.id, replies[0]!);
    await feedbackAfter(g.fake, first);
    g.fake.gateway.replayOnNextResume(sequenceOf(g.fake, first));
    forgetCachedMessages(g.client, thread.id);
    g.fake.dropConnection();
    const during = g.fake.say(trainee, thread.id, replies[1]!);
    await g.fake.waitFor(() => g.fake.gateway.resumes >= 1 || undefined);
    await feedbackAfter(g.fake, during);
    await feedbackAfter(g.fake, g.fake.say(trainee, thread.id, replies[2]!));

    expect(g.fake.gateway.identifies).toBe(1);
    expect(embedMessages(g.fake, thread.id, en.practice.feedbackTitle)).toHaveLength(3);
    const [listing] = await g.app.storage.sessions.listByGroup(groupId);
    const session = await g.app.storage.sessions.get(listing!.id);
    expect(session?.exchanges.map((exchange) => exchange.reply)).toEqual(replies);
    await g.fake.waitFor(() =>
      embedsOf(g.fake.message(String(card.payload['id']))!)[0]?.fields?.some(
        (field) => field.name === group.card.participants(1) && field.value.includes('3 replies'),
      ),
    );
  });
});
