import { beforeEach, describe, expect, it } from 'vitest';
import { GROUP_COLLECTION, GroupRecordSchema, type GroupRecord } from '../../../src/discord/group/group-record.js';
import { createGroupStore } from '../../../src/discord/group/group-store.js';
import { groupText } from '../../../src/discord/group/group-text.js';
import { setGroupTimings } from '../../../src/discord/group/index.js';
import { uiText } from '../../../src/discord/ui-text.js';
import type { FakeMember, StoredMessage } from '../../support/fake-discord/index.js';
import { botMessages, contentOf, customIdsOf, embedsOf, useHarness, waitForAnswer } from '../bot-harness.js';

const text = groupText('en');
const ui = uiText('en');

/**
 * Shared scenario and relay across a process that died mid-answer. The state a killed process
 * leaves behind is written into the store while the bot idles (it touches none of it), the
 * trainee's message is in Discord but no gateway session delivers it, then the bot restarts.
 */
describe('group formats after the process died while answering', () => {
  // registered first, so the timings are set before the harness below starts the bot
  beforeEach(() => {
    setGroupTimings({ cardEditIntervalMs: 200, roundMs: 60_000 });
  });
  const h = useHarness();

  const record = async (groupId: string) => (await h.app.storage.collection(GROUP_COLLECTION, GroupRecordSchema).get(groupId))!;
  const update = (groupId: string, change: (current: GroupRecord) => GroupRecord) => createGroupStore(h.app.storage).update(groupId, change);
  const threadOf = (member: FakeMember) => h.fake.threads().find((t) => t.memberIds?.includes(member.user.id))!;
  const titled = (channelId: string, title: string) => botMessages(h.fake, channelId).filter((m) => embedsOf(m).some((e) => e.title === title));
  const isFeedback = (message: StoredMessage) => embedsOf(message).some((e) => e.title?.startsWith(ui.practice.feedbackTitle));

  async function start(sub: 'scenario' | 'relay', names: string[]): Promise<{ card: StoredMessage; groupId: string; members: FakeMember[] }> {
    await waitForAnswer(h.fake, h.fake.slash(h.admin, 'session', { sub, options: { persona: 'frustrated', language: 'en' } }));
    const card = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => customIdsOf(m).length > 0));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    const members = names.map((name) => h.fake.member(h.guild, { username: name }));
    for (const member of members) await waitForAnswer(h.fake, h.fake.click(member, card, `group-join:${groupId}`));
    return { card, groupId, members };
  }

  /** The engine session of a trainee, with the reply a killed process had persisted but not graded. */
  async function leavePending(sessionId: string, message: StoredMessage): Promise<void> {
    const session = (await h.app.storage.sessions.get(sessionId))!;
    await h.app.storage.sessions.save({
      ...session,
      pendingReply: { text: contentOf(message), at: new Date().toISOString(), key: String(message.payload['id']) },
    });
  }

  it('shared scenario: a pending answer is graded and counted, a lost one counts from the thread, the round closes, nobody is told twice', async () => {
    const { card, groupId, members } = await start('scenario', ['ada', 'ben', 'cem']);
    const [ada, ben, cem] = members as [FakeMember, FakeMember, FakeMember];
    await waitForAnswer(h.fake, h.fake.click(h.admin, card, `group-next:${groupId}`));
    await Promise.all(members.map((m) => h.fake.waitFor(() => titled(threadOf(m).id, text.scenario.roundTitle(1)).length > 0)));
    h.fake.say(ada, threadOf(ada).id, 'I am so sorry, that sounds really stressful.');
    await h.fake.waitFor(() => botMessages(h.fake, threadOf(ada).id).find(isFeedback));

    // Ben's answer reached the engine (pending); Cem's was taken by the round only.
    const benAnswer = h.fake.say(ben, threadOf(ben).id, 'I understand, being stuck on the hotline that long is awful.', { dispatch: false });
    const cemAnswer = h.fake.say(cem, threadOf(cem).id, 'That must have been embarrassing at the reception.', { dispatch: false });
    const taken = (message: StoredMessage, userId: string) => ({
      userId,
      text: contentOf(message),
      at: new Date().toISOString(),
      grade: null,
      nextStage: null,
      messageId: String(message.payload['id']),
    });
    await update(groupId, (current) => ({
      ...current,
      scenario: current.scenario && {
        ...current.scenario,
        rounds: current.scenario.rounds.map((round) => ({
          ...round,
          answers: [...round.answers, taken(benAnswer, ben.user.id), taken(cemAnswer, cem.user.id)],
        })),
      },
    }));
    await leavePending((await record(groupId)).participants.find((p) => p.userId === ben.user.id)!.sessionId!, benAnswer);

    await h.restart();
    const [board] = await h.fake.waitFor(() => {
      const found = titled(h.channel.id, text.scenario.answersTitle(1));
      return found.length > 0 ? found : undefined;
    });
    const fields = embedsOf(board!)[0]?.fields ?? [];
    // a column for each of the three, so "nobody shows as not answering" cannot hold of an empty board
    expect(fields.map((field) => field.name.split(' — ')[0]).sort()).toEqual(members.map((m) => m.user.username).sort());
    expect(fields.every((field) => !field.value.includes(text.scenario.noAnswer))).toBe(true);
    const round = (await record(groupId)).scenario?.rounds[0];
    expect(round?.answers.map((answer) => [answer.userId, answer.grade !== null])).toEqual([
      [ada.user.id, true],
      [ben.user.id, true],
      [cem.user.id, true],
    ]);
    expect(botMessages(h.fake, threadOf(ben).id).find(isFeedback)?.payload['content']).toBe(`${ui.practice.recovered}\n${text.scenario.received}`);
    for (const member of members) {
      expect(botMessages(h.fake, threadOf(member).id).filter(isFeedback), member.user.username).toHaveLength(1);
      expect(botMessages(h.fake, threadOf(member).id).some((m) => contentOf(m) === text.scenario.alreadyAnswered)).toBe(false);
      const sessionId = (await record(groupId)).participants.find((p) => p.userId === member.user.id)!.sessionId!;
      expect((await h.app.storage.sessions.get(sessionId))?.exchanges).toHaveLength(1);
    }
  });

  it('relay: a pending answer is shown and passes the turn; a lost one leaves the turn with the trainee, who is asked again', async () => {
    const { card, groupId, members } = await start('relay', ['ada', 'ben']);
    const [ada, ben] = members as [FakeMember, FakeMember];
    await waitForAnswer(h.fake, h.fake.click(h.admin, card, `group-next:${groupId}`));
    await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => contentOf(m) === text.relay.yourTurn(ada.user.username)));
    const graded = (member: FakeMember) => botMessages(h.fake, h.channel.id).filter((m) => embedsOf(m)[0]?.title?.startsWith(`${member.user.username}: `));

    // Ada's answer was being graded when the process died.
    const adaAnswer = h.fake.say(ada, h.channel.id, 'I am so sorry about the hotel, that must have been embarrassing.', { dispatch: false });
    await update(groupId, (current) => ({ ...current, relay: current.relay && { ...current.relay, answering: ada.user.id } }));
    await leavePending((await record(groupId)).relay!.sessionId!, adaAnswer);
    await h.restart();
    const shown = await h.fake.waitFor(() => graded(ada)[0]);
    expect(contentOf(shown)).toBe(`${ui.practice.recovered}\n${text.relay.yourTurn(ben.user.username)}`);
    expect((await record(groupId)).relay).toMatchObject({ answering: null, turnIndex: 1 });

    // Ben's answer was lost before it reached the engine.
    h.fake.say(ben, h.channel.id, 'I understand, waiting that long is maddening.', { dispatch: false });
    await update(groupId, (current) => ({ ...current, relay: current.relay && { ...current.relay, answering: ben.user.id } }));
    await h.restart();
    await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => contentOf(m) === text.relay.answerLost(ben.user.username)));
    h.fake.say(ben, h.channel.id, 'I understand, waiting that long is maddening.');
    const benTurn = await h.fake.waitFor(() => graded(ben)[0]);
    expect(contentOf(benTurn)).toBe(text.relay.yourTurn(ada.user.username));

    const stored = await record(groupId);
    expect(stored.relay?.turns.map((turn) => turn.userId)).toEqual([ada.user.id, ben.user.id]);
    expect(graded(ada)).toHaveLength(1);
    expect((await h.app.storage.sessions.get(stored.relay!.sessionId!))?.exchanges).toHaveLength(2);
  });
});
