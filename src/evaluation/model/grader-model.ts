/* eslint-disable @typescript-eslint/no-non-null-assertion -- the forward pass indexes typed arrays
   and the output layout within bounds set when the model is loaded (rowStride, layoutOf); a `?? 0`
   in these loops would turn a layout bug into silently wrong grades instead of a crash */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../errors.js';
import type { Language } from '../grade.js';
import { FEATURE_VERSION, FeatureExtractor, type FeatureInput, type SparseFeatures } from './features.js';
import {
  featureRoutes,
  COMPOSURE_FAILURES,
  DIALOGUE_ACTS,
  EMPATHY_LEVELS,
  HEADS,
  headsSignature,
  layoutOf,
  type ComposureFailure,
  type DialogueAct,
  type EmpathyLevel,
} from './heads.js';
import { decodeModel, type ModelHeader } from './model-file.js';

/**
 * The trained part of the offline grader: a multi-output linear model over hashed features
 * (`features.ts`), trained by `npm run train-grader` from the labelled corpus in `corpus/` and
 * shipped as `grader-model.bin`. Pure TypeScript, no native code; one prediction is a few thousand
 * multiply-adds per output.
 */
export const DEFAULT_MODEL_FILE = fileURLToPath(new URL('grader-model.bin', import.meta.url));

/** Probabilities per head, and the decisions at the thresholds chosen in training. */
export interface ModelPrediction {
  /** P(composure 1–2) */
  notComposed: number;
  /** P(score = 1…5), index 0 is score 1 */
  composureScore: readonly number[];
  /** the most likely failure when not composed, and its probability */
  failure: ComposureFailure;
  failureProbability: number;
  empathyLevel: EmpathyLevel;
  empathyLevelProbabilities: readonly number[];
  emotionalReaction: 0 | 1 | 2;
  interpretation: 0 | 1 | 2;
  exploration: 0 | 1 | 2;
  /**
   * P(composure 1–2) of each sentence read on its own (its words and characters, with the reply's
   * shape and lexicon findings); empty for a reply of one sentence
   */
  sentenceNotComposed: readonly number[];
  /** P(act) of each sentence read on its own, per act; empty for a reply of one sentence */
  sentenceActs: ReadonlyArray<Readonly<Record<DialogueAct, number>>>;
  /** P(act) per dialogue act */
  actProbabilities: Readonly<Record<DialogueAct, number>>;
  /** P(the customer's last line insults the trainee personally), read from the context alone */
  boundaryNeeded: number;
  /** the acts at or above their thresholds */
  acts: ReadonlySet<DialogueAct>;
}

export interface GraderModel {
  readonly header: ModelHeader;
  /** the threshold above which `notComposed` counts as not composed, per session language */
  notComposedThreshold(lang: Language): number;
  /** the threshold above which one sentence read on its own makes the reply not composed */
  sentenceThreshold(lang: Language): number;
  predict(input: FeatureInput): ModelPrediction;
  /** P(not composed) of a text on its own (one sentence of a reply), for quoting the worst part */
  notComposedOf(input: FeatureInput): number;
  /** the probability at which `act` counts as performed */
  actThreshold(act: DialogueAct): number;
  /** the threshold above which `boundaryNeeded` counts as a personal insult (above 1: never) */
  readonly neededThreshold: number;
}

export function loadGraderModel(file: string = DEFAULT_MODEL_FILE): GraderModel {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new AppError('grader_model_missing', `the grader model ${file} cannot be read; run \`npm run train-grader\``, { cause: error });
  }
  return createGraderModel(bytes, file);
}

