import type { Grade, Language } from '../evaluation/grade.js';
import { griefMissteps } from '../evaluation/empathy.js';
import { prepare } from '../evaluation/grader-patterns.js';
import type { DialogueAct } from '../evaluation/model/heads.js';
import { asksForTime, promisedTime } from '../evaluation/signals.js';
import { saysInHurry } from '../evaluation/stated-hurry.js';
import {
  REPLY_REACTIONS,
  ReactionFamilySchema,
  type Condition,
  type Intensity,
  type Persona,
  type Reaction,
  type ReactionFamily,
  type ReplyReaction,
  type Stage,
} from '../personas/persona-schema.js';

/**
 * What the customer hears in a reply beyond its grade: what it does (dialogue acts), how long it is,
 * which of the customer's facts it gives, and the time it promises. Derived from the conversation
 * each time, so a retried reply or a restart needs no extra state.
 */
export interface HeardReply {
  words: number;
  acts: readonly DialogueAct[];
  /** composure of the reply, 1–5: listening reactions answer a composed reply */
  composure: number;
  /** facts this reply gave that the customer did not have yet */
  newFacts: string[];
  /** every fact given so far in the conversation, this reply's included */
  givenFacts: string[];
  /** the time named in an offered step, as written ("by noon") */
  promisedTime?: string;
  /** pushes business or a decision, or forces cheer (see `griefMissteps`) */
  griefMisstep: boolean;
  /** the customer's line it answers says they have no time to spare (`saysInHurry`) */
  customerInHurry: boolean;
}

/** The customer's next turn: a reaction to the reply first (if any), then the stage line. */
export interface TurnPlan {
  /** the family the customer answers with: the reaction's, else the stage's */
  family: ReactionFamily;
  /** lines of the reaction said first (already in the session language, `{time}` filled) */
  reaction?: { family: ReplyReaction | 'acknowledge'; lines: string[] };
  /** candidate lines of the stage; empty when the reaction stands alone */
  stageLines: string[];
  /** a stage variant's narration replaces the stage's */
  narration?: string;
}

/** A fact's `given` pattern, and whether it spells out a negation of its own (see `denied`). */
interface FactPattern {
  re: RegExp;
  negates: boolean;
}

const compiledFacts = new WeakMap<Persona, Map<string, Record<Language, FactPattern[]>>>();

function factPatterns(persona: Persona): Map<string, Record<Language, FactPattern[]>> {
  let compiled = compiledFacts.get(persona);
  if (!compiled) {
    const compile = (sources: readonly string[] | undefined): FactPattern[] =>
      (sources ?? []).map((source) => ({ re: new RegExp(source, 'iu'), negates: saysNo(source) }));
    compiled = new Map(Object.entries(persona.facts ?? {}).map(([id, fact]) => [id, { de: compile(fact.given?.de), en: compile(fact.given?.en) }]));
    compiledFacts.set(persona, compiled);
  }
  return compiled;
}

/**
 * A negation before or in the fact's words: "We don't really do soup before twelve" names the soup
 * and the time, and gives neither. "No problem" and „kein Problem" are courtesy, not negation.
 */
const NEGATED =
  /\b(?:don't|do\s+not|doesn't|does\s+not|can't|cannot|can\s+not|won't|will\s+not|isn't|is\s+not|aren't|not\s+possible|unable|never|nicht|keine?n?|nie)\b(?!\s+(?:problem|sorge|worries))/iu;

/** Where a sentence turns: "we can't change them – but the tart is …", „keine Sperre, sondern …". */
const CLAUSE_BREAK = /\s[-–—]\s|;|,?\s(?:but|however|aber|sondern|doch|jedoch)\b/giu;

/** Where the clause holding position `from` starts and ends in the sentence. */
function clauseBounds(sentence: string, from: number): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const turn of sentence.matchAll(CLAUSE_BREAK)) {
    const at = turn.index;
    if (at + turn[0].length <= from) start = at + turn[0].length;
    else if (at >= from) {
      end = at;
      break;
    }
  }
  return { start, end };
}

/**
 * A clause that ends by denying what it named: „Kerzen gibt's hier auch nicht.", "A candle isn't
 * possible." German puts the "nicht" last, after the words the fact was found by.
 */
