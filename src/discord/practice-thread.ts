import { ChannelType, ThreadAutoArchiveDuration, type APIEmbed, type Message, type TextChannel, type ThreadChannel } from 'discord.js';
import type { EndResult, ReplyResult } from '../engine/engine-types.js';
import { replyReceived, type Session } from '../engine/session.js';
import type { Language } from '../evaluation/grade.js';
import { isLlmConfigured } from '../llm/llm-config.js';
import type { Intensity, Persona } from '../personas/persona-schema.js';
import { personaName } from '../personas/persona-text.js';
import type { BotContext } from './bot-context.js';
import { feedbackButtons, noticeButtons, retryOnlyButtons } from './components.js';
import type { GuildConfig } from './guild-config.js';
import { LIMITS, truncate } from './limits.js';
import { visible } from './replies.js';
import { uiText } from './ui-text.js';
import { briefEmbed, customerLineMessages, feedbackEmbed, noticeEmbed, summaryEmbed } from './views.js';

/**
 * The solo practice flow in a thread: open it, post the brief (and content notice), start the
 * engine session, and turn each trainee message into a graded exchange. Handlers call these; the
 * engine stays unaware of Discord.
 */

interface PracticeRequest {
  userId: string;
  guildId: string;
  persona: Persona;
  lang: Language;
  intensity: Intensity;
}

/** Discord shows "typing…" for about 10 seconds per call; refresh it while grading runs. */
const TYPING_REFRESH_MS = 8_000;

export async function openPracticeThread(channel: TextChannel, request: PracticeRequest, memberName: string, config: GuildConfig): Promise<ThreadChannel> {
  const text = uiText(request.lang);
  const isPrivate = config.threadVisibility === 'private';
  const thread = await channel.threads.create({
    name: truncate(text.practice.threadName(personaName(request.persona, request.lang), memberName), LIMITS.threadName),
    type: isPrivate ? ChannelType.PrivateThread : ChannelType.PublicThread,
    autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
    ...(isPrivate ? { invitable: false } : {}),
  });
  // A private thread is invisible to the trainee until they are added; in a public one this
  // makes the thread show up in their sidebar.
  await thread.members.add(request.userId);
  return thread;
}

/** Posts the brief; then either the content notice with Start/Cancel, or starts right away. */
export async function introducePractice(thread: ThreadChannel, request: PracticeRequest, context: BotContext): Promise<void> {
  const notice = noticeEmbed(request.persona, request.lang, request.intensity);
  const brief = briefEmbed(request.persona, request.lang, request.intensity);
  if (notice) {
    await thread.send(
      visible({
        embeds: [brief, notice],
        components: noticeButtons(request.userId, request.lang, request.intensity, request.persona.id),
      }),
    );
    return;
  }
  await thread.send(visible({ embeds: [brief] }));
  await beginSession(thread, request, context);
}

export async function beginSession(thread: ThreadChannel, request: PracticeRequest, context: BotContext): Promise<Session> {
  const started = await context.engine.start({
    userId: request.userId,
    guildId: request.guildId,
    personaId: request.persona.id,
    lang: request.lang,
    intensity: request.intensity,
    channelRef: thread.id,
  });
  context.log.info({ sessionId: started.session.id, personaId: request.persona.id, guildId: request.guildId }, 'practice started');
  for (const content of customerLineMessages(started.line, started.persona, request.lang)) {
    await thread.send(visible({ content }));
  }
  return started.session;
}

/**
 * One trainee message in their practice thread → one graded exchange. In a paused or ended session
 * the trainee is told why nothing was graded. Messages from anyone else, and threads without a solo
 * session, are left alone (returns false).
 */
export async function handlePracticeMessage(message: Message<true>, context: BotContext): Promise<boolean> {
  const session = await context.storage.sessions.findByChannel(message.channelId);
  if (!session || session.groupId !== null) return false;
  if (session.userId !== message.author.id) return false;
  const channel = message.channel;
  if (!channel.isThread()) return false;
  // Discord may deliver a message again (gateway replay, start-up catch-up): the answer is already there.
  if (replyReceived(session, message.id)) return true;
  if (session.status === 'ended') {
    await message.reply(visible({ content: uiText(session.lang).practice.sessionOver }));
    return true;
  }
  if (session.status === 'paused') {
    await message.reply(visible({ content: uiText(session.lang).practice.alreadyPaused }));
    return true;
  }
  const outcome = await withTyping(channel, () => context.engine.replyOnce(session.id, message.content, message.id));
  if (outcome.kind === 'answered') await postExchange(channel, outcome.result, context);
  return true;
}

/** The customer's answer, the feedback with its buttons, and the summary when the reply ended the session. */
export async function postExchange(channel: ThreadChannel, result: ReplyResult, context: BotContext, prefix?: string): Promise<void> {
  const { session, exchange, line, ended } = result;
  const persona = context.personas.require(session.personaId);
  const lang = session.lang;
  if (prefix) await channel.send(visible({ content: prefix }));
  for (const content of line ? customerLineMessages(line, persona, lang) : []) {
    await channel.send(visible({ content }));
  }
  const feedback = feedbackEmbed(exchange, lang, { llmConfigured: isLlmConfigured(context.config) });
  await channel.send(
    visible({
      embeds: [feedback],
      components: feedbackComponents(session),
    }),
  );
  if (ended) await postSummary(channel, ended, context);
}

function feedbackComponents(session: Session) {
  if (session.status !== 'ended') return feedbackButtons(session.id, session.turns, session.lang);
  // The engine lets a trainee answer the line again after the customer hung up; nothing else reopens.
  return session.outcome === 'hung_up' ? retryOnlyButtons(session.id, session.turns, session.lang) : [];
}

export async function postSummary(channel: ThreadChannel, ended: EndResult, context: BotContext): Promise<void> {
  await channel.send(visible(summaryMessage(ended, context)));
}

/** The summary embed of an ended session (logged once here, wherever it is posted). */
export function summaryMessage(ended: EndResult, context: BotContext): { embeds: APIEmbed[] } {
  const persona = context.personas.require(ended.session.personaId);
  context.log.info({ sessionId: ended.session.id, outcome: ended.session.outcome, turns: ended.session.turns }, 'practice ended');
  return { embeds: [summaryEmbed(ended.summary, persona, ended.session.lang)] };
}

/**
 * Shows "typing…" only once an answer takes noticeably long (a model call), then keeps it up. A
 * quick answer (the offline grader, tens of ms) sends no typing call: it would be gone before a
 * person saw it, and it would spend a third of the exchange's REST budget (Discord allows 50
 * requests per second per bot).
 */
async function withTyping<T>(channel: ThreadChannel, work: () => Promise<T>): Promise<T> {
  const delayMs = 1_000;
  const type = () => void channel.sendTyping().catch(() => undefined);
  let refresh: NodeJS.Timeout | undefined;
  const start = setTimeout(() => {
    type();
    refresh = setInterval(type, TYPING_REFRESH_MS);
  }, delayMs);
  try {
    return await work();
  } finally {
    clearTimeout(start);
    clearInterval(refresh);
  }
}
