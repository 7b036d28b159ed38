import { describe, expect, it } from 'vitest';
import { PersonaFileError } from '../../src/errors.js';
import { EXAMPLE_FAMILIES, MAX_EXAMPLE_LENGTH } from '../../src/evaluation/feedback-text/feedback-examples.js';
import { gradingContext } from '../../src/personas/grading-context.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog, parsePersonaFile } from '../../src/personas/load-personas.js';
import { PersonaSchema, type Persona } from '../../src/personas/persona-schema.js';
import { stringify } from 'yaml';
import { validPersonaData } from './persona-fixtures.js';

const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

const empathy = { de: ['Das klingt belastend.'], en: ['That sounds hard.'] };
const solution = { de: ['Ich rufe Sie bis 15 Uhr an.'], en: ["I'll call you back by 3 pm."] };

/** A trainer file with `examples` at the persona level and on the opening stage. */
function withExamples(id: string, persona: unknown, opening: unknown) {
  const data = validPersonaData(id);
  return {
    ...data,
    ...(persona === undefined ? {} : { examples: persona }),
    stages: { ...data.stages, opening: { ...data.stages.opening, ...(opening === undefined ? {} : { examples: opening }) } },
  };
}

/** Parses the data as the file `<id>.yaml` and returns the message it fails with. */
function failure(id: string, data: unknown): string {
  let caught: unknown;
  try {
    parsePersonaFile(`/trainer/${id}.yaml`, stringify(data));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PersonaFileError);
  return (caught as PersonaFileError).message;
}

describe('persona examples block', () => {
  it('accepts examples per persona and per stage, in both languages', () => {
    const persona = parsePersonaFile('/trainer/kind.yaml', stringify(withExamples('kind', { empathy }, { solution })));
    expect(persona.examples?.empathy).toEqual(empathy);
    expect(persona.stages.opening?.examples?.solution).toEqual(solution);
    expect(persona.stages.resolved?.examples).toBeUndefined();
  });

  it('leaves a persona without examples valid, as every persona was before', () => {
    const persona = parsePersonaFile('/trainer/plain.yaml', stringify(validPersonaData('plain')));
    expect(persona.examples).toBeUndefined();
  });

  it('fails on a family without its English lines, naming the file and the field', () => {
    const message = failure('half', withExamples('half', { empathy: { de: empathy.de } }, undefined));
    expect(message).toContain('/trainer/half.yaml: examples.empathy.en: missing');
  });

  it('fails on an unknown family in a stage, naming the stage', () => {
    const message = failure('typo', withExamples('typo', undefined, { empaty: empathy }));
    expect(message).toContain('/trainer/typo.yaml: stages.opening.examples: unknown field "empaty"');
  });

  it('fails when German and English give a different number of lines', () => {
    const message = failure('uneven', withExamples('uneven', { solution: { de: ['Eins.', 'Zwei.'], en: ['One.'] } }, undefined));
    expect(message).toContain('/trainer/uneven.yaml: examples.solution: de has 2 line(s), en has 1');
  });

  it('fails on an empty list, an empty line and an overlong line, each at its place', () => {
    const message = failure(
      'bad-lines',
      withExamples('bad-lines', { closing: { de: [], en: [] } }, { composure: { de: ['   '], en: ['x'.repeat(MAX_EXAMPLE_LENGTH + 1)] } }),
    );
    expect(message).toContain('examples.closing.de: Too small');
    expect(message).toContain('stages.opening.examples.composure.de[0]: Too small');
    expect(message).toContain(`stages.opening.examples.composure.en[0]: at most ${MAX_EXAMPLE_LENGTH} characters`);
  });

  it('fails on an examples block that names no family', () => {
    const message = failure('hollow', withExamples('hollow', {}, undefined));
    expect(message).toContain('/trainer/hollow.yaml: examples: name at least one family');
  });

  it('fails on lines given as one string instead of a list', () => {
    const message = failure('flat', withExamples('flat', undefined, { empathy: { de: 'Ein Satz.', en: 'One line.' } }));
    expect(message).toContain('stages.opening.examples.empathy.de: expected array');
  });
});

