import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGrade } from '../../src/cli/grade-command.js';
import { expectedRefusal } from '../support/hostile/expected-refusal.js';
import { GradeSchema, type Grade, type GradeInput } from '../../src/evaluation/grade.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';

import { countByFamily, hostileCorpus, HOSTILE_FAMILIES, type HostileCase } from '../support/hostile/hostile-corpus.js';
import { raisedCriteria } from '../support/hostile/grade-comparison.js';

const corpus = hostileCorpus();
const grader = createOfflineGrader({ rubricVersion: 'hostile-test' });

function inputOf(item: HostileCase, reply = item.reply): GradeInput {
  return { lang: item.lang, customer: item.customer.text, reply, history: [], context: { personaId: 'frustrated', focus: [], customerAbusive: item.customer.insulting } };
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

  it('sees the engine refuse exactly the empty and the over-long replies, and grades all the rest', () => {
    const refused = corpus.map((item) => expectedRefusal(item.reply));
    // invisible characters are not whitespace to the engine: those replies are graded (as empty) instead
    expect(refused.filter((code) => code === 'reply_empty').length).toBeGreaterThan(0);
    expect(refused.filter((code) => code === 'reply_too_long').length).toBeGreaterThan(20);
    // nothing that is not a hostile length or blank gets refused
    corpus.forEach((item, index) => {
      if (refused[index] === null) return;
      expect(['empty_whitespace', 'long', 'null_control', 'emoji_flood'], item.id).toContain(item.family);
    });
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
      if (grade.composure.score < clean.composure.score) harsher.push(`${item.id}: ${clean.composure.score} → ${grade.composure.score} ${grade.composure.evidence.join(' | ')}`);
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

describe('the grade command over hostile lines', () => {
  it('answers every line in order, malformed ones with an error, and one bad line never stops the batch', async () => {
    const sample = corpus.filter((_item, index) => index % 4 === 0);
    const malformed = ['{not json', '[]', '{"id": 1}', '{"id": 2, "lang": "fr", "customer": "x", "reply": "y"}', '\u0000', '{"id": 3, "lang": "en", "customer": "x", "reply": "   "}', 'null', '"just a string"'];
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
    const code = await runGrade({ grader, personas, log: pino({ level: 'silent' }) }, input, out, err);
    const results = outChunks.join('').trim().split('\n').map((line) => JSON.parse(line) as { id?: unknown; grade?: unknown; error?: string });

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
