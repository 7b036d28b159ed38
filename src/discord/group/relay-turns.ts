import type { Participant, RelayState } from './group-record.js';

/** The trainee whose turn it is: participants take turns in joining order, late joiners at the end. */
export function currentTrainee(participants: readonly Participant[], relay: RelayState): Participant | undefined {
  if (participants.length === 0) return undefined;
  return participants[relay.turnIndex % participants.length];
}

/** Why a relay message is not taken as an answer; `null` when it is. */
type RelayRefusal = 'not_started' | 'finished' | 'not_your_turn' | 'busy' | null;

export function relayRefusal(participants: readonly Participant[], relay: RelayState, userId: string): RelayRefusal {
  if (relay.finished) return 'finished';
  if (!relay.started || !relay.sessionId) return 'not_started';
  if (relay.answering !== null) return 'busy';
  return currentTrainee(participants, relay)?.userId === userId ? null : 'not_your_turn';
}

/** The next trainee's turn (after an answer or a skip). */
export function advanceTurn(relay: RelayState, participantCount: number): RelayState {
  const next = participantCount === 0 ? 0 : (relay.turnIndex + 1) % participantCount;
  return { ...relay, turnIndex: next, answering: null };
}
