import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.js';

/**
 * The grading rubric, written once in `prompts/rubric.md` and shared by every grader: the offline
 * grader records its version, the LLM judge inserts the text verbatim into its prompt.
 */
export interface Rubric {
  /** the whole Markdown file, front matter included */
  text: string;
  /** from the `version:` line of the front matter, e.g. `2026-11-25.1` */
  version: string;
}

const RUBRIC_URL = new URL('../../prompts/rubric.md', import.meta.url);
const VERSION_LINE = /^---\r?\n(?:.*\r?\n)*?version:\s*(\S+)\s*\r?\n(?:.*\r?\n)*?---/;

/** Thrown when the rubric file is missing or has no version; a deployment problem, not a user one. */
export class RubricError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('rubric_invalid', message, options);
  }
}

export function parseRubric(text: string): Rubric {
  const version = VERSION_LINE.exec(text)?.[1];
  if (!version) throw new RubricError('prompts/rubric.md has no "version:" line in its front matter');
  return { text, version };
}

let cached: Rubric | undefined;

export async function loadRubric(): Promise<Rubric> {
  if (cached) return cached;
  let text: string;
  try {
    text = await readFile(RUBRIC_URL, 'utf8');
  } catch (error) {
    throw new RubricError('cannot read prompts/rubric.md', { cause: error });
  }
  cached = parseRubric(text);
  return cached;
}

/** Same as {@link loadRubric}, for factories that must stay synchronous; reads the file once per process. */
export function loadRubricSync(): Rubric {
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(RUBRIC_URL, 'utf8');
  } catch (error) {
    throw new RubricError('cannot read prompts/rubric.md', { cause: error });
  }
  cached = parseRubric(text);
  return cached;
}
