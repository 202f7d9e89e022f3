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
