import type { BoundaryAssessment } from './boundary.js';
import type { ComposureFinding, ComposureFlag } from './composure.js';
import type { EmpathyAssessment } from './empathy.js';
import { de } from './feedback-text/de.js';
import { en } from './feedback-text/en.js';
import { exampleLines, type ExampleFamily, type FeedbackExamples } from './feedback-text/feedback-examples.js';
import { withCustomer, type CustomerGender } from './feedback-text/customer-words.js';
import type { AdviceKey, AdviceVariant, FeedbackText, FocusKey, StrengthKey, SummaryKey, TipKey, TipVariant } from './feedback-text/feedback-text-types.js';
import type { Grade, Language } from './grade.js';
import { contentWords } from './grader-patterns.js';
import { BRISK_MAX_WORDS, HURRIED_MAX_WORDS } from './judgement.js';
import type { DialogueAct } from './model/heads.js';
import { namesATime, type SignalAssessment } from './signals.js';

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
  /** `byModel` with a composed score: the model doubts the calm, and the doubted sentence is the first evidence */
  composure: ComposureFinding & { byModel?: boolean };
  empathy: EmpathyAssessment;
  boundary: BoundaryAssessment;
  signals: SignalAssessment;
  /** what the reply does (lexicons and model): a tip never asks for one of these */
  acts: readonly DialogueAct[];
  /** words in the customer-facing reply */
  words: number;
  /** the sentence of the reply that performs `act`, where a model can tell; for quoting strengths */
  quoteFor?: ((act: DialogueAct) => string | undefined) | undefined;
  /** the persona's example lines for the stage being answered (stage lines before persona lines) */
  examples?: FeedbackExamples | undefined;
  /** German feedback names the customer in this gender */
  gender?: CustomerGender | undefined;
  /**
   * the trainee's previous reply already named the customer's feeling or situation specifically: a
   * tip does not ask for empathy words again in the reply that now delivers
   */
  acknowledgedBefore?: boolean | undefined;
  /** the reply addresses the customer by name ("Frau Dr. Hartmann", "Mr Kessler") */
  namesCustomer?: boolean | undefined;
  /**
   * the lexicons read the customer's feeling or situation named in the reply's words (interpretation
   * 2), whatever level the model gave: a tip does not ask to name it
   */
  namesSituation?: boolean | undefined;
  /** the customer-facing reply, so that the example shown is not the trainee's own sentence back */
  reply?: string | undefined;
  /** the customer's last line asked to be left alone: no tip asks for a question, a step or a contact */
  customerSaidNo?: boolean | undefined;
  /** under time pressure, the sentence that guarantees an outcome (`overpromises`) */
  overpromise?: string | undefined;
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
export function emptyReplyFeedback(lang: Language, examples?: FeedbackExamples, turn = 0, gender?: CustomerGender): Grade['feedback'] {
  const { strength, tip, example } = TEXTS[lang].empty;
  return {
    strength: withCustomer(strength, gender),
    tip: withCustomer(tip, gender),
    example: personaExamples(examples, 'empathy', lang, turn)[0] ?? example,
  };
}

export function composeFeedback(facts: FeedbackFacts): Grade['feedback'] {
  const text = TEXTS[facts.lang];
  const { variant, quoted: tipQuote } = chooseTip(facts, text);
  const [strengthKey, quoted] = chooseStrength(facts);
  // Offset by one so that strength and tip do not change in lock-step.
  const strength = fillQuote(pick(text.strengths[strengthKey], facts.turn + 1), quoted);
  const tipText = fillQuote(variant.tip, tipQuote);
  const tip = facts.injection ? `${text.injectionNote} ${tipText}` : tipText;
  const example = exampleFor(facts, variant);
  return { strength: withCustomer(strength, facts.gender), tip: withCustomer(tip, facts.gender), example };
}

/**
 * The example under the tip: the persona's line of the tip's family (rotating with the turn), else
 * the variant's own, but never one the reply already says nearly word for word: showing trainees
 * their own sentence as what to try tells them nothing.
 */
function exampleFor(facts: FeedbackFacts, variant: TipVariant): string {
  const candidates = [...personaExamples(facts.examples, variant.family, facts.lang, facts.turn), variant.example];
  const first = candidates[0] ?? variant.example;
  if (facts.reply === undefined) return first;
  const replyWords = new Set(contentWords(facts.reply));
  return candidates.find((line) => !echoes(line, replyWords)) ?? first;
}

