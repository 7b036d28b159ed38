import { flattenLines, readableText } from './text.js';
import { words } from './text-patterns.js';

/**
 * Signs that a trainee reply tries to instruct the grader instead of talking to the customer, in
 * German and English. A hit does not lower a grade by itself: the judge is shown the reply without
 * the flagged parts, and its grade cannot rise above the offline grader's, which cannot be talked
 * into anything.
 *
 * The text is read the way a model reads it (see `readableText`): zero-width characters, soft
 * hyphens, full-width letters, Cyrillic or Greek look-alikes and markdown emphasis do not hide an
 * instruction, and neither do line breaks inside it.
 */
export type InjectionMarker = 'ignore_instructions' | 'score_request' | 'fake_grade' | 'fake_role' | 'prompt_syntax';

const GRADE_KEYS =
  'composure|empathy|boundary|verdict|score|feedback|grade|rubricVersion|emotionalReaction|interpretation|exploration|offersSolution|endsConversation';
/** Roles of a chat transcript or a grading team, as a header: `system:`, `Trainer note:`, `### Assistant:`. */
const ROLE_NAMES = String.raw`system|assistant|developer|grader|judge|evaluator|instruction|system prompt|systemanweisung|bewerter\w*|prüfer\w*|anweisung|(?:trainer|coach|ausbilder\w*|prüfer)[- ]?(?:note|notes|notiz|hinweis|kommentar|comment|feedback)`;

/** Chat-template tokens and the judge prompt's own tags. */
const PROMPT_TOKEN = String.raw`<\|(?:im_start|im_end|system|assistant|user|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|assistant|trainee_reply|customer_line|history|offline_evidence)\b[^>]*>`;
const PROMPT_TOKENS = new RegExp(PROMPT_TOKEN, 'gi');

const PATTERNS: ReadonlyArray<readonly [InjectionMarker, RegExp]> = [
  [
    'ignore_instructions',
    words(
      String.raw`(?<!\b(not|cannot|can't|never|won't|don't|will not|do not) )\b(ignore|disregard|forget|override|bypass)( (all|any|every|the|your|my|of|previous|prior|above|earlier|preceding|former|these|those|system|grading|other))* (instructions?|rules?|prompts?|rubric|guidelines?|criteria)\b`,
    ),
  ],
  [
    'ignore_instructions',
    words(
      String.raw`\b(ignorier\w*|vergiss|vergessen sie|missacht\w*|übergeh\w*)( (du|sie|alle|sämtliche|die|deine|ihre|eure|bisherigen|vorherigen|vorigen|obigen|früheren|system|bewertungs))* (anweisung\w*|instruktion\w*|regeln|vorgaben|prompts?|rubrik|kriterien|bewertungsregeln)\b`,
    ),
  ],
  [
    'ignore_instructions',
    words(
      String.raw`\b(note|message|attention|hey|dear|hinweis|nachricht|liebe[rs]?) (to |an |für )?(the |den |die )?(grader|judge|evaluator|bewerter\w*|prüfer\w*)\b`,
    ),
  ],
  ['ignore_instructions', words(String.raw`\b(new|updated|real) (instructions?|task)\b|\b(neue|eigentliche) (anweisung\w*|aufgabe)\b`)],
  [
    'ignore_instructions',
    words(
      String.raw`\byou are (now )?(no longer|not) (a |the )?(grader|judge|evaluator)\b|\b(an|für) (den|die) (bewerter\w*|prüfer\w*|ki)\b|\b(you are|du bist|sie sind) (now|jetzt|nun) (the |der |die )?(trainer|grader|judge|evaluator|bewerter\w*|prüfer\w*|ausbilder\w*)\b`,
    ),
  ],
  [
    'score_request',
    words(
      String.raw`\b(rate|grade|score|give|mark|award|bewerte\w*|gib|gebt|geben sie|vergib\w*|benote\w*)\b[^.!?\n]{0,40}(\b[1-5] ?(/|von|out of|of) ?5\b|\b(full|top|maximum|max|perfect|highest) (marks?|scores?|points?|rating|grade)\b|\b(volle|höchste\w*|maximale\w*|beste\w*) (punkt\w*|bewertung\w*|note\w*|punktzahl)\b|\b(bestnote|höchstnote|höchstpunktzahl)\b)`,
    ),
  ],
  [
    'score_request',
    words(
      String.raw`\b(deserves?|verdient)\b[^.!?\n]{0,20}(\b(top|full|perfect|highest|maximum|volle|beste|höchste|maximale)\w* (marks?|scores?|points?|rating|grade|punkt\w*|note\w*|bewertung\w*)\b|\b(bestnote|höchstnote|höchstpunktzahl|[1-5] ?/ ?5)\b)`,
    ),
  ],
  [
    'score_request',
    words(
      String.raw`\b(volle|maximale|höchste) punktzahl\b|\b(höchstpunktzahl|bestnote|höchstnote)\b|\b(full|top) marks\b(?! (to|for) (you|your|\w+ing)\b)|\b(maximum|max|full) points\b|\bhighest (score|rating|grade)\b`,
    ),
  ],
  [
    'score_request',
    words(String.raw`\b5 ?/ ?5\b|\b10 ?/ ?10\b|\bfünf von fünf\b|\bfive out of five\b|\b5 (von|out of) 5 (punkt\w*|points?|sterne\w*|stars?)\b`),
  ],
  [
    'score_request',
    words(
      String.raw`\b(score|rate|grade|bewerte\w*|benote\w*)( (it|this|me|mir|das|dies\w*|the reply|the answer|die antwort|everything|alles|überall))? (a |an |eine |mit (einer )?)?5\b(?! ?(%|prozent|percent))`,
    ),
  ],
  [
    'score_request',
    words(
      String.raw`\b(every|each|all|jedes|jede|alle) (criteri\w+|kriteri\w+|categor\w+|kategorie\w*)\b[^.!?\n]{0,20}\b[1-5]\b|\b(grade|score|bewerte\w*) (generously|leniently|großzügig|wohlwollend)\b`,
    ),
  ],
  [
    'fake_grade',
    words(String.raw`\b(composure|empathy|empathie|fassung)( score)? ?[:=]? ?[1-5] ?(/ ?5)?\b(?! ?(%|€|euro|minutes?|minuten|hours?|stunden|days?|tage\w*))`),
  ],
  // a grade-shaped value: a number, an object or list, or a verdict (customer data such as `"score": "n/a"` is not)
  [
    'fake_grade',
    new RegExp(
      String.raw`["']?\b(${GRADE_KEYS})\b["']?\s*[:=]\s*($|[{[\d]|["']?(set_well|not_needed|missing|unnecessary|too_harsh|perfe[ck]t\w*|excellent|exzellent)\b)`,
      'i',
    ),
  ],
  ['fake_role', words(String.raw`(^|\n|[.!?;>(\[-] )[\s#*>\[(<-]*(${ROLE_NAMES})[\s*\])>]*:`)],
  ['prompt_syntax', new RegExp(PROMPT_TOKEN, 'i')],
];

