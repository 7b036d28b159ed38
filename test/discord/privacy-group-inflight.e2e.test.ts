import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import KeyvSqlite from '@keyv/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/config.js';
import { GROUP_COLLECTION, GroupRecordSchema } from '../../src/discord/group/group-record.js';
import { groupText } from '../../src/discord/group/group-text.js';
import { startBot, type RunningBot } from '../../src/discord/start-bot.js';
import { createLogger } from '../../src/log/logger.js';
import { privacyText } from '../../src/privacy/privacy-text.js';
import { ALL_PERMISSIONS, createFakeDiscord, type FakeDiscord, type FakeMember, type StoredMessage } from '../support/fake-discord/index.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai/fake-openai-server.js';
import { botMessages, contentOf, customIdsOf, embedsOf, expectNothingPinged, waitForAnswer } from './bot-harness.js';

const text = groupText('en');
const privacy = privacyText('en');

/**
 * A fetch for the LLM client that holds judge requests while `hold` is on, so a test can act while
 * a reply is being graded and let the grade finish when it chooses (no timing).
 */
function gatedFetch() {
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  let entered: () => void = () => undefined;
  let holding: Promise<void> = Promise.resolve();
  return {
    /** from now on, judge requests wait; resolves once one is waiting */
    hold(): Promise<void> {
      gate = new Promise<void>((resolve) => (release = resolve));
      holding = new Promise<void>((resolve) => (entered = resolve));
      return holding;
    },
    release: () => {
      release();
    },
    fetch: (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      if (typeof init?.body === 'string' && init.body.includes('"fake-judge"')) {
        entered();
        await gate;
      }
      return fetch(input, init);
    }) as typeof fetch,
  };
}

/** A debug logger that resolves `seen(text)` once a line containing `text` was logged. */
function watchedLogger() {
  const lines: string[] = [];
  const watchers: Array<{ text: string; resolve: () => void }> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        for (const watcher of watchers) if (line.includes(watcher.text)) watcher.resolve();
      }
      done();
    },
  });
  return {
    log: createLogger({ level: 'debug', destination }),
    seen: (text: string) =>
      new Promise<void>((resolve) => {
        if (lines.some((line) => line.includes(text))) resolve();
        else watchers.push({ text, resolve });
      }),
  };
}

describe('/privacy delete while the member’s relay answer is being graded', () => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it('waits for the grade, then erases that answer too; the turn passes once, and the relay goes on', async () => {
    const llm: FakeOpenAi = await startFakeOpenAi();
    cleanup.push(() => llm.close());
    const dir = await mkdtemp(join(tmpdir(), 'counterpart-privacy-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
    const fake: FakeDiscord = await createFakeDiscord();
    cleanup.push(() => fake.close());
    const guild = fake.guild({ name: 'Practice Bank', channels: ['practice'] });
    const channel = fake.textChannel(guild);
    const admin = fake.member(guild, { username: 'admin', permissions: ALL_PERMISSIONS });
    const config = loadConfig({
      DISCORD_TOKEN: 'fake-token',
      LOG_LEVEL: 'debug',
      STORE_URL: storeUrl,
      OPENAI_BASE_URL: llm.baseURL,
      LLM_PERSONA_MODEL: 'fake-persona',
      LLM_JUDGE_MODEL: 'fake-judge',
    });
    const logged = watchedLogger();
    const gated = gatedFetch();
    const app: App = await createApp({ config, log: logged.log, storeUrl, random: () => 0, fetch: gated.fetch });
    cleanup.push(() => app.close());
    const bot: RunningBot = await startBot({ config, log: logged.log, app, client: { restApi: fake.restApi } });
    cleanup.push(async () => bot.stop());

    await waitForAnswer(fake, fake.slash(admin, 'session', { sub: 'relay', options: { persona: 'frustrated', language: 'en' } }));
    const card = await fake.waitFor(() => botMessages(fake, channel.id).find((m) => customIdsOf(m).some((id) => id.startsWith('group-join:'))));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    const annika = fake.member(guild, { username: 'annikaleaves' });
    const ben = fake.member(guild, { username: 'benstays' });
    for (const member of [annika, ben]) await waitForAnswer(fake, fake.click(member, card, `group-join:${groupId}`));
    const turns = (member: FakeMember) =>
      botMessages(fake, channel.id).filter((m: StoredMessage) => contentOf(m).endsWith(text.relay.yourTurn(member.user.username))).length;
    await waitForAnswer(fake, fake.click(admin, card, `group-next:${groupId}`));
    await fake.waitFor(() => turns(annika) >= 1 || undefined);

    // Annika answers; her grade is held while she asks for deletion.
    const held = gated.hold();
    fake.say(annika, channel.id, 'Annika-Secret-Inflight: I am so sorry about the hotel, let me unblock the card now.');
    await held;
    const prompt = await waitForAnswer(fake, fake.slash(annika, 'privacy', { sub: 'delete' }));
    fake.click(annika, prompt, `privacy:delete:${annika.user.id}`);
    await logged.seen('erasure waits for answers being graded');
    gated.release();

    const answer = await fake.waitFor(() => {
      const current = fake.message(String(prompt.payload['id']));
      return current && customIdsOf(current).length === 0 ? current : undefined;
    });
    expect(contentOf(answer)).toBe(privacy.deleted({ sessions: 0, open: 0, groupsLeft: 1, groupRecords: 1 }));
    // Her graded answer was shown (it was hers to see), then the turn passed to Ben exactly once.
    expect(turns(ben)).toBe(1);
    fake.say(ben, channel.id, 'Ben-Keeps-One: I understand, waiting that long is maddening, I will sort it out.');
    // Ben's answer is graded for everyone (whether the customer then goes on or is satisfied).
    await fake.waitFor(() => botMessages(fake, channel.id).find((m) => embedsOf(m)[0]?.title?.startsWith(`${ben.user.username}: `)));

    const [relaySession] = await app.storage.sessions.listByGroup(groupId);
    const stored = await app.storage.sessions.get(relaySession!.id);
    expect(stored?.exchanges.map((exchange) => exchange.reply.split(':')[0])).toEqual(['Ben-Keeps-One']);
    const record = JSON.stringify(await app.storage.collection(GROUP_COLLECTION, GroupRecordSchema).get(groupId));
    expect(record).toContain(ben.user.username);
    // Every record in the store, straight from the SQLite file.
    const db = new KeyvSqlite({ uri: storeUrl });
    const rows = (await db.query('SELECT key, value FROM keyv')) as Array<{ key: string; value: string }>;
    await db.disconnect();
    const traces = [annika.user.id, annika.user.username, 'Annika-Secret'];
    expect(rows.filter((row) => traces.some((trace) => `${row.key} ${row.value}`.includes(trace))).map((row) => row.key)).toEqual([]);
    expectNothingPinged(fake);
  });
});
