import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvalLineSchema, runEval } from '../../src/evaluation/eval/run-eval.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import { calibrationSummary, exportLabels, LabelLineSchema, setOverride } from '../../src/reports/calibration.js';
import type { Storage } from '../../src/storage/storage.js';
import { openTempStorage } from '../support/temp-storage.js';
import { exchange, handSession, practiseSession } from './report-fixtures.js';

describe('calibration', () => {
  let storage: Storage;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, dir, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  const by = { reason: 'Too curt for a grieving customer', by: 'trainer-1' };

  it('stores an override on the named attempt beside the machine grade', async () => {
    const session = await practiseSession(storage);
    const retried = session.exchanges.find((candidate) => candidate.attempt === 2);
    if (!retried) throw new Error('fixture has no retry');
    await setOverride(storage, session.id, retried.lineN, 2, { composure: 2, ...by }, { now: () => new Date('2026-11-20T12:00:00Z') });
    const stored = await storage.sessions.get(session.id);
    const target = stored?.exchanges.find((candidate) => candidate.lineN === retried.lineN && candidate.attempt === 2);
    expect(target?.override).toEqual({ composure: 2, ...by, at: '2026-11-20T12:00:00.000Z' });
    expect(target?.grade).toEqual(retried.grade);
    const other = stored?.exchanges.find((candidate) => candidate.lineN === retried.lineN && candidate.attempt === 1);
    expect(other?.override).toBeUndefined();
  });

  it('refuses an override without a score, out of range, without a reason, on a missing exchange or an open session', async () => {
    await storage.sessions.save(handSession({ id: 's1', exchanges: [exchange(0, { composure: 3, empathy: 3 })] }));
    await storage.sessions.save(handSession({ id: 'open', status: 'active', exchanges: [exchange(0, { composure: 3, empathy: 3 })] }));
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'stored',
        (error: unknown) => (error as { code?: string }).code,
      );
    expect(await code(setOverride(storage, 's1', 0, 1, { ...by }))).toBe('override_invalid');
    expect(await code(setOverride(storage, 's1', 0, 1, { composure: 6, ...by }))).toBe('override_invalid');
    expect(await code(setOverride(storage, 's1', 0, 1, { composure: 4, reason: '', by: 't' }))).toBe('override_invalid');
    expect(await code(setOverride(storage, 's1', 3, 1, { composure: 4, ...by }))).toBe('exchange_not_found');
    expect(await code(setOverride(storage, 'nope', 0, 1, { composure: 4, ...by }))).toBe('session_not_found');
    expect(await code(setOverride(storage, 'open', 0, 1, { composure: 4, ...by }))).toBe('session_not_ended');
    expect((await storage.sessions.get('s1'))?.exchanges[0]?.override).toBeUndefined();
  });

  it('exports labels in the eval JSONL format that the eval harness reads', async () => {
    await storage.sessions.save(
      handSession({
        id: 's1',
        lang: 'de',
        exchanges: [
          exchange(0, { composure: 5, empathy: 2 }, { reply: 'Das ist Ihr Problem, nicht meins.' }),
          exchange(1, { composure: 4, empathy: 4, verdict: 'not_needed' }, { reply: 'Lassen Sie uns das klären.' }),
        ],
      }),
    );
    await storage.sessions.save(handSession({ id: 'g2-session', guildId: 'g2', exchanges: [exchange(0, { composure: 3, empathy: 3 })] }));
    await setOverride(storage, 's1', 0, 1, { composure: 2, ...by });
    await setOverride(storage, 's1', 1, 1, { boundary: 'missing', ...by });
    await setOverride(storage, 'g2-session', 0, 1, { composure: 1, ...by });

    const text = await exportLabels(storage, 'g1');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(EvalLineSchema.safeParse(line).success).toBe(true);
      LabelLineSchema.parse(line);
    }
    expect(lines[0]).toMatchObject({
      id: 's1:0:1',
      lang: 'de',
      customer: 'Customer line 1',
      reply: 'Das ist Ihr Problem, nicht meins.',
      gold: { composure_ok: false, boundary_needed: false, override: { composure: 2 }, machine: { composure: 5, boundary: 'not_needed' } },
    });
    expect(lines[1]).toMatchObject({ id: 's1:1:1', gold: { boundary_needed: true, override: { boundary: 'missing' } } });
    expect((lines[1] as { gold: object }).gold).not.toHaveProperty('composure_ok');

    // A composure-only file runs through the eval command as a composure file.
    const file = join(dir, 'labels.jsonl');
    await writeFile(file, await exportLabels(storage, 'g1', 'composure'));
    const report = await runEval([file], createOfflineGrader());
    expect(report.files[0]).toMatchObject({ kind: 'composure', lines: 1, invalid: 0 });
  });

  it('summarises agreement per criterion as exact share and mean absolute difference', async () => {
    await storage.sessions.save(
      handSession({
        id: 's1',
        exchanges: [
          exchange(0, { composure: 4, empathy: 2 }),
          exchange(1, { composure: 3, empathy: 3 }),
          exchange(2, { composure: 5, empathy: 5, verdict: 'not_needed' }),
        ],
      }),
    );
    await setOverride(storage, 's1', 0, 1, { composure: 4, empathy: 4, ...by });
    await setOverride(storage, 's1', 1, 1, { composure: 1, ...by });
    await setOverride(storage, 's1', 2, 1, { boundary: 'missing', ...by });
    const summary = await calibrationSummary(storage, 'g1');
    expect(summary).toMatchObject({ overrides: 3, sessions: 1 });
    expect(summary.composure).toEqual({ compared: 2, exactAgreement: 0.5, meanAbsoluteDifference: 1 });
    expect(summary.empathy).toEqual({ compared: 1, exactAgreement: 0, meanAbsoluteDifference: 2 });
    expect(summary.boundary).toEqual({ compared: 1, exactAgreement: 0, meanAbsoluteDifference: 4 });
  });

  it('reports no agreement figures without overrides', async () => {
    const summary = await calibrationSummary(storage, 'g1');
    expect(summary.composure).toEqual({ compared: 0, exactAgreement: null, meanAbsoluteDifference: null });
    expect(await exportLabels(storage, 'g1')).toBe('');
  });
});
