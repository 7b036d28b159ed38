import type { Client } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { escapeMemberText } from '../escape.js';
import { closeThread, fetchTextChannel, post } from './discord-io.js';
import { eraseMember, involvesMember, type RelayAnswerRef } from './erase-member.js';
import type { GroupRecord, Participant } from './group-record.js';
import { groupRuntime } from './group-runtime.js';
import { groupStore, notifyGroupActivity } from './group-service.js';
import { groupText } from './group-text.js';
import { currentTrainee } from './relay-turns.js';
import { closeRound } from './scenario-flow.js';
import { roundComplete } from './scenario-round.js';

/** What a member's data deletion did to the group sessions of a server. */
interface GroupErasureResult {
  /** running groups the member was taken out of */
  left: number;
  /** group records, running or ended, their name, answers or grades were removed from */
  erased: number;
}

/**
 * Removes a member from every group session of a server, running or ended, before their own
 * sessions are deleted (call it first: a running shared scenario would otherwise put its next line
 * before a session that is gone). In a running group the member leaves: their thread is closed,
 * the card drops their row, a relay passes their turn on and a scenario round stops waiting for
 * them; the group goes on for everyone else. Their relay answers are also removed from the relay's
 * own session (owned by `group:<id>`), under the engine's lock for that session.
 */
export async function eraseMemberFromGroups(client: Client, context: BotContext, guildId: string, userId: string): Promise<GroupErasureResult> {
  const result: GroupErasureResult = { left: 0, erased: 0 };
  const store = groupStore(context);
  for (const groupId of await groupsOfServer(context, guildId)) {
    const record = await store.get(groupId);
    if (!record || record.guildId !== guildId || !involvesMember(record, userId)) continue;
    const done = await eraseFromGroup(client, context, groupId, userId);
    if (done.left) result.left += 1;
    if (done.changed) result.erased += 1;
  }
  return result;
}

/** How many group records of a server hold something of the member (for `/privacy show`). */
export async function countMemberGroups(context: BotContext, guildId: string, userId: string): Promise<number> {
  const store = groupStore(context);
  let count = 0;
  for (const groupId of await groupsOfServer(context, guildId)) {
    const record = await store.get(groupId);
    if (record && record.guildId === guildId && involvesMember(record, userId)) count += 1;
  }
  return count;
}

/**
 * Every group of a server: the server's group index, plus (for groups started before that index
 * existed) the groups its sessions belong to, relay sessions included, and the groups still open.
 */
async function groupsOfServer(context: BotContext, guildId: string): Promise<string[]> {
  const store = groupStore(context);
  const ids = new Set(await store.listByGuild(guildId));
  for (const id of await store.listOpen()) ids.add(id);
  for (const row of await context.storage.sessions.listByGuild(guildId)) if (row.groupId) ids.add(row.groupId);
  return [...ids];
}

