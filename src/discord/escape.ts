import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes member-written text inert when the bot quotes it: markdown is escaped and every mention
 * form (`@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, slash-command mentions) is
 * broken with a zero-width space, so nothing pings or renders as a link even if a message were
 * ever sent without `allowedMentions`. That setting stays the first defence; this is the second.
 */
export function escapeMemberText(text: string): string {
  const escaped = escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
  return escaped
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#|\/)/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/** One line of member text inside a block quote: each line prefixed so the quote cannot be closed. */
export function quoteMemberText(text: string): string {
  return escapeMemberText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * For text the bot did not write itself but which is not member input either (a model's
 * customer line or feedback): markdown stays, mentions are broken.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(@[!&]?|#|\/)/g, `<${ZERO_WIDTH_SPACE}$1`);
}
