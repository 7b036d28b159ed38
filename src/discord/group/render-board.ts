import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Language } from '../../evaluation/grade.js';
import { escapeMemberText, quoteMemberText } from '../escape.js';
import { embedLength, fitEmbed, LIMITS, truncate } from '../limits.js';
import type { GroupMode } from './group-record.js';
import { formatScore, groupText } from './group-text.js';
import type { Moment, RankedStanding } from './ranking.js';

interface BoardView {
  lang: Language;
  mode: GroupMode;
  personaName: string;
  standings: RankedStanding[];
}

/**
 * How much of a quoted reply or customer line a board shows: enough to recognise the moment. A
 * large class gets shorter quotes, so its board stays a few messages long.
 */
const QUOTE_CHARS = { small: { reply: 280, customer: 140 }, large: { reply: 140, customer: 80 } } as const;
const LARGE_CLASS = 10;
/** Under Discord's 6000 per message, with room for the footer. */
const EMBED_BUDGET = LIMITS.embedTotal - 300;
const COLOUR = 0x2b6cb0;

/**
 * The results board: a ranking in the first embed's description and one field per trainee with
 * their strongest and weakest moment. Each returned embed is meant for its own message, because
 * Discord's 6000-character limit counts all embeds of a message together.
 */
export function renderBoard(view: BoardView): APIEmbed[] {
  const text = groupText(view.lang);
  if (view.standings.length === 0) {
    return [fitEmbed({ title: text.board.title(view.personaName), description: text.board.nobody, color: COLOUR })];
  }
  const rankLines = view.standings.map((standing) =>
    text.board.rankLine(
      standing.rank,
      truncate(escapeMemberText(standing.name), 64),
      standing.average === null ? null : formatScore(standing.average, view.lang),
      standing.replies,
    ),
  );
  const description = [text.board.summary(view.standings.length, view.mode), '', ...rankLines].join('\n');
  const head: APIEmbed = {
    title: text.board.title(view.personaName),
    description: truncate(description, LIMITS.embedDescription),
    color: COLOUR,
    footer: { text: text.board.transcripts },
  };
  const quote = view.standings.length > LARGE_CLASS ? QUOTE_CHARS.large : QUOTE_CHARS.small;
  const fields = view.standings.map((standing) => momentsField(standing, view.lang, quote));
  return packFields(head, fields, text.board.continued);
}

type QuoteChars = (typeof QUOTE_CHARS)[keyof typeof QUOTE_CHARS];

function momentsField(standing: RankedStanding, lang: Language, quote: QuoteChars): APIEmbedField {
  const text = groupText(lang);
  const name = `${standing.rank}. ${escapeMemberText(truncate(standing.name, 80))}`;
  const parts: string[] = [];
  if (standing.strongest) parts.push(moment(text.board.strongest(formatScore(standing.strongest.score, lang)), standing.strongest, lang, quote));
  if (standing.weakest) parts.push(moment(text.board.weakest(formatScore(standing.weakest.score, lang)), standing.weakest, lang, quote));
  const value = parts.length > 0 ? parts.join('\n') : text.board.noReplies;
  return { name, value: truncate(value, LIMITS.fieldValue) };
}

function moment(label: string, moment: Moment, lang: Language, quote: QuoteChars): string {
  const text = groupText(lang);
  const customer = escapeMemberText(truncate(oneLine(moment.customer), quote.customer));
  return `**${label}**\n${text.board.customerSaid}: _${customer}_\n${quoteMemberText(truncate(moment.reply, quote.reply))}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Spreads fields over as many embeds as needed: at most 25 fields and {@link EMBED_BUDGET}
 * characters each. Callers escape member text in names and values.
 */
export function packFields(head: APIEmbed, fields: APIEmbedField[], continuedTitle: string): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { ...head, fields: [] };
  for (const raw of fields) {
    const field = fitField(raw);
    const currentFields = current.fields ?? [];
    const wouldBe = embedLength(current) + field.name.length + field.value.length;
    if (currentFields.length > 0 && (currentFields.length >= LIMITS.embedFields || wouldBe > EMBED_BUDGET)) {
      embeds.push(fitEmbed(current));
      current = { title: continuedTitle, ...(head.color === undefined ? {} : { color: head.color }), fields: [] };
    }
    current.fields = [...(current.fields ?? []), field];
  }
  embeds.push(fitEmbed(current));
  return embeds;
}

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    name: truncate(field.name, LIMITS.fieldName),
    value: truncate(field.value, LIMITS.fieldValue),
    ...(field.inline === undefined ? {} : { inline: field.inline }),
  };
}
