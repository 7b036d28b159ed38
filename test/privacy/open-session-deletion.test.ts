import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import type { PracticeEngine } from '../../src/engine/engine-types.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import type { Grader } from '../../src/evaluation/grader.js';
import { createAdvice } from '../../src/engine/advice.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import { deleteMemberData } from '../../src/privacy/member-data.js';
import { purgeExpired } from '../../src/privacy/retention.js';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { builtinPersonas, log, practiseSession } from '../reports/report-fixtures.js';
import { openTempStorage } from '../support/temp-storage.js';

/** The offline grader behind a gate: `entered` resolves once a reply is being graded, `open()` lets it finish. */
function gatedGrader(): Grader & { entered: Promise<void>; open(): void } {
  const inner = createOfflineGrader();
  let enter: () => void = () => undefined;
  let release: () => void = () => undefined;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    id: 'gated-offline',
    entered,
    open: () => {
      release();
    },
    async grade(input, options) {
      enter();
      await gate;
      return inner.grade(input, options);
    },
  };
}

describe('deleting a member’s data while one of their sessions is in use', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let grader: ReturnType<typeof gatedGrader>;
  let engine: PracticeEngine;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
    grader = gatedGrader();
    engine = createPracticeEngine({
      personas: await builtinPersonas(),
      grader,
      voice: createScriptedVoice({ random: () => 0 }),
      store: storage.sessions,
      log,
      advise: createAdvice(await builtinPersonas()),
    });
  });
  afterEach(async () => cleanup());

  const start = (channelRef: string) => engine.start({ userId: 'anna', guildId: 'g1', personaId: 'frustrated', lang: 'en', intensity: 'standard', channelRef });
  const reply = 'I am so sorry about the blocked card, Anna Private Example speaking.';

  async function everythingOf(sessionId: string) {
    return {
      session: await storage.sessions.get(sessionId),
      listed: await storage.sessions.listByUser('g1', 'anna'),
      inGuild: await storage.sessions.listByGuild('g1'),
      open: await storage.sessions.listOpen(),
      channel: await storage.sessions.findByChannel('thread-anna'),
    };
  }

  it('waits for the reply being graded, then deletes, and the engine’s save cannot bring the session back', async () => {
    const { session } = await start('thread-anna');
    const answering = engine.replyOnce(session.id, reply, 'message-1');
    await grader.entered;
    const deleting = deleteMemberData(storage, 'g1', 'anna', { guard: engine.exclusive });
    grader.open();
    const [answered, deleted] = await Promise.all([answering, deleting]);

    expect(answered.kind).toBe('answered');
    expect(deleted).toMatchObject({ sessions: 1, openPlaces: ['thread-anna'] });
    expect(await everythingOf(session.id)).toEqual({ session: undefined, listed: [], inGuild: [], open: [], channel: undefined });
    // Anything queued behind the deletion finds no session and writes nothing.
    await expect(engine.replyOnce(session.id, 'Another reply', 'message-2')).rejects.toMatchObject({ code: 'session_not_found' });
    await expect(engine.end(session.id)).rejects.toMatchObject({ code: 'session_not_found' });
    expect(await everythingOf(session.id)).toEqual({ session: undefined, listed: [], inGuild: [], open: [], channel: undefined });
  });

  it('without the engine’s guard the store still drops the save of the reply in flight (the second line of defence)', async () => {
    const { session } = await start('thread-anna');
    const answering = engine.replyOnce(session.id, reply, 'message-1');
    await grader.entered;
    await deleteMemberData(storage, 'g1', 'anna');
    expect(await storage.sessions.get(session.id)).toBeUndefined();
    grader.open();
    await answering;
    expect(await everythingOf(session.id)).toEqual({ session: undefined, listed: [], inGuild: [], open: [], channel: undefined });
  });

  it('names the places of sessions still running, not those of ended ones', async () => {
    grader.open();
    const running = await start('thread-running');
    const ended = await start('thread-ended');
    await engine.end(ended.session.id);
    const deleted = await deleteMemberData(storage, 'g1', 'anna', { guard: engine.exclusive });
    expect(deleted).toMatchObject({ sessions: 2, openPlaces: ['thread-running'] });
    expect(await storage.sessions.get(running.session.id)).toBeUndefined();
  });
});

describe('a save that read the session before the member’s data was deleted', () => {
  let storage: Storage;
  let url: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, url, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  it('is dropped: a trainer’s override saved afterwards does not bring the transcript back', async () => {
    const session = await practiseSession(storage, { userId: 'anna' });
    const read = await storage.sessions.get(session.id);
    await deleteMemberData(storage, 'g1', 'anna');
    const override = { composure: 2, reason: 'too curt', by: 'trainer', at: '2026-11-25T10:00:00.000Z' };
    await storage.sessions.save({ ...read!, exchanges: read!.exchanges.map((exchange) => ({ ...exchange, override })) });
    expect(await storage.sessions.get(session.id)).toBeUndefined();
    expect(await storage.sessions.listByUser('g1', 'anna')).toEqual([]);
    expect(await storage.sessions.listByGuild('g1')).toEqual([]);
  });

  it('is dropped when another process writes it, too', async () => {
    const session = await practiseSession(storage, { userId: 'anna' });
    const other = await openStorage({ url, log });
    try {
      const read = await other.sessions.get(session.id);
      await deleteMemberData(storage, 'g1', 'anna');
      await other.sessions.save({ ...read!, updatedAt: '2026-11-25T10:00:00.000Z' });
      expect(await storage.sessions.get(session.id)).toBeUndefined();
      expect(await other.sessions.listByUser('g1', 'anna')).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('a retention purge leaves no such mark: it deletes only sessions idle for days', async () => {
    const session = await practiseSession(storage, { userId: 'anna' });
    await purgeExpired(storage, 'g1', 1, new Date(Date.parse(session.updatedAt) + 2 * 24 * 60 * 60 * 1000));
    expect(await storage.sessions.get(session.id)).toBeUndefined();
    await storage.sessions.save(session);
    expect((await storage.sessions.get(session.id))?.id).toBe(session.id);
  });
});
