import { formatScore } from '../reports/report-text.js';
import { styleText } from 'node:util';
import type { SessionSummary } from '../engine/engine-types.js';
import type { CustomerLine } from '../engine/session.js';
import { feedbackLeadsWithStrength, type Grade, type Language } from '../evaluation/grade.js';
import { cliText, outcomeText, verdictText } from './cli-text.js';

type Style = Parameters<typeof styleText>[0];

/** Terminal output with colour only when the stream is a terminal (pipes and tests get plain text). */
export function createPainter(color: boolean): (style: Style, text: string) => string {
  return (style, text) => (color ? styleText(style, text) : text);
}

export type Painter = ReturnType<typeof createPainter>;

export function renderCustomerLine(line: CustomerLine, lang: Language, paint: Painter, customerName: string): string {
  const parts: string[] = [];
  if (line.narration) parts.push(paint('italic', `(${line.narration})`));
  parts.push(`${paint(['bold', 'red'], `${customerName}:`)} ${line.text}`);
  return `${parts.join('\n')}\n`;
}

export function renderGrade(grade: Grade, lang: Language, paint: Painter, showOfflineMarker: boolean): string {
  const t = cliText(lang);
  const score = (value: number) => paint(value >= 4 ? 'green' : value >= 3 ? 'yellow' : 'red', `${value}/5`);
  const boundaryOk = grade.boundary.verdict === 'not_needed' || grade.boundary.verdict === 'set_well';
  const marker = showOfflineMarker && grade.source.grader === 'offline' ? paint('dim', `  [${t.offline}]`) : '';
  return [
    `  ${t.composure} ${score(grade.composure.score)} · ${t.empathy} ${score(grade.empathy.score)} · ${t.boundary}: ${paint(
      boundaryOk ? 'green' : 'red',
      verdictText(lang, grade.boundary.verdict),
    )}${marker}`,
    feedbackLeadsWithStrength(grade)
      ? `  ${paint('green', '+')} ${t.strength}: ${grade.feedback.strength}`
      : `  ${paint('red', '!')} ${t.lands}: ${grade.feedback.strength}`,
    `  ${paint('yellow', '→')} ${t.tip}: ${grade.feedback.tip}`,
    `  ${paint('cyan', '»')} ${t.example}: ${paint('italic', grade.feedback.example)}`,
    '',
  ].join('\n');
}

export function renderSummary(summary: SessionSummary, paint: Painter): string {
  const t = cliText(summary.lang);
  const score = (value: number) => formatScore(value, summary.lang);
  const lines = [paint('bold', `— ${t.summary} —`), `${t.outcome}: ${outcomeText(summary.lang, summary.outcome)}`];
  if (!summary.averages) {
    lines.push(t.noReplies);
  } else {
    const a = summary.averages;
    lines.push(
      `${t.replies}: ${summary.exchanges}`,
      `${t.composure} ${score(a.composure)}/5 · ${t.empathy} ${score(a.empathy)}/5 · ${t.boundaryCorrect}: ${Math.round(a.boundaryCorrect * 100)} % · ${t.overall} ${score(a.overall)}/5`,
      `${t.overall}: ${summary.scores.map((entry) => score(entry.overall)).join(' → ')}`,
    );
    if (summary.best) lines.push(`${t.best} (${score(summary.best.score)}): ${t.quote(summary.best.reply)}`);
    if (summary.weakest) lines.push(`${t.weakest} (${score(summary.weakest.score)}): ${t.quote(summary.weakest.reply)}`);
  }
  lines.push(`${t.practiseNext}: ${summary.practiseNext}`, '');
  return lines.join('\n');
}
