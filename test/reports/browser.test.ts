import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/reports/render-report.js';
import { buildSessionReport } from '../../src/reports/report-model.js';
import { openTempStorage } from '../support/temp-storage.js';
import { practiseSession, reportDeps } from './report-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const run = promisify(execFile);

/** Opens the HTML report in headless Chromium, offline, as a manager's browser would. */
describe.skipIf(!existsSync(CHROMIUM))('HTML report in a real browser', () => {
  let dir: string;
  let page: string;
  let reply: string;

  const chromium = async (extra: string[]) => {
    const profile = await mkdtemp(join(dir, 'profile-'));
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      ...extra,
      pathToFileURL(page).href,
    ];
    return run(CHROMIUM, flags, { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-browser-'));
    const { storage, cleanup } = await openTempStorage();
    reply = 'Ich verstehe Ihren Ärger <script>document.title="pwned"</script><img src=x onerror="document.body.dataset.pwned=1">';
    const session = await practiseSession(storage, {
      replies: [reply, 'Beruhigen Sie sich.', 'Ich entsperre die Karte sofort und rufe Sie bis 15 Uhr zurück.'],
    });
    const first = session.exchanges[0];
    if (first) first.override = { empathy: 4, reason: 'Ärger klar benannt', by: 'trainer-1', at: '2026-11-20T10:00:00.000Z' };
    page = join(dir, 'report.html');
    await writeFile(page, renderReport(buildSessionReport(session, await reportDeps()), 'html').body);
    await cleanup();
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('shows the transcript as text and runs nothing the trainee wrote', async () => {
    const { stdout } = await chromium(['--dump-dom']);
    expect(stdout).toContain('Bericht zur Übungssitzung');
    expect(stdout).toContain('Der Frustrierte');
    expect(stdout).toContain('Ärger klar benannt');
    // The payload is there as text; the browser built no script or img element from it.
    expect(stdout).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;');
    expect(stdout).not.toMatch(/<script|<img/i);
    expect(stdout).not.toContain('data-pwned');
    expect(stdout).not.toContain('<title>pwned</title>');
  });

  it('renders a screenshot that is far from blank', async () => {
    const shot = join(dir, 'report.png');
    await chromium([`--screenshot=${shot}`, '--window-size=1200,2000', '--hide-scrollbars']);
    const png = await readFile(shot);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(2000);
    // A blank 1200×2000 page compresses to a few kilobytes; text, chart and cards do not.
    expect(png.length).toBeGreaterThan(60_000);
  });
});
