import Keyv from 'keyv';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { PracticeEngine } from '../../src/engine/engine-types.js';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import { StoreUnavailableError } from '../../src/errors.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import { createKeyvStorage } from '../../src/storage/keyv-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { createKeywordGrader } from '../support/scripted-grader.js';
import { testPersona } from '../support/test-persona.js';

/*
 * The store going away in the middle of an exchange, at every single store operation in turn: the
 * reply either is answered and persisted, or fails with StoreUnavailableError leaving a transcript
 * in which the resent reply is graded once, against the line the trainee actually saw.
 */

const log = pino({ level: 'silent' });
const advise = (lang: 'de' | 'en', weakest: string) => `${lang}:${weakest}`;

/** A Map-backed keyv store that can be made to fail from the n-th operation on, until it recovers. */
function flakyStore() {
  const map = new Map<string, unknown>();
  let ops = 0;
  let failFrom = Number.POSITIVE_INFINITY;
  const touch = () => {
    ops++;
    if (ops > failFrom) throw new Error('store down (injected)');
  };
  return {
    store: {
      get: async (key: string) => (touch(), map.get(key)),
      set: async (key: string, value: unknown) => (touch(), map.set(key, value), true),
      delete: async (key: string) => (touch(), map.delete(key)),
      clear: async () => {
        map.clear();
      },
    },
    /** the `n`-th operation from now fails, and every one after it */
    failAfter(n: number) {
      failFrom = ops + n;
    },
    recover() {
      failFrom = Number.POSITIVE_INFINITY;
    },
    get ops() {
      return ops;
    },
  };
}

function setUp() {
  const flaky = flakyStore();
  const storage: Storage = createKeyvStorage(new Keyv({ store: flaky.store, throwOnErrors: true }), log);
  const engine: PracticeEngine = createPracticeEngine({
    personas: createPersonaCatalog([testPersona()]),
    grader: createKeywordGrader(),
    voice: createScriptedVoice({ random: () => 0 }),
    store: storage.sessions,
    log,
    advise,
  });
  return { flaky, storage, engine };
}

async function startAndAnswerOnce(engine: PracticeEngine) {
  const { session } = await engine.start({ userId: 'u1', guildId: 'g1', personaId: 'test-customer', lang: 'en', intensity: 'standard' });
  const first = await engine.replyOnce(session.id, 'neutral first', 'm1');
  if (first.kind !== 'answered') throw new Error('the first reply was not answered');
  return { sessionId: session.id, seenLine: first.result.line };
}

describe('store failing halfway through an exchange', () => {
  it('counts how many store operations one exchange makes (so the sweep below covers them all)', async () => {
    const { flaky, engine } = setUp();
    const { sessionId } = await startAndAnswerOnce(engine);
    const before = flaky.ops;
    await engine.replyOnce(sessionId, 'neutral second', 'm2');
    expect(flaky.ops - before).toBeGreaterThan(3);
  });

  it('at every operation: the failed reply leaves nothing half-answered, the resent one is graded once against the line the trainee saw', async () => {
    const { flaky: probe, engine: probeEngine } = setUp();
    const { sessionId: probeId } = await startAndAnswerOnce(probeEngine);
    const start = probe.ops;
    await probeEngine.replyOnce(probeId, 'neutral second', 'm2');
    const opsPerExchange = probe.ops - start;

    for (let failAt = 0; failAt < opsPerExchange; failAt++) {
      const { flaky, storage, engine } = setUp();
      const { sessionId, seenLine } = await startAndAnswerOnce(engine);
      if (!seenLine) throw new Error('the customer did not answer the first reply');

      flaky.failAfter(failAt);
      const failed = await engine.replyOnce(sessionId, 'neutral second', 'm2').then(
        () => null,
        (error: unknown) => error,
      );
      flaky.recover();
      expect(failed, `failing at operation ${failAt}`).toBeInstanceOf(StoreUnavailableError);

      // The trainee was told to send it again: a new Discord message, so a new key.
      const resent = await engine.replyOnce(sessionId, 'neutral second', 'm3');
      expect(resent.kind, `failing at operation ${failAt}`).toBe('answered');

      const session = await storage.sessions.get(sessionId);
      const replies = session?.exchanges.map((exchange) => [exchange.reply, exchange.lineN]);
      expect(replies, `failing at operation ${failAt}`).toEqual([
        ['neutral first', 0],
        ['neutral second', seenLine.n],
      ]);
      expect(session?.pendingReply, `failing at operation ${failAt}`).toBeNull();
      expect(session?.turns).toBe(2);
      const [listing] = await storage.sessions.listByUser('g1', 'u1');
      expect(listing?.turns, `failing at operation ${failAt}: the listing caught up`).toBe(2);
      expect(await storage.sessions.listOpen()).toEqual([sessionId]);
    }
  });

  it('a practice start that fails halfway leaves no listed session behind', async () => {
    for (let failAt = 0; failAt < 8; failAt++) {
      const { flaky, storage, engine } = setUp();
      flaky.failAfter(failAt);
      const outcome = await engine.start({ userId: 'u1', guildId: 'g1', personaId: 'test-customer', lang: 'en', intensity: 'standard' }).then(
        (started) => started.session.id,
        (error: unknown) => error,
      );
      flaky.recover();
      if (typeof outcome === 'string') continue;
      expect(outcome).toBeInstanceOf(StoreUnavailableError);
      for (const listing of await storage.sessions.listByUser('g1', 'u1')) {
        expect(await storage.sessions.get(listing.id), `failing at operation ${failAt}`).toBeDefined();
      }
    }
  });
});
