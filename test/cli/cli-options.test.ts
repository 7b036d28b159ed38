import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedStream } from '../support/captured-stream.js';
import { main } from '../../src/cli/main.js';

describe('command-line options', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-cli-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    const stdout = capturedStream();
    const stderr = capturedStream();
    const env = { STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`, LOG_LEVEL: 'silent' };
    const code = await main(args, { stdin: new PassThrough(), stdout: stdout.stream, stderr: stderr.stream, env });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  it.each([['practice'], ['report'], ['export'], ['grade'], ['deploy-commands']])('`%s --help` prints the usage instead of running', async (command) => {
    const result = await run([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: counterpart <command>');
    expect(result.stderr).toBe('');
  });

  it('an unknown or incomplete option names the option and shows the usage, with no "something went wrong"', async () => {
    const unknown = await run(['practice', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect(unknown.stderr).toContain('Usage: counterpart <command>');
    expect(unknown.stderr).not.toMatch(/went wrong/i);

    const missing = await run(['report', '--format']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--format.*argument missing/);
    expect(missing.stderr).not.toMatch(/went wrong/i);
  });

  it('train-grader never trains on --help or an unknown option, so the committed model cannot be overwritten by a typo', async () => {
    const out = join(dir, 'model.bin');
    const help = await run(['train-grader', '--help', '--out', out]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: train-grader');
    const typo = await run(['train-grader', '--chek', '--out', out]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--chek'");
    await expect(stat(out)).rejects.toThrow();
  });
});
