import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { DEMO_PASSWORD } from "#db/seed";
import { getDb } from "~/lib/db.server";
import { validateSessionToken } from "./sessions.server";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, signIn } from "./sign-in.server";

function audit(type: string, email: string) {
  return getDb()
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.type, type), eq(schema.auditEvents.email, email)))
    .all();
}

describe("signing in", () => {
  it("signs in with the right password, case-insensitively for the email, and audits it", async () => {
    const result = await signIn({ email: "  Mentor@Demo.Test ", password: DEMO_PASSWORD, ip: "10.0.0.1" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(validateSessionToken(result.token)?.user.role).toBe("mentor");
    expect(audit("sign_in", "mentor@demo.test")).toHaveLength(1);
  });

  it("gives an unknown email and a wrong password the same answer", async () => {
    const unknown = await signIn({ email: "nobody@demo.test", password: "whatever-123", ip: "10.0.0.2" });
    const wrong = await signIn({ email: "fellow2@demo.test", password: "whatever-123", ip: "10.0.0.2" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(audit("sign_in_failed", "fellow2@demo.test")).toHaveLength(1);
  });

  it("throttles one email after five failures in fifteen minutes, even with the right password", async () => {
    const now = new Date("2026-06-01T10:00:00Z");
    const email = "fellow3@demo.test";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const r = await signIn({ email, password: "not-the-password", ip: `10.1.0.${i}`, now });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const sixth = await signIn({ email, password: DEMO_PASSWORD, ip: "10.1.0.99", now });
    expect(sixth.ok).toBe(false);
    expect(!sixth.ok && sixth.reason).toBe("throttled");
    expect(!sixth.ok && sixth.reason === "throttled" && sixth.retryAfterMs).toBe(15 * 60 * 1000);
    // Sixteen minutes later the window has passed.
    const later = new Date(now.getTime() + 16 * 60 * 1000);
    expect((await signIn({ email, password: DEMO_PASSWORD, ip: "10.1.0.99", now: later })).ok).toBe(true);
  });

  it("throttles one address after twenty failures across emails", async () => {
    const now = new Date("2026-06-02T10:00:00Z");
    const ip = "10.2.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signIn({ email: `guess${i}@demo.test`, password: "not-the-password", ip, now });
    }
    const next = await signIn({ email: "fellow4@demo.test", password: DEMO_PASSWORD, ip, now });
    expect(!next.ok && next.reason).toBe("throttled");
    const elsewhere = await signIn({ email: "fellow4@demo.test", password: DEMO_PASSWORD, ip: "10.2.0.2", now });
    expect(elsewhere.ok).toBe(true);
  });

  it("starts a new session at sign-in and kills the one presented before it", async () => {
    const first = await signIn({ email: "fellow6@demo.test", password: DEMO_PASSWORD, ip: "10.3.0.1" });
    if (!first.ok) throw new Error("expected sign-in");
    const before = validateSessionToken(first.token)!;
    const second = await signIn({
      email: "fellow6@demo.test",
      password: DEMO_PASSWORD,
      ip: "10.3.0.1",
      previousSessionId: before.session.id,
    });
    if (!second.ok) throw new Error("expected sign-in");
    expect(second.token).not.toBe(first.token);
    expect(validateSessionToken(first.token)).toBeNull();
    expect(validateSessionToken(second.token)).not.toBeNull();
  });

  it("refuses a deactivated account with the same answer as a wrong password", async () => {
    getDb().update(schema.users).set({ deactivatedAt: new Date() }).where(eq(schema.users.id, "demo-fellow-7")).run();
    const r = await signIn({ email: "fellow7@demo.test", password: DEMO_PASSWORD, ip: "10.4.0.1" });
    expect(r).toEqual({ ok: false, reason: "invalid" });
  });
});
