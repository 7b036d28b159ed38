import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedStream } from '../support/captured-stream.js';
import { createApp, type App } from '../../src/app/create-app.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/config.js';
import { setOverride } from '../../src/reports/index.js';

describe('report, export and export-labels commands', () => {
  let dir: string;
  let env: Record<string, string>;
  let sessionId: string;

  async function run(args: string[]) {
    const stdout = capturedStream();
    const stderr = capturedStream();
    const code = await main(args, { stdin: new PassThrough(), stdout: stdout.stream, stderr: stderr.stream, env });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-report-'));
    env = { STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`, LOG_LEVEL: 'silent' };
    const app: App = await createApp({ config: loadConfig(env), log: pino({ level: 'silent' }) });
    try {
      const { session } = await app.engine.start({ userId: 'anna', guildId: null, personaId: 'frustrated', lang: 'en', intensity: 'standard' });
      sessionId = session.id;
      await app.engine.reply(session.id, 'That sounds really annoying. <script>alert(1)</script> I will unblock your card today.');
      await app.engine.reply(session.id, '=HYPERLINK("http://evil") is what you typed?');
      await app.engine.end(session.id);
      await setOverride(app.storage, session.id, 0, 1, { composure: 2, reason: 'too curt for this customer', by: 'trainer-1' });
    } finally {
      await app.close();
    }
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes an HTML report with the transcript and no live markup from the trainee', async () => {
    const { code, stdout } = await run(['report', sessionId]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<!doctype html>/i);
    expect(stdout).toContain('I will unblock your card today.');
    expect(stdout).not.toContain('<script>alert(1)</script>');
    expect(stdout).toContain('&lt;script&gt;');
  });

  it('writes CSV with one row per exchange and neutralised formulas, to a file when asked', async () => {
    const file = join(dir, 'report.csv');
    const { code, stderr } = await run(['report', sessionId, '--format', 'csv', '--out', file]);
    expect(code).toBe(0);
    expect(stderr).toContain(file);
    const csv = await readFile(file, 'utf8');
    expect(csv.trim().split(/\r?\n/).length).toBeGreaterThanOrEqual(3);
    expect(csv).toContain(`"'=HYPERLINK`);
  });

  it('refuses an unknown format and an unknown session clearly', async () => {
    expect((await run(['report', sessionId, '--format', 'pdf'])).stderr).toMatch(/--format must be one of html, md, csv, json/);
    const missing = await run(['report', 'no-such-session']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No session no-such-session/);
  });

  it('exports every stored session of the terminal as JSON', async () => {
    const { code, stdout } = await run(['export']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { sessions: Array<{ id: string; exchanges: unknown[] }> };
    expect(data.sessions.map((session) => session.id)).toEqual([sessionId]);
    expect(data.sessions[0]?.exchanges).toHaveLength(2);
  });

  it('exports trainer overrides as eval-format labels that `eval` can read', async () => {
    const { code, stdout } = await run(['export-labels']);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ lang: 'en', gold: { composure_ok: false } });
    expect(String(lines[0]?.['reply'])).toContain('unblock your card');
  });
});
