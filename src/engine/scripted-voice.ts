import type { CustomerVoice } from './customer-voice.js';
import { requireStage, stageLines } from './script-machine.js';

/**
 * The offline voice: says the script's planned answer (a reaction to the reply, then a stage line),
 * or for the opening one of the stage's prepared variants, preferring one not yet said in this
 * session, so repeated practice and a customer who stays in one stage both vary.
 */
export function createScriptedVoice(options: { random?: () => number } = {}): CustomerVoice {
  const random = options.random ?? Math.random;
  return {
    id: 'script',
    // eslint-disable-next-line @typescript-eslint/require-await -- the voice interface is asynchronous for the LLM voice; the script answers at once, and a failure still arrives as a rejection
    async nextLine(request) {
      const choose = (lines: readonly string[]): string | undefined => lines[Math.floor(random() * lines.length)] ?? lines[0];
      const plan = request.plan;
      if (plan) {
        // The plan's lines are unsaid and never ask for what the trainee already gave.
        const reaction = plan.reaction ? choose(plan.reaction.lines) : undefined;
        // The stage line follows the reaction in the same turn: not one that says it again in other words.
        const distinct = reaction === undefined ? plan.stageLines : plan.stageLines.filter((line) => !echoes(reaction, line));
        const parts = [reaction, choose(distinct.length > 0 ? distinct : plan.stageLines)].filter((part) => part !== undefined);
        if (parts.length > 0) return { text: joinTurn(parts, request.persona.channel === 'email'), voice: 'script' };
      }
      const stage = requireStage(request.persona, request.stageId);
      const variants = stageLines(stage, request.lang, request.intensity);
      const said = new Set(request.said);
      const fresh = variants.filter((line) => !said.has(line));
      const text = choose(fresh.length > 0 ? fresh : variants) ?? '…';
      return { text, voice: 'script' };
    },
  };
}

const WORD = /\p{L}+/gu;

/** A line without an e-mail's greeting and signature, which every letter of a customer shares. */
function body(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 1) lines.pop();
  if (lines.length > 1 && GREETING.test(lines[0] ?? '')) lines.shift();
  return lines.join(' ');
}

/** Whether both word lists hold the same run of `size` words ("don t have time for this"). */
function sharesRun(a: readonly string[], b: readonly string[], size: number): boolean {
  const runs = new Set<string>();
  for (let i = 0; i + size <= a.length; i++) runs.add(a.slice(i, i + size).join(' '));
  for (let i = 0; i + size <= b.length; i++) if (runs.has(b.slice(i, i + size).join(' '))) return true;
  return false;
}

/** Frequent words of five letters or more that say nothing about what a line is about. */
const FUNCTION_WORDS = new Set(
  'nicht bitte wirklich schon immer haben hatte heute einen einem einer eines diese dieser diesen dieses wieder gerade ihnen unsere keine keinen about there their would could should really right which where these those never again still going thing'.split(
    ' ',
  ),
);

/**
 * Whether `line` says what `reaction` just said: it opens with the same four words ("Ach, jetzt bin
 * ich schuld?" / "Ach, jetzt bin ich also schuld?") or the same word set apart ("Okay, limit up." /
 * "Okay. Okay. Go on."), or most of the longer words of the shorter
 * one are in the other, or both say the same six words in a row ("My tone? I don't have time for
 * this." / "I don't have time for this rubbish.").
 */
export function echoes(reaction: string, line: string): boolean {
  const reactionBody = body(reaction);
  const lineBody = body(line);
  const a = reactionBody.toLowerCase().match(WORD) ?? [];
  const b = lineBody.toLowerCase().match(WORD) ?? [];
  if (a.length >= 4 && a.slice(0, 4).join(' ') === b.slice(0, 4).join(' ')) return true;
  // the line opens with a word or two set apart that the reaction already said at one of its
  // sentence starts ("Right now, then. All right, I'll hold." / "All right. I'm listening.")
  const opening = interjection(lineBody);
  const said = sentenceStarts(reactionBody).map(interjection);
  if (opening !== undefined && said.includes(opening)) return true;
  // or opens with the words of one the reaction said on its own ("…something warm. Thank you." /
  // "Thank you for going to the trouble.")
  if (said.some((words) => words !== undefined && (words === b[0] || words === b.slice(0, 2).join(' ')))) return true;
  if (sharesRun(a, b, 6)) return true;
  const long = (list: string[]): Set<string> => new Set(list.filter((word) => word.length >= 5 && !FUNCTION_WORDS.has(word)));
  const longA = long(a);
  const longB = long(b);
  const smaller = Math.min(longA.size, longB.size);
  if (smaller < 3) return false;
  let shared = 0;
  for (const word of longA) if (longB.has(word)) shared++;
  return shared / smaller >= 0.6;
}

/**
 * The word or two a line opens with when they stand apart ("Okay, limit up." → "okay", „Gut." →
 * "gut", "All right. …" → "all right"), lower-cased.
 */
function interjection(text: string): string | undefined {
  return OPENING_INTERJECTION.exec(text)?.[1]?.toLowerCase().replace(/\s+/gu, ' ');
}

/** One or two words, then a comma, full stop, exclamation mark or ellipsis: "Okay, …" and "Okay. Okay." open alike. */
const OPENING_INTERJECTION = /^\s*(\p{L}+(?:\s+\p{L}+)?)\s*[,.!…]/u;

/** Where each sentence of a line starts: the line itself, and what follows each sentence end. */
function sentenceStarts(text: string): string[] {
  return [text, ...[...text.matchAll(/[.!?…]\s+/gu)].map((end) => text.slice(end.index + end[0].length))];
}

/** A greeting line of an e-mail ("Good afternoon,", „Hallo Herr …,"). */
const GREETING = /^[^\n]{1,60},$/u;

/** A sign-off or signature line: "Hartmann", "S. Hartmann", "Best regards", „Viele Grüße" (no sentence end). */
const SIGN_OFF = /^\S+(?:\s+\S+){0,2}$/u;
const SENTENCE_END = /[.!?:,;…]$/u;

function isSignOff(line: string | undefined): boolean {
  return line !== undefined && line.length <= 30 && SIGN_OFF.test(line.trim()) && !SENTENCE_END.test(line.trim());
}

/**
 * One customer turn from a reaction and a stage line. Spoken lines follow each other; two e-mails
 * become one: the reaction keeps its greeting, the stage line its signature.
 */
function joinTurn(parts: readonly string[], email: boolean): string {
  if (!email || parts.length < 2) return parts.join(' ');
  const [first = '', second = ''] = parts;
  const firstLines = first.split('\n');
  const secondLines = second.split('\n');
  // the stage line signs the e-mail: the reaction's sign-off ("Hartmann", "Regards / S. Hartmann") goes
  if (isSignOff(secondLines.at(-1))) {
    for (let dropped = 0; dropped < 2 && firstLines.length > 2 && isSignOff(firstLines.at(-1)); dropped++) firstLines.pop();
  }
  if (secondLines.length > 1 && GREETING.test(secondLines[0] ?? '') && GREETING.test(firstLines[0] ?? '')) {
    secondLines.shift();
    // after „Hallo," a German e-mail goes on in lower case; in the middle of the e-mail it starts a sentence
    const [opening = ''] = secondLines;
    secondLines[0] = opening.charAt(0).toUpperCase() + opening.slice(1);
  }
  return [...firstLines, ...secondLines].join('\n');
}
