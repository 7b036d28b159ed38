import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { RecentMap } from '../../src/storage/recent-map.js';
import { activeSession } from '../support/session-fixture.js';

const log = pino({ level: 'silent' });
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpart-open-'));
  dirs.push(dir);
  return dir;
}

describe('openStorage', () => {
  it('keeps records under the "counterpart" namespace of the SQLite file, where earlier versions left them', async () => {
    const file = join(await tempDir(), 'nested', 'store.sqlite');
    const storage = await openStorage({ url: `SQLite://${file}`, log });
    await storage.sessions.save(activeSession('a'));
    await storage.close();
    const raw = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'counterpart' });
    expect(await raw.get('session:a')).toBeDefined();
    await raw.disconnect();
  });

  it('loads the Postgres adapter only when asked, and says how to install it when it is missing', async () => {
    for (const url of ['postgres://db/counterpart', 'postgresql://db/counterpart', 'POSTGRES://db/counterpart']) {
      const failure = await openStorage({ url, log }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toBe('STORE_URL uses postgres, but @keyv/postgres is not installed: run "npm install @keyv/postgres"');
    }
  });

  it('names what it got when the URL has no scheme at all', async () => {
    await expect(openStorage({ url: 'data/bot.sqlite', log })).rejects.toThrow(
      'STORE_URL must start with sqlite://, redis:// or postgres:// (got "data/bot.sqlite")',
    );
    await expect(openStorage({ url: 'mysql://x', log })).rejects.toThrow('(got "mysql")');
  });
});

describe('RecentMap', () => {
  it('keeps at most its capacity, forgetting the least recently written first', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(3);
    expect(map.get('c')).toBe(4);
  });
});
