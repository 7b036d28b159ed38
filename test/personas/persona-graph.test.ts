import { describe, expect, it } from 'vitest';
import { findStageGraphProblems } from '../../src/personas/persona-graph.js';
import { PersonaSchema } from '../../src/personas/persona-schema.js';
import { validPersonaData } from './persona-fixtures.js';

function personaWith(stages: Record<string, unknown>) {
  const data = validPersonaData('graph');
  return PersonaSchema.parse({ ...data, stages: { ...data.stages, ...stages } });
}

const text = { de: 'x (de)', en: 'x' };
const stage = (transitions: Array<{ when: object; to: string }>) => ({ lines: { de: ['a'], en: ['a'] }, hint: text, transitions });

describe('findStageGraphProblems', () => {
  it('finds nothing in a script where every stage is reachable and can end', () => {
    expect(findStageGraphProblems(personaWith({}))).toEqual([]);
  });

  it('reports a stage no transition leads to', () => {
    const persona = personaWith({ orphan: stage([{ when: {}, to: 'resolved' }]) });
    expect(findStageGraphProblems(persona)).toEqual([{ path: 'stages.orphan', message: 'cannot be reached from the start stage "opening"' }]);
  });

  it('reports stages that loop among themselves without a way to an end', () => {
    const persona = personaWith({
      opening: stage([
        { when: { offersSolution: true }, to: 'resolved' },
        { when: { composure: { max: 2 } }, to: 'ping' },
        { when: { empathy: { max: 2 } }, to: 'hung_up' },
      ]),
      ping: stage([{ when: {}, to: 'pong' }]),
      pong: stage([{ when: {}, to: 'ping' }]),
    });
    expect(findStageGraphProblems(persona).map((problem) => problem.path)).toEqual(['stages.ping', 'stages.pong']);
  });

  it('counts an end reachable only through other stages as reachable', () => {
    const persona = personaWith({
      opening: stage([{ when: {}, to: 'middle' }]),
      middle: stage([
        { when: { offersSolution: true }, to: 'resolved' },
        { when: {}, to: 'hung_up' },
      ]),
    });
    expect(findStageGraphProblems(persona)).toEqual([]);
  });

  it('rejects a transition to an inherited object name the schema lookup lets through', () => {
    const persona = personaWith({
      opening: stage([
        { when: {}, to: 'constructor' },
        { when: {}, to: 'resolved' },
      ]),
    });
    expect(findStageGraphProblems(persona)).toContainEqual({
      path: 'stages.opening.transitions[0].to',
      message: 'names no stage "constructor"',
    });
  });
});
