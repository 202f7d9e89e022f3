import { and, eq, lt } from "drizzle-orm";
import * as schema from "#db/schema";
import { recordAudit } from "~/lib/audit.server";
import { getDb } from "~/lib/db.server";
import { limitReached } from "~/lib/rate-limit.server";
import { certificateByCode } from "./certificates.server";

export const LOOKUP_WINDOW_MS = 10 * 60 * 1000;
export const MAX_LOOKUPS_PER_ADDRESS = 60;

/**
 * Public lookups by code are counted per client address in the database (so
 * every worker shares the count); past the limit the answer is 429, which
 * makes guessing codes pointless on top of their 160 random bits.
 */
export function lookupCertificate(code: string, ip: string, now = new Date()): { limited: true; retryAfterMs: number } | { limited: false; certificate: ReturnType<typeof certificateByCode> } {
  const wait = limitReached({ type: "certificate_lookup", by: "ip", value: ip, max: MAX_LOOKUPS_PER_ADDRESS, windowMs: LOOKUP_WINDOW_MS }, now);
  if (wait !== null) return { limited: true, retryAfterMs: wait };
  recordAudit("certificate_lookup", { ip, at: now });
  return { limited: false, certificate: certificateByCode(code) };
}

/** Lookups older than the window only fill the table: they go at start-up. */
export function pruneLookupEvents(now = new Date()) {
  getDb()
    .delete(schema.auditEvents)
    .where(and(eq(schema.auditEvents.type, "certificate_lookup"), lt(schema.auditEvents.createdAt, new Date(now.getTime() - LOOKUP_WINDOW_MS))))
    .run();
}
