import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/reports/render-report.js';
import { buildSessionReport } from '../../src/reports/report-model.js';
import { exchangeLabel, transcriptEntries } from '../../src/reports/transcript-view.js';
import { exchange, handSession, reportDeps } from './report-fixtures.js';

describe('transcript view', () => {
  it('hangs each withdrawn customer answer under the attempt it answered, for two retries of one line', () => {
    const base = handSession({ id: 's', exchanges: [] });
    const line = (n: number, retracted = false) => ({ n, text: `L${n}`, stage: 's', voice: 'script', at: base.createdAt, retracted });
    const session = {
      ...base,
      lines: [line(0), line(1, true), line(2, true), line(3), line(4)],
      exchanges: [
        exchange(0, { composure: 3, empathy: 3 }, { attempt: 1 }),
        exchange(0, { composure: 3, empathy: 3 }, { attempt: 2 }),
        exchange(0, { composure: 4, empathy: 4 }, { attempt: 3 }),
        exchange(3, { composure: 4, empathy: 4 }),
      ],
    };
    const entries = transcriptEntries(session);
    expect(entries.map((entry) => entry.line.n)).toEqual([0, 3, 4]);
    expect(entries[0]?.attempts.map((attempt) => [attempt.exchange.attempt, attempt.retractedAnswer?.n ?? null])).toEqual([
      [1, 1],
      [2, 2],
      [3, null],
    ]);
    expect(entries[2]?.attempts).toEqual([]);
    expect(exchangeLabel({ lineN: 0, attempt: 3 })).toBe('1/3');
    expect(exchangeLabel({ lineN: 3, attempt: 1 })).toBe('4');
  });

  it('keeps a withdrawn line it cannot place as its own entry instead of dropping it', () => {
    const base = handSession({ id: 's', exchanges: [] });
    const session = { ...base, lines: [{ n: 0, text: 'orphan', stage: 's', voice: 'script', at: base.createdAt, retracted: true }] };
    expect(transcriptEntries(session).map((entry) => entry.line.text)).toEqual(['orphan']);
  });

  it('renders a session without any reply in every format', async () => {
    const report = buildSessionReport(handSession({ id: 'empty', outcome: null, status: 'active' }), await reportDeps());
    expect(report.averages).toBeNull();
    for (const format of ['html', 'markdown', 'csv', 'json'] as const) {
      expect(String(renderReport(report, format).body).length).toBeGreaterThan(0);
    }
    const html = String(renderReport(report, 'html').body);
    expect(html).toContain('No graded replies yet.');
    expect(html).toContain('Still open');
    expect(html).not.toContain('<svg');
  });
});