/** Most of the example's content words are in the reply already. */
function echoes(example: string, replyWords: ReadonlySet<string>): boolean {
  const words = exampleWords(example);
  return words.length > 0 && words.filter((word) => replyWords.has(word)).length / words.length >= EXAMPLE_ECHO;
}

/** share of an example's content words found in the reply from which it counts as the reply said back */
const EXAMPLE_ECHO = 0.6;

/**
 * The content words of an example line. The lines are the feedback texts' and the personas' own, a
 * few hundred in all, and every graded reply compares some of them: each is read once.
 */
function exampleWords(example: string): readonly string[] {
  let words = EXAMPLE_WORDS.get(example);
  if (words === undefined) {
    // a bound, should a caller ever pass lines made up on the fly
    if (EXAMPLE_WORDS.size >= MAX_CACHED_EXAMPLES) EXAMPLE_WORDS.clear();
    words = contentWords(example);
    EXAMPLE_WORDS.set(example, words);
  }
  return words;
}

const EXAMPLE_WORDS = new Map<string, readonly string[]>();
const MAX_CACHED_EXAMPLES = 2_000;

/** The trainee's words in for `{quote}`; a quoted sentence brings its own full stop: „… leid.“. → „… leid.“ */
function fillQuote(template: string, quoted: string | undefined): string {
  return template.replace(QUOTE_PLACEHOLDER, () => quoted ?? '').replace(DOUBLE_STOP, '$1$2');
}

/** The persona's lines of the family, starting at the turn's and rotating like the generic variants. */
function personaExamples(examples: FeedbackExamples | undefined, family: ExampleFamily, lang: Language, turn: number): string[] {
  const lines = exampleLines(examples, family, lang);
  return lines.map((_line, i) => pick(lines, turn + i));
}

/** What the summary's "practise next" line is chosen by: the persona's focus, and a seed (the session id). */
interface AdviceSituation {
  focus: readonly string[];
  seed: string;
  gender?: CustomerGender | undefined;
  /** what the session's replies did */
  done?: readonly DialogueAct[] | undefined;
}

const SUMMARY_KEYS: ReadonlySet<string> = new Set<SummaryKey>(['composure', 'empathy', 'boundary']);
function isSummaryKey(key: AdviceKey): key is SummaryKey {
  return SUMMARY_KEYS.has(key);
}

/**
 * One sentence on what to practise next, for the session summary: for the weakest criterion, in
 * the words of the persona's focus where there are some, and a variant picked by the seed, so the
 * line is not the same after every session.
 */
export function summaryAdvice(lang: Language, key: AdviceKey, situation: AdviceSituation = { focus: [], seed: '' }): string {
  const text = TEXTS[lang];
  const focus = FOCUS_KEYS.find((tag) => situation.focus.includes(tag));
  // only the three criteria have lines per focus; the other keys say the same for every persona
  const variants = focus && isSummaryKey(key) ? text.summaryByFocus[focus][key] : text.summary[key];
  // a line asking for what a reply of the session did is left out; where the persona's lines all
  // ask for it, the general lines of the criterion stand in, and only where those do too, all
  const done = situation.done ?? [];
  const open = (list: readonly AdviceVariant[]) => list.filter((variant) => typeof variant === 'string' || !variant.asks.some((act) => done.includes(act)));
  const candidates = [open(variants), open(text.summary[key]), variants].find((list) => list.length > 0) ?? variants;
  return withCustomer(adviceText(pick(candidates, seedNumber(situation.seed))), situation.gender);
}

export function adviceText(variant: AdviceVariant): string {
  return typeof variant === 'string' ? variant : variant.text;
}

const FOCUS_KEYS: readonly FocusKey[] = ['grief', 'insults', 'pressure', 'venting', 'unusual_request', 'relationship'];

