import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/storage/storage.js';

/** A real SQLite-backed store in a fresh temp folder; `cleanup` closes it and removes the folder. */
export async function openTempStorage(): Promise<{ storage: Storage; url: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-test-'));
  const url = `sqlite://${join(dir, 'store.sqlite')}`;
  const storage = await openStorage({ url, log: pino({ level: 'silent' }) });
  return {
    storage,
    url,
    dir,
    cleanup: async () => {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
