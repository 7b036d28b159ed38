import type { BoundaryVerdict, Language } from '../evaluation/grade.js';
import type { Outcome } from '../engine/session.js';

/** Every word a report shows, in both languages. Renderers never hold visible text of their own. */
export interface ReportText {
  sessionTitle: string;
  groupTitle: string;
  teamTitle: string;
  progressTitle: string;
  persona: string;
  trainee: string;
  participants: string;
  date: string;
  outcome: string;
  intensity: string;
  exchanges: string;
  composure: string;
  empathy: string;
  boundary: string;
  boundaryCorrect: string;
  overall: string;
  averages: string;
  transcript: string;
  customer: string;
  reply: string;
  attempt: (n: number) => string;
  retracted: string;
  noReply: string;
  strength: string;
  /** heads the first feedback line of a reply that lost its composure */
  lands: string;
  tip: string;
  example: string;
  machine: string;
  trainerOverride: string;
  overrideBy: (by: string, at: string) => string;
  boundaryNeeded: string;
  summary: string;
  best: string;
  weakest: string;
  practiseNext: string;
  chartSession: string;
  chartGroup: string;
  chartTeam: string;
  chartProgress: string;
  generated: (at: string) => string;
  noExchanges: string;
  outcomes: Record<Outcome | 'open', string>;
  verdicts: Record<BoundaryVerdict, string>;
  intensities: Record<'gentle' | 'standard' | 'harsh', string>;
  yes: string;
  no: string;
  // team report
  period: string;
  since: string;
  sessions: string;
  members: string;
  member: string;
  perMember: string;
  perPersona: string;
  mostImproved: string;
  firstToLast: string;
  improvement: (first: string, last: string) => string;
  weakestPersona: string;
  weakestCriterion: string;
  nobodyImproved: string;
  noSessions: string;
  footer: string;
}

const en: ReportText = {
  sessionTitle: 'Practice session report',
  groupTitle: 'Group session report',
  teamTitle: 'Team summary',
  progressTitle: 'Progress',
  persona: 'Customer',
  trainee: 'Trainee',
  participants: 'Participants',
  date: 'Date',
  outcome: 'Outcome',
  intensity: 'Intensity',
  exchanges: 'Graded replies',
  composure: 'Composure',
  empathy: 'Empathy',
  boundary: 'Boundary',
  boundaryCorrect: 'Boundary right',
  overall: 'Overall',
  averages: 'Averages',
  transcript: 'Conversation',
  customer: 'Customer',
  reply: 'Reply',
  attempt: (n) => `Attempt ${n}`,
  retracted: 'Withdrawn: the customer’s answer to an attempt that was retried',
  noReply: 'Not answered',
  strength: 'What worked',
  lands: 'How it lands',
  tip: 'Try next',
  example: 'For example',
  machine: 'Automatic grade',
  trainerOverride: 'Trainer’s grade',
  overrideBy: (by, at) => `by ${by}, ${at}`,
  boundaryNeeded: 'boundary needed',
  summary: 'Summary',
  best: 'Strongest reply',
  weakest: 'Reply to work on',
  practiseNext: 'Practise next',
  chartSession: 'Scores per reply (1–5)',
  chartGroup: 'Averages per participant (1–5)',
  chartTeam: 'Team averages per customer (1–5)',
  chartProgress: 'Scores per session (1–5)',
  generated: (at) => `Created ${at} by Counterpart`,
  noExchanges: 'No graded replies yet.',
  outcomes: {
    resolved: 'Resolved',
    hung_up: 'Customer hung up',
    trainee_ended: 'Ended by the trainee',
    turn_limit: 'Turn limit reached',
    stopped: 'Stopped',
    open: 'Still open',
  },
  verdicts: {
    not_needed: 'not needed, none set',
    set_well: 'set well',
    missing: 'missing',
    unnecessary: 'set without need',
    too_harsh: 'too harsh',
  },
  intensities: { gentle: 'gentle', standard: 'standard', harsh: 'harsh' },
  yes: 'yes',
  no: 'no',
  period: 'Period',
  since: 'since',
  sessions: 'Sessions',
  members: 'Members',
  member: 'Member',
  perMember: 'Per member',
  perPersona: 'Per customer',
  mostImproved: 'Most improved',
  firstToLast: 'First → last session',
  improvement: (first, last) => `from ${first} to ${last}`,
  weakestPersona: 'Hardest customer for the team',
  weakestCriterion: 'Weakest skill across the team',
  nobodyImproved: 'Nobody scored higher in their last session of this period than in their first.',
  noSessions: 'No practice sessions in this period.',
  footer: 'Scores run from 1 (weak) to 5 (strong). Boundary right: share of replies whose boundary decision was correct.',
};

