import type { Client } from 'discord.js';
import type { ReplyResult } from '../../engine/engine-types.js';
import type { BotContext } from '../bot-context.js';
import { postExchange } from '../practice-thread.js';
import { uiText } from '../ui-text.js';
import { fetchThread } from './discord-io.js';
import type { GroupRecord } from './group-record.js';
import { activateGroup, groupStore, notifyGroupActivity } from './group-service.js';
import { recordRelayAnswer, releaseLostRelayAnswer } from './relay-flow.js';
import { recoverScenarioAnswer, releaseLostAnswers, resumeScenarioRound } from './scenario-flow.js';

/*
 * A group session across a process that died mid-session. At start-up the engine first answers
 * the replies it had received but not answered (`recoverPending`); `postRecoveredExchange` shows
 * each answer where its format shows answers. Then `resumeGroupFlow` re-arms every open group and
 * takes back what was taken but never reached the engine: a scenario answer counts again when the
 * start-up catch-up reads the thread; the relay asks the trainee in the channel to send it again.
 */

/** Shows a reply graded after a restart in its group's place; false when the group has no place for it. */
export async function postRecoveredExchange(client: Client, context: BotContext, result: ReplyResult): Promise<boolean> {
  const groupId = result.session.groupId;
  const record = groupId ? await groupStore(context).get(groupId) : undefined;
  if (!record) return false;
  const prefix = uiText(record.lang).practice.recovered;
  switch (record.mode) {
    case 'individual': {
      const thread = result.session.channelRef ? await fetchThread(client, result.session.channelRef) : undefined;
      if (!thread) return false;
      await postExchange(thread, result, context, prefix);
      if (record.status === 'open') activateGroup(client, context, record);
      notifyGroupActivity(record.id);
      return true;
    }
    case 'scenario':
      return recoverScenarioAnswer(client, context, record, result, prefix);
    case 'relay': {
      const userId = record.relay?.answering;
      if (!userId) return false;
      const name = record.participants.find((participant) => participant.userId === userId)?.name ?? '';
      await recordRelayAnswer(client, context, record, { userId, name }, result, prefix);
      return true;
    }
  }
}

/** Whether the group answers each reply in the trainee's own thread as a solo practice does (the individual format). */
export async function answersInOwnThread(context: BotContext, groupId: string): Promise<boolean> {
  return (await groupStore(context).get(groupId))?.mode === 'individual';
}

/** After a restart, once recovered replies were posted: re-arms the round timer and asks again for lost answers. */
export async function resumeGroupFlow(client: Client, context: BotContext, record: GroupRecord): Promise<void> {
  if (record.mode === 'relay') {
    await releaseLostRelayAnswer(client, context, record);
    return;
  }
  if (record.mode === 'scenario') {
    await releaseLostAnswers(context, record);
    await resumeScenarioRound(client, context, record);
  }
}
