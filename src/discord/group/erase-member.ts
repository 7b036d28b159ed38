import type { GroupRecord } from './group-record.js';

/** What stands where an erased trainer's name was (the record keeps who ran the group only as this). */
export const ERASED_NAME = '–';

/** One answer of a relay, by line and attempt in the relay's engine session. */
export interface RelayAnswerRef {
  lineN: number;
  attempt: number;
}

interface MemberErasure {
  record: GroupRecord;
  /** the relay answers that were the member's: the caller removes these exchanges from the relay's session */
  relayAnswers: RelayAnswerRef[];
  /** the member's place in the group as it was (null when they had not joined), e.g. to close their thread */
  participant: GroupRecord['participants'][number] | null;
  changed: boolean;
}

/** Whether the record still holds anything of the member: a place, an answer, a relay turn or their name as trainer. */
export function involvesMember(record: GroupRecord, userId: string): boolean {
  return (
    record.trainerId === userId ||
    record.participants.some((participant) => participant.userId === userId) ||
    (record.scenario?.rounds.some((round) => round.expected.includes(userId) || round.answers.some((answer) => answer.userId === userId)) ?? false) ||
    (record.relay !== null && (record.relay.answering === userId || record.relay.turns.some((turn) => turn.userId === userId)))
  );
}

/**
 * Takes a member out of a group record, running or ended: their place among the participants,
 * their shared-scenario answers with grades (and their place in each round's expected answers),
 * their relay turns, and their id and name as the group's trainer. Everyone else's entries stay as
 * they were, so the group goes on (a relay passes the turn to whoever was next) and the other
 * results still add up. Nothing of the member is left behind, not even their user id.
 */
export function eraseMember(record: GroupRecord, userId: string): MemberErasure {
  if (!involvesMember(record, userId)) return { record, relayAnswers: [], participant: null, changed: false };
  const leaving = record.participants.findIndex((participant) => participant.userId === userId);
  const participants = record.participants.filter((participant) => participant.userId !== userId);
  const scenario = record.scenario && {
    ...record.scenario,
    rounds: record.scenario.rounds.map((round) => ({
      ...round,
      expected: round.expected.filter((id) => id !== userId),
      answers: round.answers.filter((answer) => answer.userId !== userId),
    })),
  };
  const relayAnswers: RelayAnswerRef[] = [];
  let relay = record.relay;
  if (relay) {
    for (const turn of relay.turns) if (turn.userId === userId) relayAnswers.push({ lineN: turn.lineN, attempt: turn.attempt });
    relay = {
      ...relay,
      turns: relay.turns.filter((turn) => turn.userId !== userId),
      answering: relay.answering === userId ? null : relay.answering,
      turnIndex: leaving === -1 ? relay.turnIndex : turnAfterLeaving(relay.turnIndex, leaving, record.participants.length),
    };
  }
  const trainer = record.trainerId === userId ? { trainerId: '', trainerName: ERASED_NAME } : {};
  return {
    record: { ...record, ...trainer, participants, scenario, relay },
    relayAnswers,
    participant: record.participants[leaving] ?? null,
    changed: true,
  };
}

/**
 * The turn index once the participant at `leaving` is gone: whoever's turn it was keeps it; when it
 * was the leaver's, it passes to the next in joining order.
 */
export function turnAfterLeaving(turnIndex: number, leaving: number, count: number): number {
  const remaining = count - 1;
  if (remaining <= 0) return 0;
  const current = turnIndex % count;
  if (leaving < current) return current - 1;
  if (leaving === current) return current % remaining;
  return current;
}
