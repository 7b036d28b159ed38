import type { Language } from '../evaluation/grade.js';

/** What a member's deletion request removed, in figures, for the answer they get. */
interface DeletionSummary {
  sessions: number;
  /** of those, sessions still running (their places were closed) */
  open: number;
  /** running group sessions the member left */
  groupsLeft: number;
  /** group records (running or ended) their name, answers and grades were removed from */
  groupRecords: number;
}

/** The member-facing description of what is stored, in both languages. */
interface PrivacyText {
  sessions: (count: number) => string;
  period: (first: string, last: string) => string;
  contents: string;
  groups: (count: number) => string;
  /** group records (kept by the front end) that hold the member's name or answers */
  groupRecords: (count: number) => string;
  usage: string;
  retention: (days: number) => string;
  noRetention: string;
  nextDeletion: (date: string) => string;
  nothing: string;
  deletion: string;
  /** the answer to a deletion request: what was removed, in full sentences */
  deleted: (summary: DeletionSummary) => string;
  /** the last word in a practice place (thread) whose session the member had deleted while it ran */
  placeClosed: string;
}

const en: PrivacyText = {
  sessions: (count) => `${count} practice session${count === 1 ? '' : 's'} in this server.`,
  period: (first, last) => `The first started ${first}, the latest ${last}.`,
  contents:
    'Each session holds the customer’s lines, your replies, the grades and feedback on them, any trainer’s correction of a grade, and when each was written.',
  groups: (count) => `${count} of them belong to trainer-run group sessions.`,
  groupRecords: (count) =>
    `Your name is also kept in ${count === 1 ? 'the record of one group session' : `the records of ${count} group sessions`}, with your answers there and their grades, so the group’s results add up.`,
  usage: 'If a language model was used, the number of tokens each session cost is kept beside it (no text).',
  retention: (days) => `Sessions are deleted ${days} days after their last activity.`,
  noRetention: 'No retention period is set for this server: sessions stay until you or a trainer delete them.',
  nextDeletion: (date) => `Your oldest session is due for deletion on ${date}.`,
  nothing: 'Nothing is stored about you in this server.',
  deletion: 'You can have all of it deleted at any time; deletion cannot be undone.',
  deleted: ({ sessions, open, groupsLeft, groupRecords }) =>
    [
      sessions === 0
        ? 'Done: no practice sessions of yours were stored.'
        : `Done: ${sessions} practice session${sessions === 1 ? '' : 's'} deleted, with transcripts, grades and progress.`,
      open === 0
        ? ''
        : open === 1
          ? 'One of them was still running; it has been ended and its thread closed.'
          : `${open} of them were still running; they have been ended and their threads closed.`,
      groupsLeft === 0
        ? ''
        : `You have left ${groupsLeft === 1 ? 'a running group practice; the group carries' : `${groupsLeft} running group practices; the groups carry`} on without you.`,
      groupRecords === 0
        ? ''
        : `Your name, answers and grades were removed from ${groupRecords} group record${groupRecords === 1 ? '' : 's'}; the other participants’ results stay.`,
      'Nothing about your practice is stored in this server any more.',
    ]
      .filter((sentence) => sentence !== '')
      .join(' '),
  placeClosed: 'You had your practice data deleted, so this practice has ended and this thread is closed. Nothing of it is stored any more.',
};

const de: PrivacyText = {
  sessions: (count) => `${count} Übungssitzung${count === 1 ? '' : 'en'} auf diesem Server.`,
  period: (first, last) => `Die erste begann am ${first}, die letzte am ${last}.`,
  contents:
    'Jede Sitzung enthält die Sätze der Kundenfigur, Ihre Antworten, deren Bewertungen und Rückmeldungen, etwaige Korrekturen einer Bewertung durch Trainer und jeweils den Zeitpunkt.',
  groups: (count) => `${count} davon gehören zu Gruppensitzungen, die ein Trainer geleitet hat.`,
  groupRecords: (count) =>
    `Außerdem steht Ihr Name in der Aufzeichnung von ${count === 1 ? 'einer Gruppensitzung' : `${count} Gruppensitzungen`}, zusammen mit Ihren Antworten dort und deren Bewertungen, damit die Ergebnisse der Gruppe stimmen.`,
  usage: 'Wurde ein Sprachmodell genutzt, wird neben jeder Sitzung die Zahl der verbrauchten Tokens gespeichert (kein Text).',
  retention: (days) => `Sitzungen werden ${days} Tage nach der letzten Aktivität gelöscht.`,
  noRetention: 'Für diesen Server ist keine Aufbewahrungsfrist eingestellt: Sitzungen bleiben, bis Sie oder ein Trainer sie löschen.',
  nextDeletion: (date) => `Ihre älteste Sitzung wird am ${date} gelöscht.`,
  nothing: 'Über Sie ist auf diesem Server nichts gespeichert.',
  deletion: 'Sie können jederzeit alles löschen lassen; das lässt sich nicht rückgängig machen.',
  deleted: ({ sessions, open, groupsLeft, groupRecords }) =>
    [
      sessions === 0
        ? 'Erledigt: Es waren keine Übungssitzungen von Ihnen gespeichert.'
        : `Erledigt: ${sessions} Übungssitzung${sessions === 1 ? '' : 'en'} mit Protokollen, Bewertungen und Fortschritt gelöscht.`,
      open === 0
        ? ''
        : open === 1
          ? 'Eine davon lief noch; sie wurde beendet und ihr Thread geschlossen.'
          : `${open} davon liefen noch; sie wurden beendet und ihre Threads geschlossen.`,
      groupsLeft === 0
        ? ''
        : groupsLeft === 1
          ? 'Sie haben eine laufende Gruppenübung verlassen; die Gruppe übt ohne Sie weiter.'
          : `Sie haben ${groupsLeft} laufende Gruppenübungen verlassen; die Gruppen üben ohne Sie weiter.`,
      groupRecords === 0
        ? ''
        : `Ihr Name, Ihre Antworten und deren Bewertungen wurden aus ${groupRecords} Gruppenaufzeichnung${groupRecords === 1 ? '' : 'en'} entfernt; die Ergebnisse der anderen bleiben erhalten.`,
      'Zu Ihren Übungen ist auf diesem Server nichts mehr gespeichert.',
    ]
      .filter((sentence) => sentence !== '')
      .join(' '),
  placeClosed: 'Sie haben Ihre Übungsdaten löschen lassen. Diese Übung ist damit beendet und der Thread geschlossen; gespeichert ist davon nichts mehr.',
};

export function privacyText(lang: Language): PrivacyText {
  return lang === 'de' ? de : en;
}
