import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { getDb } from "~/lib/db.server";
import {
  SESSION_LIFETIME_MS,
  createSession,
  invalidateUserSessions,
  pruneExpiredSessions,
  validateSessionToken,
} from "./sessions.server";

const FELLOW = "demo-fellow";

function row(id: string) {
  return getDb().select().from(schema.sessions).where(eq(schema.sessions.id, id)).get();
}

describe("sessions", () => {
  it("issues an id.secret token whose secret is not stored, only its SHA-256", () => {
    const { token, session } = createSession(FELLOW);
    const [id, secret] = token.split(".");
    expect(id).toBe(session.id);
    // At least 128 bits of secret: base32 carries 5 bits a character.
    expect(secret.length * 5).toBeGreaterThanOrEqual(128);
    const stored = row(id)!;
    expect(stored.secretHash.length).toBe(32);
    const dump = JSON.stringify(getDb().select().from(schema.sessions).all());
    expect(dump).not.toContain(secret);
    expect(Buffer.from(stored.secretHash).toString("hex")).not.toContain(Buffer.from(secret).toString("hex"));
  });

  it("accepts the token and nothing else: a wrong secret, a bare id or a stored row are refused", () => {
    const { token } = createSession(FELLOW);
    expect(validateSessionToken(token)?.user.email).toBe("fellow@demo.test");
    const [id, secret] = token.split(".");
    const wrong = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(validateSessionToken(`${id}.${wrong}`)).toBeNull();
    expect(validateSessionToken(id)).toBeNull();
    const stored = row(id)!;
    expect(validateSessionToken(`${id}.${Buffer.from(stored.secretHash).toString("hex")}`)).toBeNull();
    expect(validateSessionToken("")).toBeNull();
  });

  it("slides the expiry forward, at most once an hour", () => {
    const start = new Date("2026-05-01T08:00:00Z");
    const { token, session } = createSession(FELLOW, start);
    expect(session.expiresAt.getTime()).toBe(start.getTime() + SESSION_LIFETIME_MS);

    const halfHourLater = new Date(start.getTime() + 30 * 60 * 1000);
    expect(validateSessionToken(token, halfHourLater)?.session.expiresAt.getTime()).toBe(
      start.getTime() + SESSION_LIFETIME_MS,
    );

    const twoHoursLater = new Date(start.getTime() + 2 * 60 * 60 * 1000);
    const slid = validateSessionToken(token, twoHoursLater)!;
    expect(slid.session.expiresAt.getTime()).toBe(twoHoursLater.getTime() + SESSION_LIFETIME_MS);
    expect(row(session.id)!.expiresAt.getTime()).toBe(twoHoursLater.getTime() + SESSION_LIFETIME_MS);
  });

  it("ends a session left unused for 30 days, and deletes its row", () => {
    const start = new Date("2026-05-01T08:00:00Z");
    const { token, session } = createSession(FELLOW, start);
    const later = new Date(start.getTime() + SESSION_LIFETIME_MS + 1);
    expect(validateSessionToken(token, later)).toBeNull();
    expect(row(session.id)).toBeUndefined();
  });

  it("prunes expired sessions", () => {
    const old = createSession(FELLOW, new Date("2020-01-01T00:00:00Z"));
    const fresh = createSession(FELLOW);
    expect(pruneExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(row(old.session.id)).toBeUndefined();
    expect(row(fresh.session.id)).toBeDefined();
  });

  it("can end every session of a user but the current one", () => {
    const a = createSession(FELLOW);
    const b = createSession(FELLOW);
    invalidateUserSessions(FELLOW, a.session.id);
    expect(validateSessionToken(a.token)).not.toBeNull();
    expect(validateSessionToken(b.token)).toBeNull();
  });

  it("refuses the session of a deactivated account", () => {
    const { token } = createSession("demo-fellow-5");
    getDb().update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, "demo-fellow-5")).run();
    expect(validateSessionToken(token)).toBeNull();
  });
});
