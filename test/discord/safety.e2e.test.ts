import { describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { engineMessage } from '../../src/engine/engine-messages.js';
import { MAX_REPLY_CHARS } from '../../src/engine/engine-types.js';
import { botMessages, contentOf, customIdsOf, embedsOf, expectNothingPinged, startPracticeToOpening, useHarness, waitForEmbeds } from './bot-harness.js';

const en = uiText('en');

describe('what trainees type cannot ping or format, and odd messages get a clear answer', () => {
  const h = useHarness();

  it('quotes a reply full of mentions and markdown back inert, and nothing the bot sent allows a ping', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    const nasty = '@everyone @here <@123> <@!123> <@&456> <#789> **sorry** __really__ ||secret|| `code` [bank](https://example.com) # big\n> quote';
    h.fake.say(trainee, thread.id, nasty);
    const [feedback] = await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    const end = customIdsOf(feedback!).find((id) => id.startsWith('practice:end:'));
    if (end) h.fake.click(trainee, feedback!, end);
    const [summary] = await waitForEmbeds(h.fake, thread.id, en.summary.title(h.app.personas.require('frustrated').names.en), 1);

    const quoted = embedsOf(summary!)[0]?.fields?.find((f) => f.name.startsWith(en.summary.best))?.value ?? '';
    expect(quoted).not.toBe('');
    for (const raw of ['@everyone', '@here', '<@123>', '<@!123>', '<@&456>', '<#789>', '**sorry**', '||secret||', '`code`']) {
      expect(quoted, raw).not.toContain(raw);
    }
    expect(quoted).toContain('\\*\\*sorry\\*\\*');
    expect(quoted).toContain('\\[bank]'); // a masked link escaped renders as plain text
    // the stored transcript keeps exactly what was written
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.exchanges[0]?.reply).toBe(nasty);

    expectNothingPinged(h.fake);
    expect(h.fake.outgoingMessages().length).toBeGreaterThanOrEqual(5);
    for (const { body } of h.fake.outgoingMessages()) {
      expect(JSON.stringify(body)).not.toContain('@everyone');
    }
  });

  it('answers an empty message (an attachment alone) and an over-long one with a clear reason, grading neither', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });

    h.fake.say(trainee, thread.id, '');
    const empty = engineMessage('reply_empty', 'en');
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m) === empty));

    const huge = 'I hear you. '.repeat(Math.ceil((MAX_REPLY_CHARS + 500) / 12));
    h.fake.say(trainee, thread.id, huge);
    const tooLong = engineMessage('reply_too_long', 'en', { max: MAX_REPLY_CHARS, got: huge.trim().length });
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m) === tooLong));

    expect((await h.app.storage.sessions.findByChannel(thread.id))?.exchanges).toHaveLength(0);
    // the answers are replies to the trainee's message, still without pinging them
    const replies = h.fake.outgoingMessages().filter(({ body }) => body['message_reference'] !== undefined);
    expect(replies).toHaveLength(2);
    expectNothingPinged(h.fake);
  });
});
