import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_COLLECTION, GroupRecordSchema } from '../../../src/discord/group/group-record.js';
import { groupText } from '../../../src/discord/group/group-text.js';
import { majorityStage } from '../../../src/discord/group/scenario-round.js';
import { currentLine } from '../../../src/engine/session.js';
import { uiText } from '../../../src/discord/ui-text.js';
import type { FakeMember, StoredMessage } from '../../support/fake-discord/index.js';
import { botMessages, contentOf, customIdsOf, embedsOf, expectNothingPinged, waitForAnswer } from '../bot-harness.js';
import { startGroupHarness, type GroupHarness } from './group-harness.js';

const text = groupText('en');

describe('shared scenario and relay (fake Discord, real client, routers and engine)', () => {
  let h: GroupHarness;
  afterEach(async () => {
    expectNothingPinged(h.fake);
    expect(h.fake.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    await h.close();
  });

  const record = (groupId: string) => h.app.storage.collection(GROUP_COLLECTION, GroupRecordSchema).get(groupId);
  const titled = (channelId: string, title: string) => botMessages(h.fake, channelId).filter((m) => embedsOf(m).some((e) => e.title === title));

  async function start(sub: 'scenario' | 'relay'): Promise<{ card: StoredMessage; groupId: string }> {
    await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub, options: { persona: 'frustrated', language: 'en' } }));
    const card = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => customIdsOf(m).length > 0));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    return { card, groupId };
  }

  /** Joins at once (scenario) or one after the other (relay: the joining order is the turn order). */
  async function join(card: StoredMessage, groupId: string, names: string[], oneByOne = false): Promise<FakeMember[]> {
    const members = names.map((name) => h.trainee(name));
    if (oneByOne) {
      for (const member of members) await waitForAnswer(h.fake, h.fake.click(member, card, `group-join:${groupId}`));
    } else {
      await Promise.all(members.map((member) => waitForAnswer(h.fake, h.fake.click(member, card, `group-join:${groupId}`))));
    }
    return members;
  }

  const threadOf = (member: FakeMember) => h.fake.threads().find((t) => t.memberIds?.includes(member.user.id))!;

  it('shared scenario: the same line for everyone, first answers graded in each session, all answers side by side, the majority moves the customer', async () => {
    h = await startGroupHarness();
    const persona = h.app.personas.require('frustrated');
    const { card, groupId } = await start('scenario');
    expect(customIdsOf(card)).toEqual([`group-join:${groupId}`, `group-next:${groupId}`]);

    // Only a trainer may move the customer on.
    const outsider = h.trainee('outsider');
    const denied = await waitForAnswer(h.fake, h.fake.click(outsider, card, `group-next:${groupId}`));
    expect(denied.ephemeral).toBe(true);
    expect(contentOf(denied)).toBe(uiText('en').errors.needsRole('trainer', h.trainerRoleId));

    const [ada, ben, cem] = await join(card, groupId, ['ada', 'ben', 'cem']);
    const members = [ada!, ben!, cem!];
    await Promise.all(members.map((m) => h.fake.waitFor(() => botMessages(h.fake, threadOf(m).id).length >= 1)));

    const opened = await waitForAnswer(h.fake, h.fake.click(h.trainer, card, `group-next:${groupId}`));
    expect(contentOf(opened)).toBe(text.scenario.opened);
    const shared = persona.stages['opening']!.lines.en[0]!;
    const [channelLine] = await h.fake.waitFor(() => {
      const found = titled(h.channel.id, text.scenario.roundTitle(1));
      return found.length > 0 ? found : undefined;
    });
    expect(embedsOf(channelLine!)[0]?.description).toContain(shared.slice(0, 40));
    for (const member of members) {
      const [line] = await h.fake.waitFor(() => {
        const found = titled(threadOf(member).id, text.scenario.roundTitle(1));
        return found.length > 0 ? found : undefined;
      });
      expect(embedsOf(line!)[0]?.description).toBe(embedsOf(channelLine!)[0]?.description);
    }

    // Everyone answers at once; Ada sends a second message that must not count.
    const answers = {
      ada: 'I am really sorry, being stuck at the hotel desk must have been awful. Let me unblock the card right now.',
      ben: 'Calm down, these are the rules.',
      cem: 'That sounds very stressful after waiting so long on hold. What happened at the reception?',
    };
    h.fake.say(ada!, threadOf(ada!).id, answers.ada);
    h.fake.say(ben!, threadOf(ben!).id, answers.ben);
    h.fake.say(cem!, threadOf(cem!).id, answers.cem);
    h.fake.say(ada!, threadOf(ada!).id, 'and one more thing');
    const [board] = await h.fake.waitFor(() => {
      const found = titled(h.channel.id, text.scenario.answersTitle(1));
      return found.length > 0 ? found : undefined;
    });
    const fields = embedsOf(board!)[0]?.fields ?? [];
    expect(fields).toHaveLength(3);
    expect(fields.map((f) => f.name.split(' — ')[0]).sort()).toEqual(members.map((m) => m.user.username).sort());
    expect(fields.find((f) => f.name.startsWith(ada!.user.username))?.value).toContain('Let me unblock the card');
    await h.fake.waitFor(() => botMessages(h.fake, threadOf(ada!).id).some((m) => contentOf(m) === text.scenario.alreadyAnswered));
    // Each trainee got their own feedback at once, privately in their thread, for their first answer only.
    for (const member of members) {
      const feedback = botMessages(h.fake, threadOf(member).id).filter((m) => embedsOf(m)[0]?.title?.startsWith(uiText('en').practice.feedbackTitle));
      expect(feedback).toHaveLength(1);
      expect(contentOf(feedback[0]!)).toBe(text.scenario.received);
    }

    const afterRound1 = await record(groupId);
    const round1 = afterRound1?.scenario?.rounds[0];
    expect(round1?.answers.map((a) => a.text).sort()).toEqual(Object.values(answers).sort());
    for (const member of members) {
      const sessionId = afterRound1?.participants.find((p) => p.userId === member.user.id)?.sessionId ?? '';
      const session = await h.app.storage.sessions.get(sessionId);
      expect(session?.exchanges).toHaveLength(1);
      expect(session?.lines.find((l) => l.n === session.exchanges[0]?.lineN)?.text).toBe(shared);
    }

    // Next line: the customer follows the stage most answers led to.
    await waitForAnswer(h.fake, h.fake.click(h.trainer, card, `group-next:${groupId}`));
    await h.fake.waitFor(() => titled(h.channel.id, text.scenario.roundTitle(2)).length > 0);
    const afterOpen2 = await record(groupId);
    const round2 = afterOpen2?.scenario?.rounds[1];
    expect(round2?.stage).toBe(majorityStage(round1!.answers, 'opening'));
    expect(persona.stages[round2!.stage]?.lines.en).toContain(round2?.line);
    for (const member of members) {
      const sessionId = afterOpen2?.participants.find((p) => p.userId === member.user.id)?.sessionId ?? '';
      expect(currentLine((await h.app.storage.sessions.get(sessionId))!)?.text).toBe(round2?.line);
    }

    // The trainer ends the session mid-round: everyone is ranked from their own graded answers.
    await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'end' }));
    const [results] = await h.fake.waitFor(() => {
      const found = botMessages(h.fake, h.channel.id).filter((m) => embedsOf(m)[0]?.title === text.board.title(persona.names.en));
      return found.length > 0 ? found : undefined;
    });
    expect(embedsOf(results!)[0]?.fields).toHaveLength(3);
    const sessions = await h.app.storage.sessions.listByGroup(groupId);
    // one session per trainee: "all ended" says nothing of an empty list
    expect(sessions).toHaveLength(members.length);
    expect(sessions.every((s) => s.status === 'ended')).toBe(true);
  });

  it('shared scenario: a round closes when its time runs out, and those who did not answer show as such', async () => {
    h = await startGroupHarness({ roundMs: 1_500 });
    const { card, groupId } = await start('scenario');
    const [ada, ben] = await join(card, groupId, ['ada', 'ben']);
    await waitForAnswer(h.fake, h.fake.click(h.trainer, card, `group-next:${groupId}`));
    await h.fake.waitFor(() => titled(threadOf(ada!).id, text.scenario.roundTitle(1)).length > 0);
    h.fake.say(ada!, threadOf(ada!).id, 'I understand how annoying this is, I will sort out the card for you right now.');
    const [board] = await h.fake.waitFor(() => {
      const found = titled(h.channel.id, text.scenario.answersTitle(1));
      return found.length > 0 ? found : undefined;
    });
    const fields = embedsOf(board!)[0]?.fields ?? [];
    expect(fields.map((f) => f.name.split(' — ')[0])).toEqual([ada!.user.username, ben!.user.username]);
    expect(fields[1]?.value).toContain(text.scenario.noAnswer);
    // Ben's late answer no longer counts.
    h.fake.say(ben!, threadOf(ben!).id, 'Sorry, I was away.');
    await h.fake.waitFor(() => botMessages(h.fake, threadOf(ben!).id).some((m) => contentOf(m) === text.scenario.notInRound));
  });

  it('shared scenario: when the majority reaches an end stage the customer says its last line and Next line is gone', async () => {
    h = await startGroupHarness();
    const persona = h.app.personas.require('frustrated');
    const { card, groupId } = await start('scenario');
    const members = await join(card, groupId, ['ada', 'ben']);
    const solution = 'I understand how stressful this is. I can unblock your card right now and send an emergency card to your hotel today.';
    for (const n of [1, 2]) {
      await waitForAnswer(h.fake, h.fake.click(h.trainer, card, `group-next:${groupId}`));
      await Promise.all(members.map((m) => h.fake.waitFor(() => titled(threadOf(m).id, text.scenario.roundTitle(n)).length > 0)));
      for (const member of members) h.fake.say(member, threadOf(member).id, solution);
      await h.fake.waitFor(() => titled(h.channel.id, text.scenario.answersTitle(n)).length > 0);
    }
    const stored = await record(groupId);
    expect(stored?.scenario?.rounds.map((r) => r.stage)).toEqual(['opening', 'calming']);
    expect(stored?.scenario).toMatchObject({ stage: null, outcome: 'resolved' });
    const over = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => contentOf(m) === text.scenario.over(text.outcomes.resolved)));
    expect(persona.stages['resolved']?.lines.en.some((line) => embedsOf(over)[0]?.description?.includes(line.slice(0, 30)))).toBe(true);
    await h.fake.waitFor(() => customIdsOf(h.fake.message(String(card.payload['id']))!).length === 1);
  });

  it('relay: turns in joining order in the channel, only the current trainee is graded, the trainer can skip, the board ranks the relay', async () => {
    h = await startGroupHarness();
    const persona = h.app.personas.require('frustrated');
    const { card, groupId } = await start('relay');
    const [ada, ben, cem] = await join(card, groupId, ['ada', 'ben', 'cem'], true);
    expect(h.fake.threads()).toEqual([]);

    await waitForAnswer(h.fake, h.fake.click(h.trainer, card, `group-next:${groupId}`));
    const first = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => contentOf(m) === text.relay.yourTurn(ada!.user.username)));
    expect(embedsOf(first)[0]?.description).toContain(persona.stages['opening']!.lines.en[0]!.slice(0, 30));
    expect(contentOf(first)).not.toContain('<@');

    // Ben speaks out of turn: left alone. Ada answers: graded for everyone, then it is Ben's turn.
    h.fake.say(ben!, h.channel.id, 'Can I go first?');
    h.fake.say(ada!, h.channel.id, 'I am so sorry about the hotel, that must have been embarrassing in front of everyone.');
    const graded = (name: string) => botMessages(h.fake, h.channel.id).filter((m) => embedsOf(m)[0]?.title?.startsWith(`${name}: `));
    const adaTurn = await h.fake.waitFor(() => graded(ada!.user.username)[0]);
    expect(contentOf(adaTurn)).toBe(text.relay.yourTurn(ben!.user.username));
    expect(graded(ben!.user.username)).toEqual([]);

    h.fake.say(ben!, h.channel.id, 'I understand, waiting that long on hold is maddening, and you have every right to be angry.');
    const benTurn = await h.fake.waitFor(() => graded(ben!.user.username)[0]);
    expect(contentOf(benTurn)).toBe(text.relay.yourTurn(cem!.user.username));

    // The trainer skips Cem.
    const skip = await waitForAnswer(h.fake, h.fake.click(h.trainer, card, `group-next:${groupId}`));
    expect(contentOf(skip)).toBe(text.relay.passed);
    await h.fake.waitFor(() =>
      botMessages(h.fake, h.channel.id).find((m) => contentOf(m) === `${text.relay.skipped(cem!.user.username)}\n${text.relay.yourTurn(ada!.user.username)}`),
    );

    await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'end' }));
    const results = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => embedsOf(m)[0]?.title === text.board.title(persona.names.en)));
    const description = embedsOf(results)[0]?.description ?? '';
    expect(description.split('\n').filter((line) => /^\*\*\d+\.\*\*/.test(line))).toHaveLength(3);
    expect(description).toContain(text.board.rankLine(3, cem!.user.username, null, 0));

    const stored = await record(groupId);
    expect(stored?.relay?.turns.map((t) => t.userId)).toEqual([ada!.user.id, ben!.user.id]);
    const sessions = await h.app.storage.sessions.listByGroup(groupId);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'ended', turns: 2 });
  });
});
