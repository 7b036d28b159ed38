import type { Client } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { ensureChannelListener } from './channel-listener.js';
import { groupRuntime, type GroupTimings } from './group-runtime.js';
import { resumeGroupFlow } from './group-recovery.js';
import { resumeGroups as resumeOpenGroups } from './group-service.js';

/**
 * Trainer group sessions: `/session start|scenario|relay|end` (in `../commands/session.ts`), the
 * session card with Join / Next line, the results board, the shared scenario and the relay.
 *
 * Wiring in the bot core (`../group-seam.ts`, `../commands/index.ts`):
 * - `sessionCommand` is in the command registry, `groupButtons` in the button registry;
 * - `handleGroupThreadMessage` is asked first for every thread message (true: handled, including
 *   every reply in a group thread: the solo router leaves sessions with a `groupId` alone);
 * - `postRecoveredExchange(client, context, result)` for each group reply the engine answered in
 *   `recoverPending` at start-up (before `resumeGroups`): shows it where the group's format does;
 * - `resumeGroups(client, context)` once the client is ready: re-arms timers, ends groups whose
 *   time ran out, and listens for relay answers in channels (the thread router does not see them);
 * - `stopGroupTimers()` on shutdown;
 * - `notifyGroupActivity(groupId)` may be called whenever something a card shows has changed
 *   (this module already calls it after every graded reply, join and round).
 */
export { groupButtons } from './group-buttons.js';
export { handleGroupThreadMessage } from './group-messages.js';
export { countMemberGroups, eraseMemberFromGroups } from './member-erasure.js';
export { answersInOwnThread, postRecoveredExchange } from './group-recovery.js';
export { notifyGroupActivity } from './group-service.js';
export type {} from './group-runtime.js';

/** Re-arms every open group after a restart and listens for relay answers; returns how many groups run on. */
export async function resumeGroups(client: Client, context: BotContext): Promise<number> {
  const resumed = await resumeOpenGroups(client, context, resumeGroupFlow);
  // Relay answers are taken only once the groups' state is settled.
  ensureChannelListener(client, context);
  return resumed;
}

/** Shortens the card-edit interval and the scenario round time (tests). Applies to groups activated afterwards. */
export function setGroupTimings(timings: Partial<GroupTimings>): void {
  groupRuntime.timings = { ...groupRuntime.timings, ...timings };
}

/** Stops every group timer of this process (shutdown, end of a test). The store keeps the groups open. */
export function stopGroupTimers(): void {
  groupRuntime.clear();
}
