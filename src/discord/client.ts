import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { AppConfig } from '../config/config.js';
import { NO_MENTIONS } from './replies.js';

/**
 * What may differ between production and a test against the fake Discord: where the REST API lives
 * (the gateway URL then comes from that API's `/gateway/bot`) and how many requests per second the
 * client allows itself.
 */
export interface BotClientOptions {
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api`; default: Discord's */
  restApi?: string | undefined;
  /** the client's global REST budget; default: Discord's 50 per second */
  globalRequestsPerSecond?: number | undefined;
}

/** The client options a configuration asks for (`DISCORD_API_URL`, `DISCORD_REST_GLOBAL_RPS`). */
export function clientOptionsFromConfig(config: Pick<AppConfig, 'DISCORD_API_URL' | 'DISCORD_REST_GLOBAL_RPS'>): BotClientOptions {
  return { restApi: config.DISCORD_API_URL, globalRequestsPerSecond: config.DISCORD_REST_GLOBAL_RPS };
}

/**
 * The three intents the bot needs: guilds (channels, threads, members in interactions), guild
 * messages and their content (the privileged MessageContent intent: trainees reply in plain
 * messages). No one is pinged by default, on top of the explicit setting on every message.
 *
 * No message is cached. discord.js keeps the last 200 messages of every channel and thread by
 * default, and every exchange adds three (the reply, the customer's line, the feedback): with many
 * open practice threads that cache would be most of the bot's memory. The bot never reads it: it
 * answers the message in hand, finds sessions in the store by thread id, and edits its own messages
 * by id. Threads stay cached (a message in a thread discord.js does not know is dropped); the
 * default sweeper removes archived ones.
 */
export function createBotClient(options: BotClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    sweepers: Options.DefaultSweeperSettings,
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(options.restApi ? { api: options.restApi } : {}),
      ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
    },
  });
}
