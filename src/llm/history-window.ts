import type { Turn } from '../evaluation/grade.js';

interface HistoryWindow {
  /** the last turns, oldest first */
  recent: Turn[];
  /** how many older turns were left out */
  omitted: number;
  /** the customer's first line, shortened, when it was left out: it anchors what the call is about */
  opening: string | null;
}

const OPENING_CHARS = 240;

/**
 * Bounds what is sent to the model so a long session does not grow the prompt without limit: the
 * last `maxTurns` turns, plus (for a one-line summary) how many were dropped and how the call began.
 */
export function boundHistory(history: readonly Turn[], maxTurns: number): HistoryWindow {
  if (history.length <= maxTurns) return { recent: [...history], omitted: 0, opening: null };
  const omitted = history.length - maxTurns;
  const first = history.slice(0, omitted).find((turn) => turn.role === 'customer');
  const opening = first ? shorten(first.text, OPENING_CHARS) : null;
  return { recent: history.slice(omitted), omitted, opening };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
