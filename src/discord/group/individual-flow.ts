import type { Message } from 'discord.js';
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
  if (!session || session.status === 'ended') return;
  if (session.status === 'paused') {
    await message.reply(visible({ content: uiText(session.lang).practice.alreadyPaused }));
    return;
  }
  await channel.sendTyping().catch(() => undefined);
  const result = await context.engine.reply(session.id, message.content);
  activateGroup(message.client, context, record);
  notifyGroupActivity(record.id);
  await postExchange(channel, result, context);
}
