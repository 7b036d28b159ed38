import type { ExampleFamily } from './feedback-examples.js';

/**
 * The shape of the feedback phrases of one language. Phrases are data: `feedback.ts` picks them by the
 * weakest criterion and the persona focus; the type makes both languages carry every key.
 * `{quote}` in a strength is replaced by the trainee's own words that earned it.
 */
export interface FeedbackText {
  /** for an empty or whitespace-only reply */
  readonly empty: { readonly strength: string; readonly tip: string; readonly example: string };
  /** when grading failed internally and a neutral grade stands in */
  readonly unavailable: { readonly strength: string; readonly tip: string; readonly example: string };
  readonly strengths: Readonly<Record<StrengthKey, readonly string[]>>;
  readonly tips: Readonly<Record<TipKey, readonly TipVariant[]>>;
  /** added before the tip when the reply spoke to the grader instead of the customer */
  readonly injectionNote: string;
  /** one sentence "what to practise next" for the session summary */
  readonly summary: Readonly<Record<SummaryKey, string>>;
}

export interface TipVariant {
  readonly tip: string;
  readonly example: string;
  /**
   * the kind of sentence `example` shows; a persona's own lines of this family replace it, so the
   * example fits the conversation (both languages name the same family per variant)
   */
  readonly family: ExampleFamily;
}

export type SummaryKey = 'composure' | 'empathy' | 'boundary';

export type StrengthKey =
  | 'boundary_set_well'
  | 'boundary_ended_after_warning'
  | 'stayed_out_of_tone'
  | 'calm'
  | 'specific_empathy'
  | 'warmth'
  | 'generic_empathy'
  | 'exploration'
  | 'solution_with_time'
  | 'solution'
  | 'polite_close'
  | 'fallback';

export type TipKey =
  | 'boundary_missing'
  | 'boundary_too_harsh_hostile'
  | 'boundary_too_harsh_first_insult'
  | 'boundary_unnecessary'
  | 'boundary_offer_continue'
  | 'composure_insult'
  | 'composure_sarcasm'
  | 'composure_blame'
  | 'composure_defensive'
  | 'composure_dismissive'
  | 'composure_shouting'
  | 'composure_condescending'
  | 'composure_general'
  | 'empathy_none'
  | 'empathy_generic'
  | 'empathy_but'
  | 'empathy_repeated'
  | 'empathy_feeling_dismissed'
  | 'grief_push'
  | 'grief_cheer'
  | 'grief_acknowledge'
  | 'empathy_explore'
  | 'solution_missing'
  | 'solution_time'
  | 'polish_grief'
  | 'polish_venting'
  | 'polish_insults'
  | 'polish_pressure'
  | 'polish_unusual_request'
  | 'polish_relationship'
  | 'polish_general';
