import { ButtonStyle, ComponentType, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { describeStoredData } from '../../privacy/index.js';
import type { Command } from '../command.js';
import { countMemberGroups } from '../group/index.js';
import { customId, fitEmbed } from '../limits.js';
import { getGuildConfig, interactionLanguage } from '../permissions.js';
import { ephemeral, visible } from '../replies.js';
import { REVIEW_IDS } from '../review/review-ids.js';
import { reviewText } from '../review/review-text.js';

const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription('What is stored about you, and deleting it (only you see it)')
  .setDescriptionLocalizations({ de: 'Was über Sie gespeichert ist, und es löschen (nur für Sie sichtbar)' })
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('show')
      .setDescription('What is stored about you and for how long')
      .setDescriptionLocalizations({ de: 'Was über Sie gespeichert ist und wie lange' }),
  )
  .addSubcommand((sub) =>
    sub
      .setName('delete')
      .setDescription('Delete all your transcripts and progress in this server (asks first)')
      .setDescriptionLocalizations({ de: 'Alle Ihre Protokolle und Ihren Fortschritt auf diesem Server löschen (mit Rückfrage)' }),
  )
  .toJSON();

export const privacyCommand = {
  data,
  async execute(interaction, context) {
    const config = await getGuildConfig(context, interaction.guildId);
    const lang = interactionLanguage(interaction, config);
    const text = reviewText(lang);
    if (interaction.options.getSubcommand(true) === 'delete') {
      // Nothing is deleted here: only the confirmation button (pressed by this member) deletes.
      await interaction.reply(
        ephemeral({
          content: text.privacyConfirm,
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Danger,
                  label: text.privacyConfirmButton,
                  custom_id: customId(REVIEW_IDS.privacy, 'delete', interaction.user.id),
                },
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Secondary,
                  label: text.privacyCancelButton,
                  custom_id: customId(REVIEW_IDS.privacy, 'cancel', interaction.user.id),
                },
              ],
            },
          ],
        }),
      );
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const groupRecords = interaction.guildId ? await countMemberGroups(context, interaction.guildId, interaction.user.id) : 0;
    const stored = await describeStoredData(context.storage, interaction.guildId, interaction.user.id, {
      lang,
      retentionDays: config.retentionDays,
      groupRecords,
    });
    await interaction.editReply(visible({ embeds: [fitEmbed({ color: 0x5865f2, title: text.privacyTitle, description: stored.text.join('\n\n') })] }));
  },
} satisfies Command;
