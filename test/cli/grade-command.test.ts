import { PassThrough, Readable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { runGrade } from '../../src/cli/grade-command.js';
import { GradeSchema } from '../../src/evaluation/grade.js';
import { createOfflineGrader } from '../../src/evaluation/offline-grader.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';

const personas = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

async function grade(lines: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: string[] = [];
  const errors: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  err.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const code = await runGrade(
    { grader: createOfflineGrader(), personas, log: pino({ level: 'silent' }) },
    Readable.from(lines.map((line) => `${line}\n`)),
    out,
    err,
  );
  const outputs = chunks
    .join('')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, outputs, stderr: errors.join('') };
}

describe('grade command', () => {
  it('writes one grade per input line, in order, with the id', async () => {
    const { code, outputs } = await grade([
      JSON.stringify({ id: 'a', lang: 'en', customer: 'My card was blocked abroad!', reply: 'That must have been stressful. I will unblock it right now.' }),
      JSON.stringify({ id: 2, lang: 'de', customer: 'Sie sind doch unfähig!', reply: 'Halten Sie doch die Klappe, Sie Idiot.' }),
    ]);
    expect(code).toBe(0);
    expect(outputs.map((output) => output['id'])).toEqual(['a', 2]);
    const [calm, hostile] = outputs.map((output) => GradeSchema.parse(output['grade']));
    expect(calm?.composure.score).toBeGreaterThanOrEqual(3);
    expect(hostile?.composure.score).toBeLessThanOrEqual(2);
    expect(hostile?.boundary.needed).toBe(true);
  });

  it('a bad line gets an error naming the problem and never stops the batch', async () => {
    const { code, outputs, stderr } = await grade([
      '{not json',
      JSON.stringify({ id: 'empty', lang: 'en', customer: 'Hi', reply: '   ' }),
      JSON.stringify({ id: 'lang', lang: 'fr', customer: 'Hi', reply: 'Bonjour' }),
      JSON.stringify({ id: 'persona', lang: 'en', customer: 'Hi', reply: 'Hello', persona: 'nobody' }),
      JSON.stringify({ id: 'ok', lang: 'en', customer: 'Hi', reply: 'Hello, how can I help?', persona: 'grieving' }),
    ]);
    expect(code).toBe(1);
    expect(outputs).toHaveLength(5);
    expect(outputs[0]).toMatchObject({ id: null, line: 1, error: 'not valid JSON' });
    expect(outputs[1]).toMatchObject({ id: 'empty', error: 'reply is empty' });
    expect(String(outputs[2]?.['error'])).toMatch(/lang/);
    expect(String(outputs[3]?.['error'])).toMatch(/unknown persona "nobody".*frustrated/);
    expect(outputs[4]?.['grade']).toBeDefined();
    expect(stderr).toMatch(/line 1: not valid JSON/);
  });

  it('ignores gold labels in eval files', async () => {
    const { outputs } = await grade([JSON.stringify({ id: 'x', lang: 'en', customer: 'Hi', reply: 'Hello', gold: { composure_ok: false } })]);
    expect(outputs[0]?.['grade']).toBeDefined();
  });
});
