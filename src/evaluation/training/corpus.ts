import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { BoundaryVerdictSchema, LanguageSchema, TurnSchema } from '../grade.js';
import { COMPOSURE_FAILURES, DIALOGUE_ACTS, EMPATHY_LEVELS } from '../model/heads.js';

/**
 * The labelled corpus (`corpus/`, format and rules in `corpus/LABEL-GUIDE.md`): items with the
 * writer's labels, and independent label passes by other labellers (`corpus/labels/<pass>/*.jsonl`,
 * `{id, labels}` lines). {@link resolveLabels} keeps what the passes agree on.
 */
const SubScore = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const ItemLabelsSchema = z.object({
  composure: z.object({
    score: z.number().int().min(1).max(5),
    failure: z.enum(['none', ...COMPOSURE_FAILURES]),
  }),
  empathy: z.object({
    emotionalReaction: SubScore,
    interpretation: SubScore,
    exploration: SubScore,
    level: z.enum(EMPATHY_LEVELS),
  }),
  boundary: z.object({ needed: z.boolean(), verdict: BoundaryVerdictSchema }),
  acts: z.array(z.enum(DIALOGUE_ACTS)),
});
export type ItemLabels = z.infer<typeof ItemLabelsSchema>;

const CorpusItemSchema = z.object({
  id: z.string().min(1),
  lang: LanguageSchema,
  domain: z.string(),
  channel: z.string(),
  situation: z.string(),
  history: z.array(TurnSchema),
  customer: z.string(),
  reply: z.string().min(1),
  category: z.string(),
  labels: ItemLabelsSchema,
});
export type CorpusItem = z.infer<typeof CorpusItemSchema>;

const LabelLineSchema = z.object({ id: z.string().min(1), labels: ItemLabelsSchema });

/** Labels after the passes were compared: `undefined` where they disagreed and the head learns nothing. */
export interface ResolvedLabels {
  notComposed: boolean | undefined;
  composureScore: number | undefined;
  failure: ItemLabels['composure']['failure'] | undefined;
  empathyLevel: ItemLabels['empathy']['level'] | undefined;
  emotionalReaction: number | undefined;
  interpretation: number | undefined;
  exploration: number | undefined;
  needed: boolean | undefined;
  verdict: ItemLabels['boundary']['verdict'] | undefined;
  /** per act: true, false, or undefined where the passes disagreed */
  acts: Partial<Record<(typeof DIALOGUE_ACTS)[number], boolean>>;
}

export interface LabelledItem {
  item: CorpusItem;
  /** the writer: the id without its number ("wa-en-0001" → "wa-en") */
  writer: string;
  labels: ResolvedLabels;
}

/**
 * A text of the register corpus (`corpus/register/`, brief in `corpus/REGISTER-BRIEF.md`): remarks,
 * comments and posts that are not written to a customer, labelled for composure only. They teach the
 * model that unusual text is not hostile text, and what hostility looks like outside a service desk.
 */
export const RegisterItemSchema = z.object({
  id: z.string().min(1),
  lang: LanguageSchema,
  text: z.string().min(1),
  kind: z.string(),
  composure: ItemLabelsSchema.shape.composure,
});
export type RegisterItem = z.infer<typeof RegisterItemSchema>;

/**
 * A message to someone who answers it (`corpus/customer-lines/`, brief in
 * `corpus/CUSTOMER-LINES-BRIEF.md`), labelled only for whether it abuses the one answering: it
 * widens what the model knows of personal insults beyond the service domains of the items.
 */
export const CustomerLineSchema = z.object({
  id: z.string().min(1),
  lang: LanguageSchema,
  channel: z.string(),
  text: z.string().min(1),
  needed: z.boolean(),
  category: z.string(),
});
export type CustomerLine = z.infer<typeof CustomerLineSchema>;

interface LoadedCorpus {
  items: LabelledItem[];
  /** register texts, composure only; trained on, never held out */
  register: RegisterItem[];
  /** customer lines, "boundary needed" only; trained on, never held out */
  customerLines: CustomerLine[];
  /** SHA-256 over the files read, in name order: training records which corpus it saw */
  sha256: string;
  files: string[];
  /** how often the passes agreed, per question, for the corpus README */
  agreement: AgreementCounts;
}

interface AgreementCounts {
  /** items with at least one independent pass */
  compared: number;
  composed: number;
  empathyLevel: number;
  verdict: number;
  /** act decisions (item × act) compared and agreed */
  actsCompared: number;
  actsAgreed: number;
}

/**
 * Reads `dir/train/*.jsonl` and the label passes under `dir/labels/`. A line that does not parse
 * is an error naming the file and line: a silently skipped item would change the model unnoticed.
 */
