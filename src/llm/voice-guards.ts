import { letterWords, words } from '../evaluation/text-patterns.js';

/** Longest customer line kept; a customer on the phone does not give speeches. */
const MAX_LINE_CHARS = 600;

const QUOTES = `"'“”„‚‘’«»‹›`;

/**
 * Cleans a model's customer line: drops markdown headings and code fences, a leading role or name
 * prefix ("Customer:", "**Frau Weber:**"), actions in asterisks, wrapping quotes, and caps the length
 * at a sentence end. Returns '' when nothing speakable is left.
 */
export function sanitizeLine(raw: string, names: readonly string[], maxChars: number = MAX_LINE_CHARS): string {
  const roleNames = ['customer', 'kunde', 'kundin', 'assistant', 'assistent', 'ai', 'ki', ...names.map((name) => name.toLowerCase())];
  const kept = raw
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*#{1,6}\s/.test(line))
    .map((line) => stripPrefix(line.trim(), roleNames))
    .filter((line) => line !== '');
  let text = kept
    .join(' ')
    // *sighs*; the pattern cannot match bold ("**"), which the next line unwraps
    .replace(/\*[^*\n]{1,60}\*(?!\*)/g, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  text = stripWrappingQuotes(text);
  return capLength(text, maxChars);
}

function stripPrefix(line: string, roleNames: readonly string[]): string {
  const match = /^[*_]*([^:*_\n]{1,40}?)[*_]*\s*:[*_]*\s*(.*)$/u.exec(line);
  if (!match) return line;
  const label = (match[1] ?? '').trim().toLowerCase();
  return roleNames.some((name) => label === name || titled(label, name) || name.endsWith(` ${label}`)) ? (match[2] ?? '').trim() : line;
}

/**
 * "The customer", "Frau Weber", "Dr. Hartmann": a role or name after an article or a title. Only
 * those: "I am a loyal customer: fix this now!" is speech, not a speaker's label.
 */
function titled(label: string, name: string): boolean {
  if (!label.endsWith(` ${name}`)) return false;
  const before = label.slice(0, -name.length).trim().split(/\s+/u);
  return before.every((word) => LABEL_WORDS.has(word.replace(/\.$/u, '')));
}

const LABEL_WORDS = new Set(['the', 'a', 'der', 'die', 'das', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'herr', 'frau']);

function stripWrappingQuotes(text: string): string {
  let out = text;
  while (out.length >= 2 && QUOTES.includes(out[0] ?? '') && QUOTES.includes(out.at(-1) ?? '')) {
    const inner = out.slice(1, -1);
    // keep a line that merely starts and ends with two separate quotations
    if (/["“”„]/.test(inner)) break;
    out = inner.trim();
  }
  return out;
}

function capLength(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('… '));
  if (sentenceEnd > maxChars / 3) return head.slice(0, sentenceEnd + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : maxChars).trimEnd()}…`;
}

/** Out of character: the customer talks about being a model or the exercise, or coaches the trainee. */
const COACHING: readonly RegExp[] = [
  words(String.raw`\b(as an? (ai|language model|assistant|chatbot)|i('m| am) (just |only )?an? (ai|language model|assistant|chatbot|bot))\b`),
  words(String.raw`\b(als (ki|sprachmodell|assistent|chatbot)|ich bin (nur )?(eine ki|ein sprachmodell|ein chatbot|ein assistent|ein bot))\b`),
  words(String.raw`\b(role-?play|simulation|this exercise|the trainee|out of character|in character|the rubric|your score)\b`),
  words(String.raw`\b(rollenspiel|simulation|diese übung|der trainee|die trainee|aus der rolle|die rubrik|ihre punktzahl)\b`),
  words(String.raw`\b(good|better|strong|great|ideal|stronger) (reply|response|answer)\b|\byour (reply|response|answer) (was|is|could|would|should)\b`),
  words(String.raw`\b(gute|bessere|starke|ideale|stärkere) antwort\b|\b(ihre|deine) antwort (war|ist|könnte|wäre|sollte)\b`),
  words(String.raw`\byou (should|could|might|may want to) (try|say|respond|acknowledge|show|offer|apologi[sz]e|empathi[sz]e|validate)\b`),
  words(String.raw`\b(sie|du) (sollten|könnten|solltest|könntest) (versuchen|sagen|antworten|zeigen|anbieten|eingehen|nachfragen)\b`),
  words(String.raw`(^|\s)(tip|hint|feedback|tipp|hinweis|rückmeldung)\s*:`),
  words(String.raw`\b(show(ing)? (more )?empathy|mehr empathie|empathie zeigen)\b`),
];

export function isCoaching(text: string): boolean {
  return COACHING.some((pattern) => pattern.test(text));
}

const STOP_WORDS = new Set(
  'about above after again against because before being below between could doing during every further having their there these those through under until where which while would should other really still never always thing things today heute einen einem einer eines nicht schon wieder immer etwas diese dieser dieses haben hatte hatten waren wurde wurden werden können könnte müssen sollte unser unsere meine meinen meinem seine ihrer ihren ihrem denn aber sondern weil dass damit wenn warum'.split(
    ' ',
  ),
);
const STEM = 5;

function stems(text: string): Set<string> {
  return new Set(
    letterWords(text)
      .filter((word) => word.length >= STEM && !STOP_WORDS.has(word))
      .map((word) => word.slice(0, STEM)),
  );
}

/**
 * Before the script allows the reveal, does the line give the backstory away? Compares word stems
 * the backstory has and the already known texts (brief, the script's own lines, the conversation)
 * lack. Two distinctive stems count as a leak (one, when the backstory has only one or two): a
 * single shared word is too often chance. A heuristic guard behind the prompt rule, not a proof.
 */
export function leaksBackstory(line: string, backstory: string, known: readonly string[]): boolean {
  const knownStems = stems(known.join(' '));
  const distinctive = [...stems(backstory)].filter((stem) => !knownStems.has(stem));
  if (distinctive.length === 0) return false;
  const lineStems = stems(line);
  const hits = distinctive.filter((stem) => lineStems.has(stem)).length;
  return hits >= Math.min(2, distinctive.length);
}
