import { afterEach, describe, expect, it } from 'vitest';
import { createFakeDiscord, type FakeDiscord } from '../support/fake-discord/index.js';

/** The fake must behave like Discord where the bot could get it wrong, or the e2e tests prove little. */
describe('fake Discord', () => {
  let fake: FakeDiscord;
  afterEach(async () => fake.close());

  const callback = (interaction: { id: string; token: string }, body: unknown) =>
    fetch(`${fake.restApi}/v10/interactions/${interaction.id}/${interaction.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('refuses a second acknowledgement of the same interaction, as Discord does', async () => {
    fake = await createFakeDiscord();
    const guild = fake.guild();
    const interaction = fake.slash(fake.member(guild), 'progress');
    expect((await callback(interaction, { type: 5, data: { flags: 64 } })).status).toBe(204);
    const second = await callback(interaction, { type: 4, data: { content: 'again' } });
    expect(second.status).toBe(400);
    expect(((await second.json()) as { code: number }).code).toBe(40060);
  });

  it('forgets an interaction that was not acknowledged in time', async () => {
    fake = await createFakeDiscord({ ackDeadlineMs: 20 });
    const interaction = fake.slash(fake.member(fake.guild()), 'progress');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const late = await callback(interaction, { type: 4, data: { content: 'too late' } });
    expect(late.status).toBe(404);
    expect(((await late.json()) as { code: number }).code).toBe(10062);
  });

  it('keeps a deferred reply as a loading placeholder until @original is edited', async () => {
    fake = await createFakeDiscord();
    const interaction = fake.slash(fake.member(fake.guild()), 'progress');
    await callback(interaction, { type: 5, data: { flags: 64 } });
    expect(Number(fake.original(interaction)?.payload['flags']) & (1 << 7)).not.toBe(0);
    const edit = await fetch(`${fake.restApi}/v10/webhooks/${fake.applicationId}/${interaction.token}/messages/%40original`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'done', allowed_mentions: { parse: [] } }),
    });
    expect(edit.status).toBe(200);
    expect(fake.original(interaction)?.payload['content']).toBe('done');
    expect(fake.original(interaction)?.ephemeral).toBe(true);
    expect(Number(fake.original(interaction)?.payload['flags']) & (1 << 7)).toBe(0);
  });

  it('records calls to routes it does not know instead of pretending they worked', async () => {
    fake = await createFakeDiscord();
    const response = await fetch(`${fake.restApi}/v10/guilds/1/bans/2`, { method: 'PUT' });
    expect(response.status).toBe(404);
    expect(fake.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /guilds/1/bans/2']);
  });
});
