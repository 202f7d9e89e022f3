import { and, eq, lt, ne, sql } from "drizzle-orm";
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import * as schema from "#db/schema";
import { getDb, preparedQuery } from "~/lib/db.server";

/**
 * Sessions after Lucia's design (lucia-auth.com): the token is `id.secret`,
 * only SHA-256(secret) is stored, and the secret is compared in constant time.
 */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** The expiry slides forward at most once an hour, so most requests write nothing. */
export const SESSION_REFRESH_MS = 60 * 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  role: schema.Role;
  locale: schema.Locale | null;
};
export type Session = { id: string; userId: string; expiresAt: Date; createdAt: Date };

function randomString(bytes: number) {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function createSession(userId: string, now = new Date()): { token: string; session: Session } {
  const id = randomString(15);
  const secret = randomString(24); // 192 bits
  const session: Session = {
    id,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  getDb()
    .insert(schema.sessions)
    .values({ ...session, secretHash: Buffer.from(hashSecret(secret)) })
    .run();
  return { token: `${id}.${secret}`, session };
}

const sessionWithUser = preparedQuery((db) =>
  db
    .select({
      session: schema.sessions,
      user: {
        id: schema.users.id,
        email: schema.users.email,
        displayName: schema.users.displayName,
        role: schema.users.role,
        locale: schema.users.locale,
        deactivatedAt: schema.users.deactivatedAt,
      },
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.id, sql.placeholder("id")))
    .prepare(),
);

export function validateSessionToken(
  token: string,
  now = new Date(),
): { session: Session; user: SessionUser } | null {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 200) return null;
  const [id, secret] = parts;
  const row = sessionWithUser().get({ id });
  if (!row) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.session.secretHash))) return null;
  if (row.session.expiresAt.getTime() <= now.getTime() || row.user.deactivatedAt) {
    invalidateSession(id);
    return null;
  }
  let expiresAt = row.session.expiresAt;
  if (expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS - SESSION_REFRESH_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    getDb().update(schema.sessions).set({ expiresAt }).where(eq(schema.sessions.id, id)).run();
  }
  const { deactivatedAt: _ignored, ...user } = row.user;
  return {
    session: { id, userId: row.session.userId, createdAt: row.session.createdAt, expiresAt },
    user,
  };
}

export function invalidateSession(sessionId: string) {
  getDb().delete(schema.sessions).where(eq(schema.sessions.id, sessionId)).run();
}

/** Ends every session of a user, or every one but the session in use. */
export function invalidateUserSessions(userId: string, exceptSessionId?: string) {
  getDb()
    .delete(schema.sessions)
    .where(
      exceptSessionId
        ? and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, exceptSessionId))
        : eq(schema.sessions.userId, userId),
    )
    .run();
}

export function pruneExpiredSessions(now = new Date()): number {
  return getDb().delete(schema.sessions).where(lt(schema.sessions.expiresAt, now)).run().changes;
}
