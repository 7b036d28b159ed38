import { readFile } from 'node:fs/promises';
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/discord/invite.js';

describe('the invite link', () => {
  it('asks for the minimal permissions, never Administrator, with both scopes', () => {
    const url = new URL(inviteUrl('1234'));
    expect(url.searchParams.get('client_id')).toBe('1234');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const granted = new PermissionsBitField(BigInt(url.searchParams.get('permissions') ?? '0'));
    expect(granted.has(PermissionFlagsBits.Administrator)).toBe(false);
    expect(granted.toArray().sort()).toEqual(
      [
        'AttachFiles',
        'CreatePrivateThreads',
        'CreatePublicThreads',
        'EmbedLinks',
        'ManageThreads',
        'ReadMessageHistory',
        'SendMessages',
        'SendMessagesInThreads',
        'ViewChannel',
      ].sort(),
    );
  });

  it('matches the integer and the URL documented in docs/discord.md', async () => {
    const doc = await readFile(new URL('../../docs/discord.md', import.meta.url), 'utf8');
    expect(doc).toContain(`**${BOT_PERMISSIONS}**`);
    expect(doc).toContain(inviteUrl('APPLICATION_ID'));
  });
});
