import { feedbackLeadsWithStrength, type Language } from '../evaluation/grade.js';
import type { Report, ReportSession } from './report-model.js';
import { reportTitle } from './render-html.js';
import { formatDate, formatScore, formatShare, reportText, type ReportText } from './report-text.js';
import { transcriptEntries } from './transcript-view.js';

/**
 * Markdown for pasting into a wiki or a ticket. Trainee and customer text is escaped so it stays
 * text: Markdown renderers pass raw HTML through, and `*`, `[`, `#` would otherwise format it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&"=@-]/g, (char) => `\\${char}`).replace(/\r\n?/g, '\n');
}

/** Escaped text as a block quote, one `>` per line so multi-line replies stay inside it. */
function quote(text: string): string {
  return escapeMarkdown(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function averagesTable(averages: Report['averages'], text: ReportText, lang: Language): string[] {
  if (!averages) return [text.noExchanges];
  return [
    `| ${text.overall} | ${text.composure} | ${text.empathy} | ${text.boundaryCorrect} |`,
    '|---:|---:|---:|---:|',
    `| ${formatScore(averages.overall, lang)} | ${formatScore(averages.composure, lang)} | ${formatScore(averages.empathy, lang)} | ${formatShare(averages.boundaryCorrect, lang)} |`,
  ];
}

function sessionMarkdown(entry: ReportSession, text: ReportText, lang: Language, level: string): string[] {
  const { session, summary } = entry;
  const who = escapeMarkdown(entry.memberName ?? session.userId);
  const out: string[] = [];
  out.push(`${level} ${escapeMarkdown(entry.personaName)} · ${who}`, '');
  out.push(
    `- **${text.persona}:** ${escapeMarkdown(entry.personaName)}`,
    `- **${text.trainee}:** ${who}`,
    `- **${text.date}:** ${formatDate(session.createdAt, lang)}`,
    `- **${text.outcome}:** ${text.outcomes[session.outcome ?? 'open']}`,
    `- **${text.intensity}:** ${text.intensities[session.intensity]}`,
    `- **${text.exchanges}:** ${session.exchanges.length}`,
    '',
  );
  out.push(...averagesTable(summary.averages, text, lang), '');
  out.push(`${level}# ${text.transcript}`, '');
  for (const { line, attempts } of transcriptEntries(session)) {
    out.push(`**${line.n + 1} · ${text.customer}**${line.retracted ? ` _(${text.retracted})_` : ''}`, '');
    if (line.narration) out.push(`_${escapeMarkdown(line.narration)}_`, '');
    out.push(quote(line.text), '');
    for (const { exchange, overall, retractedAnswer } of attempts) {
      const grade = exchange.grade;
      out.push(`**${attempts.length > 1 ? text.attempt(exchange.attempt) : text.reply}**`, '', quote(exchange.reply), '');
      out.push(
        `- ${text.composure} ${grade.composure.score} · ${text.empathy} ${grade.empathy.score} · ${text.boundary}: ${text.verdicts[grade.boundary.verdict]} · ${text.overall} ${formatScore(overall, lang)}`,
        `- ${feedbackLeadsWithStrength(grade) ? text.strength : text.lands}: ${escapeMarkdown(grade.feedback.strength)}`,
        `- ${text.tip}: ${escapeMarkdown(grade.feedback.tip)}`,
      );
      if (grade.feedback.example) out.push(`- ${text.example}: ${escapeMarkdown(grade.feedback.example)}`);
      const override = exchange.override;
      if (override) {
        const parts = [
          override.composure !== undefined ? `${text.composure} ${override.composure} (${text.machine}: ${grade.composure.score})` : null,
          override.empathy !== undefined ? `${text.empathy} ${override.empathy} (${text.machine}: ${grade.empathy.score})` : null,
          override.boundary !== undefined
            ? `${text.boundary}: ${text.verdicts[override.boundary]} (${text.machine}: ${text.verdicts[grade.boundary.verdict]})`
            : null,
        ].filter((part): part is string => part !== null);
        out.push(
          `- **${text.trainerOverride}:** ${parts.join(' · ')} — ${escapeMarkdown(override.reason)} (${escapeMarkdown(text.overrideBy(override.by, formatDate(override.at, lang)))})`,
        );
      }
      if (retractedAnswer) {
        out.push('', `_${retractedAnswer.n + 1} · ${text.customer} (${text.retracted})_`, '', quote(retractedAnswer.text));
      }
      out.push('');
    }
  }
  out.push(`${level}# ${text.summary}`, '');
  if (summary.best) out.push(`**${text.best}** (${formatScore(summary.best.score, lang)})`, '', quote(summary.best.reply), '');
  if (summary.weakest) out.push(`**${text.weakest}** (${formatScore(summary.weakest.score, lang)})`, '', quote(summary.weakest.reply), '');
  out.push(`**${text.practiseNext}:** ${escapeMarkdown(summary.practiseNext)}`, '');
  return out;
}

export function renderMarkdown(report: Report): string {
  const lang = report.lang;
  const text = reportText(lang);
  const out: string[] = [`# ${escapeMarkdown(reportTitle(report))}`, ''];
  if (report.kind === 'group') {
    out.push(`## ${text.averages}`, '', ...averagesTable(report.averages, text, lang), '');
    for (const entry of report.sessions) out.push(...sessionMarkdown(entry, text, lang, '##'));
  } else {
    for (const entry of report.sessions) out.push(...sessionMarkdown(entry, text, lang, '##'));
  }
  out.push('---', '', `_${text.footer}_`, '', `_${text.generated(formatDate(report.generatedAt, lang))}_`, '');
  return out.join('\n');
}