async function eraseFromGroup(client: Client, context: BotContext, groupId: string, userId: string): Promise<{ left: boolean; changed: boolean }> {
  const store = groupStore(context);
  const relayAnswers: RelayAnswerRef[] = [];
  let changed = false;
  let wasOpen = false;
  let answeringWasMember = false;
  /** the record just before the member was taken out of the participants, and their place in it */
  let leftFrom: { record: GroupRecord; participant: Participant } | undefined;

  const pass = (waitForOwnAnswer: boolean) =>
    store.update(groupId, (current) => {
      if (current.status === 'open') wasOpen = true;
      // The member's relay answer is being graded right now: taking them out under it would pass
      // the turn twice. It is recorded in a moment (see the wait below) and erased with the rest.
      if (waitForOwnAnswer && current.relay?.answering === userId && (groupRuntime.get(groupId)?.grading.size ?? 0) > 0) return undefined;
      if (current.relay?.answering === userId) answeringWasMember = true;
      const erasure = eraseMember(current, userId);
      if (!erasure.changed) return undefined;
      changed = true;
      relayAnswers.push(...erasure.relayAnswers);
      if (erasure.participant && current.status === 'open') leftFrom = { record: current, participant: erasure.participant };
      return erasure.record;
    });

  // First out of the group, so no further answer of theirs is taken; then, once the answers being
  // graded now are in the record, a second pass erases what they added.
  await pass(true);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the update callback above; narrowing does not see the callback run
  if (wasOpen) {
    const grading = groupRuntime.get(groupId)?.grading;
    if (grading && grading.size > 0) {
      context.log.debug({ groupId, answers: grading.size }, 'erasure waits for answers being graded');
      await Promise.allSettled([...grading]);
    }
    await pass(false);
  }

  const after = await store.get(groupId);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the update callback above; narrowing does not see the callback run
  if (after?.relay?.sessionId && (relayAnswers.length > 0 || answeringWasMember)) {
    await eraseRelayAnswers(context, after.relay.sessionId, relayAnswers, answeringWasMember);
  }
  if (leftFrom && after) await showLeaving(client, context, leftFrom.record, after, leftFrom.participant);
  context.log.info({ groupId, left: leftFrom !== undefined, relayAnswers: relayAnswers.length }, 'member erased from a group session');
  return { left: leftFrom !== undefined, changed };
}

/**
 * Removes the member's answers from the relay's one engine session. Under the engine's lock: an
 * answer of someone else being graded finishes first, and its save cannot bring the erased ones
 * back. A reply still pending there was the member's when they held the turn (left by a process
 * that died while grading it); it goes too, so no restart grades it.
 */
async function eraseRelayAnswers(context: BotContext, sessionId: string, answers: readonly RelayAnswerRef[], pendingWasMember: boolean): Promise<void> {
  const doomed = new Set(answers.map((answer) => `${answer.lineN}:${answer.attempt}`));
  await context.engine.exclusive(sessionId, async () => {
    const session = await context.storage.sessions.get(sessionId);
    if (!session) return;
    const exchanges = session.exchanges.filter((exchange) => !doomed.has(`${exchange.lineN}:${exchange.attempt}`));
    const pendingReply = pendingWasMember ? null : session.pendingReply;
    if (exchanges.length === session.exchanges.length && pendingReply === session.pendingReply) return;
    await context.storage.sessions.save({ ...session, exchanges, pendingReply });
  });
}

/** What the running group shows of a member leaving: their thread closes, the relay turn moves on, a round stops waiting, the card redraws. */
async function showLeaving(client: Client, context: BotContext, before: GroupRecord, after: GroupRecord, participant: Participant): Promise<void> {
  const text = groupText(after.lang);
  const log = context.log.child({ groupId: after.id });
  if (participant.threadId) {
    await groupStore(context).unbindThread(participant.threadId);
    await closeThread(client, participant.threadId, text.leave.threadClosed).catch((error: unknown) => {
      log.warn({ err: error }, 'the leaving trainee’s thread could not be closed');
    });
  }
  if (after.status === 'open' && after.relay?.started && !after.relay.finished && before.relay) {
    const wasTheirTurn = currentTrainee(before.participants, before.relay)?.userId === participant.userId;
    const next = currentTrainee(after.participants, after.relay);
    const channel = wasTheirTurn ? await fetchTextChannel(client, after.channelId) : undefined;
    if (channel) {
      const content = next ? `${text.leave.relayLeft}\n${text.relay.yourTurn(escapeMemberText(next.name))}` : text.leave.relayLeft;
      await post(channel, { content }).catch((error: unknown) => {
        log.warn({ err: error }, 'the relay turn could not be passed on in the channel');
      });
    }
  }
  const round = after.scenario?.rounds.at(-1);
  if (after.status === 'open' && round && round.closedAt === null && roundComplete(round)) {
    // The member's data is gone either way; a round board that cannot be posted must not stop the deletion.
    await closeRound(client, context, after.id, round.n, 'complete').catch((error: unknown) => {
      log.warn({ err: error }, 'the scenario round could not be closed');
    });
  }
  notifyGroupActivity(after.id);
}
