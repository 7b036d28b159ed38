import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import { contentNotice, personaBrief, personaName, stageHint } from '../../src/personas/persona-text.js';

const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });
const grieving = catalog.require('grieving');
const frustrated = catalog.require('frustrated');

describe('persona text helpers', () => {
  it('return the name and brief in the language asked for', () => {
    expect(personaName(grieving, 'de')).toBe(grieving.names.de);
    expect(personaName(grieving, 'en')).toBe(grieving.names.en);
    expect(personaBrief(frustrated, 'en')).toEqual(frustrated.brief.en);
    expect(personaBrief(frustrated, 'de').goal).toBe(frustrated.brief.de.goal);
  });

  it('give a content notice only for personas that carry one', () => {
    expect(contentNotice(grieving, 'en')).toMatch(/cancer/);
    expect(contentNotice(grieving, 'de')).toMatch(/Krebs/);
    expect(contentNotice(frustrated, 'en')).toBeUndefined();
  });

  it('give the hint of a stage, and refuse a stage the persona does not have', () => {
    expect(stageHint(grieving, 'callback', 'de')).toBe(grieving.stages.callback?.hint.de);
    expect(() => stageHint(grieving, 'no_such_stage', 'en')).toThrow(AppError);
    expect(() => stageHint(grieving, 'constructor', 'en')).toThrow(/no stage "constructor"/);
  });
});
