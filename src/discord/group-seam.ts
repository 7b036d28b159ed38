import type { Client, Message } from 'discord.js';
import type { ReplyResult } from '../engine/engine-types.js';
import type { BotContext } from './bot-context.js';
import type { ButtonHandler } from './button.js';
import { groupButtons, handleGroupThreadMessage, postRecoveredExchange, resumeGroups, stopGroupTimers } from './group/index.js';

/**
 * Where trainer group sessions (`src/discord/group/`) plug into the bot core: the message router
 * asks the group side first (true: the message belonged to a group session), its buttons join the
 * button registry, and it re-arms its timers once the client is ready. Tests can pass other hooks.
 */
export interface GroupHooks {
  handleGroupThreadMessage(message: Message<true>, context: BotContext): Promise<boolean>;
  readonly groupButtons: readonly ButtonHandler[];
  /** at start-up, before `resume`: show a group reply the engine answered in `recoverPending`; false when it has no place */
  postRecovered?(client: Client, context: BotContext, result: ReplyResult): Promise<boolean>;
  /** after login: resume open groups; returns how many run on */
  resume(client: Client, context: BotContext): Promise<number>;
  /** on shutdown: stop this process's group timers (the store keeps the groups) */
  stop(): void;
}

export const groupHooks: GroupHooks = {
  handleGroupThreadMessage,
  groupButtons,
  postRecovered: postRecoveredExchange,
  resume: resumeGroups,
  stop: stopGroupTimers,
};
