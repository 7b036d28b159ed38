import { randomUUID } from 'node:crypto';
import { DiscordAPIError, RESTJSONErrorCodes, type Client, type TextChannel } from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import type { Intensity, Persona } from '../../personas/persona-schema.js';
import { personaName } from '../../personas/persona-text.js';
import { UserFacingError } from '../../errors.js';
import { KeyedMutex } from '../../storage/keyed-mutex.js';
import type { BotContext } from '../bot-context.js';
import { getGuildConfig } from '../permissions.js';
import { escapeMemberText } from '../escape.js';
import { fitEmbed } from '../limits.js';
import { uiText } from '../ui-text.js';
import { briefEmbed, customerLineContent, noticeEmbed } from '../views.js';
import { closeThread, edit, fetchTextChannel, openTraineeThread, post } from './discord-io.js';
import type { GroupMode, GroupRecord, Participant } from './group-record.js';
import { groupRuntime, setTimerAt, type ActiveGroup } from './group-runtime.js';
import { createGroupStore, type GroupStore } from './group-store.js';
import { groupText } from './group-text.js';
import { rankStandings, type Standing } from './ranking.js';
import { renderBoard } from './render-board.js';
import { renderCard, type CardMessage, type CardRow } from './render-card.js';
import { relayStandings, standingFromSummary } from './standings.js';

export function groupStore(context: BotContext): GroupStore {
  return createGroupStore(context.storage);
}

function groupPersonaName(context: BotContext, record: Pick<GroupRecord, 'personaId' | 'lang'>): string {
  const persona = context.personas.get(record.personaId);
  return persona ? personaName(persona, record.lang) : record.personaId;
}

/** Registers an open group in this process: card scheduler and end timer. */
export function activateGroup(client: Client, context: BotContext, record: GroupRecord): ActiveGroup {
  const active = groupRuntime.activate(record.id, client, context, () => refreshCard(record.id));
  if (record.endsAt && !active.endTimer) {
    active.endTimer = setTimerAt(Date.parse(record.endsAt), () => {
      endGroup(client, context, record.id, 'time').catch((error: unknown) => {
        context.log.error({ err: error, groupId: record.id }, 'group session could not be ended on time');
      });
    });
  }
  return active;
}

/** Asks for a card redraw; edits are coalesced to at most one per interval. Unknown groups are ignored. */
export function notifyGroupActivity(groupId: string): void {
  groupRuntime.get(groupId)?.card.request();
}

/** Redraws the session card from the store; skips the edit when nothing visible changed. */
async function refreshCard(groupId: string): Promise<void> {
  const active = groupRuntime.get(groupId);
  if (!active) return;
  const card = await buildCard(active.context, groupId);
  if (card) {
    const drawn = JSON.stringify(card.message);
    if (drawn !== active.lastDrawn) {
      const channel = await fetchTextChannel(active.client, card.channelId);
      if (channel) {
        await edit(channel, card.cardMessageId, card.message);
        active.lastDrawn = drawn;
      }
    }
  }
}

async function buildCard(context: BotContext, groupId: string): Promise<{ channelId: string; cardMessageId: string; message: CardMessage } | undefined> {
  const record = await groupStore(context).get(groupId);
  if (!record?.cardMessageId) return undefined;
  const message = renderCard({
    record,
    personaName: groupPersonaName(context, record),
    trainerName: record.trainerName,
    rows: await cardRows(context, record),
  });
  return { channelId: record.channelId, cardMessageId: record.cardMessageId, message };
}

async function drawCard(client: Client, context: BotContext, groupId: string): Promise<void> {
  const card = await buildCard(context, groupId);
  const channel = card ? await fetchTextChannel(client, card.channelId) : undefined;
  if (card && channel) await edit(channel, card.cardMessageId, card.message);
}

async function cardRows(context: BotContext, record: GroupRecord): Promise<CardRow[]> {
  if (record.mode === 'relay') {
    const turns = record.relay?.turns ?? [];
    return record.participants.map((participant) => {
      const own = turns.filter((turn) => turn.userId === participant.userId);
      const average = own.length === 0 ? null : own.reduce((sum, turn) => sum + turn.score, 0) / own.length;
      return { userId: participant.userId, name: participant.name, turns: own.length, average };
    });
  }
  const listings = new Map((await context.storage.sessions.listByGroup(record.id)).map((listing) => [listing.id, listing]));
  return record.participants.map((participant) => {
    const listing = participant.sessionId ? listings.get(participant.sessionId) : undefined;
    return { userId: participant.userId, name: participant.name, turns: listing?.turns ?? 0, average: listing?.average ?? null };
  });
}

// ------------------------------------------------------------------------------------ start

interface StartGroupOptions {
  guildId: string;
  channel: TextChannel;
  trainerId: string;
  trainerName: string;
  persona: Persona;
  lang: Language;
  intensity: Intensity;
  mode: GroupMode;
  /** null: until the trainer ends it */
  durationMinutes: number | null;
}

