import {
  ChannelType,
  DiscordAPIError,
  InteractionContextType,
  MessageFlags,
  RESTJSONErrorCodes,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { UserFacingError } from '../../errors.js';
import { LanguageSchema, type Language } from '../../evaluation/grade.js';
import { IntensitySchema } from '../../personas/persona-schema.js';
import type { BotContext } from '../bot-context.js';
import type { Command } from '../command.js';
import { getGuildConfig, interactionLanguage } from '../permissions.js';
import { introducePractice, openPracticeThread, summaryMessage } from '../practice-thread.js';
import { visible } from '../replies.js';
import { uiText } from '../ui-text.js';
import { customerLineContent } from '../views.js';
import { intensityOption, respondWithPersonas } from '../command-options.js';

const data = new SlashCommandBuilder()
  .setName('practice')
  .setDescription('Practise a difficult customer conversation')
  .setDescriptionLocalizations({ de: 'Ein schwieriges Kundengespräch üben' })
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('start')
      .setDescription('Start a practice conversation in a new thread')
      .setDescriptionLocalizations({ de: 'Eine Übung in einem neuen Thread beginnen' })
      .addStringOption((option) =>
        option
          .setName('persona')
          .setDescription('The customer you want to talk to')
          .setDescriptionLocalizations({ de: 'Die Kundin oder der Kunde für die Übung' })
          .setRequired(true)
          .setAutocomplete(true),
      )
      .addStringOption((option) =>
        option
          .setName('language')
          .setDescription('Language of the conversation (default: yours or the server’s)')
          .setDescriptionLocalizations({ de: 'Sprache des Gesprächs (Standard: Ihre oder die des Servers)' })
          .addChoices({ name: 'Deutsch', value: 'de' }, { name: 'English', value: 'en' }),
      )
      .addStringOption(intensityOption),
  )
  .addSubcommand((sub) =>
    sub
      .setName('end')
      .setDescription('End the practice in this thread and show the summary')
      .setDescriptionLocalizations({ de: 'Die Übung in diesem Thread beenden und die Zusammenfassung zeigen' }),
  )
  .addSubcommand((sub) =>
    sub.setName('pause').setDescription('Pause the practice in this thread').setDescriptionLocalizations({ de: 'Die Übung in diesem Thread pausieren' }),
  )
  .addSubcommand((sub) =>
    sub
      .setName('resume')
      .setDescription('Continue the paused practice in this thread')
      .setDescriptionLocalizations({ de: 'Die pausierte Übung in diesem Thread fortsetzen' }),
  )
  .toJSON();

export const practiceCommand = {
  data,
  async execute(interaction, context) {
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'start') return startPractice(interaction, context);
    const session = await sessionInThisThread(interaction, context);
    switch (sub) {
      case 'end': {
        await interaction.deferReply();
        const ended = await context.engine.end(session.id);
        await interaction.editReply(visible(summaryMessage(ended, context)));
        return;
      }
      // Pause and resume wait for a reply being graded in this session (possibly a slow model
      // call), so they acknowledge first like the rest.
      case 'pause': {
        await interaction.deferReply();
        await context.engine.pause(session.id);
        await interaction.editReply(visible({ content: uiText(session.lang).practice.paused }));
        return;
      }
      case 'resume': {
        await interaction.deferReply();
        const resumed = await context.engine.resume(session.id);
        const persona = context.personas.require(session.personaId);
        await interaction.editReply(visible({ content: customerLineContent(resumed.line, persona, session.lang, uiText(session.lang).practice.resumed) }));
        return;
      }
      default:
        throw new UserFacingError('unknown_subcommand', uiText(session.lang).errors.unknownAction);
    }
  },
  autocomplete: respondWithPersonas,
} satisfies Command;

async function startPractice(interaction: ChatInputCommandInteraction<'cached'>, context: BotContext): Promise<void> {
  const config = await getGuildConfig(context, interaction.guildId);
  const uiLang = interactionLanguage(interaction, config);
  const errors = uiText(uiLang).errors;
  const channel = interaction.channel;
  if (config.practiceChannelIds.length > 0 && !config.practiceChannelIds.includes(interaction.channelId)) {
    throw new UserFacingError('channel_not_allowed', errors.channelNotAllowed(config.practiceChannelIds));
  }
  if (!channel || channel.type !== ChannelType.GuildText) throw new UserFacingError('text_channel_only', errors.textChannelOnly);

  const persona = context.personas.require(interaction.options.getString('persona', true));
  const lang: Language = LanguageSchema.catch(uiLang).parse(interaction.options.getString('language') ?? uiLang);
  const intensity = IntensitySchema.catch('standard').parse(interaction.options.getString('intensity') ?? 'standard');
  const request = { userId: interaction.user.id, guildId: interaction.guildId, persona, lang, intensity };

  // Creating the thread and the customer's first line can take longer than Discord's 3 seconds.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const thread = await openPracticeThread(channel, request, interaction.member.displayName, config).catch((error: unknown) => {
    const denied: unknown[] = [RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess];
    if (error instanceof DiscordAPIError && denied.includes(error.code)) {
      throw new UserFacingError('thread_failed', errors.threadFailed, { cause: error });
    }
    throw error;
  });
  await introducePractice(thread, request, context);
  await interaction.editReply(visible({ content: uiText(lang).practice.threadOpened(thread.id) }));
}

async function sessionInThisThread(interaction: ChatInputCommandInteraction<'cached'>, context: BotContext) {
  const session = await context.storage.sessions.findByChannel(interaction.channelId);
  if (!session || session.groupId !== null) {
    const config = await getGuildConfig(context, interaction.guildId);
    throw new UserFacingError('no_session_here', uiText(interactionLanguage(interaction, config)).errors.noSessionHere);
  }
  if (session.userId !== interaction.user.id) {
    throw new UserFacingError('not_your_session', uiText(session.lang).errors.notYourSession);
  }
  return session;
}
