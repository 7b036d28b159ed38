import type Keyv from 'keyv';

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
 * Objects and arrays already found plain. Records are values that are never changed once built (a
 * new session shares its earlier lines and exchanges with the one before), so each is walked once,
 * not again on every save of a growing transcript.
 */
const checked = new WeakSet<object>();

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
      if (value === null || checked.has(value)) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return false;
          const item: unknown = value[i];
          if (item !== undefined && !isPlainJson(item)) return false;
        }
      } else {
        const prototype: unknown = Object.getPrototypeOf(value);
        if (prototype !== Object.prototype && prototype !== null) return false;
        for (const key in value) {
          const item: unknown = (value as Record<string, unknown>)[key];
          if (item !== undefined && !isPlainJson(item)) return false;
        }
      }
      checked.add(value);
      return true;
    }
    default:
      // undefined at the top (keyv writes "null"), functions, symbols, bigints
      return false;
  }
}

/**
 * A record as keyv stores it (the text of `{ value, expires }`), decoded only when asked: a store
 * that remembers the text of what it last wrote or read can then tell an unchanged record from a
 * changed one by comparing text, without parsing or validating it again.
 */
export class StoredText {
  constructor(readonly text: string) {}
}

/**
 * The expiry of a record as keyv's serializer writes it (`{"value":…,"expires":N}`, nothing when
 * absent): keyv checks it on every read, before the value is decoded.
 */
function expiresOf(text: string): number | undefined {
  const match = /,"expires":([^,{}[\]"]+)\}$/.exec(text);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * The record text `encode` made (`{"value":…}`) with the expiry keyv adds when written with a time
 * to live, in the place keyv's serializer puts it.
 */
function withExpiry(text: string, expires: number | undefined): string {
  return expires === undefined ? text : `${text.slice(0, -1)},"expires":${JSON.stringify(expires)}}`;
}

/** What {@link useRecordCodec} gives the store: values to write and read through keyv. */
interface RecordTexts {
  /** a value to hand to `keyv.set`, with the text it will be stored as (when keyv serializes) */
  encode(value: unknown): { stored: unknown; text: string | undefined };
  /** the value `keyv.get` returned, decoded, and its stored text (when keyv serializes) */
  decode(raw: unknown): { value: unknown; text: string | undefined };
}

/**
 * Makes `keyv` serialize through {@link createRecordCodec} and hand back what it reads as
 * {@link StoredText}, undecoded. Whoever owns the keyv instance calls this once; `keyv.get` then
 * returns `StoredText` and `decode` turns it into the value. A keyv without serialization (values
 * kept as objects) is left as it is.
 */
export function useRecordCodec(keyv: Keyv): RecordTexts {
  const { serialize, deserialize } = keyv;
  if (!serialize || !deserialize) {
    return { encode: (value) => ({ stored: value, text: undefined }), decode: (raw) => ({ value: raw, text: undefined }) };
  }
  const codec = createRecordCodec({ serialize: (data) => serialize(data as never) as string, deserialize: (text) => deserialize(text) });
  keyv.serialize = (data) => (data.value instanceof StoredText ? withExpiry(data.value.text, data.expires) : codec.serialize(data));
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- keyv declares deserialize generic in the value it returns
  keyv.deserialize = <Value>(text: string) => ({ value: new StoredText(text) as Value, expires: expiresOf(text) });
  return {
    encode(value) {
      const text = codec.serialize({ value, expires: undefined });
      return { stored: new StoredText(text), text };
    },
    decode(raw) {
      if (!(raw instanceof StoredText)) return { value: raw, text: undefined };
      const record = codec.deserialize(raw.text) as { value?: unknown } | null | undefined;
      return { value: record?.value, text: raw.text };
    },
  };
}