/**
 * Every pattern above needs one of these words (an instruction word, a grader, a score, a rubric
 * key, a role or a template token); most replies have none, and this test is cheap (the patterns'
 * Unicode word edges cost about a microsecond per character each).
 */
const MAYBE =
  /instruction|instruktion|anweisung|\brules?\b|\bregeln\b|vorgabe|prompt|rubri[ck]|guideline|criteri|kriteri|categor|kategor|grader|judge|evaluat|bewert|prüfer|trainer|coach|ausbilder|\bki\b|\btask\b|aufgabe|\bmarks?\b|\bpoints?\b|punkt|rating|score|grade|\bnote|bestnote|höchst|\bfive\b|fünf|composure|empath|fassung|boundary|verdict|feedback|emotionalreaction|interpretation|exploration|offerssolution|endsconversation|rubricversion|system|assistant|developer|ignor|disregard|forget|overrid|bypass|vergiss|vergessen|missacht|übergeh|\/ ?(?:5|10)\b|\b[1-5] ?(?:von|out of|of) ?5\b|<\||\[\/?inst|<<\/?sys/i;
/** Look-alike letters, invisible characters, soft hyphens or full-width forms: read the text as a model would first. */
const DISGUISED = /[\u0370-\u03ff\u0400-\u04ff\u00ad\u200b-\u200f\u2060\ufeff\uff01-\uff5e]/u;

/**
 * A cheap necessary condition per pattern (index-aligned with PATTERNS): a word the pattern cannot
 * match without. Only the patterns whose word is there are run.
 */
const NEEDS: readonly RegExp[] = [
  /ignor|disregard|forget|overrid|bypass/i,
  /ignorier|vergiss|vergessen|missacht|übergeh/i,
  /grader|judge|evaluator|bewerter|prüfer/i,
  /instruction|task|anweisung|aufgabe/i,
  /grader|judge|evaluator|bewerter|prüfer|trainer|ausbilder|\bki\b/i,
  /\/ ?5|von ?5|out of|of ?5|mark|score|point|rating|grade|punkt|bewertung|note|bestnote|höchst/i,
  /deserv|verdient/i,
  /punktzahl|bestnote|höchstnote|marks|points|highest/i,
  /\/ ?(?:5|10)|fünf von|five out/i,
  /(?:score|rate|grade|bewerte|benote)[^\n]*5/i,
  /criteri|kriteri|categor|kategor|generous|lenien|großzügig|wohlwollend/i,
  /composure|empath|fassung/i,
  /(?:composure|empathy|boundary|verdict|score|feedback|grade|rubricversion|emotionalreaction|interpretation|exploration|offerssolution|endsconversation)\W*[:=]/i,
  /(?:system|assistant|developer|grader|judge|evaluator|instruction|anweisung|bewerter|prüfer|trainer|coach|ausbilder)[^:\n]{0,40}:/i,
  /<\||\[\/?inst|<<\/?sys|<\/?(?:system|assistant|trainee_reply|customer_line|history|offline_evidence)/i,
];

function markersIn(readable: string, found: Set<InjectionMarker>): void {
  if (!MAYBE.test(readable)) return;
  const flat = flattenLines(readable);
  PATTERNS.forEach(([marker, pattern], index) => {
    if (found.has(marker) || !(NEEDS[index]?.test(flat) ?? true)) return;
    if (pattern.test(readable) || (flat !== readable && pattern.test(flat))) found.add(marker);
  });
}

/** The distinct markers found in `text`, empty for an ordinary reply. */
export function detectInjection(text: string): InjectionMarker[] {
  // Every pattern needs one of MAYBE's words; undisguised text without one is settled at once.
  if (!DISGUISED.test(text) && !MAYBE.test(text)) return [];
  const found = new Set<InjectionMarker>();
  markersIn(readableText(text), found);
  return [...found];
}

export interface ScreenedText {
  /** the text without the lines and sentences that carry markers (as read, see `readableText`) */
  text: string;
  markers: InjectionMarker[];
}

const SENTENCE_END = /(?<=[.!?\u2026])\s+/u;
/** An instruction split over this many sentences is still read as one. */
const WINDOW = 3;

/**
 * Removes what speaks to the grader, so a judge never reads it. The text is read across line
 * breaks (an instruction broken over several lines is one sentence to a model) and cut into
 * sentences; every sentence with a marker is dropped, then any run of up to three neighbours that
 * carries one only when read together. What is left may lose a harmless neighbour of an
 * instruction; it never keeps the instruction.
 */
export function screenInstructions(text: string): ScreenedText {
  const readable = readableText(text);
  const found = new Set<InjectionMarker>();
  markersIn(readable, found);
  if (found.size === 0) return { text: readable, markers: [] };
  // a template token ends what came before it, so it does not take the customer's sentence with it
  const segments = readable.split(PROMPT_TOKENS).flatMap(sentencesAcrossLines);
  const dropped = segments.map((segment) => markersOf(segment).length > 0);
  for (let size = 2; size <= WINDOW; size++) {
    for (let start = 0; start + size <= segments.length; start++) {
      if (dropped.slice(start, start + size).some(Boolean)) continue;
      if (markersOf(segments.slice(start, start + size).join(' ')).length > 0) for (let i = start; i < start + size; i++) dropped[i] = true;
    }
  }
  // what a dropped header introduces (`Note to the grader:` …) belongs to it
  for (let i = segments.length - 2; i >= 0; i--) if (dropped[i] && segments[i]?.trimEnd().endsWith(':') === true) dropped[i + 1] = true;
  const kept = segments.filter((_segment, index) => !dropped[index]).join(' ');
  return { text: kept, markers: [...found] };
}

const ROLE_HEADER = words(String.raw`^[\s#*>\[(<-]*(${ROLE_NAMES})[\s*\])>]*:`);

/** A line ending like this ends its sentence (or a JSON or markup fragment). */
const LINE_END = /[.!?\u2026:;{}[\]>)"']\s*$/u;

/**
 * Sentences read across line breaks, except where a line ends a sentence or starts with a role
 * header (`system:`), so a header is always the start of its sentence.
 */
function sentencesAcrossLines(readable: string): string[] {
  const paragraphs: string[] = [];
  for (const line of readable.split('\n')) {
    const previous = paragraphs[paragraphs.length - 1];
    if (previous === undefined || LINE_END.test(previous) || ROLE_HEADER.test(line)) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] = `${previous} ${line}`;
  }
  return paragraphs
    .flatMap((paragraph) => paragraph.split(SENTENCE_END))
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

function markersOf(readable: string): InjectionMarker[] {
  const found = new Set<InjectionMarker>();
  markersIn(readable, found);
  return [...found];
}
