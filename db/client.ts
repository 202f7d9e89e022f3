import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema>;
export type Connection = { sqlite: Database.Database; db: DB };

/**
 * Opens the one connection a process uses. synchronous=FULL because an
 * acknowledged submission must survive a power cut; busy_timeout lets a second
 * worker wait for the write lock instead of failing.
 */
export function openDatabase(file: string): Connection {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

export function migrateDatabase(db: DB, migrationsFolder: string) {
  migrate(db, { migrationsFolder });
}

export { schema };

/**
 * A transaction that writes. It takes the write lock at BEGIN (IMMEDIATE):
 * a deferred transaction that reads and then writes fails at once with
 * "database is locked" when another connection wrote in between, instead of
 * waiting for busy_timeout.
 */
export function writeTransaction<T>(db: DB, fn: (tx: Parameters<Parameters<DB["transaction"]>[0]>[0]) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}
