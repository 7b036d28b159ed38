import { z } from 'zod';
import { GuildExportSchema } from '../privacy/guild-export.js';
import { LabelLineSchema } from './calibration.js';
import { ReportSchema } from './report-model.js';
import { TeamReportSchema } from './team-report.js';

/**
 * JSON Schemas of every JSON file this feature writes, generated from the zod schemas that also
 * type the code. docs/reports.md embeds them; a test fails when the two drift apart.
 */
export function reportJsonSchemas(): Record<string, unknown> {
  const schema = (value: z.ZodType) => z.toJSONSchema(value, { io: 'output', unrepresentable: 'any' });
  return {
    report: schema(ReportSchema),
    'team-report': schema(TeamReportSchema),
    'label-line': schema(LabelLineSchema),
    'guild-export': schema(GuildExportSchema),
  };
}

const SCHEMA_SECTION_START = '<!-- json-schemas:start (generated from the zod schemas; do not edit by hand) -->';
const SCHEMA_SECTION_END = '<!-- json-schemas:end -->';

/** The generated part of docs/reports.md: one fenced JSON Schema per exported file kind. */
function schemaDocsSection(): string {
  const blocks = Object.entries(reportJsonSchemas()).map(([name, schema]) => `### ${name}\n\n\`\`\`json\n${JSON.stringify(schema, null, 2)}\n\`\`\``);
  return `${SCHEMA_SECTION_START}\n\n${blocks.join('\n\n')}\n\n${SCHEMA_SECTION_END}`;
}

/** Replaces the generated section of the docs text (or appends it when missing). */
export function withSchemaSection(docs: string): string {
  const start = docs.indexOf(SCHEMA_SECTION_START);
  const end = docs.indexOf(SCHEMA_SECTION_END);
  if (start === -1 || end === -1) return `${docs.trimEnd()}\n\n${schemaDocsSection()}\n`;
  return docs.slice(0, start) + schemaDocsSection() + docs.slice(end + SCHEMA_SECTION_END.length);
}
