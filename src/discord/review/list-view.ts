import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import { UserFacingError } from '../../errors.js';
import { canReviewTeam, listTranscripts, ReportFormatSchema } from '../../reports/index.js';
import type { SessionListing } from '../../storage/session-store.js';
import type { BotContext } from '../bot-context.js';
import { customId, fitEmbed, truncate } from '../limits.js';
import { uiText } from '../ui-text.js';
import { formatScore } from '../views.js';
import { pageId, REVIEW_IDS, toFilter, type ListQuery } from './review-ids.js';
import { reviewText } from './review-text.js';
import type { ResolvedViewer } from './viewer.js';

const PAGE_SIZE = 10;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

interface ListMessage {
  embeds: APIEmbed[];
  components: Row[];
}

/**
 * Narrows the query to what the viewer may list: trainees only ever their own sessions. Asking
 * for another member (typed or forged into a button) is refused, not silently rewritten.
 */
function scopeQuery(resolved: ResolvedViewer, query: ListQuery): ListQuery {
  if (canReviewTeam(resolved.viewer)) return query;
  if (query.member !== undefined && query.member !== resolved.viewer.userId) {
    throw new UserFacingError('forbidden', uiText(resolved.lang).errors.notYourSession);
  }
  return { ...query, member: resolved.viewer.userId };
}

export async function listMessage(context: BotContext, resolved: ResolvedViewer, guildId: string, query: ListQuery, page: number): Promise<ListMessage> {
  const scoped = scopeQuery(resolved, query);
  const { lang } = resolved;
  const text = reviewText(lang);
  const result = await listTranscripts(context.storage, toFilter(guildId, scoped), { page, pageSize: PAGE_SIZE });
  if (result.total === 0) return { embeds: [{ title: text.listTitle, description: text.listEmpty }], components: [] };
  // A page past the end (a stale button after deletions) shows the last page instead.
  if (result.items.length === 0 && page > result.pages) return listMessage(context, resolved, guildId, query, result.pages);

  const personaOf = (listing: SessionListing) => {
    const persona = context.personas.get(listing.personaId);
    return persona ? persona.names[lang] : listing.personaId;
  };
  const average = (listing: SessionListing) => (listing.average === null ? '–' : `${formatScore(listing.average, lang)}/5`);
  const lines = result.items.map((listing, index) => {
    const group = listing.groupId ? ` · ${text.listGroup}` : '';
    const number = (result.page - 1) * PAGE_SIZE + index + 1;
    return `${number}. ${text.listLine(listing.createdAt.slice(0, 10), personaOf(listing), `<@${listing.userId}>`, listing.turns, average(listing))}${group}`;
  });
  const embed = fitEmbed({
    color: 0x5865f2,
    title: text.listTitle,
    description: lines.join('\n'),
    footer: { text: text.listPage(result.page, result.pages, result.total) },
  });

  const components: Row[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId(REVIEW_IDS.open),
          placeholder: text.selectPlaceholder,
          options: result.items.map((listing, index) => ({
            label: truncate(
              `${(result.page - 1) * PAGE_SIZE + index + 1}. ${text.selectOption(listing.createdAt.slice(0, 10), personaOf(listing), listing.turns)}`,
              100,
            ),
            value: listing.id,
          })),
        },
      ],
    },
  ];
  const paging = result.pages > 1 ? pagingRow(result.page, result.pages, scoped, resolved) : undefined;
  if (paging) components.push(paging);
  if (scoped.groupId && canReviewTeam(resolved.viewer)) components.push(groupExportRow(scoped.groupId, resolved));
  return { embeds: [embed], components };
}

/**
 * Previous and Next. The filter travels in the ids; a filter too long for Discord's 100 characters
 * (a very long custom persona id with member and group) gets no paging rather than a wrong page.
 */
function pagingRow(page: number, pages: number, query: ListQuery, resolved: ResolvedViewer): Row | undefined {
  const text = reviewText(resolved.lang);
  let previous: string;
  let next: string;
  try {
    previous = pageId(Math.max(1, page - 1), query);
    // Two buttons in one row need distinct ids, also when both are disabled.
    next = page >= pages ? customId(pageId(page, query), 'end') : pageId(page + 1, query);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: text.previous, custom_id: previous, disabled: page <= 1 },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: text.next, custom_id: next, disabled: page >= pages },
    ],
  };
}

/** Export buttons for a whole group session's results, one per format. */
export function groupExportRow(groupId: string, resolved: ResolvedViewer): Row {
  const text = reviewText(resolved.lang);
  return {
    type: ComponentType.ActionRow,
    components: ReportFormatSchema.options.map((format) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: `${text.listGroup}: ${text.exportLabel[format]}`,
      custom_id: customId(REVIEW_IDS.groupExport, format, groupId),
    })),
  };
}
