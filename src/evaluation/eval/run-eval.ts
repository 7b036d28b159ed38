import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../errors.js';
import { LanguageSchema, TurnSchema, type Grade } from '../grade.js';
import { levelOfScore } from '../judgement.js';
import { ItemLabelsSchema } from '../training/corpus.js';
import type { Grader } from '../grader.js';
import {
  addOutcome,
  binaryMetrics,
  compareRankKeys,
  emptyConfusion,
  preferenceMetrics,
  type BinaryMetrics,
  type Confusion,
  type PreferenceCounts,
  type PreferenceMetrics,
} from './metrics.js';

/**
 * Measures a grader on labelled JSONL files (see /work/shared/eval/README.md for the format). Each
 * line is `{ id, lang, customer, reply, gold }`; the grader sees only `lang`, `customer` and `reply`.
 * The file kind follows from the gold fields:
 * - `boundary_needed` → does `grade.boundary.needed` fire (positive class: abuse at the agent);
 * - `composure_ok` → is an offensive reply graded `composure.score < 3` (positive class: offensive);
 * - `pair` + `preferred` → does the preferred reply of each pair rank higher? Two rankings are
 *   reported (see {@link rankKey}): by composure score alone, and by the whole grade.
 * - corpus items (`corpus/LABEL-GUIDE.md`: `labels` instead of `gold`, with `history`) → the whole
 *   rubric: composure (positive class: not composed), empathy level, boundary verdict, dialogue acts.
 */

const BoundaryGoldSchema = z.object({ boundary_needed: z.boolean() });
const ComposureGoldSchema = z.object({ composure_ok: z.boolean() });
const PreferenceGoldSchema = z.object({ pair: z.string().min(1), preferred: z.boolean() });

const RubricGoldSchema = z.object({ rubric: ItemLabelsSchema });

export const EvalLineSchema = z.object({
  id: z.string().min(1),
  lang: LanguageSchema,
  customer: z.string(),
  reply: z.string(),
  history: z.array(TurnSchema).default([]),
  // Extra gold fields (GermEval's fine-grained label) are dropped.
  gold: z.union([BoundaryGoldSchema, ComposureGoldSchema, PreferenceGoldSchema, RubricGoldSchema]),
});
type EvalLine = z.infer<typeof EvalLineSchema>;

/** A corpus item: its labels become the gold; situation, category and domain are never shown to the grader. */
const CorpusLineSchema = z
  .object({
    id: z.string().min(1),
    lang: LanguageSchema,
    customer: z.string(),
    reply: z.string(),
    history: z.array(TurnSchema).default([]),
    labels: ItemLabelsSchema,
  })
  .transform(({ labels, ...line }) => ({ ...line, gold: { rubric: labels } }));

type EvalKind = 'boundary' | 'composure' | 'preference' | 'rubric';

interface InvalidLine {
  /** 1-based line number in the file */
  line: number;
  reason: string;
}

interface FileReport {
  file: string;
  /** `unknown` when no valid line was found */
  kind: EvalKind | 'unknown';
  /** non-empty lines read */
  lines: number;
  /** lines that failed validation or did not fit the file's kind */
  invalid: number;
  /** the first few invalid lines, for the report */
  invalidSamples: InvalidLine[];
  /** lines the grader rejected (thrown error); they are left out of the figures */
  gradeErrors: number;
  gradeErrorSamples: string[];
  /** boundary and composure files */
  binary?: BinaryMetrics;
  confusion?: Confusion;
  /** rubric files: the share of right empathy levels, boundary verdicts, and the acts' macro-F1 */
  rubric?: RubricMetrics;
  /** preference files, ranked by composure score alone */
  preference?: PreferenceMetrics;
  /** preference files, ranked by the whole grade (see {@link rankKey}) */
  preferenceByGrade?: PreferenceMetrics;
  /** preference items whose partner is missing or invalid */
  unpaired?: number;
  /**
   * preference pairs tied on composure with no composure finding in either reply: the grader saw
   * nothing to tell them apart (as opposed to the same fault in both)
   */
  silentTies?: number;
  elapsedMs: number;
}

interface RubricMetrics {
  empathyLevelAccuracy: number;
  /** gold level (rows) × graded level (columns), in the order none, generic, specific */
  empathyLevelConfusion: number[][];
  verdictAccuracy: number;
  boundaryNeededAccuracy: number;
  actsMacroF1: number;
}

interface EvalReport {
  grader: string;
  files: FileReport[];
}

