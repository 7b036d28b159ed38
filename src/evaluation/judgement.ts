import type { ComposureFinding, ComposureFlag } from './composure.js';
import type { EmpathyAssessment, EmpathyLimit } from './empathy.js';
import type { Language } from './grade.js';
import { courtesyFrame, quote, type PreparedText } from './grader-patterns.js';
import { detectInjection } from './injection-markers.js';
import { looksLikeInjection, type LexiconFindings } from './lexicon-pass.js';
import { onlyDeclines, ownsContact, summarises, windsUp } from './signals.js';
import type { GraderModel, ModelPrediction } from './model/grader-model.js';
import { DIALOGUE_ACTS, type ComposureFailure, type DialogueAct, type EmpathyLevel } from './model/heads.js';

/**
 * How the lexicon pass and the trained model are combined into one judgement. The lexicons are
 * the source of quotes and of findings that are certain when they fire (an insult, shouting, a
 * named feeling); the model decides where the lexicons are silent and sets the empathy level.
 */

/** Model failure categories as the feedback's composure flags. */
const FLAG_OF_FAILURE: Readonly<Record<ComposureFailure, ComposureFlag | undefined>> = {
  sarcasm: 'sarcasm',
  mock_sympathy: 'sarcasm',
  passive_aggressive: 'passive_aggressive',
  lecturing: 'lecturing',
  condescension: 'condescending',
  blame: 'blame',
  minimising: 'minimising',
  brush_off: 'dismissive',
  threat: 'threat',
  insult: 'insult',
  shouting: 'shouting',
  defensive: 'defensive',
  other: undefined,
};

/** P(failure kind) from which the model's kind of failure is named (feedback, flags); 68–99 % right above it */
export const KIND_NAMED_FROM = 0.4;

interface ComposureJudgement extends ComposureFinding {
  /**
   * the model found what the lexicons did not: a reply not composed, or (with a composed score) one
   * whose calm it doubts, the doubted sentence first in `evidence`
   */
  byModel: boolean;
}

/**
 * P(not composed) from which a reply composed by the threshold still loses its full marks. Between
 * here and the threshold most replies are not composed (on held-out writers about four in five):
 * such a reply is not "calm and professional throughout", though it is not marked down as not
 * composed either, which keeps false alarms within their budget. At even odds (0.5) the doubt was
 * right less than two times in three; from 0.6 a calm "I see. Please give me a moment to check."
 * (P 0.50) crossed it once a blockquote or a link label was added (P 0.61), and after the lesson
 * corpus round (eighth session) the same decorated reply read 0.66-0.67, so the band starts at 0.7.
 */
export const DOUBTED_FROM = 0.7;

/** The failures the model reads into reassurance said in blame's words. */
const REASSURANCE_MISREAD: ReadonlySet<ComposureFailure> = new Set<ComposureFailure>(['blame', 'lecturing', 'condescension']);

/** Whether the model's reading marks a reply down (the whole reply, or one sentence read alone). */
export function markedDown(prediction: ModelPrediction, model: GraderModel, lang: Language): boolean {
  return prediction.notComposed >= model.notComposedThreshold(lang) || Math.max(0, ...prediction.sentenceNotComposed) >= model.sentenceThreshold(lang);
}

/**
 * Composure: a lexicon finding of 1–2 stands (it quotes the words). Otherwise the model decides
 * whether the reply is composed; when it is not, the flag is its failure category and the evidence
 * the sentence it finds most hostile. A composed reply keeps the lower of the lexicon's and the
 * model's score, so a stiff phrase the lexicon knows still costs a point.
 */
