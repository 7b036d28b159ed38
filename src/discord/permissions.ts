import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Language } from '../evaluation/grade.js';
import { UserFacingError } from '../errors.js';
import type { BotContext } from './bot-context.js';
import { GUILD_CONFIG_COLLECTION, GuildConfigSchema, type GuildConfig } from './guild-config.js';
import { uiText } from './ui-text.js';

type GuildRole = 'trainer' | 'manager';

/**
 * The server's settings, or the defaults (language from `DEFAULT_LANGUAGE`) when `/config` was
 * never used there. Never throws for a missing record; a store failure propagates as
 * `StoreUnavailableError` so the router can say "please retry".
 */
export async function getGuildConfig(context: BotContext, guildId: string): Promise<GuildConfig> {
  const stored = await guildConfigs(context).get(guildId);
  return stored ?? GuildConfigSchema.parse({ language: context.config.DEFAULT_LANGUAGE });
}

export async function saveGuildConfig(context: BotContext, guildId: string, config: GuildConfig): Promise<void> {
  await guildConfigs(context).set(guildId, config);
}

function guildConfigs(context: BotContext) {
  return context.storage.collection(GUILD_CONFIG_COLLECTION, GuildConfigSchema);
}

/** True for members with Manage Server (administrators included: Discord folds them in). */
function canManageGuild(interaction: BaseInteraction<'cached'>): boolean {
  return interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
}

/**
 * The language for replies to this member: their Discord client language when it is German or
 * English, else the server's default.
 */
export function interactionLanguage(interaction: BaseInteraction<'cached'>, config: GuildConfig): Language {
  if (interaction.locale.startsWith('de')) return 'de';
  if (interaction.locale.startsWith('en')) return 'en';
  return config.language;
}

/**
 * Checks that the member may act as `role` and returns the server's settings.
 *
 * - `manager`: the configured manager role, or Manage Server.
 * - `trainer`: the configured trainer role, the manager role, or Manage Server.
 *
 * Members with Manage Server always pass, so a server that has not run `/config` yet is usable
 * by its admins. Throws a `UserFacingError` (code `forbidden`) in the member's language otherwise.
 */
export async function requireRole(interaction: BaseInteraction<'cached'>, context: BotContext, role: GuildRole): Promise<GuildConfig> {
  const config = await getGuildConfig(context, interaction.guildId);
  if (hasRole(interaction, config, role)) return config;
  const text = uiText(interactionLanguage(interaction, config));
  throw new UserFacingError('forbidden', text.errors.needsRole(role, roleIdFor(config, role)));
}

export function hasRole(interaction: BaseInteraction<'cached'>, config: GuildConfig, role: GuildRole): boolean {
  if (canManageGuild(interaction)) return true;
  const roles = interaction.member.roles.cache;
  if (config.managerRoleId && roles.has(config.managerRoleId)) return true;
  return role === 'trainer' && config.trainerRoleId !== null && roles.has(config.trainerRoleId);
}

function roleIdFor(config: GuildConfig, role: GuildRole): string | null {
  return role === 'trainer' ? config.trainerRoleId : config.managerRoleId;
}

/** `/config` and other admin actions: Manage Server, checked by the bot itself. */
export async function requireManageGuild(interaction: BaseInteraction<'cached'>, context: BotContext): Promise<GuildConfig> {
  const config = await getGuildConfig(context, interaction.guildId);
  if (canManageGuild(interaction)) return config;
  throw new UserFacingError('forbidden', uiText(interactionLanguage(interaction, config)).errors.needsManageGuild);
}