export interface RunEvalOptions {
  /** at most this many valid lines per file (for a quick run against a paid model) */
  limit?: number;
  /** how many grades are in flight at once; default 1 */
  concurrency?: number;
  signal?: AbortSignal;
  /** read a file; default `fs.readFile` as UTF-8 (tests inject their own) */
  readText?: (file: string) => Promise<string>;
}

const MAX_SAMPLES = 5;

export async function runEval(files: readonly string[], grader: Grader, options: RunEvalOptions = {}): Promise<EvalReport> {
  const reports: FileReport[] = [];
  for (const file of files) {
    options.signal?.throwIfAborted();
    reports.push(await evaluateFile(file, grader, options));
  }
  return { grader: grader.id, files: reports };
}

function kindOf(gold: EvalLine['gold']): EvalKind {
  if ('rubric' in gold) return 'rubric';
  if ('boundary_needed' in gold) return 'boundary';
  if ('composure_ok' in gold) return 'composure';
  return 'preference';
}

function parseLines(text: string): { lines: number; valid: { line: number; item: EvalLine }[]; invalid: InvalidLine[] } {
  const valid: { line: number; item: EvalLine }[] = [];
  const invalid: InvalidLine[] = [];
  let lines = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    lines += 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      invalid.push({ line: index + 1, reason: `not JSON: ${errorMessage(error)}` });
      return;
    }
    const parsed = EvalLineSchema.safeParse(json);
    const corpus = parsed.success ? undefined : CorpusLineSchema.safeParse(json);
    if (parsed.success) valid.push({ line: index + 1, item: parsed.data });
    else if (corpus?.success) valid.push({ line: index + 1, item: corpus.data });
    else invalid.push({ line: index + 1, reason: z.prettifyError(parsed.error).replace(/\s+/g, ' ') });
  });
  return { lines, valid, invalid };
}

async function evaluateFile(file: string, grader: Grader, options: RunEvalOptions): Promise<FileReport> {
  const started = performance.now();
  const readText = options.readText ?? ((path: string) => readFile(path, 'utf8'));
  const report: FileReport = {
    file,
    kind: 'unknown',
    lines: 0,
    invalid: 0,
    invalidSamples: [],
    gradeErrors: 0,
    gradeErrorSamples: [],
    elapsedMs: 0,
  };
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    report.invalidSamples.push({ line: 0, reason: `cannot read file: ${errorMessage(error)}` });
    report.elapsedMs = performance.now() - started;
    return report;
  }
  const { lines, valid, invalid } = parseLines(text);
  report.lines = lines;
  const first = valid[0];
  const kind = first ? kindOf(first.item.gold) : 'unknown';
  report.kind = kind;
  const items: EvalLine[] = [];
  for (const { line, item } of valid) {
    if (kindOf(item.gold) === kind) items.push(item);
    else invalid.push({ line, reason: `gold fields of a ${kindOf(item.gold)} line in a ${kind} file` });
  }
  report.invalid = invalid.length;
  report.invalidSamples = invalid.sort((a, b) => a.line - b.line).slice(0, MAX_SAMPLES);
  const selected = options.limit === undefined ? items : items.slice(0, Math.max(0, options.limit));

  const grades = await gradeAll(selected, grader, options, (item, error) => {
    report.gradeErrors += 1;
    if (report.gradeErrorSamples.length < MAX_SAMPLES) report.gradeErrorSamples.push(`${item.id}: ${errorMessage(error)}`);
  });

  if (kind === 'boundary' || kind === 'composure' || kind === 'rubric') {
    const confusion = emptyConfusion();
    selected.forEach((item, index) => {
      const grade = grades[index];
      if (!grade) return;
      if ('rubric' in item.gold) {
        addOutcome(confusion, item.gold.rubric.composure.score <= 2, grade.composure.score < 3);
      } else if (kind === 'boundary' && 'boundary_needed' in item.gold) {
        addOutcome(confusion, item.gold.boundary_needed, grade.boundary.needed);
      } else if ('composure_ok' in item.gold) {
        // Positive class: the offensive reply.
        addOutcome(confusion, !item.gold.composure_ok, grade.composure.score < 3);
      }
    });
    report.confusion = confusion;
    report.binary = binaryMetrics(confusion);
    if (kind === 'rubric') report.rubric = rubricMetrics(selected, grades);
  } else if (kind === 'preference') {
    const { byComposure, byGrade, unpaired, silentTies } = comparePairs(selected, grades);
    report.preference = preferenceMetrics(byComposure);
    report.preferenceByGrade = preferenceMetrics(byGrade);
    report.unpaired = unpaired;
    report.silentTies = silentTies;
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

async function gradeAll(
  items: readonly EvalLine[],
  grader: Grader,
  options: RunEvalOptions,
  onError: (item: EvalLine, error: unknown) => void,
): Promise<(Grade | undefined)[]> {
  const grades: (Grade | undefined)[] = new Array<Grade | undefined>(items.length);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      options.signal?.throwIfAborted();
      const index = next;
      next += 1;
      const item = items[index];
      if (!item) continue;
      try {
        // Only what a live grade would see: never `gold` or `id`.
        grades[index] = await grader.grade(
          { lang: item.lang, customer: item.customer, reply: item.reply, history: item.history },
          options.signal ? { signal: options.signal } : undefined,
        );
      } catch (error) {
        if (options.signal?.aborted) throw error;
        onError(item, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, items.length)) }, () => worker()));
  return grades;
}

