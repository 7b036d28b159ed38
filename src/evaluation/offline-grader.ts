import type { CallOptions } from '../engine/call-options.js';
import type { Logger } from '../log/logger.js';
import { detectAbuse } from './abuse.js';
import { assessBoundary } from './boundary.js';
import { assessComposure, type ComposureFinding, type ComposureFlag } from './composure.js';
import { assessEmpathy } from './empathy.js';
import { composeFeedback, emptyReplyFeedback, feedbackText } from './feedback.js';
import type { Grade, GradeInput, Turn } from './grade.js';
import type { Grader } from './grader.js';
import { anyOf, fromSentences, pattern, prepare, quote, type PreparedText } from './grader-patterns.js';
import { loadRubricSync } from './rubric.js';
import { plainText } from './text.js';
import { assessSignals } from './signals.js';

export { summaryAdvice } from './feedback.js';

export const OFFLINE_GRADER_ID = 'offline';

export interface OfflineGraderOptions {
  /** the rubric version to record; read from `prompts/rubric.md` when not given */
  rubricVersion?: string;
  /** receives a warning if grading a reply fails internally (the reply then gets a neutral grade) */
  logger?: Logger;
}

/**
 * The offline grader: bilingual lexicons and patterns, no model, no I/O. Fast enough to grade every
 * reply synchronously (it also steers the persona script while an LLM judge runs).
 */
export function createOfflineGrader(options: OfflineGraderOptions = {}): Grader {
  const rubricVersion = options.rubricVersion ?? loadRubricSync().version;
  const logger = options.logger;
  return {
    id: OFFLINE_GRADER_ID,
    grade(input: GradeInput, callOptions?: CallOptions): Promise<Grade> {
      const signal = callOptions?.signal;
      if (signal?.aborted) return Promise.reject(signal.reason);
      try {
        return Promise.resolve(gradeOffline(input, rubricVersion));
      } catch (error) {
        // The contract says a grade never fails on reply content; a lexicon bug must not end a session.
        logger?.warn({ err: error, grader: OFFLINE_GRADER_ID }, 'offline grading failed; neutral grade returned');
        return Promise.resolve(neutralGrade(input, rubricVersion));
      }
    },
  };
}

// --- injection ------------------------------------------------------------------------------------

