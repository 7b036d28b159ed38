import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createRecordCodec, useRecordCodec, type KeyvCodec } from '../../src/storage/record-codec.js';

const reference = new Keyv();
const keyvSerialize = (data: unknown) => reference.serialize?.(data as never) as string;
const keyvDeserialize = (text: string) => reference.deserialize?.(text) as unknown;
const codec = createRecordCodec({ serialize: keyvSerialize, deserialize: keyvDeserialize });

/**
 * records as keyv wraps them ({ value, expires }), with every case the two serializers treat
 * differently, and whether native JSON may write it (true) or keyv's own serializer must (false)
 */
// Made afresh for each use: the codec remembers objects it found plain, and a record walked once
// (by another test, or by an earlier run in the same worker) would not be walked again.
const freshRecords = (): Array<[string, unknown, boolean]> => [
  ['a session-like record', { value: { id: 's1', lines: [{ n: 0, text: 'Hello', retracted: false }], pendingReply: null, turns: 2, average: 3.5 } }, true],
  ['a reply starting with a colon', { value: { reply: ':) fine', others: [':', '::', ':base64:abc', 'a:b'] } }, false],
  ['a string value that is only a colon', { value: ':' }, false],
  ['a Buffer', { value: { blob: Buffer.from('hi there') } }, false],
  ['a Date', { value: { at: new Date('2026-01-02T03:04:05.000Z') } }, false],
  ['undefined properties and array items', { value: { gone: undefined, list: [1, undefined, 'x'] }, expires: undefined }, true],
  // eslint-disable-next-line no-sparse-arrays -- the hole is what this case is about
  ['a sparse array', { value: [1, , 3] }, false],
  ['a function property', { value: { keep: 1, drop: () => 1 } }, false],
  ['an expiry', { value: 'x', expires: 1_900_000_000_000 }, true],
  ['quotes and unicode', { value: { text: 'she said "::" — ok ✓ \u0000 \n', key: 'a"::b' } }, true],
  ['numbers that JSON cannot hold', { value: [Number.NaN, Number.POSITIVE_INFINITY, -0] }, true],
  ['a class instance', { value: new Map([['a', 1]]) }, false],
  ['null and undefined values', { value: null }, true],
  ['an object without a prototype', { value: Object.assign(Object.create(null) as object, { text: 'plain' }) }, true],
  ['a colon string deep in an array', { value: { lines: [{ text: 'ok' }, { text: ':(' }] } }, false],
  ['a Buffer in an array', { value: [1, Buffer.from('x')] }, false],
  ['numbers and booleans only', { value: [1, 2.5, true, false] }, true],
];
const records = freshRecords();

/** A record codec over keyv's own, with the calls that reached keyv's own. */
function watchedCodec(): { watched: KeyvCodec; calls: string[] } {
  const calls: string[] = [];
  const counting: KeyvCodec = {
    serialize: (data) => {
      calls.push('serialize');
      return keyvSerialize(data);
    },
    deserialize: (text) => {
      calls.push('deserialize');
      return keyvDeserialize(text);
    },
  };
  return { watched: createRecordCodec(counting), calls };
}

describe('record codec', () => {
  it.each(records)('writes %s byte for byte as keyv does', (_name, record) => {
    expect(codec.serialize(record)).toBe(keyvSerialize(record));
  });

  it.each(records)('reads %s, as keyv wrote it, as keyv reads it', (_name, record) => {
    const text = keyvSerialize(record);
    expect(codec.deserialize(text)).toEqual(keyvDeserialize(text));
  });

  it.each(records.map(([name]) => name))('writes and reads %s through the path it needs', (name) => {
    const [, record, native] = freshRecords().find(([fresh]) => fresh === name) ?? [];
    const { watched, calls } = watchedCodec();
    const text = watched.serialize(record);
    expect(calls).toEqual(native ? [] : ['serialize']);
    expect(watched.deserialize(text)).toEqual(keyvDeserialize(text));
  });

  it('keeps a reply starting with a colon through a round trip', () => {
    const record = { value: { reply: ':-( sorry', tail: 'x:' } };
    expect(codec.deserialize(codec.serialize(record))).toEqual(record);
  });

  it('leaves records that need keyv’s escaping to keyv, and plain ones to native JSON', () => {
    const { watched, calls } = watchedCodec();
    watched.deserialize(watched.serialize({ value: { text: 'plain' } }));
    expect(calls).toEqual([]);
    watched.deserialize(watched.serialize({ value: { text: ':colon' } }));
    expect(calls).toEqual(['serialize', 'deserialize']);
  });
});

describe('a keyv store reading and writing through the record codec', () => {
  it('reads back what it wrote, colon strings and Buffers included', async () => {
    const keyv = new Keyv();
    const texts = useRecordCodec(keyv);
    const value = { reply: ':-) fine', blob: Buffer.from('hi'), lines: ['a', '::b'] };
    const { stored, text } = texts.encode(value);
    await keyv.set('k', stored);
    const read = texts.decode(await keyv.get('k'));
    expect(read.value).toEqual(value);
    expect(read.text).toBe(text);
  });

  it('keeps the expiry of a record written with a time to live', async () => {
    const raw = new Map<string, unknown>();
    const keyv = new Keyv({ store: raw });
    const texts = useRecordCodec(keyv);
    await keyv.set('k', texts.encode({ text: 'plain' }).stored, 60_000);
    const written = raw.get('keyv:k');
    expect(typeof written).toBe('string');
    expect(written as string).toMatch(/^\{"value":\{"text":"plain"\},"expires":\d+\}$/);
    expect(texts.decode(await keyv.get('k')).value).toEqual({ text: 'plain' });
  });

  it('lets keyv drop a record whose time to live has run out', async () => {
    const raw = new Map<string, unknown>();
    const keyv = new Keyv({ store: raw });
    const texts = useRecordCodec(keyv);
    // an expiry in the past as keyv's serializer writes it: the read must see it and drop the record
    raw.set('keyv:gone', '{"value":{"text":"plain"},"expires":1000000000000}');
    raw.set('keyv:kept', `{"value":{"text":"plain"},"expires":${Date.now() + 60_000}}`);
    expect(await keyv.get('gone')).toBeUndefined();
    expect(texts.decode(await keyv.get('kept')).value).toEqual({ text: 'plain' });
  });
});
