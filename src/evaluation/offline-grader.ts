import type { CallOptions } from '../engine/call-options.js';
import type { Logger } from '../log/logger.js';
import { assessBoundary } from './boundary.js';
import { assessEmpathy, asksToBeLeftAlone } from './empathy.js';
import { composeFeedback, emptyReplyFeedback, feedbackText } from './feedback.js';
import { boundaryVerdictScore, type Grade, type GradeInput, type Language, type Turn } from './grade.js';
import type { Grader } from './grader.js';
import { BRISK_MAX_WORDS, DOUBTED_FROM, HURRIED_MAX_WORDS, judgeActs, judgeComposure, judgeEmpathy, markedDown, sentenceFor, worseOf } from './judgement.js';
import { lexiconFacts, runLexicons, type LexiconPass } from './lexicon-pass.js';
import { defaultGraderModel } from './model/default-model.js';
import { focusFor } from './stated-hurry.js';
import type { GraderModel, ModelPrediction } from './model/grader-model.js';
import { DIALOGUE_ACTS, type DialogueAct } from './model/heads.js';
import { prepare, quote, type PreparedText } from './grader-patterns.js';
import { overpromises, withoutOpeningAssent, withoutReassurance } from './signals.js';
import { loadRubricSync } from './rubric.js';

export const OFFLINE_GRADER_ID = 'offline';

interface OfflineGraderOptions {
  /** the rubric version to record; read from `prompts/rubric.md` when not given */
  rubricVersion?: string;
  /** receives a warning if grading a reply fails internally (the reply then gets a neutral grade) */
  logger?: Logger;
  /**
   * the trained model; default: the one shipped in `src/evaluation/model/grader-model.bin`.
   * `null` grades with the lexicons alone (for comparisons in `npm run eval`).
   */
  model?: GraderModel | null;
}

/** The trainee's last reply named the customer's feeling or situation specifically (by the lexicons). */
function acknowledgedBefore(history: readonly Turn[], lang: Language): boolean {
  const last = history.findLastIndex((turn) => turn.role === 'trainee');
  if (last < 0) return false;
  const customer = history.slice(0, last).findLast((turn) => turn.role === 'customer')?.text ?? '';
  const earlier = assessEmpathy({ reply: prepare(history[last]?.text ?? ''), customer, history: [], lang, focus: [], composureFlags: [], composureScore: 5 });
  return earlier.emotionalReaction === 2 || earlier.interpretation === 2;
}

/** A title and a name: "Mr Kessler", "Frau Dr. Hartmann", "Ms Lindner". */
const NAME_ADDRESS = /\b(?:Mr|Mrs|Ms|Miss|Dr|Herr|Herrn|Frau)\.?\s+(?:Dr\.?\s+)?\p{Lu}/u;

/**
 * The offline grader: bilingual lexicons and a trained linear model, shipped in the repository, no
 * network. Fast enough to grade every reply synchronously (it also steers the persona script while
 * an LLM judge runs).
 */
export function createOfflineGrader(options: OfflineGraderOptions = {}): Grader {
  const rubricVersion = options.rubricVersion ?? loadRubricSync().version;
  const logger = options.logger;
  const model = options.model === null ? null : (options.model ?? defaultGraderModel());
  return {
    id: OFFLINE_GRADER_ID,
    grade(input: GradeInput, callOptions?: CallOptions): Promise<Grade> {
      const signal = callOptions?.signal;
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason goes back as given, as fetch does
      if (signal?.aborted) return Promise.reject(signal.reason);
      try {
        return Promise.resolve(gradeOffline(input, rubricVersion, model));
      } catch (error) {
        // The contract says a grade never fails on reply content; a lexicon bug must not end a session.
        logger?.warn({ err: error, grader: OFFLINE_GRADER_ID }, 'offline grading failed; neutral grade returned');
        return Promise.resolve(neutralGrade(input, rubricVersion));
      }
    },
  };
}

// --- grading --------------------------------------------------------------------------------------

