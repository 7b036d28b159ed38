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
