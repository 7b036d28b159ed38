import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './bot-context.js';

/**
 * One slash command: its definition (sent to Discord by deploy-commands and at start-up) and a thin
 * handler (parse options → call the engine → reply). Each command lives in its own file under
 * `src/discord/commands/` and is listed once in `src/discord/commands/index.ts`, the single
 * registry used by both the interaction router and the deploy script. Handlers throw
 * `UserFacingError` for anything the user should read; the router owns the only try/catch.
 */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction<'cached'>, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction<'cached'>, context: BotContext): Promise<void>;
}
