import { z } from 'zod';
import type { Criterion } from '../engine/session-summary.js';
import type { Session } from '../engine/session.js';
import { LanguageSchema, type Language } from '../evaluation/grade.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import { personaName } from '../personas/persona-text.js';
import type { SessionListing } from '../storage/session-store.js';
import type { Storage } from '../storage/storage.js';
import { criterionScores } from './report-charts.js';
import { averagesOf, AveragesSchema } from './report-model.js';

/**
 * The team summary for a manager: who practised how much, where the team stands per criterion and
 * per persona, who improved most, and what the team finds hardest. Averages need the grades, so
 * the scored sessions of the period are loaded; the period keeps that bounded.
 */

const ScoresSchema = z.object({ composure: z.number(), empathy: z.number(), boundary: z.number() });

const TeamMemberSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  sessions: z.number().int(),
  exchanges: z.number().int(),
  averages: AveragesSchema.nullable(),
  /** overall average of the first and the last scored session in the period */
  firstOverall: z.number().nullable(),
  lastOverall: z.number().nullable(),
});

const TeamPersonaSchema = z.object({
  personaId: z.string(),
  name: z.string(),
  sessions: z.number().int(),
  averages: AveragesSchema.nullable(),
  /** criterion scores on the 1–5 axis (boundary as its verdict score), for the chart */
  scores: ScoresSchema.nullable(),
});

export const TeamReportSchema = z.object({
  format: z.literal('counterpart-team-report'),
  version: z.literal(1),
  guildId: z.string().nullable(),
  lang: LanguageSchema,
  since: z.string(),
  generatedAt: z.string(),
  sessions: z.number().int(),
  members: z.array(TeamMemberSchema),
  averages: AveragesSchema.nullable(),
  scores: ScoresSchema.nullable(),
  personas: z.array(TeamPersonaSchema),
  /** the largest rise from first to last scored session; null when nobody rose */
  mostImproved: z.object({ userId: z.string(), name: z.string().nullable(), first: z.number(), last: z.number() }).nullable(),
  weakestPersona: z.object({ personaId: z.string(), name: z.string(), overall: z.number() }).nullable(),
  weakestCriterion: z.enum(['composure', 'empathy', 'boundary']).nullable(),
});
export type TeamReport = z.infer<typeof TeamReportSchema>;

interface TeamReportOptions {
  /** start of the period */
  since: Date | string;
  personas: PersonaCatalog;
  lang: Language;
  memberName?: (userId: string) => string | undefined;
  now?: () => Date;
}

const LOAD_BATCH = 50;

async function loadSessions(storage: Storage, listings: readonly SessionListing[]): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let start = 0; start < listings.length; start += LOAD_BATCH) {
    const batch = await Promise.all(listings.slice(start, start + LOAD_BATCH).map((listing) => storage.sessions.get(listing.id)));
    for (const session of batch) if (session) sessions.push(session);
  }
  return sessions;
}

/** The criterion with the lowest score; ties go to boundary, then empathy (as the session summary). */
function weakestOf(scores: { composure: number; empathy: number; boundary: number }): Criterion {
  const order: Criterion[] = ['boundary', 'empathy', 'composure'];
  return order.reduce((low, criterion) => (scores[criterion] < scores[low] ? criterion : low));
}

export async function buildTeamReport(storage: Storage, guildId: string | null, options: TeamReportOptions): Promise<TeamReport> {
  const since = (options.since instanceof Date ? options.since : new Date(options.since)).toISOString();
  const sinceMs = Date.parse(since);
  const listings = (await storage.sessions.listByGuild(guildId)).filter((row) => Date.parse(row.createdAt) >= sinceMs);
  const scored = await loadSessions(
    storage,
    listings.filter((row) => row.average !== null),
  );

  const byMember = new Map<string, { listings: SessionListing[]; sessions: Session[] }>();
  for (const row of listings) {
    const entry = byMember.get(row.userId) ?? { listings: [], sessions: [] };
    entry.listings.push(row);
    byMember.set(row.userId, entry);
  }
  for (const session of scored) byMember.get(session.userId)?.sessions.push(session);

  const members = [...byMember.entries()].map(([userId, entry]) => {
    const ordered = entry.listings.filter((row) => row.average !== null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return {
      userId,
      name: options.memberName?.(userId) ?? null,
      sessions: entry.listings.length,
      exchanges: entry.sessions.reduce((sum, session) => sum + session.exchanges.length, 0),
      averages: averagesOf(entry.sessions),
      firstOverall: ordered[0]?.average ?? null,
      lastOverall: ordered.at(-1)?.average ?? null,
      scoredSessions: ordered.length,
    };
  });
  members.sort((a, b) => b.sessions - a.sessions || a.userId.localeCompare(b.userId));

  const byPersona = new Map<string, { sessions: number; scored: Session[] }>();
  for (const row of listings) {
    const entry = byPersona.get(row.personaId) ?? { sessions: 0, scored: [] };
    entry.sessions += 1;
    byPersona.set(row.personaId, entry);
  }
  for (const session of scored) byPersona.get(session.personaId)?.scored.push(session);
  const personas = [...byPersona.entries()]
    .map(([personaId, entry]) => {
      const persona = options.personas.get(personaId);
      return {
        personaId,
        name: persona ? personaName(persona, options.lang) : personaId,
        sessions: entry.sessions,
        averages: averagesOf(entry.scored),
        scores: criterionScores(entry.scored),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  let mostImproved: TeamReport['mostImproved'] = null;
  for (const member of members) {
    if (member.scoredSessions < 2 || member.firstOverall === null || member.lastOverall === null) continue;
    const change = member.lastOverall - member.firstOverall;
    if (change > 0 && (!mostImproved || change > mostImproved.last - mostImproved.first)) {
      mostImproved = { userId: member.userId, name: member.name, first: member.firstOverall, last: member.lastOverall };
    }
  }

  let weakestPersona: TeamReport['weakestPersona'] = null;
  for (const persona of personas) {
    if (!persona.averages) continue;
    if (!weakestPersona || persona.averages.overall < weakestPersona.overall) {
      weakestPersona = { personaId: persona.personaId, name: persona.name, overall: persona.averages.overall };
    }
  }

  const scores = criterionScores(scored);
  return {
    format: 'counterpart-team-report',
    version: 1,
    guildId,
    lang: options.lang,
    since,
    generatedAt: (options.now?.() ?? new Date()).toISOString(),
    sessions: listings.length,
    members: members.map(({ scoredSessions: _scored, ...member }) => member),
    averages: averagesOf(scored),
    scores,
    personas,
    mostImproved,
    weakestPersona,
    weakestCriterion: scores ? weakestOf(scores) : null,
  };
}
