import { z } from 'zod';
import type { Report } from './report-model.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export const ReportFormatSchema = z.enum(['html', 'markdown', 'csv', 'json']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/** A rendered report, ready to write to a file or attach to a Discord message. */
export interface RenderedReport {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

export const EXTENSION: Record<ReportFormat, string> = { html: 'html', markdown: 'md', csv: 'csv', json: 'json' };
export const CONTENT_TYPE: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Only [a-z0-9-] survive, so ids and persona names cannot steer where a file lands. */
export function safeFilePart(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x'
  );
}

function reportFilename(report: Report, format: ReportFormat): string {
  const first = report.sessions[0];
  const day = (first?.session.createdAt ?? report.generatedAt).slice(0, 10);
  const subject =
    report.kind === 'group'
      ? `group-${safeFilePart(report.groupId ?? 'x').slice(0, 12)}`
      : `${safeFilePart(first?.session.personaId ?? 'session')}-${safeFilePart(first?.session.id ?? 'x').slice(0, 8)}`;
  return `counterpart-${subject}-${safeFilePart(day)}.${EXTENSION[format]}`;
}

export function renderReport(report: Report, format: ReportFormat): RenderedReport {
  const body =
    format === 'html'
      ? renderHtml(report)
      : format === 'markdown'
        ? renderMarkdown(report)
        : format === 'csv'
          ? renderCsv(report)
          : `${JSON.stringify(report, null, 2)}\n`;
  return { filename: reportFilename(report, format), contentType: CONTENT_TYPE[format], body };
}