function seedNumber(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (Math.imul(h, 31) + seed.charCodeAt(i)) >>> 0;
  return h;
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
  ['passive_aggressive', 'composure_passive_aggressive'],
  ['blame', 'composure_blame'],
  ['lecturing', 'composure_lecturing'],
  ['minimising', 'composure_minimising'],
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

interface ChosenTip {
  variant: TipVariant;
  quoted: string | undefined;
}

/**
 * The tip: the first of the candidate keys (the weakest criterion first, see {@link tipCandidates})
 * with a variant that asks for nothing the reply already does and whose `{quote}`, if any, can be
 * filled. Variants rotate with the turn.
 */
function chooseTip(facts: FeedbackFacts, text: FeedbackText): ChosenTip {
  // Polish after a reply that already acknowledged the customer does not ask for it again.
  const heard = heardBefore(facts);
  // A time the reply names for what the customer does ("confirm it in the app now, then it goes out
  // at once") makes a step as binding as a time for the trainee's own: read once, it counts as the
  // act for the variants' `asks` and for the step tip.
  const timeNamed = facts.acts.includes('names_time') || (facts.reply !== undefined && namesATime(facts.reply));
  const done: readonly DialogueAct[] = timeNamed && !facts.acts.includes('names_time') ? [...facts.acts, 'names_time'] : facts.acts;
  for (const key of tipCandidates(facts, timeNamed)) {
    const variants = text.tips[key];
    const quoted = tipQuote(key, facts);
    for (let i = 0; i < variants.length; i++) {
      const variant = pick(variants, facts.turn + i);
      if (variant.asks?.some((act) => done.includes(act))) continue;
      if (variant.asksName === true && facts.namesCustomer === true) continue;
      if (variant.asksChoice === true && facts.signals.leavesChoice) continue;
      if (variant.asksNaming === true && facts.namesSituation === true) continue;
      if (variant.presumes !== undefined && !variant.presumes.some((act) => facts.acts.includes(act))) continue;
      // nor after this reply put the customer's situation into words itself ("forty-five minutes on
      // hold, then cut off, card blocked in front of the hotel" is the summary polish would ask for)
      if ((heard || facts.empathy.interpretation === 2) && key.startsWith('polish_') && variant.family === 'empathy') continue;
      // A reply that already asked about what lies behind ("Is it for your father?", open or closed)
      // is not asked to find out what lies behind.
      if (variant.family === 'exploration' && facts.empathy.exploration > 0) continue;
      if (variant.tip.includes('{quote}') && quoted === undefined) continue;
      return { variant, quoted };
    }
  }
  // polish_general's last variant asks for nothing, so the loop always returns; this keeps the type honest.
  return { variant: pick(text.tips.polish_general, 2), quoted: undefined };
}

/** The trainee's own words a tip may quote: the jab it is about, or the generic phrase to make specific. */
function tipQuote(key: TipKey, facts: FeedbackFacts): string | undefined {
  switch (key) {
    case 'composure_sarcasm':
    case 'composure_passive_aggressive':
    case 'composure_doubt':
    case 'composure_unclear':
      return facts.composure.evidence[0];
    case 'empathy_generic':
      return facts.empathy.quotes.generic;
    case 'pressure_overpromise':
      return facts.overpromise;
    default:
      return undefined;
  }
}

/**
 * Tip keys in order of preference: a wrong boundary first, then composure below 3, then empathy,
 * then a missing next step, then polish for the persona's focus; `polish_general` always ends the list.
 */
function tipCandidates(facts: FeedbackFacts, timeNamed: boolean): TipKey[] {
  const primary = primaryTip(facts, timeNamed);
  const polish = POLISH_BY_FOCUS.find(([tag]) => facts.focus.includes(tag))?.[1];
  // Where every variant of the first tip asks for what the reply did (an empathy tip to a reply that
  // acknowledged), the next thing it lacks comes before polish: polish praises.
  const step = stepTip(facts, timeNamed);
  return [...new Set<TipKey>([primary, ...(step ? [step] : []), ...(polish ? [polish] : []), 'polish_general'])];
}

/** The previous reply named the customer's feeling or situation specifically, and this one undid nothing of it. */
function heardBefore(facts: FeedbackFacts): boolean {
  return facts.acknowledgedBefore === true && facts.empathy.limits.length === 0;
}

/** Letting go a customer who asked for peace, or ending the call, is the step; asking for more would press on. */
function closes(facts: FeedbackFacts): boolean {
  return facts.acts.includes('ends_call') || facts.customerSaidNo === true;
}

/**
 * The missing next step, when the reply should move the matter and did not (or named no time where
 * time counts). `timeNamed`: the reply names a time, for its own step or the customer's (chooseTip).
 */
function stepTip(facts: FeedbackFacts, timeNamed: boolean): TipKey | undefined {
  const { acts, focus } = facts;
  if (closes(facts) || focus.includes('grief') || facts.composure.score < 3 || facts.boundary.verdict === 'set_well') return undefined;
  // a proposed call or meeting is the next step too ("Would Wednesday at 10 work for a call?"), and
  // an answer that says when ("the money is with the dealer by 14:45") leaves nothing to wait for
  const timedAnswer = acts.includes('gives_info') && acts.includes('names_time');
  if (!acts.includes('offers_step') && !acts.includes('proposes_contact') && !timedAnswer) return 'solution_missing';
  if (!timeNamed && (focus.includes('venting') || focus.includes('pressure'))) return 'solution_time';
  return undefined;
}

function primaryTip(facts: FeedbackFacts, timeNamed: boolean): TipKey {
  const { boundary, composure, empathy, focus, acts } = facts;
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
  if (composure.score < 3) return composureTip(composure);
  // Sarcasm or blame at composure 3 undo the empathy; the behaviour is the thing to change.
  if (empathy.limits.includes('hostile') && composure.flags.length > 0) return composureTip(composure);
  // the grader decided the reply ignored the customer's hurry (judgeEmpathy's limit); one rule, not two
  if (empathy.limits.includes('ignores_hurry')) return 'pressure_long';
  // the rubric's "do not promise what cannot be kept", before any polish of a brisk answer
  if (facts.overpromise !== undefined) return 'pressure_overpromise';
  const limit = firstOf(empathy.limits, ['grief_push', 'grief_cheer', 'pressed_after_no', 'feeling_dismissed', 'but_dismissal', 'repeated_formula']);
  switch (limit) {
    case 'pressed_after_no':
      return 'respect_no';
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
  // Composed by a narrow margin: the sentence that may land badly is the thing to work on, said as a
  // doubt, not a verdict (the model is unsure, and about one time in five the reply was meant
  // well). What the reply did to this customer's stated need (hurry, grief) comes first.
  if (composure.byModel === true && composure.score >= 3) return 'composure_doubt';
  // A reply that names the insult and then gets on with the matter (gives what is missing, offers a
  // step, asks about it) has done more than offer to continue.
  const carriesOn = acts.some((act) => MATTER_ACTS.has(act));
  if (boundary.verdict === 'set_well' && !boundary.ended && !boundary.offeredToContinue && !carriesOn) return 'boundary_offer_continue';
  // After a boundary set well the next skill is returning to the matter, not more empathy words.
  if (boundary.verdict === 'set_well') return 'polish_insults';
  if (composure.score === 3 && composure.flags.length > 0) return composureTip(composure);
  // Empathy named in the last reply need not be said again in the one that delivers; a reply that
  // undid it (a limit) still gets the empathy tip.
  const heard = heardBefore(facts);
  // A reply that already says what it perceives ("ich merke, dass ich gerade sehr ungelegen anrufe")
  // is not told to say what it perceives; to a customer in grief that, and no pressure, is the move.
  // A bare formula ("I understand.") is what the tip is about: its acknowledging sentence is the
  // formula the lexicons know.
  // The lexicons' reading counts too: "I've caught you at a bad moment" perceives, though the same
  // sentence holds the apology the formula check would take it for.
  const perceives =
    focus.includes('grief') && (empathy.quotes.specific !== undefined || (acts.includes('acknowledges') && ownAcknowledgement(facts) !== undefined));
  if (empathy.score <= 3 && focus.includes('grief') && !heard && !perceives) return 'grief_acknowledge';
  // A guest with an unusual wish has no feeling to acknowledge yet: the person and the reason behind the wish are what to see.
  if (empathy.score <= 2 && !heard) return focus.includes('unusual_request') ? 'empathy_wish' : 'empathy_none';
  // To a caller in a hurry, a short answer that gets the thing done is the empathy that counts
  // (label guide); asking him to pick up more of his words would slow him down.
  const brisk = focus.includes('pressure') && facts.words <= HURRIED_MAX_WORDS && (acts.includes('offers_step') || acts.includes('gives_info'));
  if (empathy.score === 3 && !brisk && !heard && !perceives) return 'empathy_generic';
  const step = stepTip(facts, timeNamed);
  if (step) return step;
  // A caller in a hurry wants the answer, not a question about what matters to them.
  if (empathy.score === 4 && empathy.exploration === 0 && !closes(facts) && !focus.includes('pressure') && !heard) return 'empathy_explore';
  return POLISH_BY_FOCUS.find(([tag]) => focus.includes(tag))?.[1] ?? 'polish_general';
}

/** Acts that work on the customer's matter itself. */
const MATTER_ACTS: ReadonlySet<DialogueAct> = new Set<DialogueAct>(['gives_info', 'offers_step', 'proposes_contact', 'asks_open', 'asks_closed']);

function composureTip(composure: FeedbackFacts['composure']): TipKey {
  for (const [flag, key] of COMPOSURE_TIPS) if (composure.flags.includes(flag)) return key;
  // The model found the reply hostile but is unsure of the kind: the sentence is quoted, the kind not named.
  return composure.byModel === true ? 'composure_unclear' : 'composure_general';
}

/** Two quotes of the same sentence, either possibly cut short ("…"). */
/**
 * The sentence the model reads as acknowledging the customer, unless it is the generic formula the
 * lexicons know ("thank you for letting me know", "I understand."), which proves nothing specific.
 */
function ownAcknowledgement(facts: FeedbackFacts): string | undefined {
  const acknowledging = facts.quoteFor?.('acknowledges');
  const formula = facts.empathy.quotes.generic;
  return acknowledging !== undefined && !(formula !== undefined && overlaps(acknowledging, formula)) ? acknowledging : undefined;
}

/**
 * The quote with the rest of the sentence it was cut from ("…and I'll be back in five…" → "…in five
 * minutes."): a quote is at most 90 characters, and what it leaves out may be the very time it is about.
 */
function quotedSentence(quoted: string, reply: string | undefined): string {
  const body = quoted.replace(/^…|…$/gu, '');
  const at = reply?.indexOf(body) ?? -1;
  if (reply === undefined || at < 0) return quoted;
  const end = reply.slice(at + body.length).search(/[.!?](?:\s|$)/u);
  return reply.slice(at, end < 0 ? reply.length : at + body.length + end + 1);
}

function overlaps(a: string, b: string): boolean {
  const strip = (text: string): string => text.replace(/…$/u, '').trim();
  return strip(a).includes(strip(b)) || strip(b).includes(strip(a));
}

function firstOf<T>(present: readonly T[], order: readonly T[]): T | undefined {
  return order.find((item) => present.includes(item));
}

/** Not-composed replies: the strength names what went wrong, by its kind, never praise. */
const LOW_STRENGTHS: ReadonlyArray<readonly [ComposureFlag, StrengthKey]> = [
  ['insult', 'low_hostile'],
  ['profanity', 'low_hostile'],
  ['threat', 'low_hostile'],
  ['sarcasm', 'low_sarcasm'],
  ['passive_aggressive', 'low_passive_aggressive'],
  ['blame', 'low_blame'],
  ['minimising', 'low_minimising'],
  ['dismissive', 'low_dismissive'],
  ['defensive', 'low_defensive'],
  ['shouting', 'low_shouting'],
  ['condescending', 'low_condescending'],
  ['lecturing', 'low_condescending'],
];

/**
 * The strength: what the reply did well, in its own words where possible. A reply that is not
 * composed gets no praise: the offer it made, if any, else a plain word on what went wrong.
 */
function chooseStrength(facts: FeedbackFacts): [StrengthKey, string | undefined] {
  const { boundary, composure, empathy, signals, focus, acts } = facts;
  if (boundary.verdict === 'set_well') {
    if (boundary.ended && signals.endQuote !== undefined) return ['boundary_ended_after_warning', signals.endQuote];
    if (boundary.namedQuote !== undefined) return ['boundary_set_well', boundary.namedQuote];
  }
  if (boundary.verdict === 'too_harsh' && boundary.ended && !boundary.hostile) return ['ended_too_early', undefined];
  // Business pressed on a customer in grief is what the tip is about, not something to praise.
  const pushed = empathy.limits.includes('grief_push');
  // nor is a question to a customer who asked to be left alone, whatever else it reads as
  const pressed = empathy.limits.includes('pressed_after_no');
  // nor a guarantee that may not hold, however clear
  const overpromised = facts.overpromise !== undefined;
  const offer = acts.includes('offers_step') && !pushed && !pressed && !overpromised ? (signals.solutionQuote ?? facts.quoteFor?.('offers_step')) : undefined;
  if (composure.score <= 2) {
    const hostile = composure.flags.some((flag) => flag === 'insult' || flag === 'profanity' || flag === 'threat');
    // Only an offer the lexicons quote for certain, and not the sentence the reply is marked down for.
    const kept = signals.solutionQuote;
    if (kept !== undefined && !hostile && !composure.evidence.some((evidence) => kept.includes(evidence) || evidence.includes(kept)))
      return ['kept_step', kept];
    return [LOW_STRENGTHS.find(([flag]) => composure.flags.includes(flag))?.[1] ?? 'low_general', undefined];
  }
  const sincere = !empathy.limits.includes('hostile') && !empathy.limits.includes('but_dismissal');
  if (empathy.score >= 4) {
    // the specific part of a reply whose acknowledging sentence is the formula is elsewhere, unquoted
    // the model's acknowledging sentence only where it found the reply acknowledging at all: its best
    // guess in a reply that asked instead ("Nehmen Sie sich alle Zeit. Was ist passiert?") names nothing
    const specific = empathy.quotes.specific ?? empathy.quotes.warmth ?? (acts.includes('acknowledges') ? ownAcknowledgement(facts) : undefined);
    if (empathy.quotes.specific === undefined && empathy.quotes.warmth !== undefined) return ['warmth', empathy.quotes.warmth];
    if (specific !== undefined) return ['specific_empathy', specific];
  }
  // To a customer who asked to be left alone, letting go is the move to praise, and the words that
  // perceived the moment; not "a step towards a solution" quoting whatever the model took for one.
  if (facts.customerSaidNo === true && !pressed && !pushed) {
    if (signals.endQuote !== undefined) return ['respected_no', signals.endQuote];
    if (empathy.quotes.specific !== undefined) return ['specific_empathy', empathy.quotes.specific];
  }
  if (offer !== undefined) {
    // "with a time" quotes the sentence that names it, which need not be the offer the lexicons found
    // ("I'll have the open points ready. Would Thursday at 10 work for a call?")
    // The model may read a time in the sentence ("lunch starts at twelve, but let me ask the kitchen")
    // that the quoted step does not carry: "…knows what happens and when" needs the time in the quote.
    const timed = acts.includes('names_time') ? (signals.solutionHasTime ? offer : facts.quoteFor?.('names_time')) : undefined;
    // (a quote cut short is read with the rest of its sentence; the lexicons' "with a time" is the
    // sentence's, and "lunch starts at twelve, but let me ask the kitchen" is no time for the step)
    return timed !== undefined && namesATime(quotedSentence(timed, facts.reply)) ? ['solution_with_time', timed] : ['solution', offer];
  }
  const summary = acts.includes('summarises') ? facts.quoteFor?.('summarises') : undefined;
  if (summary !== undefined) return ['summary', summary];
  // a question to a customer who asked to be left alone is what the tip is about
  if (empathy.exploration === 2 && sincere && !pressed && empathy.quotes.question !== undefined) {
    return ['exploration', empathy.quotes.question];
  }
  // information that comes only after a preamble, or at more than a brisk answer's length to a
  // caller in a hurry, is not "clear and to the point"
  const longWinded = acts.includes('wind_up') || (focus.includes('pressure') && facts.words > BRISK_MAX_WORDS);
  const information = acts.includes('gives_info') && !longWinded && !pushed && !pressed && !overpromised ? facts.quoteFor?.('gives_info') : undefined;
  // a plain or mildly defensive reply (3) is not praised as clear: its information may be the justification
  if (information !== undefined && composure.score >= 4) return ['information', information];
  // Praising calm next to a wrong boundary would blur the tip.
  const boundaryWrong = boundary.verdict === 'unnecessary' || boundary.verdict === 'too_harsh';
  // nor when the model doubts the calm (composed by a narrow margin)
  if (composure.score >= 4 && !boundaryWrong && composure.byModel !== true) {
    // Praise for letting anger pass only where that was right: venting, not a swallowed insult.
    const vented = boundary.verdict === 'not_needed' && (focus.includes('venting') || focus.includes('insults'));
    return [vented ? 'stayed_out_of_tone' : 'calm', undefined];
  }
  // nor is the sentence a plain reply was marked down for ("Lunch is from twelve, that's the rule
  // here, sorry.") praised for its apology
  const generic = empathy.quotes.generic;
  const genericMarkedDown = generic !== undefined && composure.score <= 3 && composure.evidence.some((evidence) => overlaps(evidence, generic));
  if (empathy.score === 3 && sincere && generic !== undefined && !genericMarkedDown) return ['generic_empathy', generic];
  if (acts.includes('ends_call') && boundary.verdict === 'not_needed') return ['polite_close', undefined];
  return ['fallback', undefined];
}
