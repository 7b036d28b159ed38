import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { GUILD_CONFIG_COLLECTION, GuildConfigSchema } from '../../src/discord/guild-config.js';
import { uiText } from '../../src/discord/ui-text.js';
import { MEMBER_PERMISSIONS } from '../support/fake-discord/index.js';
import { contentOf, embedsOf, startPractice, useHarness, waitForAnswer } from './bot-harness.js';

const en = uiText('en');

describe('/config over Discord', () => {
  const h = useHarness();

  const stored = () => h.app.storage.collection(GUILD_CONFIG_COLLECTION, GuildConfigSchema).get(h.guild.id);

  it('refuses a member without Manage Server, ephemerally, and changes nothing', async () => {
    const member = h.fake.member(h.guild, { username: 'plain' });
    const interaction = h.fake.slash(member, 'config', { sub: 'set', options: { language: 'de', 'thread-visibility': 'public' } });
    const answer = await waitForAnswer(h.fake, interaction);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(en.errors.needsManageGuild);
    expect(await stored()).toBeUndefined();
  });

  it('lets a member with Manage Server set roles, channels, visibility and language', async () => {
    const manager = h.fake.member(h.guild, { username: 'lead', permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild });
    const trainerRole = h.fake.role(h.guild, 'Trainer');
    const practice = h.fake.textChannel(h.guild, 0);
    const interaction = h.fake.slash(manager, 'config', {
      sub: 'set',
      options: {
        'trainer-role': { type: 'role', id: trainerRole },
        'add-channel': { type: 'channel', id: practice.id },
        'thread-visibility': 'public',
        language: 'de',
      },
    });
    const answer = await waitForAnswer(h.fake, interaction);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(uiText('en').config.saved);
    expect(await stored()).toEqual({
      trainerRoleId: trainerRole,
      managerRoleId: null,
      practiceChannelIds: [practice.id],
      threadVisibility: 'public',
      language: 'de',
      retentionDays: null,
    });
    const fields = embedsOf(answer)[0]?.fields ?? [];
    expect(fields.find((f) => f.name === en.config.trainerRole)?.value).toBe(`<@&${trainerRole}>`);
  });

  it('applies the settings: /practice start only in the practice channel, in a public thread, in the server language', async () => {
    const admin = h.admin;
    const [practice, general] = [h.fake.textChannel(h.guild, 0), h.fake.textChannel(h.guild, 1)];
    const set = h.fake.slash(admin, 'config', {
      sub: 'set',
      options: { 'add-channel': { type: 'channel', id: practice.id }, 'thread-visibility': 'public', language: 'de' },
    });
    await waitForAnswer(h.fake, set);

    const trainee = h.fake.member(h.guild, { username: 'trainee', locale: 'fr' });
    const elsewhere = h.fake.slash(trainee, 'practice', { sub: 'start', options: { persona: 'frustrated' }, channelId: general.id });
    const refusal = await waitForAnswer(h.fake, elsewhere);
    expect(refusal.ephemeral).toBe(true);
    expect(contentOf(refusal)).toBe(uiText('de').errors.channelNotAllowed([practice.id]));
    expect(h.fake.threads()).toHaveLength(0);

    const { thread } = await startPractice(h, trainee, { persona: 'frustrated' });
    expect(thread.type).toBe(11); // public thread
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.lang).toBe('de');
  });

  it('/config show is for Manage Server too', async () => {
    const member = h.fake.member(h.guild);
    const denied = await waitForAnswer(h.fake, h.fake.slash(member, 'config', { sub: 'show' }));
    expect(contentOf(denied)).toBe(en.errors.needsManageGuild);
    const shown = await waitForAnswer(h.fake, h.fake.slash(h.admin, 'config', { sub: 'show' }));
    expect(embedsOf(shown)[0]?.title).toBe(en.config.title);
  });

  it('tells the member to ask an admin when the channel does not let the bot open threads', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    h.fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/threads$/, status: 403, code: 50013, message: 'Missing Permissions' });
    const answer = await waitForAnswer(h.fake, h.fake.slash(trainee, 'practice', { sub: 'start', options: { persona: 'frustrated' } }));
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(en.errors.threadFailed);
    expect(h.fake.threads()).toHaveLength(0);
  });
});
