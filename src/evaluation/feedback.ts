import type { BoundaryAssessment } from './boundary.js';
import type { ComposureFinding, ComposureFlag } from './composure.js';
import type { EmpathyAssessment } from './empathy.js';
import { de } from './feedback-text/de.js';
import { en } from './feedback-text/en.js';
import { exampleLines, type ExampleFamily, type FeedbackExamples } from './feedback-text/feedback-examples.js';
import type { FeedbackText, StrengthKey, SummaryKey, TipKey, TipVariant } from './feedback-text/feedback-text-types.js';
import type { Grade, Language } from './grade.js';
import type { SignalAssessment } from './signals.js';

/**
 * Feedback of the offline grader (rubric section 6): one strength, one tip, one example sentence, in
 * the session language. The tip follows the weakest criterion (a wrong boundary first, then composure
 * below 3, then empathy, then a missing next step) and the persona focus; variants rotate with the
 * turn so that the same weakness does not get the same words twice in a row. The example comes from
 * the persona's own lines of the tip's example family when it has some (see `examples` in the
 * persona schema), else from the generic phrases.
 */
export interface FeedbackFacts {
  lang: Language;
  focus: readonly string[];
  /** trainee replies before this one; picks the variant */
  turn: number;
  /** the reply spoke to the grader ("SYSTEM: score=5"); that text was ignored */
  injection: boolean;
  composure: ComposureFinding;
  empathy: EmpathyAssessment;
  boundary: BoundaryAssessment;
  signals: SignalAssessment;
  /** the persona's example lines for the stage being answered (stage lines before persona lines) */
  examples?: FeedbackExamples | undefined;
}

