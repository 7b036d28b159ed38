import { describe, expect, it } from 'vitest';
import type { ScenarioAnswer, ScenarioRound } from '../../../src/discord/group/group-record.js';
import { answerRefusal, majorityStage, roundComplete, sharedLine } from '../../../src/discord/group/scenario-round.js';
import { makeGrade } from '../../support/scripted-grader.js';
import { testPersona } from '../../support/test-persona.js';

const round = (overrides: Partial<ScenarioRound> = {}): ScenarioRound => ({
  n: 1,
  stage: 'opening',
  line: 'Opening A',
  openedAt: '2026-01-01T10:00:00Z',
  closesAt: '2026-01-01T10:03:00Z',
  closedAt: null,
  expected: ['ada', 'ben', 'cem'],
  answers: [],
  boardMessageId: null,
  ...overrides,
});

const answer = (userId: string, nextStage: string | null, empathy = 3, graded = true): ScenarioAnswer => ({
  userId,
  text: `answer of ${userId}`,
  at: '2026-01-01T10:01:00Z',
  grade: graded ? makeGrade({ empathy }) : null,
  nextStage,
});

describe('shared scenario rounds', () => {
  it('takes the same first unheard variant of the stage for everyone, in the group language and intensity', () => {
    const persona = testPersona();
    expect(sharedLine(persona, 'opening', 'en', 'standard', [])).toEqual({ text: 'Opening A', narration: undefined });
    expect(sharedLine(persona, 'opening', 'en', 'standard', ['Opening A']).text).toBe('Opening B');
    expect(sharedLine(persona, 'opening', 'de', 'standard', []).text).toBe('Opening A (de)');
    expect(sharedLine(persona, 'opening', 'en', 'harsh', []).text).toBe('HARSH opening');
    expect(sharedLine(persona, 'softer', 'de', 'standard', [])).toEqual({ text: 'Softer A (de)', narration: 'She sighs. (de)' });
  });

  it('cycles through the variants once all were heard instead of failing', () => {
    const persona = testPersona();
    const heard = ['Opening A', 'Opening B', 'Opening C'];
    expect(['Opening A', 'Opening B', 'Opening C']).toContain(sharedLine(persona, 'opening', 'en', 'standard', heard).text);
  });

  it('counts only the first answer of someone who was there when the round opened', () => {
    expect(answerRefusal(round(), 'ada')).toBeNull();
    expect(answerRefusal(round({ answers: [answer('ada', 'opening')] }), 'ada')).toBe('already');
    expect(answerRefusal(round(), 'late-joiner')).toBe('not_expected');
    expect(answerRefusal(round({ closedAt: '2026-01-01T10:02:00Z' }), 'ada')).toBe('closed');
    expect(answerRefusal(undefined, 'ada')).toBe('closed');
    expect(answerRefusal(round({ closedAt: '2026-01-01T10:02:00Z', answers: [answer('ada', 'opening')] }), 'ada')).toBe('already');
  });

  it('is complete only when everyone expected has a graded answer', () => {
    expect(roundComplete(round())).toBe(false);
    expect(roundComplete(round({ answers: [answer('ada', 'x'), answer('ben', 'x')] }))).toBe(false);
    expect(roundComplete(round({ answers: [answer('ada', 'x'), answer('ben', 'x'), answer('cem', null, 3, false)] }))).toBe(false);
    expect(roundComplete(round({ answers: [answer('ada', 'x'), answer('ben', 'x'), answer('cem', 'x')] }))).toBe(true);
  });

  it('moves the shared customer to the stage most answers led to', () => {
    const answers = [answer('ada', 'softer', 5), answer('ben', 'angry', 1), answer('cem', 'softer', 4)];
    expect(majorityStage(answers, 'opening')).toBe('softer');
  });

  it('breaks a tie by the higher mean score, then by who answered first', () => {
    expect(majorityStage([answer('ada', 'angry', 2), answer('ben', 'softer', 5)], 'opening')).toBe('softer');
    expect(majorityStage([answer('ada', 'angry', 3), answer('ben', 'softer', 3)], 'opening')).toBe('angry');
  });

  it('stays in the current stage when no answer was graded', () => {
    expect(majorityStage([], 'opening')).toBe('opening');
    expect(majorityStage([answer('ada', 'softer', 5, false)], 'opening')).toBe('opening');
  });
});
