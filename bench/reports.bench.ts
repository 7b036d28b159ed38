/**
 * Reports over a large store: seeds a temp SQLite store with N sessions (default 10,000: 40 members,
 * six personas, four graded replies each, spread over 200 days, 1% with a trainer override) and
 * prints how long listing, filtering, team report, label export, guild export and a retention
 * purge take. Run:
 *   npx tsx bench/reports.bench.ts [--sessions 10000]
 * Targets: a filtered transcript page well under a second (it reads listing rows only).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { pino } from 'pino';
import type { Exchange, Session } from '../src/engine/session.js';
import { gradeOffline } from '../src/evaluation/offline-grader.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../src/personas/load-personas.js';
import { exportGuildData } from '../src/privacy/guild-export.js';
import { purgeExpired } from '../src/privacy/retention.js';
import { calibrationSummary, exportLabels, setOverride } from '../src/reports/calibration.js';
import { chartPng } from '../src/reports/chart-png.js';
import { buildProgressChart } from '../src/reports/progress-chart.js';
import { renderReport } from '../src/reports/render-report.js';
import { teamChartSvg } from '../src/reports/report-charts.js';
import { buildSessionReport } from '../src/reports/report-model.js';
import { buildTeamReport } from '../src/reports/team-report.js';
import { listTranscripts } from '../src/reports/transcripts.js';
import { createAdvice } from '../src/engine/advice.js';
import { createKeyvStorage } from '../src/storage/keyv-storage.js';
import { openStorage } from '../src/storage/open-storage.js';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '10000' } } });
const total = Number(values.sessions);
const PERSONAS = ['frustrated', 'grieving', 'insulting', 'impatient-caller', 'unusual-request', 'drifting-client'];
const REPLIES = [
  'Das tut mir leid, dass Sie so lange warten mussten. Ich kümmere mich jetzt darum.',
  'Beruhigen Sie sich bitte erst einmal.',
  'Ich verstehe, wie ärgerlich das ist. Ich rufe Sie heute bis 15 Uhr zurück.',
  'Bitte lassen Sie persönliche Beleidigungen. Dann kläre ich gern Ihre Abbuchung.',
];
const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-05-01T08:00:00.000Z');

// Grades are computed once per reply and shared: the bench measures the store and the reports.
const grades = REPLIES.map((reply) => gradeOffline({ lang: 'de', customer: 'Wo bleibt meine Karte?', reply, history: [] }, 'bench'));

function makeSession(index: number): Session {
  const at = new Date(START + Math.floor((index / total) * 200 * DAY) + (index % 97) * 60_000).toISOString();
  const exchanges: Exchange[] = REPLIES.map((reply, n) => ({ lineN: n, attempt: 1, reply, grade: grades[(n + index) % grades.length]!, at }));
  return {
    id: `bench-${index}`,
    schemaVersion: 1,
    userId: `member-${index % 40}`,
    guildId: 'guild-bench',
    channelRef: null,
    groupId: index % 50 === 0 ? `group-${Math.floor(index / 500)}` : null,
    personaId: PERSONAS[index % PERSONAS.length]!,
    lang: 'de',
    intensity: 'standard',
    status: 'ended',
    outcome: 'resolved',
    stage: 'end',
    turns: exchanges.length,
    lines: REPLIES.map((_, n) => ({ n, text: `Kundensatz ${n + 1}`, stage: 'opening', voice: 'script', at, retracted: false })),
    exchanges,
    pendingReply: null,
    usage: { promptTokens: 0, completionTokens: 0 },
    createdAt: at,
    updatedAt: at,
    endedAt: at,
  };
}

async function time<T>(label: string, task: () => Promise<T> | T, note: (result: T) => string = () => ''): Promise<T> {
  const started = performance.now();
  const result = await task();
  const ms = performance.now() - started;
  process.stdout.write(`${label.padEnd(48)} ${ms.toFixed(0).padStart(7)} ms  ${note(result)}\n`);
  return result;
}

const dir = await mkdtemp(join(tmpdir(), 'counterpart-reports-bench-'));
const file = join(dir, 'store.sqlite');
const log = pino({ level: 'silent' });

// Seeding goes through the real store code, on a connection without fsync per write (SQLite's
// default costs ~45 ms per session save here, ~8 minutes for 10,000). The figures below are then
// taken on a store opened the normal way.
await time(`seed ${total} sessions (store.save, fsync off)`, async () => {
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}` });
  await adapter.query('PRAGMA journal_mode = WAL');
  await adapter.query('PRAGMA synchronous = OFF');
  const seeding = createKeyvStorage(new Keyv({ store: adapter, namespace: 'counterpart', throwOnErrors: true }), log);
  for (let index = 0; index < total; index++) await seeding.sessions.save(makeSession(index));
  await seeding.close();
});

const storage = await openStorage({ url: `sqlite://${file}`, log });
try {
  const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
  const guildId = 'guild-bench';

  await time(
    'list: server, page 1 of 10',
    () => listTranscripts(storage, { guildId }, { pageSize: 10 }),
    (page) => `${page.total} rows`,
  );
  await time(
    'list: server, page 500 of 10',
    () => listTranscripts(storage, { guildId }, { page: 500, pageSize: 10 }),
    (page) => `${page.items.length} rows`,
  );
  await time(
    'list: one member',
    () => listTranscripts(storage, { guildId, member: 'member-7' }),
    (page) => `${page.total} rows`,
  );
  await time(
    'list: persona + since 30 days',
    () => listTranscripts(storage, { guildId, persona: 'grieving', since: new Date(START + 170 * DAY) }),
    (page) => `${page.total} rows`,
  );
  await time(
    'list: one group',
    () => listTranscripts(storage, { guildId, groupId: 'group-1' }),
    (page) => `${page.total} rows`,
  );

  const one = (await storage.sessions.get('bench-42'))!;
  const report = buildSessionReport(one, { personas, advise: createAdvice(personas) });
  await time('render one session: html + md + csv + json', () => (['html', 'markdown', 'csv', 'json'] as const).map((format) => renderReport(report, format)));
  await time(
    'progress chart (20 sessions, SVG + PNG)',
    () => buildProgressChart(storage, guildId, 'member-7', { lang: 'de' }),
    (chart) => `${chart?.png.length ?? 0} bytes PNG`,
  );

  const team = await time(
    'team report: last 30 days',
    () => buildTeamReport(storage, guildId, { since: new Date(START + 170 * DAY), personas, lang: 'de' }),
    (team) => `${team.sessions} sessions`,
  );
  await time(
    'team chart PNG',
    () => chartPng(teamChartSvg(team)),
    (png) => `${png.length} bytes`,
  );
  await time(
    'team report: all 200 days',
    () => buildTeamReport(storage, guildId, { since: new Date(START), personas, lang: 'de' }),
    (team) => `${team.sessions} sessions`,
  );

  await time('set 100 overrides', async () => {
    for (let index = 0; index < total && index < 10_000; index += Math.max(1, Math.floor(total / 100))) {
      await setOverride(storage, `bench-${index}`, 0, 1, { composure: 2, reason: 'bench', by: 'trainer' });
    }
  });
  await time(
    'export labels',
    () => exportLabels(storage, guildId),
    (text) => `${text.split('\n').length - 1} lines`,
  );
  await time(
    'calibration summary',
    () => calibrationSummary(storage, guildId),
    (summary) => `${summary.overrides} overrides`,
  );
  await time(
    'guild export (all sessions)',
    () => exportGuildData(storage, guildId),
    (data) => `${(JSON.stringify(data).length / 1e6).toFixed(1)} MB JSON`,
  );
  await time(
    'retention purge (90 days)',
    () => purgeExpired(storage, guildId, 90, new Date(START + 200 * DAY)),
    (result) => `${result.purged.length} purged`,
  );
} finally {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
}
