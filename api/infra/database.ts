import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
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

/** The writer inside a transaction, and a way to act once the transaction is durable. */
export interface Transaction extends Connection {
  /** Runs `hook` after the COMMIT that makes this unit's writes durable (never after a rollback). */
  onCommit(hook: () => void): void;
}

/**
 * The store's two connections: `read` for lookups (WAL lets them run beside a
 * write), and `transaction` for every write. Writes are group-committed: the
 * units queued while one COMMIT is under way run together in the next
 * transaction, so one fsync serves many reports, while each unit still
 * succeeds or fails alone. A unit's promise settles only after the COMMIT that
 * made it durable. A unit's work may run twice (after a rollback of its
 * batch), so it must only write through `tx`.
 */
export interface Database {
  read: Connection;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function open(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
}

function wrap(db: sqlite3.Database, cacheStatements: boolean): Connection {
  // Each statement prepared anew costs node-sqlite3 extra trips to its thread
  // pool; the writer runs a handful of fixed statements, so it keeps them prepared.
  const statements = new Map<string, sqlite3.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        const done = function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ lastID: this.lastID, changes: this.changes });
        };
        if (cacheStatements) prepared(sql).run(params, done);
        else db.run(sql, params, done);
      }),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        const done = (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows[0]));
        // all(), not get(): a kept statement must run to its end, or it would hold the transaction open.
        if (cacheStatements) prepared(sql).all(params, done);
        else db.all(sql, params, done);
      }),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => {
        const done = (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows));
        if (cacheStatements) prepared(sql).all(params, done);
        else db.all(sql, params, done);
      }),
    exec: (sql) => new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve()))),
    close: async () => {
      await Promise.all([...statements.values()].map((st) => new Promise<void>((resolve) => st.finalize(() => resolve()))));
      statements.clear();
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * Opens the SQLite file in WAL mode with synchronous=FULL: a report answered
 * 201 has reached the disk, so neither a killed process nor a power cut loses it.
 */
export async function openDatabase(file: string): Promise<Database> {
  // Readable by the service's user only; SQLite gives its -wal and -shm files the database file's mode.
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  for (const side of [`${file}-wal`, `${file}-shm`]) if (existsSync(side)) chmodSync(side, 0o600);
  const writer = wrap(await open(file), true);
  await writer.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');
  const reader = wrap(await open(file), false);
  await reader.exec('PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;');

  interface Unit {
    work: (tx: Transaction) => Promise<unknown>;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }
  let queue: Unit[] = [];
  let running: Promise<void> | undefined;
  const MAX_BATCH = 64;

  /** Runs units in one transaction; false (all rolled back, none settled) when one of them failed. */
  async function tryTogether(batch: Unit[]): Promise<boolean> {
    const values: unknown[] = [];
    // Hooks of a run that is rolled back are dropped with it; the unit registers them again when it runs alone.
    const hooks: (() => void)[] = [];
    const tx: Transaction = { ...writer, onCommit: (hook) => void hooks.push(hook) };
    try {
      await writer.exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return true;
    }
    for (const unit of batch) {
      try {
        values.push(await unit.work(tx));
      } catch (error) {
        await writer.exec('ROLLBACK').catch(() => undefined);
        if (batch.length === 1) {
          unit.reject(error);
          return true;
        }
        return false;
      }
    }
    try {
      await writer.exec('COMMIT');
      for (const hook of hooks) hook();
      batch.forEach((unit, i) => unit.resolve(values[i]));
    } catch (error) {
      await writer.exec('ROLLBACK').catch(() => undefined);
      for (const unit of batch) unit.reject(error);
    }
    return true;
  }

  // Failures are rare (a duplicate key), so a batch runs without savepoints;
  // when one unit fails, the batch is rolled back and each unit runs alone.
  async function runBatch(batch: Unit[]): Promise<void> {
    if (await tryTogether(batch)) return;
    for (const unit of batch) await tryTogether([unit]);
  }

  function drain(): void {
    if (running || queue.length === 0) return;
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    running = runBatch(batch).finally(() => {
      running = undefined;
      drain();
    });
  }

  return {
    read: reader,
    transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        drain();
      });
    },
    async close() {
      while (running || queue.length > 0) await (running ?? Promise.resolve().then(drain));
      await reader.close();
      await writer.close();
    },
  };
}