/** Creates the group, posts its card and arms its timers. Throws `group_exists` when the channel is busy. */
export async function startGroup(client: Client, context: BotContext, options: StartGroupOptions): Promise<GroupRecord> {
  const text = groupText(options.lang);
  const started = new Date();
  const store = groupStore(context);
  const record: GroupRecord = {
    id: randomUUID(),
    schemaVersion: 1,
    guildId: options.guildId,
    channelId: options.channel.id,
    cardMessageId: null,
    personaId: options.persona.id,
    lang: options.lang,
    intensity: options.intensity,
    trainerId: options.trainerId,
    trainerName: options.trainerName,
    mode: options.mode,
    status: 'open',
    startedAt: started.toISOString(),
    endsAt: options.durationMinutes === null ? null : new Date(started.getTime() + options.durationMinutes * 60_000).toISOString(),
    endedAt: null,
    participants: [],
    scenario: options.mode === 'scenario' ? { stage: options.persona.start, rounds: [], outcome: null } : null,
    relay: options.mode === 'relay' ? { sessionId: null, turnIndex: 0, turns: [], started: false, finished: false, answering: null } : null,
    boardMessageId: null,
  };
  if (!(await store.create(record))) throw new UserFacingError('group_exists', text.start.alreadyRunning);
  try {
    const card = renderCard({ record, personaName: personaName(options.persona, options.lang), trainerName: options.trainerName, rows: [] });
    const message = await post(options.channel, card);
    const saved = (await store.update(record.id, (current) => ({ ...current, cardMessageId: message.id }))) ?? record;
    activateGroup(client, context, saved);
    context.log.info({ groupId: record.id, guildId: record.guildId, personaId: record.personaId, mode: record.mode }, 'group session started');
    return saved;
  } catch (error) {
    // Without its card nobody can join: close the record so the channel is free again.
    await store.update(record.id, (current) => ({ ...current, status: 'ended', endedAt: new Date().toISOString() }));
    throw error;
  }
}

// ------------------------------------------------------------------------------------ join

type JoinResult = { kind: 'joined'; threadId: string | null } | { kind: 'already'; threadId: string | null } | { kind: 'ended' };

const joinLocks = new KeyedMutex();

/**
 * Adds a trainee. In the thread formats they get their own thread and engine session (with the
 * group's persona, `groupId` and the thread as `channelRef`); in a relay they join the rotation.
 * A double click cannot open two threads: joins of one member queue.
 */
export async function joinGroup(client: Client, context: BotContext, groupId: string, member: { userId: string; name: string }): Promise<JoinResult> {
  return joinLocks.run(`${groupId}:${member.userId}`, async () => {
    const store = groupStore(context);
    const record = await store.get(groupId);
    if (!record || record.status !== 'open') return { kind: 'ended' };
    const existing = record.participants.find((participant) => participant.userId === member.userId);
    if (existing) return { kind: 'already', threadId: existing.threadId };

    const joinedAt = new Date().toISOString();
    let participant: Participant = { userId: member.userId, name: member.name, threadId: null, sessionId: null, joinedAt };
    if (record.mode !== 'relay') participant = await openPractice(client, context, record, participant);

    const saved = await store.update(groupId, (current) => {
      if (current.participants.some((other) => other.userId === member.userId)) return undefined;
      return { ...current, participants: [...current.participants, participant] };
    });
    if (saved && saved.status !== 'open' && participant.sessionId) {
      // The group ended while the thread was being opened: close this practice as well.
      await context.engine.end(participant.sessionId);
    }
    activateGroup(client, context, saved ?? record);
    notifyGroupActivity(groupId);
    context.log.info({ groupId, mode: record.mode }, 'trainee joined a group session');
    return { kind: 'joined', threadId: participant.threadId };
  });
}

async function openPractice(client: Client, context: BotContext, record: GroupRecord, participant: Participant): Promise<Participant> {
  const text = groupText(record.lang);
  const channel = await fetchTextChannel(client, record.channelId);
  if (!channel) throw new UserFacingError('group_channel_gone', text.join.ended);
  const config = await getGuildConfig(context, record.guildId);
  const persona = context.personas.require(record.personaId);
  const name = personaName(persona, record.lang);
  const thread = await openTraineeThread(channel, {
    name: text.join.threadName(name, participant.name),
    visibility: config.threadVisibility,
    userId: participant.userId,
  }).catch((error: unknown) => {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
      throw new UserFacingError('thread_failed', uiText(record.lang).errors.threadFailed, { cause: error });
    }
    throw error;
  });
  await groupStore(context).bindThread(thread.id, record.id);
  const started = await context.engine.start({
    userId: participant.userId,
    guildId: record.guildId,
    personaId: record.personaId,
    lang: record.lang,
    intensity: record.intensity,
    channelRef: thread.id,
    groupId: record.id,
  });
  // The brief as a solo practice shows it, with the content notice the member agreed to when joining.
  const brief = briefEmbed(persona, record.lang, record.intensity);
  const notice = noticeEmbed(persona, record.lang, record.intensity);
  const intro = fitEmbed({
    ...brief,
    description: [
      text.join.threadIntro(name, escapeMemberText(record.trainerName)),
      record.mode === 'scenario' ? text.join.scenarioWait : (brief.description ?? ''),
    ]
      .filter((part) => part !== '')
      .join('\n\n'),
  });
  await post(thread, { embeds: notice ? [intro, notice] : [intro] });
  if (record.mode === 'individual') {
    await post(thread, { content: customerLineContent(started.line, persona, record.lang) });
  }
  return { ...participant, threadId: thread.id, sessionId: started.session.id };
}

