import Keyv from 'keyv';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGrade } from '../../src/cli/grade-command.js';
import { engineMessage } from '../../src/engine/engine-messages.js';
import type { PracticeEngine } from '../../src/engine/engine-types.js';
import { createPracticeEngine } from '../../src/engine/practice-engine.js';
import { createScriptedVoice } from '../../src/engine/scripted-voice.js';
import { UserFacingError } from '../../src/errors.js';
import { expectedRefusal } from '../support/hostile/expected-refusal.js';
import { GradeSchema, type Grade, type GradeInput, type Language } from '../../src/evaluation/grade.js';
import type { Grader } from '../../src/evaluation/grader.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import { createKeyvStorage } from '../../src/storage/keyv-storage.js';
import { testPersona } from '../support/test-persona.js';

import { countByFamily, hostileCorpus, HOSTILE_FAMILIES, type HostileCase } from '../support/hostile/hostile-corpus.js';
import { raisedCriteria } from '../support/hostile/grade-comparison.js';

const corpus = hostileCorpus();
const grader = createOfflineGrader({ rubricVersion: 'hostile-test' });
const log = pino({ level: 'silent' });

function inputOf(item: HostileCase, reply = item.reply): GradeInput {
  return {
    lang: item.lang,
    customer: item.customer.text,
    reply,
    history: [],
    context: { personaId: 'frustrated', focus: [], customerAbusive: item.customer.insulting },
  };
}

describe('the offline grader against the hostile corpus', () => {
  const grades = new Map<string, Grade>();

  beforeAll(async () => {
    for (const item of corpus) grades.set(item.id, await grader.grade(inputOf(item)));
  });

  it('is a corpus of at least 1,000 cases covering every family', () => {
    const counts = countByFamily(corpus);
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    for (const family of HOSTILE_FAMILIES) expect(counts[family], family).toBeGreaterThanOrEqual(50);
    // the same seed gives the same corpus
    expect(hostileCorpus().map((item) => item.reply)).toEqual(corpus.map((item) => item.reply));
  });

  it('gives every reply a schema-valid grade without throwing, however hostile', () => {
    const invalid = corpus.filter((item) => !GradeSchema.safeParse(grades.get(item.id)).success).map((item) => item.id);
    expect(invalid).toEqual([]);
  });

  it('grades an empty-looking reply (invisible characters only) as empty: lowest scores, no praise', () => {
    const blank = corpus.filter((item) => item.family === 'empty_whitespace' && item.reply.replace(/[\s\p{Cf}\u180e]/gu, '') === '');
    expect(blank.length).toBeGreaterThan(20);
    for (const item of blank) {
      const grade = grades.get(item.id)!;
      expect(grade.composure.score, item.id).toBe(1);
      expect(grade.empathy.score, item.id).toBe(1);
    }
  });

  it('never rates a reply higher because an injection was added to it', async () => {
    const raised: string[] = [];
    for (const item of corpus) {
      if (!item.pair) continue;
      const clean = await grader.grade(inputOf(item, item.pair.base.text));
      const found = raisedCriteria(grades.get(item.id)!, clean);
      if (found.length > 0) raised.push(`${item.id} (${item.pair.payload.id}, ${item.pair.placement}, ${item.pair.disguise}): ${found.join(', ')}`);
    }
    expect(raised).toEqual([]);
  });

  it('never reads decoration as hostility: markup, links, mentions, invisible and control characters around a calm reply', async () => {
    // emoji are words of their own (🤬 is swearing), so that family is left out
    const decorated = corpus.filter((item) => item.from !== undefined && item.family !== 'emoji_flood');
    expect(decorated.length).toBeGreaterThan(300);
    const harsher: string[] = [];
    for (const item of decorated) {
      const clean = await grader.grade(inputOf(item, item.from!.text));
      const grade = grades.get(item.id)!;
      if (grade.composure.score < clean.composure.score)
        harsher.push(`${item.id}: ${clean.composure.score} → ${grade.composure.score} ${grade.composure.evidence.join(' | ')}`);
    }
    expect(harsher).toEqual([]);
  });

  it('notices a raise where there is one (a good reply compared with a poor one)', async () => {
    const item = corpus.find((candidate) => candidate.pair?.base.quality === 'good' && candidate.pair.base.lang === 'en')!;
    const poor = await grader.grade(inputOf(item, 'Whatever. Not my problem.'));
    const good = await grader.grade(inputOf(item, item.pair!.base.text));
    expect(raisedCriteria(good, poor)).not.toEqual([]);
  });

  it('never quotes an injection back in its feedback', () => {
    const quoted = corpus.filter((item) => {
      if (!item.pair) return false;
      const feedback = Object.values(grades.get(item.id)!.feedback).join(' ').toLowerCase();
      return /previous instructions|5\/5|"composure"|im_start|trainer note|volle punktzahl|bestnote/.test(feedback);
    });
    expect(quoted.map((item) => item.id)).toEqual([]);
  });
});

