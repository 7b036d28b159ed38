import { Events, type Client, type Message } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { errorReply } from '../error-reply.js';
import { visible } from '../replies.js';
import { handleGroupThreadMessage } from './group-messages.js';

const listening = new WeakSet<Client>();

/**
 * The relay happens in the group's channel itself, but the bot's message router only looks at
 * threads. So the group module listens for channel messages on its own, once per client; the
 * handler ignores every channel without a running relay after one store read.
 */
export function ensureChannelListener(client: Client, context: BotContext): void {
  if (listening.has(client)) return;
  listening.add(client);
  const log = context.log;
  client.on(Events.MessageCreate, (message: Message) => {
    if (message.author.bot || !message.inGuild() || message.channel.isThread()) return;
    handleGroupThreadMessage(message, context).catch(async (error: unknown) => {
      const content = errorReply(error, context.config.DEFAULT_LANGUAGE, log, { where: 'relay', channelId: message.channelId });
      await message.reply(visible({ content })).catch(() => undefined);
    });
  });
}
