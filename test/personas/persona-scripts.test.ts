import { describe, expect, it } from 'vitest';
import type { HeardReply } from '../../src/engine/listening.js';
import { nextStageId } from '../../src/engine/script-machine.js';
import { BUILTIN_PERSONAS_DIR, loadPersonaCatalog } from '../../src/personas/load-personas.js';
import type { Persona } from '../../src/personas/persona-schema.js';
import { makeGrade, type GradeShape } from '../support/scripted-grader.js';

// The plots the briefs promise, played through the engine's own transition rule with hand-made grades.
const catalog = await loadPersonaCatalog({ dirs: [BUILTIN_PERSONAS_DIR] });

/** What a reply does beyond its grade, for the transitions that read it (length, acts, facts). */
type Reply = GradeShape & { heard?: Partial<HeardReply> };

/** Stage ids visited from `start`, one grade per trainee reply. */
function play(persona: Persona, replies: Reply[]): string[] {
  const visited = [persona.start];
  replies.forEach((reply, index) => {
    const heard: HeardReply = {
      words: 15,
      acts: [],
      composure: reply.composure ?? 4,
      newFacts: [],
      givenFacts: [],
      griefMisstep: false,
      customerInHurry: false,
      ...reply.heard,
    };
    visited.push(nextStageId(persona, visited[visited.length - 1] ?? persona.start, makeGrade(reply), index + 1, heard));
  });
  return visited;
}

const calm = { composure: 4, empathy: 3 } as const;
const warm = { composure: 4, empathy: 5 } as const;
const rude = { composure: 1, empathy: 1 } as const;

describe('frustrated', () => {
  const persona = catalog.require('frustrated');

  it('calms down when heard, and takes the next concrete step as the solution', () => {
    expect(play(persona, [warm, { ...calm, solution: true }])).toEqual(['opening', 'heard', 'resolved']);
  });

  it('only calms down at a first concrete step while still angry, and settles at the second', () => {
    expect(
      play(persona, [
        { ...calm, solution: true },
        { ...calm, solution: true },
      ]),
    ).toEqual(['opening', 'calming', 'resolved']);
  });

  it('escalates when the trainee sets a boundary against legitimate venting', () => {
    expect(play(persona, [{ ...calm, verdict: 'unnecessary' }])).toEqual(['opening', 'escalated']);
  });

  it('escalates on a dismissive reply and hangs up on a second defensive one', () => {
    expect(
      play(persona, [
        { composure: 3, empathy: 2 },
        { composure: 2, empathy: 2 },
      ]),
    ).toEqual(['opening', 'escalated', 'hung_up']);
  });
});

describe('grieving', () => {
  const persona = catalog.require('grieving');

  it('hangs up first, then opens up to patient empathy and reveals the diagnosis', () => {
    const visited = play(persona, [calm, warm, warm, warm, { ...warm, solution: true }]);
    expect(visited).toEqual(['opening', 'callback', 'thawing', 'reveal', 'wishes', 'resolved']);
    expect(persona.stages.callback?.narration?.en).toMatch(/hung up/);
    expect(persona.stages.reveal?.reveals).toBe(true);
    expect(persona.stages.thawing?.reveals).toBe(false);
  });

  it('hangs up for good when the second call pushes the product or a decision, not on a calm offer to call again', () => {
    const push = { composure: 4, empathy: 2, solution: true, heard: { griefMisstep: true } };
    expect(play(persona, [calm, push])).toEqual(['opening', 'callback', 'hung_up']);
    // "I'll call again on Monday at ten": a step, no business (reaction guide, rule 9, not rule 2)
    expect(play(persona, [calm, { composure: 4, empathy: 2, solution: true }])).toEqual(['opening', 'callback', 'callback']);
    // a reproach is not composed by the guide, whatever its tone
    expect(play(persona, [calm, { composure: 5, empathy: 1, heard: { acts: ['blames'] } }])).toEqual(['opening', 'callback', 'hung_up']);
  });

  it('stays guarded on a merely polite second call', () => {
    expect(play(persona, [calm, calm, calm])).toEqual(['opening', 'callback', 'callback', 'callback']);
  });

  it('gives one curt answer on the second call another chance, but not two; calm ones keep her guarded', () => {
    const curt = { composure: 3, empathy: 1 };
    expect(play(persona, [calm, curt, warm])).toEqual(['opening', 'callback', 'callback', 'thawing']);
    expect(play(persona, [calm, curt, curt])).toEqual(['opening', 'callback', 'callback', 'hung_up']);
    const cold = { composure: 5, empathy: 1 };
    expect(play(persona, [calm, cold, cold, cold])).toEqual(['opening', 'callback', 'callback', 'callback', 'callback']);
  });

  it('hangs up when her first hint of what happened is met with a push towards business', () => {
    expect(play(persona, [calm, warm, { composure: 4, empathy: 2, solution: true, heard: { griefMisstep: true } }])).toEqual([
      'opening',
      'callback',
      'thawing',
      'hung_up',
    ]);
  });

  it('once she has calmed, accepts a calm concrete step at her pace; a plain factual answer keeps her where she is', () => {
    // she has told nothing yet, so her thanks cannot be for listening to it
    expect(play(persona, [calm, warm, { composure: 5, empathy: 3, solution: true }])).toEqual(['opening', 'callback', 'thawing', 'settled']);
    expect(persona.stages.settled?.end).toBe('resolved');
    expect(persona.stages.settled?.reveals).toBe(false);
    expect(persona.stages.settled?.lines.en.join(' ')).not.toMatch(/tell|told|daughter|cancer/i);
    expect(play(persona, [calm, warm, { composure: 5, empathy: 1 }])).toEqual(['opening', 'callback', 'thawing', 'thawing']);
  });
});

