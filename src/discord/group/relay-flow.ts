import type { Client, Message } from 'discord.js';
import { overallScore } from '../../evaluation/grade.js';
import { personaName } from '../../personas/persona-text.js';
import { UserFacingError } from '../../errors.js';
import type { ReplyOutcome, ReplyResult } from '../../engine/engine-types.js';
import { KeyedMutex } from '../../storage/keyed-mutex.js';
import type { BotContext } from '../bot-context.js';
import { escapeMemberText } from '../escape.js';
import { noticeEmbed } from '../views.js';
import { fetchTextChannel, NO_MENTIONS, post } from './discord-io.js';
import type { GroupRecord } from './group-record.js';
import { activateGroup, groupStore, notifyGroupActivity } from './group-service.js';
import { groupText } from './group-text.js';
import { advanceTurn, currentTrainee, relayRefusal } from './relay-turns.js';
import { renderCustomerLine, renderRelayGrade } from './render-rounds.js';

/*
 * The relay: one escalating customer in the group's channel, one engine session for the whole
 * group. Trainees answer in turn (joining order); each answer is graded by the engine, shown to
 * everyone, and moves the customer by the script. Messages from anyone else are left alone.
 */

const flowLocks = new KeyedMutex();

type RelayAdvanceResult = 'started' | 'skipped' | 'finished' | 'no_participants' | 'ended';

/** The trainer's button: starts the relay, or skips the trainee whose turn it is. */
export async function advanceRelay(client: Client, context: BotContext, groupId: string): Promise<RelayAdvanceResult> {
  return flowLocks.run(groupId, async () => {
    const store = groupStore(context);
    const record = await store.get(groupId);
    if (!record || record.status !== 'open' || !record.relay) return 'ended';
    if (record.relay.finished) return 'finished';
    if (record.participants.length === 0) return 'no_participants';
    const text = groupText(record.lang);
    const channel = await fetchTextChannel(client, record.channelId);

    if (!record.relay.started) {
      const started = await context.engine.start({
        // The relay's transcript belongs to the group, not to one member.
        userId: `group:${record.id}`,
        guildId: record.guildId,
        personaId: record.personaId,
        lang: record.lang,
        intensity: record.intensity,
        channelRef: null,
        groupId: record.id,
      });
      const saved = await store.update(groupId, (current) =>
        current.relay ? { ...current, relay: { ...current.relay, sessionId: started.session.id, started: true, turnIndex: 0 } } : undefined,
      );
      const first = saved ? currentTrainee(saved.participants, saved.relay ?? record.relay) : undefined;
      // Everyone in the channel reads the relay: the content notice comes before the first line
      // (each participant agreed to it when joining).
      const notice = noticeEmbed(started.persona, record.lang, record.intensity);
      if (channel && notice) await post(channel, { embeds: [notice] });
      if (channel) {
        await post(channel, {
          content: first ? text.relay.yourTurn(escapeMemberText(first.name)) : '',
          embeds: [
            renderCustomerLine({
              lang: record.lang,
              title: personaName(started.persona, record.lang),
              line: started.line.text,
              narration: started.line.narration,
            }),
          ],
        });
      }
      activateGroup(client, context, saved ?? record);
      notifyGroupActivity(groupId);
      return 'started';
    }

    const skipped = currentTrainee(record.participants, record.relay);
    const saved = await store.update(groupId, (current) =>
      current.relay && current.relay.answering === null ? { ...current, relay: advanceTurn(current.relay, current.participants.length) } : undefined,
    );
    const next = saved?.relay ? currentTrainee(saved.participants, saved.relay) : undefined;
    if (channel && skipped && next) {
      await post(channel, { content: `${text.relay.skipped(escapeMemberText(skipped.name))}\n${text.relay.yourTurn(escapeMemberText(next.name))}` });
    }
    notifyGroupActivity(groupId);
    return 'skipped';
  });
}

/**
 * A message in the relay channel. Only the trainee whose turn it is gets graded; returns false for
 * everyone else's messages (left alone) and true when the message was taken as an answer.
 */
