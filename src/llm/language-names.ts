import type { Language } from '../evaluation/grade.js';

/** How prompts name the session language to the model. */
export const LANGUAGE_NAMES: Record<Language, string> = { de: 'German (Deutsch)', en: 'English' };
