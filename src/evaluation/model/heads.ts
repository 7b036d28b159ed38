import { AppError } from '../../errors.js';
/**
 * What the grader model predicts, one head per question of the label guide (`corpus/LABEL-GUIDE.md`).
 * A binary head is one logistic output; a softmax head has one output per class. The order of heads
 * and classes is part of the model file: changing it means training again.
 */

export const DIALOGUE_ACTS = [
  'asks_open',
  'asks_closed',
  'gives_info',
  'offers_step',
  'names_time',
  'proposes_contact',
  'apologises',
  'acknowledges',
  'summarises',
  'justifies',
  'lectures',
  'blames',
  'refuses',
  'sets_boundary',
  'ends_call',
  'wind_up',
] as const;
export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

export const COMPOSURE_FAILURES = [
  'sarcasm',
  'mock_sympathy',
  'lecturing',
  'condescension',
  'passive_aggressive',
  'blame',
  'minimising',
  'brush_off',
  'threat',
  'insult',
  'shouting',
  'defensive',
  'other',
] as const;
export type ComposureFailure = (typeof COMPOSURE_FAILURES)[number];

export const EMPATHY_LEVELS = ['none', 'generic', 'specific'] as const;
export type EmpathyLevel = (typeof EMPATHY_LEVELS)[number];

/**
 * `context`: the head learns from the features of the customer's line and the conversation too.
 * Empathy needs them (naming what this customer said, minding a stated hurry); composure and the
 * dialogue acts judge the reply alone. `contextOnly`: the head reads the context and never the
 * reply — whether the customer insulted the trainee must not depend on how the trainee answered
 * (a reply that sets a boundary would otherwise make any customer look abusive). Context-only heads
 * come last in the layout.
 */
export type HeadSpec =
  | { readonly name: string; readonly kind: 'binary'; readonly context?: boolean; readonly contextOnly?: boolean }
  | { readonly name: string; readonly kind: 'softmax'; readonly classes: readonly string[]; readonly context?: boolean; readonly contextOnly?: boolean };

const SUB_SCORES = ['0', '1', '2'] as const;

export const HEADS: readonly HeadSpec[] = [
  { name: 'notComposed', kind: 'binary' },
  { name: 'composureScore', kind: 'softmax', classes: ['1', '2', '3', '4', '5'] },
  { name: 'failure', kind: 'softmax', classes: COMPOSURE_FAILURES },
  ...DIALOGUE_ACTS.map((act) => ({ name: `act:${act}`, kind: 'binary' as const })),
  { name: 'empathyLevel', kind: 'softmax', classes: EMPATHY_LEVELS, context: true },
  { name: 'emotionalReaction', kind: 'softmax', classes: SUB_SCORES, context: true },
  { name: 'interpretation', kind: 'softmax', classes: SUB_SCORES, context: true },
  { name: 'exploration', kind: 'softmax', classes: SUB_SCORES, context: true },
  // the customer's last line insults the trainee personally (the boundary is needed)
  { name: 'boundaryNeeded', kind: 'binary', contextOnly: true },
];

function headWidth(head: HeadSpec): number {
  return head.kind === 'binary' ? 1 : head.classes.length;
}

/** Where each head's outputs start in the model's output vector. */
interface HeadLayout {
  readonly offsets: ReadonlyMap<string, number>;
  readonly width: number;
}

export function layoutOf(heads: readonly HeadSpec[]): HeadLayout {
  const offsets = new Map<string, number>();
  let width = 0;
  for (const head of heads) {
    offsets.set(head.name, width);
    width += headWidth(head);
  }
  return { offsets, width };
}

/** The heads' signature stored in a model file: a file for other heads is refused. */
export function headsSignature(heads: readonly HeadSpec[]): string {
  return heads
    .map(
      (head) =>
        `${head.kind === 'binary' ? head.name : `${head.name}[${head.classes.join(',')}]`}${head.contextOnly ? '+contextOnly' : head.context ? '+context' : ''}`,
    )
    .join(';');
}

/** Per output of the layout: 1 where the output's head learns from context features. */
function contextMask(heads: readonly HeadSpec[]): Uint8Array {
  const mask = new Uint8Array(layoutOf(heads).width);
  let offset = 0;
  for (const head of heads) {
    const width = headWidth(head);
    if (head.context || head.contextOnly) mask.fill(1, offset, offset + width);
    offset += width;
  }
  return mask;
}

/** The one block of outputs whose heads read context features, as [from, to). */
export function contextColumns(heads: readonly HeadSpec[]): [number, number] {
  const mask = contextMask(heads);
  const from = mask.indexOf(1);
  const to = mask.lastIndexOf(1) + 1;
  if (from === -1) return [0, 0];
  if (mask.subarray(from, to).includes(0)) throw new AppError('grader_model_outdated', 'the context heads are not one block of outputs');
  return [from, to];
}

/**
 * The outputs reply features reach, [0, to): every head but the context-only ones, which must be
 * the last block of the layout.
 */
export function replyColumns(heads: readonly HeadSpec[]): number {
  const layout = layoutOf(heads);
  const first = heads.findIndex((head) => head.contextOnly === true);
  if (first === -1) return layout.width;
  if (heads.slice(first).some((head) => head.contextOnly !== true))
    throw new AppError('grader_model_outdated', 'the context-only heads are not the last block of outputs');
  return layout.offsets.get(heads[first]?.name ?? '') ?? layout.width;
}

/**
 * Which outputs each kind of feature reaches, as [from, to) column ranges — the one rule training
 * and inference share: reply features reach every head but the context-only ones; the customer's
 * line reaches the context heads and the context-only heads; the rest of the context (the reply's
 * length crossed with the customer's words, the echo, the history) reaches the context heads only.
 */
interface FeatureRoutes {
  readonly reply: readonly [number, number];
  readonly customer: readonly [number, number];
  readonly context: readonly [number, number];
}

export function featureRoutes(heads: readonly HeadSpec[]): FeatureRoutes {
  const [contextFrom, contextTo] = contextColumns(heads);
  const replyTo = replyColumns(heads);
  return { reply: [0, replyTo], customer: [contextFrom, contextTo], context: [contextFrom, replyTo] };
}
