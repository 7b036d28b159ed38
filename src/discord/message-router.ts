import type { Message } from 'discord.js';
import { replyReceived } from '../engine/session.js';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import type { BotContext } from './bot-context.js';
import { errorReply } from './error-reply.js';
import type { GroupHooks } from './group-seam.js';
import { handlePracticeMessage } from './practice-thread.js';
import { createMemberRateLimits, rateLimitSettings, retrySeconds, type MemberRateLimits } from './rate-limit.js';
import { visible } from './replies.js';
import { uiText } from './ui-text.js';

/**
 * `messageCreate` in threads the bot opened: a solo practice session found by thread id in the store
 * (so threads keep working after a restart), else a group session's thread. Everything else — other
 * channels, bots, members other than the trainee — is ignored without a word.
 *
 * A message of a session's own trainee in its thread costs a `reply` point of the member rate
 * limit before any handler sees it; a refused one is not graded and the trainee is told so once
 * per refusal window.
 */
export function createMessageRouter(
  context: BotContext,
  group: Pick<GroupHooks, 'handleGroupThreadMessage'> & Partial<GroupHooks>,
): (message: Message) => Promise<void> {
  // Replies sent in quick succession are graded in order by the engine; this keeps their
  // answers and feedback from interleaving in the thread as well.
  const threads = new KeyedMutex();
  const limits = context.rateLimits ?? createMemberRateLimits(rateLimitSettings(context.config));
  return async function route(message) {
    if (message.author.bot || message.system || !message.inGuild() || !message.channel.isThread()) return;
    // Every practice and group thread is one the bot opened; other threads are members' own
    // chat and must not even cost a store read (nor get a "store unavailable" during an outage).
    if (message.channel.ownerId !== message.client.user.id) return;
    const log = context.log.child({ messageId: message.id, channelId: message.channelId, userId: message.author.id });
    try {
      if (!(await withinLimit(message, context, limits, log))) return;
      // A solo practice thread first: nearly every message is a reply there, and a group's thread
      // holds a group practice, which the solo handler leaves alone (returns false).
      if (await threads.run(message.channelId, () => handlePracticeMessage(message, { ...context, log }))) return;
      await group.handleGroupThreadMessage(message, { ...context, log });
    } catch (error) {
      const session = await context.storage.sessions.findByChannel(message.channelId).catch(() => undefined);
      const content = errorReply(error, session?.lang ?? context.config.DEFAULT_LANGUAGE, log, { where: 'message' });
      await message.reply(visible({ content })).catch((sendError: unknown) => {
        log.warn({ err: sendError }, 'could not send the error reply');
      });
    }
  };
}

/**
 * Only messages the bot would answer count: the session owner's, in the session's own thread
 * (solo or group). Chat of other members costs nothing and is never refused.
 */
async function withinLimit(message: Message<true>, context: BotContext, limits: MemberRateLimits, log: BotContext['log']): Promise<boolean> {
  if (!limits.isLimited('reply')) return true;
  const session = await context.storage.sessions.findByChannel(message.channelId);
  if (!session || session.userId !== message.author.id) return true;
  // A message redelivered by the gateway or read again by the start-up catch-up was already paid
  // for; refusing it would tell the trainee "not graded" about a reply that was.
  if (replyReceived(session, message.id)) return true;
  const decision = await limits.take('reply', message.guildId, message.author.id);
  if (decision.allowed) return true;
  if (decision.notify) {
    log.info({ sessionId: session.id, retryAfterMs: decision.retryAfterMs }, 'reply rate-limited');
    const content = uiText(session.lang).rateLimit.replyRefused(retrySeconds(decision.retryAfterMs));
    await message.reply(visible({ content }));
  }
  return false;
}
