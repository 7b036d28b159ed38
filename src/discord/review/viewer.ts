import type { BaseInteraction } from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import type { Viewer, ViewerRole } from '../../reports/index.js';
import type { BotContext } from '../bot-context.js';
import type { GuildConfig } from '../guild-config.js';
import { getGuildConfig, hasRole, interactionLanguage } from '../permissions.js';

export interface ResolvedViewer {
  viewer: Viewer;
  config: GuildConfig;
  lang: Language;
}

/**
 * Who is asking, in the terms of the reports' access rules: everyone is a trainee of their own
 * sessions; the configured roles (or Manage Server) add trainer and manager. Resolved afresh on
 * every command, select, button and modal, so nothing a client sends back is trusted.
 */
export async function resolveViewer(interaction: BaseInteraction<'cached'>, context: BotContext): Promise<ResolvedViewer> {
  const config = await getGuildConfig(context, interaction.guildId);
  const roles: ViewerRole[] = ['trainee'];
  if (hasRole(interaction, config, 'trainer')) roles.push('trainer');
  if (hasRole(interaction, config, 'manager')) roles.push('manager');
  return {
    viewer: { userId: interaction.user.id, roles, guildId: interaction.guildId },
    config,
    lang: interactionLanguage(interaction, config),
  };
}

/** A member's display name from the guild cache, when Discord sent it; reports fall back to the id. */
export function memberNameFrom(interaction: BaseInteraction<'cached'>): (userId: string) => string | undefined {
  return (userId) => interaction.guild.members.cache.get(userId)?.displayName;
}
