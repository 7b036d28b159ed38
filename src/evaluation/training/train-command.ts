import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UserFacingError } from '../../errors.js';
import { createGraderModel, DEFAULT_MODEL_FILE, type GraderModel } from '../model/grader-model.js';
import { encodeModel, type ModelFile } from '../model/model-file.js';
import { loadRubricSync } from '../rubric.js';
import { loadCorpus, type LabelledItem } from './corpus.js';
import {
  chooseActThresholds,
  chooseLevelOffsets,
  chooseComposureThresholds,
  composureTradeOff,
  chooseNeededThreshold,
  gradeFigures,
  gradeHeldOut,
  predictHeldOut,
  writerFolds,
  type GradeFigures,
  type HeldOutPrediction,
} from './cross-validation.js';
import { customerLineExamples, registerExamples, toExamples } from './examples.js';
import { quantise, trainWeights, type TrainingOptions } from './trainer.js';

/**
 * `npm run train-grader`: trains the grader model from `corpus/` and writes
 * `src/evaluation/model/grader-model.bin`. Cross-writer validation comes first: its held-out
 * predictions choose the decision thresholds and give the figures printed and stored in the file.
 * `--check` trains the same way and compares the bytes with the committed file instead of writing.
 */
const TRAINING: Omit<TrainingOptions, 'heads'> = {
  bucketBits: 17,
  epochs: 6,
  learningRate: 0.15,
  l2: 0.001,
  seed: 20261206,
};
const FOLDS = 3;
/**
 * Most composed held-out replies the composure rules may mark down, by the whole reply and single
 * sentences together. At 3 %, a calm trainee meets a false alarm about once in 33 replies; each
 * point lower costs about seven points of recall on held-out writers (the trade-off is printed).
 */
const MAX_FALSE_ALARMS = 0.03;
/** customer lines that insult nobody but are taken as a personal insult, at most (see chooseNeededThreshold) */
const MAX_FALSE_NEEDED = 0.02;
const DEFAULT_CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

interface TrainIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const TRAIN_USAGE = `usage: train-grader [--check] [--corpus DIR] [--out FILE] [--held-out FILE]
                    [--epochs N] [--lr X] [--l2 X] [--bits N]

Trains the offline grader's model from the labelled corpus and writes it (default:
src/evaluation/model/grader-model.bin), after cross-validating by writer.

  --check           train the same way and compare with the committed model instead of writing
  --corpus DIR      the corpus folder (default: corpus/)
  --out FILE        where to write the model
  --held-out FILE   also write every held-out item's gold labels and grade, for error analysis
  --epochs, --lr, --l2, --bits
                    experiments only: the committed model is always trained with the defaults
`;

