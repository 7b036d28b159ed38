import type { GradeInput } from '../grade.js';
import { lexiconFacts, runLexicons } from '../lexicon-pass.js';
import { FeatureExtractor } from '../model/features.js';
import { COMPOSURE_FAILURES, DIALOGUE_ACTS, EMPATHY_LEVELS, HEADS } from '../model/heads.js';
import type { CustomerLine, LabelledItem, RegisterItem, ResolvedLabels } from './corpus.js';
import { mulberry32, type TrainingExample } from './trainer.js';

/** What the grader sees of a corpus item: never its labels, category or situation. */
export function gradeInputOf(item: LabelledItem['item']): GradeInput {
  return { lang: item.lang, customer: item.customer, reply: item.reply, history: item.history };
}

/**
 * One training example per item: the features the grader computes for it at run time (lexicon pass
 * included) and a target per head, -1 where the label passes disagreed.
 */
export function toExamples(items: readonly LabelledItem[], bucketBits: number): TrainingExample[] {
  const extractor = new FeatureExtractor(bucketBits);
  return items.map(({ item, labels }) => {
    const input = gradeInputOf(item);
    const pass = runLexicons(input);
    const features = extractor.extract({
      lang: input.lang,
      reply: pass.reply.text.text,
      replyLower: pass.reply.text.lower,
      replySentences: pass.reply.text.lowerSentences,
      customer: input.customer,
      history: input.history,
      lexicon: lexiconFacts(pass),
    });
    return {
      indices: features.indices.slice(0, features.length),
      values: features.values.slice(0, features.length),
      contextStart: features.contextStart,
      customerEnd: features.customerEnd,
      targets: targetsOf(labels),
      weight: 1,
    };
  });
}

function targetsOf(labels: ResolvedLabels): Int8Array {
  const targets = new Int8Array(HEADS.length).fill(-1);
  const set = (name: string, value: number | undefined): void => {
    const index = HEADS.findIndex((head) => head.name === name);
    if (index >= 0 && value !== undefined && value >= 0) targets[index] = value;
  };
  set('notComposed', labels.notComposed === undefined ? undefined : labels.notComposed ? 1 : 0);
  set('composureScore', labels.composureScore === undefined ? undefined : labels.composureScore - 1);
  if (labels.failure !== undefined && labels.failure !== 'none') set('failure', COMPOSURE_FAILURES.indexOf(labels.failure));
  set('empathyLevel', labels.empathyLevel === undefined ? undefined : EMPATHY_LEVELS.indexOf(labels.empathyLevel));
  set('emotionalReaction', labels.emotionalReaction);
  set('interpretation', labels.interpretation);
  set('exploration', labels.exploration);
  for (const act of DIALOGUE_ACTS) {
    const value = labels.acts[act];
    set(`act:${act}`, value === undefined ? undefined : value ? 1 : 0);
  }
  set('boundaryNeeded', labels.needed === undefined ? undefined : labels.needed ? 1 : 0);
  return targets;
}

/**
 * A seeded draw of a service item of the given language: texts that come alone (register texts,
 * customer lines) get the other half of a conversation from it, in the same order on every run.
 */
function seededPartner(items: readonly LabelledItem[], seed: number): (lang: LabelledItem['item']['lang']) => LabelledItem['item'] | undefined {
  const random = mulberry32(seed);
  const byLanguage = { de: items.filter((entry) => entry.item.lang === 'de'), en: items.filter((entry) => entry.item.lang === 'en') };
  return (lang) => {
    const pool = byLanguage[lang];
    return pool.length > 0 ? pool[Math.floor(random() * pool.length)]?.item : undefined;
  };
}

/** Labels of a text that answers none of the item questions; each source sets the one it has. */
const NO_LABELS: ResolvedLabels = {
  notComposed: undefined,
  composureScore: undefined,
  failure: undefined,
  empathyLevel: undefined,
  emotionalReaction: undefined,
  interpretation: undefined,
  exploration: undefined,
  needed: undefined,
  verdict: undefined,
  acts: {},
};

/**
 * Register texts as replies to a customer line drawn (seeded) from the service items of their
 * language: at run time any text the grader sees answers some customer. Only the composure heads
 * learn from them.
 */
export function registerExamples(register: readonly RegisterItem[], items: readonly LabelledItem[], bucketBits: number, seed: number): TrainingExample[] {
  const partner = seededPartner(items, seed);
  const asItems: LabelledItem[] = register.map((entry) => {
    const customer = partner(entry.lang)?.customer ?? '';
    const notComposed = entry.composure.score <= 2;
    return {
      writer: entry.id.replace(/-\d+$/, ''),
      item: {
        id: entry.id,
        lang: entry.lang,
        domain: 'register',
        channel: 'chat',
        situation: '',
        history: [],
        customer,
        reply: entry.text,
        category: entry.kind,
        labels: REGISTER_PLACEHOLDER,
      },
      labels: {
        ...NO_LABELS,
        notComposed,
        composureScore: entry.composure.score,
        failure: notComposed ? (entry.composure.failure === 'none' ? undefined : entry.composure.failure) : 'none',
      },
    };
  });
  return toExamples(asItems, bucketBits);
}

/**
 * Customer lines as the customer's message of an item whose reply is drawn (seeded) from the service
 * items of their language: only the context-only head that asks whether the customer abused the
 * trainee learns from them, and it never reads the reply.
 */
export function customerLineExamples(lines: readonly CustomerLine[], items: readonly LabelledItem[], bucketBits: number, seed: number): TrainingExample[] {
  const partner = seededPartner(items, seed);
  const asItems: LabelledItem[] = lines.map((line) => ({
    writer: line.id.replace(/-\d+$/, ''),
    item: {
      id: line.id,
      lang: line.lang,
      domain: 'customer-lines',
      channel: line.channel,
      situation: '',
      history: [],
      customer: line.text,
      reply: partner(line.lang)?.reply ?? 'OK.',
      category: line.category,
      labels: REGISTER_PLACEHOLDER,
    },
    labels: { ...NO_LABELS, needed: line.needed },
  }));
  return toExamples(asItems, bucketBits);
}

/** Register texts carry composure only; the rest of an item's labels is never read for them. */
const REGISTER_PLACEHOLDER: LabelledItem['item']['labels'] = {
  composure: { score: 5, failure: 'none' },
  empathy: { emotionalReaction: 0, interpretation: 0, exploration: 0, level: 'none' },
  boundary: { needed: false, verdict: 'not_needed' },
  acts: [],
};
