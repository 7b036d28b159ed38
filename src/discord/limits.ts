import type { APIEmbed, APIEmbedField } from 'discord.js';

/** Discord's documented limits for messages and embeds. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  threadName: 100,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` characters (UTF-16 code units, as Discord counts), cutting at
 * the last word boundary when one is reasonably close and ending with an ellipsis. Never splits a
 * surrogate pair, so an emoji is kept whole or dropped.
 */
export function truncate(text: string, max: number): string {
  if (max < 1) return '';
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return ELLIPSIS.slice(0, max);
  let cut = safeCut(text, room);
  const space = lastWhitespace(text, cut);
  // Only back up to a word boundary when it keeps most of the text; one long word is cut hard.
  if (space > room * 0.6) cut = space;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Splits `text` into chunks of at most `max` characters: at paragraph breaks first, then at line
 * breaks, then at spaces, and hard only inside one over-long word. Empty input gives no chunks.
 */
export function splitText(text: string, max: number = LIMITS.content): string[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let cut = bestBreak(rest, max);
    if (cut <= 0) cut = safeCut(rest, max);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function bestBreak(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const separator of ['\n\n', '\n']) {
    const at = window.lastIndexOf(separator);
    if (at > max * 0.3) return at;
  }
  const space = lastWhitespace(text, max);
  return space > 0 ? space : -1;
}

/** Index of the last whitespace at or before `end`, or -1. */
function lastWhitespace(text: string, end: number): number {
  for (let i = Math.min(end, text.length - 1); i > 0; i--) {
    if (/\s/.test(text[i] ?? '')) return i;
  }
  return -1;
}

/** `end` moved back by one when it would separate a surrogate pair. */
function safeCut(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * Brings an embed within every Discord limit: each part truncated to its own limit, at most 25
 * fields, and — if the total still exceeds 6000 characters — fields dropped from the end, then
 * the description shortened. Empty field values (which Discord rejects) become a dash.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map(fitField);
  }
  while (embedLength(out) > LIMITS.embedTotal && out.fields && out.fields.length > 0) {
    out.fields = out.fields.slice(0, -1);
  }
  const excess = embedLength(out) - LIMITS.embedTotal;
  if (excess > 0 && out.description) {
    out.description = truncate(out.description, Math.max(1, out.description.length - excess));
  }
  return out;
}

function fitField(field: APIEmbedField): APIEmbedField {
  const name = truncate(field.name.trim() || '-', LIMITS.fieldName);
  const value = truncate(field.value.trim() || '-', LIMITS.fieldValue);
  return field.inline === undefined ? { name, value } : { name, value, inline: field.inline };
}

/** The characters Discord counts towards the 6000 total of an embed. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Throws when a custom id would exceed Discord's limit: a bug in the caller, not user input. */
export function customId(...parts: string[]): string {
  const id = parts.join(':');
  if (id.length > LIMITS.customId) throw new RangeError(`custom_id longer than ${LIMITS.customId}: ${id.slice(0, 40)}…`);
  return id;
}
