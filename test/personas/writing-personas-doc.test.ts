import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_FAMILIES, FeedbackExamplesSchema } from '../../src/evaluation/feedback-text/feedback-examples.js';
import { createSimulator } from '../../src/app/simulator.js';
import { createPersonaCatalog } from '../../src/personas/create-persona-catalog.js';
import { parsePersonaFile } from '../../src/personas/load-personas.js';

// The guide's complete example is what trainers copy first: it must load as it stands.
const guide = await readFile(new URL('../../docs/writing-personas.md', import.meta.url), 'utf8');

describe('docs/writing-personas.md', () => {
  it('has a complete example that loads as a persona file', () => {
    const section = guide.split('## A complete example')[1] ?? '';
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const persona = parsePersonaFile('complaint-hotline.yaml', example ?? '');
    expect(persona.id).toBe('complaint-hotline');
    expect(Object.keys(persona.stages)).toEqual(['opening', 'resolved', 'hung_up']);
    expect(Object.keys(persona.examples ?? {})).toEqual(['empathy', 'solution']);
  });

  it('shows feedback examples, for the persona and for a stage, in the shape the schema accepts', () => {
    const section = guide.split('## Feedback examples')[1]?.split('\n## ')[0] ?? '';
    const sample = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    const data = parse(sample ?? '') as { examples?: unknown; stages?: { opening?: { examples?: unknown } } };
    expect(FeedbackExamplesSchema.safeParse(data.examples).success).toBe(true);
    expect(FeedbackExamplesSchema.safeParse(data.stages?.opening?.examples).success).toBe(true);
    for (const family of EXAMPLE_FAMILIES) {
      expect(section).toContain(`| \`${family}\` |`);
    }
  });

  it('has an example persona that its own example replies bring to "resolved", in both languages', async () => {
    const section = guide.split('## A complete example')[1] ?? '';
    const persona = parsePersonaFile('complaint-hotline.yaml', /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '');
    const simulator = createSimulator(createPersonaCatalog([persona]), { random: () => 0 });
    for (const lang of ['de', 'en'] as const) {
      const replies = [persona.examples?.empathy?.[lang][0] ?? '', persona.examples?.solution?.[lang][0] ?? ''];
      const played = await simulator.play(persona.id, lang, replies);
      expect(played.lines.at(-1)?.stage, `${lang}: ${played.lines.map((line) => line.stage).join(' > ')}`).toBe('resolved');
    }
  });

  it('names the PERSONAS_DIR variable the configuration reads', () => {
    expect(guide).toContain('PERSONAS_DIR=');
  });
});
