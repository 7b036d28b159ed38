import { describe, expect, it } from 'vitest';
import { escapeMemberText, neutralizeMentions, quoteMemberText } from '../../src/discord/escape.js';

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
