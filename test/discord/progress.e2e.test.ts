import { describe, expect, it } from 'vitest';
import { uiText } from '../../src/discord/ui-text.js';
import { contentOf, embedsOf, useHarness, waitForAnswer } from './bot-harness.js';
import { practise } from './review/review-harness.js';

const en = uiText('en');

describe('/progress over Discord', () => {
  const h = useHarness();

  it('shows the caller their own sessions, averages per criterion and the trend, only to them', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    await practise(h, trainee, ['Whatever. Not my problem.', 'Calm down, it is just a card.'], true);
    await practise(h, trainee, ['I am so sorry, that sounds really stressful. Let me unblock your card right now.'], false);

    const answer = await waitForAnswer(h.fake, h.fake.slash(trainee, 'progress'));
    expect(answer.ephemeral).toBe(true);
    const [embed] = embedsOf(answer);
    expect(embed?.title).toBe(en.progress.title);
    expect(embed?.description).toBe(en.progress.sessions(2, 1));
    const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value ?? '';

    const listings = await h.app.storage.sessions.listByUser(h.guild.id, trainee.user.id);
    const averages = listings.map((l) => l.average).reverse(); // oldest first, as the trend reads
    expect(field(en.progress.trend)).toContain(averages.map((a) => a!.toFixed(1)).join(' → '));
    expect(field(en.progress.averages)).toMatch(/Composure \d\.\d\/5 · Empathy \d\.\d\/5 · Boundary right \d+ % · Overall \d\.\d\/5/);
    const recent = field(en.progress.recent).split('\n');
    expect(recent).toHaveLength(2);
    // criteria per session, newest first, so a member sees each criterion move over time
    for (const [index, listing] of listings.entries()) {
      const summary = h.app.engine.summarize((await h.app.storage.sessions.get(listing.id))!);
      const a = summary.averages!;
      const f = (x: number) => x.toFixed(1);
      expect(recent[index]).toContain(en.progress.criteria(f(a.composure), f(a.empathy), `${Math.round(a.boundaryCorrect * 100)} %`));
    }
  });

  it('tells a member without sessions how to start, and never shows someone else’s', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    await practise(h, trainee, ['I understand, let me help.'], true);
    const newcomer = h.fake.member(h.guild, { username: 'newcomer' });
    const answer = await waitForAnswer(h.fake, h.fake.slash(newcomer, 'progress'));
    expect(embedsOf(answer)[0]?.description).toBe(en.progress.none);
    expect(contentOf(answer)).toBe('');
  });
});
