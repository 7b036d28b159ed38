import { z } from 'zod';
import { ReportFormatSchema, type ReportFormat, type TranscriptFilter } from '../../reports/index.js';
import { customId } from '../limits.js';

/**
 * Custom ids of the review components. They carry only what a handler needs to find its data
 * again after a restart; every handler re-checks access for the member who pressed, so a forged
 * id can at most ask for something that member may see anyway.
 *
 * - `review-page:<page>:<member|->:<persona|->:<since yyyymmdd|->:<groupId|->` — list paging
 * - `review-open` (select, value: session id) — open a transcript
 * - `review-export:<format>:<sessionId>` and `review-group-export:<format>:<groupId>` — files
 * - `review-correct:<sessionId>` (select, value `<lineN>:<attempt>`) — opens the override modal
 * - `review-override:<sessionId>:<lineN>:<attempt>` — the modal
 * - `review-report` (select on /progress, value: session id) — HTML report of an own session
 * - `privacy:delete:<userId>`, `privacy:cancel:<userId>` — confirmation of /privacy delete
 */
export const REVIEW_IDS = {
  page: 'review-page',
  open: 'review-open',
  export: 'review-export',
  groupExport: 'review-group-export',
  correct: 'review-correct',
  override: 'review-override',
  report: 'review-report',
  privacy: 'privacy',
} as const;

const NONE = '-';

export interface ListQuery {
  member?: string | undefined;
  persona?: string | undefined;
  since?: string | undefined;
  groupId?: string | undefined;
}

/** `since` is kept as a day (yyyy-mm-dd) in the query; the id stores it without dashes. */
export function pageId(page: number, query: ListQuery): string {
  return customId(
    REVIEW_IDS.page,
    String(page),
    query.member ?? NONE,
    query.persona ?? NONE,
    query.since ? query.since.replaceAll('-', '') : NONE,
    query.groupId ?? NONE,
  );
}

const DayDigitsSchema = z.string().regex(/^\d{8}$/);

export function parsePageArgs(args: readonly string[]): { page: number; query: ListQuery } {
  const [page = '1', member = NONE, persona = NONE, since = NONE, groupId = NONE] = args;
  const value = (part: string) => (part === NONE || part === '' ? undefined : part);
  const day = DayDigitsSchema.safeParse(since);
  return {
    page: Math.max(1, Number.parseInt(page, 10) || 1),
    query: {
      member: value(member),
      persona: value(persona),
      since: day.success ? `${since.slice(0, 4)}-${since.slice(4, 6)}-${since.slice(6, 8)}` : undefined,
      groupId: value(groupId),
    },
  };
}

export function toFilter(guildId: string, query: ListQuery): TranscriptFilter {
  return {
    guildId,
    member: query.member,
    persona: query.persona,
    since: query.since ? `${query.since}T00:00:00.000Z` : undefined,
    groupId: query.groupId,
  };
}

export function parseFormat(value: string | undefined): ReportFormat | undefined {
  const parsed = ReportFormatSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
