import type { Language } from '../evaluation/grade.js';
import type { CapScope } from './usage-ledger.js';

const NOTICES: Record<CapScope, Record<Language, string>> = {
  session: {
    en: 'This practice session has used its budget for the AI customer and grader. You can go on: the customer now speaks from the script and your replies are graded offline.',
    de: 'Diese Übungssitzung hat ihr Budget für den KI-Kunden und die KI-Bewertung aufgebraucht. Sie können weitermachen: Der Kunde spricht jetzt nach Skript, und Ihre Antworten werden offline bewertet.',
  },
  guild: {
    en: "This server has used today's budget for the AI customer and grader. You can go on: the customer speaks from the script and your replies are graded offline until the budget resets at midnight UTC.",
    de: 'Dieser Server hat das heutige Budget für den KI-Kunden und die KI-Bewertung aufgebraucht. Sie können weitermachen: Bis zum Zurücksetzen um Mitternacht (UTC) spricht der Kunde nach Skript, und Ihre Antworten werden offline bewertet.',
  },
};

/** What a front end shows the trainee once a token cap makes the session continue offline. */
export function usageCapNotice(cap: CapScope, lang: Language): string {
  return NOTICES[cap][lang];
}
