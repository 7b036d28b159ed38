import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from './bot-context.js';

/**
 * A button handler. Custom ids are `<prefix>:<arg>[:<arg>…]` (at most 100 characters, Discord's limit);
 * the router picks the handler whose `prefix` equals the part before the first colon.
 * Handlers check permissions themselves: a button can be pressed by anyone who sees it.
 */
export interface ButtonHandler {
  readonly prefix: string;
  execute(interaction: ButtonInteraction<'cached'>, args: string[], context: BotContext): Promise<void>;
}
