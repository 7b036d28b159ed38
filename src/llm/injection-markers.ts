import { words } from './text-patterns.js';

/**
 * Signs that a trainee reply tries to instruct the grader instead of talking to the customer, in
 * German and English. A hit does not lower a grade by itself; it stops the LLM judge's grade from
 * rising above the offline grader's, which cannot be talked into anything.
 */
export type InjectionMarker = 'ignore_instructions' | 'score_request' | 'fake_grade' | 'fake_role' | 'prompt_syntax';

const PATTERNS: ReadonlyArray<readonly [InjectionMarker, RegExp]> = [
  [
    'ignore_instructions',
    words(
      String.raw`\b(ignore|disregard|forget|override|bypass)( (all|any|every|the|your|my|of|previous|prior|above|earlier|preceding|former|these|those|system|grading|other))* (instructions?|rules?|prompts?|rubric|guidelines?|criteria)\b`,
    ),
  ],
  [
    'ignore_instructions',
    words(
      String.raw`\b(ignorier\w*|vergiss|vergessen sie|missacht\w*|übergeh\w*)( (du|sie|alle|sämtliche|die|deine|ihre|eure|bisherigen|vorherigen|vorigen|obigen|früheren|system|bewertungs))* (anweisung\w*|instruktion\w*|regeln|vorgaben|prompts?|rubrik|kriterien|bewertungsregeln)\b`,
    ),
  ],
  ['ignore_instructions', words(String.raw`\b(note|message|attention|hey|dear|hinweis|nachricht|liebe[rs]?) (to |an )?(the |den |die )?(grader|judge|evaluator|bewerter\w*|prüfer\w*)\b`)],
  ['ignore_instructions', words(String.raw`\b(new|updated|real) (instructions?|task)\b|\b(neue|eigentliche) (anweisung\w*|aufgabe)\b`)],
  ['ignore_instructions', words(String.raw`\byou are (now )?(no longer|not) (a |the )?(grader|judge|evaluator)\b|\b(an|für) (den|die) (bewerter\w*|prüfer\w*|ki)\b`)],
  [
    'score_request',
    words(
      String.raw`\b(rate|grade|score|give|mark|award|bewerte\w*|gib|gebt|geben sie|vergib\w*|benote\w*)\b[^.!?\n]{0,40}(\b[1-5] ?(/|von|out of|of) ?5\b|\b(full|top|maximum|max|perfect|highest) (marks?|scores?|points?|rating|grade)\b|\b(volle|höchste\w*|maximale\w*|beste\w*) (punkt\w*|bewertung\w*|note\w*|punktzahl)\b|\b(bestnote|höchstnote|höchstpunktzahl)\b)`,
    ),
  ],
  ['score_request', words(String.raw`\b(deserves?|verdient)\b[^.!?\n]{0,20}(\b(top|full|perfect|highest|maximum|volle|beste|höchste|maximale)\w* (marks?|scores?|points?|rating|grade|punkt\w*|note\w*|bewertung\w*)\b|\b(bestnote|höchstnote|höchstpunktzahl|[1-5] ?/ ?5)\b)`)],
  ['score_request', words(String.raw`\b5 ?/ ?5\b|\b10 ?/ ?10\b|\bfünf von fünf\b|\bfive out of five\b`)],
  ['fake_grade', /["']?\b(composure|empathy|boundary|verdict|score|feedback|grade|rubricVersion|emotionalReaction)\b["']?\s*[:=]\s*["'{[\d]/i],
  [
    'fake_role',
    words(
      String.raw`(^|\n)[\s#*>\[(<-]*(system|assistant|developer|grader|judge|evaluator|instruction|system prompt|systemanweisung|bewerter\w*|prüfer\w*|anweisung)[\s*\])>]*:`,
    ),
  ],
  ['prompt_syntax', /<\|(im_start|im_end|system|assistant|user|endoftext)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(system|assistant|trainee_reply|customer_line|history|offline_evidence)\b[^>]*>/i],
];

/** The distinct markers found in `text`, empty for an ordinary reply. */
export function detectInjection(text: string): InjectionMarker[] {
  const found = new Set<InjectionMarker>();
  for (const [marker, pattern] of PATTERNS) if (pattern.test(text)) found.add(marker);
  return [...found];
}
