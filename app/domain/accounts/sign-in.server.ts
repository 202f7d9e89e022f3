import { and, desc, eq, gt, sql } from "drizzle-orm";
import * as schema from "#db/schema";
import { recordAudit } from "~/lib/audit.server";
import { getDb } from "~/lib/db.server";
import { burnPasswordCheck, verifyPassword } from "./password.server";
import { createSession, invalidateSession, pruneExpiredSessions } from "./sessions.server";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; user: { id: string; role: schema.Role } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

/**
 * Failed attempts are audit events; throttling counts them, so limits hold
 * across restarts. An email's count starts again after a successful sign-in.
 */
function throttle(email: string, ip: string, now: Date): number | null {
  const db = getDb();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const lastSuccess = db
    .select({ at: schema.auditEvents.createdAt })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.type, "sign_in"), eq(schema.auditEvents.email, email), gt(schema.auditEvents.createdAt, since)))
    .orderBy(desc(schema.auditEvents.createdAt))
    .get();
  const emailSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const failures = (column: typeof schema.auditEvents.email | typeof schema.auditEvents.ip, value: string, from: Date) =>
    db
      .select({ count: sql<number>`count(*)`, oldest: sql<number>`min(${schema.auditEvents.createdAt})` })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.type, "sign_in_failed"), eq(column, value), gt(schema.auditEvents.createdAt, from)))
      .get() ?? { count: 0, oldest: 0 };
  const byEmail = failures(schema.auditEvents.email, email, emailSince);
  const byAddress = failures(schema.auditEvents.ip, ip, since);
  const retryAfter = (oldest: number) => Math.max(1000, oldest + THROTTLE_WINDOW_MS - now.getTime());
  if (byEmail.count >= MAX_FAILURES_PER_EMAIL) return retryAfter(byEmail.oldest);
  if (byAddress.count >= MAX_FAILURES_PER_ADDRESS) return retryAfter(byAddress.oldest);
  return null;
}

export async function signIn(input: {
  email: string;
  password: string;
  ip: string;
  previousSessionId?: string;
  now?: Date;
}): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const retryAfterMs = throttle(email, input.ip, now);
  if (retryAfterMs !== null) {
    recordAudit("sign_in_throttled", { email, ip: input.ip, at: now });
    return { ok: false, reason: "throttled", retryAfterMs };
  }
  const user = getDb().select().from(schema.users).where(eq(schema.users.email, email)).get();
  const valid =
    user?.passwordHash && !user.deactivatedAt
      ? await verifyPassword(user.passwordHash, input.password)
      : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    recordAudit("sign_in_failed", { email, ip: input.ip, subjectId: user?.id, at: now });
    return { ok: false, reason: "invalid" };
  }
  // A token from before sign-in never survives it (session fixation).
  if (input.previousSessionId) invalidateSession(input.previousSessionId);
  pruneExpiredSessions(now);
  const { token, session } = createSession(user.id, now);
  recordAudit("sign_in", { actorId: user.id, email, ip: input.ip, at: now });
  return { ok: true, token, expiresAt: session.expiresAt, user: { id: user.id, role: user.role } };
}

export function signOut(sessionId: string, userId: string, ip: string) {
  invalidateSession(sessionId);
  recordAudit("sign_out", { actorId: userId, ip });
}