const DENIED_AT_END =
  /(?:\bnicht(?:\s+(?:mehr|möglich|machbar|vorgesehen))?|\bnot\s+(?:possible|available|an\s+option)|\bisn't\s+(?:possible|available)|\bwe\s+don't\s+(?:have|do)\s+(?:any|them|that|those|it))(?:,?\s*(?:sorry|i'm\s+afraid|leider|tut\s+mir\s+leid))?\s*[.!?…]*\s*$/iu;

/**
 * Whether the fact found at from..to is denied in its own clause: before it, in its words and the
 * "n't" that may follow the last one ("… soup can't …"), or at the clause's end; or only still to be
 * found out. A denial in another clause of the sentence does not take it back.
 */
function denied(sentence: string, from: number, to: number, negates: boolean): boolean {
  const { start, end } = clauseBounds(sentence, from);
  // A fact whose pattern is itself a "no" ("I can't promise the minute", „kann ich nicht
  // garantieren") is denied only by a negation before it, not by its own.
  const checkedTo = negates ? from : Math.min(end, to + 3);
  return (
    NEGATED.test(sentence.slice(start, checkedTo)) ||
    DENIED_AT_END.test(sentence.slice(to, end)) ||
    stillToFindOut(sentence, start, from, Math.min(end, to)) ||
    foundOutLater(sentence, end, to)
  );
}

/**
 * A fact whose words run on into a later clause is given only if that clause gives it: in "The soup
 * is a bit tricky before twelve, but let me ask the kitchen what they can do" the "can" that
 * completes the fact is still to be found out.
 */
function foundOutLater(sentence: string, end: number, to: number): boolean {
  if (to <= end) return false;
  const later = clauseBounds(sentence, to - 1);
  return stillToFindOut(sentence, later.start, later.start, to);
}

/**
 * The fact's words inside what is still to be found out: "I'll ask the kitchen what they can make
 * soft for him", „ich frage, was sie weich zubereiten kann". The answer is promised, not given; a
 * colon, "and" or "then" after the question word starts what is given ("I checked what's missing:
 * the payslip").
 */
const TO_FIND_OUT =
  /\b(?:ask|asking|check|checking|find\s+out|(?:let\s+me|i'll|i\s+will|we'll|we\s+will|i'm\s+going\s+to)\s+see|enquire|inquire|frage|fragen|kläre|klären|prüfe|prüfen|schaue|schauen|erkundige\s+mich)\b[\s,]+(?:\S+[\s,]+){0,4}?(?:what|whether|if|how|which|was|ob|wie|welche[nrs]?)\b(?:(?![:;]|\b(?:and|then|und|dann)\b).)*$/iu;

/**
 * Whether the fact's words stand in what is still to be found out: before them, or at any word of
 * them ("ich frage in der Küche, ob die Suppe …" is found by "Küche … Suppe", the question word between).
 */
function stillToFindOut(sentence: string, start: number, from: number, to: number): boolean {
  if (TO_FIND_OUT.test(sentence.slice(start, from))) return true;
  for (const word of sentence.slice(from, to).matchAll(/\S+/gu)) {
    if (TO_FIND_OUT.test(sentence.slice(start, from + word.index + word[0].length))) return true;
  }
  return false;
}

/** Whether a fact's pattern spells out a negation of its own (`can\x27t … guarantee`, `nicht … garantier`). */
function saysNo(source: string): boolean {
  return NEGATED.test(source.replaceAll(String.raw`\x27`, "'").replace(/\\s[+*?]?/g, ' '));
}

/**
 * A sentence that only says no to what came before: „Hm, das haben wir eigentlich nicht.", "We
 * don't really do that." — but not "Das ist überhaupt kein Problem."
 */
const BARE_DENIAL = new RegExp(
  String.raw`^\s*(?:(?:hm+|oh|ah|na|nein|no|sorry|leider|also|well|ehrlich\s+gesagt|to\s+be\s+honest)[,.!…]*\s+)*` +
    String.raw`(?:(?:das|dies|so\s*(?:was|etwas))\s+(?:\S+\s+){0,3}?(?:haben|machen|bieten|servieren|können|dürfen)\s+(?:wir|ich)\s+(?:\S+\s+){0,2}?(?:nicht|kein\w*)` +
    String.raw`|(?:das|dies)\s+(?:geht|gibt\s+es|ist)\s+(?:\S+\s+){0,2}?(?:nicht|kein\w*)` +
    String.raw`|(?:we|i)\s+(?:\S+\s+)?(?:don't|do\s+not|can't|cannot|won't|will\s+not)\s+(?:really\s+|actually\s+|usually\s+)?(?:do|have|offer|make|serve|manage|allow)\b` +
    String.raw`|(?:that|this|it)(?:'s|\s+is)\s+not\s+(?:really\s+|quite\s+)?(?:possible|something\s+we|available|on\s+the\s+menu|how\s+we\s+do|what\s+we\s+do|usual))`,
  'iu',
);
const NO_TROUBLE =
  /\b(?:kein(?:e|en)?\s+(?:problem|umstand|umstände|mühe|sorge)|nicht\s+schlimm|nicht\s+anders|no\s+(?:problem|trouble|bother|worries)|not\s+a\s+(?:problem|bother|trouble))\b/iu;

function deniedNext(next: string | undefined): boolean {
  return next !== undefined && BARE_DENIAL.test(next) && !NO_TROUBLE.test(next);
}

/**
 * The facts `text` gives, by the persona's patterns, in a clause that does not deny them and not
 * followed by a sentence that says no to it („Ohne Boden? Hm, das haben wir eigentlich nicht." gives
 * nothing; "Soup now? No problem, I'll tell the kitchen." does).
 */
export function factsIn(persona: Persona, lang: Language, text: string): string[] {
  const given: string[] = [];
  let sentences: readonly string[] | undefined;
  for (const [id, patterns] of factPatterns(persona)) {
    if (!patterns[lang].some(({ re }) => re.test(text))) continue;
    const all = (sentences ??= prepare(text).sentences);
    const stated = all.some((sentence, index) =>
      patterns[lang].some(({ re, negates }) => {
        const match = re.exec(sentence);
        if (match === null || denied(sentence, match.index, match.index + match[0].length, negates)) return false;
        return !deniedNext(all[index + 1]);
      }),
    );
    if (stated) given.push(id);
  }
  return given;
}

/** The replies that stand before this one, and the dialogue acts the grader read in them. */
interface EarlierReplies {
  replies: readonly string[];
  acts: readonly DialogueAct[];
}

/** The facts a reply gives by what it does: those whose `givenBy` names one of `acts`. */
function factsByActs(persona: Persona, acts: readonly DialogueAct[]): string[] {
  return Object.entries(persona.facts ?? {})
    .filter(([, fact]) => fact.givenBy?.some((act) => acts.includes(act)) === true)
    .map(([id]) => id);
}

export function hearReply(persona: Persona, lang: Language, earlier: EarlierReplies, reply: string, grade: Grade, customerLine = ''): HeardReply {
  const before = new Set([...earlier.replies.flatMap((text) => factsIn(persona, lang, text)), ...factsByActs(persona, earlier.acts)]);
  const acts = grade.signals.acts ?? (grade.signals.offersSolution ? ['offers_step' as const] : []);
  // a fact given by what the reply does ("what happens next" by a concrete step), as the grader read it
  const now = [...new Set([...factsIn(persona, lang, reply), ...factsByActs(persona, acts)])];
  const prepared = prepare(reply);
  // a call proposed for a time ("I'll ring you back at two") promises that time as much as an offered step
  const step = acts.includes('offers_step') || acts.includes('proposes_contact');
  const offers = grade.signals.offersSolution || step || asksForTime(prepared);
  const time = offers ? promisedTime(prepared, lang, step && acts.includes('names_time')) : undefined;
  return {
    words: prepared.text === '' ? 0 : prepared.text.split(/\s+/).length,
    acts,
    composure: grade.composure.score,
    newFacts: now.filter((id) => !before.has(id)),
    givenFacts: [...new Set([...before, ...now])],
    griefMisstep: Object.keys(griefMissteps(prepared)).length > 0,
    customerInHurry: saysInHurry(customerLine),
    ...(time === undefined ? {} : { promisedTime: time }),
  };
}

/** The parts of a condition that read the reply rather than its grade; all given must hold. */
export function heardHolds(condition: Condition, heard: HeardReply | undefined): boolean {
  const needsHeard =
    condition.acts !== undefined ||
    condition.notActs !== undefined ||
    condition.anyActs !== undefined ||
    condition.minWords !== undefined ||
    condition.maxWords !== undefined ||
    condition.givesFact !== undefined ||
    condition.promisesTime !== undefined ||
    condition.griefMisstep !== undefined ||
    condition.customerInHurry !== undefined ||
    condition.notGiven !== undefined;
  if (!needsHeard) return true;
  if (!heard) return false;
  return (
    (condition.acts === undefined || condition.acts.every((act) => heard.acts.includes(act))) &&
    (condition.notActs === undefined || !condition.notActs.some((act) => heard.acts.includes(act))) &&
    (condition.anyActs === undefined || condition.anyActs.some((act) => heard.acts.includes(act))) &&
    (condition.minWords === undefined || heard.words >= condition.minWords) &&
    (condition.maxWords === undefined || heard.words <= condition.maxWords) &&
    (condition.givesFact === undefined || condition.givesFact === heard.newFacts.length > 0) &&
    (condition.promisesTime === undefined || condition.promisesTime === (heard.promisedTime !== undefined)) &&
    (condition.griefMisstep === undefined || condition.griefMisstep === heard.griefMisstep) &&
    (condition.customerInHurry === undefined || condition.customerInHurry === heard.customerInHurry) &&
    (condition.notGiven === undefined || !condition.notGiven.some((fact) => heard.givenFacts.includes(fact)))
  );
}

/** A reply reaction's trigger when the persona file gives none. */
const DEFAULT_TRIGGERS: Readonly<Record<ReplyReaction, Condition | undefined>> = {
  lecture_rebuked: { acts: ['lectures'] },
  blame_rebuked: { acts: ['blames'] },
  boundary_rebuffed: { boundary: ['unnecessary'] },
  cut_short: undefined,
  hold_to_time: { promisesTime: true },
};

/** Reactions that answer what a composed reply gave; a hostile reply gets the stage's anger instead. */
const LISTENING: ReadonlySet<ReplyReaction> = new Set(['cut_short', 'hold_to_time']);

interface PlanInput {
  persona: Persona;
  lang: Language;
  intensity: Intensity;
  /** the stage the customer was in when the reply came */
  fromStageId: string;
  /** the stage the script moves to */
  stageId: string;
  grade: Grade;
  turn: number;
  heard: HeardReply | undefined;
  /** lines already said in this session */
  said: readonly string[];
  /** checks a condition against the reply (grade and heard) */
  holds: (condition: Condition) => boolean;
}

/**
 * Plans the customer's answer (`test/engine/reaction-cases/GUIDE.md`): an end stage speaks alone;
 * otherwise the first reply reaction that holds (a rebuke, cutting a long reply short, holding the
 * trainee to a promised time) or, failing that, an acknowledgement of a fact just given, comes first;
 * a rebuke or cut stands alone while the customer stays in the stage. The stage line never asks for a
 * fact already given and never repeats a line of this session.
 */
export function planTurn(input: PlanInput): TurnPlan {
  const { persona, lang, stageId, heard } = input;
  const stage = persona.stages[stageId] as Stage;
  const entering = stageId !== input.fromStageId;
  const variant = entering ? stage.variants?.find((candidate) => input.holds(candidate.when)) : undefined;
  const stageFamily: ReactionFamily = entering ? (variant?.family ?? stage.family ?? defaultFamily(stage)) : 'insist';
  // A customer turn can join a reaction and a stage line: a line counts as said when any turn held it.
  const said = new Set(input.said);
  const wasSaid = (line: string) => said.has(line) || input.said.some((text) => text.includes(line));
  const fresh = (lines: readonly string[]) => lines.filter((line) => !wasSaid(line));
  const baseLines = variant ? variant.lines[lang] : stageLinesFor(stage, lang, input.intensity);
  const given = new Set(heard?.givenFacts ?? []);
  const asking = Object.entries(stage.asks ?? {})
    .filter(([factId]) => !given.has(factId))
    .flatMap(([, lines]) => lines[lang]);
  // A variant answers what the reply did ("Thursday at ten for a call?" → "Thursday, 8:30, twenty
  // minutes"): its lines come before the stage's questions, which wait for a later turn.
  const variantPool = variant ? fresh(baseLines) : [];
  const stagePool = variantPool.length > 0 ? variantPool : fresh([...baseLines, ...asking]);
  const stageLines = stagePool.length > 0 ? stagePool : fallbackLines(persona, stage, lang, wasSaid, [...baseLines, ...asking]);
  const narration = variant?.narration?.[lang];
  const plan = (family: ReactionFamily, reaction?: TurnPlan['reaction'], alone = false): TurnPlan => ({
    family,
    ...(reaction ? { reaction } : {}),
    stageLines: alone ? [] : stageLines,
    ...(narration ? { narration } : {}),
  });
  if (stage.end) return plan(stageFamily);

  const composed = (heard?.composure ?? input.grade.composure.score) >= 3;
  // A stage entered with a family the guide ranks first (a hang-up, an acceptance) speaks for itself:
  // Ms Albrecht hanging up on "There's no need to shout" does not first object to the reprimand.
  const rank = (family: ReactionFamily) => ReactionFamilySchema.options.indexOf(family);
  const final = entering && rank(stageFamily) < rank('lecture_rebuked');
  for (const family of REPLY_REACTIONS) {
    if (final) break;
    const reaction = reactionFor(persona, input.fromStageId, stageId, family);
    if (!reaction) continue;
    if (LISTENING.has(family) && !composed) continue;
    // Entering a stage that is itself this reaction (cut short into an "interrupting" stage) needs no second line of it.
    if (entering && stageFamily === family) continue;
    const trigger = reaction.when ?? DEFAULT_TRIGGERS[family];
    if (!trigger || !input.holds(trigger)) continue;
    const lines = fresh(reaction.lines[lang]).map((line) => line.replace(/\{time\}/g, capitalised(heard?.promisedTime ?? '')));
    if (lines.length === 0) continue;
    const alone = !entering && !LISTENING.has(family);
    return plan(family, { family, lines }, alone);
  }
  // A stage entered with a family that ranks before acknowledging (GUIDE.md: the first rule that
  // applies) speaks for itself: a grieving customer's first hang-up, an acceptance, an outburst.
  const outranked = entering && rank(stageFamily) < rank('acknowledge');
  // the first new fact the customer takes up; a fact without acknowledge lines is only no longer asked for
  const newFact = composed && !outranked ? heard?.newFacts.find((id) => persona.facts?.[id]?.acknowledge !== undefined) : undefined;
  const acknowledgement = newFact ? fresh(persona.facts?.[newFact]?.acknowledge?.[lang] ?? []) : [];
  if (acknowledgement.length > 0) return plan('acknowledge', { family: 'acknowledge', lines: acknowledgement });
  return plan(stageFamily);
}

/** The stage's own reaction of a family wins over the persona's; the stage answered is the one the reply came in. */
function reactionFor(persona: Persona, fromStageId: string, stageId: string, family: ReplyReaction): Reaction | undefined {
  return persona.stages[fromStageId]?.reactions?.[family] ?? persona.stages[stageId]?.reactions?.[family] ?? persona.reactions?.[family];
}

function defaultFamily(stage: Stage): ReactionFamily {
  if (stage.end === 'resolved') return 'accept';
  if (stage.end === 'hung_up') return 'hang_up';
  return 'insist';
}

function stageLinesFor(stage: Stage, lang: Language, intensity: Intensity): string[] {
  const variants = intensity === 'gentle' ? stage.gentle : intensity === 'harsh' ? stage.harsh : undefined;
  return (variants ?? stage.lines)[lang];
}

/**
 * Every line of the stage was said: its unsaid lines of the other intensities, else (a long
 * conversation in one stage) its own lines again. Never a line asking for a fact already given.
 */
function fallbackLines(persona: Persona, stage: Stage, lang: Language, wasSaid: (line: string) => boolean, own: readonly string[]): string[] {
  const others = [stage.lines, stage.gentle, stage.harsh, persona.reprise].flatMap((lines) => lines?.[lang] ?? []).filter((line) => !wasSaid(line));
  return others.length > 0 ? others : [...own];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
