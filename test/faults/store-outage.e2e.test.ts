import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { startBot, type RunningBot } from '../../src/discord/start-bot.js';
import { uiText } from '../../src/discord/ui-text.js';
import { REDIS_COMMAND_TIMEOUT_MS } from '../../src/storage/redis-adapter.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { ALL_PERMISSIONS, createFakeDiscord, type FakeChannel, type FakeDiscord, type FakeGuild, type FakeMember } from '../support/fake-discord/index.js';
import { botMessages, contentOf, customIdsOf, embedMessages, waitForAnswer, waitForEmbeds } from '../discord/bot-harness.js';
import { hasRedisServer, redisServer, type RedisServer } from '../support/redis-server.js';

/*
 * The real bot against the fake Discord, with its store in a real redis-server this test starts
 * and stops. Redis keeps its data in an append-only file (fsync per write) in a temp folder, so a
 * stop and start is a realistic short outage: the practice survives it, what was written is there.
 */

const en = uiText('en');
const hasRedis = hasRedisServer();
/** how long the bot may take to answer while the store is away: one bounded store call, plus slack for a busy CI machine */
const OUTAGE_ANSWER_MS = REDIS_COMMAND_TIMEOUT_MS + 5000;

/** polls a condition the fake Discord does not see change (its own waitFor re-checks on Discord traffic only) */
async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!hasRedis)('store outage: Redis stops and comes back while a practice runs', () => {
  let dir: string;
  let redis: RedisServer;
  let fake: FakeDiscord;
  let guild: FakeGuild;
  let app: App;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  let llm: FakeOpenAi | null = null;
  let running: { app: App; bot: RunningBot } | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-redis-'));
    // Append-only with fsync on every write: a killed server comes back with every session.
    redis = await redisServer({ dir, appendOnly: true });
    await redis.start();
    fake = await createFakeDiscord();
    guild = fake.guild({ name: 'Practice Bank', channels: ['practice'] });
    fake.member(guild, { username: 'admin', permissions: ALL_PERMISSIONS });
    unhandled.length = 0;
  });

  /** the real bot on the Redis store; `env` adds settings (an LLM endpoint) */
  async function launch(env: Record<string, string> = {}): Promise<void> {
    const config = loadConfig({ DISCORD_TOKEN: 'fake-token', LOG_LEVEL: 'silent', STORE_URL: redis.url, ...env });
    const log = pino({ level: 'silent' });
    const launchedApp = await createApp({ config, log, random: () => 0 });
    const launchedBot = await startBot({ config, log, app: launchedApp, client: { restApi: fake.restApi } });
    running = { app: launchedApp, bot: launchedBot };
    app = launchedApp;
  }

  afterEach(async () => {
    await running?.bot.stop();
    await running?.app.close();
    running = null;
    await llm?.close();
    llm = null;
    await fake.close();
    await redis.kill();
    await rm(dir, { recursive: true, force: true });
    expect(unhandled, 'unhandled rejections in the bot').toEqual([]);
    expect(fake.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  async function startPractice(member: FakeMember): Promise<FakeChannel> {
    const before = fake.threads().length;
    const interaction = fake.slash(member, 'practice', { sub: 'start', options: { persona: 'frustrated', language: 'en' } });
    await waitForAnswer(fake, interaction);
    const thread = fake.threads()[before];
    if (!thread) throw new Error('no practice thread');
    // brief and the customer's first line
    await fake.waitFor(() => botMessages(fake, thread.id)[1]);
    return thread;
  }

  /** polls the bot's own store until Redis answers again; returns how long the reconnect took */
  async function untilStoreAnswers(): Promise<number> {
    const started = performance.now();
    for (;;) {
      try {
        await app.storage.sessions.listOpen();
        return performance.now() - started;
      } catch {
        if (performance.now() - started > OUTAGE_ANSWER_MS) throw new Error('the store did not come back');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  }

  const retryMessages = (threadId: string) => botMessages(fake, threadId).filter((m) => contentOf(m) === en.errors.storeUnavailable);

  it('tells the trainee to send again while Redis is down, grades the resent reply once it is back, and loses nothing', async () => {
    await launch();
    const trainee = fake.member(guild, { username: 'trainee' });
    const thread = await startPractice(trainee);
    fake.say(trainee, thread.id, 'I am sorry, that sounds stressful. Let me look at your card.');
    const [firstFeedback] = await waitForEmbeds(fake, thread.id, en.practice.feedbackTitle, 1);
    if (!firstFeedback) throw new Error('no feedback');

    await redis.kill();
    const sentAt = performance.now();
    fake.say(trainee, thread.id, 'I have lifted the block; you can pay the hotel again in a few minutes.');
    await fake.waitFor(() => retryMessages(thread.id)[0], OUTAGE_ANSWER_MS);
    const detectionMs = performance.now() - sentAt;
    console.info(`store outage: the retry answer came ${detectionMs.toFixed(0)} ms after the message`);

    // A button and a slash command during the outage get the same answer.
    const hintId = customIdsOf(firstFeedback).find((id) => id.includes('hint'));
    if (!hintId) throw new Error('no hint button');
    const click = fake.click(trainee, firstFeedback, hintId);
    expect(contentOf(await waitForAnswer(fake, click))).toBe(en.errors.storeUnavailable);
    const list = fake.slash(trainee, 'transcripts');
    expect(contentOf(await waitForAnswer(fake, list))).toBe(en.errors.storeUnavailable);
    const practiceStart = fake.slash(trainee, 'practice', { sub: 'start', options: { persona: 'frustrated', language: 'en' } });
    expect(contentOf(await waitForAnswer(fake, practiceStart))).toBe(en.errors.storeUnavailable);

    // Nothing of the refused reply was graded or stored.
    expect(embedMessages(fake, thread.id, en.practice.feedbackTitle)).toHaveLength(1);

    await redis.start();
    // the client reconnects by itself, within one reconnect step
    const reconnectMs = await untilStoreAnswers();
    console.info(`store outage: the store answered again ${reconnectMs.toFixed(0)} ms after Redis was back`);
    fake.say(trainee, thread.id, 'I have lifted the block; you can pay the hotel again in a few minutes.');
    await waitForEmbeds(fake, thread.id, en.practice.feedbackTitle, 2);

    const session = await app.storage.sessions.findByChannel(thread.id);
    expect(session?.exchanges.map((exchange) => exchange.reply)).toEqual([
      'I am sorry, that sounds stressful. Let me look at your card.',
      'I have lifted the block; you can pay the hotel again in a few minutes.',
    ]);
    expect(session?.pendingReply).toBeNull();
    // every stored exchange was shown with its feedback, and every feedback shown is stored
    expect(embedMessages(fake, thread.id, en.practice.feedbackTitle)).toHaveLength(session?.exchanges.length ?? -1);
    expect(retryMessages(thread.id)).toHaveLength(1);
  });

  it('keeps answering after several outages in a row (the client never gives up reconnecting)', async () => {
    await launch();
    const trainee = fake.member(guild, { username: 'trainee' });
    const thread = await startPractice(trainee);
    const replies = ['I hear you, that is annoying.', 'Let me check the card for you now.'];
    for (const [i, reply] of replies.entries()) {
      await redis.kill();
      fake.say(trainee, thread.id, reply);
      await fake.waitFor(() => retryMessages(thread.id)[i], OUTAGE_ANSWER_MS);
      await redis.start();
      await untilStoreAnswers();
      fake.say(trainee, thread.id, reply);
      await waitForEmbeds(fake, thread.id, en.practice.feedbackTitle, i + 1);
    }
    const session = await app.storage.sessions.findByChannel(thread.id);
    expect(session?.exchanges.map((exchange) => exchange.reply)).toEqual(replies);
    expect(embedMessages(fake, thread.id, en.practice.feedbackTitle)).toHaveLength(replies.length);
  });

  it('Redis going away while a reply is being graded: the trainee is told to send it again, and the resent reply is graded once', async () => {
    // a judge and voice that take a while, so the store can fail between the saved reply and its exchange
    llm = await startFakeOpenAi();
    llm.setDefault({ kind: 'slow', delayMs: 1200 });
    await launch({ OPENAI_BASE_URL: llm.baseURL, LLM_PERSONA_MODEL: 'fake-persona', LLM_JUDGE_MODEL: 'fake-judge', LLM_TIMEOUT_MS: '10000' });
    const trainee = fake.member(guild, { username: 'trainee' });
    const thread = await startPractice(trainee);
    const reply = 'I am sorry, that sounds stressful. Let me look at your card.';
    fake.say(trainee, thread.id, reply);

    // the reply is persisted as pending before grading starts; then the store goes away
    await until(() => llm?.requests.some((request) => request.purpose === 'judge' && request.finishedAt === null) ?? false);
    const pending = await app.storage.sessions.findByChannel(thread.id);
    expect(pending?.pendingReply?.text).toBe(reply);
    await redis.kill();
    await fake.waitFor(() => retryMessages(thread.id)[0], OUTAGE_ANSWER_MS + 3000);
    expect(embedMessages(fake, thread.id, en.practice.feedbackTitle)).toHaveLength(0);

    await redis.start();
    await untilStoreAnswers();
    // the pending reply survived the outage (nothing lost), but nothing was answered
    const survived = await app.storage.sessions.findByChannel(thread.id);
    expect(survived?.pendingReply?.text).toBe(reply);
    expect(survived?.exchanges).toEqual([]);

    fake.say(trainee, thread.id, reply);
    await waitForEmbeds(fake, thread.id, en.practice.feedbackTitle, 1);
    const session = await app.storage.sessions.findByChannel(thread.id);
    expect(session?.exchanges.map((exchange) => exchange.reply)).toEqual([reply]);
    expect(session?.pendingReply).toBeNull();
    expect(session?.lines).toHaveLength(2);
    // the customer's line after the failed attempt was never posted, so only one after the resend
    const customerLines = botMessages(fake, thread.id).filter((m) => session?.lines.some((line) => contentOf(m).includes(line.text)));
    expect(customerLines).toHaveLength(2);
  });
});
