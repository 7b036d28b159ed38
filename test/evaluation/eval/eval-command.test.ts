import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEvalCommand } from '../../../src/evaluation/eval/eval-command.js';
import { fakeGrader, jsonl, writeTempFiles } from './eval-fakes.js';

function capture(): { io: { stdout: PassThrough; stderr: PassThrough }; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (chunk: Buffer) => (chunks.out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (chunks.err += chunk.toString()));
  return { io: { stdout, stderr }, out: () => chunks.out, err: () => chunks.err };
}

const files = writeTempFiles({
  'composure.jsonl': jsonl(
    { id: 'a', lang: 'en', customer: 'c', reply: 'rude', gold: { composure_ok: false } },
    { id: 'b', lang: 'en', customer: 'c', reply: 'fine', gold: { composure_ok: true } },
  ),
});

describe('runEvalCommand', () => {
  it('prints the table and exits 0', async () => {
    const { io, out } = capture();
    expect(await runEvalCommand([files['composure.jsonl']!], io, fakeGrader())).toBe(0);
    expect(out()).toContain('positive-class F1 1.000  macro-F1 1.000  accuracy 1.000');
  });

  it('prints JSON with --json', async () => {
    const { io, out } = capture();
    expect(await runEvalCommand(['--json', files['composure.jsonl']!], io, fakeGrader())).toBe(0);
    const report = JSON.parse(out()) as { grader: string; files: { binary: { n: number } }[] };
    expect(report.grader).toBe('fake');
    expect(report.files[0]?.binary.n).toBe(2);
  });

  it('exits 2 with usage on no files, an unknown option or a bad number', async () => {
    for (const args of [[], ['--bogus', 'x.jsonl'], ['--limit', 'zero', 'x.jsonl'], ['--concurrency', '0', 'x.jsonl']]) {
      const { io, err } = capture();
      expect(await runEvalCommand(args, io, fakeGrader())).toBe(2);
      expect(err()).not.toBe('');
    }
  });

  it('prints usage and exits 0 with --help', async () => {
    const { io, out } = capture();
    expect(await runEvalCommand(['--help'], io, fakeGrader())).toBe(0);
    expect(out()).toContain('usage: eval');
  });

  it('exits 1 and names the file when a file has no gradable lines', async () => {
    const { io, err } = capture();
    expect(await runEvalCommand(['/nonexistent.jsonl'], io, fakeGrader())).toBe(1);
    expect(err()).toContain('/nonexistent.jsonl: no gradable lines');
  });

  it('passes --limit to the run', async () => {
    const { io } = capture();
    const grader = fakeGrader();
    await runEvalCommand(['--limit', '1', files['composure.jsonl']!], io, grader);
    expect(grader.inputs).toHaveLength(1);
  });
});
