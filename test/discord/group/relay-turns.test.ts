import { describe, expect, it } from 'vitest';
import type { Participant, RelayState } from '../../../src/discord/group/group-record.js';
import { advanceTurn, currentTrainee, relayRefusal } from '../../../src/discord/group/relay-turns.js';

const people = (...names: string[]): Participant[] =>
  names.map((name) => ({ userId: name.toLowerCase(), name, threadId: null, sessionId: null, joinedAt: '2026-01-01T00:00:00Z' }));

const relay = (overrides: Partial<RelayState> = {}): RelayState => ({
  sessionId: 's1',
  turnIndex: 0,
  turns: [],
  started: true,
  finished: false,
  answering: null,
  ...overrides,
});

describe('relay turns', () => {
  it('goes round in joining order and starts again from the first', () => {
    const participants = people('Ada', 'Ben', 'Cem');
    let state = relay();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      order.push(currentTrainee(participants, state)?.name ?? '?');
      state = advanceTurn(state, participants.length);
    }
    expect(order).toEqual(['Ada', 'Ben', 'Cem', 'Ada', 'Ben', 'Cem', 'Ada']);
  });

  it('takes a late joiner into the rotation after those already in it', () => {
    const participants = people('Ada', 'Ben');
    let state = advanceTurn(relay(), participants.length); // Ben's turn
    participants.push(...people('Cem'));
    state = advanceTurn(state, participants.length);
    expect(currentTrainee(participants, state)?.name).toBe('Cem');
  });

  it('accepts only the trainee whose turn it is, and only once the relay runs and nobody is being graded', () => {
    const participants = people('Ada', 'Ben');
    expect(relayRefusal(participants, relay(), 'ada')).toBeNull();
    expect(relayRefusal(participants, relay(), 'ben')).toBe('not_your_turn');
    expect(relayRefusal(participants, relay(), 'stranger')).toBe('not_your_turn');
    expect(relayRefusal(participants, relay({ answering: 'ada' }), 'ada')).toBe('busy');
    expect(relayRefusal(participants, relay({ started: false, sessionId: null }), 'ada')).toBe('not_started');
    expect(relayRefusal(participants, relay({ finished: true }), 'ada')).toBe('finished');
  });

  it('clears the answering mark when the turn moves on', () => {
    expect(advanceTurn(relay({ answering: 'ada' }), 2)).toMatchObject({ turnIndex: 1, answering: null });
    expect(currentTrainee([], relay())).toBeUndefined();
  });
});
