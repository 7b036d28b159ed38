import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events, type Client } from 'discord.js';
import { pino } from 'pino';
import { createApp, type App } from '../../../src/app/create-app.js';
import { loadConfig } from '../../../src/config/config.js';
import type { BotContext } from '../../../src/discord/bot-context.js';
import { buttons } from '../../../src/discord/buttons/index.js';
import { createBotClient } from '../../../src/discord/client.js';
import { sessionCommand } from '../../../src/discord/commands/session.js';
import { commands } from '../../../src/discord/commands/index.js';
import { groupButtons, handleGroupThreadMessage, resumeGroups, setGroupTimings, stopGroupTimers } from '../../../src/discord/group/index.js';
import { GuildConfigSchema } from '../../../src/discord/guild-config.js';
import { createInteractionRouter } from '../../../src/discord/interaction-router.js';
import { createMessageRouter } from '../../../src/discord/message-router.js';
import { saveGuildConfig } from '../../../src/discord/permissions.js';
import { ALL_PERMISSIONS, createFakeDiscord, type FakeChannel, type FakeDiscord, type FakeGuild, type FakeMember } from '../../support/fake-discord/index.js';

/**
 * The real discord.js client, the bot core's real routers and the real app (engine, offline grader,
 * built-in personas, SQLite store in a temp folder) against the fake Discord, with the group
 * module plugged in exactly as the bot core plugs it in: `/session` in the command list, the group
 * buttons in the button list, `handleGroupThreadMessage` as the message router's group hook and
 * `resumeGroups` once the client is ready. (Registered here so the tests do not depend on when the
 * bot core's own wiring lands; entries it already has are not added twice.)
 */
export interface GroupHarness {
  readonly fake: FakeDiscord;
  readonly guild: FakeGuild;
  readonly channel: FakeChannel;
  readonly trainer: FakeMember;
  readonly trainerRoleId: string;
  readonly app: App;
  readonly context: BotContext;
  readonly client: Client;
  trainee(name: string, locale?: string): FakeMember;
  close(): Promise<void>;
}

export async function startGroupHarness(options: { cardEditIntervalMs?: number; roundMs?: number } = {}): Promise<GroupHarness> {
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
  const context: BotContext = { engine: app.engine, personas: app.personas, storage: app.storage, config, log };
  await saveGuildConfig(context, guild.id, GuildConfigSchema.parse({ trainerRoleId, threadVisibility: 'private', language: 'en' }));

  const commandNames = new Set(commands.map((command) => command.data.name));
  const buttonPrefixes = new Set(buttons.map((button) => button.prefix));
  const client = createBotClient({ restApi: fake.restApi });
  const routeInteraction = createInteractionRouter({
    commands: [...commands, ...(commandNames.has('session') ? [] : [sessionCommand])],
    buttons: [...buttons, ...groupButtons.filter((button) => !buttonPrefixes.has(button.prefix))],
    context,
  });
  const routeMessage = createMessageRouter(context, { handleGroupThreadMessage, groupButtons });
  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void routeMessage(message));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
  await resumeGroups(client, context);

  return {
    fake,
    guild,
    channel: fake.textChannel(guild),
    trainer,
    trainerRoleId,
    app,
    context,
    client,
    trainee: (name, locale) => fake.member(guild, { username: name, ...(locale ? { locale } : {}) }),
    async close() {
      stopGroupTimers();
      await client.destroy();
      await app.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
