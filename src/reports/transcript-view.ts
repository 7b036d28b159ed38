import { overallScore } from '../evaluation/grade.js';
import type { CustomerLine, Exchange, Session } from '../engine/session.js';

interface TranscriptAttempt {
  exchange: Exchange;
  overall: number;
  /** the customer's answer to this attempt, withdrawn because the trainee retried the line */
  retractedAnswer: CustomerLine | null;
}

/** One customer line with every attempt at answering it, in the order they happened. */
interface TranscriptEntry {
  line: CustomerLine;
  attempts: TranscriptAttempt[];
}

/**
 * The transcript as a reader follows it: the lines still in the conversation, each with all its
 * attempts side by side. A retracted line (the customer's answer to an attempt that was retried)
 * hangs under the attempt it answered: the last reply given before it.
 */
export function transcriptEntries(session: Session): TranscriptEntry[] {
  const attemptsByLine = new Map<number, TranscriptAttempt[]>();
  for (const exchange of session.exchanges) {
    const list = attemptsByLine.get(exchange.lineN) ?? [];
    list.push({ exchange, overall: overallScore(exchange.grade), retractedAnswer: null });
    attemptsByLine.set(exchange.lineN, list);
  }
  for (const list of attemptsByLine.values()) list.sort((a, b) => a.exchange.attempt - b.exchange.attempt);

  const entries: TranscriptEntry[] = [];
  let current: TranscriptEntry | undefined;
  let withdrawn = 0;
  for (const line of session.lines) {
    if (line.retracted) {
      // The i-th withdrawn line after a customer line answered that line's i-th attempt.
      const attempt = current?.attempts[withdrawn];
      withdrawn += 1;
      if (attempt && attempt !== current?.attempts.at(-1)) attempt.retractedAnswer = line;
      else entries.push({ line, attempts: [] });
      continue;
    }
    current = { line, attempts: attemptsByLine.get(line.n) ?? [] };
    withdrawn = 0;
    entries.push(current);
  }
  return entries;
}

/** Customer lines count from 1 for readers; a retry adds its attempt: "3", then "3/2". */
export function exchangeLabel(exchange: Pick<Exchange, 'lineN' | 'attempt'>): string {
  return exchange.attempt > 1 ? `${exchange.lineN + 1}/${exchange.attempt}` : String(exchange.lineN + 1);
}
