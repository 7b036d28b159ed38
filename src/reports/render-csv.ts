import { overallScore } from '../evaluation/grade.js';
import type { Report } from './report-model.js';

/**
 * One row per graded reply, RFC 4180 (CRLF rows, fields with a comma, quote or line break quoted,
 * quotes doubled). Text cells that a spreadsheet would read as a formula get a leading apostrophe.
 * Column names stay English: they are keys for whoever processes the file, not prose.
 */

export const CSV_COLUMNS = [
  'session_id',
  'user_id',
  'member',
  'persona_id',
  'persona',
  'session_lang',
  'session_started',
  'outcome',
  'line',
  'attempt',
  'customer',
  'reply',
  'composure',
  'empathy',
  'boundary_needed',
  'boundary_verdict',
  'overall',
  'override_composure',
  'override_empathy',
  'override_boundary',
  'override_reason',
  'override_by',
  'feedback_strength',
  'feedback_tip',
  'replied_at',
] as const;

type Cell = string | number | boolean | null | undefined;

/** Formula triggers per OWASP: = + - @ and the tab/CR that some spreadsheets strip before them. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

export function renderCsv(report: Report): string {
  const rows: string[] = [csvRow(CSV_COLUMNS)];
  for (const { session, memberName, personaName } of report.sessions) {
    const lineText = new Map(session.lines.map((line) => [line.n, line.text]));
    for (const exchange of session.exchanges) {
      const { grade, override } = exchange;
      rows.push(
        csvRow([
          session.id,
          session.userId,
          memberName,
          session.personaId,
          personaName,
          session.lang,
          session.createdAt,
          session.outcome,
          exchange.lineN + 1,
          exchange.attempt,
          lineText.get(exchange.lineN) ?? '',
          exchange.reply,
          grade.composure.score,
          grade.empathy.score,
          grade.boundary.needed,
          grade.boundary.verdict,
          overallScore(grade),
          override?.composure,
          override?.empathy,
          override?.boundary,
          override?.reason,
          override?.by,
          grade.feedback.strength,
          grade.feedback.tip,
          exchange.at,
        ]),
      );
    }
  }
  // A BOM makes Excel read the file as UTF-8 (umlauts); other tools ignore it.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
