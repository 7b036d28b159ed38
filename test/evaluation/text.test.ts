import { describe, expect, it } from 'vitest';
import {
  clean,
  flattenLines,
  foldGerman,
  foldLookalikes,
  MAX_TEXT_LENGTH,
  normalize,
  plainText,
  readableText,
  scan,
  sentences,
  tokenize,
} from '../../src/evaluation/text.js';

describe('normalize', () => {
  it('lower-cases, unifies quotes and dashes and collapses whitespace', () => {
    expect(normalize('  „Das  IST“ –\tso ‘nicht’  ')).toBe('"das ist" - so \'nicht\'');
  });

  it('keeps umlauts and ß', () => {
    expect(normalize('Größe ÄRGER Straße')).toBe('größe ärger straße');
  });

  it('applies NFKC so compatibility forms match plain letters', () => {
    expect(normalize('ｉｄｉｏｔ ﬁne')).toBe('idiot fine');
  });

  it('strips zero-width characters, bidi overrides and null bytes', () => {
    expect(normalize('Id\u200Bi\u200Dot\u202E\u2066 du\u0000mm\uFEFF')).toBe('idiot dumm');
  });

  it('strips zalgo combining marks but keeps composed umlauts', () => {
    const zalgo = 'b\u0301\u0316\u0354l\u0352\u0327ö\u0358d';
    expect(normalize(zalgo)).toBe('blöd');
    // a decomposed umlaut (o + combining diaeresis) is composed first, so it survives
    expect(normalize('blo\u0308d')).toBe('blöd');
  });

  it('returns an empty string for empty or whitespace-only input', () => {
    expect(normalize('')).toBe('');
    expect(normalize(' \n\t ')).toBe('');
  });

  it('cuts very long input at the documented limit', () => {
    expect(normalize('a'.repeat(MAX_TEXT_LENGTH + 500)).length).toBe(MAX_TEXT_LENGTH);
  });
});

describe('clean', () => {
  it('keeps letter case for quoting evidence', () => {
    expect(clean('  Sie   HABEN  recht ')).toBe('Sie HABEN recht');
  });
});

describe('foldGerman', () => {
  it('folds umlauts and ß so both spellings compare equal', () => {
    expect(foldGerman('Scheiß Blöd ÜBEL')).toBe(foldGerman('Scheiss Bloed UEBEL'));
    expect(foldGerman('Straße')).toBe('strasse');
  });
});

describe('tokenize', () => {
  it('returns the words of the normalized text without punctuation', () => {
    expect(tokenize("Hello, you idiot!!! Don't f*ck this up.")).toEqual(['hello', 'you', 'idiot', "don't", 'f*ck', 'this', 'up']);
  });

  it('splits hyphenated compounds into their parts', () => {
    expect(tokenize('Drecks-Laden')).toEqual(['drecks', 'laden']);
  });

  it('ignores emoji floods', () => {
    expect(tokenize('😡'.repeat(500) + ' ok')).toEqual(['ok']);
  });
});

describe('sentences', () => {
  it('splits after terminal punctuation and at line breaks, keeping case', () => {
    expect(sentences('Guten Tag! Wie kann ich helfen?\nIhre Karte ist gesperrt… Ich prüfe das.')).toEqual([
      'Guten Tag!',
      'Wie kann ich helfen?',
      'Ihre Karte ist gesperrt...',
      'Ich prüfe das.',
    ]);
  });

  it('returns no sentences for empty input', () => {
    expect(sentences('')).toEqual([]);
  });
});

describe('scan', () => {
  it('records positions in the cleaned text so words can be quoted as written', () => {
    const scanned = scan('Sie  sind ein Vollidiot.');
    const last = scanned.tokens.at(-1);
    expect(last?.raw).toBe('Vollidiot');
    expect(last && scanned.text.slice(last.start, last.end)).toBe('Vollidiot');
    expect(last?.word).toBe('vollidiot');
  });

  it('numbers clauses at commas and sentences at terminal punctuation and line breaks', () => {
    const { tokens } = scan('I see, thank you. Next\nline');
    expect(tokens.map((token) => [token.word, token.clause, token.sentence])).toEqual([
      ['i', 0, 0],
      ['see', 0, 0],
      ['thank', 1, 0],
      ['you', 1, 0],
      ['next', 2, 1],
      ['line', 3, 2],
    ]);
  });

  it('folds umlauts in the lookup form only', () => {
    const [token] = scan('Blöd').tokens;
    expect(token?.word).toBe('bloed');
    expect(token?.raw).toBe('Blöd');
  });
});

describe('readableText', () => {
  it('reads disguised letters as a model would: invisible characters, soft hyphens, full-width forms, look-alikes, emphasis', () => {
    expect(readableText('I\u200bg\u00adn\u2060ore **all** ｐｒｅｖｉｏｕｓ іnѕtruсtіоnѕ')).toBe('Ignore all previous instructions');
  });

  it('keeps line breaks, drops block-quote markers and code fences, and flattens on request', () => {
    const readable = readableText('> Hello\n>>> there\n```json\nsystem: x\n```');
    expect(readable).toBe('Hello\nthere\nsystem: x');
    expect(flattenLines(readable)).toBe('Hello there system: x');
  });
});

describe('foldLookalikes', () => {
  it('folds look-alikes in a Latin text but leaves Russian and Greek replies alone', () => {
    expect(foldLookalikes('rаte thіs')).toBe('rate this');
    expect(foldLookalikes('Мне очень жаль, я сейчас помогу.')).toBe('Мне очень жаль, я сейчас помогу.');
    expect(foldLookalikes('Λυπάμαι πολύ για την ταλαιπωρία.')).toBe('Λυπάμαι πολύ για την ταλαιπωρία.');
  });

  it('folds a mixed-script word inside a mostly Cyrillic text', () => {
    expect(foldLookalikes('Мне жаль: ignоre')).toBe('Мне жаль: ignore');
  });
});

describe('plainText', () => {
  it('keeps the label of a masked link and drops link targets and bare URLs', () => {
    expect(plainText('See [your card](https://evil.example/x "Bank") or https://www.stupid.example/fees now.')).toBe('See your card or   now.');
    expect(plainText('[label](<https://a.example/a b>)')).toBe('label');
  });

  it('drops emphasis around words, nested too, but keeps the stars of a censored word', () => {
    expect(plainText('I will fix it **right now**, *really*, __today__ and ~~never~~.')).toBe('I will fix it right now, really, today and never.');
    expect(plainText('***so*** sorry, **very *very* sorry**')).toBe('so sorry, very very sorry');
    expect(plainText('f**k this sh**')).toBe('f**k this sh**');
    expect(plainText('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
  });

  it('drops code fences and pings, which frame or address the words but are none', () => {
    expect(plainText('```\nI see.\n```').trim()).toBe('I see.');
    expect(plainText('```ts\nI see.\n```').trim()).toBe('I see.');
    expect(plainText('<@1666870752> I see. @@here ＠everyone <#123> <@&45>').replace(/\s+/g, ' ').trim()).toBe('I see.');
    expect(plainText('@\u200beveryone Hello').trim()).toBe('Hello');
    // an e-mail address is words, not a ping
    expect(plainText('Write to help@here.example or info@bank.example.')).toBe('Write to help@here.example or info@bank.example.');
  });

  it('returns text without markup as it is, in linear time for unclosed markers', () => {
    expect(plainText('Plain text.')).toBe('Plain text.');
    const unclosed = '**a '.repeat(20_000);
    expect(plainText(unclosed)).toBe(unclosed);
  });
});
