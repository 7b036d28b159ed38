import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import sqlite3 from 'sqlite3';

/**
 * How many keys one `getMany` / `deleteMany` statement names; larger lists go in several.
 */
const CHUNK = 500;

/**
 * The keyv store for a SQLite file, with the table `@keyv/sqlite` uses (`keyv(key VARCHAR(255)
 * PRIMARY KEY, value TEXT)`), so files written by either are read by both. It differs in one way:
 * the statements of every call (get, set, delete) are prepared once and reused, where
 * `@keyv/sqlite` compiles its SQL again on every call; that halves the CPU of a store call, and a
 * practice exchange makes seven.
 */
export class SqliteStore extends EventEmitter implements KeyvStoreAdapter {
  namespace?: string | undefined;
  readonly opts: { dialect: 'sqlite'; table: 'keyv' } = { dialect: 'sqlite', table: 'keyv' };
  readonly #database: sqlite3.Database;
  readonly #statements = new Map<string, sqlite3.Statement>();

  private constructor(database: sqlite3.Database) {
    super();
    this.#database = database;
  }

  /** Opens (creating when missing) the file and its table, with WAL and the given busy timeout. */
  static async open(file: string, busyTimeoutMs: number): Promise<SqliteStore> {
    const database = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    database.configure('busyTimeout', busyTimeoutMs);
    const store = new SqliteStore(database);
    // Write-ahead logging: a save is one append instead of a rewritten journal, and readers never
    // wait for writers. synchronous=NORMAL keeps every committed write across a process crash
    // (SIGKILL); only an OS crash or power loss can drop the last moments.
    await store.query('PRAGMA journal_mode=WAL');
    await store.query('PRAGMA synchronous=NORMAL');
    await store.query('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )');
    return store;
  }

  /** Runs one SQL statement once (not prepared); its rows. */
  async query(sql: string, ...parameters: unknown[]): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      this.#database.all(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows)));
    });
  }

  #statement(sql: string): sqlite3.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#database.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #all(sql: string, parameters: unknown[]): Promise<Array<{ key: string; value: string }>> {
    return new Promise((resolve, reject) => {
      this.#statement(sql).all(parameters, (error: Error | null, rows: Array<{ key: string; value: string }>) =>
        error ? reject(error) : resolve(rows),
      );
    });
  }

  #run(sql: string, parameters: unknown[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#statement(sql).run(parameters, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve(this.changes);
      });
    });
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const rows = await this.#all('SELECT key, value FROM keyv WHERE key = ?', [key]);
    return rows[0]?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    const found = new Map<string, string>();
    for (let start = 0; start < keys.length; start += CHUNK) {
      const chunk = keys.slice(start, start + CHUNK);
      const rows = await this.#all('SELECT key, value FROM keyv WHERE key IN (SELECT value FROM json_each(?))', [JSON.stringify(chunk)]);
      for (const row of rows) found.set(row.key, row.value);
    }
    return keys.map((key) => found.get(key) as StoredData<Value | undefined>);
  }

  async set(key: string, value: unknown): Promise<boolean> {
    await this.#run('INSERT INTO keyv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
    return true;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.#run('DELETE FROM keyv WHERE key = ?', [key])) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let deleted = 0;
    for (let start = 0; start < keys.length; start += CHUNK) {
      deleted += await this.#run('DELETE FROM keyv WHERE key IN (SELECT value FROM json_each(?))', [JSON.stringify(keys.slice(start, start + CHUNK))]);
    }
    return deleted > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.#all('SELECT key, value FROM keyv WHERE key = ?', [key])).length > 0;
  }

  async clear(): Promise<void> {
    await this.#run('DELETE FROM keyv WHERE key LIKE ?', [this.namespace ? `${this.namespace}:%` : '%']);
  }

  async disconnect(): Promise<void> {
    for (const statement of this.#statements.values()) {
      await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    }
    this.#statements.clear();
    await new Promise<void>((resolve, reject) => this.#database.close((error) => (error ? reject(error) : resolve())));
  }
}
