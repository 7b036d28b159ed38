import type { Language } from '../../evaluation/grade.js';

/**
 * What the review, report, calibration and privacy commands show on Discord, in German and
 * English. Kept beside `ui-text.ts` (the practice texts) so each file stays readable; functions
 * take the values that vary and return plain text (callers escape member text before passing it).
 */
interface ReviewText {
  listTitle: string;
  listEmpty: string;
  listPage(page: number, pages: number, total: number): string;
  listLine(date: string, persona: string, member: string, turns: number, average: string): string;
  listGroup: string;
  selectPlaceholder: string;
  selectOption(date: string, persona: string, turns: number): string;
  previous: string;
  next: string;
  badSince: string;
  transcriptTitle(persona: string, date: string): string;
  transcriptMember(member: string): string;
  customer: string;
  reply: string;
  attempt(n: number): string;
  retractedAnswer: string;
  noReplies: string;
  override(by: string): string;
  reason: string;
  longTranscript: string;
  exportLabel: Record<'html' | 'markdown' | 'csv' | 'json', string>;
  exportReady(filename: string): string;
  correctPlaceholder: string;
  correctOption(label: string, reply: string): string;
  correctionLimit(shown: number): string;
  modalTitle(label: string): string;
  modalComposure: string;
  modalEmpathy: string;
  modalBoundary: string;
  modalBoundaryHint: string;
  modalReason: string;
  badScore(field: string): string;
  badVerdict(values: string): string;
  overrideSaved(label: string): string;
  progressChart: string;
  progressReportPlaceholder: string;
  teamTitle: string;
  teamPeriod(since: string): string;
  teamSessions: string;
  teamMembers: string;
  teamAverages: string;
  teamPerMember: string;
  teamPerPersona: string;
  teamMostImproved: string;
  teamWeakestPersona: string;
  teamWeakestCriterion: string;
  teamNone: string;
  nobodyImproved: string;
  criterion: Record<'composure' | 'empathy' | 'boundary', string>;
  averagesLine(overall: string, composure: string, empathy: string, boundaryPercent: string): string;
  calibrationTitle: string;
  calibrationNone: string;
  calibrationCounts(overrides: number, sessions: number): string;
  calibrationLine(compared: number, agreement: string, difference: string): string;
  calibrationNoData: string;
  calibrationLabels: string;
  needsCalibrator: string;
  privacyTitle: string;
  privacyConfirm: string;
  privacyConfirmButton: string;
  privacyCancelButton: string;
  privacyCancelled: string;
  notYourButton: string;
  retention: string;
  retentionSet(days: number): string;
  retentionOff: string;
}