export function judgeComposure(
  lexicon: ComposureFinding,
  prediction: ModelPrediction | undefined,
  model: GraderModel | undefined,
  reply: PreparedText,
  lang: Language,
  instructed = false,
  /**
   * the model's reading of the reply without its reassurance (`withoutReassurance`): undefined when
   * it had none, null when the reassurance was all the reply said. Asked for only where the model
   * marks the reply down, so the common path reads the reply once.
   */
  readWithoutReassurance?: () => ModelPrediction | null | undefined,
): ComposureJudgement {
  if (lexicon.score <= 2 || !prediction || !model) return { ...lexicon, byModel: false };
  const sentenceMax = Math.max(0, ...prediction.sentenceNotComposed);
  // A send-away is what the model reads into a reply that gives the trainee's own line instead of the
  // hotline's ("call me directly rather than the hotline"): the words are the same, the direction the
  // opposite. Where the lexicons find the trainee taking the customer on, that reading stands down;
  // a sting of another kind in the same reply is still the model's to find.
  if (prediction.failure === 'brush_off' && ownsContact(reply, lang)) return { ...lexicon, byModel: false };
  // "Sure." alone: the model met these words mostly before a mocking second sentence ("Sure. Because
  // we have nothing else to do.") and read them alone as sarcasm (P 0.99); alone there is nothing to
  // mock with, so the lexicons' reading (curt, or calm with a polite word) stands.
  if (lexicon.onlyAssent === true) return { ...lexicon, byModel: false };
  if (markedDown(prediction, model, lang)) {
    // The same with blame: "None of this is your fault", „Sie können nichts dafür" take the fault off
    // the customer in blame's words, and the model read them as blame or a lecture. Its reading of
    // the rest decides: composed, or no longer blame or a lecture (a fragment read alone can look
    // curt), the reassurance was what it read; "It's not your fault, you just didn't read the
    // letter" is still blame without it.
    const unreassured = readWithoutReassurance?.();
    if (
      unreassured === null ||
      (unreassured !== undefined &&
        (!markedDown(unreassured, model, lang) || (REASSURANCE_MISREAD.has(prediction.failure) && !REASSURANCE_MISREAD.has(unreassured.failure))))
    ) {
      return { ...lexicon, byModel: false };
    }
    // The model decides composed or not; a 1 (insult, swearing, threat) is for the lexicons to quote.
    const score = 2;
    // The kind is named only when the model is fairly sure of it; below that, on held-out writers its
    // first guess was right 36–54 % of the time (mostly "sarcasm" for a lecture or a blame), and a
    // tip about irony for a reply that lectured does not fit what was said.
    const flag = prediction.failureProbability >= KIND_NAMED_FROM ? FLAG_OF_FAILURE[prediction.failure] : undefined;
    return {
      score,
      flags: flag ? [...new Set([flag, ...lexicon.flags])] : lexicon.flags,
      evidence: [worstSentence(reply, prediction, instructed), ...lexicon.evidence],
      severity: score - Math.max(prediction.notComposed, sentenceMax) / 2,
      byModel: true,
    };
  }
  // Composed: the lexicons quote the stiff and curt phrases they know and set the level, unless the
  // model is sure the reply is plain. The lexicons alone almost never said 3 ("composed but plain,
  // mechanical or mildly defensive": 5 of 1,079 such English replies of held-out writers); the
  // model's composure-score head, trusted only at P ≥ 0.7, finds a third of them and reads 36 of
  // 6,069 fives as 3 (level right for 0.80 of composed replies, the lexicons alone 0.76). Its
  // 4-or-5 split and its less certain 3s moved with decoration around a calm reply (a code block,
  // a link, a stray character), so they are not used.
  const level = readsPlain(prediction) ? (Math.min(lexicon.score, 3) as ComposureFinding['score']) : lexicon.score;
  if (prediction.notComposed >= DOUBTED_FROM && level >= 4) {
    return {
      ...lexicon,
      score: 4,
      evidence: [worstSentence(reply, prediction, instructed), ...lexicon.evidence],
      byModel: true,
    };
  }
  if (level === lexicon.score) return { ...lexicon, byModel: false };
  // severity stays inside the score band (score − 1, score]
  return { ...lexicon, score: level, severity: level, byModel: false };
}

/** The model's composure-score head is sure the composed reply is plain (3). */
function readsPlain(prediction: ModelPrediction): boolean {
  const [, , three = 0, four = 0, five = 0] = prediction.composureScore;
  return three >= PLAIN_FROM && three >= four && three >= five;
}

/** P(composure 3) from which a composed reply is read as plain (see readsPlain) */
const PLAIN_FROM = 0.7;

