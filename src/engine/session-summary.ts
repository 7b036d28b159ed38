import { boundaryCounts, boundaryVerdictScore, isBoundaryCorrect, overallScore } from '../evaluation/grade.js';
import type { AdviceKey } from '../evaluation/feedback-text/feedback-text-types.js';
import type { Advise } from './advice.js';
import type { ExchangeRef, SessionSummary } from './engine-types.js';
import type { Session } from './session.js';

export type Criterion = 'composure' | 'empathy' | 'boundary';

/** Every criterion's session mean at least this (boundary as its verdict score): nothing is weak. */
const STRONG_SESSION = 4.5;

/** Summarises a session; `advise` words the "practise next" line for the weakest criterion. */
export function summarizeSession(session: Session, advise: Advise): SessionSummary {
  const exchanges = session.exchanges;
  const done = [...new Set(exchanges.flatMap((exchange) => exchange.grade.signals.acts ?? []))];
  const subject = { personaId: session.personaId, sessionId: session.id, done };
  const lineText = new Map(session.lines.map((line) => [line.n, line.text]));
  const scored = exchanges.map((exchange) => ({ exchange, overall: overallScore(exchange.grade) }));
  const ref = (entry: (typeof scored)[number] | undefined): ExchangeRef | null =>
    entry
      ? {
          lineN: entry.exchange.lineN,
          attempt: entry.exchange.attempt,
          reply: entry.exchange.reply,
          customer: lineText.get(entry.exchange.lineN) ?? '',
          score: entry.overall,
        }
      : null;

  if (scored.length === 0) {
    return {
      sessionId: session.id,
      personaId: session.personaId,
      lang: session.lang,
      outcome: session.outcome,
      exchanges: 0,
      averages: null,
      scores: [],
      best: null,
      weakest: null,
      practiseNext: advise(session.lang, 'empathy', subject),
    };
  }

  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const averages = {
    composure: mean(exchanges.map((exchange) => exchange.grade.composure.score)),
    empathy: mean(exchanges.map((exchange) => exchange.grade.empathy.score)),
    boundaryCorrect: mean(exchanges.map((exchange) => (isBoundaryCorrect(exchange.grade.boundary.verdict) ? 1 : 0))),
    overall: mean(scored.map((entry) => entry.overall)),
  };
  // Equal overall scores are told apart by empathy, then by how far the reply moved the matter (a
  // step, else the information): a preamble must not rank beside the answer it delays, nor a
  // refusal that explains itself beside the offer that meets the wish. Full ties go
  // to the earlier exchange for the best and to the later one for the weakest.
  let best = scored[0];
  let weakest = scored[0];
  for (const entry of scored) {
    if (best && ranking(entry, best) > 0) best = entry;
    if (weakest && ranking(entry, weakest) <= 0) weakest = entry;
  }
  // The boundary is a criterion only where it was at stake (see overallScore).
  const atStake = exchanges.filter((exchange) => boundaryCounts(exchange.grade));
  const criteria: Array<[Criterion, number]> = [
    ...(atStake.length > 0
      ? [['boundary', mean(atStake.map((exchange) => boundaryVerdictScore(exchange.grade.boundary.verdict)))] as [Criterion, number]]
      : []),
    ['empathy', averages.empathy],
    ['composure', averages.composure],
  ];
  const [weakestCriterion, lowest] = criteria.reduce((low, entry) => (entry[1] < low[1] ? entry : low));
  // A session strong on every criterion gets the next challenge rather than a weakness.
  const adviceKey: AdviceKey = lowest >= STRONG_SESSION ? 'strong' : weakestCriterion === 'empathy' ? empathyAdvice(exchanges) : weakestCriterion;

  return {
    sessionId: session.id,
    personaId: session.personaId,
    lang: session.lang,
    outcome: session.outcome,
    exchanges: exchanges.length,
    averages,
    scores: scored.map((entry) => ({ lineN: entry.exchange.lineN, attempt: entry.exchange.attempt, overall: entry.overall })),
    best: ref(best),
    // With every reply scored alike there is no weakest one to point at.
    weakest: weakest && best && weakest.overall < best.overall ? ref(weakest) : null,
    practiseNext: advise(session.lang, adviceKey, subject),
  };
}

/**
 * What to practise when empathy was the weakest criterion, by how far the session already got: not
 * the beginner's advice to acknowledge at all where every reply did.
 */
function empathyAdvice(all: Session['exchanges']): AdviceKey {
  // A reply that set a needed limit answered an insult: naming it calmly was its job, not empathy
  // (Mr Kessler's trainee, warm in the reply that solved, had been told to carry warmth into it).
  const answered = all.filter((exchange) => exchange.grade.boundary.verdict !== 'set_well');
  const exchanges = answered.length > 0 ? answered : all;
  const scores = exchanges.map((exchange) => exchange.grade.empathy.score);
  // Shown specifically and not carried into a reply that solved: advised as that, not as if never
  // shown. A justification that gave information while losing composure solved nothing.
  const solvedWithout = exchanges.some((exchange) => exchange.grade.empathy.score <= 3 && exchange.grade.composure.score >= 3 && movesMatter(exchange) > 0);
  const carried = exchanges.some((exchange) => exchange.grade.empathy.score >= 4 && movesMatter(exchange) > 0);
  if (scores.some((score) => score >= 4) && solvedWithout && !carried) return 'empathy_kept';
  // specific in every reply (4), short of 5: the next step is warmth or an open question, not naming
  if (scores.every((score) => score >= 4)) return 'empathy_deepen';
  // at least generic in every reply (Mr Petersen's trainee, who had said „Verstanden, es eilt" each
  // time, had been told to show he heard the hurry): the next step is to be specific
  if (scores.every((score) => score >= 3)) return 'empathy_specific';
  return 'empathy';
}

interface Ranked {
  exchange: Session['exchanges'][number];
  overall: number;
}

/** Positive when `a` is the stronger reply: overall score, then empathy, then moving the matter. */
function ranking(a: Ranked, b: Ranked): number {
  return a.overall - b.overall || a.exchange.grade.empathy.score - b.exchange.grade.empathy.score || movesMatter(a.exchange) - movesMatter(b.exchange);
}

/** How far the reply moved the matter: a step offered (2) beats information alone (1), which beats neither. */
function movesMatter(exchange: Ranked['exchange']): number {
  const { signals } = exchange.grade;
  if (signals.offersSolution || signals.acts?.includes('offers_step') === true) return 2;
  return signals.acts?.includes('gives_info') === true ? 1 : 0;
}
