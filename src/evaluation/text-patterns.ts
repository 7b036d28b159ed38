/**
 * Builds a case-insensitive Unicode regex whose `\b`-like edges also work next to umlauts
 * (JavaScript's `\b` only knows ASCII letters, so `\bübung` never matches after a space).
 */
export function words(source: string): RegExp {
  const edged = source.replaceAll('\\b', '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))');
  return new RegExp(edged, 'iu');
}

/** Lower-case letter sequences of a text. */
export function letterWords(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}
