import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTeamReport, teamChartPng } from '../../src/reports/render-team-report.js';
import { buildTeamReport } from '../../src/reports/team-report.js';
import type { Storage } from '../../src/storage/storage.js';
import { openTempStorage } from '../support/temp-storage.js';
import { markupProblems } from './markup-check.js';
import { builtinPersonas, exchange, handSession } from './report-fixtures.js';

/*
 * Hand-built figures (overall = (composure + empathy) / 2 where no boundary was at stake, and
 * (composure + empathy + boundary score) / 3 where it was):
 *   anna  frustrated 11-02  c2 e2      → 2.0
 *   anna  grieving   11-05  c4 e3      → 3.5
 *   anna  frustrated 11-08  c5 e4      → 4.5
 *   ben   grieving   11-03  c3 e3, c3 e1 missing(1) → 3.0 and 1.667 → 2.333
 *   ben   grieving   11-06  c3 e2      → 2.5
 *   cara  frustrated 11-04  (no reply)
 *   dora  frustrated 10-01  c1 e1      (before the period)
 */
describe('team report', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ storage, cleanup } = await openTempStorage());
    const save = (id: string, userId: string, personaId: string, day: string, exchanges: ReturnType<typeof exchange>[]) =>
      storage.sessions.save(handSession({ id, userId, personaId, createdAt: `2026-${day}T10:00:00.000Z`, exchanges }));
    await save('a1', 'anna', 'frustrated', '11-02', [exchange(0, { composure: 2, empathy: 2 })]);
    await save('a2', 'anna', 'grieving', '11-05', [exchange(0, { composure: 4, empathy: 3 })]);
    await save('a3', 'anna', 'frustrated', '11-08', [exchange(0, { composure: 5, empathy: 4 })]);
    await save('b1', 'ben', 'grieving', '11-03', [
      exchange(0, { composure: 3, empathy: 3 }),
      exchange(1, { composure: 3, empathy: 1, verdict: 'missing', needed: true }),
    ]);
    await save('b2', 'ben', 'grieving', '11-06', [exchange(0, { composure: 3, empathy: 2 })]);
    await save('c1', 'cara', 'frustrated', '11-04', []);
    await save('d1', 'dora', 'frustrated', '10-01', [exchange(0, { composure: 1, empathy: 1 })]);
  });
  afterAll(async () => cleanup());

  const build = async () =>
    buildTeamReport(storage, 'g1', {
      since: '2026-11-01T00:00:00Z',
      personas: await builtinPersonas(),
      lang: 'en',
      memberName: (id) => (id === 'anna' ? 'Anna <Admin>' : undefined),
      now: () => new Date('2026-11-10T00:00:00Z'),
    });

  it('counts sessions per member within the period only', async () => {
    const team = await build();
    expect(team.sessions).toBe(6);
    expect(Object.fromEntries(team.members.map((member) => [member.userId, member.sessions]))).toEqual({ anna: 3, ben: 2, cara: 1 });
    expect(team.members.find((member) => member.userId === 'cara')?.averages).toBeNull();
  });

  it('averages per criterion over all replies and per persona', async () => {
    const team = await build();
    expect(team.averages?.composure).toBeCloseTo((2 + 4 + 5 + 3 + 3 + 3) / 6);
    expect(team.averages?.empathy).toBeCloseTo((2 + 3 + 4 + 3 + 1 + 2) / 6);
    expect(team.averages?.boundaryCorrect).toBeCloseTo(5 / 6);
    const grieving = team.personas.find((persona) => persona.personaId === 'grieving');
    expect(grieving?.sessions).toBe(3);
    expect(grieving?.averages?.empathy).toBeCloseTo((3 + 3 + 1 + 2) / 4);
    expect(grieving?.scores?.boundary).toBeCloseTo((5 + 5 + 1 + 5) / 4);
  });

  it('names the most improved member by first and last scored session, and the weakest persona and criterion', async () => {
    const team = await build();
    expect(team.mostImproved).toMatchObject({ userId: 'anna', name: 'Anna <Admin>' });
    expect(team.mostImproved?.first).toBeCloseTo(2);
    expect(team.mostImproved?.last).toBeCloseTo(4.5);
    expect(team.weakestPersona?.personaId).toBe('grieving');
    expect(team.weakestCriterion).toBe('empathy');
  });

  it('renders HTML with the chart and no markup from names, Markdown and CSV, and a PNG chart', async () => {
    const team = await build();
    const html = String(renderTeamReport(team, 'html').body);
    expect(html).toContain('<svg');
    expect(html).toContain('Anna &lt;Admin&gt;');
    expect(markupProblems(html)).toEqual([]);
    expect(String(renderTeamReport(team, 'markdown').body)).toContain('Anna \\<Admin\\>');
    expect(String(renderTeamReport(team, 'csv').body).trimEnd().split('\r\n')).toHaveLength(4);
    expect(teamChartPng(team).subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('has no averages and nobody improved when the period is empty', async () => {
    const team = await buildTeamReport(storage, 'g1', { since: '2026-12-01T00:00:00Z', personas: await builtinPersonas(), lang: 'de' });
    expect(team).toMatchObject({ sessions: 0, members: [], averages: null, mostImproved: null, weakestPersona: null, weakestCriterion: null });
    expect(String(renderTeamReport(team, 'html').body)).toContain('Keine Übungssitzungen in diesem Zeitraum.');
  });
});