/** The sentence the model finds least composed, quoted (never a greeting or sign-off); the whole reply when it has one sentence. */
function worstSentence(reply: PreparedText, prediction: ModelPrediction, instructed: boolean): string {
  const scores = prediction.sentenceNotComposed;
  if (reply.sentences.length <= 1 || scores.length !== reply.sentences.length) return quote(reply.text);
  let worst = reply.sentences[0] ?? reply.text;
  let worstScore = -1;
  scores.forEach((score, index) => {
    const sentence = reply.sentences[index] ?? '';
    // the greeting or the sign-off of an e-mail is never the jab ("Mit freundlichen Grüßen" read alone is curt)
    if (score > worstScore && !(instructed && speaksToGrader(sentence)) && !courtesyFrame(sentence)) {
      worst = reply.sentences[index] ?? worst;
      worstScore = score;
    }
  });
  return quote(worst);
}

/**
 * The model's reading of a reply that spoke to the grader: the worse of its reading of the whole
 * written reply and of the customer-facing part, head by head, so that text aimed at the grader
 * can never raise a grade (it can hide a hostile sentence from the cleaned part, not from both).
 */
export function worseOf(cleaned: ModelPrediction, full: ModelPrediction): ModelPrediction {
  const acts = new Set([...cleaned.acts, ...full.acts]);
  const actProbabilities = Object.fromEntries(
    DIALOGUE_ACTS.map((act) => [act, Math.max(cleaned.actProbabilities[act], full.actProbabilities[act])]),
  ) as ModelPrediction['actProbabilities'];
  const hostile = Math.max(full.notComposed, ...full.sentenceNotComposed) > Math.max(cleaned.notComposed, ...cleaned.sentenceNotComposed) ? full : cleaned;
  const levels: readonly EmpathyLevel[] = ['none', 'generic', 'specific'];
  const colder = levels.indexOf(full.empathyLevel) < levels.indexOf(cleaned.empathyLevel) ? full : cleaned;
  return {
    ...hostile,
    notComposed: Math.max(cleaned.notComposed, full.notComposed),
    empathyLevel: colder.empathyLevel,
    empathyLevelProbabilities: colder.empathyLevelProbabilities,
    emotionalReaction: Math.min(cleaned.emotionalReaction, full.emotionalReaction) as 0 | 1 | 2,
    interpretation: Math.min(cleaned.interpretation, full.interpretation) as 0 | 1 | 2,
    exploration: Math.min(cleaned.exploration, full.exploration) as 0 | 1 | 2,
    actProbabilities,
    acts,
  };
}

/** Lexicon limits that cap empathy by the rubric, whatever the words: the reply undid its own empathy. */
const CAPPING_LIMITS: readonly EmpathyLimit[] = [
  'hostile',
  'but_dismissal',
  'grief_push',
  'grief_cheer',
  'feeling_dismissed',
  'repeated_formula',
  'ignores_hurry',
  'pressed_after_no',
  'injection',
];

/** A reply this long makes a customer in a hurry wait, whatever it says (rubric, pressure). */
export const HURRIED_MAX_WORDS = 60;
/** at most this many words is a short answer to a customer in a hurry */
export const BRISK_MAX_WORDS = 35;

interface EmpathyJudgement extends EmpathyAssessment {
  level: EmpathyLevel;
}

/**
 * Empathy: the model's level (none / generic / specific) and sub-scores, made consistent with each
 * other and with the rubric's caps: a reply that is not composed, or that undoes its empathy (a
 * "but" dismissal, product talk to a grieving customer), has none. The score follows the level:
 * none 1–2, generic 3, specific 4–5 (5 with warmth or an open question on top).
 */
/** What the situation asks of the reply's empathy beyond its words (rubric, persona focus points). */
interface EmpathyConstraints {
  /** a long wind-up to a customer in a hurry: the constraint is ignored, empathy is capped */
  hurried?: boolean;
  /** a short, calm answer that leads with what a customer in a hurry needs: at least generic */
  brisk?: boolean;
  /** the reply speaks to the grader */
  injection?: boolean;
  /** the customer insulted the trainee personally */
  insulted?: boolean;
}

