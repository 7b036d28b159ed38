import { describe, expect, it } from 'vitest';
import { GROUP_COLLECTION, GroupRecordSchema } from '../../../src/discord/group/group-record.js';
import { groupText } from '../../../src/discord/group/group-text.js';
import { uiText } from '../../../src/discord/ui-text.js';
import type { StoredMessage } from '../../support/fake-discord/index.js';
import { botMessages, contentOf, customIdsOf, embedsOf, waitForAnswer, waitForEmbeds } from '../bot-harness.js';
import { useGroupHarness } from './group-harness.js';

const text = groupText('en');
const ui = uiText('en');

describe('trainer group session in threads (fake Discord, real client, routers and engine)', () => {
  const h = useGroupHarness({ cardEditIntervalMs: 400 });

  const cardEdits = (card: StoredMessage) =>
    h.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${h.channel.id}/messages/${String(card.payload['id'])}`).length;

  async function startSession(): Promise<StoredMessage> {
    const interaction = h.fake.slash(h.trainer, 'session', { sub: 'start', options: { persona: 'frustrated', language: 'en' } });
    const answer = await waitForAnswer(h.fake, interaction);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(text.start.started('individual'));
    return h.fake.waitFor(() =>
      botMessages(h.fake, h.channel.id).find((m) => embedsOf(m)[0]?.title === text.card.title(h.app.personas.require('frustrated').names.en)),
    );
  }

  it('denies /session start to a member who is not a trainer, ephemerally and with the reason', async () => {
    const member = h.trainee('curious');
    const interaction = h.fake.slash(member, 'session', { sub: 'start', options: { persona: 'frustrated' } });
    const answer = await waitForAnswer(h.fake, interaction);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(ui.errors.needsRole('trainer', h.trainerRoleId));
    expect(botMessages(h.fake, h.channel.id)).toEqual([]);
  });

  it('runs a group: six trainees join and reply at once, the card follows with few edits, /session end ranks everyone and keeps every transcript', async () => {
    const card = await startSession();
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    expect(customIdsOf(card)).toEqual([`group-join:${groupId}`]);

    const trainees = ['ada', 'ben', 'cem', 'dana', 'emil', 'fay'].map((name) => h.trainee(name));
    const joins = trainees.map((trainee) => h.fake.click(trainee, card, `group-join:${groupId}`));
    const joinAnswers = await Promise.all(joins.map((join) => waitForAnswer(h.fake, join)));
    const threads = h.fake.threads();
    expect(threads).toHaveLength(6);
    for (const [index, trainee] of trainees.entries()) {
      const thread = threads.find((t) => t.memberIds?.includes(trainee.user.id));
      expect(thread, `thread of ${trainee.user.username}`).toBeDefined();
      expect(thread?.type).toBe(12); // private, per the guild setting
      expect(joinAnswers[index]?.ephemeral).toBe(true);
      expect(contentOf(joinAnswers[index]!)).toBe(text.join.joined(thread!.id));
    }
    // Every thread gets the brief and the customer's first line.
    await Promise.all(threads.map((thread) => h.fake.waitFor(() => botMessages(h.fake, thread.id).length >= 2)));

    // A second click does not open a second thread.
    const again = await waitForAnswer(h.fake, h.fake.click(trainees[0]!, card, `group-join:${groupId}`));
    expect(h.fake.threads()).toHaveLength(6);
    expect(contentOf(again)).toContain(text.join.already(threads.find((t) => t.memberIds?.includes(trainees[0]!.user.id))!.id));

    await h.fake.waitFor(() => embedsOf(h.fake.message(String(card.payload['id']))!)[0]?.fields?.some((f) => f.name === text.card.participants(6)));
    const editsBefore = cardEdits(card);

    // Two rounds of replies, everyone at once.
    const replies = [
      'I am so sorry about the card, that sounds really stressful. Let me check it right now.',
      'I can unblock it now and send a new card to your hotel today.',
    ];
    for (const [round, reply] of replies.entries()) {
      for (const trainee of trainees) {
        const thread = threads.find((t) => t.memberIds?.includes(trainee.user.id))!;
        h.fake.say(trainee, thread.id, reply);
      }
      await Promise.all(threads.map((thread) => waitForEmbeds(h.fake, thread.id, ui.practice.feedbackTitle, round + 1)));
    }
    const lines = (message: StoredMessage | undefined) =>
      (message ? embedsOf(message)[0]?.fields?.find((f) => f.name === text.card.participants(6))?.value : undefined)?.split('\n') ?? [];
    await h.fake.waitFor(() => {
      const shown = lines(h.fake.message(String(card.payload['id'])));
      return shown.length === 6 && shown.every((line) => line.includes('2 replies'));
    });
    const editsDuringReplies = cardEdits(card) - editsBefore;
    expect(editsDuringReplies).toBeGreaterThan(0);
    expect(editsDuringReplies).toBeLessThan(12); // twelve replies, coalesced into far fewer edits
    for (const trainee of trainees) expect(lines(h.fake.message(String(card.payload['id']))).some((line) => line.startsWith(trainee.user.username))).toBe(true);

    // End: results board, closed threads, ended sessions, everything stored under the group.
    const end = await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'end' }));
    expect(end.ephemeral).toBe(true);
    expect(contentOf(end)).toBe(text.end.ended);
    const board = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => embedsOf(m)[0]?.title?.startsWith(text.board.title(''))));
    expect(contentOf(board)).toBe(text.end.byTrainer);
    const [boardEmbed] = embedsOf(board);
    const rankLines = (boardEmbed?.description ?? '').split('\n').filter((line) => /^\*\*\d+\.\*\*/.test(line));
    expect(rankLines).toHaveLength(6);
    for (const trainee of trainees) expect(boardEmbed?.description).toContain(trainee.user.username);
    expect(boardEmbed?.fields).toHaveLength(6);
    expect(boardEmbed?.fields?.every((f) => f.value.includes(text.board.strongest('').slice(0, 10)))).toBe(true);

    for (const thread of threads) {
      expect(h.fake.channel(thread.id)?.thread_metadata).toMatchObject({ archived: true, locked: true });
      expect(botMessages(h.fake, thread.id).some((m) => contentOf(m) === text.end.threadClosed)).toBe(true);
    }
    const finalCard = h.fake.message(String(card.payload['id']))!;
    expect(customIdsOf(finalCard)).toEqual([]);
    expect(embedsOf(finalCard)[0]?.footer?.text).toBe(text.card.statusEnded);

    const sessions = await h.app.storage.sessions.listByGroup(groupId);
    expect(sessions).toHaveLength(6);
    expect(new Set(sessions.map((s) => s.userId))).toEqual(new Set(trainees.map((t) => t.user.id)));
    for (const listing of sessions) {
      expect(listing.status).toBe('ended');
      const session = await h.app.storage.sessions.get(listing.id);
      expect(session?.exchanges.map((e) => e.reply)).toEqual(replies);
      expect(session?.groupId).toBe(groupId);
    }
    const record = await h.app.storage.collection(GROUP_COLLECTION, GroupRecordSchema).get(groupId);
    expect(record).toMatchObject({
      status: 'ended',
      mode: 'individual',
      personaId: 'frustrated',
      trainerId: h.trainer.user.id,
      boardMessageId: String(board.payload['id']),
    });
    expect(record?.participants).toHaveLength(6);
    expect(record?.cardMessageId).toBe(String(card.payload['id']));
  });

  it('offers the personas as autocomplete choices for /session', async () => {
    const typed = h.fake.autocomplete(h.trainer, 'session', { sub: 'scenario', options: { persona: 'frus' }, focused: 'persona' });
    const callback = await h.fake.waitFor(() => typed.callback);
    const choices = (callback.data?.['choices'] as Array<{ name: string; value: string }> | undefined) ?? [];
    expect(choices.map((choice) => choice.value)).toEqual(['frustrated']);
  });

  it('refuses a second group in the same channel and /session end where none runs', async () => {
    await startSession();
    const second = await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'relay', options: { persona: 'frustrated' } }));
    expect(contentOf(second)).toBe(text.start.alreadyRunning);
    await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'end' }));
    const none = await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'end' }));
    expect(none.ephemeral).toBe(true);
    expect(contentOf(none)).toBe(text.end.noGroup);
  });
});
