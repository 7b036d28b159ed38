import { PermissionFlagsBits, PermissionsBitField, type BaseInteraction } from 'discord.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { BotContext } from '../../src/discord/bot-context.js';
import { GuildConfigSchema } from '../../src/discord/guild-config.js';
import { getGuildConfig, hasRole, requireRole, saveGuildConfig } from '../../src/discord/permissions.js';
import { UserFacingError } from '../../src/errors.js';
import { openTempStorage } from '../support/temp-storage.js';

/** Just the parts of a cached interaction that the permission helpers read. */
function member(options: { roles?: string[]; manageGuild?: boolean; locale?: string } = {}): BaseInteraction<'cached'> {
  const interaction = {
    guildId: 'g1',
    locale: options.locale ?? 'en-US',
    memberPermissions: new PermissionsBitField(options.manageGuild ? PermissionFlagsBits.ManageGuild : 0n),
    member: { roles: { cache: new Map((options.roles ?? []).map((id) => [id, { id }])) } },
  };
  return interaction as unknown as BaseInteraction<'cached'>;
}

describe('permissions', () => {
  let context: BotContext;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const temp = await openTempStorage();
    cleanup = temp.cleanup;
    const config = loadConfig({ DEFAULT_LANGUAGE: 'de' });
    context = { storage: temp.storage, config, log: pino({ level: 'silent' }) } as unknown as BotContext;
  });
  afterEach(async () => cleanup());

  it('returns defaults with the configured default language for a server that never ran /config', async () => {
    expect(await getGuildConfig(context, 'g1')).toEqual(GuildConfigSchema.parse({ language: 'de' }));
  });

  it('lets the trainer role, the manager role and Manage Server act as trainer; only the latter two as manager', async () => {
    const config = GuildConfigSchema.parse({ trainerRoleId: 'r-trainer', managerRoleId: 'r-manager' });
    expect(hasRole(member({ roles: ['r-trainer'] }), config, 'trainer')).toBe(true);
    expect(hasRole(member({ roles: ['r-trainer'] }), config, 'manager')).toBe(false);
    expect(hasRole(member({ roles: ['r-manager'] }), config, 'trainer')).toBe(true);
    expect(hasRole(member({ roles: ['r-manager'] }), config, 'manager')).toBe(true);
    expect(hasRole(member({ manageGuild: true }), config, 'manager')).toBe(true);
    expect(hasRole(member({ roles: ['other'] }), config, 'trainer')).toBe(false);
  });

  it('requireRole returns the server settings or throws a readable refusal in the member’s language', async () => {
    await saveGuildConfig(context, 'g1', GuildConfigSchema.parse({ trainerRoleId: 'r-trainer' }));
    expect((await requireRole(member({ roles: ['r-trainer'] }), context, 'trainer')).trainerRoleId).toBe('r-trainer');
    const refusal = await requireRole(member({ locale: 'de' }), context, 'trainer').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UserFacingError);
    expect((refusal as UserFacingError).code).toBe('forbidden');
    expect((refusal as Error).message).toContain('<@&r-trainer>');
    expect((refusal as Error).message).toContain('Trainer-Rolle');
  });
});
