import { AppError } from '../errors.js';

/** `{{name}}` with a camelCase name; anything else in double braces is a typo, not text. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

/** A prompt template and the values given to it disagree; a programming error, never a user's. */
export class PromptRenderError extends AppError {
  constructor(promptId: string, message: string) {
    super('prompt_render', `prompt "${promptId}": ${message}`);
  }
}

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1] ?? '');
  return [...names];
}

/**
 * Fills every `{{name}}` in `template`. Throws a {@link PromptRenderError} when a placeholder has
 * no value, a value has no placeholder, or a placeholder is not a plain name: a prompt that silently
 * drops the backstory rule or the trainee's reply is worse than one that fails in a test.
 * Values are inserted verbatim and never rescanned, so text containing `{{x}}` stays as it is.
 */
export function renderPrompt(promptId: string, template: string, values: Readonly<Record<string, string>>): string {
  const used = placeholdersOf(template);
  const invalid = used.filter((name) => !NAME.test(name));
  if (invalid.length > 0) throw new PromptRenderError(promptId, `invalid placeholder ${invalid.map((n) => `{{${n}}}`).join(', ')}`);
  const missing = used.filter((name) => !Object.hasOwn(values, name));
  if (missing.length > 0) throw new PromptRenderError(promptId, `no value for ${missing.map((n) => `{{${n}}}`).join(', ')}`);
  const unused = Object.keys(values).filter((name) => !used.includes(name));
  if (unused.length > 0) throw new PromptRenderError(promptId, `value(s) not used by the template: ${unused.join(', ')}`);
  return template.replace(PLACEHOLDER, (_match, name: string) => values[name] ?? '');
}
