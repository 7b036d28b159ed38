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
    expect(contentNotice(grieving, 'en', 'standard')).toMatch(/illness and loss/);
    expect(contentNotice(grieving, 'de', 'standard')).toMatch(/Krankheit und Verlust/);
    expect(contentNotice(frustrated, 'en', 'standard')).toBeUndefined();
  });

  it('name the theme of the grieving exercise, never what lies behind it (finding that out is the exercise)', () => {
    for (const intensity of ['gentle', 'standard', 'harsh'] as const) {
      expect(contentNotice(grieving, 'en', intensity)).not.toMatch(/cancer|diagnos/i);
      expect(contentNotice(grieving, 'de', intensity)).not.toMatch(/Krebs|Diagnose/i);
    }
  });

  it("words the insulting customer's notice for the intensity: crude language only at harsh, no swearing at gentle", () => {
    const insulting = catalog.require('insulting');
    expect(contentNotice(insulting, 'en', 'harsh')).toMatch(/crude/);
    expect(contentNotice(insulting, 'en', 'standard')).not.toMatch(/crude/);
    expect(contentNotice(insulting, 'en', 'gentle')).toMatch(/without swear words/);
    expect(contentNotice(insulting, 'de', 'gentle')).toMatch(/ohne Schimpfwörter/);
    expect(contentNotice(insulting, 'de', 'standard')).not.toMatch(/derb/);
  });

  it('give the hint of a stage, and refuse a stage the persona does not have', () => {
    expect(stageHint(grieving, 'callback', 'de')).toBe(grieving.stages.callback?.hint.de);
    expect(() => stageHint(grieving, 'no_such_stage', 'en')).toThrow(AppError);
    expect(() => stageHint(grieving, 'constructor', 'en')).toThrow(/no stage "constructor"/);
  });
});
