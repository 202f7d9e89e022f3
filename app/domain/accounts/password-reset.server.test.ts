import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { DEMO_PASSWORD } from "#db/seed";
import { getDb } from "~/lib/db.server";
import { listOutbox } from "~/lib/outbox.server";
import { RESET_LIFETIME_MS, findOpenReset, requestPasswordReset, resetPassword } from "./password-reset.server";
import { createSession, validateSessionToken } from "./sessions.server";
import { signIn } from "./sign-in.server";
import { changePassword, setDeactivated } from "./users.server";

function linkFor(email: string) {
  const mail = listOutbox().find((m) => m.to === email && m.kind === "password_reset");
  return mail?.text.match(/\/reset-password\/([a-z0-9]+)/)?.[1];
}

describe("password reset", () => {
  it("sends nothing for an unknown address and does not fail", async () => {
    const before = listOutbox().length;
    await requestPasswordReset("nobody@example.org", "10.0.0.1");
    expect(listOutbox().length).toBe(before);
  });

  it("sends a link valid for one hour, usable once, that ends every other session", async () => {
    const other = createSession("demo-fellow-2");
    const now = new Date();
    await requestPasswordReset("fellow2@demo.test", "10.0.0.1", now);
    const token = linkFor("fellow2@demo.test")!;
    expect(token).toBeTruthy();
    expect(findOpenReset(token, new Date(now.getTime() + RESET_LIFETIME_MS + 1000))).toBeNull();
    const result = await resetPassword(token, "a brand new passphrase", "10.0.0.1");
    expect(result.ok).toBe(true);
    expect(validateSessionToken(other.token)).toBeNull();
    expect((await resetPassword(token, "yet another passphrase", "10.0.0.1")).ok).toBe(false);
    expect((await signIn({ email: "fellow2@demo.test", password: "a brand new passphrase", ip: "10.0.0.9" })).ok).toBe(true);
  });

  it("an expired link is refused", async () => {
    const then = new Date(Date.now() - 2 * RESET_LIFETIME_MS);
    await requestPasswordReset("fellow3@demo.test", "10.0.0.1", then);
    const token = linkFor("fellow3@demo.test")!;
    expect((await resetPassword(token, "a brand new passphrase", "10.0.0.1")).ok).toBe(false);
  });
});

describe("password change and deactivation", () => {
  it("changing the password keeps this session and ends the others", async () => {
    const current = createSession("demo-mentor-2");
    const other = createSession("demo-mentor-2");
    const wrong = await changePassword("demo-mentor-2", current.session.id, {
      currentPassword: "not it at all",
      password: "the next passphrase",
    });
    expect(wrong).toEqual({ ok: false, reason: "current_wrong" });
    expect(validateSessionToken(other.token)).not.toBeNull();
    const ok = await changePassword("demo-mentor-2", current.session.id, {
      currentPassword: DEMO_PASSWORD,
      password: "the next passphrase",
    });
    expect(ok.ok).toBe(true);
    expect(validateSessionToken(current.token)).not.toBeNull();
    expect(validateSessionToken(other.token)).toBeNull();
  });

  it("deactivation ends every session at once and reactivation lets the person back in", async () => {
    const a = createSession("demo-fellow-8");
    setDeactivated("demo-fellow-8", true, "demo-coordinator");
    expect(getDb().select().from(schema.sessions).where(eq(schema.sessions.userId, "demo-fellow-8")).all()).toHaveLength(0);
    expect(validateSessionToken(a.token)).toBeNull();
    setDeactivated("demo-fellow-8", false, "demo-coordinator");
    expect((await signIn({ email: "fellow8@demo.test", password: DEMO_PASSWORD, ip: "10.0.0.3" })).ok).toBe(true);
    const types = getDb().select({ type: schema.auditEvents.type }).from(schema.auditEvents).where(eq(schema.auditEvents.subjectId, "demo-fellow-8")).all().map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["account_deactivated", "account_reactivated"]));
  });
});
