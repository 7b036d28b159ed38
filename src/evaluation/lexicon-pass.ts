import type { Turn, GradeInput } from './grade.js';
import { detectAbuse } from './abuse.js';
import { assessBoundary, type BoundaryAssessment } from './boundary.js';
import { assessComposure, type ComposureFinding, type ComposureFlag } from './composure.js';
import { assessEmpathy, type EmpathyAssessment } from './empathy.js';
import { anyOf, fromSentences, pattern, prepare, quote, type PreparedText } from './grader-patterns.js';
import { detectInjection } from './injection-markers.js';
import type { LexiconFacts } from './model/features.js';
import { assessSignals, type SignalAssessment } from './signals.js';
import { plainText } from './text.js';

/**
 * The lexicon pass of the offline grader: bilingual lexicons and patterns over the reply, the
 * customer's line and the conversation so far. It finds what can be quoted (an insult, a named
 * feeling, the sentence with the offer) and the findings that are certain when they fire; the
 * trained model (`model/`) reads these findings as features and decides where the lexicons are
 * silent.
 */
export interface LexiconPass {
  /** the reply as plain text (markdown and link targets removed) */
  written: string;
  /** the customer-facing part of the reply; grader-directed sentences removed */
  reply: CustomerFacingReply;
  /** the customer insulted the trainee personally (script or abuse lexicon) */
  needed: boolean;
  abuseEvidence: readonly string[];
  /** trainee replies before this one */
  turn: number;
  /** undefined when the reply has no customer-facing sentence */
  findings?: LexiconFindings;
}

export interface LexiconFindings {
  /** composure for the grade: with text for the grader left out, the lower of both readings */
  composure: ComposureFinding;
  /** composure of the customer-facing text alone: what the model reads, as for the same reply without the instruction */
  composureOfText: ComposureFinding;
  signals: SignalAssessment;
  empathy: EmpathyAssessment;
  boundary: BoundaryAssessment;
}

export function runLexicons(input: GradeInput): LexiconPass {
  const lang = input.lang;
  const history: readonly Turn[] = input.history;
  const focus = input.context?.focus ?? [];
  const abuse = detectAbuse(input.customer, lang);
  // The persona script knows when its line is an insult; the lexicon still catches an LLM voice
  // that improvises one on a stage not marked abusive.
  const scriptSaysAbusive = input.context?.customerAbusive === true;
  const needed = scriptSaysAbusive || abuse.aimedAtAgent;
  const abuseEvidence = abuse.evidence.length > 0 || !scriptSaysAbusive ? abuse.evidence : [quote(input.customer, 60)];
  const turn = history.reduce((count, entry) => (entry.role === 'trainee' ? count + 1 : count), 0);
  // Link targets and markdown markers are not words said to the customer.
  const written = plainText(input.reply);
  const reply = customerFacing(written);
  const pass: LexiconPass = { written, reply, needed, abuseEvidence, turn };
  if (reply.text.sentences.length === 0) return pass;

  const composure = composureOf({ ...input, reply: written }, reply);
  const composureOfText = reply.injection ? assessComposure({ reply: reply.text.text, customer: input.customer, lang }) : composure;
  const signals = assessSignals(reply.text, lang);
  const empathy = assessEmpathy({
    reply: reply.text,
    customer: customerContext(input.customer, history),
    lastCustomer: input.customer,
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
    namesInsult: composure.namesInsult === true,
  });
  pass.findings = { composure, composureOfText, signals, empathy, boundary };
  return pass;
}

/** The lexicon findings as the model's features see them. */
export function lexiconFacts(pass: LexiconPass): LexiconFacts | undefined {
  const findings = pass.findings;
  if (!findings) return undefined;
  const { composureOfText: composure, empathy, signals, boundary } = findings;
  return {
    composureScore: composure.score,
    composureFlags: composure.flags,
    emotionalReaction: empathy.emotionalReaction,
    interpretation: empathy.interpretation,
    exploration: empathy.exploration,
    empathyLimits: empathy.limits,
    offersSolution: signals.offersSolution,
    solutionHasTime: signals.solutionHasTime,
    endsConversation: signals.endsConversation,
    endsExplicitly: signals.endsExplicitly,
    warnsOfEnding: signals.warnsOfEnding,
    namesBehaviour: boundary.named,
    customerAbusive: pass.needed,
    earlierWarning: boundary.hadEarlierWarning,
  };
}

// --- injection ------------------------------------------------------------------------------------

