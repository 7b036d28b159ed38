import { contentNotice } from '../../src/personas/persona-text.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import type { FakeMember } from '../support/fake-discord/index.js';
import {
  botMessages,
  contentOf,
  customIdsOf,
  embedsOf,
  startPractice,
  startPracticeToOpening,
  useHarness,
  waitForAnswer,
  waitForEmbeds,
} from './bot-harness.js';

const en = uiText('en');

describe('practice buttons and subcommands over Discord', () => {
  const h = useHarness();
  let trainee: FakeMember;
  beforeEach(() => {
    trainee = h.fake.member(h.guild, { username: 'trainee' });
  });

  async function practiseOneReply(reply = 'I am sorry about your card. Let me check it for you right away.') {
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    h.fake.say(trainee, thread.id, reply);
    const [feedback] = await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 1);
    return { thread, feedback: feedback! };
  }

  const button = (message: Parameters<typeof customIdsOf>[0], action: string) => {
    const id = customIdsOf(message).find((customId) => customId.startsWith(`practice:${action}:`));
    if (!id) throw new Error(`no ${action} button on the message`);
    return id;
  };

  it('Hint answers only the trainee, ephemerally, with the stage hint', async () => {
    const { thread, feedback } = await practiseOneReply();
    const click = h.fake.click(trainee, feedback, button(feedback, 'hint'));
    const answer = await waitForAnswer(h.fake, click);
    expect(answer.ephemeral).toBe(true);
    const [embed] = embedsOf(answer);
    expect(embed?.title).toBe(en.practice.hintTitle);
    const session = await h.app.storage.sessions.findByChannel(thread.id);
    expect(embed?.description).toBe(await h.app.engine.hint(session!.id));
  });

  it('Retry asks for the same customer line again and keeps both attempts; the old Retry button then goes stale', async () => {
    const { thread, feedback } = await practiseOneReply('Calm down, this is not my fault.');
    const before = await h.app.storage.sessions.findByChannel(thread.id);
    const answered = before!.exchanges[0]!.lineN;
    const answeredText = before!.lines.find((line) => line.n === answered)!.text;

    const retryId = button(feedback, 'retry');
    const click = h.fake.click(trainee, feedback, retryId);
    const prompt = await h.fake.waitFor(() => h.fake.followups(click)[0]);
    expect(contentOf(prompt)).toContain(en.practice.retryIntro);
    expect(contentOf(prompt)).toContain(answeredText);
    // the used feedback loses its buttons
    expect(customIdsOf(h.fake.message(String(feedback.payload['id']))!)).toEqual([]);

    h.fake.say(trainee, thread.id, 'I am so sorry, that must have been embarrassing at the hotel. Let me fix the card now.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 2);
    const after = await h.app.storage.sessions.findByChannel(thread.id);
    expect(after!.exchanges.map((e) => [e.lineN, e.attempt])).toEqual([
      [answered, 1],
      [answered, 2],
    ]);
    expect(after!.exchanges[0]!.reply).toBe('Calm down, this is not my fault.');

    // pressing the first Retry again (a second client still showing it) must not retry the newer reply
    const stale = h.fake.click(trainee, feedback, retryId);
    const refusal = await waitForAnswer(h.fake, stale);
    expect(refusal.ephemeral).toBe(true);
    expect(contentOf(refusal)).toBe(en.errors.unknownAction);
    expect((await h.app.storage.sessions.findByChannel(thread.id))!.exchanges).toHaveLength(2);
  });

  it('buttons pressed by someone else are refused without touching the session', async () => {
    const { thread, feedback } = await practiseOneReply();
    const other = h.fake.member(h.guild, { username: 'curious' });
    const click = h.fake.click(other, feedback, button(feedback, 'end'));
    const answer = await waitForAnswer(h.fake, click);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(en.errors.notYourSession);
    expect((await h.app.storage.sessions.findByChannel(thread.id))!.status).toBe('active');
  });

  it('/practice end in the thread posts the summary; /practice end elsewhere says there is no session', async () => {
    const { thread } = await practiseOneReply();
    const end = h.fake.slash(trainee, 'practice', { sub: 'end', channelId: thread.id });
    await waitForAnswer(h.fake, end);
    const persona = h.app.personas.require('frustrated');
    await waitForEmbeds(h.fake, thread.id, en.summary.title(persona.names.en), 1);
    expect((await h.app.storage.sessions.findByChannel(thread.id))!.status).toBe('ended');

    const nowhere = h.fake.slash(trainee, 'practice', { sub: 'end' });
    const answer = await waitForAnswer(h.fake, nowhere);
    expect(answer.ephemeral).toBe(true);
    expect(contentOf(answer)).toBe(en.errors.noSessionHere);
  });

  it('/practice pause holds replies until /practice resume repeats the waiting line', async () => {
    const { thread } = await practiseOneReply();
    const pause = h.fake.slash(trainee, 'practice', { sub: 'pause', channelId: thread.id });
    expect(contentOf(await waitForAnswer(h.fake, pause))).toBe(en.practice.paused);

    h.fake.say(trainee, thread.id, 'Are you still there?');
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m) === en.practice.alreadyPaused));
    expect((await h.app.storage.sessions.findByChannel(thread.id))!.exchanges).toHaveLength(1);

    const resume = h.fake.slash(trainee, 'practice', { sub: 'resume', channelId: thread.id });
    const resumed = await waitForAnswer(h.fake, resume);
    expect(contentOf(resumed)).toContain(en.practice.resumed);
    expect(contentOf(resumed)).toContain('**Mr Brandt:**');
    h.fake.say(trainee, thread.id, 'Thank you for waiting. I have lifted the block on your card.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, 2);
  });

  it('shows the content notice first and starts only after Start; Cancel starts nothing', async () => {
    const { thread } = await startPractice(h, trainee, { persona: 'insulting', language: 'en' });
    const intro = await h.fake.waitFor(() => botMessages(h.fake, thread.id)[0]);
    const persona = h.app.personas.require('insulting');
    expect(embedsOf(intro).map((e) => e.title)).toEqual([en.practice.briefTitle(persona.names.en), en.practice.contentNoticeTitle]);
    expect(embedsOf(intro)[1]?.description).toBe(contentNotice(persona, 'en', 'standard'));
    expect(await h.app.storage.sessions.findByChannel(thread.id)).toBeUndefined();

    const start = customIdsOf(intro).find((id) => id.startsWith('practice-start:go:'))!;
    h.fake.click(trainee, intro, start);
    const line = await h.fake.waitFor(() => botMessages(h.fake, thread.id)[1]);
    expect(contentOf(line)).toContain(`**${persona.customerName.en}:**`);
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.status).toBe('active');

    const second = await startPractice(h, trainee, { persona: 'insulting', language: 'en' });
    const secondIntro = await h.fake.waitFor(() => botMessages(h.fake, second.thread.id)[0]);
    const cancel = customIdsOf(secondIntro).find((id) => id.startsWith('practice-start:cancel:'))!;
    const click = h.fake.click(trainee, secondIntro, cancel);
    await h.fake.waitFor(() => h.fake.original(click));
    expect(contentOf(h.fake.message(String(secondIntro.payload['id']))!)).toBe(en.practice.cancelled);
    expect(await h.app.storage.sessions.findByChannel(second.thread.id)).toBeUndefined();
  });

  it('after the customer hangs up, offers only Retry, which reopens the call at the line that went wrong', async () => {
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    const rude = ['Shut up and stop whining, you idiot.', 'I do not care, you stupid old man. Stop shouting.', 'Whatever, idiot.'];
    let ended = false;
    for (const [index, reply] of rude.entries()) {
      h.fake.say(trainee, thread.id, reply);
      await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, index + 1);
      if ((await h.app.storage.sessions.findByChannel(thread.id))?.status === 'ended') {
        ended = true;
        break;
      }
    }
    expect(ended).toBe(true);
    const session = (await h.app.storage.sessions.findByChannel(thread.id))!;
    expect(session.outcome).toBe('hung_up');
    const feedback = await h.fake.waitFor(() => lastFeedback());
    expect(customIdsOf(feedback)).toEqual([`practice:retry:${session.id}:${session.turns}`]);

    // a message after the end is not graded, and the trainee is told why
    h.fake.say(trainee, thread.id, 'Hello? Are you still there?');
    await h.fake.waitFor(() => botMessages(h.fake, thread.id).find((m) => contentOf(m) === en.practice.sessionOver));

    const click = h.fake.click(trainee, feedback, customIdsOf(feedback)[0]!);
    await h.fake.waitFor(() => h.fake.followups(click)[0]);
    expect((await h.app.storage.sessions.findByChannel(thread.id))?.status).toBe('active');
    h.fake.say(trainee, thread.id, 'I am sorry, that was out of line. Let me unblock your card right now.');
    await waitForEmbeds(h.fake, thread.id, en.practice.feedbackTitle, session.turns + 1);
    const after = (await h.app.storage.sessions.findByChannel(thread.id))!;
    expect(after.exchanges.at(-1)?.attempt).toBe(2);
    expect(after.exchanges).toHaveLength(session.turns + 1);

    function lastFeedback() {
      return botMessages(h.fake, thread.id)
        .filter((m) => embedsOf(m)[0]?.title?.startsWith(en.practice.feedbackTitle))
        .at(-1);
    }
  });
});