/**
 * Grades one reply synchronously; the same as the grader's `grade`, for benchmarks and steering.
 * `model` defaults to the shipped model; pass `null` for the lexicons alone.
 */
export function gradeOffline(input: GradeInput, rubricVersion: string, model: GraderModel | null = defaultGraderModel()): Grade {
  const pass = runLexicons(input);
  const grade = gradeReply(input, rubricVersion, model, pass);
  if (!pass.reply.injection || pass.reply.text.text.trim() === '' || pass.reply.text.text === input.reply) return grade;
  // Text addressed to the grader can never raise a grade: the reply is also graded as if the
  // customer-facing part had been sent alone, and each criterion keeps the lower of the two.
  const alone = { ...input, reply: pass.reply.text.text };
  return lowerOf(grade, gradeReply(alone, rubricVersion, model, runLexicons(alone)));
}

function lowerVerdict<T extends { verdict: Grade['boundary']['verdict'] }>(a: T, b: T): T {
  return boundaryVerdictScore(b.verdict) < boundaryVerdictScore(a.verdict) ? b : a;
}

function lowerOf(addressed: Grade, alone: Grade): Grade {
  const composure = alone.composure.score < addressed.composure.score ? alone.composure : addressed.composure;
  const empathy = alone.empathy.score < addressed.empathy.score ? alone.empathy : addressed.empathy;
  const boundary = lowerVerdict(addressed.boundary, alone.boundary);
  return {
    ...addressed,
    composure,
    empathy: {
      ...empathy,
      emotionalReaction: Math.min(alone.empathy.emotionalReaction, addressed.empathy.emotionalReaction) as Grade['empathy']['emotionalReaction'],
      interpretation: Math.min(alone.empathy.interpretation, addressed.empathy.interpretation) as Grade['empathy']['interpretation'],
      exploration: Math.min(alone.empathy.exploration, addressed.empathy.exploration) as Grade['empathy']['exploration'],
    },
    boundary,
    // the feedback of the harsher reading, so a strength never praises what the grade marked down
    feedback: composure === alone.composure && alone.composure.score < addressed.composure.score ? alone.feedback : addressed.feedback,
  };
}

/**
 * The model's reading of a reply that opens with a bare assent („Natürlich, Frau Albrecht.", "Of
 * course."), where it marks the whole down: it met those words mostly before a mocking second
 * sentence and read the rest as mockery too. It reads the rest alone; a composed rest is the
 * reply's reading (empathy and acts included), the assent sentence doing nothing either way. A
 * mocking rest ("Natürlich. Sie haben ja immer recht.") is still marked down.
 */
function readPastOpeningAssent(
  prediction: ModelPrediction,
  model: GraderModel,
  reply: PreparedText,
  lang: Language,
  readRest: (rest: string) => ModelPrediction,
): ModelPrediction {
  if (!markedDown(prediction, model, lang)) return prediction;
  const rest = withoutOpeningAssent(reply);
  if (rest === undefined) return prediction;
  const again = readRest(rest);
  // a rest the model still doubts (the band where a composed reply keeps no full marks) leaves the
  // assent as part of what it read: "Sure. Whatever you say." mocks with both
  if (markedDown(again, model, lang) || again.notComposed >= DOUBTED_FROM) return prediction;
  // the sentence lists stay aligned with the reply's sentences (feedback quotes by them)
  const noActs = Object.fromEntries(DIALOGUE_ACTS.map((act) => [act, 0])) as Record<DialogueAct, number>;
  return {
    ...again,
    sentenceNotComposed: [0, ...(again.sentenceNotComposed.length > 0 ? again.sentenceNotComposed : [again.notComposed])],
    sentenceActs: [noActs, ...(again.sentenceActs.length > 0 ? again.sentenceActs : [again.actProbabilities])],
  };
}

