import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_COLLECTION, GroupRecordSchema } from '../../../src/discord/group/group-record.js';
import { createGroupStore } from '../../../src/discord/group/group-store.js';
import { groupText } from '../../../src/discord/group/group-text.js';
import { resumeGroups, stopGroupTimers } from '../../../src/discord/group/index.js';
import { botMessages, contentOf, customIdsOf, embedsOf, expectNothingPinged, waitForAnswer } from '../bot-harness.js';
import { startGroupHarness, type GroupHarness } from './group-harness.js';

const text = groupText('de');

describe('group sessions across a restart', () => {
  let h: GroupHarness;
  afterEach(async () => {
    expectNothingPinged(h.fake);
    await h.close();
  });

  it('ends a group whose time ran out while the bot was down, with the board in the group’s language', async () => {
    h = await startGroupHarness();
    await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'start', options: { persona: 'grieving', language: 'de', duration: 30 } }));
    const card = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => customIdsOf(m).length > 0));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    const trainee = h.trainee('ada', 'de');
    // the grieving customer carries a content notice: the member agrees to it, then joins
    const notice = await waitForAnswer(h.fake, h.fake.click(trainee, card, `group-join:${groupId}`));
    await waitForAnswer(h.fake, h.fake.click(trainee, notice, `group-join:${groupId}:agreed`));
    const thread = await h.fake.waitFor(() => h.fake.threads()[0]);

    const stored = await h.app.storage.collection(GROUP_COLLECTION, GroupRecordSchema).get(groupId);
    expect(Date.parse(stored!.endsAt!) - Date.parse(stored!.startedAt)).toBe(30 * 60_000);

    // The process "stops" (timers gone) and the clock passes the end while nobody runs it.
    stopGroupTimers();
    await createGroupStore(h.app.storage).update(groupId, (current) => ({ ...current, endsAt: new Date(Date.now() - 1_000).toISOString() }));
    expect(await resumeGroups(h.client, h.context)).toBe(0);

    const board = await h.fake.waitFor(() =>
      botMessages(h.fake, h.channel.id).find((m) => embedsOf(m)[0]?.title === text.board.title(h.app.personas.require('grieving').names.de)),
    );
    expect(contentOf(board)).toBe(text.end.timeUp);
    expect(h.fake.channel(thread.id)?.thread_metadata).toMatchObject({ archived: true, locked: true });
    expect((await h.app.storage.collection(GROUP_COLLECTION, GroupRecordSchema).get(groupId))?.status).toBe('ended');
    expect((await h.app.storage.sessions.listByGroup(groupId)).map((s) => s.status)).toEqual(['ended']);
  });

  it('keeps a group that is still within its time open and its card live after a restart', async () => {
    h = await startGroupHarness();
    await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: 'start', options: { persona: 'frustrated', language: 'de' } }));
    const card = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => customIdsOf(m).length > 0));
    const groupId = customIdsOf(card)[0]?.split(':')[1] ?? '';
    stopGroupTimers();
    expect(await resumeGroups(h.client, h.context)).toBe(1);

    const trainee = h.trainee('ben', 'de');
    const joined = await waitForAnswer(h.fake, h.fake.click(trainee, card, `group-join:${groupId}`));
    expect(contentOf(joined)).toBe(text.join.joined(h.fake.threads()[0]!.id));
    await h.fake.waitFor(() => embedsOf(h.fake.message(String(card.payload['id']))!)[0]?.fields?.some((f) => f.name === text.card.participants(1)));
  });
});
