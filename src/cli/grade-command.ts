import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { GradeInput } from '../evaluation/grade.js';
import { LanguageSchema, TurnSchema } from '../evaluation/grade.js';
import type { Grader } from '../evaluation/grader.js';
import type { Logger } from '../log/logger.js';
import { gradingContext } from '../personas/grading-context.js';
import type { PersonaCatalog } from '../personas/persona-catalog.js';

/** One line of `grade` input. Extra fields (such as an eval file's `gold`) are ignored. */
const GradeRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  lang: LanguageSchema,
  customer: z.string(),
  reply: z.string(),
  history: z.array(TurnSchema).optional(),
  persona: z.string().optional(),
});

interface GradeCommandDeps {
  grader: Grader;
  personas: PersonaCatalog;
  log: Logger;
  /** replies graded at once; output order always follows input order */
  concurrency?: number;
}

type Outcome = { ok: true; line: string } | { ok: false; line: string; message: string };

function errorLine(id: unknown, lineNumber: number, message: string): Outcome {
  const line = JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, line: lineNumber, error: message });
  return { ok: false, line, message: `line ${lineNumber}: ${message}` };
}

async function gradeLine(deps: GradeCommandDeps, text: string, lineNumber: number): Promise<Outcome> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return errorLine(null, lineNumber, 'not valid JSON');
  }
  const parsed = GradeRequestSchema.safeParse(json);
  const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : null;
  if (!parsed.success) {
    return errorLine(id, lineNumber, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`).join('; '));
  }
  const request = parsed.data;
  if (request.reply.trim() === '') return errorLine(request.id, lineNumber, 'reply is empty');
  let context: GradeInput['context'];
  if (request.persona !== undefined) {
    const persona = deps.personas.get(request.persona);
    if (!persona) {
      const known = deps.personas
        .list()
        .map((p) => p.id)
        .join(', ');
      return errorLine(request.id, lineNumber, `unknown persona "${request.persona}" (known: ${known})`);
    }
    // no stage outside a session: the persona's own feedback examples, without stage lines
    context = gradingContext(persona);
  }
  const grade = await deps.grader.grade({
    lang: request.lang,
    customer: request.customer,
    reply: request.reply,
    history: request.history ?? [],
    ...(context ? { context } : {}),
  });
  return { ok: true, line: JSON.stringify({ id: request.id, grade }) };
}

/**
 * `counterpart grade`: JSON lines in, one `{"id", "grade"}` line out per input line, in order.
 * A bad line yields `{"id", "line", "error"}` on stdout (so outputs stay aligned with inputs) and a
 * message on stderr; it never stops the batch. Exit code 1 when any line failed.
 */
export async function runGrade(deps: GradeCommandDeps, input: NodeJS.ReadableStream, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const limit = Math.max(1, deps.concurrency ?? 4);
  const inFlight: Array<Promise<Outcome>> = [];
  let failures = 0;
  let lineNumber = 0;
  const flush = async (keep: number) => {
    while (inFlight.length > keep) {
      const outcome = await (inFlight.shift() as Promise<Outcome>);
      out.write(`${outcome.line}\n`);
      if (!outcome.ok) {
        failures++;
        err.write(`${outcome.message}\n`);
      }
    }
  };
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (text.trim() === '') continue;
    const current = lineNumber;
    inFlight.push(
      gradeLine(deps, text, current).catch((error: unknown) => {
        deps.log.error({ err: error, line: current }, 'grading failed');
        return errorLine(null, current, 'grading failed; see the log');
      }),
    );
    await flush(limit - 1);
  }
  await flush(0);
  return failures > 0 ? 1 : 0;
}