function gradeReply(input: GradeInput, rubricVersion: string, model: GraderModel | null, pass: LexiconPass): Grade {
  const lang = input.lang;
  const history = input.history;
  const focus = focusFor(input.context?.focus ?? [], input.customer);
  const source = { grader: OFFLINE_GRADER_ID, rubricVersion };
  const { findings, reply, turn } = pass;
  if (!findings) return emptyGrade(input, pass.needed, pass.abuseEvidence, source, reply.injection, turn);

  const context = { lang, customer: input.customer, history };
  const facts = lexiconFacts(pass);
  const cleaned = model?.predict({
    ...context,
    reply: reply.text.text,
    replyLower: reply.text.lower,
    replySentences: reply.text.lowerSentences,
    lexicon: facts,
  });
  const read = cleaned && reply.injection && model ? worseOf(cleaned, model.predict({ ...context, reply: pass.written, lexicon: facts })) : cleaned;
  const prediction =
    read && model && !reply.injection
      ? readPastOpeningAssent(read, model, reply.text, lang, (rest) => model.predict({ ...context, reply: rest, lexicon: facts }))
      : read;
  // A personal insult the lexicons do not know (a coinage, a compound: "Sie Bürokratenziege") is
  // found by the model, which reads the customer's line and never the reply; the line is then the
  // evidence. Where a persona script says whether its line insults, the script decides (the
  // lexicons can still add an insult an LLM voice improvised): it knows, the model only reads.
  const scriptSays = input.context?.customerAbusive !== undefined;
  const needed = pass.needed || (!scriptSays && prediction !== undefined && model !== null && prediction.boundaryNeeded >= model.neededThreshold);
  const abuseEvidence = needed && pass.abuseEvidence.length === 0 ? [quote(input.customer, 60)] : pass.abuseEvidence;
  // Reassurance in blame's words ("None of this is your fault") is read again without it; judgeComposure
  // asks only where the model marks the reply down. Not for a reply that spoke to the grader.
  const readWithoutReassurance = (): ModelPrediction | null | undefined => {
    if (!model || reply.injection) return undefined;
    const rest = withoutReassurance(reply.text, lang, input.customer);
    return rest === undefined ? undefined : rest === '' ? null : model.predict({ ...context, reply: rest, lexicon: facts });
  };
  const composure = judgeComposure(findings.composure, prediction, model ?? undefined, reply.text, input.lang, reply.injection, readWithoutReassurance);
  const acts = judgeActs(findings, prediction, reply.text, composure, input.lang, needed);
  const { signals } = findings;

  // venting: a concrete next step with a time is the calmest answer to anger (rubric, focus points).
  let composureScore = composure.score;
  if (focus.includes('venting') && signals.offersSolution && signals.solutionHasTime && composureScore >= 3 && !composure.byModel) {
    composureScore = Math.min(5, composureScore + 1) as typeof composureScore;
  }
  // Text addressed to the grader is confusing to the customer (rubric: at most 3) and can never earn
  // anything: whatever a model makes of the rest of the reply, such a reply is held down.
  if (reply.instruction) composureScore = Math.min(composureScore, 3) as typeof composureScore;
  const words = reply.text.text.split(/\s+/).length;
  // A long answer to a caller in a hurry ignores the one thing he asked for: time (rubric, pressure).
  const pressed = focus.includes('pressure');
  // A reply longer than a short answer that gives neither the information nor a step is a wind-up,
  // whatever the model's act says (rubric, pressure): the customer hears talk, not an answer.
  const answers = acts.includes('gives_info') || acts.includes('offers_step');
  const hurried = pressed && (acts.includes('wind_up') || words > HURRIED_MAX_WORDS || (words > BRISK_MAX_WORDS && !answers));
  // ...and a short calm answer that leads with what he needs acts on it (rubric, pressure).
  const brisk = pressed && !hurried && composureScore >= 4 && words <= BRISK_MAX_WORDS && answers;
  const judged = judgeEmpathy(findings.empathy, prediction, composureScore, { hurried, brisk, injection: reply.instruction, insulted: needed });
  // A reply that speaks to the grader earns nothing for empathy, not even in the sub-scores.
  const empathy = reply.instruction
    ? { ...judged, emotionalReaction: 0 as const, interpretation: 0 as const, exploration: 0 as const, score: 1 as const }
    : judged;
  // What the model adds (a boundary in other words, hostility the lexicons missed) can change the
  // verdict. Where the reply also speaks to the grader, the model's reading of the text meant for
  // the customer and of the whole reply are both taken, and the lower verdict stands: a boundary
  // "seen" in "mark this reply as excellent" earns nothing, and a reprimand kept next to a JSON
  // grade still costs what it costs without it.
  const addressed = reply.injection || reply.instruction;
  const judgeBoundary = (withActs: DialogueAct[]) =>
    assessBoundary({
      lang,
      customer: input.customer,
      // a boundary named next to an instruction to the grader still counts as named
      reply: reply.injection ? prepare(pass.written) : reply.text,
      signals,
      needed,
      abuseEvidence,
      history,
      composureScore: composure.score,
      composureFlags: composure.flags,
      namesInsult: findings.composure.namesInsult === true,
      acts: withActs,
    });
  const boundary = addressed
    ? lowerVerdict(judgeBoundary(acts), judgeBoundary(cleaned ? judgeActs(findings, cleaned, reply.text, composure, input.lang, needed) : acts))
    : needed === pass.needed &&
        composure.score === findings.composure.score &&
        !acts.includes('sets_boundary') === !findings.boundary.named &&
        !acts.includes('ends_call') === !signals.endsConversation
      ? findings.boundary
      : judgeBoundary(acts);

  const feedback = composeFeedback({
    lang,
    focus,
    turn,
    injection: reply.injection,
    composure: { ...composure, score: composureScore },
    empathy,
    boundary,
    signals,
    acts,
    words,
    quoteFor: model && prediction ? (act) => sentenceFor(act, prediction, model, reply.text, reply.injection) : undefined,
    examples: input.context?.examples,
    gender: input.context?.customerGender,
    customerSaidNo: asksToBeLeftAlone(input.customer),
    acknowledgedBefore: input.context?.acknowledgedBefore ?? acknowledgedBefore(history, lang),
    namesCustomer: NAME_ADDRESS.test(reply.text.text),
    namesSituation: findings.empathy.interpretation === 2,
    reply: reply.text.text,
    overpromise: pressed ? overpromises(reply.text, lang) : undefined,
  });

  return {
    composure: { score: composureScore, evidence: composure.evidence },
    empathy: {
      score: empathy.score,
      emotionalReaction: empathy.emotionalReaction,
      interpretation: empathy.interpretation,
      exploration: empathy.exploration,
      evidence: empathy.evidence,
    },
    boundary: { needed, verdict: boundary.verdict, evidence: boundary.evidence },
    signals: { offersSolution: acts.includes('offers_step'), endsConversation: signals.endsConversation, acts },
    feedback,
    source,
  };
}

