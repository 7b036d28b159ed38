import type { Language } from '../evaluation/grade.js';

/** The member-facing description of what is stored, in both languages. */
export interface PrivacyText {
  sessions: (count: number) => string;
  period: (first: string, last: string) => string;
  contents: string;
  groups: (count: number) => string;
  usage: string;
  retention: (days: number) => string;
  noRetention: string;
  nextDeletion: (date: string) => string;
  nothing: string;
  deletion: string;
}

const en: PrivacyText = {
  sessions: (count) => `${count} practice session${count === 1 ? '' : 's'} in this server.`,
  period: (first, last) => `The first started ${first}, the latest ${last}.`,
  contents:
    'Each session holds the customer’s lines, your replies, the grades and feedback on them, any trainer’s correction of a grade, and when each was written.',
  groups: (count) => `${count} of them belong to trainer-run group sessions.`,
  usage: 'If a language model was used, the number of tokens each session cost is kept beside it (no text).',
  retention: (days) => `Sessions are deleted ${days} days after their last activity.`,
  noRetention: 'No retention period is set for this server: sessions stay until you or a trainer delete them.',
  nextDeletion: (date) => `Your oldest session is due for deletion on ${date}.`,
  nothing: 'Nothing is stored about you in this server.',
  deletion: 'You can have all of it deleted at any time; deletion cannot be undone.',
};

const de: PrivacyText = {
  sessions: (count) => `${count} Übungssitzung${count === 1 ? '' : 'en'} auf diesem Server.`,
  period: (first, last) => `Die erste begann am ${first}, die letzte am ${last}.`,
  contents:
    'Jede Sitzung enthält die Sätze der Kundenfigur, Ihre Antworten, deren Bewertungen und Rückmeldungen, etwaige Korrekturen einer Bewertung durch Trainer und jeweils den Zeitpunkt.',
  groups: (count) => `${count} davon gehören zu Gruppensitzungen, die ein Trainer geleitet hat.`,
  usage: 'Wurde ein Sprachmodell genutzt, wird neben jeder Sitzung die Zahl der verbrauchten Tokens gespeichert (kein Text).',
  retention: (days) => `Sitzungen werden ${days} Tage nach der letzten Aktivität gelöscht.`,
  noRetention: 'Für diesen Server ist keine Aufbewahrungsfrist eingestellt: Sitzungen bleiben, bis Sie oder ein Trainer sie löschen.',
  nextDeletion: (date) => `Ihre älteste Sitzung wird am ${date} gelöscht.`,
  nothing: 'Über Sie ist auf diesem Server nichts gespeichert.',
  deletion: 'Sie können jederzeit alles löschen lassen; das lässt sich nicht rückgängig machen.',
};

export function privacyText(lang: Language): PrivacyText {
  return lang === 'de' ? de : en;
}
