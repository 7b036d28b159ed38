import type { Language } from '../evaluation/grade.js';

const MESSAGES = {
  session_not_found: {
    en: 'This practice session no longer exists. Start a new one.',
    de: 'Diese Übungssitzung gibt es nicht mehr. Bitte starten Sie eine neue.',
  },
  session_ended: {
    en: 'This practice session has ended. Start a new one to keep practising.',
    de: 'Diese Übungssitzung ist beendet. Starten Sie eine neue, um weiter zu üben.',
  },
  session_paused: {
    en: 'This practice session is paused. Resume it to continue.',
    de: 'Diese Übungssitzung ist pausiert. Setzen Sie sie fort, um weiterzumachen.',
  },
  reply_empty: {
    en: 'Your reply is empty. Write what you would say to the customer.',
    de: 'Ihre Antwort ist leer. Schreiben Sie, was Sie der Kundin oder dem Kunden sagen würden.',
  },
  reply_too_long: {
    en: 'Your reply has {got} characters; the limit is {max}. Say it more briefly — customers rarely listen to long speeches.',
    de: 'Ihre Antwort hat {got} Zeichen; erlaubt sind {max}. Fassen Sie sich kürzer — lange Reden hört kaum jemand bis zum Ende.',
  },
  nothing_to_retry: {
    en: 'There is no reply to retry yet. Answer the customer first.',
    de: 'Es gibt noch keine Antwort, die Sie wiederholen könnten. Antworten Sie zuerst.',
  },
} as const;

type EngineMessageKey = keyof typeof MESSAGES;

export function engineMessage(key: EngineMessageKey, lang: Language, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}
