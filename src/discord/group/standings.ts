import type { SessionSummary } from '../../engine/engine-types.js';
import { overallScore } from '../../evaluation/grade.js';
import type { Session } from '../../engine/session.js';
import type { Participant, RelayTurn } from './group-record.js';
import type { Moment, Standing } from './ranking.js';

/** A trainee's standing from their own engine session (individual threads and shared scenario). */
export function standingFromSummary(participant: Participant, summary: SessionSummary | undefined): Standing {
  const moment = (ref: SessionSummary['best']): Moment | null => (ref ? { customer: ref.customer, reply: ref.reply, score: ref.score } : null);
  return {
    userId: participant.userId,
    name: participant.name,
    average: summary?.averages?.overall ?? null,
    replies: summary?.exchanges ?? 0,
    strongest: summary ? moment(summary.best) : null,
    weakest: summary ? moment(summary.weakest) : null,
  };
}

/**
 * Standings of a relay: all answers live in the relay's one engine session, so each trainee's
 * turns are looked up there by line and attempt. Ties go to the earlier answer for the strongest
 * moment and to the later one for the weakest, as in a solo summary.
 */
export function relayStandings(participants: readonly Participant[], turns: readonly RelayTurn[], session: Session | undefined): Standing[] {
  const lineText = new Map((session?.lines ?? []).map((line) => [line.n, line.text]));
  return participants.map((participant) => {
    const moments: Moment[] = [];
    for (const turn of turns) {
      if (turn.userId !== participant.userId) continue;
      const exchange = session?.exchanges.find((candidate) => candidate.lineN === turn.lineN && candidate.attempt === turn.attempt);
      moments.push({
        customer: lineText.get(turn.lineN) ?? '',
        reply: exchange?.reply ?? '',
        score: exchange ? overallScore(exchange.grade) : turn.score,
      });
    }
    let strongest: Moment | null = null;
    let weakest: Moment | null = null;
    for (const moment of moments) {
      if (!strongest || moment.score > strongest.score) strongest = moment;
      if (!weakest || moment.score <= weakest.score) weakest = moment;
    }
    return {
      userId: participant.userId,
      name: participant.name,
      average: moments.length === 0 ? null : moments.reduce((sum, moment) => sum + moment.score, 0) / moments.length,
      replies: moments.length,
      strongest,
      weakest: moments.length > 1 ? weakest : null,
    };
  });
}
