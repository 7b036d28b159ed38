import { MessageFlags, type MessageMentionOptions } from 'discord.js';

/** Nobody is ever pinged: not by a mention in quoted text, not by a reply. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** Options for an interaction reply only the member sees. */
export function ephemeral<T extends object>(options: T): T & { flags: MessageFlags.Ephemeral; allowedMentions: MessageMentionOptions } {
  return { ...options, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}

/** Options for a message everyone in the channel sees. */
export function visible<T extends object>(options: T): T & { allowedMentions: MessageMentionOptions } {
  return { ...options, allowedMentions: NO_MENTIONS };
}
