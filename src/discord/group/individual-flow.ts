import type { Message } from 'discord.js';
import { replyReceived } from '../../engine/session.js';
import type { BotContext } from '../bot-context.js';
import { postExchange } from '../practice-thread.js';
import { visible } from '../replies.js';
import { uiText } from '../ui-text.js';
import type { GroupRecord, Participant } from './group-record.js';
import { activateGroup, notifyGroupActivity } from './group-service.js';

/**
 * A trainee's reply in their own group thread: graded by the engine and answered exactly like a
 * solo practice (customer line, feedback with Hint/Retry/End), then the card is asked to redraw.
 * The solo router leaves sessions with a `groupId` to this module, so the card always hears of it.
 */
export async function handleIndividualMessage(message: Message, context: BotContext, record: GroupRecord, participant: Participant): Promise<void> {
  const channel = message.channel;
  if (!participant.sessionId || !channel.isThread()) return;
  const session = await context.engine.get(participant.sessionId);
  // A message Discord delivered again (gateway replay, start-up catch-up) was answered already.
  if (!session || session.status === 'ended' || replyReceived(session, message.id)) return;
  if (session.status === 'paused') {
    await message.reply(visible({ content: uiText(session.lang).practice.alreadyPaused }));
    return;
  }
  await channel.sendTyping().catch(() => undefined);
  const outcome = await context.engine.replyOnce(session.id, message.content, message.id);
  if (outcome.kind !== 'answered') return;
  activateGroup(message.client, context, record);
  notifyGroupActivity(record.id);
  await postExchange(channel, outcome.result, context);
}
