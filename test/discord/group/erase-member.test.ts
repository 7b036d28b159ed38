import { describe, expect, it } from 'vitest';
import { eraseMember, ERASED_NAME, involvesMember, turnAfterLeaving } from '../../../src/discord/group/erase-member.js';
import { GroupRecordSchema, type GroupRecord, type GroupRecordInput } from '../../../src/discord/group/group-record.js';
import { currentTrainee } from '../../../src/discord/group/relay-turns.js';
import { grade as scoredGrade } from '../../reports/report-fixtures.js';

const at = '2026-11-01T10:00:00.000Z';

function record(input: Partial<GroupRecordInput>): GroupRecord {
  return GroupRecordSchema.parse({
    id: 'grp',
    schemaVersion: 1,
    guildId: 'g1',
    channelId: 'c1',
    personaId: 'frustrated',
    lang: 'en',
    intensity: 'standard',
    trainerId: 'tess',
    trainerName: 'Tess Trainer',
    mode: 'scenario',
    status: 'open',
    startedAt: at,
    participants: ['anna', 'ben', 'cem'].map((userId) => ({
      userId,
      name: `${userId} Example`,
      threadId: `thread-${userId}`,
      sessionId: `s-${userId}`,
      joinedAt: at,
    })),
    ...input,
  } satisfies GroupRecordInput);
}

const grade = scoredGrade({ composure: 4, empathy: 4 });

describe('eraseMember', () => {
  it('takes a member out of a shared scenario: place, answers with grades, expected answers; the others stay', () => {
    const before = record({
      scenario: {
        stage: 'angry',
        rounds: [
          {
            n: 1,
            stage: 'opening',
            line: 'Line one',
            openedAt: at,
            closesAt: at,
            closedAt: at,
            expected: ['anna', 'ben', 'cem'],
            answers: [
              { userId: 'anna', text: 'Anna private answer', at, grade, nextStage: 'angry' },
              { userId: 'ben', text: 'Ben answer', at, grade, nextStage: 'angry' },
            ],
          },
          {
            n: 2,
            stage: 'angry',
            line: 'Line two',
            openedAt: at,
            closesAt: at,
            expected: ['anna', 'ben'],
            answers: [{ userId: 'anna', text: 'Anna second', at }],
          },
        ],
      },
    });
    const erased = eraseMember(before, 'anna');
    expect(erased.changed).toBe(true);
    expect(erased.participant?.threadId).toBe('thread-anna');
    const text = JSON.stringify(erased.record);
    expect(text).not.toContain('anna');
    expect(text).toContain('Ben answer');
    expect(erased.record.participants.map((p) => p.userId)).toEqual(['ben', 'cem']);
    expect(erased.record.scenario?.rounds.map((round) => round.expected)).toEqual([['ben', 'cem'], ['ben']]);
    expect(erased.record.trainerName).toBe('Tess Trainer');
    expect(involvesMember(erased.record, 'anna')).toBe(false);
    // A second erasure finds nothing left.
    expect(eraseMember(erased.record, 'anna').changed).toBe(false);
  });

  it('takes a member out of a relay: their turns are reported for the relay session, the turn passes to whoever was next', () => {
    const before = record({
      mode: 'relay',
      scenario: null,
      relay: {
        sessionId: 'relay-session',
        started: true,
        turnIndex: 4, // ben's turn (4 % 3 = 1)
        answering: null,
        turns: [
          { userId: 'anna', lineN: 0, attempt: 1, score: 3, at },
          { userId: 'ben', lineN: 1, attempt: 1, score: 4, at },
          { userId: 'cem', lineN: 2, attempt: 1, score: 2, at },
          { userId: 'anna', lineN: 3, attempt: 1, score: 5, at },
        ],
      },
    });
    expect(currentTrainee(before.participants, before.relay!)?.userId).toBe('ben');
    const anna = eraseMember(before, 'anna');
    expect(anna.relayAnswers).toEqual([
      { lineN: 0, attempt: 1 },
      { lineN: 3, attempt: 1 },
    ]);
    expect(anna.record.relay?.turns.map((turn) => turn.userId)).toEqual(['ben', 'cem']);
    expect(currentTrainee(anna.record.participants, anna.record.relay!)?.userId).toBe('ben');

    const ben = eraseMember(before, 'ben');
    expect(currentTrainee(ben.record.participants, ben.record.relay!)?.userId).toBe('cem');
  });

  it('a member whose relay answer was being graded is no longer the one answering', () => {
    const before = record({ mode: 'relay', scenario: null, relay: { sessionId: 'relay-session', started: true, turnIndex: 0, answering: 'anna', turns: [] } });
    const erased = eraseMember(before, 'anna');
    expect(erased.record.relay?.answering).toBeNull();
  });

  it('erases the trainer’s id and name when the trainer asks, and leaves everyone’s practice alone', () => {
    const erased = eraseMember(record({}), 'tess');
    expect(erased.record.trainerId).toBe('');
    expect(erased.record.trainerName).toBe(ERASED_NAME);
    expect(erased.record.participants).toHaveLength(3);
    expect(erased.participant).toBeNull();
  });

  it('leaves a record without the member unchanged', () => {
    const before = record({});
    const erased = eraseMember(before, 'zoe');
    expect(erased).toMatchObject({ changed: false, relayAnswers: [], participant: null });
    expect(erased.record).toBe(before);
  });
});

describe('turnAfterLeaving', () => {
  it('keeps the turn with whoever had it and passes the leaver’s turn to the next in line', () => {
    // participants a b c d, c's turn (index 2)
    expect(turnAfterLeaving(2, 0, 4)).toBe(1); // a leaves: c is now index 1
    expect(turnAfterLeaving(2, 2, 4)).toBe(2); // c leaves: d moves into index 2
    expect(turnAfterLeaving(2, 3, 4)).toBe(2); // d leaves: still c
    expect(turnAfterLeaving(3, 3, 4)).toBe(0); // d leaves on their turn: back to a
    expect(turnAfterLeaving(0, 0, 1)).toBe(0); // the last one leaves
  });
});