export function judgeEmpathy(
  lexicon: EmpathyAssessment,
  prediction: ModelPrediction | undefined,
  composureScore: number,
  constraints: EmpathyConstraints = {},
): EmpathyJudgement {
  const limits = [...lexicon.limits];
  if (composureScore <= 2 && !limits.includes('hostile')) limits.push('hostile');
  if (constraints.hurried) limits.push('ignores_hurry');
  if (constraints.injection) limits.push('injection');
  const capped = limits.some((limit) => CAPPING_LIMITS.includes(limit));
  // Acting on the time pressure is acknowledging it (rubric, pressure): at least generic.
  const brisk = constraints.brisk === true && !capped;
  if (!prediction) {
    const raised = brisk ? Math.max(lexicon.score, 3) : lexicon.score;
    const score = capped ? (Math.min(lexicon.score, 2) as EmpathyAssessment['score']) : (raised as EmpathyAssessment['score']);
    return { ...lexicon, score, limits, level: levelOfScore(score) };
  }
  // After a personal insult the model leans to "none" (most training replies to an insult name it and
  // nothing more); a feeling or situation the lexicons read as named in a calm reply is at least generic.
  // On held-out writers the floor moves 56 replies closer to their label and 43 away (most of those
  // are sarcastic replies the composure check missed): about even on accuracy, and it stops the
  // insulting customer's trainee from being told that a named feeling was no empathy.
  const namedAfterInsult = constraints.insulted === true && composureScore >= 4 && (lexicon.interpretation === 2 || lexicon.emotionalReaction === 2);
  const level: EmpathyLevel = capped ? 'none' : (brisk || namedAfterInsult) && prediction.empathyLevel === 'none' ? 'generic' : prediction.empathyLevel;
  let { emotionalReaction, interpretation } = prediction;
  const { exploration } = prediction;
  if (level === 'generic') {
    emotionalReaction = Math.min(emotionalReaction, 1) as 0 | 1;
    interpretation = Math.min(interpretation, 1) as 0 | 1;
    if (emotionalReaction === 0 && interpretation === 0 && exploration < 2) interpretation = 1;
  } else if (level === 'specific' && emotionalReaction < 2 && interpretation < 2) {
    interpretation = 2;
  }
  const score = scoreOfLevel(level, emotionalReaction, interpretation, exploration);
  return { ...lexicon, emotionalReaction, interpretation, exploration, score, limits, level };
}

function scoreOfLevel(level: EmpathyLevel, emotion: number, interpretation: number, exploration: number): EmpathyAssessment['score'] {
  switch (level) {
    case 'none':
      return emotion + interpretation + exploration > 0 ? 2 : 1;
    case 'generic':
      return 3;
    case 'specific':
      return interpretation === 2 && (emotion === 2 || exploration === 2) ? 5 : 4;
  }
}

export function levelOfScore(score: number): EmpathyLevel {
  return score <= 2 ? 'none' : score === 3 ? 'generic' : 'specific';
}

/** P(sets_boundary) the model needs to find a boundary nobody's insult called for */
const UNPROMPTED_BOUNDARY_MIN = 0.9;

/**
 * The reply's dialogue acts: the model's, joined with what the lexicons found for certain (an
 * offer, a time, an ending, a named behaviour, a question). The union serves the feedback: a tip
 * must never ask for something the reply did, so an act either source saw counts as done.
 */
export function judgeActs(
  findings: LexiconFindings,
  prediction: ModelPrediction | undefined,
  reply: PreparedText,
  composure: ComposureFinding,
  lang: Language,
  needed = true,
): DialogueAct[] {
  const acts = new Set<DialogueAct>(prediction?.acts ?? []);
  const { signals, empathy, boundary } = findings;
  // Telling off a customer who only vented costs the trainee the boundary criterion; the model's
  // word for it alone must be near certain, as polite requests ("please make sure …") look alike.
  if (!needed && (prediction?.actProbabilities.sets_boundary ?? 0) < UNPROMPTED_BOUNDARY_MIN) acts.delete('sets_boundary');
  // A reply judged not composed for lecturing or blaming does what it was judged for. The model's
  // reading of why counts as much as the lexicons' flags, from the certainty at which feedback
  // names the kind (KIND_NAMED_FROM): a trainee told "that lectures" meets a customer who heard a
  // lecture, also where the lexicons decided the score (an insult and a lecture in one reply).
  if (composure.score <= 2) {
    const why = prediction !== undefined && prediction.failureProbability >= KIND_NAMED_FROM ? prediction.failure : undefined;
    if (composure.flags.includes('lecturing') || composure.flags.includes('condescending') || why === 'lecturing' || why === 'condescension')
      acts.add('lectures');
    if (composure.flags.includes('blame') || why === 'blame') acts.add('blames');
    if (composure.flags.includes('defensive') || why === 'defensive') acts.add('justifies');
  }
  // Where the lexicons read the grammar, it overrules the model's bag of words: a step named only
  // to be declined, or the ritual "anything else?", is no offer, and "if this goes on, I'll end
  // the call" ends nothing yet.
  if (signals.declinesStep || signals.onlyCourtesy) acts.delete('offers_step');
  if (signals.warnsOfEnding && !signals.endsConversation) acts.delete('ends_call');
  if (signals.offersSolution) acts.add('offers_step');
  if (signals.solutionHasTime) acts.add('names_time');
  if (signals.endsConversation) acts.add('ends_call');
  if (signals.proposesContact) acts.add('proposes_contact');
  if (boundary.named) acts.add('sets_boundary');
  if (empathy.exploration === 2) acts.add('asks_open');
  else if (empathy.exploration === 1 && reply.text.includes('?')) acts.add('asks_closed');
  if (empathy.interpretation > 0) acts.add('acknowledges');
  if (windsUp(reply, lang)) acts.add('wind_up');
  if (summarises(reply, lang)) acts.add('summarises');
  return DIALOGUE_ACTS.filter((act) => acts.has(act));
}

