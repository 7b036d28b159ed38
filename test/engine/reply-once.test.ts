import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerVoice } from '../../src/engine/customer-voice.js';
import type { PracticeEngine, ReplyOutcome } from '../../src/engine/engine-types.js';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import { replyReceived, SessionSchema } from '../../src/engine/session.js';
import type { Grader } from '../../src/evaluation/grader.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import type { Storage } from '../../src/storage/storage.js';
import { createKeywordGrader } from '../support/scripted-grader.js';
import { testPersona } from '../support/test-persona.js';
import { openTempStorage } from '../support/temp-storage.js';

const log = pino({ level: 'silent' });
const advise = (lang: 'de' | 'en', weakest: string) => `${lang}:${weakest}`;

function answered(outcome: ReplyOutcome) {
  if (outcome.kind !== 'answered') throw new Error(`expected an answer, got ${outcome.kind}`);
  return outcome.result;
}

describe('practice engine: a reply keyed by its message id is graded once', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  function engineWith(grader: Grader = createKeywordGrader(), voice: CustomerVoice = createScriptedVoice({ random: () => 0 })): PracticeEngine {
    return createPracticeEngine({ personas: createPersonaCatalog([testPersona()]), grader, voice, store: storage.sessions, log, advise });
  }

  const start = async (engine: PracticeEngine) =>
    (await engine.start({ userId: 'u1', guildId: 'g1', personaId: 'test-customer', lang: 'en', intensity: 'standard' })).session;

  it('grades a message once: the same key again returns already_answered with the stored exchange and changes nothing', async () => {
    const grader = createKeywordGrader();
    const engine = engineWith(grader);
    const session = await start(engine);
    const first = answered(await engine.replyOnce(session.id, 'warm words', 'm1'));
    expect(first.exchange.key).toBe('m1');

    const again = await engine.replyOnce(session.id, 'warm words', 'm1');
    expect(again.kind).toBe('already_answered');
    expect(again.kind === 'already_answered' ? again.exchange : null).toEqual(first.exchange);
    expect(grader.inputs).toHaveLength(1);
    const stored = await storage.sessions.get(session.id);
    expect(stored?.exchanges.map((exchange) => exchange.key)).toEqual(['m1']);
    expect(stored?.lines).toHaveLength(2);
    expect(stored?.turns).toBe(1);
  });

  it('grades different messages each, in order, with their keys in the transcript', async () => {
    const engine = engineWith();
    const session = await start(engine);
    answered(await engine.replyOnce(session.id, 'neutral one', 'm1'));
    answered(await engine.replyOnce(session.id, 'neutral two', 'm2'));
    const stored = await storage.sessions.get(session.id);
    expect(stored?.exchanges.map((exchange) => [exchange.key, exchange.reply])).toEqual([
      ['m1', 'neutral one'],
      ['m2', 'neutral two'],
    ]);
  });

  it('the same message delivered twice at once is graded once: one call answers, the other finds it answered', async () => {
    const grader = createKeywordGrader({ delayMs: 30 });
    const engine = engineWith(grader);
    const session = await start(engine);
    const outcomes = await Promise.all([engine.replyOnce(session.id, 'neutral', 'm1'), engine.replyOnce(session.id, 'neutral', 'm1')]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['already_answered', 'answered']);
    expect(grader.inputs).toHaveLength(1);
    expect((await storage.sessions.get(session.id))?.exchanges).toHaveLength(1);
  });

  it('a duplicate of the reply that ended the session is already_answered, not "session ended"', async () => {
    const engine = engineWith();
    const session = await start(engine);
    const last = answered(await engine.replyOnce(session.id, 'bye now', 'm1'));
    expect(last.ended?.session.outcome).toBe('trainee_ended');
    const again = await engine.replyOnce(session.id, 'bye now', 'm1');
    expect(again.kind).toBe('already_answered');
    // an unknown message in the ended session is still refused
    await expect(engine.replyOnce(session.id, 'hello?', 'm2')).rejects.toMatchObject({ code: 'session_ended' });
  });

  it('a duplicate in a paused session is already_answered; a new message there is refused', async () => {
    const engine = engineWith();
    const session = await start(engine);
    answered(await engine.replyOnce(session.id, 'neutral', 'm1'));
    await engine.pause(session.id);
    expect((await engine.replyOnce(session.id, 'neutral', 'm1')).kind).toBe('already_answered');
    await expect(engine.replyOnce(session.id, 'neutral', 'm2')).rejects.toMatchObject({ code: 'session_paused' });
  });

  it('a refused message (empty) leaves no key behind: the same id can be sent again once valid', async () => {
    const engine = engineWith();
    const session = await start(engine);
    await expect(engine.replyOnce(session.id, '   ', 'm1')).rejects.toMatchObject({ code: 'reply_empty' });
    expect(replyReceived((await storage.sessions.get(session.id))!, 'm1')).toBe(false);
  });

  describe('after the process died while grading', () => {
    /** Leaves the reply with key `m1` pending in the store, as a process killed mid-grade does. */
    async function dieWhileGrading(): Promise<string> {
      const hanging = createKeywordGrader();
      hanging.grade = () => new Promise(() => undefined);
      const dying = engineWith(hanging);
      const session = await start(dying);
      void dying.replyOnce(session.id, 'warm words before the crash', 'm1');
      await expect.poll(async () => (await storage.sessions.get(session.id))?.pendingReply?.key).toBe('m1');
      return session.id;
    }

    it('the pending message delivered again is answered once, and recoverPending then finds nothing', async () => {
      const sessionId = await dieWhileGrading();
      const restarted = engineWith();
      const result = answered(await restarted.replyOnce(sessionId, 'warm words before the crash', 'm1'));
      expect(result.exchange).toMatchObject({ key: 'm1', reply: 'warm words before the crash' });
      expect(await restarted.recoverPending()).toEqual([]);
      expect((await restarted.replyOnce(sessionId, 'warm words before the crash', 'm1')).kind).toBe('already_answered');
      expect((await storage.sessions.get(sessionId))?.exchanges).toHaveLength(1);
    });

    it('recoverPending answers it with its key, so the message delivered afterwards is already_answered', async () => {
      const sessionId = await dieWhileGrading();
      const restarted = engineWith();
      const recovered = await restarted.recoverPending();
      expect(recovered.map((result) => result.exchange.key)).toEqual(['m1']);
      expect((await restarted.replyOnce(sessionId, 'warm words before the crash', 'm1')).kind).toBe('already_answered');
      expect((await storage.sessions.get(sessionId))?.exchanges).toHaveLength(1);
    });
  });

  it('sessions stored before keys existed still load, and replies without a key are graded every time', async () => {
    const engine = engineWith();
    const session = await start(engine);
    await engine.reply(session.id, 'neutral');
    const stored = (await storage.sessions.get(session.id))!;
    const { key: _exchangeKey, ...oldExchange } = stored.exchanges[0]!;
    const old = { ...stored, exchanges: [oldExchange], pendingReply: { text: 'old pending', at: stored.updatedAt } };
    const parsed = SessionSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed.exchanges[0]?.key).toBeUndefined();
    expect(parsed.pendingReply?.key).toBeUndefined();

    await engine.reply(session.id, 'neutral');
    expect((await storage.sessions.get(session.id))?.exchanges.map((exchange) => exchange.key)).toEqual([undefined, undefined]);
  });
});
