import type { Message } from 'discord.js';
import { KeyedMutex } from '../../storage/keyed-mutex.js';
import type { BotContext } from '../bot-context.js';
import { groupStore } from './group-service.js';
import { handleIndividualMessage } from './individual-flow.js';
import { handleRelayMessage } from './relay-flow.js';
import { handleScenarioMessage } from './scenario-flow.js';

const placeLocks = new KeyedMutex();

// A message can reach us twice (the bot's thread router and the relay listener); handle it once.
const recentlyHandled = new Set<string>();
const REMEMBERED = 500;

function firstTime(messageId: string): boolean {
  if (recentlyHandled.has(messageId)) return false;
  recentlyHandled.add(messageId);
  if (recentlyHandled.size > REMEMBERED) {
    const oldest = recentlyHandled.values().next().value;
    if (oldest !== undefined) recentlyHandled.delete(oldest);
  }
  return true;
}

/**
 * Messages that belong to a group session. Returns true when this module handled the message
 * (the caller must then do nothing else with it):
 * - in a trainee's thread: every message of the trainee (a graded reply in the individual format,
 *   a round answer in the shared scenario; messages of others in a scenario thread are swallowed);
 * - in the group channel during a relay: the answer of the trainee whose turn it is.
 * Anything else — other channels, ended groups, chat between turns — returns false.
 */
export function handleGroupThreadMessage(message: Message, context: BotContext): Promise<boolean> {
  if (message.author.bot || message.system || !message.inGuild()) return Promise.resolve(false);
  // Messages of one place are handled in the order they arrived (the queue is joined before any
  // await), so a trainee's first message is the one that counts even when two arrive together.
  return placeLocks.run(message.channelId, () => handleInOrder(message, context));
}

async function handleInOrder(message: Message, context: BotContext): Promise<boolean> {
  const record = await groupStore(context).findByPlace(message.channelId);
  if (!record || record.status !== 'open') return false;

  if (message.channelId === record.channelId) {
    if (record.mode !== 'relay' || !firstTime(message.id)) return false;
    return handleRelayMessage(message, context, record);
  }

  const participant = record.participants.find((candidate) => candidate.threadId === message.channelId);
  if (!participant) return false;
  if (participant.userId !== message.author.id) return record.mode === 'scenario';
  if (!firstTime(message.id)) return true;
  if (record.mode === 'scenario') {
    await handleScenarioMessage(message, context, record, participant);
  } else {
    await handleIndividualMessage(message, context, record, participant);
  }
  return true;
}
