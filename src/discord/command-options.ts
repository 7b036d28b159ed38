import type { SlashCommandStringOption } from 'discord.js';

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
