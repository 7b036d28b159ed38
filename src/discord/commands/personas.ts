import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { LanguageSchema } from '../../evaluation/grade.js';
import type { Command } from '../command.js';
import { getGuildConfig, interactionLanguage } from '../permissions.js';
import { ephemeral } from '../replies.js';
import { personaMessages } from '../views.js';

const data = new SlashCommandBuilder()
  .setName('personas')
  .setDescription('List the practice customers and their situations')
  .setDescriptionLocalizations({ de: 'Die Übungskundschaft und ihre Ausgangslagen anzeigen' })
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) =>
    option
      .setName('language')
      .setDescription('Language of the list (default: yours or the server’s)')
      .setDescriptionLocalizations({ de: 'Sprache der Liste (Standard: Ihre oder die des Servers)' })
      .addChoices({ name: 'Deutsch', value: 'de' }, { name: 'English', value: 'en' }),
  )
  .toJSON();

export const personasCommand = {
  data,
  async execute(interaction, context) {
    const config = await getGuildConfig(context, interaction.guildId);
    const fallback = interactionLanguage(interaction, config);
    const lang = LanguageSchema.catch(fallback).parse(interaction.options.getString('language') ?? fallback);
    const [first = [], ...more] = personaMessages(context.personas.list(), lang);
    await interaction.reply(ephemeral({ embeds: first }));
    for (const embeds of more) await interaction.followUp(ephemeral({ embeds }));
  },
} satisfies Command;
