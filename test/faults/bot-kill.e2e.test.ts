import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupText } from '../../src/discord/group/group-text.js';
import { uiText } from '../../src/discord/ui-text.js';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { botMessages, contentOf, customIdsOf, embedsOf, expectNothingPinged, waitForAnswer } from '../discord/bot-harness.js';
import { ALL_PERMISSIONS, createFakeDiscord, type FakeDiscord, type FakeMember, type StoredMessage } from '../support/fake-discord/index.js';

const ui = uiText('en');
const text = groupText('en');
const root = resolve(import.meta.dirname, '../..');

/**
 * The bot as it runs in production — `node bin/counterpart.js bot`, its own process, SQLite store,
 * offline grader — against the fake Discord in this process. The process is killed with SIGKILL in
 * the middle of a group session (no shutdown code runs) and started again on the same store.
 */
describe('the bot process killed in the middle of a group session', () => {
  let fake: FakeDiscord;
  let dir: string;
  let storeUrl: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-kill-'));
    storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
    // A fresh process needs longer for its first interaction than Discord's three seconds on a busy machine.
    fake = await createFakeDiscord({ ackDeadlineMs: 15_000 });
    output = '';
  });
  afterEach(async (context) => {
    await stopBot('SIGKILL');
    // The bot's own log explains a failure that the fake alone cannot.
    if (context.task.result?.state === 'fail') process.stderr.write(`bot output (last 4000 chars):\n${output.slice(-4_000)}\n`);
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts the bot process and waits until it has identified on the gateway `identifies` times in all. */
  async function startBot(identifies: number): Promise<void> {
    const started = spawn(process.execPath, ['bin/counterpart.js', 'bot'], {
      cwd: root,
      // Only what the bot needs: no model endpoint, no token of the machine's environment.
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, DISCORD_TOKEN: 'fake', DISCORD_API_URL: fake.restApi, STORE_URL: storeUrl, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child = started;
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) => {
        reject(new Error(`the bot exited (${code}) before it was ready:\n${output}`));
      }),
    );
    await Promise.race([fake.waitFor(() => fake.gateway.identifies >= identifies && fake.gateway.connected, 15_000), exited]);
  }

  async function stopBot(signal: NodeJS.Signals): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((done) =>
      running.once('exit', () => {
        done();
      }),
    );
    running.kill(signal);
    await exited;
  }

  async function withStore<T>(work: (storage: Storage) => Promise<T>): Promise<T> {
    const storage = await openStorage({ url: storeUrl, log: pino({ level: 'silent' }) });
    try {
      return await work(storage);
    } finally {
      await storage.close();
    }
  }

  const isFeedback = (message: StoredMessage) =>
    message.via !== 'member' && embedsOf(message).some((embed) => embed.title?.startsWith(ui.practice.feedbackTitle));
  const feedbackIn = (threadId: string) => botMessages(fake, threadId).filter(isFeedback);

  /** The bot's feedback on `message`: the first feedback posted after it in its thread. */
  function feedbackAfter(message: StoredMessage, timeoutMs = 10_000): Promise<StoredMessage> {
    return fake.waitFor(() => {
      const all = fake.channelMessages(message.channelId);
      const from = all.findIndex((candidate) => candidate.payload['id'] === message.payload['id']);
      return all.slice(from + 1).find(isFeedback);
    }, timeoutMs);
  }

  it('keeps every answered exchange, answers what was received or sent while it was down exactly once, and the group carries on', async () => {
    const guild = fake.guild({ name: 'Practice Bank', channels: ['training'] });
    const channel = fake.textChannel(guild);
    const trainer = fake.member(guild, { username: 'tess', permissions: ALL_PERMISSIONS });
    const [ada, ben, cem, dan] = ['ada', 'ben', 'cem', 'dan'].map((name) => fake.member(guild, { username: name })) as [
      FakeMember,
      FakeMember,
      FakeMember,
      FakeMember,
    ];
    await startBot(1);

    await waitForAnswer(fake, fake.slash(trainer, 'session', { sub: 'start', options: { persona: 'frustrated', language: 'en' } }));
    const card = await fake.waitFor(() => botMessages(fake, channel.id).find((m) => customIdsOf(m).length > 0));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    const threadOf = new Map<FakeMember, string>();
    for (const trainee of [ada, ben, cem, dan]) {
      await waitForAnswer(fake, fake.click(trainee, card, `group-join:${groupId}`));
      const thread = fake.threads().find((candidate) => candidate.memberIds?.includes(trainee.user.id));
      if (!thread) throw new Error(`no thread for ${trainee.user.username}`);
      threadOf.set(trainee, thread.id);
      await fake.waitFor(() => botMessages(fake, thread.id).length >= 2);
    }
    const thread = (trainee: FakeMember) => threadOf.get(trainee) ?? '';

    // Answered before the kill.
    const ada1 = fake.say(ada, thread(ada), 'I am sorry, that sounds really stressful.');
    await feedbackAfter(ada1);
    // Graded and stored, but the process dies while it posts the answer.
    const stalled = fake.stallNext({ method: 'POST', path: new RegExp(`^/channels/${thread(ben)}/messages$`) });
    const ben1 = fake.say(ben, thread(ben), 'I understand, being stuck on the hotline that long is awful.');
    // Dan's customer line got through, his feedback did not.
    const halfPosted = fake.stallNext({
      method: 'POST',
      path: new RegExp(`^/channels/${thread(dan)}/messages$`),
      when: (request) => Array.isArray((request.body as { embeds?: unknown } | undefined)?.embeds),
    });
    const dan1 = fake.say(dan, thread(dan), 'I am sorry you were left waiting so long.');
    await Promise.all([stalled.arrived, halfPosted.arrived]);
    await stopBot('SIGKILL');

    // While the bot is down: Ada writes (Discord does not replay this to the next process), and
    // Cem's reply is what a process killed right after receiving it leaves behind (persisted, not graded).
    const ada2 = fake.say(ada, thread(ada), 'That must have been embarrassing at the reception, I am sorry.');
    const cem1 = fake.say(cem, thread(cem), 'I hear you, waiting that long is exhausting.');
    await withStore(async (storage) => {
      const listings = await storage.sessions.listByGroup(groupId);
      const adaSession = await storage.sessions.get(listings.find((l) => l.userId === ada.user.id)?.id ?? '');
      expect(adaSession?.exchanges.map((e) => e.reply)).toEqual(['I am sorry, that sounds really stressful.']);
      const cemSession = await storage.sessions.get(listings.find((l) => l.userId === cem.user.id)?.id ?? '');
      if (!cemSession) throw new Error('no session for cem');
      await storage.sessions.save({ ...cemSession, pendingReply: { text: contentOf(cem1), at: new Date().toISOString(), key: String(cem1.payload['id']) } });
    });

    await startBot(2);
    // Ben's answer from the transcript, Cem's pending reply graded, Ada's message from the downtime caught up.
    const benAnswer = await feedbackAfter(ben1);
    const cemAnswer = await feedbackAfter(cem1);
    await feedbackAfter(dan1);
    // Dan sees the customer's line once: only the missing feedback was posted.
    const customerLines = botMessages(fake, thread(dan)).filter((m) => contentOf(m).includes(':** '));
    expect(customerLines).toHaveLength(2);
    await feedbackAfter(ada2);
    const recoveredNotice = (threadId: string) => botMessages(fake, threadId).some((m) => contentOf(m) === ui.practice.recovered);
    expect(recoveredNotice(thread(ben))).toBe(true);
    expect(recoveredNotice(thread(cem))).toBe(true);
    expect(benAnswer).toBeDefined();
    expect(cemAnswer).toBeDefined();

    // The group carries on: further replies are graded; the board and the card count them.
    await feedbackAfter(fake.say(ada, thread(ada), 'I will stay with you until this is sorted.'));
    await feedbackAfter(fake.say(ben, thread(ben), 'You should not have had to wait like that, I am sorry.'));
    await waitForAnswer(fake, fake.slash(trainer, 'session', { sub: 'end' }));
    const board = await fake.waitFor(() => botMessages(fake, channel.id).find((m) => embedsOf(m)[0]?.title?.startsWith(text.board.title(''))));
    const ranked = (embedsOf(board)[0]?.description ?? '').split('\n');
    const counted = (lines: string[], trainee: FakeMember, replies: number) =>
      lines.some((line) => line.includes(trainee.user.username) && line.includes(`${replies} ${replies === 1 ? 'reply' : 'replies'}`));
    expect(counted(ranked, ada, 3) && counted(ranked, ben, 2)).toBe(true);
    const finalCard = await fake.waitFor(() => {
      const current = fake.message(String(card.payload['id']));
      return current && embedsOf(current)[0]?.footer?.text === text.card.statusEnded ? current : undefined;
    });
    const rows =
      embedsOf(finalCard)[0]
        ?.fields?.find((field) => field.name === text.card.participants(4))
        ?.value.split('\n') ?? [];
    expect(counted(rows, ada, 3) && counted(rows, ben, 2) && counted(rows, cem, 1) && counted(rows, dan, 1)).toBe(true);
    await stopBot('SIGTERM');

    // Exactly once: one feedback per stored exchange in every thread, and no message id twice.
    const transcripts = await withStore(async (storage) => {
      const listings = await storage.sessions.listByGroup(groupId);
      return Promise.all(listings.map(async (listing) => ({ userId: listing.userId, session: await storage.sessions.get(listing.id) })));
    });
    const repliesOf = (trainee: FakeMember) => transcripts.find((t) => t.userId === trainee.user.id)?.session?.exchanges.map((e) => e.reply);
    expect(repliesOf(ada)).toEqual([
      'I am sorry, that sounds really stressful.',
      'That must have been embarrassing at the reception, I am sorry.',
      'I will stay with you until this is sorted.',
    ]);
    expect(repliesOf(ben)).toEqual(['I understand, being stuck on the hotline that long is awful.', 'You should not have had to wait like that, I am sorry.']);
    expect(repliesOf(cem)).toEqual(['I hear you, waiting that long is exhausting.']);
    expect(repliesOf(dan)).toEqual(['I am sorry you were left waiting so long.']);
    for (const { userId, session } of transcripts) {
      const trainee = [ada, ben, cem, dan].find((candidate) => candidate.user.id === userId)!;
      expect(feedbackIn(thread(trainee)), `feedback in ${trainee.user.username}'s thread`).toHaveLength(session?.exchanges.length ?? -1);
      const keys = session?.exchanges.map((e) => e.key) ?? [];
      expect(new Set(keys).size).toBe(keys.length);
      expect(session?.pendingReply).toBeNull();
    }
    expectNothingPinged(fake);
    expect(fake.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  }, 60_000);
});
