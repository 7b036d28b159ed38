import { feedbackLeadsWithStrength, isBoundaryCorrect, type Grade, type Language } from '../evaluation/grade.js';
import type { Exchange } from '../engine/session.js';
import { html, SafeHtml } from './html.js';
import { groupChartSvg, sessionChartSvg } from './report-charts.js';
import type { Averages, Report, ReportSession } from './report-model.js';
import { REPORT_CSP, REPORT_CSS } from './report-style.js';
import { formatDate, formatScore, formatShare, reportText, type ReportText } from './report-text.js';
import { transcriptEntries } from './transcript-view.js';

/**
 * A self-contained HTML page: inline CSS and inline SVG, no scripts, no external requests (a CSP
 * says so to the browser as well). All text reaches the page through the escaping `html` tag.
 */

const band = (score: number) => (score >= 4 ? 'good' : score >= 3 ? 'mid' : 'weak');

function chip(label: string, score: number, lang: Language): SafeHtml {
  return html`<span class="chip ${band(score)}">${label} ${formatScore(score, lang)}</span>`;
}

function tiles(averages: Averages | null, text: ReportText, lang: Language): SafeHtml {
  if (!averages) return html`<p class="note">${text.noExchanges}</p>`;
  const tile = (label: string, value: string) => html`<div class="tile"><div class="label">${label}</div><div class="value">${value}</div></div>`;
  return html`<div class="tiles">${[
    tile(text.overall, formatScore(averages.overall, lang)),
    tile(text.composure, formatScore(averages.composure, lang)),
    tile(text.empathy, formatScore(averages.empathy, lang)),
    tile(text.boundaryCorrect, formatShare(averages.boundaryCorrect, lang)),
  ]}</div>`;
}

function fact(label: string, value: string): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function gradeBlock(grade: Grade, overall: number, text: ReportText, lang: Language): SafeHtml {
  const boundaryClass = isBoundaryCorrect(grade.boundary.verdict) ? 'good' : 'weak';
  return html`<div class="scores">${chip(text.composure, grade.composure.score, lang)}${chip(text.empathy, grade.empathy.score, lang)}<span class="chip ${boundaryClass}">${text.boundary}: ${text.verdicts[grade.boundary.verdict]}</span>${chip(text.overall, overall, lang)}</div>`;
}

function overrideBlock(exchange: Exchange, text: ReportText, lang: Language): SafeHtml {
  const override = exchange.override;
  if (!override) return html``;
  const parts: SafeHtml[] = [];
  if (override.composure !== undefined)
    parts.push(
      html`<span class="chip ${band(override.composure)}">${text.composure} ${override.composure} (${text.machine}: ${exchange.grade.composure.score})</span>`,
    );
  if (override.empathy !== undefined)
    parts.push(
      html`<span class="chip ${band(override.empathy)}">${text.empathy} ${override.empathy} (${text.machine}: ${exchange.grade.empathy.score})</span>`,
    );
  if (override.boundary !== undefined)
    parts.push(
      html`<span class="chip">${text.boundary}: ${text.verdicts[override.boundary]} (${text.machine}: ${text.verdicts[exchange.grade.boundary.verdict]})</span>`,
    );
  return html`<div class="override"><div class="who">${text.trainerOverride}</div><div class="scores">${parts}</div><div class="text">${override.reason}</div><div class="note">${text.overrideBy(override.by, formatDate(override.at, lang))}</div></div>`;
}

function transcriptSection(entry: ReportSession, text: ReportText, lang: Language): SafeHtml {
  const lines = transcriptEntries(entry.session).map(({ line, attempts }) => {
    const attemptCards = attempts.map(({ exchange, overall, retractedAnswer }) => {
      const grade = exchange.grade;
      return html`<div class="attempt"><div class="who">${attempts.length > 1 ? text.attempt(exchange.attempt) : text.reply}</div><div class="text">${exchange.reply}</div>${gradeBlock(grade, overall, text, lang)}<dl class="feedback"><dt>${feedbackLeadsWithStrength(grade) ? text.strength : text.lands}</dt><dd>${grade.feedback.strength}</dd><dt>${text.tip}</dt><dd>${grade.feedback.tip}</dd>${grade.feedback.example ? html`<dt>${text.example}</dt><dd>${grade.feedback.example}</dd>` : ''}</dl>${overrideBlock(exchange, text, lang)}${retractedAnswer ? html`<div class="customer withdrawn"><div class="who">${retractedAnswer.n + 1} · ${text.customer}</div><div class="text">${retractedAnswer.text}</div><div class="note">${text.retracted}</div></div>` : ''}</div>`;
    });
    return html`<div class="line${line.retracted ? ' retracted' : ''}"><div class="customer"><div class="who">${line.n + 1} · ${text.customer}</div>${line.narration ? html`<div class="narration">${line.narration}</div>` : ''}<div class="text">${line.text}</div>${line.retracted ? html`<div class="note">${text.retracted}</div>` : ''}</div>${attemptCards.length > 0 ? html`<div class="attempts" style="--attempts: ${attemptCards.length}">${attemptCards}</div>` : ''}</div>`;
  });
  return html`<section><h2>${text.transcript}</h2>${lines}</section>`;
}

