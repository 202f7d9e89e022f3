import type { Connection } from "./client";

/**
 * How many SQL statements `fn` prepares on a connection: drizzle prepares one
 * per query, so this is the query count the tests and the bench report.
 */
export function countStatements(connection: Connection, fn: () => unknown) {
  const { sqlite } = connection;
  const prepare = sqlite.prepare;
  let n = 0;
  sqlite.prepare = ((source: string) => {
    n++;
    return prepare.call(sqlite, source);
  }) as typeof prepare;
  try {
    fn();
  } finally {
    sqlite.prepare = prepare;
  }
  return n;
}
