import { DiscordjsError, DiscordjsErrorCodes, Events, type Client } from 'discord.js';
import { createApp, type App } from '../app/create-app.js';
import type { AppConfig } from '../config/config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { KeyedMutex } from '../storage/keyed-mutex.js';
import type { BotContext } from './bot-context.js';
import { buttons } from './buttons/index.js';
import { clientOptionsFromConfig, createBotClient, type BotClientOptions } from './client.js';
import { commands } from './commands/index.js';
import { deployCommands } from './deploy-commands.js';
import { groupHooks } from './group-seam.js';
import { createInteractionRouter } from './interaction-router.js';
import { inviteUrl } from './invite.js';
import { createMessageRouter } from './message-router.js';
import { postExchange } from './practice-thread.js';
import { createMemberRateLimits, rateLimitSettings } from './rate-limit.js';
import { reviewModals, reviewSelects } from './review/review-handlers.js';
import { scheduleRetention, type RetentionSchedule } from './review/retention-schedule.js';
import { catchUpThreads, type CatchUpResult } from './start-up-catch-up.js';
import { uiText } from './ui-text.js';

interface StartBotOptions {
  config: AppConfig;
  log: Logger;
  /**
   * the client's REST base and budget; tests point it at the fake Discord. Nothing else differs
   * from production. Default: from the configuration (`DISCORD_API_URL`, `DISCORD_REST_GLOBAL_RPS`).
   */
  client?: BotClientOptions;
  /** overrides STORE_URL when the bot builds its own app */
  storeUrl?: string;
  /** a composition root built by the caller; the bot then leaves closing it to the caller */
  app?: App;
  /** how often expired sessions are purged after the start-up run; default six hours */
  retentionIntervalMs?: number;
  /**
   * called once the bot is done with a message or interaction the gateway delivered: its router
   * has returned (answered, refused, or left it alone). Tests wait for it before they check that
   * something did not happen. A relay's messages in a group channel are handled by the group
   * module's own listener, which this does not wait for.
   */
  onHandled?: (handled: HandledInput) => void;
}

/** A message or interaction the bot is done with (see `StartBotOptions.onHandled`). */
export interface HandledInput {
  kind: 'message' | 'interaction';
  /** the Discord id of the message or interaction */
  id: string;
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly context: BotContext;
  /** replies received before a restart and answered after it */
  readonly recovered: number;
  /** messages from while the bot was away, and answers the last process did not get to post */
  readonly caughtUp: CatchUpResult;
  /** the retention purge: run at start-up, then on a timer; stopped by `stop()` */
  readonly retention: RetentionSchedule;
  stop(): Promise<void>;
}

