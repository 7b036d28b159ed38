import { Client, GatewayIntentBits } from 'discord.js';
import { NO_MENTIONS } from './replies.js';

/**
 * What may differ between production and a test against the fake Discord: only where the REST
 * API lives (the gateway URL then comes from that API's `/gateway/bot`).
 */
export interface BotClientOptions {
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api`; default: Discord's */
  restApi?: string;
}

/**
 * The three intents the bot needs: guilds (channels, threads, members in interactions), guild
 * messages and their content (the privileged MessageContent intent: trainees reply in plain
 * messages). No one is pinged by default, on top of the explicit setting on every message.
 */
export function createBotClient(options: BotClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    allowedMentions: NO_MENTIONS,
    ...(options.restApi ? { rest: { api: options.restApi } } : {}),
  });
}
