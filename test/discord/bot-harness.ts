import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, expect } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { startBot, type HandledInput, type RunningBot } from '../../src/discord/start-bot.js';
import {
  ALL_PERMISSIONS,
  createFakeDiscord,
  type FakeChannel,
  type FakeDiscord,
  type FakeGuild,
  type FakeInteraction,
  type FakeMember,
  type StoredMessage,
} from '../support/fake-discord/index.js';

/**
 * The real bot (discord.js client, routers, engine, offline grader, scripted personas, SQLite
 * store in a temp folder) against the fake Discord. `restart()` stops the client and the app and
 * starts both again on the same store and the same fake, as a process restart would.
 */
export interface BotHarness {
  readonly fake: FakeDiscord;
  readonly guild: FakeGuild;
  readonly channel: FakeChannel;
  readonly admin: FakeMember;
  readonly config: AppConfig;
  /** what the bot is done with, across restarts */
  readonly handled: HandledInputs;
  bot: RunningBot;
  app: App;
  restart(): Promise<RunningBot>;
  close(): Promise<void>;
}

/** What a harness starts with: extra environment for `loadConfig`, and the server's locale. */
interface HarnessOptions {
  env?: Record<string, string>;
  guildLocale?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-discord-'));
  const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
  const fake = await createFakeDiscord();
  const guild = fake.guild({ name: 'Practice Bank', channels: ['practice', 'general'], ...(options.guildLocale ? { locale: options.guildLocale } : {}) });
  const admin = fake.member(guild, { username: 'admin', permissions: ALL_PERMISSIONS });
  const config = loadConfig({ DISCORD_TOKEN: 'fake-token', LOG_LEVEL: 'silent', STORE_URL: storeUrl, ...options.env });
  const log = pino({ level: 'silent' });
  const handled = trackHandled();

  const launch = async () => {
    // The first scripted line variant every time, so tests can rely on what the customer says.
    const app = await createApp({ config, log, storeUrl, random: () => 0 });
    const bot = await startBot({ config, log, app, client: { restApi: fake.restApi }, onHandled: handled.record });
    return { app, bot };
  };
  let running = await launch();

  const harness: BotHarness = {
    fake,
    guild,
    channel: fake.textChannel(guild),
    admin,
    config,
    handled,
    bot: running.bot,
    app: running.app,
    async restart() {
      await running.bot.stop();
      await running.app.close();
      running = await launch();
      harness.bot = running.bot;
      harness.app = running.app;
      return running.bot;
    },
    /** Shuts everything down; fails when the bot called a Discord route the fake does not know. */
    async close() {
      await running.bot.stop();
      await running.app.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
      const unknown = fake.unexpected.map((r) => `${r.method} ${r.path}`);
      if (unknown.length > 0) throw new Error(`the bot called routes the fake does not know: ${unknown.join(', ')}`);
    },
  };
  return harness;
}

/**
 * What the bot is done with: each message and interaction whose router has returned (see
 * `onHandled` of `startBot`). A test that checks something did NOT happen waits here first, for
 * the input under test or a later one it cannot be handled before (the messages of one thread are
 * handled one after another), instead of sleeping and hoping the bot got that far.
 */
export interface HandledInputs {
  /** pass as `startBot`'s `onHandled` */
  readonly record: (handled: HandledInput) => void;
  /** resolves once the bot is done with this member message (from `fake.say`) */
  message(message: StoredMessage): Promise<void>;
  /** resolves once the bot is done with this interaction */
  interaction(interaction: FakeInteraction): Promise<void>;
}