const en: ReviewText = {
  listTitle: 'Practice transcripts',
  listEmpty: 'No practice sessions match.',
  listPage: (page, pages, total) => `Page ${page} of ${pages} · ${total} session${total === 1 ? '' : 's'}`,
  listLine: (date, persona, member, turns, average) => `${date} · ${persona} · ${member} · ${turns} repl${turns === 1 ? 'y' : 'ies'} · ${average}`,
  listGroup: 'group',
  selectPlaceholder: 'Open a transcript…',
  selectOption: (date, persona, turns) => `${date} · ${persona} · ${turns} repl${turns === 1 ? 'y' : 'ies'}`,
  previous: 'Previous',
  next: 'Next',
  badSince: 'Give the start as a date (2026-01-31) or a number of days back (30).',
  transcriptTitle: (persona, date) => `${persona} · ${date}`,
  transcriptMember: (member) => `Trainee: ${member}`,
  customer: 'Customer',
  reply: 'Reply',
  attempt: (n) => `attempt ${n}`,
  retractedAnswer: 'Customer (withdrawn after a retry)',
  noReplies: 'No graded replies in this session.',
  override: (by) => `Trainer correction by ${by}`,
  reason: 'reason',
  longTranscript: 'This transcript is too long for one message; the full text is attached as Markdown.',
  exportLabel: { html: 'HTML', markdown: 'Markdown', csv: 'CSV', json: 'JSON' },
  exportReady: (filename) => `Here is the report: ${filename}`,
  correctPlaceholder: 'Correct the grade of a reply…',
  correctOption: (label, reply) => `Reply ${label}: ${reply}`,
  correctionLimit: (shown) => `Only the first ${shown} replies can be picked here.`,
  modalTitle: (label) => `Correct the grade of reply ${label}`,
  modalComposure: 'Composure (1–5, empty: keep)',
  modalEmpathy: 'Empathy (1–5, empty: keep)',
  modalBoundary: 'Boundary verdict (empty: keep)',
  modalBoundaryHint: 'not_needed, set_well, missing, unnecessary, too_harsh',
  modalReason: 'Reason',
  badScore: (field) => `${field} must be a whole number from 1 to 5, or empty.`,
  badVerdict: (values) => `The boundary verdict must be one of: ${values}.`,
  overrideSaved: (label) => `Your correction of reply ${label} is stored beside the machine grade.`,
  progressChart: 'Scores per criterion over your sessions',
  progressReportPlaceholder: 'HTML report of one of your sessions…',
  teamTitle: 'Team report',
  teamPeriod: (since) => `Since ${since}`,
  teamSessions: 'Sessions',
  teamMembers: 'Members',
  teamAverages: 'Team averages',
  teamPerMember: 'Sessions per member',
  teamPerPersona: 'Per persona',
  teamMostImproved: 'Improved most',
  teamWeakestPersona: 'Hardest persona',
  teamWeakestCriterion: 'Weakest criterion',
  teamNone: 'Nobody practised in this period.',
  nobodyImproved: 'nobody yet',
  criterion: { composure: 'Composure', empathy: 'Empathy', boundary: 'Boundary' },
  averagesLine: (overall, composure, empathy, boundary) =>
    `Overall ${overall}/5 · Composure ${composure}/5 · Empathy ${empathy}/5 · Boundary right ${boundary}`,
  calibrationTitle: 'Calibration: machine grades against trainers',
  calibrationNone: 'No trainer has corrected a grade in this server yet. Open a transcript with /transcripts and pick a reply to correct.',
  calibrationCounts: (overrides, sessions) => `${overrides} corrected repl${overrides === 1 ? 'y' : 'ies'} in ${sessions} session${sessions === 1 ? '' : 's'}.`,
  calibrationLine: (compared, agreement, difference) => `${compared} compared · same grade ${agreement} · mean difference ${difference}`,
  calibrationNoData: 'not corrected yet',
  calibrationLabels: 'The corrections as eval labels (JSON lines) are attached.',
  needsCalibrator: 'Only trainers and managers can correct grades.',
  privacyTitle: 'What is stored about you',
  privacyConfirm:
    'Delete all your practice sessions, transcripts and progress in this server, together with your name and answers in group sessions? You leave any group session that is still running. This cannot be undone.',
  privacyConfirmButton: 'Delete everything',
  privacyCancelButton: 'Keep it',
  privacyCancelled: 'Nothing was deleted.',
  notYourButton: 'This button belongs to someone else.',
  retention: 'Retention',
  retentionSet: (days) => `Sessions are deleted ${days} days after their last activity.`,
  retentionOff: 'Sessions are kept until someone deletes them.',
};

