import Keyv from 'keyv';
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPracticeEngine } from '../../../src/engine/practice-engine.js';
import type { PracticeEngine } from '../../../src/engine/engine-types.js';
import { createScriptedVoice } from '../../../src/engine/scripted-voice.js';
import { currentLine } from '../../../src/engine/session.js';
import { presentLine } from '../../../src/discord/group/present-line.js';
import { createPersonaCatalog } from '../../../src/personas/create-persona-catalog.js';
import { createKeyvStorage } from '../../../src/storage/keyv-storage.js';
import type { Storage } from '../../../src/storage/storage.js';
import { createKeywordGrader } from '../../support/scripted-grader.js';
import { testPersona } from '../../support/test-persona.js';

const log = pino({ level: 'silent' });

describe('presenting the shared scenario line to a trainee session', () => {
  let storage: Storage;
  let engine: PracticeEngine;
  let grader: ReturnType<typeof createKeywordGrader>;
  beforeEach(() => {
    storage = createKeyvStorage(new Keyv(), log);
    grader = createKeywordGrader();
    engine = createPracticeEngine({
      personas: createPersonaCatalog([testPersona()]),
      grader,
      voice: createScriptedVoice({ random: () => 0.99 }),
      store: storage.sessions,
      log,
      advise: (lang: string, weakest: string) => `${lang}:${weakest}`,
    });
  });

  const start = () =>
    engine.start({ userId: 'ada', guildId: 'g', personaId: 'test-customer', lang: 'en', intensity: 'standard', channelRef: 'thread-1', groupId: 'group-1' });

  it('makes the engine grade the answer against exactly the shared line and keep it as the trainee’s exchange', async () => {
    const { session, line } = await start();
    expect(line.text).toBe('Opening C'); // the session's own voice picked another variant…
    await presentLine(engine, session.id, { stage: 'opening', text: 'Opening A' });
    const result = await engine.reply(session.id, 'I am so sorry, that sounds warm and awful.');
    // …but the grader saw the shared one, with no unseen line in the history.
    expect(grader.inputs.at(-1)?.customer).toBe('Opening A');
    expect(grader.inputs.at(-1)?.history).toEqual([]);
    expect(result.exchange.reply).toContain('sounds warm');
    const stored = await storage.sessions.get(session.id);
    expect(stored?.exchanges).toHaveLength(1);
    expect(stored?.lines.find((l) => l.n === result.exchange.lineN)?.text).toBe('Opening A');
    expect(stored?.groupId).toBe('group-1');
  });

  it('retracts the line the engine said but the scenario never showed, so round two’s history is what the trainee saw', async () => {
    const { session } = await start();
    await presentLine(engine, session.id, { stage: 'opening', text: 'Opening A' });
    const first = await engine.reply(session.id, 'warm words'); // empathy 5 → the engine moves this trainee to "softer"
    expect(first.line?.stage).toBe('softer');
    await presentLine(engine, session.id, { stage: 'angry', text: 'Angry A' });
    const stored = await storage.sessions.get(session.id);
    expect(currentLine(stored!)?.text).toBe('Angry A');
    expect(stored?.stage).toBe('angry');
    expect(stored?.lines.filter((l) => !l.retracted).map((l) => l.text)).toEqual(['Opening A', 'Angry A']);

    await engine.reply(session.id, 'warm again');
    expect(grader.inputs.at(-1)?.customer).toBe('Angry A');
    expect(grader.inputs.at(-1)?.history).toEqual([
      { role: 'customer', text: 'Opening A' },
      { role: 'trainee', text: 'warm words' },
    ]);
    // the script continued from the shared stage: angry + empathy 5 → softer
    expect((await storage.sessions.get(session.id))?.stage).toBe('softer');
  });

  it('reopens a session the trainee’s own answer had ended, because the shared conversation goes on', async () => {
    const { session } = await start();
    await presentLine(engine, session.id, { stage: 'opening', text: 'Opening A' });
    const ended = await engine.reply(session.id, 'bye now');
    expect(ended.ended).not.toBeNull();
    await presentLine(engine, session.id, { stage: 'opening', text: 'Opening B' });
    const reopened = await storage.sessions.get(session.id);
    expect(reopened).toMatchObject({ status: 'active', outcome: null, endedAt: null });
    expect((await storage.sessions.listOpen()).includes(session.id)).toBe(true);
    const next = await engine.reply(session.id, 'let me fix it');
    expect(next.exchange.lineN).toBe(currentLine(reopened!)?.n);
  });

  it('does nothing for an unknown session', async () => {
    expect(await presentLine(engine, 'missing', { stage: 'opening', text: 'x' })).toBeUndefined();
  });
});
