import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import { pino } from 'pino';
import { createApp, type App } from '../../../src/app/create-app.js';
import { loadConfig } from '../../../src/config/config.js';
import type { BotContext } from '../../../src/discord/bot-context.js';
import { setGroupTimings } from '../../../src/discord/group/index.js';
import { GuildConfigSchema } from '../../../src/discord/guild-config.js';
import { saveGuildConfig } from '../../../src/discord/permissions.js';
import { startBot, type RunningBot } from '../../../src/discord/start-bot.js';
import { ALL_PERMISSIONS, createFakeDiscord, type FakeChannel, type FakeDiscord, type FakeGuild, type FakeMember } from '../../support/fake-discord/index.js';
import { useForEachTest } from '../bot-harness.js';

/**
 * The whole bot as it runs in production — `startBot` with its discord.js client, command and button
 * registries, routers and the group hooks, over the real app (engine, offline grader, built-in
 * personas, SQLite store in a temp folder) — against the fake Discord. The server has a trainer
 * role configured; `trainer` holds it, `trainee()` members do not.
 */
export interface GroupHarness {
  readonly fake: FakeDiscord;
  readonly guild: FakeGuild;
  readonly channel: FakeChannel;
  readonly trainer: FakeMember;
  readonly trainerRoleId: string;
  readonly app: App;
  readonly bot: RunningBot;
  readonly context: BotContext;
  readonly client: Client;
  trainee(name: string, locale?: string): FakeMember;
  close(): Promise<void>;
}

/** Group timings for the test: how often the card may be edited, how long a scenario round lasts. */
interface GroupHarnessOptions {
  cardEditIntervalMs?: number;
  roundMs?: number;
}

/** {@link startGroupHarness} afresh for every test of the enclosing `describe`, checked and closed after it (see `useHarness`). */
export function useGroupHarness(options: GroupHarnessOptions = {}): GroupHarness {
  return useForEachTest(() => startGroupHarness(options));
}

export async function startGroupHarness(options: GroupHarnessOptions = {}): Promise<GroupHarness> {
  setGroupTimings({ cardEditIntervalMs: options.cardEditIntervalMs ?? 400, roundMs: options.roundMs ?? 60_000 });
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-group-'));
  const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
  const fake = await createFakeDiscord();
  const guild = fake.guild({ name: 'Practice Bank', channels: ['training', 'general'] });
  const trainerRoleId = fake.role(guild, 'Trainer');
  const trainer = fake.member(guild, { username: 'tess', roles: [trainerRoleId] });
  fake.member(guild, { username: 'admin', permissions: ALL_PERMISSIONS });
  const config = loadConfig({ DISCORD_TOKEN: 'fake-token', LOG_LEVEL: 'silent', STORE_URL: storeUrl });
  const log = pino({ level: 'silent' });
  // The first scripted variant every time, so the tests know what the customer says.
  const app = await createApp({ config, log, storeUrl, random: () => 0 });
  const bot = await startBot({ config, log, app, client: { restApi: fake.restApi } });
  await saveGuildConfig(bot.context, guild.id, GuildConfigSchema.parse({ trainerRoleId, threadVisibility: 'private', language: 'en' }));

  return {
    fake,
    guild,
    channel: fake.textChannel(guild),
    trainer,
    trainerRoleId,
    app,
    bot,
    context: bot.context,
    client: bot.client,
    trainee: (name, locale) => fake.member(guild, { username: name, ...(locale ? { locale } : {}) }),
    async close() {
      await bot.stop();
      await app.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
