/*
 * keyv's record format, written and read faster. keyv's default serializer builds the JSON text
 * itself, value by value, in JavaScript, and its parser runs a reviver over every value: on a
 * 20 KB transcript each takes about 0.25 ms, three to four times what V8's native JSON needs, and
 * an exchange writes two records and reads two or three. The format is unchanged, so stores written
 * before read as they did, and keyv's own serializer reads what this writes:
 *   - a string starting with ":" is stored with one more ":" in front, a Buffer as ":base64:…";
 *   - everything else is plain JSON.
 * Records that hold neither (all of this application's: its records are zod-checked JSON data)
 * go through `JSON.stringify` / `JSON.parse` unchanged; any other falls back to keyv's own code
 * (taken from a keyv instance, since keyv does not export it).
 */

const COLON = 58;

/** keyv's own serializer and parser (a new `Keyv()`'s `serialize` and `deserialize`). */
export interface KeyvCodec {
  serialize(data: unknown): string;
  deserialize(text: string): unknown;
}

/** A codec that writes and reads what `fallback` does, byte for byte, but mostly through native JSON. */
export function createRecordCodec(fallback: KeyvCodec): KeyvCodec {
  return {
    serialize: (data) => (isPlainJson(data) ? JSON.stringify(data) : fallback.serialize(data)),
    deserialize(text) {
      // In keyv's text a string value starting with ":" shows as `"::…` or `":base64:…`. Elsewhere
      // `":` only closes a key before its value, and no JSON value starts with ":" or "b"; inside a
      // string a quote is escaped (`\"::` can match: a false alarm that only costs the slower path).
      if (text.includes('"::') || text.includes('":base64:')) return fallback.deserialize(text);
      return JSON.parse(text) as unknown;
    },
  };
}

/**
 * Whether `JSON.stringify(value)` writes what keyv's serializer would: no string starting with ":",
 * no Buffer, nothing with `toJSON`, no function, symbol or bigint, no class instance, no sparse
 * array (each of which the two treat differently).
 */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.charCodeAt(0) !== COLON;
    case 'number':
    case 'boolean':
      return true;
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return false;
          const item: unknown = value[i];
          if (item !== undefined && !isPlainJson(item)) return false;
        }
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) {
        const item: unknown = (value as Record<string, unknown>)[key];
        if (item !== undefined && !isPlainJson(item)) return false;
      }
      return true;
    }
    default:
      // undefined at the top (keyv writes "null"), functions, symbols, bigints
      return false;
  }
}
