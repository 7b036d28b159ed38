import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * The permissions the bot asks for when invited, and nothing more: read and write in practice
 * channels and threads, open private and public threads, embeds, and manage its own threads.
 * `docs/discord.md` states the same integer; a test keeps them equal.
 */
export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.ManageThreads,
]).bitfield;

const BOT_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The invite link for an application id, with the minimal permissions and both scopes. */
export function inviteUrl(applicationId: string): string {
  const scope = BOT_SCOPES.map(encodeURIComponent).join('%20');
  return `https://discord.com/oauth2/authorize?client_id=${encodeURIComponent(applicationId)}&permissions=${BOT_PERMISSIONS}&scope=${scope}`;
}
