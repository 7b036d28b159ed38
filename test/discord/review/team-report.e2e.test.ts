import { describe, expect, it } from 'vitest';
import { reviewText } from '../../../src/discord/review/review-text.js';
import { uiText } from '../../../src/discord/ui-text.js';
import { contentOf, embedsOf, useHarness } from '../bot-harness.js';
import { fileText, filesOf, practise, seedCopy, settled } from './review-harness.js';

const text = reviewText('en');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('/team-report over Discord', () => {
  const h = useHarness();

  it('gives a manager the team’s numbers with a PNG chart and the HTML report', async () => {
    const a = h.fake.member(h.guild, { username: 'a' });
    const b = h.fake.member(h.guild, { username: 'b' });
    const weak = await practise(h, a, ['Whatever. Not my problem.']);
    await practise(h, a, ['I am so sorry, that sounds really stressful. Let me unblock your card right now.']);
    await practise(h, b, ['Calm down.']);
    await seedCopy(h, weak, { createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' }); // outside the period

    const answer = await settled(h, h.fake.slash(h.admin, 'team-report'));
    expect(answer.ephemeral).toBe(true);
    const [embed] = embedsOf(answer);
    const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value;
    expect(field(text.teamSessions)).toBe('3');
    expect(field(text.teamMembers)).toBe('2');
    expect(field(text.teamPerMember)?.split('\n')[0]).toMatch(new RegExp(`^<@${a.user.id}> · 2 · `));
    expect(field(text.teamAverages)).toMatch(/^Overall \d\.\d\/5 · Composure/);
    expect(Object.values(text.criterion)).toContain(field(text.teamWeakestCriterion));

    const [chart, html] = filesOf(answer);
    expect(chart?.filename).toBe('team-chart.png');
    expect(chart?.data.subarray(0, 4)).toEqual(PNG_SIGNATURE);
    expect(html?.filename).toMatch(/^counterpart-team-.*\.html$/);
    expect(fileText(html)).toContain('<!DOCTYPE html>');

    const all = await settled(h, h.fake.slash(h.admin, 'team-report', { options: { since: '2019-12-31' } }));
    expect(embedsOf(all)[0]?.fields?.find((f) => f.name === text.teamSessions)?.value).toBe('4');
  });

  it('is refused to a trainee and rejects an unreadable start date', async () => {
    const trainee = h.fake.member(h.guild, { username: 'trainee' });
    const refused = await settled(h, h.fake.slash(trainee, 'team-report'));
    expect(contentOf(refused)).toBe(uiText('en').errors.needsRole('manager', null));
    expect(filesOf(refused)).toEqual([]);
    const bad = await settled(h, h.fake.slash(h.admin, 'team-report', { options: { since: 'last week' } }));
    expect(contentOf(bad)).toBe(text.badSince);
  });
});
