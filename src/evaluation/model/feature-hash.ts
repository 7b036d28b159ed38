/**
 * Hashing for the grader model's features: 32-bit FNV-1a over UTF-16 code units, computed in place
 * (no substring per n-gram), and a finaliser that spreads combined hashes over the buckets. Pure
 * integer arithmetic, so training and inference agree on every machine.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The starting state of a feature family: its name hashed, so equal strings differ per family. */
export function namespaceSeed(name: string): number {
  return hashRange(FNV_OFFSET, name, 0, name.length);
}

/** Continues `state` over `text[start, end)`. */
export function hashRange(state: number, text: string, start: number, end: number): number {
  let h = state;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** One more code unit; for n-grams that grow a character at a time. */
export function hashCode(state: number, code: number): number {
  return Math.imul(state ^ code, FNV_PRIME) >>> 0;
}

/** Combines two hashes (a bigram, a feature crossed with a bucket) without symmetry: (a, b) ≠ (b, a). */
export function combine(a: number, b: number): number {
  return mix((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

/** murmur3's finaliser: every input bit reaches every output bit before the bucket is taken. */
export function mix(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