export function trackHandled(timeoutMs = 10_000): HandledInputs {
  const done = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  const until = (key: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (done.has(key)) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        reject(new Error(`the bot was not done with ${key} after ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(key, [
        ...(waiting.get(key) ?? []),
        () => {
          clearTimeout(timer);
          resolve();
        },
      ]);
    });
  return {
    record({ kind, id }) {
      const key = `${kind} ${id}`;
      done.add(key);
      for (const wake of waiting.get(key) ?? []) wake();
      waiting.delete(key);
    },
    message: (message) => until(`message ${String(message.payload['id'])}`),
    interaction: (interaction) => until(`interaction ${interaction.id}`),
  };
}

/**
 * A fresh harness for every test of the enclosing `describe`: started before each test, and after
 * each one checked — nothing pinged (see {@link expectNothingPinged}), no route the fake does not
 * know — and closed, also when the test or the check failed, so a failing test leaves no bot, port
 * or temp folder behind.
 *
 * The returned object stands for the harness of the running test, so a test body writes `h.fake`,
 * `h.app`, `h.restart()` as with {@link startHarness}; read it only inside tests and hooks. Hooks a
 * file registers after this call run after the start, and before the check and the close (vitest
 * runs `afterEach` hooks in reverse order).
 */
export function useHarness(options: HarnessOptions = {}): BotHarness {
  return useForEachTest(() => startHarness(options));
}

/** What {@link useForEachTest} runs: a bot against a fake Discord, and a way to shut both down. */
interface TestBot {
  readonly fake: FakeDiscord;
  close(): Promise<void>;
}

/** {@link useHarness} for any kind of harness: `start` makes a fresh one for each test. */
export function useForEachTest<T extends TestBot>(start: () => Promise<T>): T {
  let current: T | undefined;
  beforeEach(async () => {
    current = await start();
  });
  afterEach(async () => {
    const running = current;
    current = undefined;
    if (!running) return; // the start failed, and that already failed the test
    try {
      expectNothingPinged(running.fake);
      expect(
        running.fake.unexpected.map((r) => `${r.method} ${r.path}`),
        'routes the fake does not know',
      ).toEqual([]);
    } finally {
      await running.close();
    }
  });
  const live = (): T => {
    if (!current) throw new Error('the harness exists only while a test runs (it is started before each test)');
    return current;
  };
  // Every property read goes to the harness of the running test (a restart replaces its `bot` and `app`).
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(live(), key) });
}

// ------------------------------------------------------------------ reading what the bot posted

export type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } };

export function embedsOf(message: StoredMessage): Embed[] {
  return (message.payload['embeds'] as Embed[] | undefined) ?? [];
}

export function contentOf(message: StoredMessage): string {
  const content = message.payload['content'];
  return typeof content === 'string' ? content : '';
}

export function customIdsOf(message: StoredMessage): string[] {
  const rows = (message.payload['components'] as Array<{ components: Array<{ custom_id?: string }> }> | undefined) ?? [];
  return rows.flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

export function botMessages(fake: FakeDiscord, channelId: string): StoredMessage[] {
  return fake.channelMessages(channelId).filter((m) => m.via !== 'member');
}

/** Bot messages in a thread carrying an embed whose title starts with `prefix`. */
export function embedMessages(fake: FakeDiscord, channelId: string, prefix: string): StoredMessage[] {
  return botMessages(fake, channelId).filter((m) => embedsOf(m).some((e) => e.title?.startsWith(prefix)));
}

export async function waitForEmbeds(fake: FakeDiscord, channelId: string, prefix: string, count: number): Promise<StoredMessage[]> {
  return fake.waitFor(() => {
    const found = embedMessages(fake, channelId, prefix);
    return found.length >= count ? found : undefined;
  });
}

/** The reply the member sees for an interaction once the bot has finished it (deferred replies edited). */
export async function waitForAnswer(fake: FakeDiscord, interaction: Parameters<FakeDiscord['original']>[0]): Promise<StoredMessage> {
  return fake.waitFor(() => {
    const original = fake.original(interaction);
    const loading = original && (Number(original.payload['flags'] ?? 0) & (1 << 7)) !== 0;
    if (original && !loading && (contentOf(original) || embedsOf(original).length > 0)) return original;
    return fake.followups(interaction)[0];
  });
}

/** The options of `/practice start`. */
type PracticeOptions = { persona: string; language?: 'de' | 'en'; intensity?: string };

/** Starts a solo practice and waits for the bot's answer to the command and the new thread. */
export async function startPractice(h: BotHarness, member: FakeMember, options: PracticeOptions): Promise<{ thread: FakeChannel; reply: StoredMessage }> {
  const before = h.fake.threads().length;
  const interaction = h.fake.slash(member, 'practice', {
    sub: 'start',
    options: {
      persona: options.persona,
      ...(options.language ? { language: options.language } : {}),
      ...(options.intensity ? { intensity: options.intensity } : {}),
    },
  });
  const reply = await waitForAnswer(h.fake, interaction);
  const thread = h.fake.threads()[before];
  if (!thread) throw new Error(`no thread was created; the bot answered: ${contentOf(reply)}`);
  return { thread, reply };
}

/**
 * Starts a solo practice and waits until the customer's opening line follows the brief in the new
 * thread — the point where a trainee can reply. Not for personas with a content notice: their
 * opening waits for the trainee's Start.
 */
export async function startPracticeToOpening(
  h: BotHarness,
  member: FakeMember,
  options: PracticeOptions,
): Promise<{ thread: FakeChannel; reply: StoredMessage; opening: StoredMessage }> {
  const { thread, reply } = await startPractice(h, member, options);
  const opening = await h.fake.waitFor(() => botMessages(h.fake, thread.id)[1]);
  return { thread, reply, opening };
}

/** Every message the bot sent or edited must ping no one. */
export function expectNothingPinged(fake: FakeDiscord): void {
  const outgoing = fake.outgoingMessages();
  for (const { path, body } of outgoing) {
    expect(body['allowed_mentions'], `allowed_mentions on ${path}`).toEqual({ parse: [], replied_user: false });
  }
}
