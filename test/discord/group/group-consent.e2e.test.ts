import { describe, expect, it } from 'vitest';
import { groupText } from '../../../src/discord/group/group-text.js';
import { contentNotice } from '../../../src/personas/persona-text.js';
import { uiText } from '../../../src/discord/ui-text.js';
import { botMessages, contentOf, customIdsOf, embedsOf, waitForAnswer } from '../bot-harness.js';
import { useGroupHarness } from './group-harness.js';

const text = groupText('en');
const ui = uiText('en');

describe('group sessions with a harsh or sensitive customer ask for consent first (fake Discord, real client)', () => {
  const h = useGroupHarness();

  async function startSession(mode: 'start' | 'relay') {
    const persona = h.app.personas.require('insulting');
    const answer = await waitForAnswer(h.fake, h.fake.slash(h.trainer, 'session', { sub: mode, options: { persona: 'insulting', language: 'en' } }));
    expect(answer.ephemeral).toBe(true);
    const card = await h.fake.waitFor(() => botMessages(h.fake, h.channel.id).find((m) => embedsOf(m)[0]?.title === text.card.title(persona.names.en)));
    return { persona, card, groupId: customIdsOf(card)[0]?.split(':')[1] ?? '' };
  }

  it('shows the content notice privately on Join and opens no thread until the member agrees', async () => {
    const { persona, card, groupId } = await startSession('start');
    const ada = h.trainee('ada');
    const first = await waitForAnswer(h.fake, h.fake.click(ada, card, `group-join:${groupId}`));
    expect(first.ephemeral).toBe(true);
    expect(contentOf(first)).toBe(text.join.consent);
    expect(embedsOf(first).map((embed) => embed.title)).toEqual([ui.practice.contentNoticeTitle]);
    expect(embedsOf(first)[0]?.description).toBe(contentNotice(persona, 'en', 'standard'));
    expect(customIdsOf(first)).toEqual([`group-join:${groupId}:agreed`]);
    expect(h.fake.threads()).toHaveLength(0);

    const joined = await waitForAnswer(h.fake, h.fake.click(ada, first, `group-join:${groupId}:agreed`));
    const thread = await h.fake.waitFor(() => h.fake.threads().find((t) => t.memberIds?.includes(ada.user.id)));
    expect(contentOf(joined)).toBe(text.join.joined(thread.id));
    const messages = await h.fake.waitFor(() => (botMessages(h.fake, thread.id).length >= 2 ? botMessages(h.fake, thread.id) : undefined));
    // the notice stands in the thread above the customer's first (insulting) line
    expect(embedsOf(messages[0]!).map((embed) => embed.title)).toContain(ui.practice.contentNoticeTitle);
    expect(contentOf(messages[1]!)).toContain(`**${persona.customerName.en}:**`);
  });

  it('posts the content notice in the channel before the first line of a relay', async () => {
    const { card, groupId } = await startSession('relay');
    const ada = h.trainee('ada');
    const first = await waitForAnswer(h.fake, h.fake.click(ada, card, `group-join:${groupId}`));
    expect(contentOf(first)).toBe(text.join.consent);
    const joined = await waitForAnswer(h.fake, h.fake.click(ada, first, `group-join:${groupId}:agreed`));
    expect(contentOf(joined)).toBe(text.join.joinedRelay);

    const before = botMessages(h.fake, h.channel.id).length;
    await waitForAnswer(
      h.fake,
      h.fake.click(
        h.trainer,
        card,
        customIdsOf(h.fake.message(String(card.payload['id']))!).find((id) => id.startsWith('group-next'))!,
      ),
    );
    const turn = text.relay.yourTurn(ada.user.username);
    const posted = await h.fake.waitFor(() => {
      const after = botMessages(h.fake, h.channel.id).slice(before);
      return after.some((message) => contentOf(message).includes(turn)) ? after : undefined;
    });
    const noticeAt = posted.findIndex((message) => embedsOf(message).some((embed) => embed.title === ui.practice.contentNoticeTitle));
    const lineAt = posted.findIndex((message) => contentOf(message).includes(turn));
    expect(noticeAt).toBeGreaterThanOrEqual(0);
    expect(noticeAt).toBeLessThan(lineAt);
  });
});