// ------------------------------------------------------------------------------------ end

type EndReason = 'trainer' | 'time';

/**
 * Ends the group once (a second call, e.g. the timer racing the trainer, does nothing and returns
 * undefined): ends every engine session, closes the threads, posts the results board and freezes
 * the card. Every transcript stays in the store under the group's id.
 */
export async function endGroup(client: Client, context: BotContext, groupId: string, reason: EndReason): Promise<GroupRecord | undefined> {
  const store = groupStore(context);
  let flipped = false;
  const record = await store.update(groupId, (current) => {
    if (current.status !== 'open') return undefined;
    flipped = true;
    const endedAt = new Date().toISOString();
    // A scenario round still open ends with the group.
    const scenario = current.scenario
      ? { ...current.scenario, rounds: current.scenario.rounds.map((round) => (round.closedAt === null ? { ...round, closedAt: endedAt } : round)) }
      : null;
    return { ...current, status: 'ended', endedAt, scenario };
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the update callback above; narrowing does not see the callback run
  if (!record || !flipped) return undefined;
  const active = groupRuntime.get(groupId);
  const pending = active ? [...active.grading] : [];
  groupRuntime.deactivate(groupId);
  // Answers being graded right now still count.
  await Promise.allSettled(pending);

  const text = groupText(record.lang);
  const standings = await collectStandings(context, record);
  const closing = reason === 'time' ? text.end.timeUp : text.end.byTrainer;
  await Promise.all(
    record.participants
      .filter((participant) => participant.threadId !== null)
      .map((participant) =>
        closeThread(client, participant.threadId ?? '', text.end.threadClosed).catch((error: unknown) => {
          context.log.warn({ err: error, groupId }, 'trainee thread could not be closed');
        }),
      ),
  );

  const channel = await fetchTextChannel(client, record.channelId);
  let boardMessageId: string | null = null;
  if (channel) {
    const embeds = renderBoard({ lang: record.lang, mode: record.mode, personaName: groupPersonaName(context, record), standings: rankStandings(standings) });
    for (const [index, embed] of embeds.entries()) {
      const message = await post(channel, index === 0 ? { content: closing, embeds: [embed] } : { embeds: [embed] });
      boardMessageId ??= message.id;
    }
  }
  const final = (await store.update(groupId, (current) => ({ ...current, boardMessageId }))) ?? record;
  await drawCard(client, context, groupId).catch((error: unknown) => {
    context.log.warn({ err: error, groupId }, 'final session card could not be drawn');
  });
  context.log.info({ groupId, reason, participants: record.participants.length }, 'group session ended');
  return final;
}

async function collectStandings(context: BotContext, record: GroupRecord): Promise<Standing[]> {
  if (record.mode === 'relay') {
    const sessionId = record.relay?.sessionId ?? null;
    const session = sessionId ? (await context.engine.end(sessionId)).session : undefined;
    return relayStandings(record.participants, record.relay?.turns ?? [], session);
  }
  return Promise.all(
    record.participants.map(async (participant) => {
      if (!participant.sessionId) return standingFromSummary(participant, undefined);
      const ended = await context.engine.end(participant.sessionId).catch((error: unknown) => {
        context.log.warn({ err: error, groupId: record.id }, 'trainee session could not be ended');
        return undefined;
      });
      return standingFromSummary(participant, ended?.summary);
    }),
  );
}

// ------------------------------------------------------------------------------------ resume

/**
 * After a restart: re-arms the timers of every open group, ends those whose time ran out while the
 * bot was down, lets `resumeFlow` pick up the format's state (overdue scenario rounds, answers lost
 * with the old process), and redraws the cards. Call once the client is ready.
 */
export async function resumeGroups(
  client: Client,
  context: BotContext,
  resumeFlow: (client: Client, context: BotContext, record: GroupRecord) => Promise<void>,
): Promise<number> {
  const store = groupStore(context);
  let resumed = 0;
  for (const groupId of await store.listOpen()) {
    const record = await store.get(groupId);
    if (!record || record.status !== 'open') continue;
    try {
      if (record.endsAt && Date.parse(record.endsAt) <= Date.now()) {
        await endGroup(client, context, groupId, 'time');
        continue;
      }
      activateGroup(client, context, record);
      await resumeFlow(client, context, record);
      notifyGroupActivity(groupId);
      resumed++;
    } catch (error) {
      context.log.error({ err: error, groupId }, 'group session could not be resumed');
    }
  }
  return resumed;
}
