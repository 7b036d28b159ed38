import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import type { BotContext } from './bot-context.js';
import { LIMITS, truncate } from './limits.js';
import { getGuildConfig, interactionLanguage } from './permissions.js';

/** The intensity option shared by `/practice start` and the `/session` subcommands. */
export function intensityOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('intensity')
    .setDescription('How hard the customer pushes (default: standard)')
    .setDescriptionLocalizations({ de: 'Wie stark die Kundschaft drängt (Standard: standard)' })
    .addChoices(
      { name: 'gentle', name_localizations: { de: 'sanft' }, value: 'gentle' },
      { name: 'standard', value: 'standard' },
      { name: 'harsh', name_localizations: { de: 'hart' }, value: 'harsh' },
    );
}

/** Persona autocomplete: matches the typed text against ids and both names, labels in the member's language. */
export async function respondWithPersonas(interaction: AutocompleteInteraction<'cached'>, context: BotContext): Promise<void> {
  const lang = interactionLanguage(interaction, await getGuildConfig(context, interaction.guildId));
  const typed = interaction.options.getFocused().toLowerCase().trim();
  const choices = context.personas
    .list()
    .filter((persona) => !typed || [persona.id, persona.names.de, persona.names.en].some((name) => name.toLowerCase().includes(typed)))
    .slice(0, LIMITS.autocompleteChoices)
    .map((persona) => ({ name: truncate(`${persona.names[lang]} (${persona.id})`, LIMITS.choiceName), value: persona.id }));
  await interaction.respond(choices);
}
