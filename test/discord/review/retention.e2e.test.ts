import { describe, expect, it } from 'vitest';
import { GUILD_CONFIG_COLLECTION, GuildConfigSchema } from '../../../src/discord/guild-config.js';
import { reviewText } from '../../../src/discord/review/review-text.js';
import { MEMBER_PERMISSIONS } from '../../support/fake-discord/index.js';
import { contentOf, embedsOf, useHarness } from '../bot-harness.js';
import { practise, seedCopy, settled } from './review-harness.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe('retention over Discord', () => {
  const h = useHarness();

  const stored = () => h.app.storage.collection(GUILD_CONFIG_COLLECTION, GuildConfigSchema).get(h.guild.id);

  it('/config set retention-days is for Manage Server; 0 switches it off again', async () => {
    const member = h.fake.member(h.guild, { username: 'plain', permissions: MEMBER_PERMISSIONS });
    await settled(h, h.fake.slash(member, 'config', { sub: 'set', options: { 'retention-days': 30 } }));
    expect((await stored())?.retentionDays ?? null).toBeNull();

    const set = await settled(h, h.fake.slash(h.admin, 'config', { sub: 'set', options: { 'retention-days': 30 } }));
    expect((await stored())?.retentionDays).toBe(30);
    expect(embedsOf(set)[0]?.fields?.find((f) => f.name === reviewText('en').retention)?.value).toBe(reviewText('en').retentionSet(30));
    await settled(h, h.fake.slash(h.admin, 'config', { sub: 'set', options: { 'retention-days': 0 } }));
    expect((await stored())?.retentionDays).toBeNull();
  });

  it('purges sessions idle longer than the retention period, at start-up and on the schedule, keeping recent ones', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const recent = await practise(h, trainee, ['I understand, let me help.']);
    const old = await seedCopy(h, recent, { createdAt: daysAgo(100), updatedAt: daysAgo(95) });
    // started long ago but used lately: last activity counts
    const revived = await seedCopy(h, recent, { createdAt: daysAgo(100), updatedAt: daysAgo(2) });

    // without a retention period nothing is purged
    expect(await h.bot.retention.runNow()).toEqual({ guilds: 0, purged: 0 });
    expect(await h.app.storage.sessions.get(old.id)).toBeDefined();

    await settled(h, h.fake.slash(h.admin, 'config', { sub: 'set', options: { 'retention-days': 30 } }));
    expect(await h.bot.retention.runNow()).toEqual({ guilds: 1, purged: 1 });
    expect(await h.app.storage.sessions.get(old.id)).toBeUndefined();
    expect(await h.app.storage.sessions.get(revived.id)).toBeDefined();
    expect(await h.app.storage.sessions.get(recent.id)).toBeDefined();

    // the start-up run after a restart
    const older = await seedCopy(h, recent, { createdAt: daysAgo(400), updatedAt: daysAgo(400) });
    await h.restart();
    expect(await h.bot.retention.lastRun).toEqual({ guilds: 1, purged: 1 });
    expect(await h.app.storage.sessions.get(older.id)).toBeUndefined();

    const list = await settled(h, h.fake.slash(trainee, 'transcripts'));
    expect(contentOf(list)).toBe('');
    expect(embedsOf(list)[0]?.footer?.text).toBe(reviewText('en').listPage(1, 1, 2));
  });
});