const de: ReportText = {
  sessionTitle: 'Bericht zur Übungssitzung',
  groupTitle: 'Bericht zur Gruppensitzung',
  teamTitle: 'Teamübersicht',
  progressTitle: 'Fortschritt',
  persona: 'Kundenfigur',
  trainee: 'Übende Person',
  participants: 'Teilnehmende',
  date: 'Datum',
  outcome: 'Ausgang',
  intensity: 'Intensität',
  exchanges: 'Bewertete Antworten',
  composure: 'Gelassenheit',
  empathy: 'Empathie',
  boundary: 'Grenze',
  boundaryCorrect: 'Grenze richtig',
  overall: 'Gesamt',
  averages: 'Durchschnittswerte',
  transcript: 'Gesprächsverlauf',
  customer: 'Kundin/Kunde',
  reply: 'Antwort',
  attempt: (n) => `Versuch ${n}`,
  retracted: 'Zurückgezogen: die Reaktion auf einen Versuch, der wiederholt wurde',
  noReply: 'Nicht beantwortet',
  strength: 'Gelungen',
  lands: 'So kommt es an',
  tip: 'Nächstes Mal',
  example: 'Zum Beispiel',
  machine: 'Automatische Bewertung',
  trainerOverride: 'Bewertung der Trainerin/des Trainers',
  overrideBy: (by, at) => `von ${by}, ${at}`,
  boundaryNeeded: 'Grenze nötig',
  summary: 'Zusammenfassung',
  best: 'Stärkste Antwort',
  weakest: 'Antwort mit Übungsbedarf',
  practiseNext: 'Als Nächstes üben',
  chartSession: 'Werte je Antwort (1–5)',
  chartGroup: 'Durchschnitt je teilnehmender Person (1–5)',
  chartTeam: 'Teamdurchschnitt je Kundenfigur (1–5)',
  chartProgress: 'Werte je Sitzung (1–5)',
  generated: (at) => `Erstellt am ${at} mit Counterpart`,
  noExchanges: 'Noch keine bewerteten Antworten.',
  outcomes: {
    resolved: 'Gelöst',
    hung_up: 'Kundin/Kunde hat aufgelegt',
    trainee_ended: 'Von der übenden Person beendet',
    turn_limit: 'Rundenlimit erreicht',
    stopped: 'Abgebrochen',
    open: 'Noch offen',
  },
  verdicts: {
    not_needed: 'nicht nötig, keine gesetzt',
    set_well: 'gut gesetzt',
    missing: 'fehlt',
    unnecessary: 'ohne Anlass gesetzt',
    too_harsh: 'zu hart',
  },
  intensities: { gentle: 'sanft', standard: 'normal', harsh: 'hart' },
  yes: 'ja',
  no: 'nein',
  period: 'Zeitraum',
  since: 'seit',
  sessions: 'Sitzungen',
  members: 'Mitglieder',
  member: 'Mitglied',
  perMember: 'Je Mitglied',
  perPersona: 'Je Kundenfigur',
  mostImproved: 'Größter Fortschritt',
  firstToLast: 'Erste → letzte Sitzung',
  improvement: (first, last) => `von ${first} auf ${last}`,
  weakestPersona: 'Schwierigste Kundenfigur für das Team',
  weakestCriterion: 'Schwächste Fähigkeit im Team',
  nobodyImproved: 'In diesem Zeitraum hat niemand in der letzten Sitzung besser abgeschnitten als in der ersten.',
  noSessions: 'Keine Übungssitzungen in diesem Zeitraum.',
  footer: 'Werte von 1 (schwach) bis 5 (stark). Grenze richtig: Anteil der Antworten, bei denen die Entscheidung über eine Grenze stimmte.',
};

const TEXTS: Record<Language, ReportText> = { en, de };

export function reportText(lang: Language): ReportText {
  return TEXTS[lang];
}

/** A 1–5 score with one decimal, in the report language's notation. */
export function formatScore(value: number, lang: Language): string {
  return value.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatShare(value: number, lang: Language): string {
  return `${Math.round(value * 100)}${lang === 'de' ? ' %' : '%'}`;
}

/** Dates in UTC, so a report reads the same wherever it is opened or forwarded. */
export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
  return `${text} UTC`;
}
