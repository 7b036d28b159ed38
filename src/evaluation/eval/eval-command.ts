import { parseArgs } from 'node:util';
import { errorMessage } from '../../errors.js';
import type { Grader } from '../grader.js';
import { createOfflineGrader } from '../offline-grader.js';
import { formatEvalReport, runEval, type RunEvalOptions } from './run-eval.js';

const USAGE = `usage: eval [--limit N] [--concurrency N] [--lexicons-only] [--json] <file.jsonl>...

Grades every line of labelled JSONL files (id, lang, customer, reply, gold) and prints, per file,
positive-class F1, macro-F1 and accuracy, or for preference pairs the share where the preferred
reply ranks higher (ties count half), twice: by composure score alone, and by the whole grade
(composure score, then fewer composure findings, then empathy score). Corpus files (labels as in
corpus/LABEL-GUIDE.md) are measured on the whole rubric: composure, empathy level, boundary verdict
and dialogue acts. The grader never sees the gold labels.

  --limit N        grade at most N lines per file
  --concurrency N  grades in flight at once (default 1; raise it for a remote model)
  --lexicons-only  grade offline with the lexicons alone, without the trained model (for comparison)
  --json           print the report as JSON instead of a table
`;

/** Exit codes: 0 report printed, 1 a file could not be read or had no gradable line, 2 usage error. */
export async function runEvalCommand(
  args: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
  grader: Grader,
  signal?: AbortSignal,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        limit: { type: 'string' },
        concurrency: { type: 'string' },
        json: { type: 'boolean', default: false },
        'lexicons-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    io.stderr.write(`no input files\n\n${USAGE}`);
    return 2;
  }
  const options: RunEvalOptions = {};
  for (const name of ['limit', 'concurrency'] as const) {
    const raw = parsed.values[name];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      io.stderr.write(`--${name} must be a positive whole number, got "${raw}"\n`);
      return 2;
    }
    options[name] = value;
  }
  if (signal) options.signal = signal;

  const chosen = parsed.values['lexicons-only'] ? { ...createOfflineGrader({ model: null }), id: 'offline (lexicons only)' } : grader;
  const report = await runEval(parsed.positionals, chosen, options);
  io.stdout.write(parsed.values.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report));
  const unusable = report.files.filter((file) => file.kind === 'unknown');
  for (const file of unusable) io.stderr.write(`${file.file}: no gradable lines\n`);
  return unusable.length > 0 ? 1 : 0;
}