export function loadCorpus(dir: string, subset = 'train'): LoadedCorpus {
  const itemFiles = jsonlFiles(join(dir, subset));
  if (itemFiles.length === 0) throw new AppError('corpus_empty', `no corpus files in ${join(dir, subset)}`);
  const passDir = join(dir, 'labels', subset);
  const passFiles = safeList(passDir).flatMap((pass) => jsonlFiles(join(passDir, pass)));
  const hash = createHash('sha256');
  const items: CorpusItem[] = [];
  for (const file of itemFiles) {
    const text = readFileSync(file, 'utf8');
    hash.update(`${file.slice(dir.length)}\n`).update(text);
    items.push(...parseLines(file, text, CorpusItemSchema));
  }
  const passes = new Map<string, ItemLabels[]>();
  for (const file of passFiles) {
    const text = readFileSync(file, 'utf8');
    hash.update(`${file.slice(dir.length)}\n`).update(text);
    for (const line of parseLines(file, text, LabelLineSchema)) {
      const list = passes.get(line.id) ?? [];
      list.push(line.labels);
      passes.set(line.id, list);
    }
  }
  const register: RegisterItem[] = [];
  for (const file of jsonlFiles(join(dir, 'register'))) {
    const text = readFileSync(file, 'utf8');
    hash.update(`${file.slice(dir.length)}\n`).update(text);
    register.push(...parseLines(file, text, RegisterItemSchema));
  }
  const agreement: AgreementCounts = { compared: 0, composed: 0, empathyLevel: 0, verdict: 0, actsCompared: 0, actsAgreed: 0 };
  const labelled = items.map((item) => {
    const others = passes.get(item.id) ?? [];
    if (others.length > 0) countAgreement(agreement, item.labels, others);
    return { item, writer: writerOf(item.id), labels: resolveLabels([item.labels, ...others]) };
  });
  const customerLines: CustomerLine[] = [];
  for (const file of jsonlFiles(join(dir, 'customer-lines'))) {
    const text = readFileSync(file, 'utf8');
    hash.update(`${file.slice(dir.length)}\n`).update(text);
    customerLines.push(...parseLines(file, text, CustomerLineSchema));
  }
  return { items: labelled, register, customerLines, sha256: hash.digest('hex'), files: [...itemFiles, ...passFiles], agreement };
}

function writerOf(id: string): string {
  return id.replace(/-\d+$/, '');
}

/**
 * Keeps a label where every pass gives the same answer; with three or more passes, the majority.
 * Composure agrees on the composed/not-composed line; its 1–5 score only where the passes are at
 * most one point apart on the same side (their rounded-down mean).
 */
function resolveLabels(passes: readonly ItemLabels[]): ResolvedLabels {
  const notComposed = vote(passes.map((p) => p.composure.score <= 2));
  const scores = passes.map((p) => p.composure.score);
  const scoreSpread = Math.max(...scores) - Math.min(...scores);
  const composureScore = notComposed !== undefined && scoreSpread <= 1 ? Math.floor(scores.reduce((a, b) => a + b, 0) / scores.length) : undefined;
  const acts: ResolvedLabels['acts'] = {};
  for (const act of DIALOGUE_ACTS) {
    const decided = vote(passes.map((p) => p.acts.includes(act)));
    if (decided !== undefined) acts[act] = decided;
  }
  return {
    notComposed,
    composureScore,
    failure: notComposed === true ? vote(passes.map((p) => p.composure.failure).filter((f) => f !== 'none')) : notComposed === false ? 'none' : undefined,
    empathyLevel: vote(passes.map((p) => p.empathy.level)),
    emotionalReaction: vote(passes.map((p) => p.empathy.emotionalReaction)),
    interpretation: vote(passes.map((p) => p.empathy.interpretation)),
    exploration: vote(passes.map((p) => p.empathy.exploration)),
    needed: vote(passes.map((p) => p.boundary.needed)),
    verdict: vote(passes.map((p) => p.boundary.verdict)),
    acts,
  };
}

/** The value every pass gives, or the strict majority of three or more; otherwise undefined. */
function vote<T>(values: readonly T[]): T | undefined {
  if (values.length === 0) return undefined;
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  if (values.length <= 2) return bestCount === values.length ? best : undefined;
  return bestCount * 2 > values.length ? best : undefined;
}

function countAgreement(counts: AgreementCounts, writer: ItemLabels, others: readonly ItemLabels[]): void {
  const other = others[0];
  if (!other) return;
  counts.compared++;
  if (writer.composure.score <= 2 === other.composure.score <= 2) counts.composed++;
  if (writer.empathy.level === other.empathy.level) counts.empathyLevel++;
  if (writer.boundary.verdict === other.boundary.verdict) counts.verdict++;
  for (const act of DIALOGUE_ACTS) {
    counts.actsCompared++;
    if (writer.acts.includes(act) === other.acts.includes(act)) counts.actsAgreed++;
  }
}

function parseLines<T>(file: string, text: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new AppError('corpus_invalid', `${file}:${index + 1}: not JSON`, { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AppError('corpus_invalid', `${file}:${index + 1}: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`);
    out.push(parsed.data);
  });
  return out;
}

function jsonlFiles(dir: string): string[] {
  return safeList(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => join(dir, name));
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
