import { describe, expect, it } from 'vitest';
import { breakMaskedLinks, escapeMemberText, neutralizeMentions, quoteMemberText } from '../../src/discord/escape.js';

describe('escapeMemberText', () => {
  it('breaks every mention form so none resolves', () => {
    const out = escapeMemberText('@everyone @here <@1> <@!2> <@&3> <#4> </cmd:5>');
    for (const raw of ['@everyone', '@here', '<@1>', '<@!2>', '<@&3>', '<#4>', '</cmd:5>']) expect(out).not.toContain(raw);
    // …while the visible text stays the same apart from invisible spaces
    expect(out.replace(/\u200b/g, '')).toBe('@everyone @here <@1> <@!2> <@&3> <#4> </cmd:5>');
  });

  it('escapes markdown, links and headings', () => {
    expect(escapeMemberText('**bold** _it_ ||spoiler|| `code`')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\|\\|spoiler\\|\\| \\`code\\`');
    expect(escapeMemberText('[click](https://x.example)')).toBe('\\[click](https://x.example)');
    expect(escapeMemberText('# Heading')).toBe('\\# Heading');
  });
});

describe('quoteMemberText', () => {
  it('prefixes every line so a multi-line reply stays inside the quote', () => {
    expect(quoteMemberText('one\ntwo')).toBe('> one\n> two');
  });
});

describe('neutralizeMentions', () => {
  it('keeps markdown but breaks mentions', () => {
    expect(neutralizeMentions('*sighs* @everyone <@1>').replace(/\u200b/g, '|')).toBe('*sighs* @|everyone <|@1>');
  });
});

/** True when Discord would render a masked link: an unescaped `[` whose label closes with `](`. */
function rendersMaskedLink(text: string): boolean {
  // an escaped backslash (two) escapes nothing; a single one escapes the `[` after it
  return /(?<!\\)\[[^\]]*\]\s*\(/.test(text.replace(/\\\\/g, ''));
}

describe('masked links', () => {
  it.each([
    '[a](https://a.example) and [b](https://b.example)',
    '[[nested](https://a.example)](https://b.example)',
    '[label]( https://evil.example )',
    '[label](<https://evil.example/a b> "Official")',
    '\\\\[after an escaped backslash](https://evil.example)',
    '[@everyone](https://evil.example)',
  ])('shows %j as text in member text and in quoted model text', (text) => {
    expect(rendersMaskedLink(text)).toBe(true);
    expect(rendersMaskedLink(escapeMemberText(text))).toBe(false);
    expect(rendersMaskedLink(neutralizeMentions(text))).toBe(false);
  });

  it('leaves text without a masked link alone, brackets included', () => {
    expect(breakMaskedLinks('Your case [#123] is open (since Monday).')).toBe('Your case [#123] is open (since Monday).');
    expect(neutralizeMentions('*sighs* [quietly]')).toBe('*sighs* [quietly]');
  });
});
