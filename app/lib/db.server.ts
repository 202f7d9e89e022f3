import path from "node:path";
import { migrateDatabase, openDatabase, type Connection } from "#db/client";
import { getEnv } from "./env.server";

declare global {
  // Survives module reloads in development, so there is still one connection per process.
  var __fellowshipDb: Connection | undefined;
}

export function getConnection(): Connection {
  if (!globalThis.__fellowshipDb) {
    globalThis.__fellowshipDb = openDatabase(getEnv().DATABASE_PATH);
  }
  return globalThis.__fellowshipDb;
}

export function getDb() {
  return getConnection().db;
}

export function migrate() {
  migrateDatabase(getDb(), path.resolve(getEnv().MIGRATIONS_DIR));
}

export function closeConnection() {
  globalThis.__fellowshipDb?.sqlite.close();
  globalThis.__fellowshipDb = undefined;
}

type Db = ReturnType<typeof getDb>;

/**
 * A query built and prepared once per connection, for the pages every
 * request runs: drizzle then skips building the SQL each time (about a tenth
 * of a module page's CPU time before). Use `sql.placeholder("name")` for the
 * values and pass them to `.get({ name })` / `.all({ name })`.
 */
export function preparedQuery<T>(build: (db: Db) => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let query = byConnection.get(db);
    if (query === undefined) {
      query = build(db);
      byConnection.set(db, query);
    }
    return query;
  };
}
