import { z } from 'zod';
import { GradeOverrideSchema, type Exchange, type GradeOverride, type Session } from '../engine/session.js';
import { UserFacingError } from '../errors.js';
import { BoundaryVerdictSchema, boundaryVerdictScore, LanguageSchema, ScoreSchema, type BoundaryVerdict, type Language } from '../evaluation/grade.js';
import type { Storage } from '../storage/storage.js';
import { overrideIndex } from './override-index.js';
import { reportError } from './report-model.js';
import { mean } from './stats.js';

/**
 * Calibration: trainers correct machine grades (the override sits beside the grade, never replacing
 * it); the pairs become labels in the eval JSONL format and an agreement summary.
 */

export const OverrideInputSchema = GradeOverrideSchema.omit({ at: true })
  .extend({ at: z.string().optional() })
  .refine((value) => value.composure !== undefined || value.empathy !== undefined || value.boundary !== undefined, {
    error: 'an override needs at least one of composure, empathy or boundary',
  });
export type OverrideInput = z.input<typeof OverrideInputSchema>;

/**
 * Stores a trainer's override on one exchange (`lineN` as stored, 0-based; `attempt` from 1).
 * Only ended sessions: the engine may still be writing an open one, and its save would drop the
 * override. Throws `UserFacingError` (`session_not_found`, `exchange_not_found`, `session_not_ended`,
 * `override_invalid`) in `lang`.
 */
export async function setOverride(
  storage: Storage,
  sessionId: string,
  lineN: number,
  attempt: number,
  override: OverrideInput,
  options: { lang?: Language; now?: () => Date } = {},
): Promise<Session> {
  const lang = options.lang ?? 'en';
  const parsed = OverrideInputSchema.safeParse(override);
  if (!parsed.success) throw new UserFacingError('override_invalid', reportError('override_invalid', lang), { cause: parsed.error });
  const session = await storage.sessions.get(sessionId);
  if (!session) throw new UserFacingError('session_not_found', reportError('session_not_found', lang));
  if (session.status !== 'ended') throw new UserFacingError('session_not_ended', reportError('session_not_ended', lang));
  const index = session.exchanges.findIndex((exchange) => exchange.lineN === lineN && exchange.attempt === attempt);
  const target = session.exchanges[index];
  if (!target) throw new UserFacingError('exchange_not_found', reportError('exchange_not_found', lang));
  const stored: GradeOverride = GradeOverrideSchema.parse({
    ...parsed.data,
    at: parsed.data.at ?? (options.now?.() ?? new Date()).toISOString(),
  });
  const exchanges = session.exchanges.slice();
  exchanges[index] = { ...target, override: stored };
  const updated: Session = { ...session, exchanges };
  await storage.sessions.save(updated);
  await overrideIndex(storage).add(session.guildId, session.id);
  return updated;
}

const LabelGoldSchema = z.object({
  /** the trainer's composure score is 3 or more; present when the trainer scored composure */
  composure_ok: z.boolean().optional(),
  /** whether the customer's line called for a boundary, by the trainer's verdict (see docs/reports.md) */
  boundary_needed: z.boolean().optional(),
  /** the trainer's raw override */
  override: z.object({
    composure: ScoreSchema.optional(),
    empathy: ScoreSchema.optional(),
    boundary: BoundaryVerdictSchema.optional(),
  }),
  /** the machine grade it overrode, for comparison */
  machine: z.object({ composure: ScoreSchema, empathy: ScoreSchema, boundary: BoundaryVerdictSchema, grader: z.string() }),
});

export const LabelLineSchema = z.object({
  id: z.string(),
  lang: LanguageSchema,
  customer: z.string(),
  reply: z.string(),
  gold: LabelGoldSchema,
});
type LabelLine = z.infer<typeof LabelLineSchema>;

/** `all`: both gold fields where known; `boundary`/`composure`: only lines with that label, for `npm run eval`. */
type LabelKind = 'all' | 'boundary' | 'composure';

/**
 * What the trainer's boundary verdict says about the customer's line: set_well and missing mean an
 * insult was there; not_needed and unnecessary mean none was. too_harsh judges the manner only,
 * so then (and without a boundary override) the machine's `needed` stands, undisputed.
 */
function boundaryNeededBy(verdict: BoundaryVerdict | undefined, machineNeeded: boolean): boolean {
  if (verdict === 'set_well' || verdict === 'missing') return true;
  if (verdict === 'not_needed' || verdict === 'unnecessary') return false;
  return machineNeeded;
}

interface Overridden {
  session: Session;
  exchange: Exchange & { override: GradeOverride };
}

