import { describe, expect, it } from 'vitest';
import KeyvSqlite from '@keyv/sqlite';
import { groupText } from '../../src/discord/group/group-text.js';
import { uiText } from '../../src/discord/ui-text.js';
import { privacyText } from '../../src/privacy/privacy-text.js';
import type { FakeMember, StoredMessage } from '../support/fake-discord/index.js';
import { botMessages, contentOf, customIdsOf, embedsOf, startPracticeToOpening, useHarness, waitForAnswer, waitForEmbeds } from './bot-harness.js';

const text = groupText('en');
const privacy = privacyText('en');

/**
 * A member asks for their data to be deleted while a trainer's group session is running: they leave
 * it, the others go on, and from then on nothing of their name or answers is in any stored record —
 * also once the group has ended and after the bot restarted.
 */
describe('/privacy delete during a running group session (fake Discord, real bot and store)', () => {
  const h = useHarness();

  /** Every record in the store, as `key value` lines, read straight from the SQLite file. */
  async function storedRecords(): Promise<string[]> {
    const file = h.config.STORE_URL.replace(/^sqlite:\/\//, '');
    const db = new KeyvSqlite({ uri: `sqlite://${file}` });
    try {
      const rows = (await db.query('SELECT key, value FROM keyv')) as Array<{ key: string; value: string }>;
      return rows.map((row) => `${row.key} ${row.value}`);
    } finally {
      await db.disconnect();
    }
  }

  /** The records mentioning any of `needles` (case-insensitive). */
  async function recordsMentioning(needles: readonly string[]): Promise<string[]> {
    const lowered = needles.map((needle) => needle.toLowerCase());
    return (await storedRecords()).filter((record) => lowered.some((needle) => record.toLowerCase().includes(needle)));
  }

  async function startGroup(sub: 'start' | 'scenario' | 'relay'): Promise<{ card: StoredMessage; groupId: string }> {
    await waitForAnswer(h.fake, h.fake.slash(h.admin, 'session', { sub, options: { persona: 'frustrated', language: 'en' } }));
    const card = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => customIdsOf(m).some((id) => id.startsWith('group-join:'))));
    return { card, groupId: customIdsOf(card)[0]?.split(':')[1] ?? '' };
  }

  const threadOf = (member: FakeMember) => h.fake.threads().find((thread) => thread.memberIds?.includes(member.user.id));
  const titled = (channelId: string, title: string) => botMessages(h.fake, channelId).filter((m) => embedsOf(m).some((e) => e.title === title));
  const waitTitled = (channelId: string, title: string) =>
    h.fake.waitFor(() => {
      const found = titled(channelId, title);
      return found.length > 0 ? found : undefined;
    });

  /** `/privacy delete`, confirmed; resolves with the answer once the deletion is done. */
  async function deleteOwnData(member: FakeMember, expected: string): Promise<StoredMessage> {
    const prompt = await waitForAnswer(h.fake, h.fake.slash(member, 'privacy', { sub: 'delete' }));
    expect(prompt.ephemeral).toBe(true);
    h.fake.click(member, prompt, `privacy:delete:${member.user.id}`);
    return h.fake.waitFor(() => {
      const answer = h.fake.message(String(prompt.payload['id']));
      return answer && contentOf(answer) === expected ? answer : undefined;
    });
  }

  it('shared scenario: the member leaves mid-round, the round and the group go on for the others, and nothing of the member is stored, after the end and a restart', async () => {
    const { card, groupId } = await startGroup('scenario');
    const annika = h.fake.member(h.guild, { username: 'annikaleaves' });
    const ben = h.fake.member(h.guild, { username: 'benstays' });
    for (const member of [annika, ben]) await waitForAnswer(h.fake, h.fake.click(member, card, `group-join:${groupId}`));
    const annikaThread = threadOf(annika)!;
    const benThread = threadOf(ben)!;

    // Round 1: both answer; round 2: only Ben has answered when Annika asks for deletion.
    await waitForAnswer(h.fake, h.fake.click(h.admin, card, `group-next:${groupId}`));
    await waitTitled(annikaThread.id, text.scenario.roundTitle(1));
    h.fake.say(annika, annikaThread.id, 'Annika-Secret-One: I am so sorry the card was blocked abroad, let me sort it out now.');
    h.fake.say(ben, benThread.id, 'Ben-Keeps-One: I understand how stressful that is, I will unblock the card right away.');
    await waitTitled(h.channel.id, text.scenario.answersTitle(1));
    await waitForAnswer(h.fake, h.fake.click(h.admin, card, `group-next:${groupId}`));
    await waitTitled(benThread.id, text.scenario.roundTitle(2));
    h.fake.say(ben, benThread.id, 'Ben-Keeps-Two: That sounds really frustrating, I will take care of it for you.');
    await h.fake.waitFor(() => botMessages(h.fake, benThread.id).filter((m) => contentOf(m) === text.scenario.received).length >= 2 || undefined);
    expect(await recordsMentioning(['Annika-Secret-One', annika.user.username])).not.toEqual([]);

    const running = (await h.app.storage.sessions.listByUser(h.guild.id, annika.user.id)).filter((row) => row.status !== 'ended').length;
    const answer = await deleteOwnData(annika, privacy.deleted({ sessions: 1, open: running, groupsLeft: 1, groupRecords: 1 }));
    expect(answer.ephemeral).toBe(true);

    // Annika's thread is closed with a word why; round 2 no longer waits for her and closes with Ben's answer.
    await h.fake.waitFor(() => (contentOf(botMessages(h.fake, annikaThread.id).at(-1)!) === text.leave.threadClosed ? true : undefined));
    await h.fake.waitFor(() => (h.fake.channel(annikaThread.id)?.thread_metadata?.archived ? true : undefined));
    const [board2] = await waitTitled(h.channel.id, text.scenario.answersTitle(2));
    expect(embedsOf(board2!)[0]?.fields?.map((field) => field.name.split(' — ')[0])).toEqual([ben.user.username]);
    // A message in her old thread is no longer taken by anything.
    h.fake.say(annika, annikaThread.id, 'Annika-Secret-Late: one more thing');

    // The trainer ends the group: the results rank Ben alone.
    await waitForAnswer(h.fake, h.fake.slash(h.admin, 'session', { sub: 'end' }));
    const persona = h.app.personas.require('frustrated');
    const [results] = await waitTitled(h.channel.id, text.board.title(persona.names.en));
    const ranked = (embedsOf(results!)[0]?.description ?? '').split('\n').filter((line) => /^\*\*\d+\.\*\*/.test(line));
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toContain(ben.user.username);

    const annikaTraces = [annika.user.username, 'Annika-Secret', annika.user.id];
    expect(await recordsMentioning(annikaTraces)).toEqual([]);
    expect(await recordsMentioning(['Ben-Keeps-One'])).not.toEqual([]);
    expect(await recordsMentioning(['Ben-Keeps-Two'])).not.toEqual([]);

    await h.restart();
    await h.fake.waitFor(() => (h.bot.client.isReady() ? true : undefined));
    expect(await recordsMentioning(annikaTraces)).toEqual([]);
    const shown = await waitForAnswer(h.fake, h.fake.slash(annika, 'privacy', { sub: 'show' }));
    expect(embedsOf(shown)[0]?.description).toContain(privacy.nothing);
  });

  it('relay: the member leaves on their turn, the turn passes on, their answers leave the group’s relay session, the relay goes on', async () => {
    const { card, groupId } = await startGroup('relay');
    const annika = h.fake.member(h.guild, { username: 'annikaleaves' });
    const ben = h.fake.member(h.guild, { username: 'benstays' });
    for (const member of [annika, ben]) await waitForAnswer(h.fake, h.fake.click(member, card, `group-join:${groupId}`));
    const turnOf = (member: FakeMember) => (m: StoredMessage) => contentOf(m).endsWith(text.relay.yourTurn(member.user.username));
    const turns = (member: FakeMember) => botMessages(h.fake, h.channel.id).filter(turnOf(member)).length;

    await waitForAnswer(h.fake, h.fake.click(h.admin, card, `group-next:${groupId}`));
    await h.fake.waitFor(() => turns(annika) >= 1 || undefined);
    h.fake.say(annika, h.channel.id, 'Annika-Secret-One: I am so sorry about the hotel, that must have been embarrassing.');
    await h.fake.waitFor(() => turns(ben) >= 1 || undefined);
    h.fake.say(ben, h.channel.id, 'Ben-Keeps-One: I understand, waiting that long is maddening and you have every right to be angry.');
    await h.fake.waitFor(() => turns(annika) >= 2 || undefined);
    expect(await recordsMentioning(['Annika-Secret-One'])).not.toEqual([]);

    // She has no session of her own, only her place and answers in the group: /privacy show says so.
    const before = await waitForAnswer(h.fake, h.fake.slash(annika, 'privacy', { sub: 'show' }));
    expect(embedsOf(before)[0]?.description).toContain(privacy.groupRecords(1));
    expect(embedsOf(before)[0]?.description).not.toContain(privacy.nothing);

    // It is Annika's turn when she has her data deleted.
    await deleteOwnData(annika, privacy.deleted({ sessions: 0, open: 0, groupsLeft: 1, groupRecords: 1 }));
    await h.fake.waitFor(() =>
      botMessages(h.fake, h.channel.id).find((m) => contentOf(m) === `${text.leave.relayLeft}\n${text.relay.yourTurn(ben.user.username)}`),
    );
    h.fake.say(annika, h.channel.id, 'Annika-Secret-Late: can I still answer?');
    h.fake.say(ben, h.channel.id, 'Ben-Keeps-Two: Let me unblock the card for you right now and send a confirmation.');
    // Ben's answer is graded for everyone (whether the customer then goes on or is satisfied).
    const graded = (member: FakeMember) => botMessages(h.fake, h.channel.id).filter((m) => embedsOf(m)[0]?.title?.startsWith(`${member.user.username}: `));
    await h.fake.waitFor(() => graded(ben).length >= 2 || undefined);
    expect(graded(annika)).toHaveLength(1);

    await waitForAnswer(h.fake, h.fake.slash(h.admin, 'session', { sub: 'end' }));
    const persona = h.app.personas.require('frustrated');
    await waitTitled(h.channel.id, text.board.title(persona.names.en));
    const [relaySession] = await h.app.storage.sessions.listByGroup(groupId);
    const stored = await h.app.storage.sessions.get(relaySession!.id);
    expect(stored?.exchanges.map((exchange) => exchange.reply.split(':')[0])).toEqual(['Ben-Keeps-One', 'Ben-Keeps-Two']);

    const annikaTraces = [annika.user.username, 'Annika-Secret', annika.user.id];
    expect(await recordsMentioning(annikaTraces)).toEqual([]);
    await h.restart();
    await h.fake.waitFor(() => (h.bot.client.isReady() ? true : undefined));
    expect(await recordsMentioning(annikaTraces)).toEqual([]);
    expect(await recordsMentioning(['Ben-Keeps-Two'])).not.toEqual([]);
    const after = await waitForAnswer(h.fake, h.fake.slash(annika, 'privacy', { sub: 'show' }));
    expect(embedsOf(after)[0]?.description).toContain(privacy.nothing);
  });

  it('ended group (each in their own thread): a later deletion erases the member from the group record and leaves the others’ results', async () => {
    const { card, groupId } = await startGroup('start');
    const annika = h.fake.member(h.guild, { username: 'annikaleaves' });
    const ben = h.fake.member(h.guild, { username: 'benstays' });
    for (const member of [annika, ben]) await waitForAnswer(h.fake, h.fake.click(member, card, `group-join:${groupId}`));
    const feedback = (member: FakeMember) =>
      botMessages(h.fake, threadOf(member)!.id).filter((m) => embedsOf(m).some((e) => e.title?.startsWith(uiText('en').practice.feedbackTitle)));
    for (const [member, reply] of [
      [annika, 'Annika-Secret-One: I am so sorry the card was blocked, let me fix it right now.'],
      [ben, 'Ben-Keeps-One: I understand how stressful that is abroad, I will unblock it now.'],
    ] as const) {
      await h.fake.waitFor(() => botMessages(h.fake, threadOf(member)!.id).length >= 2 || undefined);
      h.fake.say(member, threadOf(member)!.id, reply);
      await h.fake.waitFor(() => feedback(member).length >= 1 || undefined);
    }
    await waitForAnswer(h.fake, h.fake.slash(h.admin, 'session', { sub: 'end' }));
    const persona = h.app.personas.require('frustrated');
    await waitTitled(h.channel.id, text.board.title(persona.names.en));
    expect(await recordsMentioning(['Annika-Secret-One', annika.user.username])).not.toEqual([]);

    await deleteOwnData(annika, privacy.deleted({ sessions: 1, open: 0, groupsLeft: 0, groupRecords: 1 }));
    expect(await recordsMentioning([annika.user.username, 'Annika-Secret', annika.user.id])).toEqual([]);
    expect(await recordsMentioning([ben.user.username])).not.toEqual([]);
    expect(await recordsMentioning(['Ben-Keeps-One'])).not.toEqual([]);
    expect((await h.app.storage.sessions.listByGroup(groupId)).map((row) => row.userId)).toEqual([ben.user.id]);
  });

  it('a solo practice still running: it ends, its thread closes with a note, and the session is gone from the store', async () => {
    const annika = h.fake.member(h.guild, { username: 'annikaleaves' });
    const { thread } = await startPracticeToOpening(h, annika, { persona: 'frustrated', language: 'en' });
    h.fake.say(annika, thread.id, 'Annika-Secret-Solo: I am sorry, let me look into the blocked card.');
    await waitForEmbeds(h.fake, thread.id, uiText('en').practice.feedbackTitle, 1);
    expect(await recordsMentioning(['Annika-Secret-Solo'])).not.toEqual([]);

    await deleteOwnData(annika, privacy.deleted({ sessions: 1, open: 1, groupsLeft: 0, groupRecords: 0 }));
    await h.fake.waitFor(() => (contentOf(botMessages(h.fake, thread.id).at(-1)!) === privacy.placeClosed ? true : undefined));
    await h.fake.waitFor(() => (h.fake.channel(thread.id)?.thread_metadata?.archived ? true : undefined));
    expect(await recordsMentioning(['Annika-Secret', annika.user.id])).toEqual([]);
    await h.restart();
    await h.fake.waitFor(() => (h.bot.client.isReady() ? true : undefined));
    expect(await recordsMentioning(['Annika-Secret', annika.user.id])).toEqual([]);
  });
});