export async function handleRelayMessage(message: Message, context: BotContext, record: GroupRecord): Promise<boolean> {
  const store = groupStore(context);
  const userId = message.author.id;
  if (!record.relay || relayRefusal(record.participants, record.relay, userId) !== null) return false;

  let claimed = false;
  const claimedRecord = await store.update(record.id, (current) => {
    if (!current.relay || current.status !== 'open' || relayRefusal(current.participants, current.relay, userId) !== null) return undefined;
    claimed = true;
    return { ...current, relay: { ...current.relay, answering: userId } };
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the update callback above; narrowing does not see the callback run
  if (!claimed || !claimedRecord?.relay?.sessionId) return false;
  const sessionId = claimedRecord.relay.sessionId;
  const active = activateGroup(message.client, context, claimedRecord);

  const release = () => store.update(record.id, (current) => (current.relay ? { ...current, relay: { ...current.relay, answering: null } } : undefined));
  // Grading and recording the turn are one piece of work: ending the group, or a member leaving it,
  // waits for both, so the turn is in the record before the standings (or an erasure) read it.
  const work = (async () => {
    let outcome: ReplyOutcome;
    try {
      outcome = await context.engine.replyOnce(sessionId, message.content, message.id);
    } catch (error) {
      // The turn stays with this trainee: they can answer again.
      await release();
      throw error;
    }
    if (outcome.kind !== 'answered') {
      // Discord delivered an answer again that was already counted: nothing to show, the turn moves on as it did.
      await release();
      return;
    }
    const name = claimedRecord.participants.find((participant) => participant.userId === userId)?.name ?? message.author.username;
    await recordRelayAnswer(message.client, context, record, { userId, name }, outcome.result);
  })();
  active.grading.add(work);
  try {
    await work;
  } catch (error) {
    if (error instanceof UserFacingError) {
      await message.reply({ content: error.message, allowedMentions: NO_MENTIONS });
      return true;
    }
    throw error;
  } finally {
    active.grading.delete(work);
  }
  return true;
}

/**
 * A graded relay answer: counted as the trainee's turn, the turn passed on, grade and the customer's
 * answer shown to everyone in the channel. Also used after a restart for an answer the engine
 * graded in `recoverPending`.
 */
export async function recordRelayAnswer(
  client: Client,
  context: BotContext,
  record: GroupRecord,
  trainee: { userId: string; name: string },
  result: ReplyResult,
  prefix?: string,
): Promise<void> {
  const store = groupStore(context);
  const text = groupText(record.lang);
  const turn = {
    userId: trainee.userId,
    lineN: result.exchange.lineN,
    attempt: result.exchange.attempt,
    score: overallScore(result.exchange.grade),
    at: result.exchange.at,
  };
  const saved = await store.update(record.id, (current) => {
    if (!current.relay) return undefined;
    const relay = { ...advanceTurn(current.relay, current.participants.length), turns: [...current.relay.turns, turn] };
    return { ...current, relay: result.ended ? { ...relay, finished: true } : relay };
  });
  const next = saved?.relay && !saved.relay.finished ? currentTrainee(saved.participants, saved.relay) : undefined;
  const channel = await fetchTextChannel(client, record.channelId);
  if (channel) {
    const embeds = [renderRelayGrade({ lang: record.lang, name: trainee.name, reply: result.exchange.reply, grade: result.exchange.grade })];
    if (result.line) {
      embeds.push(renderCustomerLine({ lang: record.lang, title: text.board.customerSaid, line: result.line.text, narration: result.line.narration }));
    }
    const content = result.ended
      ? `${text.scenario.over(text.outcomes[result.ended.session.outcome ?? 'stopped'])}\n${text.relay.over}`
      : next
        ? text.relay.yourTurn(escapeMemberText(next.name))
        : '';
    await post(channel, { content: prefix ? `${prefix}\n${content}` : content, embeds });
  }
  notifyGroupActivity(record.id);
}

/**
 * After a restart, once pending replies were answered: a relay still marked as grading someone's
 * answer lost it (the process died before the engine had it). The turn stays with that trainee,
 * who is asked to send it again.
 */
export async function releaseLostRelayAnswer(client: Client, context: BotContext, record: GroupRecord): Promise<void> {
  const answering = record.relay?.answering ?? null;
  if (answering === null) return;
  await groupStore(context).update(record.id, (current) => (current.relay ? { ...current, relay: { ...current.relay, answering: null } } : undefined));
  const name = record.participants.find((participant) => participant.userId === answering)?.name ?? '';
  const channel = await fetchTextChannel(client, record.channelId);
  if (channel) await post(channel, { content: groupText(record.lang).relay.answerLost(escapeMemberText(name)) });
}
