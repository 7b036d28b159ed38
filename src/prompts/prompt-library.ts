import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPrompt } from './render-prompt.js';

/** `prompts/` at the repository root; found from this file so it works through tsx from any cwd. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/**
 * The LLM prompt files and the values each one takes. The id is the file name in `prompts/`
 * without `.md`; a leading HTML comment documents the file and is not sent to the model.
 */
export interface PromptValues {
  'persona-voice': {
    customerName: string;
    channel: string;
    situation: string;
    languageName: string;
    backstory: string;
    stageId: string;
    intensity: string;
    stageEnd: string;
    stageLines: string;
    listening: string;
  };
  'persona-listening': { acts: string; given: string; open: string; promise: string; reaction: string };
  // eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- this template takes no variables
  'persona-backstory-hidden': Record<never, string>;
  'persona-backstory-revealed': { backstory: string };
  'history-summary': { omittedTurns: string; opening: string };
  judge: { rubric: string };
  'judge-retry': { problem: string };
  'judge-input': {
    languageName: string;
    focus: string;
    history: string;
    customer: string;
    reply: string;
    offlineEvidence: string;
    personaExamples: string;
  };
}
export type PromptId = keyof PromptValues;

export const PROMPT_IDS = [
  'persona-voice',
  'persona-listening',
  'persona-backstory-hidden',
  'persona-backstory-revealed',
  'history-summary',
  'judge',
  'judge-input',
  'judge-retry',
] as const satisfies readonly PromptId[];

const LEADING_COMMENT = /^\s*<!--[\s\S]*?-->\s*/;

/** Reads one prompt template (without its leading comment). Throws if the file is missing. */
export function readPromptTemplate(id: PromptId, dir: string = PROMPTS_DIR): string {
  const text = readFileSync(join(dir, `${id}.md`), 'utf8');
  return text.replace(LEADING_COMMENT, '').trimEnd();
}

export interface PromptLibrary {
  render<Id extends PromptId>(id: Id, values: PromptValues[Id]): string;
}

/**
 * Loads every prompt file at once, so a missing or unreadable file fails at start-up rather than on
 * the first exchange of some session.
 */
export function loadPromptLibrary(dir: string = PROMPTS_DIR): PromptLibrary {
  const templates = new Map<PromptId, string>(PROMPT_IDS.map((id) => [id, readPromptTemplate(id, dir)]));
  return {
    render(id, values) {
      const template = templates.get(id);
      if (template === undefined) throw new Error(`unknown prompt ${id}`);
      return renderPrompt(id, template, values);
    },
  };
}