const LEVELS = ['none', 'generic', 'specific'] as const;

function rubricMetrics(items: readonly EvalLine[], grades: readonly (Grade | undefined)[]): RubricMetrics {
  const levels = LEVELS.map(() => LEVELS.map(() => 0));
  let graded = 0;
  let verdicts = 0;
  let needed = 0;
  const acts = new Map<string, Confusion>();
  items.forEach((item, index) => {
    const grade = grades[index];
    if (!grade || !('rubric' in item.gold)) return;
    const gold = item.gold.rubric;
    graded++;
    const row = levels[LEVELS.indexOf(gold.empathy.level)];
    const column = LEVELS.indexOf(levelOfScore(grade.empathy.score));
    if (row) row[column] = (row[column] ?? 0) + 1;
    if (grade.boundary.verdict === gold.boundary.verdict) verdicts++;
    if (grade.boundary.needed === gold.boundary.needed) needed++;
    const found = new Set(grade.signals.acts ?? []);
    for (const act of new Set([...gold.acts, ...found])) {
      const confusion = acts.get(act) ?? emptyConfusion();
      addOutcome(confusion, gold.acts.includes(act), found.has(act));
      acts.set(act, confusion);
    }
  });
  const right = levels.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
  const f1s = [...acts.values()].map((c) => binaryMetrics(c).positiveF1);
  return {
    empathyLevelAccuracy: right / Math.max(1, graded),
    empathyLevelConfusion: levels,
    verdictAccuracy: verdicts / Math.max(1, graded),
    boundaryNeededAccuracy: needed / Math.max(1, graded),
    actsMacroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length),
  };
}

type PreferenceRanking = 'composure' | 'grade';

/**
 * The key a preference pair is ranked by, compared position by position, higher is better.
 * - `composure`: the composure score alone. It is an integer 1–5, so many pairs tie.
 * - `grade`: the whole grade in a fixed, documented order: the composure score; on a tie, the
 *   severity of the composure findings, as the number of quoted findings (fewer problems rank
 *   higher; the grader quotes only findings that explain the score, so this counts the slips at or
 *   near that level); then the empathy score.
 */
function rankKey(grade: Grade, ranking: PreferenceRanking): number[] {
  if (ranking === 'composure') return [grade.composure.score];
  return [grade.composure.score, -grade.composure.evidence.length, grade.empathy.score];
}

function emptyCounts(): PreferenceCounts {
  return { preferredHigher: 0, ties: 0, preferredLower: 0 };
}

function addPairOutcome(counts: PreferenceCounts, preferred: Grade, rejected: Grade, ranking: PreferenceRanking): void {
  const outcome = compareRankKeys(rankKey(preferred, ranking), rankKey(rejected, ranking));
  if (outcome === 'preferred-higher') counts.preferredHigher += 1;
  else if (outcome === 'tie') counts.ties += 1;
  else counts.preferredLower += 1;
}

