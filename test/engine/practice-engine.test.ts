import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import type { CustomerVoice } from '../../src/engine/customer-voice.js';
import type { Advise, AdviceSubject } from '../../src/engine/advice.js';
import { UserFacingError } from '../../src/errors.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import type { Storage } from '../../src/storage/storage.js';
import { createKeywordGrader, makeGrade } from '../support/scripted-grader.js';
import { testPersona } from '../support/test-persona.js';
import { openTempStorage } from '../support/temp-storage.js';

const log = pino({ level: 'silent' });
const advise = (lang: 'de' | 'en', weakest: string) => `${lang}:${weakest}`;

describe('practice engine', () => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTempStorage());
  });
  afterEach(async () => cleanup());

  function engineWith(
    options: {
      grader?: ReturnType<typeof createKeywordGrader>;
      voice?: CustomerVoice;
      steering?: ReturnType<typeof createKeywordGrader>;
      advise?: Advise;
    } = {},
  ) {
    const grader = options.grader ?? createKeywordGrader();
    const engine = createPracticeEngine({
      personas: createPersonaCatalog([testPersona()]),
      grader,
      steering: options.steering,
      voice: options.voice ?? createScriptedVoice({ random: () => 0 }),
      store: storage.sessions,
      log,
      advise: options.advise ?? advise,
    });
    return { engine, grader };
  }

  const start = (engine: ReturnType<typeof engineWith>['engine'], lang: 'de' | 'en' = 'en', intensity: 'gentle' | 'standard' | 'harsh' = 'standard') =>
    engine.start({ userId: 'u1', guildId: null, personaId: 'test-customer', lang, intensity });

  it('starts with a line of the start stage in the chosen language and persists the session', async () => {
    const { engine } = engineWith();
    const { session, line } = await start(engine, 'de');
    expect(line.text).toBe('Opening A (de)');
    expect(line.stage).toBe('opening');
    const stored = await storage.sessions.get(session.id);
    expect(stored?.lines).toHaveLength(1);
    expect(stored?.status).toBe('active');
  });

  it('uses the harsh variants at harsh intensity', async () => {
    const { engine } = engineWith();
    const { line } = await start(engine, 'en', 'harsh');
    expect(line.text).toBe('HARSH opening');
  });

  it('de-escalates on warm replies, reveals, and resolves on a concrete solution', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    const first = await engine.reply(session.id, 'warm words');
    expect(first.line?.stage).toBe('softer');
    expect(first.line?.narration).toBe('She sighs.');
    expect(first.ended).toBeNull();
    const stay = await engine.reply(session.id, 'still neutral');
    expect(stay.line?.stage).toBe('softer');
    expect(stay.line?.narration).toBeUndefined();
    const second = await engine.reply(session.id, 'I will fix it today');
    expect(second.line?.text).toBe('Thank you, goodbye.');
    expect(second.ended?.session.outcome).toBe('resolved');
    expect(second.ended?.summary.exchanges).toBe(3);
    const stored = await storage.sessions.get(session.id);
    expect(stored?.status).toBe('ended');
    expect(stored?.exchanges.map((exchange) => exchange.reply)).toEqual(['warm words', 'still neutral', 'I will fix it today']);
  });

  it('escalates on rude replies until the customer hangs up', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    const first = await engine.reply(session.id, 'rude');
    expect(first.line?.stage).toBe('angry');
    const second = await engine.reply(session.id, 'rude again');
    expect(second.ended?.session.outcome).toBe('hung_up');
  });

  it('stays in the stage with a different variant when no transition holds', async () => {
    const { engine } = engineWith();
    const { session, line } = await start(engine);
    const next = await engine.reply(session.id, 'neutral');
    expect(next.line?.stage).toBe('opening');
    expect(next.line?.text).not.toBe(line.text);
  });

  it('ends when the trainee closes the conversation, without a customer line', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    const result = await engine.reply(session.id, 'bye now');
    expect(result.line).toBeNull();
    expect(result.ended?.session.outcome).toBe('trainee_ended');
  });

  it('a goodbye the script answers moves the customer on instead of ending', async () => {
    const persona = testPersona();
    const opening = persona.stages['opening'];
    if (!opening) throw new Error('test persona has no opening');
    opening.transitions.unshift({ when: { endsConversation: true }, to: 'softer' });
    const engine = createPracticeEngine({
      personas: createPersonaCatalog([persona]),
      grader: createKeywordGrader(),
      voice: createScriptedVoice({ random: () => 0 }),
      store: storage.sessions,
      log,
      advise,
    });
    const { session } = await engine.start({ userId: 'u1', guildId: null, personaId: persona.id, lang: 'en', intensity: 'standard' });
    const result = await engine.reply(session.id, 'bye, I will call again tomorrow');
    expect(result.ended).toBeNull();
    expect(result.line?.stage).toBe('softer');
  });

  it('the summary names the best and weakest replies only when they differ', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    await engine.reply(session.id, 'neutral one');
    await engine.reply(session.id, 'neutral two');
    const even = engine.summarize((await engine.get(session.id))!);
    expect(even.best?.reply).toBe('neutral one');
    expect(even.weakest).toBeNull();
    await engine.reply(session.id, 'rude three');
    const uneven = engine.summarize((await engine.get(session.id))!);
    expect(uneven.weakest?.reply).toBe('rude three');
    expect(uneven.best?.reply).toBe('neutral one');
  });

  it('ranks the reply that moved the matter above one with the same scores that did not', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    await engine.reply(session.id, 'neutral preamble');
    await engine.reply(session.id, 'fix: the answer');
    const summary = engine.summarize((await engine.get(session.id))!);
    expect(summary.scores[0]?.overall).toBe(summary.scores[1]?.overall);
    expect(summary.best?.reply).toBe('fix: the answer');
  });

  it('ranks a reply that offers a step above one with the same scores that only informs', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    // „Ohne Boden? Hm, das haben wir eigentlich nicht. Die Kuchen kommen fertig aus der Konditorei." had been
    // ranked strongest beside the offer that met the wish
    await engine.reply(session.id, 'neutral info: we do not do that');
    await engine.reply(session.id, 'fix: I will swap it for you');
    const summary = engine.summarize((await engine.get(session.id))!);
    expect(summary.scores[0]?.overall).toBe(summary.scores[1]?.overall);
    expect(summary.best?.reply).toBe('fix: I will swap it for you');
  });

  it('ends at the turn limit', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    let last;
    for (let i = 0; i < 6; i++) last = await engine.reply(session.id, `neutral ${i}`);
    expect(last?.ended?.session.outcome).toBe('turn_limit');
    await expect(engine.reply(session.id, 'more')).rejects.toMatchObject({ code: 'session_ended' });
  });

  it('refuses empty, invisible and oversized replies with a clear message and records nothing', async () => {
    const { engine, grader } = engineWith();
    const { session } = await start(engine, 'de');
    await expect(engine.reply(session.id, '  \n\u0000 ')).rejects.toThrow(/leer/);
    await expect(engine.reply(session.id, 'x'.repeat(2001))).rejects.toMatchObject({ code: 'reply_too_long' });
    // Looks empty in every client: zero-width space and joiner, soft hyphen, direction marks, a lone combining mark.
    await expect(engine.reply(session.id, '\u200B\u200D\u00AD\u202E\u2066\u0301')).rejects.toMatchObject({ code: 'reply_empty' });
    expect(grader.inputs).toHaveLength(0);
    expect((await storage.sessions.get(session.id))?.exchanges).toHaveLength(0);
  });

  it('gives the grader the customer line, the history and the persona focus', async () => {
    const { engine, grader } = engineWith();
    const { session, line } = await start(engine);
    await engine.reply(session.id, 'neutral one');
    await engine.reply(session.id, 'neutral two');
    const second = grader.inputs[1];
    expect(second?.history).toEqual([
      { role: 'customer', text: line.text },
      { role: 'trainee', text: 'neutral one' },
    ]);
    expect(second?.context).toEqual({ personaId: 'test-customer', focus: ['venting'], customerAbusive: false, acknowledgedBefore: false });
  });

  it('tells the grader whether the previous reply was already specific in empathy', async () => {
    const { engine, grader } = engineWith();
    const { session } = await start(engine);
    await engine.reply(session.id, 'neutral one');
    await engine.reply(session.id, 'warm words');
    await engine.reply(session.id, 'neutral three');
    expect(grader.inputs.map((input) => input.context?.acknowledgedBefore)).toEqual([false, false, true]);
  });

  it('tells the grader when the script marks the customer line as abusive', async () => {
    const { engine, grader } = engineWith();
    const { session } = await start(engine);
    await engine.reply(session.id, 'rude');
    await engine.reply(session.id, 'warm words');
    expect(grader.inputs.map((input) => input.context?.customerAbusive)).toEqual([false, true]);
  });

  it('retry answers the same line again, keeps both attempts and retracts the customer answer', async () => {
    const { engine, grader } = engineWith();
    const { session, line } = await start(engine);
    await engine.reply(session.id, 'rude');
    const retried = await engine.retry(session.id);
    expect(retried.line.n).toBe(line.n);
    const again = await engine.reply(session.id, 'warm words');
    expect(again.exchange.attempt).toBe(2);
    expect(again.line?.stage).toBe('softer');
    const stored = await storage.sessions.get(session.id);
    expect(stored?.exchanges.map((exchange) => [exchange.lineN, exchange.attempt])).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(stored?.lines.filter((l) => l.retracted).map((l) => l.stage)).toEqual(['angry']);
    // the retracted angry line is not part of what the grader sees next
    await engine.reply(session.id, 'neutral');
    expect(grader.inputs.at(-1)?.history.map((turn) => turn.text)).toEqual([line.text, 'warm words']);
  });

  it('retry after the customer hung up reopens the session at the last line', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    await engine.reply(session.id, 'rude');
    await engine.reply(session.id, 'rude');
    const retried = await engine.retry(session.id);
    expect(retried.session.status).toBe('active');
    expect(retried.line.stage).toBe('angry');
  });

  it('hint gives the current stage hint in the session language', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine, 'de');
    expect(await engine.hint(session.id)).toBe('Name the feeling. (de)');
  });

  it('pause blocks replies until resume; end summarises and is idempotent', async () => {
    const { engine } = engineWith();
    const { session } = await start(engine);
    await engine.reply(session.id, 'rude');
    await engine.pause(session.id);
    await expect(engine.reply(session.id, 'hello')).rejects.toBeInstanceOf(UserFacingError);
    const resumed = await engine.resume(session.id);
    expect(resumed.line.stage).toBe('angry');
    const ended = await engine.end(session.id);
    expect(ended.session.outcome).toBe('stopped');
    expect(ended.summary.practiseNext).toBe('en:composure');
    const again = await engine.end(session.id);
    expect(again.session.endedAt).toBe(ended.session.endedAt);
  });

  it('advises by the whole session: empathy shown once and not kept, a strong session, or the weakest criterion', async () => {
    // composure 5 unless "sharp" (2); "warm" replies are specific in empathy (5), "cold" ones have
    // none (1), the others are generic (3); "step" replies offer the next step
    const calm: ReturnType<typeof createKeywordGrader> = {
      id: 'calm',
      inputs: [],
      async grade(input) {
        const empathy = input.reply.includes('warm') ? 5 : input.reply.includes('cold') ? 1 : 3;
        return makeGrade({
          composure: input.reply.includes('sharp') ? 2 : 5,
          empathy,
          solution: input.reply.includes('step'),
          ...(input.reply.includes('limit') ? { verdict: 'set_well' as const } : {}),
        });
      },
    };
    const adviceAfter = async (replies: string[]) => {
      const { engine } = engineWith({ grader: calm });
      const { session } = await start(engine);
      for (const reply of replies) await engine.reply(session.id, reply);
      return (await engine.end(session.id)).summary.practiseNext;
    };
    expect(await adviceAfter(['warm words', 'neutral step'])).toBe('en:empathy_kept');
    // a justification that lost composure solved nothing: it is not "the reply that solves" (Mr
    // Kessler's trainee was told to carry the empathy into it)
    expect(await adviceAfter(['warm words', 'sharp cold step'])).toBe('en:empathy');
    // the reply that solved kept the empathy; the other one reached the customer in general terms
    expect(await adviceAfter(['neutral', 'warm words with the step'])).toBe('en:empathy_specific');
    // warmth already carried into a reply that solved: no "just not in the reply that solved it"
    expect(await adviceAfter(['neutral step', 'warm words with the step'])).toBe('en:empathy_specific');
    // a limit set calmly at an insult is not a reply that lacked warmth (Mr Kessler's trainee)
    expect(await adviceAfter(['cold limit step', 'warm words with the step'])).toBe('en:empathy_deepen');
    expect(await adviceAfter(['warm words', 'warm again'])).toBe('en:strong');
    // generic in every reply: the advice is to be specific, not to acknowledge at all (Mr
    // Petersen's trainee had said „Verstanden, es eilt" each time)
    expect(await adviceAfter(['neutral', 'neutral again'])).toBe('en:empathy_specific');
    expect(await adviceAfter(['cold', 'neutral again'])).toBe('en:empathy');
  });

  it('advises warmth or an open question, not naming the situation, after a session specific in every reply', async () => {
    // Mr Brandt's trainee, empathy 4 in both replies, had been told to practise naming what went wrong
    const specific: ReturnType<typeof createKeywordGrader> = {
      id: 'specific',
      inputs: [],
      async grade(input) {
        return makeGrade({ composure: 5, empathy: input.reply.includes('warm') ? 5 : 4, solution: true });
      },
    };
    const { engine } = engineWith({ grader: specific });
    const { session } = await start(engine);
    await engine.reply(session.id, 'names the lobby');
    await engine.reply(session.id, 'names the card');
    expect((await engine.end(session.id)).summary.practiseNext).toBe('en:empathy_deepen');
  });

  it("tells the advice what the session's replies did, so it never asks for it", async () => {
    // Dr Hartmann's trainee proposed a call in two replies and was told to propose talking in person
    const acting: ReturnType<typeof createKeywordGrader> = {
      id: 'acting',
      inputs: [],
      async grade(input) {
        return makeGrade({ composure: 5, empathy: 2, acts: input.reply.includes('call') ? ['proposes_contact', 'offers_step'] : ['gives_info'] });
      },
    };
    const subjects: AdviceSubject[] = [];
    const { engine } = engineWith({
      grader: acting,
      advise: (lang, key, subject) => {
        subjects.push(subject);
        return `${lang}:${key}`;
      },
    });
    const { session } = await start(engine);
    await engine.reply(session.id, 'the facts');
    await engine.reply(session.id, 'a call on Thursday');
    await engine.end(session.id);
    expect(subjects.at(-1)?.done).toEqual(expect.arrayContaining(['gives_info', 'proposes_contact', 'offers_step']));
    expect(subjects.at(-1)?.done).toHaveLength(3);
  });

  it('serialises concurrent replies to one session', async () => {
    const { engine } = engineWith({ grader: createKeywordGrader({ delayMs: 20 }) });
    const { session } = await start(engine);
    await Promise.all([engine.reply(session.id, 'neutral a'), engine.reply(session.id, 'neutral b'), engine.reply(session.id, 'neutral c')]);
    const stored = await storage.sessions.get(session.id);
    expect(stored?.exchanges.map((exchange) => exchange.lineN)).toEqual([0, 1, 2]);
    expect(stored?.turns).toBe(3);
  });

  it('with a steering grader, the customer line is decided by steering while the judge grades concurrently', async () => {
    // Concurrency shown by the order of events, not by clocks: the judge cannot finish before the
    // customer line exists, so the line must be voiced while the judge is still grading. An engine
    // that voiced first and judged after logs the line before the judge starts; one that waited for
    // the judge before voicing never lets it finish (the test then fails on its timeout).
    const events: string[] = [];
    let lineVoiced: () => void = () => undefined;
    const scripted = createScriptedVoice({ random: () => 0 });
    const voice: CustomerVoice = {
      id: 'recording-voice',
      async nextLine(request, options) {
        const line = await scripted.nextLine(request, options);
        events.push('customer line');
        lineVoiced();
        return line;
      },
    };
    const judge = createKeywordGrader({ id: 'judge' });
    const steering = createKeywordGrader({ id: 'steer' });
    const { engine } = engineWith({ grader: judge, steering, voice });
    const { session } = await start(engine);
    // the opening line is voiced too; only the reply's events count
    events.length = 0;
    const voiced = new Promise<void>((resolve) => {
      lineVoiced = resolve;
    });
    const grade = judge.grade.bind(judge);
    judge.grade = async (input, options) => {
      events.push('judge started');
      await voiced;
      events.push('judge finished');
      return grade(input, options);
    };
    const result = await engine.reply(session.id, 'warm words');
    expect(events).toEqual(['judge started', 'customer line', 'judge finished']);
    expect(result.exchange.grade.source.grader).toBe('judge');
    expect(result.line?.stage).toBe('softer');
    expect(steering.inputs).toHaveLength(1);
  });

  it('records token usage reported by providers on the exchange and the session', async () => {
    const grader = createKeywordGrader();
    const original = grader.grade.bind(grader);
    grader.grade = async (input, options) => {
      options?.onUsage?.({ promptTokens: 100, completionTokens: 20 });
      return original(input, options);
    };
    const { engine } = engineWith({ grader });
    const { session } = await start(engine);
    const result = await engine.reply(session.id, 'neutral');
    expect(result.exchange.usage).toEqual({ promptTokens: 100, completionTokens: 20 });
    expect(result.session.usage).toEqual({ promptTokens: 100, completionTokens: 20 });
  });

  it('a reply persisted before a crash is answered by recoverPending after a restart', async () => {
    const hanging = createKeywordGrader();
    hanging.grade = () => new Promise(() => undefined); // the process "dies" while grading
    const { engine: dying } = engineWith({ grader: hanging });
    const { session } = await start(dying);
    void dying.reply(session.id, 'warm words before the crash');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await storage.sessions.get(session.id))?.pendingReply?.text).toBe('warm words before the crash');

    const { engine: restarted } = engineWith();
    const recovered = await restarted.recoverPending();
    expect(recovered).toHaveLength(1);
    expect(recovered[0]?.exchange.reply).toBe('warm words before the crash');
    expect(recovered[0]?.line?.stage).toBe('softer');
    expect((await storage.sessions.get(session.id))?.pendingReply).toBeNull();
  });
});