function summarySection(entry: ReportSession, text: ReportText, lang: Language): SafeHtml {
  const { summary } = entry;
  const ref = (label: string, value: typeof summary.best) =>
    value
      ? html`<h3>${label} (${formatScore(value.score, lang)})</h3><div class="customer"><div class="text">${value.customer}</div></div><div class="attempt"><div class="text">${value.reply}</div></div>`
      : '';
  return html`<section><h2>${text.summary}</h2>${ref(text.best, summary.best)}${ref(text.weakest, summary.weakest)}<h3>${text.practiseNext}</h3><p>${summary.practiseNext}</p></section>`;
}

function sessionHeader(entry: ReportSession, report: Report, text: ReportText, lang: Language, heading: 'h1' | 'h2'): SafeHtml {
  const { session } = entry;
  const facts = html`<dl class="facts">${[
    fact(text.persona, entry.personaName),
    fact(text.trainee, entry.memberName ?? session.userId),
    fact(text.date, formatDate(session.createdAt, lang)),
    fact(text.outcome, text.outcomes[session.outcome ?? 'open']),
    fact(text.intensity, text.intensities[session.intensity]),
    fact(text.exchanges, String(session.exchanges.length)),
  ]}</dl>`;
  const title =
    heading === 'h1'
      ? html`<h1>${text.sessionTitle}</h1><p class="subtitle">${entry.personaName} · ${entry.memberName ?? session.userId}</p>`
      : html`<h2>${entry.memberName ?? session.userId} · ${entry.personaName}</h2>`;
  const averages = report.kind === 'session' ? report.averages : entry.summary.averages;
  return html`${title}${facts}${tiles(averages, text, lang)}`;
}

function sessionBlock(entry: ReportSession, report: Report, text: ReportText, lang: Language): SafeHtml {
  const chart = entry.session.exchanges.length > 0 ? html`<section><figure class="chart">${sessionChartSvg(entry.session, lang)}</figure></section>` : '';
  if (report.kind === 'session') {
    return html`<header class="report">${sessionHeader(entry, report, text, lang, 'h1')}</header>${chart}${transcriptSection(entry, text, lang)}${summarySection(entry, text, lang)}`;
  }
  return html`<section>${sessionHeader(entry, report, text, lang, 'h2')}</section>${chart}${transcriptSection(entry, text, lang)}${summarySection(entry, text, lang)}`;
}

function groupHeader(report: Report, text: ReportText, lang: Language): SafeHtml {
  const members = new Set(report.sessions.map((entry) => entry.session.userId));
  const personas = [...new Set(report.sessions.map((entry) => entry.personaName))].join(', ');
  const first = report.sessions.map((entry) => entry.session.createdAt).sort()[0] ?? report.generatedAt;
  const rows = report.sessions.map(
    ({ session, memberName, personaName, summary }) =>
      html`<tr><td>${memberName ?? session.userId}</td><td>${personaName}</td><td>${text.outcomes[session.outcome ?? 'open']}</td><td class="num">${session.exchanges.length}</td><td class="num">${summary.averages ? formatScore(summary.averages.overall, lang) : '–'}</td></tr>`,
  );
  return html`<header class="report"><h1>${text.groupTitle}</h1><p class="subtitle">${personas}</p><dl class="facts">${[
    fact(text.date, formatDate(first, lang)),
    fact(text.participants, String(members.size)),
    fact(text.sessions, String(report.sessions.length)),
  ]}</dl>${tiles(report.averages, text, lang)}</header><section><figure class="chart">${groupChartSvg(report)}</figure><table><thead><tr><th>${text.trainee}</th><th>${text.persona}</th><th>${text.outcome}</th><th class="num">${text.exchanges}</th><th class="num">${text.overall}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function reportTitle(report: Report): string {
  const text = reportText(report.lang);
  const first = report.sessions[0];
  if (report.kind === 'group' || !first) return text.groupTitle;
  return `${text.sessionTitle}: ${first.personaName} · ${first.memberName ?? first.session.userId}`;
}

export function renderHtml(report: Report): string {
  const lang = report.lang;
  const text = reportText(lang);
  const body =
    report.kind === 'group'
      ? html`${groupHeader(report, text, lang)}${report.sessions.map((entry) => sessionBlock(entry, report, text, lang))}`
      : html`${report.sessions.map((entry) => sessionBlock(entry, report, text, lang))}`;
  const page = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${reportTitle(report)}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<main>
${body}
<footer><p>${text.footer}</p><p>${text.generated(formatDate(report.generatedAt, lang))}</p></footer>
</main>
</body>
</html>
`;
  return page.value;
}
