import { FEATURE_VERSION } from '../model/features.js';
import { featureRoutes, HEADS, headsSignature, layoutOf, type HeadSpec } from '../model/heads.js';
import type { ModelFile, ModelHeader } from '../model/model-file.js';

/**
 * Trains the grader model: every head at once, logistic loss for binary heads and softmax
 * cross-entropy for the others, by AdaGrad over shuffled examples. A head whose label the label
 * passes disagreed on is masked for that example and learns nothing from it. Deterministic for a
 * seed: the shuffle comes from a seeded generator and the arithmetic is plain IEEE doubles stored
 * as float32, so the same corpus gives the same bytes on every machine.
 */

/** One example: its features and, per head, a target (class index, or 0/1) or -1 when masked. */
export interface TrainingExample {
  indices: Int32Array;
  values: Float32Array;
  /** features from here on describe the context (see `SparseFeatures.contextStart`) */
  contextStart: number;
  /** ...and up to here the customer's line alone (see `SparseFeatures.customerEnd`) */
  customerEnd: number;
  targets: Int8Array;
  /** a weight for the example (1 for most) */
  weight: number;
}

export interface TrainingOptions {
  bucketBits: number;
  epochs: number;
  learningRate: number;
  /** L2 pull towards zero applied to each touched weight */
  l2: number;
  seed: number;
  heads?: readonly HeadSpec[];
}

interface TrainedWeights {
  bucketBits: number;
  width: number;
  weights: Float32Array;
  bias: Float64Array;
}

export function trainWeights(examples: readonly TrainingExample[], options: TrainingOptions): TrainedWeights {
  const heads = options.heads ?? HEADS;
  const layout = layoutOf(heads);
  const width = layout.width;
  const buckets = 1 << options.bucketBits;
  const weights = new Float32Array(buckets * width);
  const squares = new Float32Array(buckets * width);
  const bias = new Float64Array(width);
  const biasSquares = new Float64Array(width);
  const logits = new Float64Array(width);
  const gradient = new Float64Array(width);
  const random = mulberry32(options.seed);
  const order = examples.map((_example, index) => index);
  const epsilon = 1e-6;
  const lr = options.learningRate;
  const routes = featureRoutes(heads);
  // as at inference: a feature reaches only the heads that learn from it (see featureRoutes)
  const routeOf = (example: TrainingExample, f: number): readonly [number, number] =>
    f < example.contextStart ? routes.reply : f < example.customerEnd ? routes.customer : routes.context;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index];
      if (!example) continue;
      const { indices, values, targets } = example;
      const n = indices.length;
      logits.set(bias);
      for (let f = 0; f < n; f++) {
        const v = values[f] ?? 0;
        const base = (indices[f] ?? 0) * width;
        const [from, to] = routeOf(example, f);
        for (let k = from; k < to; k++) logits[k] = (logits[k] ?? 0) + v * (weights[base + k] ?? 0);
      }
      if (!outputGradient(heads, targets, logits, gradient, example.weight)) continue;
      for (let k = 0; k < width; k++) {
        const g = gradient[k] ?? 0;
        if (g === 0) continue;
        biasSquares[k] = (biasSquares[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (lr * g) / (Math.sqrt(biasSquares[k] ?? 0) + epsilon);
      }
      for (let f = 0; f < n; f++) {
        const v = values[f] ?? 0;
        const base = (indices[f] ?? 0) * width;
        // a head keeps zero weights on the features that do not reach it
        const [from, to] = routeOf(example, f);
        for (let k = from; k < to; k++) {
          const g = gradient[k] ?? 0;
          if (g === 0) continue;
          const at = base + k;
          const w = weights[at] ?? 0;
          const step = g * v + options.l2 * w;
          const sq = (squares[at] ?? 0) + step * step;
          squares[at] = sq;
          weights[at] = w - (lr * step) / (Math.sqrt(sq) + epsilon);
        }
      }
    }
  }
  return { bucketBits: options.bucketBits, width, weights, bias };
}

/**
 * d(loss)/d(logit) per output into `gradient`; false when every head is masked. Binary heads:
 * sigmoid − target; softmax heads: softmax − one-hot.
 */
function outputGradient(heads: readonly HeadSpec[], targets: Int8Array, logits: Float64Array, gradient: Float64Array, weight: number): boolean {
  gradient.fill(0);
  let offset = 0;
  let any = false;
  heads.forEach((head, h) => {
    const target = targets[h] ?? -1;
    if (head.kind === 'binary') {
      if (target >= 0) {
        const p = 1 / (1 + Math.exp(-(logits[offset] ?? 0)));
        gradient[offset] = (p - target) * weight;
        any = true;
      }
      offset += 1;
      return;
    }
    const size = head.classes.length;
    if (target >= 0) {
      let max = -Infinity;
      for (let i = 0; i < size; i++) max = Math.max(max, logits[offset + i] ?? 0);
      let total = 0;
      for (let i = 0; i < size; i++) total += Math.exp((logits[offset + i] ?? 0) - max);
      for (let i = 0; i < size; i++) {
        const p = Math.exp((logits[offset + i] ?? 0) - max) / total;
        gradient[offset + i] = (p - (i === target ? 1 : 0)) * weight;
      }
      any = true;
    }
    offset += size;
  });
  return any;
}

/** Quantises trained weights to int8 with one scale per output (its largest absolute weight / 127). */
export function quantise(
  trained: TrainedWeights,
  header: Omit<ModelHeader, 'scales' | 'bias' | 'width' | 'bucketBits' | 'featureVersion' | 'heads' | 'format'>,
): ModelFile {
  const { width, weights } = trained;
  const maxima = new Float64Array(width);
  for (let i = 0; i < weights.length; i++) {
    const k = i % width;
    maxima[k] = Math.max(maxima[k] ?? 0, Math.abs(weights[i] ?? 0));
  }
  const scales = Array.from(maxima, (max) => (max === 0 ? 1 : max / 127));
  const quantised = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const scale = scales[i % width] ?? 1;
    quantised[i] = Math.max(-127, Math.min(127, Math.round((weights[i] ?? 0) / scale)));
  }
  return {
    header: {
      format: 'counterpart-grader-model',
      featureVersion: FEATURE_VERSION,
      bucketBits: trained.bucketBits,
      heads: headsSignature(HEADS),
      width,
      scales,
      bias: Array.from(trained.bias),
      ...header,
    },
    weights: quantised,
  };
}

/** A small seeded generator (mulberry32): the same seed, the same shuffle, everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
}
