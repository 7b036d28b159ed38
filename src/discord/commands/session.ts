import {
  ChannelType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { UserFacingError } from '../../errors.js';
import { LanguageSchema } from '../../evaluation/grade.js';
import { IntensitySchema } from '../../personas/persona-schema.js';
import type { BotContext } from '../bot-context.js';
import type { Command } from '../command.js';
import type { GuildConfig } from '../guild-config.js';
import { ensureChannelListener } from '../group/channel-listener.js';
import type { GroupMode } from '../group/group-record.js';
import { endGroup, groupStore, startGroup } from '../group/group-service.js';
import { groupText } from '../group/group-text.js';
import { interactionLanguage, requireRole } from '../permissions.js';
import { visible } from '../replies.js';
import { intensityOption, respondWithPersonas } from '../command-options.js';

/** Without a duration the group ends itself after this long, so a forgotten session does not stay open. */
const DEFAULT_DURATION_MINUTES = 60;
const MAX_DURATION_MINUTES = 8 * 60;

function withGroupOptions(sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return sub
    .addStringOption((option) =>
      option
        .setName('persona')
        .setDescription('The customer the group practises with')
        .setDescriptionLocalizations({ de: 'Die Kundschaft, mit der die Gruppe übt' })
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addIntegerOption((option) =>
      option
        .setName('duration')
        .setDescription(`Minutes until the session ends by itself (default ${DEFAULT_DURATION_MINUTES})`)
        .setDescriptionLocalizations({ de: `Minuten, bis die Übung von selbst endet (Standard ${DEFAULT_DURATION_MINUTES})` })
        .setMinValue(1)
        .setMaxValue(MAX_DURATION_MINUTES),
    )
    .addStringOption((option) =>
      option
        .setName('language')
        .setDescription('Language of the conversation (default: the server’s)')
        .setDescriptionLocalizations({ de: 'Sprache des Gesprächs (Standard: die des Servers)' })
        .addChoices({ name: 'Deutsch', value: 'de' }, { name: 'English', value: 'en' }),
    )
    .addStringOption(intensityOption);
}

const data = new SlashCommandBuilder()
  .setName('session')
  .setDescription('Run a group practice as a trainer')
  .setDescriptionLocalizations({ de: 'Eine Gruppenübung als Trainer:in leiten' })
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    withGroupOptions(
      sub
        .setName('start')
        .setDescription('Everyone practises the same customer in their own thread')
        .setDescriptionLocalizations({ de: 'Alle üben mit derselben Kundschaft im eigenen Thread' }),
    ),
  )
  .addSubcommand((sub) =>
    withGroupOptions(
      sub
        .setName('scenario')
        .setDescription('Shared scenario: everyone answers the same customer line, answers shown side by side')
        .setDescriptionLocalizations({ de: 'Gemeinsames Szenario: alle antworten auf dieselbe Aussage, Antworten nebeneinander' }),
    ),
  )
  .addSubcommand((sub) =>
    withGroupOptions(
      sub
        .setName('relay')
        .setDescription('Relay: trainees take turns answering one customer in this channel')
        .setDescriptionLocalizations({ de: 'Staffel: Teilnehmende antworten abwechselnd derselben Kundschaft in diesem Kanal' }),
    ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('end')
      .setDescription('End the group practice in this channel and post the results')
      .setDescriptionLocalizations({ de: 'Die Gruppenübung in diesem Kanal beenden und die Ergebnisse zeigen' }),
  )
  .toJSON();

const MODES: Record<string, GroupMode> = { start: 'individual', scenario: 'scenario', relay: 'relay' };

export const sessionCommand = {
  data,
  async execute(interaction, context) {
    // Trainers only, checked by the bot itself: a denial is an ephemeral reason from the router.
    const config = await requireRole(interaction, context, 'trainer');
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'end') return endSession(interaction, context, config);
    const mode = MODES[sub];
    if (!mode) throw new UserFacingError('unknown_subcommand', groupText(interactionLanguage(interaction, config)).end.noGroup);
    return startSession(interaction, context, config, mode);
  },
  autocomplete: respondWithPersonas,
} satisfies Command;

async function startSession(interaction: ChatInputCommandInteraction<'cached'>, context: BotContext, config: GuildConfig, mode: GroupMode): Promise<void> {
  const uiLang = interactionLanguage(interaction, config);
  const channel = interaction.channel;
  if (!channel || channel.type !== ChannelType.GuildText) {
    throw new UserFacingError('text_channel_only', groupText(uiLang).start.notTextChannel);
  }
  const persona = context.personas.require(interaction.options.getString('persona', true));
  const lang = LanguageSchema.catch(config.language).parse(interaction.options.getString('language') ?? config.language);
  const intensity = IntensitySchema.catch('standard').parse(interaction.options.getString('intensity') ?? 'standard');
  const duration = interaction.options.getInteger('duration') ?? DEFAULT_DURATION_MINUTES;

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await startGroup(interaction.client, context, {
    guildId: interaction.guildId,
    channel,
    trainerId: interaction.user.id,
    trainerName: interaction.member.displayName,
    persona,
    lang,
    intensity,
    mode,
    durationMinutes: Math.min(Math.max(1, duration), MAX_DURATION_MINUTES),
  });
  if (mode === 'relay') ensureChannelListener(interaction.client, context);
  await interaction.editReply(visible({ content: groupText(uiLang).start.started(mode) }));
}

async function endSession(interaction: ChatInputCommandInteraction<'cached'>, context: BotContext, config: GuildConfig): Promise<void> {
  const uiLang = interactionLanguage(interaction, config);
  // Works in the group channel and in any trainee thread of the group.
  const record = await groupStore(context).findByPlace(interaction.channelId);
  // Channel ids are unique across Discord, but the record's server is checked as well: a trainer
  // role counts only in its own server.
  if (!record || record.status !== 'open' || record.guildId !== interaction.guildId) {
    throw new UserFacingError('no_group_here', groupText(uiLang).end.noGroup);
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await endGroup(interaction.client, context, record.id, 'trainer');
  await interaction.editReply(visible({ content: groupText(uiLang).end.ended }));
}
