import { SnowflakeUtil, type Client, type Message, type ThreadChannel } from 'discord.js';
import type { Session } from '../engine/session.js';
import type { BotContext } from './bot-context.js';
import { postExchange } from './practice-thread.js';
import { uiText } from './ui-text.js';
import { answersInOwnThread, notifyGroupActivity } from './group/index.js';

/**
 * What Discord does not replay to a new gateway session: messages trainees wrote while the bot was
 * down, and answers the old process had graded (the exchange is stored) but not yet posted. At
 * start-up, after the pending replies were answered, each open session bound to a thread is read
 * from the last message it took on:
 * - no feedback after the last graded reply: its answer never (or only half) reached the thread,
 *   so what is missing is posted now from the transcript (solo practice and the group's
 *   own-thread format);
 * - the trainee's later messages go through the ordinary message handling, which takes each
 *   message id once (`replyOnce`), so nothing is answered twice.
 * Relay answers (in the group channel) and sessions idle for longer than `windowMs` are not read.
 */
interface CatchUpOptions {
  /** sessions last active longer ago than this are left alone; default one day */
  windowMs?: number;
  /** threads read at the same time; default 4 */
  concurrency?: number;
  now?: () => number;
}

export interface CatchUpResult {
  /** threads read */
  threads: number;
  /** answers posted from the transcript because the old process died before posting them */
  redelivered: number;
  /** trainee messages handed to the message handling */
  routed: number;
}

const DAY_MS = 24 * 60 * 60_000;
const CONCURRENCY = 4;
/** Discord's page size for message history. */
const PAGE = 100;

export async function catchUpThreads(
  client: Client<true>,
  context: BotContext,
  route: (message: Message) => Promise<void>,
  options: CatchUpOptions = {},
): Promise<CatchUpResult> {
  const now = options.now ?? Date.now;
  const since = now() - (options.windowMs ?? DAY_MS);
  const result: CatchUpResult = { threads: 0, redelivered: 0, routed: 0 };
  const ids = await context.storage.sessions.listOpen();
  const catchUp = async (id: string) => {
    const session = await context.storage.sessions.get(id);
    if (!session?.channelRef || session.status !== 'active' || Date.parse(session.updatedAt) < since) return;
    try {
      const channel = await client.channels.fetch(session.channelRef).catch(() => null);
      if (!channel?.isThread() || channel.archived) return;
      const after = lastTakenId(session);
      const page = [...(await channel.messages.fetch({ after, limit: PAGE, cache: false })).values()].sort(byId);
      result.threads++;
      const last = session.exchanges.at(-1);
      if (last?.key === after) {
        const fromBot = page.filter((message) => message.author.id === client.user.id);
        const feedbackTitle = uiText(session.lang).practice.feedbackTitle;
        const feedbackShown = fromBot.some((message) => message.embeds.some((embed) => embed.title?.startsWith(feedbackTitle)));
        // Killed between the customer's line and the feedback: only the feedback is missing.
        if (!feedbackShown && (await redeliver(channel, session, context, { lineShown: fromBot.length > 0 }))) result.redelivered++;
      }
      for (const message of page) {
        if (message.author.bot || message.author.id !== session.userId) continue;
        await route(message);
        result.routed++;
      }
    } catch (error) {
      context.log.warn({ err: error, sessionId: id }, 'could not catch up on a practice thread');
    }
  };
  // A few threads at a time: each is one history read (its own rate-limit bucket on Discord), and
  // live messages wait until the catch-up is done. Each session belongs to one thread, so the
  // workers never share one.
  let next = 0;
  const worker = async () => {
    while (next < ids.length) await catchUp(ids[next++] ?? '');
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? CONCURRENCY, ids.length) }, worker));
  if (result.redelivered > 0 || result.routed > 0) context.log.info({ ...result }, 'caught up on messages from while the bot was away');
  return result;
}

/**
 * The id of the last message the session took (graded or pending); without one (a session from
 * before message ids were kept, or no reply yet), an id for the time of its last activity.
 */
function lastTakenId(session: Session): string {
  const keys = [...session.exchanges.map((exchange) => exchange.key), session.pendingReply?.key].filter((key): key is string => key !== undefined);
  if (keys.length > 0) return keys.reduce((latest, key) => (BigInt(key) > BigInt(latest) ? key : latest));
  return SnowflakeUtil.generate({ timestamp: Date.parse(session.updatedAt) }).toString();
}

function byId(a: Message, b: Message): number {
  const difference = BigInt(a.id) - BigInt(b.id);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/**
 * Posts the last exchange's answer (customer line, feedback, summary) from the transcript. Only
 * where an exchange is answered like that: solo practice and the group's own-thread format; a
 * shared-scenario answer is shown with its round.
 */
async function redeliver(thread: ThreadChannel, session: Session, context: BotContext, shown: { lineShown: boolean }): Promise<boolean> {
  const exchange = session.exchanges.at(-1);
  if (!exchange) return false;
  if (session.groupId !== null && !(await answersInOwnThread(context, session.groupId))) return false;
  // The customer line this exchange produced (none when the trainee said goodbye).
  const line = shown.lineShown ? null : (session.lines.find((candidate) => candidate.n > exchange.lineN && !candidate.retracted) ?? null);
  await postExchange(thread, { session, exchange, line, ended: null }, context, uiText(session.lang).practice.recovered);
  if (session.groupId !== null) notifyGroupActivity(session.groupId);
  return true;
}
