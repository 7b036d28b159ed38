import { boundaryVerdictScore, type Language } from '../evaluation/grade.js';
import type { Session } from '../engine/session.js';
import { barChartSvg, CRITERION_COLORS, lineChartSvg } from './chart-svg.js';
import type { SafeHtml } from './html.js';
import type { Report } from './report-model.js';
import { formatScore, reportText } from './report-text.js';
import { mean } from './stats.js';
import { exchangeLabel } from './transcript-view.js';

/**
 * Charts plot boundary as its 1–5 verdict score (the one the overall score uses), so all three
 * criteria share one axis; tables show it as the share of correct verdicts.
 */
interface CriterionScores {
  composure: number;
  empathy: number;
  boundary: number;
}

export function criterionScores(sessions: readonly Session[]): CriterionScores | null {
  const grades = sessions.flatMap((session) => session.exchanges.map((exchange) => exchange.grade));
  if (grades.length === 0) return null;
  return {
    composure: mean(grades.map((grade) => grade.composure.score)),
    empathy: mean(grades.map((grade) => grade.empathy.score)),
    boundary: mean(grades.map((grade) => boundaryVerdictScore(grade.boundary.verdict))),
  };
}

function criterionSeries(lang: Language, rows: Array<CriterionScores | null>) {
  const text = reportText(lang);
  return [
    { name: text.composure, color: CRITERION_COLORS.composure, values: rows.map((row) => row?.composure ?? null) },
    { name: text.empathy, color: CRITERION_COLORS.empathy, values: rows.map((row) => row?.empathy ?? null) },
    { name: text.boundary, color: CRITERION_COLORS.boundary, values: rows.map((row) => row?.boundary ?? null) },
  ];
}

/** One group of bars per graded reply of the session. */
export function sessionChartSvg(session: Session, lang: Language): SafeHtml {
  const rows = session.exchanges.map((exchange) => ({
    composure: exchange.grade.composure.score,
    empathy: exchange.grade.empathy.score,
    boundary: boundaryVerdictScore(exchange.grade.boundary.verdict),
  }));
  return barChartSvg({
    title: reportText(lang).chartSession,
    formatValue: (value) => formatScore(value, lang),
    categories: session.exchanges.map((exchange) => exchangeLabel(exchange)),
    series: criterionSeries(lang, rows),
  });
}

/** One group of bars per participant of a group report. */
export function groupChartSvg(report: Report): SafeHtml {
  const byMember = new Map<string, { label: string; sessions: Session[] }>();
  for (const entry of report.sessions) {
    const member = byMember.get(entry.session.userId) ?? { label: entry.memberName ?? entry.session.userId, sessions: [] };
    member.sessions.push(entry.session);
    byMember.set(entry.session.userId, member);
  }
  const members = [...byMember.values()];
  return barChartSvg({
    title: reportText(report.lang).chartGroup,
    formatValue: (value) => formatScore(value, report.lang),
    categories: members.map((member) => member.label),
    series: criterionSeries(
      report.lang,
      members.map((member) => criterionScores(member.sessions)),
    ),
  });
}

/** A member's scores over their sessions, oldest first (the progress chart). */
export function progressChartSvg(sessions: readonly Session[], lang: Language): SafeHtml {
  const ordered = [...sessions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const dates = ordered.map((session) =>
    new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(new Date(session.createdAt)),
  );
  return lineChartSvg({
    title: reportText(lang).chartProgress,
    formatValue: (value) => formatScore(value, lang),
    categories: dates,
    series: criterionSeries(
      lang,
      ordered.map((session) => criterionScores([session])),
    ),
  });
}

/** The team chart: criterion averages per persona. */
export function teamChartSvg(team: { lang: Language; personas: Array<{ name: string; scores: CriterionScores | null }> }): SafeHtml {
  return barChartSvg({
    title: reportText(team.lang).chartTeam,
    formatValue: (value) => formatScore(value, team.lang),
    // Persona names carry a subtitle after a dash ("The frustrated customer – card blocked abroad"); the axis needs the short part.
    categories: team.personas.map((persona) => persona.name.split(/\s[–—-]\s/)[0] ?? persona.name),
    series: criterionSeries(
      team.lang,
      team.personas.map((persona) => persona.scores),
    ),
  });
}
