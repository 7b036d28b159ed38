import { describe, expect, it } from 'vitest';
import { reviewText } from '../../../src/discord/review/review-text.js';
import { privacyText } from '../../../src/privacy/privacy-text.js';
import { contentOf, customIdsOf, embedsOf, useHarness } from '../bot-harness.js';
import { practise, selectValues, settled } from './review-harness.js';

const text = reviewText('en');

describe('/privacy over Discord', () => {
  const h = useHarness();

  it('shows a member what is stored about them and for how long, only to them', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    await practise(h, trainee, ['I understand, let me help.']);
    await settled(h, h.fake.slash(h.admin, 'config', { sub: 'set', options: { 'retention-days': 90 } }));
    const answer = await settled(h, h.fake.slash(trainee, 'privacy', { sub: 'show' }));
    expect(answer.ephemeral).toBe(true);
    const [embed] = embedsOf(answer);
    expect(embed?.title).toBe(text.privacyTitle);
    expect(embed?.description).toContain(privacyText('en').sessions(1));
    expect(embed?.description).toContain(privacyText('en').retention(90));
  });

  it('deletes all of a member’s sessions after the confirmation button, and a later /transcripts is empty', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const bystander = h.fake.member(h.guild, { username: 'bystander' });
    await practise(h, trainee, ['Calm down.']);
    await practise(h, trainee, ['I am sorry, let me fix it.']);
    const kept = await practise(h, bystander, ['I hear you.']);

    const prompt = await settled(h, h.fake.slash(trainee, 'privacy', { sub: 'delete' }));
    expect(prompt.ephemeral).toBe(true);
    expect(contentOf(prompt)).toBe(text.privacyConfirm);
    const confirm = `privacy:delete:${trainee.user.id}`;
    expect(customIdsOf(prompt)).toEqual([confirm, `privacy:cancel:${trainee.user.id}`]);
    expect(await h.app.storage.sessions.listByUser(h.guild.id, trainee.user.id)).toHaveLength(2); // asking deletes nothing

    // someone else pressing (or forging) the button deletes nothing of anyone
    const forged = await settled(h, h.fake.click(bystander, prompt, confirm));
    expect(contentOf(forged)).toBe(text.notYourButton);
    expect(await h.app.storage.sessions.listByUser(h.guild.id, trainee.user.id)).toHaveLength(2);
    expect(await h.app.storage.sessions.listByUser(h.guild.id, bystander.user.id)).toHaveLength(1);

    const click = h.fake.click(trainee, prompt, confirm);
    await h.fake.waitFor(() =>
      contentOf(h.fake.message(String(prompt.payload['id']))!) === privacyText('en').deleted({ sessions: 2, open: 0, groupsLeft: 0, groupRecords: 0 })
        ? true
        : undefined,
    );
    expect(click.callback?.type).toBe(6);
    expect(customIdsOf(h.fake.message(String(prompt.payload['id']))!)).toEqual([]);
    expect(await h.app.storage.sessions.listByUser(h.guild.id, trainee.user.id)).toEqual([]);
    expect(await h.app.storage.sessions.get(kept.id)).toBeDefined();

    const list = await settled(h, h.fake.slash(trainee, 'transcripts'));
    expect(embedsOf(list)[0]?.description).toBe(text.listEmpty);
    expect(selectValues(list, 'review-open')).toEqual([]);
    const shown = await settled(h, h.fake.slash(trainee, 'privacy', { sub: 'show' }));
    expect(embedsOf(shown)[0]?.description).toContain(privacyText('en').nothing);
  });

  it('Keep it deletes nothing', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    await practise(h, trainee, ['Calm down.']);
    const prompt = await settled(h, h.fake.slash(trainee, 'privacy', { sub: 'delete' }));
    h.fake.click(trainee, prompt, `privacy:cancel:${trainee.user.id}`);
    await h.fake.waitFor(() => (contentOf(h.fake.message(String(prompt.payload['id']))!) === text.privacyCancelled ? true : undefined));
    expect(await h.app.storage.sessions.listByUser(h.guild.id, trainee.user.id)).toHaveLength(1);
  });
});
