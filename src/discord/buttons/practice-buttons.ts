import { ComponentType, MessageFlags, type ButtonInteraction } from 'discord.js';
import { UserFacingError } from '../../errors.js';
import { LanguageSchema } from '../../evaluation/grade.js';
import { IntensitySchema } from '../../personas/persona-schema.js';
import type { BotContext } from '../bot-context.js';
import type { ButtonHandler } from '../button.js';
import { PRACTICE_PREFIX, PRACTICE_START_PREFIX } from '../components.js';
import { getGuildConfig, interactionLanguage } from '../permissions.js';
import { beginSession, postSummary } from '../practice-thread.js';
import { visible } from '../replies.js';
import { uiText } from '../ui-text.js';
import { customerLineContent, hintEmbed } from '../views.js';

/** Hint, Retry and End under a feedback embed. Only the trainee of the session may press them. */
export const practiceButtons = {
  prefix: PRACTICE_PREFIX,
  async execute(interaction, args, context) {
    const [action, sessionId, turns] = args;
    const session = sessionId ? await context.engine.get(sessionId) : undefined;
    if (!session || session.channelRef !== interaction.channelId) throw await inactive(interaction, context);
    if (session.userId !== interaction.user.id) {
      throw new UserFacingError('not_your_session', uiText(session.lang).errors.notYourSession);
    }
    const text = uiText(session.lang);
    switch (action) {
      case 'hint': {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const hint = await context.engine.hint(session.id);
        await interaction.editReply(visible({ embeds: [hintEmbed(hint, session.lang)] }));
        return;
      }
      case 'retry': {
        // A Retry button under an older feedback would retry a newer reply (also one still being
        // graded): refuse it.
        if (String(session.turns) !== turns || session.pendingReply) throw await inactive(interaction, context);
        await interaction.deferUpdate();
        const retried = await context.engine.retry(session.id);
        await interaction.editReply(visible({ components: [] }));
        const persona = context.personas.require(session.personaId);
        await interaction.followUp(visible({ content: customerLineContent(retried.line, persona, session.lang, text.practice.retryIntro) }));
        return;
      }
      case 'end': {
        await interaction.deferUpdate();
        const ended = await context.engine.end(session.id);
        await interaction.editReply(visible({ components: [] }));
        if (interaction.channel?.isThread()) await postSummary(interaction.channel, ended, context);
        return;
      }
      default:
        throw await inactive(interaction, context);
    }
  },
} satisfies ButtonHandler;

/** Start and Cancel under a content notice: the session begins only once the trainee agrees. */
export const practiceStartButtons = {
  prefix: PRACTICE_START_PREFIX,
  async execute(interaction, args, context) {
    const [action, userId, lang, intensity, personaId] = args;
    if (userId !== interaction.user.id) {
      const config = await getGuildConfig(context, interaction.guildId);
      throw new UserFacingError('not_your_session', uiText(interactionLanguage(interaction, config)).errors.notYourSession);
    }
    const thread = interaction.channel;
    // The ids are readable, so one could be written with one's own user id and sent from another
    // member's notice: only the Start/Cancel that the bot put on this very message counts.
    if (!thread?.isThread() || !carriesButton(interaction)) throw await inactive(interaction, context);
    const language = LanguageSchema.catch('en').parse(lang);
    if (action === 'cancel') {
      await interaction.update(visible({ components: [], content: uiText(language).practice.cancelled }));
      return;
    }
    const existing = await context.storage.sessions.findByChannel(thread.id);
    if (action !== 'go' || !personaId || existing) throw await inactive(interaction, context);
    const persona = context.personas.require(personaId);
    await interaction.deferUpdate();
    await interaction.editReply(visible({ components: [] }));
    await beginSession(
      thread,
      { userId, guildId: interaction.guildId, persona, lang: language, intensity: IntensitySchema.catch('standard').parse(intensity) },
      context,
    );
  },
} satisfies ButtonHandler;

function carriesButton(interaction: ButtonInteraction<'cached'>): boolean {
  return interaction.message.components.some(
    (row) => row.type === ComponentType.ActionRow && row.components.some((component) => component.customId === interaction.customId),
  );
}

async function inactive(interaction: ButtonInteraction<'cached'>, context: BotContext): Promise<UserFacingError> {
  const config = await getGuildConfig(context, interaction.guildId);
  return new UserFacingError('button_inactive', uiText(interactionLanguage(interaction, config)).errors.unknownAction);
}
