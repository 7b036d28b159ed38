import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/storage.js';

const log = pino({ level: 'silent' });
const MARKER = 'transcript-marker-7f3a9c';

/** Every file SQLite keeps for the store, as one buffer: the database and its write-ahead log. */
async function storeBytes(file: string): Promise<string> {
  const parts = await Promise.all([file, `${file}-wal`].map((path) => readFile(path).catch(() => Buffer.alloc(0))));
  return Buffer.concat(parts).toString('latin1');
}

describe('SQLite store: deleted text leaves the files', () => {
  let dir: string;
  let file: string;
  let storage: Storage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpart-erase-'));
    file = join(dir, 'store.sqlite');
    storage = await openStorage({ url: `sqlite://${file}`, log });
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a deleted record readable in the write-ahead log until the freed space is erased, then nowhere', async () => {
    const notes = storage.collection('notes', z.object({ text: z.string() }));
    await notes.set('a', { text: `${MARKER} said something private` });
    await notes.set('b', { text: 'another member, kept' });
    await notes.delete('a');
    expect(await notes.get('a')).toBeUndefined();
    // What the privacy code guards against: without the erase the old page is still on disk.
    expect(await storeBytes(file)).toContain(MARKER);

    await storage.eraseFreedSpace();

    expect(await storeBytes(file)).not.toContain(MARKER);
    expect(await notes.get('b')).toEqual({ text: 'another member, kept' });
  });
});
