import { writeTransaction } from "#db/client";
import { and, eq, gt, isNull } from "drizzle-orm";
import * as schema from "#db/schema";
import { recordAudit } from "~/lib/audit.server";
import { anyLimitReached } from "~/lib/rate-limit.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { hashToken, newId, newToken } from "~/lib/ids.server";
import { sendMail } from "~/lib/outbox.server";
import { hashPassword } from "./password.server";
import { createSession, invalidateUserSessions } from "./sessions.server";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
export const RESET_REQUESTS_PER_EMAIL = 3;
export const RESET_REQUESTS_PER_ADDRESS = 10;
const HOUR = 60 * 60 * 1000;

/**
 * Says nothing about whether the address exists: the caller shows the same
 * answer either way. Requests are limited per email and per client address
 * (counted whether or not the account exists, so the limit reveals nothing);
 * past the limit the answer is the wait, and no mail goes out.
 */
export async function requestPasswordReset(emailInput: string, ip: string, now = new Date()): Promise<{ retryAfterMs: number } | null> {
  const email = emailInput.trim().toLowerCase();
  const wait = anyLimitReached(
    [
      { type: "password_reset_requested", by: "email", value: email, max: RESET_REQUESTS_PER_EMAIL, windowMs: HOUR },
      { type: "password_reset_requested", by: "ip", value: ip, max: RESET_REQUESTS_PER_ADDRESS, windowMs: HOUR },
    ],
    now,
  );
  if (wait !== null) return { retryAfterMs: wait };
  const db = getDb();
  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get();
  recordAudit("password_reset_requested", { email, ip, subjectId: user?.id, at: now });
  if (!user || user.deactivatedAt) return null;
  const token = newToken();
  db.insert(schema.passwordResets)
    .values({
      id: newId(),
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
    })
    .run();
  const t = getFixedT(user.locale ?? "en");
  await sendMail({
    kind: "password_reset",
    to: user.email,
    subject: t("mail.resetSubject"),
    text: t("mail.resetBody", { name: user.displayName, link: `${getEnv().PUBLIC_URL}/reset-password/${token}` }),
  });
  return null;
}

export function findOpenReset(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  return (
    getDb()
      .select()
      .from(schema.passwordResets)
      .where(
        and(
          eq(schema.passwordResets.tokenHash, hashToken(token)),
          isNull(schema.passwordResets.usedAt),
          gt(schema.passwordResets.expiresAt, now),
        ),
      )
      .get() ?? null
  );
}

/** Sets the new password, ends every session of the user and signs this browser in afresh. */
export async function resetPassword(token: string, password: string, ip: string, now = new Date()) {
  const reset = findOpenReset(token, now);
  if (!reset) return { ok: false as const };
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const done = writeTransaction(db, (tx) => {
    const claimed = tx
      .update(schema.passwordResets)
      .set({ usedAt: now })
      .where(and(eq(schema.passwordResets.id, reset.id), isNull(schema.passwordResets.usedAt)))
      .run();
    if (claimed.changes !== 1) return false;
    tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, reset.userId)).run();
    // Any other reset link still open for this user dies with this one.
    tx.update(schema.passwordResets)
      .set({ usedAt: now })
      .where(and(eq(schema.passwordResets.userId, reset.userId), isNull(schema.passwordResets.usedAt)))
      .run();
    return true;
  });
  if (!done) return { ok: false as const };
  invalidateUserSessions(reset.userId);
  recordAudit("password_reset", { actorId: reset.userId, ip, at: now });
  const { token: sessionToken, session } = createSession(reset.userId, now);
  return { ok: true as const, sessionToken, expiresAt: session.expiresAt };
}
