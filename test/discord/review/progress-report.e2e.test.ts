import { describe, expect, it } from 'vitest';
import { uiText } from '../../../src/discord/ui-text.js';
import { contentOf, embedsOf, useHarness } from '../bot-harness.js';
import { fileText, filesOf, practise, selectValues, settled } from './review-harness.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('/progress chart and own reports over Discord', () => {
  const h = useHarness();

  it('attaches a PNG chart of the trainee’s scores and sends the HTML report of an own session on request', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const first = await practise(h, trainee, ['Whatever. Not my problem.']);
    const second = await practise(h, trainee, ['I am so sorry, that sounds really stressful. Let me unblock your card right now.']);

    const answer = await settled(h, h.fake.slash(trainee, 'progress'));
    expect(answer.ephemeral).toBe(true);
    const [chart] = filesOf(answer);
    expect(chart?.filename).toBe('progress-chart.png');
    expect(chart?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(chart!.data.length).toBeGreaterThan(2000);
    expect((embedsOf(answer)[0] as { image?: { url: string } }).image?.url).toBe('attachment://progress-chart.png');
    expect(selectValues(answer, 'review-report').sort()).toEqual([first.id, second.id].sort());

    const report = await settled(h, h.fake.select(trainee, answer, 'review-report', [second.id]));
    expect(report.ephemeral).toBe(true);
    const html = fileText(filesOf(report)[0]);
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('that sounds really stressful');
  });

  it('refuses the HTML report of someone else’s session, even with a forged value', async () => {
    const owner = h.fake.member(h.guild, { username: 'owner' });
    const theirs = await practise(h, owner, ['Only mine to read, thank you.']);
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    await practise(h, trainee, ['I understand, let me help.']);
    const answer = await settled(h, h.fake.slash(trainee, 'progress'));
    const forged = await settled(h, h.fake.select(trainee, answer, 'review-report', [theirs.id]));
    expect(contentOf(forged)).toBe(uiText('en').errors.notYourSession);
    expect(filesOf(forged)).toEqual([]);
  });

  it('sends no chart to a member without scored sessions', async () => {
    const newcomer = h.fake.member(h.guild, { username: 'newcomer' });
    const answer = await settled(h, h.fake.slash(newcomer, 'progress'));
    expect(embedsOf(answer)[0]?.description).toBe(uiText('en').progress.none);
    expect(filesOf(answer)).toEqual([]);
  });
});
