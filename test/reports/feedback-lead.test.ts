import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPainter, renderGrade } from '../../src/cli/render.js';
import { feedbackEmbed } from '../../src/discord/views.js';
import type { Session } from '../../src/engine/session.js';
import { renderReport } from '../../src/reports/render-report.js';
import { buildSessionReport } from '../../src/reports/report-model.js';
import type { Storage } from '../../src/storage/storage.js';
import { openTempStorage } from '../support/temp-storage.js';
import { practiseSession, reportDeps } from './report-fixtures.js';

// The offline grader's first feedback line for a reply that lost its composure says how it lands
// ("The facts may be right, but what comes across is that it is the customer's fault."); headed
// "What worked", it contradicted itself.
describe('the first feedback line of a reply that lost its composure', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let session: Session;
  const calm =
    "Forty-five minutes on hold and then cut off, while you're stuck at a hotel in Lisbon - that is maddening, Mr Brandt. I'm unblocking your card now.";
  const blaming = 'Well, the block is automatic when our system sees unusual payments abroad. You should have told us you were travelling.';

  beforeAll(async () => {
    ({ storage, cleanup } = await openTempStorage());
    session = await practiseSession(storage, { lang: 'en', replies: [calm, blaming] });
  });
  afterAll(async () => cleanup());

  const graded = () => {
    const [good, bad] = session.exchanges;
    if (!good || !bad) throw new Error('the engine graded fewer than two replies');
    expect(good.grade.composure.score).toBeGreaterThan(2);
    expect(bad.grade.composure.score).toBeLessThanOrEqual(2);
    return { good, bad };
  };

  it('is headed as how it lands in the terminal, and as a strength for a composed reply', () => {
    const { good, bad } = graded();
    const paint = createPainter(false);
    expect(renderGrade(bad.grade, 'en', paint, false)).toContain(`How it lands: ${bad.grade.feedback.strength}`);
    expect(renderGrade(bad.grade, 'en', paint, false)).not.toContain('Strength:');
    expect(renderGrade(good.grade, 'en', paint, false)).toContain(`Strength: ${good.grade.feedback.strength}`);
    expect(renderGrade(bad.grade, 'de', paint, false)).toContain('So kommt es an:');
  });

  it('is headed as how it lands in the Discord feedback embed', () => {
    const { good, bad } = graded();
    const names = (exchange: typeof good) => (feedbackEmbed(exchange, 'en', { llmConfigured: false }).fields ?? []).map((field) => field.name);
    expect(names(bad)).toContain('How it lands');
    expect(names(bad)).not.toContain('What worked');
    expect(names(good)).toContain('What worked');
  });

  it('is headed as how it lands in the Markdown and HTML reports', async () => {
    graded();
    const report = buildSessionReport(session, await reportDeps('en'));
    for (const format of ['markdown', 'html'] as const) {
      const body = String(renderReport(report, format).body);
      expect(body).toContain('How it lands');
      expect(body).toContain('What worked');
    }
  });
});
