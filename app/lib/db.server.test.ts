import { describe, expect, it } from "vitest";
import { getConnection } from "./db.server";

describe("the database connection", () => {
  it("runs with the pragmas an acknowledged write depends on", () => {
    const { sqlite } = getConnection();
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    // 2 = FULL: a committed transaction survives power loss.
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("refuses rows that point at nothing", () => {
    const { sqlite } = getConnection();
    expect(() =>
      sqlite
        .prepare("insert into sessions (id, user_id, secret_hash, created_at, expires_at) values ('x', 'nobody', x'00', 0, 0)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
