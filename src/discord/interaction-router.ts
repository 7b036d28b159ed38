import type { Interaction, ModalSubmitInteraction, RepliableInteraction, StringSelectMenuInteraction } from 'discord.js';
import { AppError, UserFacingError } from '../errors.js';
import type { Language } from '../evaluation/grade.js';
import type { BotContext } from './bot-context.js';
import type { ButtonHandler } from './button.js';
import type { Command } from './command.js';
import { errorReply } from './error-reply.js';
import { createMemberRateLimits, limitedCommand, limitedComponent, rateLimitSettings, retrySeconds, type RateLimitedAction } from './rate-limit.js';
import { ephemeral, visible } from './replies.js';
import { uiText } from './ui-text.js';

/** A string-select handler; custom ids as for buttons: `<prefix>:<arg>…`. Checks permissions itself. */
export interface SelectHandler {
  readonly prefix: string;
  execute(interaction: StringSelectMenuInteraction<'cached'>, args: string[], context: BotContext): Promise<void>;
}

/** A modal-submit handler; custom ids as for buttons. Checks permissions itself. */
export interface ModalHandler {
  readonly prefix: string;
  execute(interaction: ModalSubmitInteraction<'cached'>, args: string[], context: BotContext): Promise<void>;
}

interface InteractionRouterOptions {
  commands: readonly Command[];
  buttons: readonly ButtonHandler[];
  selects?: readonly SelectHandler[];
  modals?: readonly ModalHandler[];
  context: BotContext;
}

/**
 * Dispatches slash commands (by name), autocomplete, and buttons, select menus and modal submits
 * (by custom-id prefix) to their handlers. This is the only try/catch for interactions: every failure becomes an ephemeral
 * answer (see `errorReply`), also when the handler had already deferred or replied.
 */
export function createInteractionRouter(options: InteractionRouterOptions): (interaction: Interaction) => Promise<void> {
  const commands = indexBy(options.commands, (command) => command.data.name, 'command');
  const buttons = indexBy(options.buttons, (button) => button.prefix, 'button prefix');
  const selects = indexBy(options.selects ?? [], (select) => select.prefix, 'select prefix');
  const modals = indexBy(options.modals ?? [], (modal) => modal.prefix, 'modal prefix');
  const { context } = options;
  const limits = context.rateLimits ?? createMemberRateLimits(rateLimitSettings(context.config));

  return async function route(interaction) {
    const log = context.log.child({ interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id });
    try {
      if (!interaction.inCachedGuild()) {
        if (interaction.isRepliable()) await interaction.reply(ephemeral({ content: uiText(fallbackLanguage(interaction, context)).errors.guildOnly }));
        return;
      }
      // Checked before any handler: a refused action does nothing at all, and says when to retry.
      const cost = costOf(interaction);
      if (cost && interaction.isRepliable()) {
        const decision = await limits.take(cost, interaction.guildId, interaction.user.id);
        if (!decision.allowed) {
          if (decision.notify) log.info({ action: cost, retryAfterMs: decision.retryAfterMs }, 'interaction rate-limited');
          const content = uiText(fallbackLanguage(interaction, context)).rateLimit.actionRefused(retrySeconds(decision.retryAfterMs));
          // Ephemeral, so only the member sees it: answered every time, as Discord expects an answer.
          await interaction.reply(ephemeral({ content }));
          return;
        }
      }
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw new AppError('unknown_command', `no handler for /${interaction.commandName}`);
        log.debug({ command: interaction.commandName }, 'command');
        await command.execute(interaction, { ...context, log });
      } else if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        await command?.autocomplete?.(interaction, { ...context, log });
      } else if (interaction.isButton()) {
        const [prefix = '', ...args] = interaction.customId.split(':');
        const handler = buttons.get(prefix);
        if (!handler) throw unknownComponent(interaction, context, log, prefix);
        log.debug({ prefix, action: args[0] }, 'button');
        await handler.execute(interaction, args, { ...context, log });
      } else if (interaction.isStringSelectMenu()) {
        const [prefix = '', ...args] = interaction.customId.split(':');
        const handler = selects.get(prefix);
        if (!handler) throw unknownComponent(interaction, context, log, prefix);
        log.debug({ prefix }, 'select');
        await handler.execute(interaction, args, { ...context, log });
      } else if (interaction.isModalSubmit()) {
        const [prefix = '', ...args] = interaction.customId.split(':');
        const handler = modals.get(prefix);
        if (!handler) throw unknownComponent(interaction, context, log, prefix);
        log.debug({ prefix }, 'modal');
        await handler.execute(interaction, args, { ...context, log });
      }
    } catch (error) {
      if (interaction.isAutocomplete()) {
        // Autocomplete cannot show a message; an empty list is the honest answer.
        log.warn({ err: error }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
        return;
      }
      if (!interaction.isRepliable()) return;
      const content = errorReply(error, fallbackLanguage(interaction, context), log, { where: 'interaction' });
      await answer(interaction, content).catch((sendError: unknown) => {
        log.warn({ err: sendError }, 'could not send the error reply');
      });
    }
  };
}

/**
 * A custom id no handler knows: a component of an older bot version, or a forged one. The member
 * hears that it is no longer active; nothing is logged above debug, so forging cannot flood the log.
 */
function unknownComponent(interaction: Interaction, context: BotContext, log: BotContext['log'], prefix: string): UserFacingError {
  log.debug({ prefix }, 'no handler for this custom id');
  return new UserFacingError('unknown_component', uiText(fallbackLanguage(interaction, context)).errors.unknownAction);
}

/** What the interaction costs of the member rate limit, if anything (see `rate-limit.ts`). */
function costOf(interaction: Interaction): RateLimitedAction | undefined {
  if (interaction.isChatInputCommand()) return limitedCommand(interaction.commandName, interaction.options.getSubcommand(false));
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const [prefix = '', action] = interaction.customId.split(':');
    return limitedComponent(prefix, action);
  }
  return undefined;
}

/** Replies, or — when the handler already acknowledged — edits the deferred reply or follows up. */
async function answer(interaction: RepliableInteraction, content: string): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(ephemeral({ content }));
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral !== null) {
    // deferReply (not deferUpdate): replace the "thinking…" placeholder; its visibility was set then.
    await interaction.editReply(visible({ content, embeds: [], components: [], files: [] }));
  } else {
    await interaction.followUp(ephemeral({ content }));
  }
}

/** Error messages must not depend on the store (it may be what failed): client language, else the default. */
function fallbackLanguage(interaction: Interaction, context: BotContext): Language {
  if (interaction.locale.startsWith('de')) return 'de';
  if (interaction.locale.startsWith('en')) return 'en';
  return context.config.DEFAULT_LANGUAGE;
}

function indexBy<T>(items: readonly T[], key: (item: T) => string, what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const name = key(item);
    if (map.has(name)) throw new AppError('duplicate_handler', `two handlers for the ${what} "${name}"`);
    map.set(name, item);
  }
  return map;
}
