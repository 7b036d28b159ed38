import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
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

describe('solo practice over Discord (fake gateway, real bot and engine)', () => {
  const h = useHarness();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const lang of ['en', 'de'] as const) {
    it(`runs a whole session in ${lang}: private thread, brief, customer lines, feedback per reply, End, summary`, async () => {
      const text = uiText(lang);
      const trainee = h.fake.member(h.guild, { username: 'trainee', locale: lang === 'de' ? 'de' : 'en-US' });
      const persona = h.app.personas.require('frustrated');

      const { thread, reply } = await startPractice(h, trainee, { persona: 'frustrated', language: lang });
      expect(reply.ephemeral).toBe(true);
      expect(contentOf(reply)).toBe(text.practice.threadOpened(thread.id));
      expect(thread.type).toBe(12); // private thread…
      expect(thread.memberIds).toContain(trainee.user.id); // …that the trainee was added to
      expect(thread.parent_id).toBe(h.channel.id);

      const opening = await h.fake.waitFor(() => botMessages(h.fake, thread.id)[1]);
      const [brief] = embedsOf(botMessages(h.fake, thread.id)[0]!);
      expect(brief?.title).toBe(text.practice.briefTitle(persona.names[lang]));
      expect(brief?.fields?.[0]?.value).toBe(persona.brief[lang].situation);
      expect(contentOf(opening)).toContain(`**${persona.customerName[lang]}:**`);

      const replies =
        lang === 'en'
          ? [
              'I am really sorry, that sounds awful. Let me check what happened to your card.',
              'I can lift the block right now and send an emergency card to your hotel.',
            ]
          : [
              'Das tut mir wirklich leid, das klingt furchtbar. Ich schaue sofort nach Ihrer Karte.',
              'Ich kann die Sperre jetzt aufheben und Ihnen eine Notfallkarte ins Hotel schicken.',
            ];
      for (const [index, line] of replies.entries()) {
        h.fake.say(trainee, thread.id, line);
        await waitForEmbeds(h.fake, thread.id, text.practice.feedbackTitle, index + 1);
      }
      const feedback = await waitForEmbeds(h.fake, thread.id, text.practice.feedbackTitle, 2);
      const last = feedback.at(-1)!;
      const names = embedsOf(last)[0]?.fields?.map((f) => f.name);
      expect(names).toEqual(
        expect.arrayContaining([text.practice.composure, text.practice.empathy, text.practice.boundary, text.practice.tip, text.practice.example]),
      );
      // the offline grader answers at once: no typing call (see typing.e2e.test.ts for a slow answer)
      expect(h.fake.requests.filter((r) => r.path === `/channels/${thread.id}/typing`)).toEqual([]);

      const session = await h.app.storage.sessions.findByChannel(thread.id);
      expect(session?.exchanges.map((e) => e.reply)).toEqual(replies);
      expect(session?.lang).toBe(lang);

      if (session?.status !== 'ended') {
        const endId = customIdsOf(last).find((id) => id.startsWith('practice:end:'));
        expect(endId).toBeDefined();
        h.fake.click(trainee, last, endId!);
      }
      const [summary] = await waitForEmbeds(h.fake, thread.id, text.summary.title(persona.names[lang]), 1);
      const summaryFields = embedsOf(summary!)[0]?.fields ?? [];
      expect(summaryFields.find((f) => f.name === text.summary.exchanges)?.value).toBe('2');
      expect(summaryFields.some((f) => f.name === text.summary.practiseNext)).toBe(true);
      expect((await h.app.storage.sessions.findByChannel(thread.id))?.status).toBe('ended');
    });
  }

  it('ignores messages in the thread from anyone but the trainee', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const bystander = h.fake.member(h.guild, { username: 'bystander' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });

    h.fake.say(bystander, thread.id, 'I will answer for them: sorry, sorry!');
    h.fake.say(trainee, thread.id, 'I understand how annoying that is. Let me look into your card now.');
    await waitForEmbeds(h.fake, thread.id, uiText('en').practice.feedbackTitle, 1);
    const session = await h.app.storage.sessions.findByChannel(thread.id);
    expect(session?.exchanges.map((e) => e.reply)).toEqual(['I understand how annoying that is. Let me look into your card now.']);
  });

  it('answers /personas with every persona and its brief, only to the caller, in their language', async () => {
    const member = h.fake.member(h.guild, { locale: 'de' });
    const interaction = h.fake.slash(member, 'personas');
    const answer = await waitForAnswer(h.fake, interaction);
    expect(answer.ephemeral).toBe(true);
    const fields = embedsOf(answer).flatMap((e) => e.fields ?? []);
    expect(fields).toHaveLength(h.app.personas.list().length);
    const frustrated = h.app.personas.require('frustrated');
    expect(fields.find((f) => f.name.includes('`frustrated`'))?.value).toContain(frustrated.brief.de.situation.slice(0, 60));
  });

  it('autocompletes the persona option from what was typed, in either language', async () => {
    const member = h.fake.member(h.guild);
    const interaction = h.fake.autocomplete(member, 'practice', { sub: 'start', options: { persona: 'frust' }, focused: 'persona' });
    await h.fake.waitFor(() => h.fake.requests.find((r) => r.path.startsWith(`/interactions/${interaction.id}/`)));
    const body = h.fake.requests.find((r) => r.path.startsWith(`/interactions/${interaction.id}/`))?.body as {
      type: number;
      data: { choices: Array<{ name: string; value: string }> };
    };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c) => c.value)).toEqual(['frustrated']);

    const german = h.fake.autocomplete(member, 'practice', { sub: 'start', options: { persona: 'Frustrierte' }, focused: 'persona' });
    await h.fake.waitFor(() => h.fake.requests.find((r) => r.path.startsWith(`/interactions/${german.id}/`)));
    const germanBody = h.fake.requests.find((r) => r.path.startsWith(`/interactions/${german.id}/`))?.body as typeof body;
    expect(germanBody.data.choices.map((c) => c.value)).toEqual(['frustrated']);
  });

  it('keeps answer and feedback of quick successive replies in order, even when the first is slower to finish', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const { thread } = await startPracticeToOpening(h, trainee, { persona: 'frustrated', language: 'en' });
    // The first reply's result comes back only after the second one's (a slow model would do
    // this), or after two seconds when the second is not graded meanwhile (as it must not be).
    const reply = h.app.engine.reply.bind(h.app.engine);
    let calls = 0;
    let secondDone: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    vi.spyOn(h.app.engine, 'reply').mockImplementation(async (id, text) => {
      const call = calls++;
      const result = await reply(id, text);
      if (call === 0) await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      else secondDone();
      return result;
    });
    h.fake.say(trainee, thread.id, 'I am sorry to hear that.');
    h.fake.say(trainee, thread.id, 'Let me check what happened to your card.');
    await waitForEmbeds(h.fake, thread.id, uiText('en').practice.feedbackTitle, 2);

    const session = (await h.app.storage.sessions.findByChannel(thread.id))!;
    const posted = botMessages(h.fake, thread.id).slice(2);
    expect(posted.map((m) => (embedsOf(m).length > 0 ? 'feedback' : contentOf(m)))).toEqual([
      expect.stringContaining(session.lines[1]!.text.slice(0, 40)),
      'feedback',
      expect.stringContaining(session.lines[2]!.text.slice(0, 40)),
      'feedback',
    ]);
  });
});
