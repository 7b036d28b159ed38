import type { Interaction, ModalSubmitInteraction, RepliableInteraction, StringSelectMenuInteraction } from 'discord.js';
import { AppError } from '../../errors.js';
import type { BotContext } from '../bot-context.js';
import { errorReply } from '../error-reply.js';
import { ephemeral, visible } from '../replies.js';

/** A string-select handler; custom ids as for buttons: `<prefix>:<arg>…`. */
export interface SelectHandler {
  readonly prefix: string;
  execute(interaction: StringSelectMenuInteraction<'cached'>, args: string[], context: BotContext): Promise<void>;
}

/** A modal-submit handler; custom ids as for buttons. */
export interface ModalHandler {
  readonly prefix: string;
  execute(interaction: ModalSubmitInteraction<'cached'>, args: string[], context: BotContext): Promise<void>;
}

/**
 * Routes select menus and modal submits, which the core interaction router does not know. It
 * follows that router's rules: one try/catch, every failure an ephemeral answer via `errorReply`,
 * handlers check permissions themselves. Other interactions are ignored here (the core router has them).
 */
export function createComponentRouter(options: {
  selects: readonly SelectHandler[];
  modals: readonly ModalHandler[];
  context: BotContext;
}): (interaction: Interaction) => Promise<void> {
  const selects = new Map(options.selects.map((handler) => [handler.prefix, handler]));
  const modals = new Map(options.modals.map((handler) => [handler.prefix, handler]));
  const { context } = options;
  return async function route(interaction) {
    if (!interaction.isStringSelectMenu() && !interaction.isModalSubmit()) return;
    if (!interaction.inCachedGuild()) return;
    const log = context.log.child({ interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id });
    try {
      const [prefix = '', ...args] = interaction.customId.split(':');
      if (interaction.isStringSelectMenu()) {
        const handler = selects.get(prefix);
        if (!handler) throw new AppError('unknown_select', `no handler for select prefix "${prefix}"`);
        log.debug({ prefix }, 'select');
        await handler.execute(interaction, args, { ...context, log });
      } else {
        const handler = modals.get(prefix);
        if (!handler) throw new AppError('unknown_modal', `no handler for modal prefix "${prefix}"`);
        log.debug({ prefix }, 'modal');
        await handler.execute(interaction, args, { ...context, log });
      }
    } catch (error) {
      const lang = interaction.locale.startsWith('de') ? 'de' : interaction.locale.startsWith('en') ? 'en' : context.config.DEFAULT_LANGUAGE;
      const content = errorReply(error, lang, log, { where: 'interaction' });
      await answer(interaction, content).catch((sendError: unknown) => log.warn({ err: sendError }, 'could not send the error reply'));
    }
  };
}

async function answer(interaction: RepliableInteraction, content: string): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(ephemeral({ content }));
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral !== null) {
    await interaction.editReply(visible({ content, embeds: [], components: [], files: [] }));
  } else {
    await interaction.followUp(ephemeral({ content }));
  }
}
