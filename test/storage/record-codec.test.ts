import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createRecordCodec, type KeyvCodec } from '../../src/storage/record-codec.js';

const reference = new Keyv();
const keyvSerialize = (data: unknown) => reference.serialize?.(data as never) as string;
const keyvDeserialize = (text: string) => reference.deserialize?.(text) as unknown;
const codec = createRecordCodec({ serialize: keyvSerialize, deserialize: keyvDeserialize });

/** records as keyv wraps them ({ value, expires }), with every case the two serializers treat differently */
const records: Array<[string, unknown]> = [
  ['a session-like record', { value: { id: 's1', lines: [{ n: 0, text: 'Hello', retracted: false }], pendingReply: null, turns: 2, average: 3.5 } }],
  ['a reply starting with a colon', { value: { reply: ':) fine', others: [':', '::', ':base64:abc', 'a:b'] } }],
  ['a string value that is only a colon', { value: ':' }],
  ['a Buffer', { value: { blob: Buffer.from('hi there') } }],
  ['a Date', { value: { at: new Date('2026-01-02T03:04:05.000Z') } }],
  ['undefined properties and array items', { value: { gone: undefined, list: [1, undefined, 'x'] }, expires: undefined }],
  // eslint-disable-next-line no-sparse-arrays -- the hole is what this case is about
  ['a sparse array', { value: [1, , 3] }],
  ['a function property', { value: { keep: 1, drop: () => 1 } }],
  ['an expiry', { value: 'x', expires: 1_900_000_000_000 }],
  ['quotes and unicode', { value: { text: 'she said "::" — ok ✓ \u0000 \n', key: 'a"::b' } }],
  ['numbers that JSON cannot hold', { value: [Number.NaN, Number.POSITIVE_INFINITY, -0] }],
  ['a class instance', { value: new Map([['a', 1]]) }],
  ['null and undefined values', { value: null }],
];

describe('record codec', () => {
  it.each(records)('writes %s byte for byte as keyv does', (_name, record) => {
    expect(codec.serialize(record)).toBe(keyvSerialize(record));
  });

  it.each(records)('reads %s, as keyv wrote it, as keyv reads it', (_name, record) => {
    const text = keyvSerialize(record);
    expect(codec.deserialize(text)).toEqual(keyvDeserialize(text));
  });

  it('keeps a reply starting with a colon through a round trip', () => {
    const record = { value: { reply: ':-( sorry', tail: 'x:' } };
    expect(codec.deserialize(codec.serialize(record))).toEqual(record);
  });

  it('leaves records that need keyv’s escaping to keyv, and plain ones to native JSON', () => {
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
    const watched = createRecordCodec(counting);
    watched.deserialize(watched.serialize({ value: { text: 'plain' } }));
    expect(calls).toEqual([]);
    watched.deserialize(watched.serialize({ value: { text: ':colon' } }));
    expect(calls).toEqual(['serialize', 'deserialize']);
  });
});