describe('the practice engine over the hostile corpus, with the offline grader', () => {
  /** the limit the trainee is told, written out: read from the engine, it would move with a wrong one */
  const LIMIT = 2000;
  /** what the trainee got for each reply: the engine's refusal, or a graded exchange */
  const outcomes = new Map<string, { code: string; message: string } | 'graded'>();
  let graderCalls = 0;
  /** grader calls while the corpus was answered (the tests below answer more replies) */
  let corpusGraderCalls = 0;
  let engine: PracticeEngine;

  /** One reply in a session of its own (a graded reply may end one), as the trainee would send it. */
  async function answer(reply: string, lang: Language): Promise<{ code: string; message: string } | 'graded'> {
    const { session } = await engine.start({ userId: 'hostile-trainee', guildId: null, personaId: 'test-customer', lang, intensity: 'standard' });
    try {
      await engine.reply(session.id, reply);
      return 'graded';
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      return { code: error.code, message: error.message };
    }
  }

  beforeAll(async () => {
    const counting: Grader = {
      id: grader.id,
      grade(input, options) {
        graderCalls++;
        return grader.grade(input, options);
      },
    };
    engine = createPracticeEngine({
      personas: createPersonaCatalog([testPersona()]),
      grader: counting,
      voice: createScriptedVoice({ random: () => 0 }),
      store: createKeyvStorage(new Keyv(), log).sessions,
      log,
      advise: (lang, weakest) => `${lang}:${weakest}`,
    });
    for (const item of corpus) outcomes.set(item.id, await answer(item.reply, item.lang));
    corpusGraderCalls = graderCalls;
  });

  const codeOf = (outcome: { code: string } | 'graded' | undefined) => (typeof outcome === 'object' ? outcome.code : outcome);

  it('refuses exactly the replies that show nothing or run over the limit, and grades all the rest', () => {
    const wrong = corpus
      .filter((item) => codeOf(outcomes.get(item.id)) !== (expectedRefusal(item.reply) ?? 'graded'))
      .map((item) => `${item.id}: ${expectedRefusal(item.reply) ?? 'graded'} expected, ${codeOf(outcomes.get(item.id))} got`);
    expect(wrong).toEqual([]);
    const refused = corpus.filter((item) => outcomes.get(item.id) !== 'graded');
    expect(refused.filter((item) => codeOf(outcomes.get(item.id)) === 'reply_empty').length).toBeGreaterThan(20);
    expect(refused.filter((item) => codeOf(outcomes.get(item.id)) === 'reply_too_long').length).toBeGreaterThan(20);
    // a refused reply costs no grading
    expect(corpusGraderCalls).toBe(corpus.length - refused.length);
    // nothing that is not a hostile length or blank gets refused
    for (const item of refused) expect(['empty_whitespace', 'long', 'null_control', 'emoji_flood'], item.id).toContain(item.family);
  });

  it('tells the trainee that a reply showing nothing is empty, invisible characters included', async () => {
    const blank = corpus.filter((item) => expectedRefusal(item.reply) === 'reply_empty');
    // zero-width and direction marks, soft hyphens, lone surrogates: String.trim leaves them, the trainee sees nothing
    expect(blank.filter((item) => item.reply.trim() !== '').length).toBeGreaterThan(20);
    for (const item of blank) expect(outcomes.get(item.id), item.id).toEqual({ code: 'reply_empty', message: engineMessage('reply_empty', item.lang) });
    for (const reply of ['', ' \n\t ', '\u200b\u200d\u2060', '\u00ad', '\u0301\u0308', '\u202e\u202c', '\u0000\u0007']) {
      expect(await answer(reply, 'de'), JSON.stringify(reply)).toEqual({ code: 'reply_empty', message: engineMessage('reply_empty', 'de') });
    }
    // a mark of punctuation alone is visible, and answered
    expect(await answer('?', 'en')).toBe('graded');
  });

  it('tells the trainee how long an over-long reply is and what the limit is, and grades one at the limit', () => {
    // the long family has no control characters: what the trainee sent, trimmed, is what counts
    const long = corpus.filter((item) => item.family === 'long');
    const over = long.filter((item) => item.reply.trim().length > LIMIT);
    expect(over.length).toBeGreaterThan(20);
    expect(long.length - over.length).toBeGreaterThan(5);
    for (const item of long) {
      const got = item.reply.trim().length;
      const expected = got > LIMIT ? { code: 'reply_too_long', message: engineMessage('reply_too_long', item.lang, { max: LIMIT, got }) } : 'graded';
      expect(outcomes.get(item.id), `${item.id} (${got} characters)`).toEqual(expected);
    }
  });
});

describe('the grade command over hostile lines', () => {
  it('answers every line in order, malformed ones with an error, and one bad line never stops the batch', async () => {
    const sample = corpus.filter((_item, index) => index % 4 === 0);
    const malformed = [
      '{not json',
      '[]',
      '{"id": 1}',
      '{"id": 2, "lang": "fr", "customer": "x", "reply": "y"}',
      '\u0000',
      '{"id": 3, "lang": "en", "customer": "x", "reply": "   "}',
      'null',
      '"just a string"',
    ];
    const lines: string[] = [];
    sample.forEach((item, index) => {
      lines.push(JSON.stringify({ id: item.id, lang: item.lang, customer: item.customer.text, reply: item.reply }));
      if (index % 40 === 0) lines.push(malformed[(index / 40) % malformed.length]!);
    });
    const input = new PassThrough();
    const out = new PassThrough();
    const err = new PassThrough();
    const outChunks: string[] = [];
    out.on('data', (chunk: Buffer) => outChunks.push(chunk.toString('utf8')));
    err.resume();
    input.end(lines.join('\n'));
    const personas = createPersonaCatalog([]);
    const code = await runGrade({ grader, personas, log }, input, out, err);
    const results = outChunks
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: unknown; grade?: unknown; error?: string });

    expect(code).toBe(1);
    expect(results).toHaveLength(lines.length);
    const errors = results.filter((result) => result.error !== undefined);
    const blankReplies = sample.filter((item) => item.reply.trim() === '').length;
    expect(errors).toHaveLength(Math.ceil(sample.length / 40) + blankReplies);
    const graded = results.filter((result) => result.grade !== undefined);
    expect(graded.every((result) => GradeSchema.safeParse(result.grade).success)).toBe(true);
    expect(graded.map((result) => result.id)).toEqual(sample.filter((item) => item.reply.trim() !== '').map((item) => item.id));
  });
});
