import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type { Logger } from '../log/logger.js';
import { ConfigError } from '../errors.js';
import { createKeyvStorage, type KeyvStorageOptions } from './keyv-storage.js';
import { openRedisAdapter } from './redis-adapter.js';
import type { Storage } from './storage.js';

/**
 * Opens the keyv backend named by a URL: `sqlite://relative/or/absolute/path` (the default, a file),
 * `redis://…` / `rediss://…`, `postgres://…` / `postgresql://…`. Adapters other than SQLite are loaded
 * only when asked for, so a default install needs nothing else. Redis is connected before this
 * returns and fails fast while it is away, reconnecting by itself (see `redis-adapter.ts`).
 */
export async function openStorage(options: { url: string; log: Logger; namespace?: string }): Promise<Storage> {
  const { adapter, ...storageOptions } = await openAdapter(options.url, options.log);
  const keyv = new Keyv({ store: adapter, namespace: options.namespace ?? 'counterpart', throwOnErrors: true });
  return createKeyvStorage(keyv, options.log, storageOptions);
}

async function openAdapter(url: string, log: Logger): Promise<{ adapter: KeyvStoreAdapter } & KeyvStorageOptions> {
  const colon = url.indexOf(':');
  const scheme = colon < 0 ? '' : url.slice(0, colon).toLowerCase();
  switch (scheme) {
    case 'sqlite': {
      const file = resolve(url.replace(/^sqlite:\/\//i, ''));
      await mkdir(dirname(file), { recursive: true });
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5000 });
      // Write-ahead logging: a save is one append instead of a rewritten journal, and readers never
      // wait for writers. synchronous=NORMAL keeps every committed write across a process crash
      // (SIGKILL); only an OS crash or power loss can drop the last moments.
      await adapter.query('PRAGMA journal_mode=WAL');
      await adapter.query('PRAGMA synchronous=NORMAL');
      // Deleted transcripts are overwritten with zeros, not left readable in free pages of the file.
      await adapter.query('PRAGMA secure_delete=ON');
      // The write-ahead log still holds pages as they were before a deletion: a truncating
      // checkpoint copies the zeroed pages into the file and empties the log.
      const eraseFreedSpace = async (): Promise<void> => {
        await adapter.query('PRAGMA wal_checkpoint(TRUNCATE)');
      };
      return { adapter, eraseFreedSpace };
    }
    case 'redis':
    case 'rediss': {
      return { adapter: await openRedisAdapter(url, log) };
    }
    case 'postgres':
    case 'postgresql': {
      const moduleName = '@keyv/postgres';
      const loaded = (await import(moduleName).catch((error: unknown) => {
        throw new ConfigError(`STORE_URL uses postgres, but ${moduleName} is not installed: run "npm install ${moduleName}"`, {
          cause: error,
        });
      })) as { default: new (url: string) => KeyvStoreAdapter };
      return { adapter: new loaded.default(url) };
    }
    default:
      throw new ConfigError(`STORE_URL must start with sqlite://, redis:// or postgres:// (got "${scheme || url}")`);
  }
}
