import type { DialogueAct } from '../model/heads.js';
import type { ExampleFamily } from './feedback-examples.js';

/**
 * The shape of the feedback phrases of one language. Phrases are data: `feedback.ts` picks them by the
 * weakest criterion and the persona focus; the type makes both languages carry every key.
 * `{quote}` in a strength is replaced by the trainee's own words that earned it; in a tip, by the
 * trainee's words the tip is about (a variant with `{quote}` is only chosen when there are such words).
 * German texts name the customer through gender placeholders (`{der Kunde}`, `{ihm}`, …; see
 * `customer-words.ts`), filled from the persona.
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
  /**
   * "what to practise next" for the session summary, by weakest criterion: general variants, and
   * variants for a persona's focus; a session picks one by its id, so the line changes between sessions
   */
  readonly summary: Readonly<Record<AdviceKey, readonly AdviceVariant[]>>;
  readonly summaryByFocus: Readonly<Record<FocusKey, Readonly<Record<SummaryKey, readonly AdviceVariant[]>>>>;
}

/**
 * One "practise next" line; with `asks`, what it asks the trainee to do as dialogue acts: it is not
 * chosen after a session in which a reply did one of them ("propose talking in person" to a trainee
 * who proposed a call). Both languages give the same acts at the same place.
 */
export type AdviceVariant = string | { readonly text: string; readonly asks: readonly DialogueAct[] };

export type FocusKey = 'venting' | 'grief' | 'insults' | 'pressure' | 'unusual_request' | 'relationship';

export interface TipVariant {
  readonly tip: string;
  readonly example: string;
  /**
   * the kind of sentence `example` shows; a persona's own lines of this family replace it, so the
   * example fits the conversation (both languages name the same family per variant)
   */
  readonly family: ExampleFamily;
  /**
   * what the tip asks the trainee to do, as dialogue acts: the variant is never chosen for a reply
   * that already does one of them ("offer a next step" after a reply that offered one)
   */
  readonly asks?: readonly DialogueAct[];
  /** the tip asks the trainee to address the customer by name: never chosen for a reply that does */
  readonly asksName?: boolean;
  /**
   * the tip asks the trainee to name the customer's feeling or situation in their terms: never
   * chosen for a reply whose words the lexicons read as doing so (the model may still rate it generic)
   */
  readonly asksNaming?: boolean;
  /** the tip asks the trainee to leave when or whether to the customer: never chosen for a reply that does */
  readonly asksChoice?: boolean;
  /**
   * what the tip takes as done ("check whether the solution works" takes a solution): the variant
   * is chosen only for a reply that does at least one of these acts
   */
  readonly presumes?: readonly DialogueAct[];
}

export type SummaryKey = 'composure' | 'empathy' | 'boundary';

/**
 * What a "practise next" line is about: the weakest criterion; or empathy shown specifically in one
 * reply and not carried into the others (`empathy_kept`); empathy specific in every reply that
 * still has room to grow, by warmth or an open question (`empathy_deepen`); every reply at least generic, not
 * all specific (`empathy_specific`); or a session strong on every criterion
 * (`strong`), which gets the next challenge rather than a weakness.
 */
export type AdviceKey = SummaryKey | 'empathy_kept' | 'empathy_specific' | 'empathy_deepen' | 'strong';

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
  | 'respected_no'
  | 'summary'
  | 'information'
  | 'fallback'
  // a reply that was not composed gets no praise: what to keep of it, or what went wrong, in plain words
  | 'kept_step'
  | 'low_hostile'
  | 'low_sarcasm'
  | 'low_passive_aggressive'
  | 'low_blame'
  | 'low_dismissive'
  | 'low_minimising'
  | 'low_defensive'
  | 'low_shouting'
  | 'low_condescending'
  | 'low_general'
  | 'ended_too_early';

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
  | 'composure_minimising'
  | 'composure_doubt'
  | 'composure_shouting'
  | 'composure_condescending'
  | 'composure_lecturing'
  | 'composure_passive_aggressive'
  | 'composure_general'
  | 'composure_unclear'
  | 'empathy_none'
  | 'empathy_wish'
  | 'empathy_generic'
  | 'empathy_but'
  | 'empathy_repeated'
  | 'empathy_feeling_dismissed'
  | 'grief_push'
  | 'respect_no'
  | 'grief_cheer'
  | 'grief_acknowledge'
  | 'empathy_explore'
  | 'pressure_long'
  | 'pressure_overpromise'
  | 'solution_missing'
  | 'solution_time'
  | 'polish_grief'
  | 'polish_venting'
  | 'polish_insults'
  | 'polish_pressure'
  | 'polish_unusual_request'
  | 'polish_relationship'
  | 'polish_general';