const de: ReviewText = {
  listTitle: 'Übungsprotokolle',
  listEmpty: 'Keine Übungssitzung passt dazu.',
  listPage: (page, pages, total) => `Seite ${page} von ${pages} · ${total} Sitzung${total === 1 ? '' : 'en'}`,
  listLine: (date, persona, member, turns, average) => `${date} · ${persona} · ${member} · ${turns} Antwort${turns === 1 ? '' : 'en'} · ${average}`,
  listGroup: 'Gruppe',
  selectPlaceholder: 'Ein Protokoll öffnen …',
  selectOption: (date, persona, turns) => `${date} · ${persona} · ${turns} Antwort${turns === 1 ? '' : 'en'}`,
  previous: 'Zurück',
  next: 'Weiter',
  badSince: 'Geben Sie den Beginn als Datum (2026-01-31) oder als Zahl der Tage zurück (30) an.',
  transcriptTitle: (persona, date) => `${persona} · ${date}`,
  transcriptMember: (member) => `Teilnehmer/in: ${member}`,
  customer: 'Kunde',
  reply: 'Antwort',
  attempt: (n) => `Versuch ${n}`,
  retractedAnswer: 'Kunde (nach neuem Versuch zurückgenommen)',
  noReplies: 'In dieser Sitzung gibt es keine bewerteten Antworten.',
  override: (by) => `Korrektur durch ${by}`,
  reason: 'Begründung',
  longTranscript: 'Dieses Protokoll passt nicht in eine Nachricht; der vollständige Text hängt als Markdown-Datei an.',
  exportLabel: { html: 'HTML', markdown: 'Markdown', csv: 'CSV', json: 'JSON' },
  exportReady: (filename) => `Hier ist der Bericht: ${filename}`,
  correctPlaceholder: 'Bewertung einer Antwort korrigieren …',
  correctOption: (label, reply) => `Antwort ${label}: ${reply}`,
  correctionLimit: (shown) => `Hier lassen sich nur die ersten ${shown} Antworten auswählen.`,
  modalTitle: (label) => `Bewertung von Antwort ${label} korrigieren`,
  modalComposure: 'Gelassenheit (1–5, leer: beibehalten)',
  modalEmpathy: 'Empathie (1–5, leer: beibehalten)',
  modalBoundary: 'Urteil zur Grenze (leer: beibehalten)',
  modalBoundaryHint: 'not_needed, set_well, missing, unnecessary, too_harsh',
  modalReason: 'Begründung',
  badScore: (field) => `${field} muss eine ganze Zahl von 1 bis 5 sein oder leer bleiben.`,
  badVerdict: (values) => `Das Urteil zur Grenze muss einer dieser Werte sein: ${values}.`,
  overrideSaved: (label) => `Ihre Korrektur von Antwort ${label} ist neben der maschinellen Bewertung gespeichert.`,
  progressChart: 'Werte je Kriterium über Ihre Sitzungen',
  progressReportPlaceholder: 'HTML-Bericht einer Ihrer Sitzungen …',
  teamTitle: 'Teambericht',
  teamPeriod: (since) => `Seit ${since}`,
  teamSessions: 'Sitzungen',
  teamMembers: 'Mitglieder',
  teamAverages: 'Teamdurchschnitt',
  teamPerMember: 'Sitzungen je Mitglied',
  teamPerPersona: 'Je Kundenfigur',
  teamMostImproved: 'Größte Verbesserung',
  teamWeakestPersona: 'Schwierigste Kundenfigur',
  teamWeakestCriterion: 'Schwächstes Kriterium',
  teamNone: 'In diesem Zeitraum hat niemand geübt.',
  nobodyImproved: 'noch niemand',
  criterion: { composure: 'Gelassenheit', empathy: 'Empathie', boundary: 'Grenze' },
  averagesLine: (overall, composure, empathy, boundary) =>
    `Gesamt ${overall}/5 · Gelassenheit ${composure}/5 · Empathie ${empathy}/5 · Grenze richtig ${boundary}`,
  calibrationTitle: 'Kalibrierung: maschinelle Bewertung und Trainerurteil',
  calibrationNone:
    'Auf diesem Server hat noch kein Trainer eine Bewertung korrigiert. Öffnen Sie ein Protokoll mit /transcripts und wählen Sie eine Antwort zum Korrigieren.',
  calibrationCounts: (overrides, sessions) =>
    `${overrides} korrigierte Antwort${overrides === 1 ? '' : 'en'} in ${sessions} Sitzung${sessions === 1 ? '' : 'en'}.`,
  calibrationLine: (compared, agreement, difference) => `${compared} verglichen · gleiche Bewertung ${agreement} · mittlere Abweichung ${difference}`,
  calibrationNoData: 'noch nicht korrigiert',
  calibrationLabels: 'Die Korrekturen als Eval-Labels (JSON-Zeilen) hängen an.',
  needsCalibrator: 'Nur Trainer und Manager können Bewertungen korrigieren.',
  privacyTitle: 'Was über Sie gespeichert ist',
  privacyConfirm:
    'Alle Ihre Übungssitzungen, Protokolle und Ihren Fortschritt auf diesem Server löschen, dazu Ihren Namen und Ihre Antworten in Gruppensitzungen? Aus einer noch laufenden Gruppensitzung treten Sie damit aus. Das lässt sich nicht rückgängig machen.',
  privacyConfirmButton: 'Alles löschen',
  privacyCancelButton: 'Behalten',
  privacyCancelled: 'Es wurde nichts gelöscht.',
  notYourButton: 'Diese Schaltfläche gehört jemand anderem.',
  retention: 'Aufbewahrung',
  retentionSet: (days) => `Sitzungen werden ${days} Tage nach der letzten Aktivität gelöscht.`,
  retentionOff: 'Sitzungen bleiben gespeichert, bis jemand sie löscht.',
};

export function reviewText(lang: Language): ReviewText {
  return lang === 'de' ? de : en;
}
