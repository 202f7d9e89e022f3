import { asc, eq, sql } from "drizzle-orm";
import * as schema from "#db/schema";
import { recordAudit } from "~/lib/audit.server";
import { getDb } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { invalidateUserSessions } from "./sessions.server";

const personColumns = {
  id: schema.users.id,
  email: schema.users.email,
  displayName: schema.users.displayName,
  role: schema.users.role,
  locale: schema.users.locale,
  deactivatedAt: schema.users.deactivatedAt,
  createdAt: schema.users.createdAt,
};

export function listPeople() {
  return getDb().select({ ...personColumns, invited: sql<boolean>`${schema.users.passwordHash} is null` }).from(schema.users).orderBy(asc(schema.users.role), asc(schema.users.displayName)).all();
}

export function getPerson(id: string) {
  return getDb().select({ ...personColumns, invited: sql<boolean>`${schema.users.passwordHash} is null` }).from(schema.users).where(eq(schema.users.id, id)).get() ?? null;
}

export function updateProfile(userId: string, input: { displayName: string; locale: schema.Locale }) {
  getDb().update(schema.users).set(input).where(eq(schema.users.id, userId)).run();
}

export function setLocale(userId: string, locale: schema.Locale) {
  getDb().update(schema.users).set({ locale }).where(eq(schema.users.id, userId)).run();
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(
  userId: string,
  currentSessionId: string,
  input: { currentPassword: string; password: string },
): Promise<{ ok: true } | { ok: false; reason: "current_wrong" }> {
  const user = getDb().select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "current_wrong" };
  }
  const passwordHash = await hashPassword(input.password);
  getDb().update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId)).run();
  invalidateUserSessions(userId, currentSessionId);
  recordAudit("password_changed", { actorId: userId, subjectId: userId });
  return { ok: true };
}

export function setDeactivated(personId: string, deactivated: boolean, actorId: string) {
  const db = getDb();
  db.update(schema.users)
    .set({ deactivatedAt: deactivated ? new Date() : null })
    .where(eq(schema.users.id, personId))
    .run();
  // Deactivation ends every session at once, not at the next expiry.
  if (deactivated) invalidateUserSessions(personId);
  recordAudit(deactivated ? "account_deactivated" : "account_reactivated", { actorId, subjectId: personId });
}

export function changeRole(personId: string, role: schema.Role, actorId: string) {
  const before = getPerson(personId);
  if (!before || before.role === role) return;
  getDb().update(schema.users).set({ role }).where(eq(schema.users.id, personId)).run();
  recordAudit("role_changed", { actorId, subjectId: personId, detail: { from: before.role, to: role } });
}
