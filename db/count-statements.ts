import type { Connection } from "./client";

const RUNS = ["get", "all", "run", "iterate", "raw"] as const;

/**
 * How many SQL statements `fn` runs on a connection: every statement prepared
 * while it runs is watched, and each execution counts. Queries prepared once
 * per connection (`preparedQuery`) are prepared on their first use, so count
 * on a connection that has not served them yet (a fresh one) to see them all.
 */
export function countStatements(connection: Connection, fn: () => unknown) {
  const { sqlite } = connection;
  const prepare = sqlite.prepare;
  let n = 0;
  let counting = true;
  sqlite.prepare = ((source: string) => {
    const statement = prepare.call(sqlite, source);
    for (const method of RUNS) {
      const original = (statement as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
      if (typeof original !== "function") continue;
      Object.defineProperty(statement, method, {
        configurable: true,
        value(this: unknown, ...args: unknown[]) {
          // `raw` configures the statement; the run that follows counts.
          if (counting && method !== "raw") n++;
          return original.apply(this, args);
        },
      });
    }
    return statement;
  }) as typeof prepare;
  try {
    fn();
  } finally {
    sqlite.prepare = prepare;
    counting = false;
  }
  return n;
}