describe('grading context of a persona', () => {
  const persona = PersonaSchema.parse(withExamples('ctx', { empathy, closing: { de: ['Bis bald.'], en: ['Speak soon.'] } }, { empathy: solution, solution }));

  it('gives a stage its own lines first and fills the other families from the persona', () => {
    const context = gradingContext(persona, 'opening');
    expect(context.examples?.empathy).toEqual(solution);
    expect(context.examples?.solution).toEqual(solution);
    expect(context.examples?.closing).toEqual({ de: ['Bis bald.'], en: ['Speak soon.'] });
    expect(context.customerAbusive).toBe(false);
  });

  it('gives a stage without lines the persona lines', () => {
    expect(gradingContext(persona, 'resolved').examples).toEqual(persona.examples);
  });

  it('gives only the persona lines when no stage is known, and no examples field when there are none', () => {
    const outside = gradingContext(persona);
    expect(outside.examples).toEqual(persona.examples);
    expect(outside).not.toHaveProperty('customerAbusive');
    const plain = PersonaSchema.parse(validPersonaData('plain'));
    expect(gradingContext(plain, 'opening')).toEqual({ personaId: 'plain', focus: ['venting'], customerAbusive: false });
  });

  it('refuses a stage the persona does not have (a session older than an edit of its file)', () => {
    expect(() => gradingContext(persona, 'vanished')).toThrow(/has no stage "vanished"/);
  });
});

describe('built-in persona examples', () => {
  const builtins: Persona[] = catalog.list();
  const blocks = builtins.flatMap((persona) => [
    { where: persona.id, examples: persona.examples },
    ...Object.entries(persona.stages).map(([stageId, stage]) => ({ where: `${persona.id}.${stageId}`, examples: stage.examples })),
  ]);

  it('gives every built-in persona its own lines for the families its conversations call for', () => {
    for (const persona of builtins) {
      const families = Object.keys(persona.examples ?? {});
      expect(families, persona.id).toEqual(expect.arrayContaining(['empathy', 'exploration', 'composure']));
      // the grieving customer is never pushed to a solution (rubric); everyone else is
      if (!persona.focus.includes('grief')) expect(families, persona.id).toContain('solution');
      if (persona.focus.includes('insults')) expect(families, persona.id).toContain('boundary');
    }
  });

  it('has non-empty, distinct lines in both languages for every family it declares', () => {
    for (const { where, examples } of blocks) {
      for (const family of EXAMPLE_FAMILIES) {
        const lines = examples?.[family];
        if (!lines) continue;
        for (const lang of ['de', 'en'] as const) {
          expect(lines[lang].length, `${where}.${family}.${lang}`).toBeGreaterThan(0);
          for (const line of lines[lang]) expect(line.trim(), `${where}.${family}.${lang}`).not.toBe('');
          expect(new Set(lines[lang]).size, `${where}.${family}.${lang}`).toBe(lines[lang].length);
        }
        expect(lines.de, `${where}.${family}`).not.toEqual(lines.en);
      }
    }
  });

  it('says "Sie" in every German example', () => {
    const informal = /\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer)\b/i;
    for (const { where, examples } of blocks) {
      for (const family of EXAMPLE_FAMILIES) {
        for (const line of examples?.[family]?.de ?? []) expect(line, `${where}.${family}`).not.toMatch(informal);
      }
    }
  });

  it('keeps what the grieving customer has not told yet out of the lines that stand before her reveal', () => {
    const grieving = catalog.require('grieving');
    const secret = /krebs|cancer|diagnos|krank|ill\b|illness|tochter|daughter|enkel|grandchild|witwe|widow|mann\b|husband/i;
    const early = [
      grieving.examples,
      ...Object.values(grieving.stages)
        .filter((stage) => !stage.reveals)
        .map((stage) => stage.examples),
    ];
    const lines = early.flatMap((examples) => EXAMPLE_FAMILIES.flatMap((family) => [...(examples?.[family]?.de ?? []), ...(examples?.[family]?.en ?? [])]));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).not.toMatch(secret);
  });
});