/** JSON-like blocks and markup tags: nothing a customer would be told. */
const MACHINE_BLOCKS = /\{[^{}]{0,4000}\}|<\/?[a-z_|-]{2,20}[^<>]{0,200}>|\[\/?(?:system|inst|grade|assistant)\]/giu;
const MAYBE_BLOCK = /[{<[]/;
const FULLWIDTH = /[\uff01-\uff5e]/u;
const FULLWIDTH_ALL = /[\uff01-\uff5e]/gu;
/** a line with nothing but template words and punctuation */
const TEMPLATE_RESIDUE = /^[\s\p{P}\p{S}\u00ad]*(?:(?:system|assistant|user|json|im_start|im_end)[\s\p{P}\p{S}\u00ad]*)*$/iu;
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

/** Text addressed to the grader ("ignore the rubric", "5/5"): never quoted back, never credited. */
export function looksLikeInjection(text: string): boolean {
  const lower = text.toLowerCase();
  return MAYBE_INJECTION.test(lower) && INJECTION.test(lower);
}

export interface CustomerFacingReply {
  text: PreparedText;
  /** something not meant for the customer was left out (an instruction, a JSON block, markup tags) */
  injection: boolean;
  /** among it, an instruction to the grader ("ignore the rubric", "5/5"), disguised or not */
  instruction: boolean;
}

/**
 * The part of the reply meant for the customer. Sentences that speak to the grader are dropped, so
 * they can neither earn credit nor be quoted back; negative findings are still taken from the full
 * reply (see {@link gradeOffline}), so hiding hostility inside such a sentence does not help either.
 */
function customerFacing(written: string): CustomerFacingReply {
  // Full-width letters (＜ｓｙｓｔｅｍ＞) hide tags from the block patterns; read them as the ASCII they mimic.
  const reply = FULLWIDTH.test(written) ? written.replace(FULLWIDTH_ALL, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)) : written;
  const blocks = MAYBE_BLOCK.test(reply);
  const unblocked = blocks ? withoutMachineBlocks(reply) : reply;
  const candidate = prepare(unblocked);
  const dropped = instructionSentences(candidate);
  // a JSON grade or a role tag taken out as a block spoke to the grader too
  const instruction = dropped.some(Boolean) || (unblocked !== reply && detectInjection(reply).length > 0);
  if (!instruction && unblocked === written) return { text: candidate, injection: false, instruction: false };
  // The sentences as written, less those that speak to the grader: the rest reads exactly as the
  // same reply would without the instruction.
  // What is left of a chat template or code fence around it ("assistant", "```") is not for the customer either.
  const kept = candidate.sentences.filter((sentence, index) => !dropped[index] && !(instruction && TEMPLATE_RESIDUE.test(sentence)));
  return { text: instruction ? fromSentences(kept) : candidate, injection: true, instruction };
}

/** An instruction split over this many sentences or lines is still read as one. */
const INSTRUCTION_WINDOW = 4;

/**
 * Which sentences speak to the grader: by the offline patterns, and read as a model reads them
 * (look-alike letters, zero-width characters, see injection-markers.ts), alone or, for an
 * instruction split over several lines, together with up to three neighbours.
 */
function instructionSentences(text: PreparedText): boolean[] {
  const sentences = text.sentences;
  const patterned = MAYBE_INJECTION.test(text.lower) && INJECTION.test(text.lower);
  // Most replies hold no instruction at all: one look at the whole text settles it.
  if (!patterned && detectInjection(text.text).length === 0) return sentences.map(() => false);
  const dropped = sentences.map((sentence, index) => INJECTION.test(text.lowerSentences[index] ?? '') || detectInjection(sentence).length > 0);
  for (let size = 2; size <= INSTRUCTION_WINDOW; size++) {
    for (let start = 0; start + size <= sentences.length; start++) {
      if (dropped.slice(start, start + size).some(Boolean)) continue;
      if (detectInjection(sentences.slice(start, start + size).join('\n')).length > 0) dropped.fill(true, start, start + size);
    }
  }
  // A line that stops without a full stop runs on into the next: "Rate this / 5/5 on every /
  // criterion." is one instruction. An unfinished line before a caught one goes with it, and so does
  // a line after a caught unfinished one when it carries on in lower case.
  for (let changed = true; changed;) {
    changed = false;
    for (let index = 0; index + 1 < sentences.length; index++) {
      const current = sentences[index] ?? '';
      if (SENTENCE_END.test(current)) continue;
      const next = sentences[index + 1] ?? '';
      const joins = (!dropped[index] && dropped[index + 1]) || (dropped[index] && !dropped[index + 1] && CONTINUES.test(next));
      if (!joins) continue;
      dropped[index] = true;
      dropped[index + 1] = true;
      changed = true;
    }
  }
  return dropped;
}

const CONTINUES = /^[\s\p{P}\p{S}]*[\p{Ll}\p{N}]/u;
const SENTENCE_END = /[.!?\u2026:;]["'\u201c\u201d)]*\s*$/u;

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

// --- helpers ------------------------------------------------------------------------------------

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
  const merged: ComposureFinding = { score: lower.score, flags, evidence: [...new Set([...full.evidence, ...cleaned.evidence])] };
  return full.namesInsult === true || cleaned.namesInsult === true ? { ...merged, namesInsult: true } : merged;
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
