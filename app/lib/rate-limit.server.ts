import { and, eq, gt, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import type { AuditType } from "./audit.server";
import { getDb } from "./db.server";

export type Limit = { type: AuditType; by: "ip" | "email" | "actor"; value: string; max: number; windowMs: number };

/**
 * Counts the audit events of a kind for one address, email or actor in a
 * window. Kept in the database, so every worker and every restart sees the
 * same count. Returns the wait in ms when the limit is reached, else null.
 */
export function limitReached(limit: Limit, now = new Date()): number | null {
  const since = new Date(now.getTime() - limit.windowMs);
  const column: SQLiteColumn =
    limit.by === "ip" ? schema.auditEvents.ip : limit.by === "email" ? schema.auditEvents.email : schema.auditEvents.actorId;
  const seen = getDb()
    .select({ count: sql<number>`count(*)`, oldest: sql<number>`min(${schema.auditEvents.createdAt})` })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.type, limit.type), eq(column, limit.value), gt(schema.auditEvents.createdAt, since)))
    .get() ?? { count: 0, oldest: 0 };
  return seen.count >= limit.max ? Math.max(1000, seen.oldest + limit.windowMs - now.getTime()) : null;
}

/** The longest wait among several limits, or null when none is reached. */
export function anyLimitReached(limits: Limit[], now = new Date()) {
  const waits = limits.map((l) => limitReached(l, now)).filter((w): w is number => w !== null);
  return waits.length ? Math.max(...waits) : null;
}
