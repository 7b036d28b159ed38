import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPromptLibrary, PROMPT_IDS, PROMPTS_DIR, readPromptTemplate, type PromptId, type PromptValues } from '../../src/prompts/prompt-library.js';
import { placeholdersOf } from '../../src/prompts/render-prompt.js';

describe('prompt files', () => {
  const library = loadPromptLibrary();

  it.each(PROMPT_IDS)('%s renders with exactly its placeholders and leaves none behind', (id: PromptId) => {
    const template = readPromptTemplate(id);
    const values = Object.fromEntries(placeholdersOf(template).map((name) => [name, `<<${name}>>`]));
    const text = library.render(id, values);
    expect(text).not.toMatch(/\{\{|\}\}/);
    for (const name of Object.keys(values)) expect(text).toContain(`<<${name}>>`);
    expect(text).not.toContain('<!--');
  });

  it('every registered prompt id names a file in prompts/', () => {
    const files = readdirSync(PROMPTS_DIR).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3));
    for (const id of PROMPT_IDS) expect(files).toContain(id);
  });

  it('the persona voice keeps the rules before the persona and the stage last, for prompt caching', () => {
    const template = readPromptTemplate('persona-voice');
    const rules = template.indexOf('## Rules');
    const persona = template.indexOf('{{customerName}}');
    const stage = template.indexOf('{{stageLines}}');
    expect(rules).toBeGreaterThanOrEqual(0);
    expect(rules).toBeLessThan(persona);
    expect(persona).toBeLessThan(stage);
  });

  it('the judge system prompt has only the rubric as a value, so it is the same for every session', () => {
    expect(placeholdersOf(readPromptTemplate('judge'))).toEqual(['rubric']);
  });

  it('throws when a value for a template is missing', () => {
    expect(() => library.render('persona-backstory-revealed', {} as PromptValues['persona-backstory-revealed'])).toThrow(/backstory/);
  });
});
