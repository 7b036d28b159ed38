import type { Advise } from '../engine/advice.js';
import { z } from 'zod';
import type { SessionSummary } from '../engine/engine-types.js';
import { summarizeSession } from '../engine/session-summary.js';
import { OutcomeSchema, SessionSchema, type Session } from '../engine/session.js';
import { UserFacingError } from '../errors.js';
import { isBoundaryCorrect, LanguageSchema, overallScore, type Language } from '../evaluation/grade.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import { personaName } from '../personas/persona-text.js';
import type { Storage } from '../storage/storage.js';
import { mean } from './stats.js';

/**
 * The one model every report format is rendered from. It carries each stored session verbatim
 * (the JSON export is this model), plus what a reader needs beside it: names and the summary.
 */

const ExchangeRefSchema = z.object({
  lineN: z.number().int(),
  attempt: z.number().int(),
  reply: z.string(),
  customer: z.string(),
  score: z.number(),
});

const SummarySchema = z.object({
  sessionId: z.string(),
  personaId: z.string(),
  lang: LanguageSchema,
  outcome: OutcomeSchema.nullable(),
  exchanges: z.number().int().min(0),
  averages: z.object({ composure: z.number(), empathy: z.number(), boundaryCorrect: z.number(), overall: z.number() }).nullable(),
  scores: z.array(z.object({ lineN: z.number().int(), attempt: z.number().int(), overall: z.number() })),
  best: ExchangeRefSchema.nullable(),
  weakest: ExchangeRefSchema.nullable(),
  practiseNext: z.string(),
}) satisfies z.ZodType<SessionSummary>;

export const AveragesSchema = z.object({
  composure: z.number(),
  empathy: z.number(),
  /** share of replies with a correct boundary verdict, 0–1 */
  boundaryCorrect: z.number(),
  overall: z.number(),
});
export type Averages = z.infer<typeof AveragesSchema>;

export const ReportSessionSchema = z.object({
  /** the stored session, unchanged: transcript, machine grades, trainer overrides */
  session: SessionSchema,
  personaName: z.string(),
  /** display name of the trainee when the front end knows it; otherwise reports show the user id */
  memberName: z.string().nullable(),
  summary: SummarySchema,
});
export type ReportSession = z.infer<typeof ReportSessionSchema>;

export const ReportSchema = z.object({
  format: z.literal('counterpart-report'),
  version: z.literal(1),
  kind: z.enum(['session', 'group']),
  groupId: z.string().nullable(),
  /** language of the labels and the summary advice */
  lang: LanguageSchema,
  generatedAt: z.string(),
  sessions: z.array(ReportSessionSchema).min(1),
  /** over all graded replies of all sessions in the report; null when there are none */
  averages: AveragesSchema.nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export interface ReportDeps {
  personas: PersonaCatalog;
  /** words the "practise next" line (the engine's `advise`, e.g. `summaryAdvice`) */
  advise: Advise;
  /** report language; default: the session's */
  lang?: Language;
  /** a member's display name, when the front end knows it */
  memberName?: (userId: string) => string | undefined;
  now?: () => Date;
}

function reportSession(session: Session, lang: Language, deps: ReportDeps): ReportSession {
  const persona = deps.personas.get(session.personaId);
  // The summary's advice follows the report language, not the session's.
  const summary = summarizeSession({ ...session, lang }, deps.advise);
  return {
    session,
    // A persona file removed since the session still leaves a readable report.
    personaName: persona ? personaName(persona, lang) : session.personaId,
    memberName: deps.memberName?.(session.userId) ?? null,
    summary: { ...summary, lang: session.lang },
  };
}

export function averagesOf(sessions: readonly Session[]): Averages | null {
  const exchanges = sessions.flatMap((session) => session.exchanges);
  if (exchanges.length === 0) return null;
  const grades = exchanges.map((exchange) => exchange.grade);
  return {
    composure: mean(grades.map((grade) => grade.composure.score)),
    empathy: mean(grades.map((grade) => grade.empathy.score)),
    boundaryCorrect: mean(grades.map((grade) => (isBoundaryCorrect(grade.boundary.verdict) ? 1 : 0))),
    overall: mean(grades.map(overallScore)),
  };
}

export function buildSessionReport(session: Session, deps: ReportDeps): Report {
  const lang = deps.lang ?? session.lang;
  return {
    format: 'counterpart-report',
    version: 1,
    kind: 'session',
    groupId: session.groupId,
    lang,
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    sessions: [reportSession(session, lang, deps)],
    averages: averagesOf([session]),
  };
}

/**
 * All participants' sessions of one trainer-run group, ordered by member then start time.
 * Throws `group_not_found` when no session carries the id.
 */
export async function buildGroupReport(storage: Storage, groupId: string, deps: ReportDeps): Promise<Report> {
  const listings = await storage.sessions.listByGroup(groupId);
  const loaded = await Promise.all(listings.map((listing) => storage.sessions.get(listing.id)));
  const sessions = loaded
    .filter((session): session is Session => session !== undefined)
    .sort((a, b) => a.userId.localeCompare(b.userId) || a.createdAt.localeCompare(b.createdAt));
  const first = sessions[0];
  if (!first) throw new UserFacingError('group_not_found', reportError('group_not_found', deps.lang ?? 'en'));
  const lang = deps.lang ?? first.lang;
  return {
    format: 'counterpart-report',
    version: 1,
    kind: 'group',
    groupId,
    lang,
    generatedAt: (deps.now?.() ?? new Date()).toISOString(),
    sessions: sessions.map((session) => reportSession(session, lang, deps)),
    averages: averagesOf(sessions),
  };
}

const ERRORS = {
  group_not_found: {
    en: 'No practice sessions belong to this group session.',
    de: 'Zu dieser Gruppensitzung gibt es keine Übungssitzungen.',
  },
  session_not_found: {
    en: 'This practice session does not exist (any more).',
    de: 'Diese Übungssitzung gibt es nicht (mehr).',
  },
  exchange_not_found: {
    en: 'This session has no reply with that line number and attempt.',
    de: 'Diese Sitzung hat keine Antwort mit dieser Zeilennummer und diesem Versuch.',
  },
  session_not_ended: {
    en: 'Grades can be corrected once the session has ended.',
    de: 'Bewertungen lassen sich korrigieren, sobald die Sitzung beendet ist.',
  },
  override_invalid: {
    en: 'The correction needs a reason and at least one of composure (1–5), empathy (1–5) or a boundary verdict.',
    de: 'Die Korrektur braucht eine Begründung und mindestens Gelassenheit (1–5), Empathie (1–5) oder ein Urteil zur Grenze.',
  },
} as const;

type ReportErrorKey = keyof typeof ERRORS;

export function reportError(key: ReportErrorKey, lang: Language): string {
  return ERRORS[key][lang];
}
