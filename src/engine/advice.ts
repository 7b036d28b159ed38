import { summaryAdvice } from '../evaluation/feedback.js';
import type { Language } from '../evaluation/grade.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';
import { customerGender } from '../personas/grading-context.js';
import type { AdviceKey } from '../evaluation/feedback-text/feedback-text-types.js';
import type { DialogueAct } from '../evaluation/model/heads.js';

/** Which session a "practise next" line is for: its persona's focus picks the words, its id the variant. */
export interface AdviceSubject {
  personaId: string;
  sessionId: string;
  /** what the session's replies did: a line never asks for it */
  done?: readonly DialogueAct[];
}

/** Words the "practise next" line of a session summary. */
export type Advise = (lang: Language, key: AdviceKey, subject: AdviceSubject) => string;

/** The summary advice for the personas of this process; a persona removed since the session gets the general words. */
export function createAdvice(personas: PersonaCatalog): Advise {
  return (lang, key, subject) => {
    const persona = personas.get(subject.personaId);
    return summaryAdvice(lang, key, {
      focus: persona?.focus ?? [],
      seed: subject.sessionId,
      gender: persona ? customerGender(persona) : undefined,
      done: subject.done,
    });
  };
}
