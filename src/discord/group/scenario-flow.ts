import type { Client, Message } from 'discord.js';
import { requireStage } from '../../engine/script-machine.js';
import type { ReplyResult } from '../../engine/engine-types.js';
import { replyReceived, type Exchange, type Outcome } from '../../engine/session.js';
import { isLlmConfigured } from '../../llm/llm-config.js';
import type { Persona } from '../../personas/persona-schema.js';
import { personaName } from '../../personas/persona-text.js';
import { UserFacingError } from '../../errors.js';
import { KeyedMutex } from '../../storage/keyed-mutex.js';
import type { BotContext } from '../bot-context.js';
import { feedbackEmbed } from '../views.js';
import { fetchTextChannel, fetchThread, NO_MENTIONS, post } from './discord-io.js';
import type { GroupRecord, Participant, ScenarioRound } from './group-record.js';
import { groupRuntime, setTimerAt } from './group-runtime.js';
import { activateGroup, groupStore, notifyGroupActivity } from './group-service.js';
import { groupText } from './group-text.js';
import { presentLine } from './present-line.js';
import { renderCustomerLine, renderRoundAnswers } from './render-rounds.js';
import { answerRefusal, majorityStage, roundComplete, sharedLine } from './scenario-round.js';

/*
 * The shared scenario: every trainee has their own thread and engine session, but the customer
 * line is the same for everyone. The trainer opens each round; a round closes when everyone who
 * was there at its start has a graded answer, when its time runs out, or when the trainer moves on.
 * The customer then follows the stage most answers would have led to.
 */

// Opening and closing rounds of one group happen one at a time.
const flowLocks = new KeyedMutex();

type AdvanceResult = 'opened' | 'closed_open_round' | 'over' | 'no_participants' | 'ended';

/** The trainer's "Next line": closes a round still open, or opens the next one. */
export async function advanceScenario(client: Client, context: BotContext, groupId: string): Promise<AdvanceResult> {
  const record = await groupStore(context).get(groupId);
  if (!record || record.status !== 'open' || !record.scenario) return 'ended';
  const open = openRound(record);
  if (open) {
    await closeRound(client, context, groupId, open.n, 'trainer');
    return 'closed_open_round';
  }
  return flowLocks.run(groupId, () => openNextRound(client, context, groupId));
}

function openRound(record: GroupRecord): ScenarioRound | undefined {
  const last = record.scenario?.rounds.at(-1);
  return last && last.closedAt === null ? last : undefined;
}

async function openNextRound(client: Client, context: BotContext, groupId: string): Promise<AdvanceResult> {
  const store = groupStore(context);
  const record = await store.get(groupId);
  if (!record || record.status !== 'open' || !record.scenario) return 'ended';
  if (openRound(record)) return 'opened';
  const stage = record.scenario.stage;
  if (stage === null) return 'over';
  const practising = record.participants.filter((participant) => participant.sessionId !== null);
  if (practising.length === 0) return 'no_participants';

  // A late answer may still be in the engine; the next line must not be written under it.
  const active = groupRuntime.get(groupId);
  if (active) await Promise.allSettled([...active.grading]);
  const persona = context.personas.require(record.personaId);
  const line = sharedLine(
    persona,
    stage,
    record.lang,
    record.intensity,
    record.scenario.rounds.map((round) => round.line),
  );
  const opened = new Date();
  const at = opened.toISOString();
  const closesAt = new Date(opened.getTime() + groupRuntime.timings.roundMs);
  await Promise.all(
    practising.map((participant) => presentLine(context.engine, participant.sessionId ?? '', { stage, text: line.text, narration: line.narration })),
  );
  const round: ScenarioRound = {
    n: record.scenario.rounds.length + 1,
    stage,
    line: line.text,
    openedAt: at,
    closesAt: closesAt.toISOString(),
    closedAt: null,
    expected: practising.map((participant) => participant.userId),
    answers: [],
    boardMessageId: null,
  };
  const saved = await store.update(groupId, (current) => {
    if (!current.scenario) return undefined;
    // Someone who left while the line was being presented is not waited for.
    const expected = round.expected.filter((userId) => current.participants.some((participant) => participant.userId === userId));
    return { ...current, scenario: { ...current.scenario, rounds: [...current.scenario.rounds, { ...round, expected }] } };
  });
  if (!saved) return 'ended';

  const text = groupText(record.lang);
  const title = text.scenario.roundTitle(round.n);
  const closes = text.scenario.closesAt(`<t:${Math.floor(closesAt.getTime() / 1000)}:R>`);
  const channel = await fetchTextChannel(client, record.channelId);
  if (channel) {
    await post(channel, {
      content: closes,
      embeds: [renderCustomerLine({ lang: record.lang, title, line: line.text, narration: line.narration, footer: text.scenario.answerInThread })],
    });
  }
  await Promise.all(
    practising.map(async (participant) => {
      const thread = participant.threadId ? await fetchThread(client, participant.threadId) : undefined;
      if (!thread) return;
      await post(thread, {
        content: closes,
        embeds: [renderCustomerLine({ lang: record.lang, title, line: line.text, narration: line.narration, footer: text.scenario.answerHere })],
      }).catch((error: unknown) => {
        context.log.warn({ err: error, groupId }, 'scenario line could not be posted in a thread');
      });
    }),
  );
  armRoundTimer(client, context, saved, round);
  notifyGroupActivity(groupId);
  return 'opened';
}

