import { describe, expect, it } from 'vitest';
import { LIMITS, customId, embedLength, fitEmbed, splitText, truncate } from '../../src/discord/limits.js';

describe('truncate', () => {
  it('leaves text within the limit alone', () => {
    expect(truncate('short text', 10)).toBe('short text');
  });

  it('cuts at a word boundary and ends with an ellipsis, within the limit', () => {
    const out = truncate('The customer is waiting for a concrete next step today', 30);
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out).toBe('The customer is waiting for a…');
  });

  it('cuts one over-long word hard rather than dropping nearly everything', () => {
    const out = truncate(`ok ${'x'.repeat(50)}`, 20);
    expect(out).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
  });

  it('never splits an emoji (surrogate pair) in half', () => {
    const out = truncate('😀😀😀😀😀', 4);
    expect(out).toBe('😀…');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it('returns nothing for a limit below one', () => {
    expect(truncate('abc', 0)).toBe('');
  });
});

describe('splitText', () => {
  it('splits at paragraph breaks first, each chunk within the limit', () => {
    const text = `${'a '.repeat(40).trim()}\n\n${'b '.repeat(40).trim()}`;
    const chunks = splitText(text, 100);
    expect(chunks).toEqual(['a '.repeat(40).trim(), 'b '.repeat(40).trim()]);
  });

  it('splits long prose on spaces, losing no word', () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
    const chunks = splitText(words.join(' '), LIMITS.content);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(LIMITS.content);
    expect(chunks.join(' ').split(' ')).toEqual(words);
  });

  it('cuts a single word longer than the limit hard', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('gives no chunks for blank text', () => {
    expect(splitText('   \n ')).toEqual([]);
  });
});

describe('fitEmbed', () => {
  it('truncates title, description and fields to their own limits and replaces empty values', () => {
    const out = fitEmbed({
      title: 't'.repeat(300),
      description: 'd '.repeat(3000),
      fields: [
        { name: 'n', value: 'v '.repeat(700) },
        { name: ' ', value: '' },
      ],
    });
    expect(out.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(out.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(out.fields![0]!.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(out.fields![1]).toEqual({ name: '-', value: '-' });
  });

  it('keeps at most 25 fields and drops trailing fields until the total is within 6000', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `field ${i}`, value: 'v'.repeat(1000) }));
    const out = fitEmbed({ title: 'Summary', fields });
    expect(out.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
    expect(embedLength(out)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(out.fields![0]!.name).toBe('field 0');
  });

  it('shortens the description when fields alone cannot bring the total down', () => {
    const out = fitEmbed({ title: 'x', description: 'word '.repeat(900), footer: { text: 'f'.repeat(2000) } });
    expect(embedLength(out)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });
});

describe('customId', () => {
  it('joins parts with colons and refuses ids over 100 characters', () => {
    expect(customId('practice', 'end', 'abc')).toBe('practice:end:abc');
    expect(() => customId('practice', 'x'.repeat(100))).toThrow(RangeError);
  });
});
