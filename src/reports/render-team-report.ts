import { chartPng } from './chart-png.js';
import { html, SafeHtml } from './html.js';
import { csvRow } from './render-csv.js';
import { escapeMarkdown } from './render-markdown.js';
import { CONTENT_TYPE, EXTENSION, safeFilePart, type RenderedReport, type ReportFormat } from './render-report.js';
import { teamChartSvg } from './report-charts.js';
import type { Averages } from './report-model.js';
import { REPORT_CSP, REPORT_CSS } from './report-style.js';
import { formatDate, formatScore, formatShare, reportText, type ReportText } from './report-text.js';
import type { TeamReport } from './team-report.js';

const score = (value: number | null | undefined, lang: TeamReport['lang']) => (value === null || value === undefined ? '–' : formatScore(value, lang));

function highlights(team: TeamReport, text: ReportText): Array<[string, string]> {
  const lang = team.lang;
  const improved = team.mostImproved
    ? `${team.mostImproved.name ?? team.mostImproved.userId}: ${text.improvement(formatScore(team.mostImproved.first, lang), formatScore(team.mostImproved.last, lang))}`
    : text.nobodyImproved;
  return [
    [text.mostImproved, improved],
    [text.weakestPersona, team.weakestPersona ? `${team.weakestPersona.name} (${formatScore(team.weakestPersona.overall, lang)})` : '–'],
    [text.weakestCriterion, team.weakestCriterion ? text[team.weakestCriterion] : '–'],
  ];
}

function averageCells(averages: Averages | null, lang: TeamReport['lang']): string[] {
  return averages
    ? [
        formatScore(averages.overall, lang),
        formatScore(averages.composure, lang),
        formatScore(averages.empathy, lang),
        formatShare(averages.boundaryCorrect, lang),
      ]
    : ['–', '–', '–', '–'];
}

export function teamChartPng(team: TeamReport): Buffer {
  return chartPng(teamChartSvg(team));
}

function renderTeamHtml(team: TeamReport): string {
  const lang = team.lang;
  const text = reportText(lang);
  const head = [text.overall, text.composure, text.empathy, text.boundaryCorrect];
  const numberHeads = head.map((label) => html`<th class="num">${label}</th>`);
  const memberRows = team.members.map(
    (member) =>
      html`<tr><td>${member.name ?? member.userId}</td><td class="num">${member.sessions}</td>${averageCells(member.averages, lang).map((cell) => html`<td class="num">${cell}</td>`)}<td class="num">${score(member.firstOverall, lang)} → ${score(member.lastOverall, lang)}</td></tr>`,
  );
  const personaRows = team.personas.map(
    (persona) =>
      html`<tr><td>${persona.name}</td><td class="num">${persona.sessions}</td>${averageCells(persona.averages, lang).map((cell) => html`<td class="num">${cell}</td>`)}</tr>`,
  );
  const tiles = team.averages
    ? html`<div class="tiles">${averageCells(team.averages, lang).map((cell, index) => html`<div class="tile"><div class="label">${head[index]}</div><div class="value">${cell}</div></div>`)}</div>`
    : html`<p class="note">${text.noSessions}</p>`;
  const page = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.teamTitle}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<main>
<header class="report"><h1>${text.teamTitle}</h1><p class="subtitle">${text.period}: ${text.since} ${formatDate(team.since, lang)}</p><dl class="facts">${[
    [text.sessions, String(team.sessions)],
    [text.members, String(team.members.length)],
    ...highlights(team, text),
  ].map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>${tiles}</header>
${team.personas.some((persona) => persona.scores) ? html`<section><figure class="chart">${teamChartSvg(team)}</figure></section>` : ''}
<section><h2>${text.perMember}</h2><table><thead><tr><th>${text.member}</th><th class="num">${text.sessions}</th>${numberHeads}<th class="num">${text.firstToLast}</th></tr></thead><tbody>${memberRows}</tbody></table></section>
<section><h2>${text.perPersona}</h2><table><thead><tr><th>${text.persona}</th><th class="num">${text.sessions}</th>${numberHeads}</tr></thead><tbody>${personaRows}</tbody></table></section>
<footer><p>${text.footer}</p><p>${text.generated(formatDate(team.generatedAt, lang))}</p></footer>
</main>
</body>
</html>
`;
  return page.value;
}

function renderTeamMarkdown(team: TeamReport): string {
  const lang = team.lang;
  const text = reportText(lang);
  const head = `| ${text.overall} | ${text.composure} | ${text.empathy} | ${text.boundaryCorrect} |`;
  const out = [`# ${text.teamTitle}`, '', `${text.period}: ${text.since} ${formatDate(team.since, lang)}`, ''];
  out.push(`- **${text.sessions}:** ${team.sessions}`, `- **${text.members}:** ${team.members.length}`);
  for (const [label, value] of highlights(team, text)) out.push(`- **${label}:** ${escapeMarkdown(value)}`);
  out.push('', `## ${text.perMember}`, '', `| ${text.member} | ${text.sessions} ${head} ${text.firstToLast} |`, '|---|---:|---:|---:|---:|---:|---:|');
  for (const member of team.members) {
    out.push(
      `| ${escapeMarkdown(member.name ?? member.userId)} | ${member.sessions} | ${averageCells(member.averages, lang).join(' | ')} | ${score(member.firstOverall, lang)} → ${score(member.lastOverall, lang)} |`,
    );
  }
  out.push('', `## ${text.perPersona}`, '', `| ${text.persona} | ${text.sessions} ${head}`, '|---|---:|---:|---:|---:|---:|');
  for (const persona of team.personas) {
    out.push(`| ${escapeMarkdown(persona.name)} | ${persona.sessions} | ${averageCells(persona.averages, lang).join(' | ')} |`);
  }
  out.push('', `_${text.footer}_`, '', `_${text.generated(formatDate(team.generatedAt, lang))}_`, '');
  return out.join('\n');
}

function renderTeamCsv(team: TeamReport): string {
  const rows = [csvRow(['user_id', 'member', 'sessions', 'exchanges', 'overall', 'composure', 'empathy', 'boundary_correct', 'first_overall', 'last_overall'])];
  for (const member of team.members) {
    rows.push(
      csvRow([
        member.userId,
        member.name,
        member.sessions,
        member.exchanges,
        member.averages?.overall,
        member.averages?.composure,
        member.averages?.empathy,
        member.averages?.boundaryCorrect,
        member.firstOverall,
        member.lastOverall,
      ]),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export function renderTeamReport(team: TeamReport, format: ReportFormat): RenderedReport {
  const body =
    format === 'html'
      ? renderTeamHtml(team)
      : format === 'markdown'
        ? renderTeamMarkdown(team)
        : format === 'csv'
          ? renderTeamCsv(team)
          : `${JSON.stringify(team, null, 2)}\n`;
  return {
    filename: `counterpart-team-${safeFilePart(team.generatedAt.slice(0, 10))}.${EXTENSION[format]}`,
    contentType: CONTENT_TYPE[format],
    body,
  };
}