describe('insulting', () => {
  const persona = catalog.require('insulting');

  it('keeps insulting while the insult is swallowed', () => {
    expect(
      play(persona, [
        { ...calm, verdict: 'missing' },
        { ...calm, verdict: 'missing' },
      ]),
    ).toEqual(['opening', 'opening', 'opening']);
  });

  it('comes round to the matter when the insult is let pass but a calm first step or his situation is named', () => {
    expect(play(persona, [{ composure: 4, empathy: 2, verdict: 'missing', solution: true }])).toEqual(['opening', 'factual']);
    expect(play(persona, [{ composure: 5, empathy: 4, verdict: 'missing' }])).toEqual(['opening', 'factual']);
    // a merely polite reply, or a step said stiffly, leaves him where he was
    expect(play(persona, [{ composure: 3, empathy: 2, verdict: 'missing', solution: true }])).toEqual(['opening', 'opening']);
  });

  it('turns factual after a calm boundary and resolves with a concrete step', () => {
    expect(
      play(persona, [
        { ...calm, verdict: 'set_well' },
        { ...calm, solution: true },
      ]),
    ).toEqual(['opening', 'factual', 'resolved']);
  });

  it('counts a boundary as set even when the grader did not see the insult it answers', () => {
    expect(play(persona, [{ ...calm, verdict: 'unnecessary' }])).toEqual(['opening', 'factual']);
  });

  it('escalates on retaliation and relapses into insults when lectured after the warning', () => {
    expect(play(persona, [{ composure: 2, empathy: 2, verdict: 'too_harsh' }])).toEqual(['opening', 'escalated']);
    expect(
      play(persona, [
        { ...calm, verdict: 'set_well' },
        { ...calm, verdict: 'unnecessary' },
      ]),
    ).toEqual(['opening', 'factual', 'relapse']);
  });
});

describe('impatient-caller', () => {
  const persona = catalog.require('impatient-caller');

  it('resolves when the trainee leads with a concrete answer twice', () => {
    expect(
      play(persona, [
        { ...calm, solution: true },
        { ...calm, solution: true },
      ]),
    ).toEqual(['opening', 'narrowing', 'resolved']);
  });

  it('interrupts a long reply without an answer, however warm, and hangs up after two irritated ones', () => {
    expect(play(persona, [{ ...warm, heard: { words: 60 } }, rude, rude])).toEqual(['opening', 'interrupting', 'escalated', 'hung_up']);
  });

  it('asks again after a short reply without the answer, and moves on when he is told how', () => {
    expect(play(persona, [calm, { ...calm, heard: { newFacts: ['how_to_raise'] } }])).toEqual(['opening', 'opening', 'narrowing']);
  });

  it('calms down at a short reply that shows it heard his hurry, but not at a long one', () => {
    expect(play(persona, [warm])).toEqual(['opening', 'narrowing']);
    expect(play(persona, [{ ...warm, heard: { words: 40 } }])).toEqual(['opening', 'interrupting']);
  });

  it('keeps pressing for certainty until he gets a concrete commitment', () => {
    expect(play(persona, [{ ...calm, solution: true }, warm, { ...calm, solution: true }])).toEqual(['opening', 'narrowing', 'narrowing', 'resolved']);
  });
});

describe('unusual-request', () => {
  const persona = catalog.require('unusual-request');

  it('tells her reason to a warm question and is delighted by what is possible', () => {
    expect(play(persona, [warm, { ...warm, solution: true }])).toEqual(['opening', 'explains', 'resolved']);
    // a first offer before she has said why is a counter-offer she weighs
    expect(
      play(persona, [
        { ...calm, solution: true },
        { ...calm, solution: true },
      ]),
    ).toEqual(['opening', 'counter_offer', 'resolved']);
  });

  it('tells her reason when asked what lies behind the wish, though the question came with only generic warmth', () => {
    // "What a lovely idea. May I ask what's behind it?" (empathy 3) had been answered with her next wish
    expect(play(persona, [{ ...calm, heard: { acts: ['asks_open'] } }])).toEqual(['opening', 'explains']);
    expect(play(persona, [{ composure: 2, empathy: 1, heard: { acts: ['asks_open'] } }])).toEqual(['opening', 'offended']);
  });

  it('feels a nuisance at a flat no and leaves when it stays cold', () => {
    expect(
      play(persona, [
        { composure: 3, empathy: 2 },
        { composure: 3, empathy: 1 },
      ]),
    ).toEqual(['opening', 'offended', 'left']);
  });
});

describe('drifting-client', () => {
  const persona = catalog.require('drifting-client');

  it('warms up when the trainee proposes a call with empathy, and agrees to a regular exchange', () => {
    expect(play(persona, [{ ...calm, solution: true }, warm, { ...calm, solution: true }])).toEqual(['opening', 'tentative', 'opening_up', 'resolved']);
    expect(persona.stages.opening_up?.reveals).toBe(true);
  });

  it('turns colder when misunderstandings are only answered factually, round after round', () => {
    const factual = { composure: 4, empathy: 2 };
    expect(play(persona, [factual, factual, factual])).toEqual(['opening', 'opening', 'opening', 'cold']);
  });

  it('copies in management on a defensive reply and breaks off on a second one', () => {
    expect(
      play(persona, [
        { composure: 2, empathy: 3 },
        { composure: 2, empathy: 3 },
      ]),
    ).toEqual(['opening', 'cold', 'lost']);
  });
});
