import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/engine/session.js';
import { renderReport } from '../../src/reports/render-report.js';
import { reportJsonSchemas } from '../../src/reports/report-json-schema.js';
import { buildGroupReport, buildSessionReport, ReportSchema } from '../../src/reports/report-model.js';
import type { Storage } from '../../src/storage/storage.js';
import { openTempStorage } from '../support/temp-storage.js';
import { markupProblems } from './markup-check.js';
import { practiseSession, reportDeps } from './report-fixtures.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(2)>",
  '[click me](javascript:alert(3)) <a href="javascript:alert(4)">x</a>',
  '<@123456789012345678> @everyone **bold** # heading | pipe',
];

const textOf = (body: string | Buffer) => (typeof body === 'string' ? body : body.toString('utf8'));

describe('session and group reports', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let session: Session;
  let hostile: Session;

  beforeAll(async () => {
    ({ storage, cleanup } = await openTempStorage());
    const made = await practiseSession(storage, { userId: 'u-anna', groupId: 'grp-1' });
    const first = made.exchanges[0];
    if (!first) throw new Error('engine made no exchange');
    first.override = {
      composure: 3,
      empathy: 4,
      boundary: 'not_needed',
      reason: 'Ruhig, aber "zu knapp" <b>so</b>',
      by: 'trainer-1',
      at: '2026-11-20T10:00:00.000Z',
    };
    session = made;
    await storage.sessions.save(session);
    // each payload after a short neutral opener, so the customer neither resolves nor hangs up before all four
    hostile = await practiseSession(storage, {
      userId: 'u-ben',
      groupId: 'grp-1',
      lang: 'en',
      replies: PAYLOADS.slice(0, 4).map((payload) => `Thanks for telling me. ${payload}`),
    });
  });

  it('the hostile session holds all four payloads (the report tests below need them)', () => {
    expect(hostile.exchanges.map((exchange) => exchange.reply)).toHaveLength(4);
  });
  afterAll(async () => cleanup());

  it('the engine-made session has a retry and a withdrawn customer answer, which the report needs to show', () => {
    expect(session.exchanges.some((exchange) => exchange.attempt === 2)).toBe(true);
    expect(session.lines.some((line) => line.retracted)).toBe(true);
  });

  it('renders all four formats for a session with a retry and an override', async () => {
    const report = buildSessionReport(session, await reportDeps());
    const retried = session.exchanges.find((exchange) => exchange.attempt === 2);
    for (const format of ['html', 'markdown', 'csv', 'json'] as const) {
      const rendered = renderReport(report, format);
      const body = textOf(rendered.body);
      expect(rendered.filename).toMatch(new RegExp(`^counterpart-frustrated-[a-z0-9-]+\\.${format === 'markdown' ? 'md' : format}$`));
      expect(rendered.contentType).toContain('charset=utf-8');
      // Every reply of the transcript is in every format (escaped where the format needs it).
      for (const exchange of session.exchanges) {
        const probe = exchange.reply.split(' ').slice(0, 3).join(' ');
        expect(body, `${format} misses a reply`).toContain(format === 'markdown' ? probe.replace(/[.!-]/g, (c) => `\\${c}`) : probe);
      }
      expect(retried).toBeDefined();
    }
  });

  it('shows both attempts of a retried line side by side and the override beside the machine grade', async () => {
    const body = textOf(renderReport(buildSessionReport(session, await reportDeps()), 'html').body);
    expect(body).toContain('style="--attempts: 2"');
    expect(body).toContain('Versuch 1');
    expect(body).toContain('Versuch 2');
    const first = session.exchanges[0];
    expect(body).toContain(`Gelassenheit 3 (Automatische Bewertung: ${first?.grade.composure.score})`);
    expect(body).toContain('Ruhig, aber &quot;zu knapp&quot; &lt;b&gt;so&lt;/b&gt;');
    expect(body).toContain('Zurückgezogen');
    expect(body).toContain('<svg');
  });

  it('labels the report in a language given instead of the session language', async () => {
    const body = textOf(renderReport(buildSessionReport(session, await reportDeps('en')), 'html').body);
    expect(body).toContain('Practice session report');
    expect(body).toContain('<html lang="en">');
    expect(body).not.toContain('Bericht zur Übungssitzung');
  });

  it('never lets trainee text become markup in the HTML report', async () => {
    const report = buildSessionReport(hostile, { ...(await reportDeps()), memberName: () => PAYLOADS[1] ?? '' });
    const body = textOf(renderReport(report, 'html').body);
    expect(markupProblems(body)).toEqual([]);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('&#39;&gt;&lt;svg onload=alert(2)&gt;');
  });

  it('flags a planted script, handler and link with the same check, so the check itself can fail', () => {
    expect(markupProblems('<div><script>alert(1)</script></div>').length).toBeGreaterThan(0);
    expect(markupProblems('<div><img src=x onerror=alert(1)></div>').length).toBeGreaterThan(0);
    expect(markupProblems('<div title="x" onclick="y"></div>').length).toBeGreaterThan(0);
    expect(markupProblems('<div><a href="javascript:alert(1)">x</a></div>').length).toBeGreaterThan(0);
  });

  it('keeps hostile text inert in Markdown: no raw HTML and no live links', async () => {
    const body = textOf(renderReport(buildSessionReport(hostile, await reportDeps()), 'markdown').body);
    // CommonMark reads a backslash-escaped `<` as a literal character, never as the start of a tag.
    expect(body).not.toMatch(/(^|[^\\])</m);
    expect(body).not.toContain('](javascript:');
    expect(body).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
  });

  it('writes JSON that holds the stored session unchanged and validates against the documented schema', async () => {
    const report = buildSessionReport(session, await reportDeps());
    const json: unknown = JSON.parse(textOf(renderReport(report, 'json').body));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(reportJsonSchemas().report as object);
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const parsed = ReportSchema.parse(json);
    expect(parsed.sessions[0]?.session).toEqual(session);
    // The schema is strict enough to refuse a broken report.
    expect(validate({ ...(json as object), sessions: [] })).toBe(false);
  });

  it('covers every participant of a group session in one report', async () => {
    const report = await buildGroupReport(storage, 'grp-1', await reportDeps());
    expect(report.kind).toBe('group');
    expect(report.sessions.map((entry) => entry.session.userId)).toEqual(['u-anna', 'u-ben']);
    const exchanges = report.sessions.reduce((sum, entry) => sum + entry.session.exchanges.length, 0);
    const csv = textOf(renderReport(report, 'csv').body);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(exchanges + 1);
    const body = textOf(renderReport(report, 'html').body);
    expect(body).toContain('Bericht zur Gruppensitzung');
    expect(markupProblems(body)).toEqual([]);
    expect(report.averages?.overall).toBeGreaterThan(1);
  });

  it('refuses a group report for a group without sessions', async () => {
    await expect(buildGroupReport(storage, 'nobody', await reportDeps())).rejects.toMatchObject({ code: 'group_not_found' });
  });
});
