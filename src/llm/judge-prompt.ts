import { z } from 'zod';
import { EXAMPLE_FAMILIES, exampleLines } from '../evaluation/feedback-text/feedback-examples.js';
import { GradeSchema, type Grade, type GradeInput, type Turn } from '../evaluation/grade.js';
import type { Rubric } from '../evaluation/rubric.js';
import type { PromptLibrary } from '../prompts/prompt-library.js';
import type { ChatMessage } from './chat-model.js';
import { boundHistory } from './history-window.js';
import { LANGUAGE_NAMES } from './language-names.js';

/** What the judge model answers: a grade without `source`, which the judge fills in itself. */
const JudgeAnswerSchema = GradeSchema.omit({ source: true });
type JudgeAnswer = z.infer<typeof JudgeAnswerSchema>;

/**
 * The JSON schema sent as `response_format`, generated from {@link JudgeAnswerSchema} so the two
 * cannot drift apart. Literal unions become integer enums, which every strict-mode implementation
 * (OpenAI, vLLM's guided decoding, llama.cpp grammars, Ollama) understands.
 */
export function judgeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(JudgeAnswerSchema, { io: 'output', target: 'draft-7' }) as Record<string, unknown>;
  delete schema.$schema;
  return simplify(schema) as Record<string, unknown>;
}

function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const object = node as Record<string, unknown>;
  const anyOf = object.anyOf;
  if (
    Array.isArray(anyOf) &&
    anyOf.every((option) => typeof option === 'object' && option !== null && Number.isInteger((option as { const?: unknown }).const))
  ) {
    return { type: 'integer', enum: anyOf.map((option) => (option as { const: number }).const) };
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, simplify(value)]));
}

/**
 * Text typed by the trainee (or said by the customer) goes into a tagged block; escaping the angle
 * brackets means no content can close the block or open a fake one.
 */
function escapeBlock(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function formatHistory(turns: readonly Turn[], omitted: number): string {
  const lines = turns.map((turn) => `${turn.role}: ${escapeBlock(turn.text)}`);
  if (omitted > 0) lines.unshift(`(${omitted} earlier messages not shown)`);
  return lines.length > 0 ? lines.join('\n') : '(none: this is the first customer line)';
}

/** The offline grader's findings, as evidence for the judge (its quotes are trainee text, so escaped). */
function formatOfflineEvidence(offline: Grade): string {
  const { composure, empathy, boundary, signals } = offline;
  return escapeBlock(JSON.stringify({ composure, empathy, boundary, signals }));
}

/** The persona's example lines for this moment in the session language, by family ("none" without any). */
function formatPersonaExamples(input: GradeInput): string {
  const examples = input.context?.examples;
  const lines = EXAMPLE_FAMILIES.flatMap((family) => exampleLines(examples, family, input.lang).map((line) => `${family}: ${escapeBlock(line)}`));
  return lines.length > 0 ? lines.join('\n') : 'none';
}

export function buildJudgeMessages(prompts: PromptLibrary, rubric: Rubric, input: GradeInput, offline: Grade, maxHistoryTurns: number): ChatMessage[] {
  const window = boundHistory(input.history, maxHistoryTurns);
  return [
    { role: 'system', content: prompts.render('judge', { rubric: rubric.text }) },
    {
      role: 'user',
      content: prompts.render('judge-input', {
        languageName: LANGUAGE_NAMES[input.lang],
        focus: input.context && input.context.focus.length > 0 ? input.context.focus.join(', ') : 'none',
        history: formatHistory(window.recent, window.omitted),
        customer: escapeBlock(input.customer),
        reply: escapeBlock(input.reply),
        offlineEvidence: formatOfflineEvidence(offline),
        personaExamples: formatPersonaExamples(input),
      }),
    },
  ];
}

type ParsedJudgeAnswer = { ok: true; answer: JudgeAnswer } | { ok: false; problem: string };

/**
 * Parses the model's answer; tolerates a code fence some local models wrap JSON in. A failure says
 * what was wrong in words for the retry prompt (field paths only, never content).
 */
export function parseJudgeAnswer(text: string, finishReason = 'stop'): ParsedJudgeAnswer {
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return { ok: false, problem: finishReason === 'length' ? 'it was cut off before the JSON object was complete' : 'it was not valid JSON' };
  }
  const parsed = JudgeAnswerSchema.safeParse(json);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))].slice(0, 5);
  return { ok: false, problem: `it did not match the schema at ${paths.join(', ')}` };
}

/** The messages for the second and last attempt after an unusable answer. */
export function retryJudgeMessages(prompts: PromptLibrary, messages: ChatMessage[], problem: string): ChatMessage[] {
  return [...messages, { role: 'user', content: prompts.render('judge-retry', { problem }) }];
}