/** JSON-like blocks and markup tags: nothing a customer would be told. */
const MACHINE_BLOCKS = /\{[^{}]{0,4000}\}|<\/?[a-z_|-]{2,20}[^<>]{0,200}>|\[\/?(?:system|inst|grade|assistant)\]/giu;
const MAYBE_BLOCK = /[{<[]/;
/** Every injection pattern needs one of these; most replies have none, and this test is cheap. */
const MAYBE_INJECTION =
  /[:=/]|\d|ignor|disregard|forget|overrid|bypass|vergiss|vergessen|missacht|berschreib|as an? |you are now|du bist jetzt|anweisung|instruction|deserve|verdien|give|gib|gebt|geben|bewerte|rate|grade|score|mark|award|reply|answer|response|antwort/;
/** A sentence addressed to the grader rather than the customer. */
const INJECTION = pattern(
  anyOf([
    String.raw`\b(?:system|assistant|developer|grader|evaluator|judge|rubric|bewertung|bewerter|prüfer|admin)\s*:`,
    String.raw`["']\s*(?:composure|empathy|boundary|score|verdict|feedback|grade|source|signals)\s*["']\s*:`,
    String.raw`\b(?:ignore|disregard|forget|override|bypass|ignoriere|ignorieren|ignoriert|vergiss|vergessen|missachte|überschreibe)\b[^.!?\n]{0,60}\b(?:rubric|instructions?|rules?|prompt|previous|above|grading|guidelines|criteria|anweisungen?|regeln|rubrik|bewertung\w*|vorgaben|kriterien|vorherigen?)`,
    String.raw`\b(?:score|scores|scored|grade|grading|rating|rate|bewertung|bewerte|punkte|punktzahl|note|points|composure|empathy|empathie|fassung|boundary|verdict|set_well|not_needed)\s*(?:[:=]|of|von|mit)?\s*["']?\d`,
    String.raw`\b[0-5](?:[.,]\d)?\s*/\s*5\b`,
    String.raw`\b\d\s+(?:out\s+of|von|aus)\s+(?:5|five|fünf|10)\s+(?:points|punkten?|sternen?|stars)\b`,
    String.raw`\b(?:give|rate|grade|score|mark|award)\s+(?:me|this|this\s+reply|the\s+reply|my\s+reply|it)\b[^.!?\n]{0,40}\b(?:5|five|full|top|max\w*|highest|perfect|best)\b`,
    String.raw`\b(?:gib|gebt|geben\s+sie|bewerte|bewerten\s+sie)\s+(?:mir|diese|die|meine)\b[^.!?\n]{0,40}\b(?:5|fünf|volle|höchste|beste|maximale|punkte)\b`,
    String.raw`\b(?:as\s+an?\s+(?:ai|language\s+model|grader)|you\s+are\s+now|new\s+instructions|du\s+bist\s+jetzt|neue\s+anweisung)`,
    String.raw`\b(?:this|the|my)\s+(?:reply|answer|response)\s+(?:is|deserves|earns|gets)\s+(?:perfect|excellent|a\s+5|5|full|top)`,
    String.raw`\b(?:diese|meine)\s+antwort\s+(?:ist|verdient|bekommt)\s+(?:perfekt|exzellent|eine\s+5|5|volle|die\s+höchste)`,
  ]),
);

interface CustomerFacingReply {
  text: PreparedText;
  injection: boolean;
}

/**
 * The part of the reply meant for the customer. Sentences that speak to the grader are dropped, so
 * they can neither earn credit nor be quoted back; negative findings are still taken from the full
 * reply (see {@link gradeOffline}), so hiding hostility inside such a sentence does not help either.
 */
function customerFacing(reply: string): CustomerFacingReply {
  const full = prepare(reply);
  const blocks = MAYBE_BLOCK.test(reply);
  if (!blocks && (!MAYBE_INJECTION.test(full.lower) || !INJECTION.test(full.lower))) return { text: full, injection: false };
  const unblocked = blocks ? withoutMachineBlocks(reply) : reply;
  const candidate = unblocked === reply ? full : prepare(unblocked);
  const kept = candidate.sentences.filter((_sentence, index) => !INJECTION.test(candidate.lowerSentences[index] ?? ''));
  if (unblocked === reply && kept.length === full.sentences.length) return { text: full, injection: false };
  return { text: fromSentences(kept), injection: true };
}

/** Removes JSON-like blocks (nested ones from the inside out) and markup tags. */
function withoutMachineBlocks(reply: string): string {
  let text = reply;
  for (let pass = 0; pass < MAX_BLOCK_DEPTH; pass++) {
    const next = text.replace(MACHINE_BLOCKS, (block) => (isMachineBlock(block) ? '\n' : block));
    if (next === text) break;
    text = next;
  }
  return text;
}

const MAX_BLOCK_DEPTH = 6;

/** Tags always; braces only around key-value content (a lone "{name}" may be meant for the customer). */
function isMachineBlock(block: string): boolean {
  return block.startsWith('<') || block.startsWith('[') || block.includes(':') || block.includes('=');
}

// --- grading --------------------------------------------------------------------------------------

/** Grades one reply synchronously; the same as the grader's `grade`, for benchmarks and steering. */
export function gradeOffline(input: GradeInput, rubricVersion: string): Grade {
  const lang = input.lang;
  const history: readonly Turn[] = input.history ?? [];
  const focus = input.context?.focus ?? [];
  const source = { grader: OFFLINE_GRADER_ID, rubricVersion };
  const abuse = detectAbuse(input.customer, lang);
  // The persona script knows when its line is an insult; the lexicon still catches an LLM voice
  // that improvises one on a stage not marked abusive.
  const scriptSaysAbusive = input.context?.customerAbusive === true;
  const needed = scriptSaysAbusive || abuse.aimedAtAgent;
  const abuseEvidence = abuse.evidence.length > 0 || !scriptSaysAbusive ? abuse.evidence : [quote(input.customer, 60)];

  // Link targets and markdown markers are not words said to the customer.
  const turn = history.reduce((count, entry) => (entry.role === 'trainee' ? count + 1 : count), 0);
  const examples = input.context?.examples;
  const written = plainText(input.reply);
  const reply = customerFacing(written);
  if (reply.text.sentences.length === 0) return emptyGrade(input, needed, abuseEvidence, source, reply.injection, turn);

  const composure = composureOf({ ...input, reply: written }, reply);
  const signals = assessSignals(reply.text, lang);
  const empathy = assessEmpathy({
    reply: reply.text,
    customer: customerContext(input.customer, history),
    history,
    lang,
    focus,
    composureFlags: composure.flags,
    composureScore: composure.score,
  });
  const boundary = assessBoundary({
    lang,
    customer: input.customer,
    reply: reply.text,
    signals,
    needed,
    abuseEvidence,
    history,
    composureScore: composure.score,
    composureFlags: composure.flags,
  });

  // venting: a concrete next step with a time is the calmest answer to anger (rubric, focus points).
  let composureScore = composure.score;
  if (focus.includes('venting') && signals.offersSolution && signals.solutionHasTime && composureScore >= 3) {
    composureScore = Math.min(5, composureScore + 1) as ComposureFinding['score'];
  }

  const feedback = composeFeedback({
    lang,
    focus,
    turn,
    injection: reply.injection,
    composure: { ...composure, score: composureScore },
    empathy,
    boundary,
    signals,
    examples,
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
    signals: { offersSolution: signals.offersSolution, endsConversation: signals.endsConversation },
    feedback,
    source,
  };
}

/**
 * Composure of the customer-facing text; when grader-directed text was removed, the lower of the
 * full and the cleaned reply counts, with the flags of both, so removing text can never raise it.
 */
function composureOf(input: GradeInput, reply: CustomerFacingReply): ComposureFinding {
  const full = assessComposure({ reply: input.reply, customer: input.customer, lang: input.lang });
  if (!reply.injection) return full;
  const cleaned = assessComposure({ reply: reply.text.text, customer: input.customer, lang: input.lang });
  const flags: ComposureFlag[] = [...new Set([...full.flags, ...cleaned.flags])];
  const lower = cleaned.score < full.score ? cleaned : full;
  return { score: lower.score, flags, evidence: [...new Set([...full.evidence, ...cleaned.evidence])] };
}

/** The customer's last line plus their two lines before it: the situation is often told early. */
function customerContext(customer: string, history: readonly Turn[]): string {
  const lines = [customer];
  for (let i = history.length - 1; i >= 0 && lines.length < 3; i--) {
    const turn = history[i];
    if (turn?.role === 'customer') lines.push(turn.text);
  }
  return lines.join('\n');
}

function emptyGrade(
  input: GradeInput,
  needed: boolean,
  abuseEvidence: readonly string[],
  source: Grade['source'],
  injection: boolean,
  turn: number,
): Grade {
  const feedback = emptyReplyFeedback(input.lang, input.context?.examples, turn);
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
