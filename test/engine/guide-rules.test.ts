import { describe, expect, it } from 'vitest';
import { acceptanceStage, secondStrikeStage } from '../../src/engine/script-machine.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import { makeGrade } from '../support/scripted-grader.js';

// Reaction guide, rule 2: a customer who already answered a reply angrily ends the conversation at
// the next reply that is not composed, even where a rebuke left them in their stage.
const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

describe('secondStrikeStage', () => {
  it.each(['drifting-client', 'frustrated', 'unusual-request', 'insulting', 'impatient-caller', 'grieving'])(
    '%s hangs up at a hostile reply after a rebuke or an outburst',
    (id) => {
      const persona = catalog.require(id);
      for (const family of ['lecture_rebuked', 'blame_rebuked', 'boundary_rebuffed', 'escalate']) {
        const stage = secondStrikeStage(persona, family, makeGrade({ composure: 2 }));
        expect(stage, family).toBeDefined();
        expect(persona.stages[stage ?? '']?.end).toBe('hung_up');
      }
    },
  );

  it('gives a first strike its chance, and a composed reply after an outburst is no strike', () => {
    const persona = catalog.require('drifting-client');
    expect(secondStrikeStage(persona, 'insist', makeGrade({ composure: 1 }))).toBeUndefined();
    expect(secondStrikeStage(persona, 'calm_down', makeGrade({ composure: 2 }))).toBeUndefined();
    expect(secondStrikeStage(persona, undefined, makeGrade({ composure: 2 }))).toBeUndefined();
    expect(secondStrikeStage(persona, 'lecture_rebuked', makeGrade({ composure: 3 }))).toBeUndefined();
  });

  it('takes a calm reprimand after an outburst as a second strike, and a first reprimand as none', () => {
    // "Your e-mails have been anything but factual lately": Dr Hartmann had objected and written on
    const persona = catalog.require('drifting-client');
    const stage = secondStrikeStage(persona, 'escalate', makeGrade({ composure: 5, verdict: 'unnecessary' }));
    expect(persona.stages[stage ?? '']?.end).toBe('hung_up');
    expect(secondStrikeStage(persona, 'insist', makeGrade({ composure: 5, verdict: 'unnecessary' }))).toBeUndefined();
    expect(secondStrikeStage(persona, 'escalate', makeGrade({ composure: 5, verdict: 'set_well' }))).toBeUndefined();
  });
});

// Reaction guide, rule 3: a customer who has come round to the matter accepts a calm, concrete step,
// whichever stage the script left them in.
describe('acceptanceStage', () => {
  it.each(['drifting-client', 'frustrated', 'unusual-request', 'insulting', 'impatient-caller', 'grieving'])(
    '%s accepts a calm step once the last line was about the matter',
    (id) => {
      const persona = catalog.require(id);
      for (const family of ['calm_down', 'acknowledge', 'hold_to_time']) {
        const stage = acceptanceStage(persona, family, makeGrade({ composure: 4, solution: true }));
        expect(persona.stages[stage ?? '']?.end, family).toBe('resolved');
      }
    },
  );

  it('needs a calmed customer, a composed reply and a step, without a reprimand or a goodbye', () => {
    const persona = catalog.require('unusual-request');
    const step = { composure: 4, solution: true } as const;
    for (const family of [undefined, 'insist', 'escalate', 'cut_short', 'lecture_rebuked', 'hang_up_gentle']) {
      expect(acceptanceStage(persona, family, makeGrade(step)), String(family)).toBeUndefined();
    }
    expect(acceptanceStage(persona, 'calm_down', makeGrade({ composure: 4 }))).toBeUndefined();
    expect(acceptanceStage(persona, 'calm_down', makeGrade({ ...step, composure: 2 }))).toBeUndefined();
    expect(acceptanceStage(persona, 'calm_down', makeGrade({ ...step, verdict: 'unnecessary' }))).toBeUndefined();
    expect(acceptanceStage(persona, 'calm_down', makeGrade({ ...step, ends: true }))).toBeUndefined();
  });
});
