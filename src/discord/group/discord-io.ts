import {
  ChannelType,
  ThreadAutoArchiveDuration,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type Client,
  type Message,
  type TextChannel,
  type ThreadChannel,
} from 'discord.js';
import { LIMITS, truncate } from '../limits.js';
import { NO_MENTIONS } from '../replies.js';

/** Every message of the group features: nothing pings, whatever the text contains (the bot-wide setting). */
export { NO_MENTIONS };

interface OutgoingMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}

/** The group's channel, or undefined when it is gone or not a plain text channel. */
export async function fetchTextChannel(client: Client, channelId: string): Promise<TextChannel | undefined> {
  const channel = await client.channels.fetch(channelId).catch(() => null);
  return channel?.type === ChannelType.GuildText ? channel : undefined;
}

export async function fetchThread(client: Client, threadId: string): Promise<ThreadChannel | undefined> {
  const channel = await client.channels.fetch(threadId).catch(() => null);
  return channel?.isThread() ? channel : undefined;
}

export function post(channel: TextChannel | ThreadChannel, message: OutgoingMessage): Promise<Message> {
  return channel.send({ ...message, allowedMentions: NO_MENTIONS });
}

export async function edit(channel: TextChannel, messageId: string, message: OutgoingMessage): Promise<void> {
  await channel.messages.edit(messageId, { ...message, allowedMentions: NO_MENTIONS });
}

/** A trainee's own thread under the group channel, with the trainee added. */
export async function openTraineeThread(
  channel: TextChannel,
  options: { name: string; visibility: 'private' | 'public'; userId: string },
): Promise<ThreadChannel> {
  const name = truncate(options.name, LIMITS.threadName);
  const thread =
    options.visibility === 'private'
      ? await channel.threads.create({ name, type: ChannelType.PrivateThread, invitable: false, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay })
      : await channel.threads.create({ name, type: ChannelType.PublicThread, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  await thread.members.add(options.userId);
  return thread;
}

/** Says goodbye in a trainee thread, then locks and archives it. Missing threads are skipped. */
export async function closeThread(client: Client, threadId: string, farewell: string): Promise<void> {
  const thread = await fetchThread(client, threadId);
  if (!thread || thread.archived) return;
  await post(thread, { content: farewell });
  await thread.edit({ locked: true, archived: true });
}
