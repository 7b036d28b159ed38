/** One trainee's result in a group session, whatever the format. */
export interface Standing {
  userId: string;
  name: string;
  /** mean overall score 1–5 over the trainee's graded replies; null without any */
  average: number | null;
  replies: number;
  strongest: Moment | null;
  weakest: Moment | null;
}

/** One graded reply worth showing: what the customer said, what the trainee answered, its score. */
export interface Moment {
  customer: string;
  reply: string;
  score: number;
}

export interface RankedStanding extends Standing {
  /** 1-based; equal averages share a rank (1, 1, 3) */
  rank: number;
}

// Averages are means of thirds; compare them rounded so float noise never splits a tie.
const key = (average: number | null) => (average === null ? -1 : Math.round(average * 1000) / 1000);

/**
 * Ranks by average score, highest first. Trainees without a graded reply come last. Within equal
 * averages more replies come first (more evidence), then the name, so the order is stable.
 */
export function rankStandings(standings: readonly Standing[]): RankedStanding[] {
  const sorted = [...standings].sort(
    (a, b) => key(b.average) - key(a.average) || b.replies - a.replies || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
  );
  const ranked: RankedStanding[] = [];
  sorted.forEach((standing, index) => {
    const previous = ranked[index - 1];
    const tied = previous !== undefined && key(previous.average) === key(standing.average);
    ranked.push({ ...standing, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}
