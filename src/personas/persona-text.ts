import { AppError } from '../errors.js';
import type { Language } from '../evaluation/grade.js';
import type { Intensity, Persona } from './persona-schema.js';

/** Small pure readers of a persona's bilingual texts, for the front ends. */

export function personaName(persona: Persona, lang: Language): string {
  return persona.names[lang];
}

export function personaBrief(persona: Persona, lang: Language): { situation: string; goal: string } {
  const { situation, goal } = persona.brief[lang];
  return { situation, goal };
}

/** What to show before the session starts, for personas that insult or deal with illness, worded for the intensity. */
export function contentNotice(persona: Persona, lang: Language, intensity: Intensity): string | undefined {
  const notice = persona.contentNotice;
  if (!notice) return undefined;
  if ('standard' in notice) return (notice[intensity] ?? notice.standard)[lang];
  return notice[lang];
}

/** Throws when the stage is not in the persona: a stored session that outlived an edit of its file. */
export function stageHint(persona: Persona, stageId: string, lang: Language): string {
  const stage = Object.hasOwn(persona.stages, stageId) ? persona.stages[stageId] : undefined;
  if (!stage) throw new AppError('persona_stage_unknown', `persona "${persona.id}" has no stage "${stageId}"`);
  return stage.hint[lang];
}