async function overriddenExchanges(storage: Storage, guildId: string | null): Promise<Overridden[]> {
  const ids = await overrideIndex(storage).list(guildId);
  const sessions = await Promise.all(ids.map((id) => storage.sessions.get(id)));
  const out: Overridden[] = [];
  for (const session of sessions) {
    if (!session || session.guildId !== guildId) continue;
    for (const exchange of session.exchanges) {
      if (exchange.override) out.push({ session, exchange: { ...exchange, override: exchange.override } });
    }
  }
  return out;
}

async function labelLines(storage: Storage, guildId: string | null, kind: LabelKind = 'all'): Promise<LabelLine[]> {
  const lines: LabelLine[] = [];
  for (const { session, exchange } of await overriddenExchanges(storage, guildId)) {
    const { override, grade } = exchange;
    const customer = session.lines.find((line) => line.n === exchange.lineN)?.text ?? '';
    const gold: LabelLine['gold'] = {
      override: {
        ...(override.composure !== undefined ? { composure: override.composure } : {}),
        ...(override.empathy !== undefined ? { empathy: override.empathy } : {}),
        ...(override.boundary !== undefined ? { boundary: override.boundary } : {}),
      },
      machine: { composure: grade.composure.score, empathy: grade.empathy.score, boundary: grade.boundary.verdict, grader: grade.source.grader },
    };
    if (kind !== 'boundary' && override.composure !== undefined) gold.composure_ok = override.composure >= 3;
    if (kind !== 'composure') gold.boundary_needed = boundaryNeededBy(override.boundary, grade.boundary.needed);
    if (kind === 'composure' && gold.composure_ok === undefined) continue;
    if (kind === 'boundary' && override.boundary === undefined) continue;
    lines.push({ id: `${session.id}:${exchange.lineN}:${exchange.attempt}`, lang: session.lang, customer, reply: exchange.reply, gold });
  }
  return lines;
}

/**
 * The trainers' labels as JSON lines in the eval format (`id, lang, customer, reply, gold`), so
 * `npm run eval` measures a grader against the team's judgement. The eval harness reads a file as
 * one kind, so pass `boundary` or `composure` for a file it measures; `all` keeps every label.
 */
export async function exportLabels(storage: Storage, guildId: string | null, kind: LabelKind = 'all'): Promise<string> {
  const lines = await labelLines(storage, guildId, kind);
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

export interface CriterionAgreement {
  /** overrides that scored this criterion */
  compared: number;
  /** share where machine and trainer gave the same score (verdict for boundary), 0–1; null without data */
  exactAgreement: number | null;
  /** mean |machine − trainer| on the 1–5 scale (boundary: its verdict score); null without data */
  meanAbsoluteDifference: number | null;
}

export interface CalibrationSummary {
  guildId: string | null;
  /** exchanges carrying an override */
  overrides: number;
  sessions: number;
  composure: CriterionAgreement;
  empathy: CriterionAgreement;
  boundary: CriterionAgreement;
}

function agreement(pairs: Array<[number, number]>, same: (machine: number, trainer: number) => boolean): CriterionAgreement {
  if (pairs.length === 0) return { compared: 0, exactAgreement: null, meanAbsoluteDifference: null };
  return {
    compared: pairs.length,
    exactAgreement: mean(pairs.map(([machine, trainer]) => (same(machine, trainer) ? 1 : 0))),
    meanAbsoluteDifference: mean(pairs.map(([machine, trainer]) => Math.abs(machine - trainer))),
  };
}

/** How far the machine grades agree with the trainers' overrides, per criterion. */
export async function calibrationSummary(storage: Storage, guildId: string | null): Promise<CalibrationSummary> {
  const overridden = await overriddenExchanges(storage, guildId);
  const composure: Array<[number, number]> = [];
  const empathy: Array<[number, number]> = [];
  const boundary: Array<[number, number]> = [];
  const boundarySame: boolean[] = [];
  for (const { exchange } of overridden) {
    const { grade, override } = exchange;
    if (override.composure !== undefined) composure.push([grade.composure.score, override.composure]);
    if (override.empathy !== undefined) empathy.push([grade.empathy.score, override.empathy]);
    if (override.boundary !== undefined) {
      boundary.push([boundaryVerdictScore(grade.boundary.verdict), boundaryVerdictScore(override.boundary)]);
      boundarySame.push(grade.boundary.verdict === override.boundary);
    }
  }
  const boundaryAgreement = agreement(boundary, () => true);
  return {
    guildId,
    overrides: overridden.length,
    sessions: new Set(overridden.map(({ session }) => session.id)).size,
    composure: agreement(composure, (machine, trainer) => machine === trainer),
    empathy: agreement(empathy, (machine, trainer) => machine === trainer),
    // Two verdicts can share a score (missing and too_harsh are both 1), so agreement compares the verdicts.
    boundary: { ...boundaryAgreement, exactAgreement: boundarySame.length === 0 ? null : mean(boundarySame.map((same) => (same ? 1 : 0))) },
  };
}