/** Acts a sentence that only says what will not happen cannot perform. */
const STEP_ACTS: ReadonlySet<DialogueAct> = new Set<DialogueAct>(['offers_step', 'names_time']);

/** Acts a question cannot perform, so a question is never quoted for them. */
const STATEMENT_ACTS: ReadonlySet<DialogueAct> = new Set<DialogueAct>(['acknowledges', 'apologises', 'summarises']);

/** Acts that move the matter: a sentence that is mainly an acknowledgement is not quoted for them. */
const CONTENT_ACTS: ReadonlySet<DialogueAct> = new Set<DialogueAct>(['gives_info', 'offers_step', 'names_time', 'proposes_contact']);

/**
 * How far the model must read a sentence more as an acknowledgement than as `act` to pass it over:
 * "Drei Wochen warten ist lang, das verstehe ich." names a time the customer waited and gives
 * nothing; "I understand, and I'll send the form today." does both and stays quotable.
 */
const MAINLY_ACKNOWLEDGES = 0.3;

/**
 * The sentence of the reply that most clearly performs `act`, by the model read sentence by
 * sentence; undefined when no sentence reaches the act's threshold on its own.
 */
export function sentenceFor(act: DialogueAct, prediction: ModelPrediction, model: GraderModel, reply: PreparedText, instructed = false): string | undefined {
  if (reply.sentences.length === 1 && prediction.acts.has(act)) return quote(reply.text);
  if (prediction.sentenceActs.length !== reply.sentences.length) return undefined;
  let best: string | undefined;
  let bestScore = model.actThreshold(act);
  // "May I call you on Thursday?" proposes a call; it acknowledges, apologises for or sums up nothing
  const statementOnly = STATEMENT_ACTS.has(act);
  prediction.sentenceActs.forEach((acts, index) => {
    const score = acts[act];
    const sentence = reply.sentences[index] ?? '';
    if (statementOnly && sentence.trimEnd().endsWith('?')) return;
    if (STEP_ACTS.has(act) && onlyDeclines(sentence)) return;
    if (CONTENT_ACTS.has(act) && acts.acknowledges - score > MAINLY_ACKNOWLEDGES) return;
    // a bare "Yes." or „Ja, klar." opens the answer; the sentence after it carries the content
    if (CONTENT_ACTS.has(act) && wordCount(sentence) <= BARE_ANSWER_WORDS) return;
    if (score >= bestScore && !(instructed && speaksToGrader(sentence))) {
      best = reply.sentences[index];
      bestScore = score;
    }
  });
  return best === undefined ? undefined : quote(best);
}

/** words up to which a sentence of a longer reply is a bare answer ("Yes.", "Of course.") and never quoted for its content */
const BARE_ANSWER_WORDS = 2;

function wordCount(sentence: string): number {
  return sentence.split(/\s+/u).filter((word) => /\p{L}|\d/u.test(word)).length;
}

/** Never quoted back: a sentence that speaks to the grader, by either detector. */
function speaksToGrader(sentence: string): boolean {
  return looksLikeInjection(sentence) || detectInjection(sentence).length > 0;
}