function comparePairs(
  items: readonly EvalLine[],
  grades: readonly (Grade | undefined)[],
): { byComposure: PreferenceCounts; byGrade: PreferenceCounts; unpaired: number; silentTies: number } {
  const pairs = new Map<string, { preferred?: Grade; rejected?: Grade }>();
  let unpaired = 0;
  items.forEach((item, index) => {
    const grade = grades[index];
    if (!('pair' in item.gold) || !grade) {
      unpaired += 1;
      return;
    }
    const entry = pairs.get(item.gold.pair) ?? {};
    const side = item.gold.preferred ? 'preferred' : 'rejected';
    // A second item for the same side of a pair cannot be compared; count it as unpaired.
    if (entry[side] !== undefined) unpaired += 1;
    else entry[side] = grade;
    pairs.set(item.gold.pair, entry);
  });
  const byComposure = emptyCounts();
  const byGrade = emptyCounts();
  let silentTies = 0;
  for (const entry of pairs.values()) {
    if (entry.preferred === undefined || entry.rejected === undefined) {
      unpaired += 1;
      continue;
    }
    addPairOutcome(byComposure, entry.preferred, entry.rejected, 'composure');
    addPairOutcome(byGrade, entry.preferred, entry.rejected, 'grade');
    const { composure: preferred } = entry.preferred;
    const { composure: rejected } = entry.rejected;
    if (preferred.score === rejected.score && preferred.evidence.length === 0 && rejected.evidence.length === 0) silentTies += 1;
  }
  return { byComposure, byGrade, unpaired, silentTies };
}

function formatRatio(value: number): string {
  return value.toFixed(3);
}

/** A plain-text table of the report, one block per file, for the terminal. */
export function formatEvalReport(report: EvalReport): string {
  const out: string[] = [`grader: ${report.grader}`];
  for (const file of report.files) {
    out.push('', `${basename(file.file)} (${file.kind})`);
    const skipped = file.invalid > 0 ? `, ${file.invalid} invalid line(s) skipped` : '';
    const failed = file.gradeErrors > 0 ? `, ${file.gradeErrors} grade error(s)` : '';
    if ((file.binary && file.binary.n === 0) || (file.preference && file.preference.pairs === 0)) {
      out.push(`  no graded lines (${file.lines} line(s) read${skipped}${failed})`);
    } else if (file.binary && file.confusion) {
      const positive = file.kind === 'boundary' ? 'abuse at the agent' : file.kind === 'rubric' ? 'not composed (composure 1-2)' : 'offensive reply';
      const m = file.binary;
      const c = file.confusion;
      out.push(
        `  n=${m.n}${skipped}${failed}`,
        `  positive class: ${positive}`,
        `  positive-class F1 ${formatRatio(m.positiveF1)}  macro-F1 ${formatRatio(m.macroF1)}  accuracy ${formatRatio(m.accuracy)}`,
        `  precision ${formatRatio(m.precision)}  recall ${formatRatio(m.recall)}  (tp ${c.truePositive}, fp ${c.falsePositive}, tn ${c.trueNegative}, fn ${c.falseNegative})`,
      );
      const r = file.rubric;
      if (r) {
        out.push(
          `  empathy level accuracy ${formatRatio(r.empathyLevelAccuracy)}  (rows gold none/generic/specific, columns graded: ${r.empathyLevelConfusion.map((row) => row.join(' ')).join(' | ')})`,
          `  boundary verdict accuracy ${formatRatio(r.verdictAccuracy)}  (boundary needed ${formatRatio(r.boundaryNeededAccuracy)})`,
          `  dialogue acts macro-F1 ${formatRatio(r.actsMacroF1)}`,
        );
      }
    } else if (file.preference) {
      const p = file.preference;
      const unpaired = file.unpaired ? `, ${file.unpaired} unpaired item(s)` : '';
      out.push(
        `  pairs=${p.pairs}${skipped}${failed}${unpaired}`,
        `  preferred reply scores higher on composure: ${formatRatio(p.share)} (ties count half)`,
        `  higher ${p.preferredHigher}, tie ${p.ties}, lower ${p.preferredLower}`,
      );
      if (file.silentTies !== undefined) out.push(`  of the ties, ${file.silentTies} with no composure finding in either reply`);
      const g = file.preferenceByGrade;
      if (g) {
        out.push(
          `  preferred reply ranks higher on the whole grade: ${formatRatio(g.share)} (ties count half)`,
          '    order: composure score, then fewer composure findings, then empathy score',
          `  higher ${g.preferredHigher}, tie ${g.ties}, lower ${g.preferredLower}`,
        );
      }
    } else {
      out.push(`  no gradable lines (${file.lines} line(s) read${skipped})`);
    }
    for (const sample of file.invalidSamples) out.push(`  line ${sample.line}: ${sample.reason.slice(0, 160)}`);
    for (const sample of file.gradeErrorSamples) out.push(`  grade error ${sample.slice(0, 160)}`);
  }
  return `${out.join('\n')}\n`;
}