const TRAIN_OPTIONS = {
  check: { type: 'boolean', default: false },
  corpus: { type: 'string' },
  out: { type: 'string' },
  'held-out': { type: 'string' },
  epochs: { type: 'string' },
  lr: { type: 'string' },
  l2: { type: 'string' },
  bits: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function runTrainGrader(args: readonly string[], io: TrainIo): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: TRAIN_OPTIONS, strict: true }));
  } catch (error) {
    // an unknown option must never start a training that overwrites the committed model
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${TRAIN_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(TRAIN_USAGE);
    return 0;
  }
  const check = values.check;
  // Experiments only: the committed model is always trained with TRAINING as written.
  const options = {
    ...TRAINING,
    ...numberFlag(values.epochs, '--epochs', 'epochs'),
    ...numberFlag(values.lr, '--lr', 'learningRate'),
    ...numberFlag(values.bits, '--bits', 'bucketBits'),
    ...numberFlag(values.l2, '--l2', 'l2'),
  };
  const corpusDir = values.corpus ?? DEFAULT_CORPUS;
  const out = values.out ?? DEFAULT_MODEL_FILE;
  const log = (line: string): void => void io.stdout.write(`${line}\n`);
  const started = performance.now();

  const corpus = loadCorpus(corpusDir);
  const { items } = corpus;
  log(`corpus: ${items.length} items from ${corpus.files.length} files (sha256 ${corpus.sha256.slice(0, 12)})`);
  const a = corpus.agreement;
  if (a.compared > 0) {
    log(
      `label agreement over ${a.compared} items with a second pass: composed ${pct(a.composed / a.compared)}, empathy level ${pct(a.empathyLevel / a.compared)}, boundary verdict ${pct(a.verdict / a.compared)}, acts ${pct(a.actsAgreed / Math.max(1, a.actsCompared))}`,
    );
  }
  const examples = toExamples(items, options.bucketBits);
  const register = registerExamples(corpus.register, items, options.bucketBits, TRAINING.seed);
  if (register.length > 0) log(`register texts: ${register.length} (composure only, always trained on)`);
  const lines = customerLineExamples(corpus.customerLines, items, options.bucketBits, TRAINING.seed);
  if (lines.length > 0) log(`customer lines: ${lines.length} ("boundary needed" only, always trained on)`);
  const rubricVersion = loadRubricSync().version;

  const folds = writerFolds(items, FOLDS);
  const heldOut: HeldOutPrediction[] = [];
  const foldFiles = folds.map((writers) => {
    const inFold = (entry: LabelledItem): boolean => writers.includes(entry.writer);
    const train = [...examples.filter((_example, index) => !inFold(items[index] as LabelledItem)), ...register, ...lines];
    const file = quantise(trainWeights(train, options), placeholderHeader(items.length, corpus.sha256));
    const test = items.filter(inFold);
    heldOut.push(...predictHeldOut(modelOf(file), test));
    log(`fold ${writers.join(', ')}: trained on ${train.length}, held out ${test.length}`);
    return { file, test };
  });

  const both = chooseComposureThresholds(heldOut, MAX_FALSE_ALARMS);
  // The false-alarm budget holds per language: one threshold for both let German replies run over it.
  const perLanguage: Record<string, number> = {};
  for (const lang of ['de', 'en'] as const) {
    const chosen = chooseComposureThresholds(
      heldOut.filter((p) => p.labelled.item.lang === lang),
      MAX_FALSE_ALARMS,
    );
    perLanguage[`notComposed:${lang}`] = chosen.reply;
    perLanguage[`notComposedSentence:${lang}`] = chosen.sentence;
  }
  const thresholds = {
    notComposed: both.reply,
    notComposedSentence: both.sentence,
    ...perLanguage,
    ...chooseActThresholds(heldOut),
    boundaryNeeded: chooseNeededThreshold(heldOut, MAX_FALSE_NEEDED),
    ...chooseLevelOffsets(heldOut),
  };
  for (const lang of ['de', 'en'] as const) {
    const tradeOff = composureTradeOff(
      heldOut.filter((p) => p.labelled.item.lang === lang),
      [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95],
    );
    log(
      `not composed (${lang}), held-out recall / false alarms by threshold: ${tradeOff.map((r) => `${r.threshold} ${r.recall.toFixed(2)}/${(100 * r.falseAlarms).toFixed(1)} %`).join(', ')}`,
    );
  }
  log(
    `thresholds: not composed de ${perLanguage['notComposed:de']} / en ${perLanguage['notComposed:en']}, one sentence de ${perLanguage['notComposedSentence:de']} / en ${perLanguage['notComposedSentence:en']}, personal insult ${thresholds.boundaryNeeded}`,
  );
  const graded = foldFiles.flatMap(({ file, test }) => gradeHeldOut(file, thresholds, test, rubricVersion));
  log(`not composed, held-out recall by category: ${recallByCategory(graded)}`);
  log(`boundary verdict, most frequent held-out errors (gold → graded): ${verdictErrors(graded)}`);
  // For error analysis: every held-out item with its gold labels and the grade a model that never saw its writer gave.
  const heldOutFile = values['held-out'];
  if (heldOutFile !== undefined) {
    writeFileSync(
      heldOutFile,
      graded
        .map(({ labelled, grade }) => JSON.stringify({ id: labelled.item.id, category: labelled.item.category, gold: labelled.item.labels, grade }))
        .join('\n') + '\n',
    );
    log(`wrote the held-out grades to ${heldOutFile}`);
  }
  const metrics: Record<string, number> = {
    'notComposedThreshold.de': perLanguage['notComposed:de'] ?? 0,
    'notComposedThreshold.en': perLanguage['notComposed:en'] ?? 0,
  };
  for (const lang of ['en', 'de'] as const) {
    const figures = gradeFigures(graded.filter((pair) => pair.labelled.item.lang === lang));
    log(`held-out writers, ${lang}: ${describe(figures)}`);
    log(`  empathy level, gold none/generic/specific × graded: ${figures.empathyConfusion.map((row) => row.join(' ')).join(' | ')}`);
    log(
      `  acts, precision/recall: ${Object.entries(figures.acts)
        .map(([act, m]) => `${act} ${m.precision.toFixed(2)}/${m.recall.toFixed(2)}`)
        .join(', ')}`,
    );
    for (const [key, value] of Object.entries(figures)) if (typeof value === 'number') metrics[`${lang}.${key}`] = round(value);
  }

  const final = quantise(trainWeights([...examples, ...register, ...lines], options), {
    thresholds,
    training: { seed: TRAINING.seed, epochs: TRAINING.epochs, items: items.length, corpusSha256: corpus.sha256, metrics },
  });
  const bytes = encodeModel(final);
  const digest = sha256(bytes);
  log(`model: ${(bytes.length / 1e6).toFixed(1)} MB, sha256 ${digest}, trained in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (check) {
    let committed: string;
    try {
      committed = sha256(readFileSync(out));
    } catch {
      io.stderr.write(`no committed model at ${out}\n`);
      return 1;
    }
    if (committed !== digest) {
      io.stderr.write(`training does not reproduce ${out} (committed sha256 ${committed}); run \`npm run train-grader\` and commit the result\n`);
      return 1;
    }
    log('training reproduces the committed model byte for byte');
    return 0;
  }
  writeFileSync(out, bytes);
  log(`wrote ${out}`);
  return 0;
}