export function createGraderModel(bytes: Uint8Array, source: string): GraderModel {
  const { header, weights: packed } = decodeModel(bytes, source);
  if (header.featureVersion !== FEATURE_VERSION || header.heads !== headsSignature(HEADS)) {
    throw new AppError('grader_model_outdated', `the grader model ${source} was built for other features or heads; run \`npm run train-grader\``);
  }
  const layout = layoutOf(HEADS);
  if (header.width !== layout.width)
    throw new AppError('grader_model_outdated', `the grader model ${source} has ${header.width} outputs, expected ${layout.width}`);
  const weights = cacheAligned(packed, header.width);
  const stride = rowStride(header.width);
  const outputs = header.width;
  const scales = Float64Array.from(header.scales);
  const bias = Float64Array.from(header.bias);
  const extractor = new FeatureExtractor(header.bucketBits);
  const sums = new Float64Array(outputs);
  const routes = featureRoutes(HEADS);
  const [, replyTo] = routes.reply;
  const [contextFrom, customerTo] = routes.customer;
  const [, contextTo] = routes.context;
  const offset = (name: string): number => layout.offsets.get(name) ?? 0;
  const notComposedAt = offset('notComposed');
  const neededAt = offset('boundaryNeeded');
  const neededThreshold = header.thresholds['boundaryNeeded'] ?? 1.01;
  // Chosen per language in training, so a calm trainee meets the same false-alarm budget in either
  // language; a model file from before that carries one threshold for both.
  const byLanguage = (name: string, fallback: number): Record<Language, number> => ({
    de: header.thresholds[`${name}:de`] ?? header.thresholds[name] ?? fallback,
    en: header.thresholds[`${name}:en`] ?? header.thresholds[name] ?? fallback,
  });
  const notComposedThresholds = byLanguage('notComposed', 0.5);
  const sentenceThresholds = byLanguage('notComposedSentence', 1.01);
  const actThresholds = DIALOGUE_ACTS.map((act) => header.thresholds[`act:${act}`] ?? 0.5);
  // log-odds added per empathy level before the argmax, chosen in training so no level is starved
  const levelOffsets = EMPATHY_LEVELS.map((level) => header.thresholds[`level:${level}`] ?? 0);

  // Each sentence's own sums of the reply outputs, words at [2s], characters at [2s + 1], each as the
  // plain sum of its weights (value 1): `forward` reads them on its way, `sentenceLogits` uses them.
  let bySentence = new Float64Array(0);

  /** Raw outputs (logits) of every head into `sums`, and each sentence's own sums into `bySentence`. */
  const forward = (features: SparseFeatures): void => {
    sums.fill(0);
    const { indices, values, length, contextStart, customerEnd, sentenceRanges, sentenceCount } = features;
    if (bySentence.length < sentenceCount * 2 * outputs) bySentence = new Float64Array(sentenceCount * 2 * outputs);
    // The reply's features in order, each sentence's words and characters as a segment of its own:
    // the weights are read once for the whole reply and for each sentence alone.
    let next = 0;
    for (const slot of [0, 2]) {
      for (let s = 0; s < sentenceCount; s++) {
        const from = sentenceRanges[s * 4 + slot]!;
        const to = sentenceRanges[s * 4 + slot + 1]!;
        accumulate(weights, stride, indices, values, next, from, 0, replyTo, sums, 0, 0);
        const own = bySentence.subarray((s * 2 + slot / 2) * outputs, (s * 2 + slot / 2 + 1) * outputs);
        own.fill(0);
        if (to > from) {
          // one block shares one value (features.ts scales a block to unit length)
          accumulate(weights, stride, indices, values, from, to, 0, replyTo, own, 0, 1);
          const value = values[from]!;
          for (let k = 0; k < replyTo; k++) sums[k] = sums[k]! + value * own[k]!;
        }
        next = Math.max(next, to);
      }
    }
    accumulate(weights, stride, indices, values, next, contextStart, 0, replyTo, sums, 0, 0);
    // Context features reach only the heads that learned from them (featureRoutes): a hashed context
    // feature can share its row with a reply feature, and must not move composure or the acts
    // through it; only the customer's line itself reaches the heads that judge the customer alone.
    accumulate(weights, stride, indices, values, contextStart, customerEnd, contextFrom, customerTo, sums, contextFrom, 0);
    accumulate(weights, stride, indices, values, customerEnd, length, contextFrom, contextTo, sums, contextFrom, 0);
    for (let k = 0; k < outputs; k++) sums[k] = sums[k]! * scales[k]! + bias[k]!;
  };
  const failureAt = offset('failure');
  const levelAt = offset('empathyLevel');
  const composureScoreAt = offset('composureScore');
  const emotionalReactionAt = offset('emotionalReaction');
  const interpretationAt = offset('interpretation');
  const explorationAt = offset('exploration');

  // The outputs read sentence by sentence: composure and the acts (for quoting the sentence that did
  // it). The act heads are one block of the layout.
  const actsAt = offset(`act:${DIALOGUE_ACTS[0]}`);
  const sentenceColumns = [notComposedAt, ...DIALOGUE_ACTS.map((_act, index) => actsAt + index)];
  if (sentenceColumns.some((k, index) => index > 0 && k !== actsAt + index - 1)) throw new AppError('grader_model_outdated', 'act heads are not contiguous');

  /**
   * The logits of `sentenceColumns` for each sentence read on its own: its words and characters,
   * renormalised, with the reply's shape and lexicon features. `forward` has just summed each
   * sentence's weights, so this reads only the few shared features again.
   */
  const sentenceLogits = (features: SparseFeatures): number[][] => {
    if (features.sentenceCount < 2) return [];
    const { indices, values, sentenceRanges } = features;
    const shared = new Float64Array(outputs);
    accumulate(weights, stride, indices, values, 0, 1, 0, replyTo, shared, 0, 0);
    accumulate(weights, stride, indices, values, features.sharedFrom, features.contextStart, 0, replyTo, shared, 0, 0);
    const logits: number[][] = [];
    for (let s = 0; s < features.sentenceCount; s++) {
      const words = sentenceRanges[s * 4 + 1]! - sentenceRanges[s * 4]!;
      const chars = sentenceRanges[s * 4 + 3]! - sentenceRanges[s * 4 + 2]!;
      const wordScale = words > 0 ? 1 / Math.sqrt(words) : 0;
      const charScale = chars > 0 ? 1 / Math.sqrt(chars) : 0;
      const own = s * 2 * outputs;
      logits.push(
        sentenceColumns.map((k) => (shared[k]! + bySentence[own + k]! * wordScale + bySentence[own + outputs + k]! * charScale) * scales[k]! + bias[k]!),
      );
    }
    return logits;
  };

  return {
    header,
    notComposedThreshold: (lang) => notComposedThresholds[lang],
    sentenceThreshold: (lang) => sentenceThresholds[lang],
    neededThreshold,
    predict(input) {
      const features = extractor.extract(input);
      forward(features);
      const bySentence = sentenceLogits(features);
      const failure = softmax(sums, failureAt, COMPOSURE_FAILURES.length);
      const level = softmax(sums, levelAt, EMPATHY_LEVELS.length);
      const failureIndex = argmax(failure);
      const actProbabilities = {} as Record<DialogueAct, number>;
      const acts = new Set<DialogueAct>();
      for (let index = 0; index < DIALOGUE_ACTS.length; index++) {
        const act = DIALOGUE_ACTS[index]!;
        const p = sigmoid(sums[actsAt + index]!);
        actProbabilities[act] = p;
        if (p >= actThresholds[index]!) acts.add(act);
      }
      let levelIndex = 0;
      for (let index = 1; index < level.length; index++) {
        if (Math.log(level[index]!) + levelOffsets[index]! > Math.log(level[levelIndex]!) + levelOffsets[levelIndex]!) levelIndex = index;
      }
      return {
        notComposed: sigmoid(sums[notComposedAt]!),
        composureScore: softmax(sums, composureScoreAt, 5),
        failure: COMPOSURE_FAILURES[failureIndex] ?? 'other',
        failureProbability: failure[failureIndex] ?? 0,
        empathyLevel: EMPATHY_LEVELS[levelIndex] ?? 'none',
        empathyLevelProbabilities: level,
        emotionalReaction: subScore(softmax(sums, emotionalReactionAt, 3)),
        interpretation: subScore(softmax(sums, interpretationAt, 3)),
        exploration: subScore(softmax(sums, explorationAt, 3)),
        sentenceNotComposed: bySentence.map((logits) => sigmoid(logits[0]!)),
        sentenceActs: bySentence.map((logits) => {
          const byAct = {} as Record<DialogueAct, number>;
          for (let index = 0; index < DIALOGUE_ACTS.length; index++) byAct[DIALOGUE_ACTS[index]!] = sigmoid(logits[index + 1]!);
          return byAct;
        }),
        actProbabilities,
        acts,
        boundaryNeeded: sigmoid(sums[neededAt]!),
      };
    },
    actThreshold(act) {
      return actThresholds[DIALOGUE_ACTS.indexOf(act)] ?? 0.5;
    },
    notComposedOf(input) {
      forward(extractor.extract(input));
      return sigmoid(sums[notComposedAt] ?? 0);
    },
  };
}