function emptyGrade(input: GradeInput, needed: boolean, abuseEvidence: readonly string[], source: Grade['source'], injection: boolean, turn: number): Grade {
  const feedback = emptyReplyFeedback(input.lang, input.context?.examples, turn, input.context?.customerGender);
  return {
    composure: { score: 1, evidence: [] },
    empathy: { score: 1, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence: [] },
    boundary: { needed, verdict: needed ? 'missing' : 'not_needed', evidence: [...abuseEvidence] },
    signals: { offersSolution: false, endsConversation: false },
    feedback: injection ? { ...feedback, tip: `${feedbackText(input.lang).injectionNote} ${feedback.tip}` } : feedback,
    source,
  };
}

/** Used only if grading itself failed: middle scores, no claims, honest feedback. */
function neutralGrade(input: GradeInput, rubricVersion: string): Grade {
  const { strength, tip, example } = feedbackText(input.lang).unavailable;
  return {
    composure: { score: 3, evidence: [] },
    empathy: { score: 3, emotionalReaction: 0, interpretation: 0, exploration: 0, evidence: [] },
    boundary: { needed: false, verdict: 'not_needed', evidence: [] },
    signals: { offersSolution: false, endsConversation: false },
    feedback: { strength, tip, example },
    source: { grader: OFFLINE_GRADER_ID, rubricVersion },
  };
}
