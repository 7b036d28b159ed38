import { REST, Routes } from 'discord.js';
import type { AppConfig } from '../config/config.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { Command } from './command.js';
import { commands as registry } from './commands/index.js';

interface DeployCommandsOptions {
  token: string;
  applicationId: string;
  /** register in this server only (instant, for development); else globally */
  guildId?: string | undefined;
  log: Logger;
  commands?: readonly Command[];
  /** REST base without version; tests point it at the fake Discord */
  restApi?: string | undefined;
}

interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Registers the slash commands of the registry, replacing what was registered before (a PUT of
 * the whole list, so removed commands disappear). Per server when `guildId` is given.
 */
export async function deployCommands(options: DeployCommandsOptions): Promise<DeployResult> {
  const list = options.commands ?? registry;
  const body = list.map((command) => command.data);
  const rest = new REST({ version: '10', ...(options.restApi ? { api: options.restApi } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  await rest.put(route, { body });
  const result: DeployResult = { scope: options.guildId ? 'guild' : 'global', names: body.map((command) => command.name) };
  options.log.info({ ...result, guildId: options.guildId }, 'slash commands registered');
  return result;
}

/** `npm run deploy-commands`: reads token, application id and the optional dev server from the config. */
export async function deployCommandsFromConfig(config: AppConfig, log: Logger, restApi?: string): Promise<DeployResult> {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new ConfigError(
      'deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord developer portal: Bot → Reset Token, ' +
        'General Information → Application ID). Set DISCORD_DEV_GUILD_ID as well to register in one server instantly. See docs/discord.md.',
    );
  }
  return deployCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: config.DISCORD_DEV_GUILD_ID,
    log,
    restApi: restApi ?? config.DISCORD_API_URL,
  });
}
