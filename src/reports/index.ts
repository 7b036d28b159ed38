export { canCalibrate, canReviewTeam, canViewSession, type Viewer, type ViewerRole } from './access.js';
export {
  calibrationSummary,
  exportLabels,
  labelLines,
  LabelLineSchema,
  setOverride,
  type CalibrationSummary,
  type LabelKind,
  type LabelLine,
  type OverrideInput,
} from './calibration.js';
export { chartPng } from './chart-png.js';
export { buildProgressChart, type Chart } from './progress-chart.js';
export { groupChartSvg, progressChartSvg, sessionChartSvg, teamChartSvg } from './report-charts.js';
export { renderReport, ReportFormatSchema, type RenderedReport, type ReportFormat } from './render-report.js';
export { renderTeamReport, teamChartPng } from './render-team-report.js';
export { reportJsonSchemas } from './report-json-schema.js';
export { buildGroupReport, buildSessionReport, ReportSchema, type Report, type ReportDeps } from './report-model.js';
export { buildTeamReport, TeamReportSchema, type TeamReport, type TeamReportOptions } from './team-report.js';
export { exchangeLabel, transcriptEntries, type TranscriptAttempt, type TranscriptEntry } from './transcript-view.js';
export { listTranscripts, type PageRequest, type TranscriptFilter, type TranscriptPage } from './transcripts.js';
