import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../src/evaluation/model/features.js';

// The model learned German and English. A word in another script has no meaning to it, and its hashed
// features would land on rows learned for other words: it is left out of what the model reads.
describe('words the model reads', () => {
  it('leaves out words written in another script', () => {
    expect(wordsOf('Okay, I will forward your request. Мне очень жаль, что так вышло.')).toEqual(wordsOf('Okay, I will forward your request.'));
    expect(wordsOf('Danke für Ihre Geduld 谢谢 شكرا')).toEqual(wordsOf('Danke für Ihre Geduld'));
    expect(wordsOf('Danke für Ihre Geduld')).toHaveLength(4);
  });

  it('keeps every Latin word, accents and umlauts included', () => {
    // German letters are folded (ß → ss, ü → ue) before hashing; no word is dropped
    expect(wordsOf('Straße, Zoë, Łódź, garçon')).toEqual(['strasse', 'zoë', 'łódź', 'garçon']);
  });
});
