export { canCalibrate, canReviewTeam, canViewSession, type Viewer, type ViewerRole } from './access.js';
export { calibrationSummary, exportLabels, setOverride, type CalibrationSummary, type OverrideInput } from './calibration.js';
export { buildProgressChart } from './progress-chart.js';
export { renderReport, ReportFormatSchema, type ReportFormat } from './render-report.js';
export { renderTeamReport, teamChartPng } from './render-team-report.js';
export { buildGroupReport, buildSessionReport, type ReportDeps } from './report-model.js';
export { buildTeamReport, type TeamReport } from './team-report.js';
export { listTranscripts, type TranscriptFilter } from './transcripts.js';