/**
 * Starts the Discord front end: builds the app (engine, personas, store), logs in, optionally
 * registers the slash commands (`DISCORD_REGISTER_COMMANDS`), answers replies that arrived just
 * before the last shutdown and catches up on thread messages from while it was away. Open practice
 * threads keep working across restarts because sessions are found by thread id in the store.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, log } = options;
  const token = config.DISCORD_TOKEN;
  if (!token) {
    throw new ConfigError(
      'The Discord bot needs DISCORD_TOKEN (Discord developer portal → your application → Bot → Reset Token), ' +
        'set in .env or the environment; see docs/discord.md. To practise without Discord, run `npm run practice`.',
    );
  }
  const app = options.app ?? (await createApp({ config, log, ...(options.storeUrl ? { storeUrl: options.storeUrl } : {}) }));
  const ownsApp = options.app === undefined;
  const context: BotContext = {
    engine: app.engine,
    personas: app.personas,
    storage: app.storage,
    config,
    log,
    // One set of counters for both routers: Hint and Retry share the reply bucket with messages.
    rateLimits: createMemberRateLimits(rateLimitSettings(config)),
  };

  const clientOptions = { ...clientOptionsFromConfig(config), ...options.client };
  const client = createBotClient(clientOptions);
  const routeInteraction = createInteractionRouter({ commands, buttons, selects: reviewSelects, modals: reviewModals, context });
  const routeMessage = createMessageRouter(context, groupHooks);
  // Thread messages wait until the replies left by the last process are answered and the groups
  // resumed, so a message cannot overtake (or be mistaken for) one received before the restart.
  let openGate!: () => void;
  const recovery = new Promise<void>((resolve) => (openGate = resolve));
  const handled = (kind: HandledInput['kind'], id: string) => () => options.onHandled?.({ kind, id });
  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction).finally(handled('interaction', interaction.id)));
  // Messages of one channel are routed one after another, in the order they arrived: the router
  // awaits (rate limits, store reads) before the handlers' own queues, and in a shared scenario the
  // trainee's first message must stay the one that counts.
  const channels = new KeyedMutex();
  client.on(
    Events.MessageCreate,
    (message) => void channels.run(message.channelId, () => recovery.then(() => routeMessage(message))).finally(handled('message', message.id)),
  );
  client.on(Events.Error, (error) => {
    log.error({ err: error }, 'discord client error');
  });
  client.on(Events.ShardResume, (shardId, replayed) => {
    log.info({ shardId, replayed }, 'gateway resumed');
  });

  try {
    const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(token).catch((error: unknown) => {
      throw explainLoginError(error);
    });
    const readyClient = await ready;
    log.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, invite: inviteUrl(readyClient.application.id) }, 'discord bot ready');

    if (config.DISCORD_REGISTER_COMMANDS) {
      await deployCommands({
        token,
        applicationId: readyClient.application.id,
        guildId: config.DISCORD_DEV_GUILD_ID,
        log,
        ...(clientOptions.restApi ? { restApi: clientOptions.restApi } : {}),
      });
    }
    let recovered: number;
    let caughtUp: CatchUpResult;
    try {
      recovered = await answerPending(readyClient, context);
      const groups = await groupHooks.resume(readyClient, context);
      if (groups > 0) log.info({ groups }, 'group sessions resumed');
      caughtUp = await catchUpThreads(readyClient, context, routeMessage);
    } finally {
      openGate();
    }
    const retention = scheduleRetention({
      context,
      guildIds: () => readyClient.guilds.cache.keys(),
      ...(options.retentionIntervalMs ? { intervalMs: options.retentionIntervalMs } : {}),
    });

    return {
      client: readyClient,
      context,
      recovered,
      caughtUp,
      retention,
      async stop() {
        retention.stop();
        // A purge in flight finishes before the store closes under it.
        await retention.lastRun;
        groupHooks.stop();
        await client.destroy();
        if (ownsApp) await app.close();
      },
    };
  } catch (error) {
    groupHooks.stop();
    await client.destroy();
    if (ownsApp) await app.close();
    throw error;
  }
}

/**
 * Discord's two refusals that a person can fix get a message that says how; anything else
 * (network, outage) passes through.
 */
function explainLoginError(error: unknown): unknown {
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return new ConfigError(
      'Discord refused DISCORD_TOKEN. Copy a fresh token from the developer portal (your application → Bot → Reset Token); see docs/discord.md.',
      { cause: error },
    );
  }
  if (error instanceof Error && /disallowed intents/i.test(error.message)) {
    return new ConfigError(
      'Discord refused the Message Content intent. Switch it on in the developer portal (your application → Bot → Privileged Gateway Intents → Message Content Intent); see docs/discord.md.',
      { cause: error },
    );
  }
  return error;
}

/** Grades replies that were received but not answered when the process stopped, and posts the answers. */
async function answerPending(client: Client<true>, context: BotContext): Promise<number> {
  const results = await context.engine.recoverPending();
  let posted = 0;
  for (const result of results) {
    const { session } = result;
    try {
      if (session.groupId !== null) {
        if (await groupHooks.postRecovered?.(client, context, result)) posted++;
        continue;
      }
      if (!session.channelRef) continue;
      const channel = await client.channels.fetch(session.channelRef);
      if (!channel?.isThread()) continue;
      await postExchange(channel, result, context, uiText(session.lang).practice.recovered);
      posted++;
    } catch (error) {
      context.log.warn({ err: error, sessionId: session.id }, 'could not post a recovered answer');
    }
  }
  if (results.length > 0) context.log.info({ recovered: results.length, posted }, 'pending replies answered after restart');
  return posted;
}
