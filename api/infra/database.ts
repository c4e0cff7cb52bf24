import sqlite3 from 'sqlite3';

type Params = readonly (string | number | bigint | Buffer | null)[];

/** Plain async functions over one SQLite connection. */
export interface Connection {
  run(sql: string, params?: Params): Promise<{ lastID: number; changes: number }>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store's two connections: `read` for lookups (WAL lets them run beside a
 * write), and `transaction` for every write, serialised so that statements of
 * two requests never interleave inside one BEGIN…COMMIT.
 */
export interface Database {
  read: Connection;
  transaction<T>(work: (tx: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function open(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
}

function wrap(db: sqlite3.Database): Connection {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        db.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ lastID: this.lastID, changes: this.changes });
        });
      }),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        db.get(sql, params, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)));
      }),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => {
        db.all(sql, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)));
      }),
    exec: (sql) => new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve()))),
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * Opens the SQLite file in WAL mode with synchronous=FULL: a report answered
 * 201 has reached the disk, so neither a killed process nor a power cut loses it.
 */
export async function openDatabase(file: string): Promise<Database> {
  const writer = wrap(await open(file));
  await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
  const reader = wrap(await open(file));
  await reader.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: reader,
    transaction<T>(work: (tx: Connection) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        await writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(writer);
          await writer.exec('COMMIT');
          return result;
        } catch (error) {
          await writer.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      await reader.close();
      await writer.close();
    },
  };
}
