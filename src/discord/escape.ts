import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes member-written text inert when the bot quotes it: markdown is escaped and every mention
 * form (`@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, slash-command mentions) is
 * broken with a zero-width space, so nothing pings or renders as a link even if a message were
 * ever sent without `allowedMentions`. That setting stays the first defence; this is the second.
 */
export function escapeMemberText(text: string): string {
  // discord.js's own masked-link escape catches only the first link of a line; see breakMaskedLinks.
  // It runs after escapeMarkdown, which doubles backslashes and would undo its escapes.
  const escaped = escapeMarkdown(text, { maskedLink: false, heading: true, bulletedList: true, numberedList: true });
  return breakMentions(breakMaskedLinks(escaped));
}

/**
 * Shows `[label](url)` as the text it is: in a text that could hold a masked link, every `[` is
 * escaped, so no label (nested, several per line, spanning lines, after a backslash) can open one.
 * A plain URL stays visible as itself, which is what a reader should see.
 */
export function breakMaskedLinks(text: string): string {
  return MAYBE_MASKED_LINK.test(text) ? text.replaceAll('[', '\\[') : text;
}

const MAYBE_MASKED_LINK = /\]\s*\(/;

function breakMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(@[!&]?|#|\/)/g, `<${ZERO_WIDTH_SPACE}$1`);
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
 * customer line, feedback that quotes the reply): markdown stays, mentions are broken and masked
 * links shown as text (a grader's quote may carry the trainee's `[label](url)`).
 */
export function neutralizeMentions(text: string): string {
  return breakMentions(breakMaskedLinks(text));
}
