import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { commands } from '../../src/discord/commands/index.js';
import { deployCommands, deployCommandsFromConfig } from '../../src/discord/deploy-commands.js';
import { startBot } from '../../src/discord/start-bot.js';
import { ConfigError } from '../../src/errors.js';
import { createFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';
import { startHarness, type BotHarness } from './bot-harness.js';

const log = pino({ level: 'silent' });

describe('starting the bot and registering commands', () => {
  let fake: FakeDiscord | undefined;
  let h: BotHarness | undefined;
  afterEach(async () => {
    await h?.close();
    await fake?.close();
    h = undefined;
    fake = undefined;
  });

  it('refuses to start without DISCORD_TOKEN, naming the variable and the offline alternative', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const error = await startBot({ config, log }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DISCORD_TOKEN');
    expect((error as Error).message).toContain('npm run practice');
  });

  it('explains a refused token and a refused Message Content intent as configuration problems', async () => {
    fake = await createFakeDiscord();
    fake.guild();
    const dir = await mkdtemp(join(tmpdir(), 'counterpart-login-'));
    const config = loadConfig({ DISCORD_TOKEN: 'wrong', LOG_LEVEL: 'silent' });
    const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
    try {
      fake.refuseToken = true;
      const token = await startBot({ config, log, storeUrl, client: { restApi: fake.restApi } }).catch((e: unknown) => e);
      expect(token).toBeInstanceOf(ConfigError);
      expect((token as Error).message).toContain('Reset Token');

      fake.refuseToken = false;
      fake.gateway.refuseIntents = true;
      const intents = await startBot({ config, log, storeUrl, client: { restApi: fake.restApi } }).catch((e: unknown) => e);
      expect(intents).toBeInstanceOf(ConfigError);
      expect((intents as Error).message).toContain('Message Content Intent');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('deploy-commands needs the token and the application id', async () => {
    await expect(deployCommandsFromConfig(loadConfig({ DISCORD_TOKEN: 't' }), log)).rejects.toThrow(/DISCORD_APPLICATION_ID/);
  });

  it('registers every command of the registry in the dev server, or globally without one', async () => {
    fake = await createFakeDiscord();
    const guild = fake.guild();
    const names = commands.map((c) => c.data.name);

    const inGuild = await deployCommands({ token: 't', applicationId: fake.applicationId, guildId: guild.id, log, restApi: fake.restApi });
    expect(inGuild).toEqual({ scope: 'guild', names });
    expect(fake.registeredCommands(guild.id).map((c) => c['name'])).toEqual(names);

    const config = loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: fake.applicationId });
    const global = await deployCommandsFromConfig(config, log, fake.restApi);
    expect(global.scope).toBe('global');
    expect(fake.registeredCommands().map((c) => c['name'])).toEqual(names);
    const practice = fake.registeredCommands().find((c) => c['name'] === 'practice') as { options: Array<{ name: string }> };
    expect(practice.options.map((o) => o.name)).toEqual(['start', 'end', 'pause', 'resume']);
  });

  it('with DISCORD_REGISTER_COMMANDS=true registers at start-up, and asks only for the three intents it needs', async () => {
    h = await startHarness({ env: { DISCORD_REGISTER_COMMANDS: 'true' } });
    expect(h.fake.registeredCommands().map((c) => c['name'])).toEqual(commands.map((c) => c.data.name));
    expect(h.fake.gateway.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent);
  });
});

describe('the command registry', () => {
  it('has unique names and definitions within Discord’s limits', () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
    const check = (option: { name: string; description: string; options?: unknown[] }) => {
      expect(option.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(option.description.length).toBeGreaterThan(0);
      expect(option.description.length).toBeLessThanOrEqual(100);
      for (const child of (option.options ?? []) as Array<typeof option>) check(child);
    };
    for (const command of commands) check(command.data as Parameters<typeof check>[0]);
  });
});
