import type { Message } from 'discord.js';
import type { BotContext } from './bot-context.js';
import type { ButtonHandler } from './button.js';

/**
 * Where trainer group sessions (`src/discord/group/`, written separately) plug into the routers.
 * The message router asks the group side first; it answers true when the message belonged to a
 * group session. Until the group module is wired in here, no thread is a group thread.
 */
export interface GroupHooks {
  handleGroupThreadMessage(message: Message<true>, context: BotContext): Promise<boolean>;
  readonly groupButtons: readonly ButtonHandler[];
}

export const groupHooks: GroupHooks = {
  handleGroupThreadMessage: async () => false,
  groupButtons: [],
};
