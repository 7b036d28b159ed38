import type { BoundaryVerdict, Language } from '../evaluation/grade.js';
import type { Outcome } from '../engine/session.js';

/** Everything the terminal front end says, in both languages. */
const TEXT = {
  en: {
    welcome: 'Counterpart — practise hard customer conversations.',
    choosePersona: 'Choose a customer',
    chooseLanguage: 'Language (de/en)',
    chooseIntensity: 'Intensity (gentle/standard/harsh)',
    invalidChoice: 'Please answer with one of the listed options.',
    noticeConfirm: 'Start anyway? (y/n)',
    cancelled: 'Cancelled. Nothing was recorded.',
    situation: 'Situation',
    goal: 'Your goal',
    commands: 'Type your reply and press Enter. Commands: /hint  /retry  /pause  /end',
    you: 'You',
    customer: 'Customer',
    composure: 'Composure',
    empathy: 'Empathy',
    boundary: 'Boundary',
    strength: 'Strength',
    lands: 'How it lands',
    tip: 'Tip',
    example: 'Try',
    offline: 'offline grading',
    hint: 'Hint',
    retry: 'Answer the same line again:',
    paused: 'Session paused and saved. Resume it with: npm run practice -- --resume {id}',
    resumeOffer: 'You have an unfinished session with {persona} ({turns} replies). Resume it? (y/n)',
    resumed: 'Resuming where you left off.',
    summary: 'Session summary',
    outcome: 'Outcome',
    replies: 'Replies graded',
    overall: 'Overall',
    boundaryCorrect: 'Boundary handled correctly',
    best: 'Your strongest reply',
    weakest: 'Your weakest reply',
    quote: (text: string) => `“${text}”`,
    practiseNext: 'Practise next',
    noReplies: 'No replies were graded.',
    savedAs: 'Transcript saved as session {id}.',
    unknownCommand: 'Unknown command. Commands: /hint  /retry  /pause  /end',
    yes: ['y', 'yes', 'j', 'ja'],
  },
  de: {
    welcome: 'Counterpart — schwierige Kundengespräche üben.',
    choosePersona: 'Wählen Sie eine Kundin oder einen Kunden',
    chooseLanguage: 'Sprache (de/en)',
    chooseIntensity: 'Intensität (gentle = sanft / standard / harsh = hart)',
    invalidChoice: 'Bitte antworten Sie mit einer der angezeigten Möglichkeiten.',
    noticeConfirm: 'Trotzdem beginnen? (j/n)',
    cancelled: 'Abgebrochen. Es wurde nichts gespeichert.',
    situation: 'Situation',
    goal: 'Ihr Ziel',
    commands: 'Antwort eingeben und Enter drücken. Befehle: /hint (Tipp)  /retry (nochmal)  /pause  /end (beenden)',
    you: 'Sie',
    customer: 'Kunde',
    composure: 'Gelassenheit',
    empathy: 'Empathie',
    boundary: 'Grenze',
    strength: 'Stärke',
    lands: 'So kommt es an',
    tip: 'Tipp',
    example: 'Zum Beispiel',
    offline: 'Offline-Bewertung',
    hint: 'Hinweis',
    retry: 'Antworten Sie noch einmal auf denselben Satz:',
    paused: 'Sitzung pausiert und gespeichert. Fortsetzen mit: npm run practice -- --resume {id}',
    resumeOffer: 'Sie haben eine offene Sitzung mit {persona} ({turns} Antworten). Fortsetzen? (j/n)',
    resumed: 'Es geht dort weiter, wo Sie aufgehört haben.',
    summary: 'Zusammenfassung',
    outcome: 'Ausgang',
    replies: 'Bewertete Antworten',
    overall: 'Gesamt',
    boundaryCorrect: 'Grenze richtig gehandhabt',
    best: 'Ihre stärkste Antwort',
    weakest: 'Ihre schwächste Antwort',
    quote: (text: string) => `„${text}“`,
    practiseNext: 'Als Nächstes üben',
    noReplies: 'Es wurden keine Antworten bewertet.',
    savedAs: 'Gesprächsverlauf gespeichert als Sitzung {id}.',
    unknownCommand: 'Unbekannter Befehl. Befehle: /hint  /retry  /pause  /end',
    yes: ['j', 'ja', 'y', 'yes'],
  },
} as const;

type CliText = (typeof TEXT)['en'];

export function cliText(lang: Language): CliText {
  return TEXT[lang] as CliText;
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}

const VERDICTS: Record<Language, Record<BoundaryVerdict, string>> = {
  en: {
    not_needed: 'none needed — right',
    set_well: 'set well',
    missing: 'missing — the insult went unaddressed',
    unnecessary: 'unnecessary — the customer was venting, not insulting you',
    too_harsh: 'too harsh',
  },
  de: {
    not_needed: 'nicht nötig — richtig',
    set_well: 'gut gesetzt',
    missing: 'fehlt — die Beleidigung blieb unbeantwortet',
    unnecessary: 'unnötig — das war Ärger über die Lage, keine Beleidigung',
    too_harsh: 'zu hart',
  },
};

export function verdictText(lang: Language, verdict: BoundaryVerdict): string {
  return VERDICTS[lang][verdict];
}

const OUTCOMES: Record<Language, Record<Outcome, string>> = {
  en: {
    resolved: 'resolved — the customer is satisfied',
    hung_up: 'the customer hung up',
    trainee_ended: 'you ended the conversation',
    turn_limit: 'time is up (turn limit reached)',
    stopped: 'stopped',
  },
  de: {
    resolved: 'gelöst — die Kundschaft ist zufrieden',
    hung_up: 'aufgelegt',
    trainee_ended: 'Sie haben das Gespräch beendet',
    turn_limit: 'Zeit abgelaufen (Rundenlimit erreicht)',
    stopped: 'abgebrochen',
  },
};

export function outcomeText(lang: Language, outcome: Outcome | null): string {
  return outcome ? OUTCOMES[lang][outcome] : '—';
}
