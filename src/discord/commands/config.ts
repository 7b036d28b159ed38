import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { LanguageSchema, type Language } from '../../evaluation/grade.js';
import type { Command } from '../command.js';
import { GuildConfigSchema, type GuildConfig } from '../guild-config.js';
import { interactionLanguage, requireManageGuild, saveGuildConfig } from '../permissions.js';
import { ephemeral } from '../replies.js';
import { reviewText } from '../review/review-text.js';
import { uiText } from '../ui-text.js';
import { configEmbed } from '../views.js';

const data = new SlashCommandBuilder()
  .setName('config')
  .setDescription('Server settings for practice (Manage Server only)')
  .setDescriptionLocalizations({ de: 'Servereinstellungen für Übungen (nur mit „Server verwalten“)' })
  .setContexts(InteractionContextType.Guild)
  // A hint for Discord's UI; the handler checks the permission itself, as server admins can override this.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((sub) =>
    sub.setName('show').setDescription('Show the current settings').setDescriptionLocalizations({ de: 'Die aktuellen Einstellungen anzeigen' }),
  )
  .addSubcommand((sub) =>
    sub
      .setName('set')
      .setDescription('Change one or more settings')
      .setDescriptionLocalizations({ de: 'Eine oder mehrere Einstellungen ändern' })
      .addRoleOption((o) =>
        o
          .setName('trainer-role')
          .setDescription('Role that may run group sessions')
          .setDescriptionLocalizations({ de: 'Rolle, die Gruppenübungen leiten darf' }),
      )
      .addRoleOption((o) =>
        o.setName('manager-role').setDescription('Role that may see team results').setDescriptionLocalizations({ de: 'Rolle, die Teamergebnisse sehen darf' }),
      )
      .addChannelOption((o) =>
        o
          .setName('add-channel')
          .setDescription('Allow /practice start in this channel')
          .setDescriptionLocalizations({ de: '/practice start in diesem Kanal erlauben' })
          .addChannelTypes(ChannelType.GuildText),
      )
      .addChannelOption((o) =>
        o
          .setName('remove-channel')
          .setDescription('No longer allow /practice start in this channel')
          .setDescriptionLocalizations({ de: '/practice start in diesem Kanal nicht mehr erlauben' })
          .addChannelTypes(ChannelType.GuildText),
      )
      .addBooleanOption((o) =>
        o
          .setName('any-channel')
          .setDescription('Allow /practice start in every text channel again')
          .setDescriptionLocalizations({ de: '/practice start wieder in jedem Textkanal erlauben' }),
      )
      .addStringOption((o) =>
        o
          .setName('thread-visibility')
          .setDescription('Practice threads: private (default) or public')
          .setDescriptionLocalizations({ de: 'Übungs-Threads: privat (Standard) oder öffentlich' })
          .addChoices(
            { name: 'private', name_localizations: { de: 'privat' }, value: 'private' },
            { name: 'public', name_localizations: { de: 'öffentlich' }, value: 'public' },
          ),
      )
      .addStringOption((o) =>
        o
          .setName('language')
          .setDescription('Default language of the server')
          .setDescriptionLocalizations({ de: 'Standardsprache des Servers' })
          .addChoices({ name: 'Deutsch', value: 'de' }, { name: 'English', value: 'en' }),
      )
      .addIntegerOption((o) =>
        o
          .setName('retention-days')
          .setDescription('Delete sessions so many days after their last activity (0: keep them)')
          .setDescriptionLocalizations({ de: 'Sitzungen so viele Tage nach der letzten Aktivität löschen (0: behalten)' })
          .setMinValue(0)
          .setMaxValue(3650),
      ),
  )
  .toJSON();

export const configCommand = {
  data,
  async execute(interaction, context) {
    const current = await requireManageGuild(interaction, context);
    if (interaction.options.getSubcommand(true) === 'show') {
      await interaction.reply(ephemeral({ embeds: [settingsEmbed(current, interactionLanguage(interaction, current))] }));
      return;
    }
    const options = interaction.options;
    const next: GuildConfig = { ...current, practiceChannelIds: [...current.practiceChannelIds] };
    const trainer = options.getRole('trainer-role');
    if (trainer) next.trainerRoleId = trainer.id;
    const manager = options.getRole('manager-role');
    if (manager) next.managerRoleId = manager.id;
    if (options.getBoolean('any-channel')) next.practiceChannelIds = [];
    const add = options.getChannel('add-channel');
    if (add && !next.practiceChannelIds.includes(add.id)) next.practiceChannelIds.push(add.id);
    const remove = options.getChannel('remove-channel');
    if (remove) next.practiceChannelIds = next.practiceChannelIds.filter((id) => id !== remove.id);
    const visibility = options.getString('thread-visibility');
    if (visibility === 'private' || visibility === 'public') next.threadVisibility = visibility;
    const language = LanguageSchema.safeParse(options.getString('language'));
    if (language.success) next.language = language.data;
    const retention = options.getInteger('retention-days');
    if (retention !== null) next.retentionDays = retention === 0 ? null : retention;

    const saved = GuildConfigSchema.parse(next);
    await saveGuildConfig(context, interaction.guildId, saved);
    context.log.info({ guildId: interaction.guildId, userId: interaction.user.id, retentionDays: saved.retentionDays }, 'guild config changed');
    const lang = interactionLanguage(interaction, saved);
    await interaction.reply(ephemeral({ content: uiText(lang).config.saved, embeds: [settingsEmbed(saved, lang)] }));
  },
} satisfies Command;

/** The settings embed with the retention period added (the review side's setting). */
function settingsEmbed(config: GuildConfig, lang: Language): APIEmbed {
  const embed = configEmbed(config, lang);
  const text = reviewText(lang);
  const value = config.retentionDays === null ? text.retentionOff : text.retentionSet(config.retentionDays);
  return { ...embed, fields: [...(embed.fields ?? []), { name: text.retention, value }] };
}