/**
 * The distance between two buckets' rows of weights in memory: at least seven bytes of padding (so
 * {@link accumulate} can read eight outputs from any column), rounded up to whole 64-byte cache
 * lines (a prediction touches a thousand random rows, and a row across two lines costs two misses).
 */
function rowStride(outputs: number): number {
  return Math.ceil((outputs + 7) / 64) * 64;
}

function cacheAligned(packed: Int8Array, outputs: number): Int8Array {
  const stride = rowStride(outputs);
  const rows = packed.length / outputs;
  const aligned = new Int8Array(rows * stride);
  for (let row = 0; row < rows; row++) aligned.set(packed.subarray(row * outputs, (row + 1) * outputs), row * stride);
  return aligned;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function softmax(values: ArrayLike<number>, start: number, size: number): number[] {
  let max = -Infinity;
  for (let i = 0; i < size; i++) max = Math.max(max, values[start + i] ?? 0);
  const out = new Array<number>(size);
  let total = 0;
  for (let i = 0; i < size; i++) {
    const e = Math.exp((values[start + i] ?? 0) - max);
    out[i] = e;
    total += e;
  }
  for (let i = 0; i < size; i++) out[i] = (out[i] ?? 0) / total;
  return out;
}

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

function subScore(probabilities: readonly number[]): 0 | 1 | 2 {
  const index = argmax(probabilities);
  return index === 2 ? 2 : index === 1 ? 1 : 0;
}

/**
 * into[at + k - k0] += value(f) × weights[row(f) + k] for the features f in [from, to) and the
 * outputs k in [k0, k1); value(f) is the feature's value, or `scale` where one is given (non-zero).
 * The hot loop of the offline grader: memory-bound, so each pass over the features should do as
 * much as it can. Eight outputs at a time in local accumulators, which V8 keeps in registers; a last
 * block of fewer than eight reads the rows' padding (see {@link rowStride}) and keeps only what it
 * needs, instead of one more pass per left-over output. Each output still adds its features in the
 * same order from the same start, so the result is the same to the bit. Indices are masked to the
 * bucket range and k + 7 < stride, so every access is in bounds.
 */
function accumulate(
  weights: Int8Array,
  stride: number,
  indices: Int32Array,
  values: Float32Array,
  from: number,
  to: number,
  k0: number,
  k1: number,
  into: Float64Array,
  at: number,
  scale: number,
): void {
  if (to <= from) return;
  for (let k = k0; k < k1; k += 8) {
    const o = at + k - k0;
    const n = Math.min(8, k1 - k);
    let a0 = into[o]!, a1 = n > 1 ? into[o + 1]! : 0, a2 = n > 2 ? into[o + 2]! : 0, a3 = n > 3 ? into[o + 3]! : 0; // prettier-ignore
    let a4 = n > 4 ? into[o + 4]! : 0, a5 = n > 5 ? into[o + 5]! : 0, a6 = n > 6 ? into[o + 6]! : 0, a7 = n > 7 ? into[o + 7]! : 0; // prettier-ignore
    for (let f = from; f < to; f++) {
      const v = scale === 0 ? values[f]! : scale;
      const b = indices[f]! * stride + k;
      a0 += v * weights[b]!;
      a1 += v * weights[b + 1]!;
      a2 += v * weights[b + 2]!;
      a3 += v * weights[b + 3]!;
      a4 += v * weights[b + 4]!;
      a5 += v * weights[b + 5]!;
      a6 += v * weights[b + 6]!;
      a7 += v * weights[b + 7]!;
    }
    into[o] = a0;
    if (n > 1) into[o + 1] = a1;
    if (n > 2) into[o + 2] = a2;
    if (n > 3) into[o + 3] = a3;
    if (n > 4) into[o + 4] = a4;
    if (n > 5) into[o + 5] = a5;
    if (n > 6) into[o + 6] = a6;
    if (n > 7) into[o + 7] = a7;
  }
}