function placeholderHeader(items: number, corpusSha256: string): Parameters<typeof quantise>[1] {
  return { thresholds: {}, training: { seed: TRAINING.seed, epochs: TRAINING.epochs, items, corpusSha256, metrics: {} } };
}

function modelOf(file: ModelFile): GraderModel {
  return createGraderModel(encodeModel(file), 'fold model');
}

function describe(f: GradeFigures): string {
  return `n=${f.items}; not composed: precision ${f.composurePrecision.toFixed(2)}, recall ${f.composureRecall.toFixed(2)}, false alarms ${(100 * f.composureFalseAlarms).toFixed(1)} % of composed, level of composed replies ${f.composedLevelAccuracy.toFixed(2)}; empathy level ${f.empathyLevelAccuracy.toFixed(2)}; boundary verdict ${f.verdictAccuracy.toFixed(2)} (personal insult: precision ${f.neededPrecision.toFixed(2)}, recall ${f.neededRecall.toFixed(2)}); acts macro-F1 ${f.actsMacroF1.toFixed(2)}`;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Recall of "not composed" per writer category, weakest first: where more data would help most. */
function recallByCategory(graded: readonly { labelled: LabelledItem; grade: { composure: { score: number } } }[]): string {
  const byCategory = new Map<string, { caught: number; count: number }>();
  for (const { labelled, grade } of graded) {
    if (labelled.labels.notComposed !== true) continue;
    const entry = byCategory.get(labelled.item.category) ?? { caught: 0, count: 0 };
    entry.count++;
    if (grade.composure.score <= 2) entry.caught++;
    byCategory.set(labelled.item.category, entry);
  }
  return [...byCategory.entries()]
    .filter(([, entry]) => entry.count >= 20)
    .sort((a, b) => a[1].caught / a[1].count - b[1].caught / b[1].count)
    .map(([category, entry]) => `${category} ${(entry.caught / entry.count).toFixed(2)} (${entry.count})`)
    .join(', ');
}

/** The five most frequent boundary verdict confusions on held-out items, with counts. */
function verdictErrors(graded: readonly { labelled: LabelledItem; grade: { boundary: { verdict: string } } }[]): string {
  const errors = new Map<string, number>();
  for (const { labelled, grade } of graded) {
    const gold = labelled.labels.verdict;
    if (gold === undefined || gold === grade.boundary.verdict) continue;
    const key = `${gold} → ${grade.boundary.verdict}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return [...errors.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

function pct(value: number): string {
  return `${(value * 100).toFixed(0)} %`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function numberFlag(raw: string | undefined, flag: string, key: keyof typeof TRAINING): Partial<typeof TRAINING> {
  if (raw === undefined) return {};
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new UserFacingError('bad_arguments', `${flag} needs a number, got "${raw}"`);
  return { [key]: value };
}