const TEXTS: Readonly<Record<Language, FeedbackText>> = { de, en };
const QUOTE_PLACEHOLDER = /\{quote\}/g;
const DOUBLE_STOP = /([.!?\u2026])(["\u201C\u201D\u00BB])\./g;

export function feedbackText(lang: Language): FeedbackText {
  return TEXTS[lang];
}

/**
 * Feedback for an empty or whitespace-only reply. Its example is the first thing worth saying to
 * this customer: the persona's empathy line when it has one.
 */
export function emptyReplyFeedback(lang: Language, examples?: FeedbackExamples, turn = 0): Grade['feedback'] {
  const { strength, tip, example } = TEXTS[lang].empty;
  return { strength, tip, example: personaExample(examples, 'empathy', lang, turn) ?? example };
}

export function composeFeedback(facts: FeedbackFacts): Grade['feedback'] {
  const text = TEXTS[facts.lang];
  const tipKey = chooseTip(facts);
  const variant = pick(text.tips[tipKey], facts.turn);
  const [strengthKey, quoted] = chooseStrength(facts);
  // Offset by one so that strength and tip do not change in lock-step.
  const strength = pick(text.strengths[strengthKey], facts.turn + 1)
    .replace(QUOTE_PLACEHOLDER, () => quoted ?? '')
    // a quoted sentence brings its own full stop: „… leid.“. → „… leid.“
    .replace(DOUBLE_STOP, '$1$2');
  const tip = facts.injection ? `${text.injectionNote} ${variant.tip}` : variant.tip;
  const example = personaExample(facts.examples, variant.family, facts.lang, facts.turn) ?? variant.example;
  return { strength, tip, example };
}

/** A persona line of the family, rotating with the turn like the generic variants; none: undefined. */
function personaExample(
  examples: FeedbackExamples | undefined,
  family: ExampleFamily,
  lang: Language,
  turn: number,
): string | undefined {
  const lines = exampleLines(examples, family, lang);
  return lines.length > 0 ? pick(lines, turn) : undefined;
}

/** One sentence on what to practise next, for the session summary. */
export function summaryAdvice(lang: Language, weakest: SummaryKey): string {
  return TEXTS[lang].summary[weakest];
}

function pick<T>(variants: readonly T[], turn: number): T {
  const index = ((turn % variants.length) + variants.length) % variants.length;
  const variant = variants[index] ?? variants[0];
  if (variant === undefined) throw new Error('feedback text has an empty variant list');
  return variant;
}

const COMPOSURE_TIPS: ReadonlyArray<readonly [ComposureFlag, TipKey]> = [
  ['insult', 'composure_insult'],
  ['profanity', 'composure_insult'],
  ['threat', 'composure_insult'],
  ['sarcasm', 'composure_sarcasm'],
  ['blame', 'composure_blame'],
  ['dismissive', 'composure_dismissive'],
  ['defensive', 'composure_defensive'],
  ['shouting', 'composure_shouting'],
  ['condescending', 'composure_condescending'],
];

const POLISH_BY_FOCUS: ReadonlyArray<readonly [string, TipKey]> = [
  ['grief', 'polish_grief'],
  ['insults', 'polish_insults'],
  ['venting', 'polish_venting'],
  ['pressure', 'polish_pressure'],
  ['unusual_request', 'polish_unusual_request'],
  ['relationship', 'polish_relationship'],
];

function chooseTip(facts: FeedbackFacts): TipKey {
  const { boundary, composure, empathy, signals, focus } = facts;
  switch (boundary.verdict) {
    case 'missing':
      return 'boundary_missing';
    case 'too_harsh':
      return boundary.hostile || !boundary.ended ? 'boundary_too_harsh_hostile' : 'boundary_too_harsh_first_insult';
    case 'unnecessary':
      return 'boundary_unnecessary';
    case 'not_needed':
    case 'set_well':
      break;
  }
  if (composure.score < 3) return composureTip(composure.flags);
  // Sarcasm or blame at composure 3 undo the empathy; the behaviour is the thing to change.
  if (empathy.limits.includes('hostile') && composure.flags.length > 0) return composureTip(composure.flags);
  const limit = firstOf(empathy.limits, ['grief_push', 'grief_cheer', 'feeling_dismissed', 'but_dismissal', 'repeated_formula']);
  switch (limit) {
    case 'grief_push':
      return 'grief_push';
    case 'grief_cheer':
      return 'grief_cheer';
    case 'feeling_dismissed':
      return 'empathy_feeling_dismissed';
    case 'but_dismissal':
      return 'empathy_but';
    case 'repeated_formula':
      return 'empathy_repeated';
    default:
      break;
  }
  if (boundary.verdict === 'set_well' && !boundary.ended && !boundary.offeredToContinue) return 'boundary_offer_continue';
  // After a boundary set well the next skill is returning to the matter, not more empathy words.
  if (boundary.verdict === 'set_well') return 'polish_insults';
  if (composure.score === 3 && composure.flags.length > 0) return composureTip(composure.flags);
  if (empathy.score <= 3 && focus.includes('grief')) return 'grief_acknowledge';
  if (empathy.score <= 2) return 'empathy_none';
  if (empathy.score === 3) return 'empathy_generic';
  const closing = signals.endsConversation;
  if (!closing && !focus.includes('grief')) {
    if (!signals.offersSolution) return 'solution_missing';
    if (!signals.solutionHasTime && (focus.includes('venting') || focus.includes('pressure'))) return 'solution_time';
  }
  // A caller in a hurry wants the answer, not a question about what matters to them.
  if (empathy.score === 4 && empathy.exploration === 0 && !closing && !focus.includes('pressure')) return 'empathy_explore';
  for (const [tag, key] of POLISH_BY_FOCUS) if (focus.includes(tag)) return key;
  return 'polish_general';
}

function composureTip(flags: readonly ComposureFlag[]): TipKey {
  for (const [flag, key] of COMPOSURE_TIPS) if (flags.includes(flag)) return key;
  return 'composure_general';
}

function firstOf<T>(present: readonly T[], order: readonly T[]): T | undefined {
  return order.find((item) => present.includes(item));
}

function chooseStrength(facts: FeedbackFacts): [StrengthKey, string | undefined] {
  const { boundary, composure, empathy, signals, focus } = facts;
  if (boundary.verdict === 'set_well') {
    if (boundary.ended && signals.endQuote !== undefined) return ['boundary_ended_after_warning', signals.endQuote];
    if (boundary.namedQuote !== undefined) return ['boundary_set_well', boundary.namedQuote];
  }
  const sincere = !empathy.limits.includes('hostile') && !empathy.limits.includes('but_dismissal');
  if (empathy.score >= 4 && empathy.quotes.specific !== undefined) return ['specific_empathy', empathy.quotes.specific];
  if (empathy.score >= 4 && empathy.quotes.warmth !== undefined) return ['warmth', empathy.quotes.warmth];
  if (signals.offersSolution && signals.solutionQuote !== undefined) {
    return [signals.solutionHasTime ? 'solution_with_time' : 'solution', signals.solutionQuote];
  }
  if (empathy.exploration === 2 && sincere && empathy.quotes.question !== undefined) {
    return ['exploration', empathy.quotes.question];
  }
  // Praising calm next to a wrong boundary would blur the tip.
  const boundaryWrong = boundary.verdict === 'unnecessary' || boundary.verdict === 'too_harsh';
  if (composure.score >= 4 && !boundaryWrong) {
    // Praise for letting anger pass only where that was right: venting, not a swallowed insult.
    const vented = boundary.verdict === 'not_needed' && (focus.includes('venting') || focus.includes('insults'));
    return [vented ? 'stayed_out_of_tone' : 'calm', undefined];
  }
  if (empathy.score === 3 && sincere && empathy.quotes.generic !== undefined) return ['generic_empathy', empathy.quotes.generic];
  if (signals.endsConversation && composure.score >= 3 && boundary.verdict === 'not_needed') return ['polite_close', undefined];
  return ['fallback', undefined];
}
