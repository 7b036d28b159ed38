import type { Message } from 'discord.js';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import type { BotContext } from './bot-context.js';
import { errorReply } from './error-reply.js';
import type { GroupHooks } from './group-seam.js';
import { handlePracticeMessage } from './practice-thread.js';
import { visible } from './replies.js';

/**
 * `messageCreate` in threads: a group session's thread first, else a solo practice session found
 * by thread id in the store (so threads keep working after a restart). Everything else — other
 * channels, bots, members other than the trainee — is ignored without a word.
 */
export function createMessageRouter(
  context: BotContext,
  group: Pick<GroupHooks, 'handleGroupThreadMessage'> & Partial<GroupHooks>,
): (message: Message) => Promise<void> {
  // Replies sent in quick succession are graded in order by the engine; this keeps their
  // answers and feedback from interleaving in the thread as well.
  const threads = new KeyedMutex();
  return async function route(message) {
    if (message.author.bot || message.system || !message.inGuild() || !message.channel.isThread()) return;
    const log = context.log.child({ messageId: message.id, channelId: message.channelId, userId: message.author.id });
    try {
      if (await group.handleGroupThreadMessage(message, { ...context, log })) return;
      await threads.run(message.channelId, () => handlePracticeMessage(message, { ...context, log }));
    } catch (error) {
      const session = await context.storage.sessions.findByChannel(message.channelId).catch(() => undefined);
      const content = errorReply(error, session?.lang ?? context.config.DEFAULT_LANGUAGE, log, { where: 'message' });
      await message.reply(visible({ content })).catch((sendError: unknown) => log.warn({ err: sendError }, 'could not send the error reply'));
    }
  };
}