function armRoundTimer(client: Client, context: BotContext, record: GroupRecord, round: ScenarioRound): void {
  const active = activateGroup(client, context, record);
  if (active.roundTimer) clearTimeout(active.roundTimer);
  active.roundTimer = setTimerAt(Date.parse(round.closesAt), () => {
    closeRound(client, context, record.id, round.n, 'time').catch((error: unknown) => {
      context.log.error({ err: error, groupId: record.id }, 'scenario round could not be closed');
    });
  });
}

/**
 * A trainee's message in their thread while the group runs a shared scenario. The first message
 * of a round is their answer: it is graded by the engine in their own session (against the shared
 * line) and counted; anything else gets a short note. Always consumes the message.
 */
export async function handleScenarioMessage(message: Message, context: BotContext, record: GroupRecord, participant: Participant): Promise<void> {
  const text = groupText(record.lang);
  const store = groupStore(context);
  const sessionId = participant.sessionId;
  if (!sessionId) return;
  const round = record.scenario?.rounds.at(-1);
  // Discord may deliver a message again (gateway replay, start-up catch-up): it was taken already.
  if (round?.answers.some((answer) => answer.messageId === message.id)) return;
  const session = await context.engine.get(sessionId);
  if (session && replyReceived(session, message.id)) return;
  const refusal = answerRefusal(round, participant.userId);
  if (refusal !== null || !round) {
    await replyTo(message, refusal === 'already' ? text.scenario.alreadyAnswered : text.scenario.notInRound);
    return;
  }

  let accepted = false;
  await store.update(record.id, (current) => {
    const latest = current.scenario?.rounds.at(-1);
    if (!current.scenario || !latest || latest.n !== round.n || answerRefusal(latest, participant.userId) !== null) return undefined;
    accepted = true;
    const answer = { userId: participant.userId, text: message.content, at: new Date().toISOString(), grade: null, nextStage: null, messageId: message.id };
    return withRound(current, round.n, (r) => ({ ...r, answers: [...r.answers, answer] }));
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the update callback above; narrowing does not see the callback run
  if (!accepted) {
    await replyTo(message, text.scenario.alreadyAnswered);
    return;
  }

  const active = activateGroup(message.client, context, record);
  const grading = gradeAnswer(message, context, record.id, round.n, participant.userId, sessionId);
  active.grading.add(grading);
  let exchange: Exchange | null;
  try {
    exchange = await grading;
  } finally {
    active.grading.delete(grading);
  }
  if (!exchange) return;
  // The trainee's own feedback at once, in their private thread; everyone's answers come with the round board.
  await message.reply({
    content: text.scenario.received,
    embeds: [feedbackEmbed(exchange, record.lang, { llmConfigured: isLlmConfigured(context.config) })],
    allowedMentions: NO_MENTIONS,
  });
  notifyGroupActivity(record.id);
  const latest = await store.get(record.id);
  const current = latest?.scenario?.rounds.find((r) => r.n === round.n);
  if (current && current.closedAt === null && roundComplete(current)) {
    await closeRound(message.client, context, record.id, round.n, 'complete');
  }
}

/** Grades through the engine; a refused reply (empty, too long) is taken back so the trainee can answer again. */
async function gradeAnswer(message: Message, context: BotContext, groupId: string, n: number, userId: string, sessionId: string): Promise<Exchange | null> {
  const store = groupStore(context);
  const withdraw = () =>
    store.update(groupId, (current) => withRound(current, n, (r) => ({ ...r, answers: r.answers.filter((answer) => answer.userId !== userId) })));
  try {
    const outcome = await context.engine.replyOnce(sessionId, message.content, message.id);
    // Taken by another delivery of the same message, which records the grade itself.
    if (outcome.kind !== 'answered') return null;
    await recordGrade(context, groupId, n, userId, outcome.result);
    return outcome.result.exchange;
  } catch (error) {
    await withdraw();
    if (error instanceof UserFacingError) {
      await replyTo(message, error.message);
      return null;
    }
    throw error;
  }
}

async function recordGrade(context: BotContext, groupId: string, n: number, userId: string, result: ReplyResult): Promise<void> {
  await groupStore(context).update(groupId, (current) =>
    withRound(current, n, (r) => ({
      ...r,
      answers: r.answers.map((answer) =>
        answer.userId === userId ? { ...answer, text: result.exchange.reply, grade: result.exchange.grade, nextStage: result.session.stage } : answer,
      ),
    })),
  );
}

/**
 * After a restart: the engine graded (in `recoverPending`) an answer the process had taken but not
 * answered before it died. Its grade goes into the round, the trainee gets the feedback in their
 * thread, and a round that is now complete closes. Returns false when no round waits for it.
 */
export async function recoverScenarioAnswer(client: Client, context: BotContext, record: GroupRecord, result: ReplyResult, prefix: string): Promise<boolean> {
  const userId = result.session.userId;
  const participant = record.participants.find((candidate) => candidate.sessionId === result.session.id);
  const round = record.scenario?.rounds.findLast((r) => r.answers.some((answer) => answer.userId === userId && answer.grade === null));
  if (!participant || !round) return false;
  await recordGrade(context, record.id, round.n, userId, result);
  const thread = participant.threadId ? await fetchThread(client, participant.threadId) : undefined;
  if (thread) {
    const text = groupText(record.lang);
    await post(thread, {
      content: `${prefix}\n${text.scenario.received}`,
      embeds: [feedbackEmbed(result.exchange, record.lang, { llmConfigured: isLlmConfigured(context.config) })],
    });
  }
  notifyGroupActivity(record.id);
  const latest = await groupStore(context).get(record.id);
  const current = latest?.scenario?.rounds.find((r) => r.n === round.n);
  if (latest?.status === 'open' && current && current.closedAt === null && roundComplete(current)) {
    await closeRound(client, context, record.id, round.n, 'complete');
  }
  return true;
}

/**
 * After a restart, once pending replies were answered: an answer still without a grade was taken by
 * the round but never reached the engine (the process died in between). It is taken back, so the
 * message counts when the start-up catch-up reads the thread (or when the trainee sends it again).
 */
export async function releaseLostAnswers(context: BotContext, record: GroupRecord): Promise<void> {
  const round = openRound(record);
  if (!round?.answers.some((answer) => answer.grade === null)) return;
  await groupStore(context).update(record.id, (current) =>
    withRound(current, round.n, (r) => ({ ...r, answers: r.answers.filter((answer) => answer.grade !== null) })),
  );
  context.log.info({ groupId: record.id, round: round.n }, 'scenario answers lost with the last process taken back');
}

function withRound(record: GroupRecord, n: number, change: (round: ScenarioRound) => ScenarioRound): GroupRecord | undefined {
  if (!record.scenario) return undefined;
  return { ...record, scenario: { ...record.scenario, rounds: record.scenario.rounds.map((round) => (round.n === n ? change(round) : round)) } };
}

type CloseReason = 'complete' | 'time' | 'trainer';

/** What closing a round decided: the next stage, and the outcome when the shared conversation is over. */
interface RoundClosing {
  round: ScenarioRound;
  nextStage: string;
  outcome: Outcome | null;
}

/**
 * Closes round `n` once: waits for answers still being graded, posts all answers side by side and
 * moves the shared customer to the majority stage. When that stage ends the conversation (or the
 * persona's turn limit is reached), its line is said and the scenario is over.
 */
export async function closeRound(client: Client, context: BotContext, groupId: string, n: number, reason: CloseReason): Promise<void> {
  await flowLocks.run(groupId, async () => {
    const active = groupRuntime.get(groupId);
    if (active && reason !== 'complete') await Promise.allSettled([...active.grading]);
    const store = groupStore(context);
    const before = await store.get(groupId);
    const persona = before ? context.personas.get(before.personaId) : undefined;
    if (!before || !persona) return;

    let closing: RoundClosing | undefined;
    const record = await store.update(groupId, (current) => {
      const round = current.scenario?.rounds.find((r) => r.n === n);
      if (!current.scenario || !round || round.closedAt !== null) return undefined;
      const nextStage = majorityStage(round.answers, round.stage);
      const outcome: Outcome | null = requireStage(persona, nextStage).end ?? (current.scenario.rounds.length >= persona.maxTurns ? 'turn_limit' : null);
      const closed: ScenarioRound = { ...round, closedAt: new Date().toISOString() };
      closing = { round: closed, nextStage, outcome };
      return {
        ...current,
        scenario: { ...current.scenario, stage: outcome ? null : nextStage, outcome, rounds: current.scenario.rounds.map((r) => (r.n === n ? closed : r)) },
      };
    });
    if (!record || !closing) return;
    if (active?.roundTimer) {
      clearTimeout(active.roundTimer);
      active.roundTimer = undefined;
    }
    await postRoundBoard(client, context, record, persona, closing, reason);
    notifyGroupActivity(groupId);
  });
}

async function postRoundBoard(
  client: Client,
  context: BotContext,
  record: GroupRecord,
  persona: Persona,
  closing: RoundClosing,
  reason: CloseReason,
): Promise<void> {
  const channel = await fetchTextChannel(client, record.channelId);
  if (!channel) return;
  const text = groupText(record.lang);
  const { round, nextStage, outcome } = closing;
  const names = new Map(record.participants.map((participant) => [participant.userId, participant.name]));
  const embeds = renderRoundAnswers({
    lang: record.lang,
    round: round.n,
    line: round.line,
    answers: round.expected.map((userId) => {
      const answer = round.answers.find((candidate) => candidate.userId === userId);
      return { name: names.get(userId) ?? userId, text: answer?.text ?? null, grade: answer?.grade ?? null };
    }),
  });
  let boardId: string | null = null;
  for (const [index, embed] of embeds.entries()) {
    const early = index === 0 && reason === 'trainer';
    const posted = await post(channel, early ? { content: text.scenario.roundClosedEarly, embeds: [embed] } : { embeds: [embed] });
    boardId ??= posted.id;
  }
  await groupStore(context).update(record.id, (current) => withRound(current, round.n, (r) => ({ ...r, boardMessageId: boardId })));
  if (!outcome) return;
  // The customer's last words when the script ended the conversation; none at the turn limit.
  const heard = record.scenario?.rounds.map((r) => r.line) ?? [];
  const final = requireStage(persona, nextStage).end ? sharedLine(persona, nextStage, record.lang, record.intensity, heard) : null;
  await post(channel, {
    content: text.scenario.over(text.outcomes[outcome]),
    ...(final
      ? { embeds: [renderCustomerLine({ lang: record.lang, title: personaName(persona, record.lang), line: final.text, narration: final.narration })] }
      : {}),
  });
}

/** After a restart: closes a round whose time ran out while the bot was down, or re-arms its timer. */
export async function resumeScenarioRound(client: Client, context: BotContext, record: GroupRecord): Promise<void> {
  const round = openRound(record);
  if (!round) return;
  if (Date.parse(round.closesAt) <= Date.now()) {
    await closeRound(client, context, record.id, round.n, 'time');
    return;
  }
  armRoundTimer(client, context, record, round);
}

async function replyTo(message: Message, content: string): Promise<void> {
  await message.reply({ content, allowedMentions: NO_MENTIONS });
}
