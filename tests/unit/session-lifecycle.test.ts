// Issue #8, sessions: the parts not already shown by sessions.server.test.ts
// (sliding expiry with a controlled clock, prune, deactivation),
// sign-in.server.test.ts (fixation: the token presented before sign-in dies)
// and password-reset.server.test.ts (change and reset end the other sessions).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { createSession, validateSessionToken } from "~/domain/accounts/sessions.server";
import { signIn, signOut } from "~/domain/accounts/sign-in.server";
import { getUser, serializeSessionCookie } from "~/lib/auth.server";
import { getDb } from "~/lib/db.server";

describe("session lifecycle", () => {
  it("sign-out deletes the session row, so the token is dead everywhere", () => {
    const { token, session } = createSession("demo-fellow-6");
    expect(validateSessionToken(token)).not.toBeNull();
    signOut(session.id, "demo-fellow-6", "192.0.2.1");
    expect(getDb().select().from(schema.sessions).where(eq(schema.sessions.id, session.id)).get()).toBeUndefined();
    expect(validateSessionToken(token)).toBeNull();
  });

  it("a token planted before sign-in (fixation) does not survive the sign-in", async () => {
    const planted = createSession("demo-fellow-6");
    const result = await signIn({ email: "fellow6@demo.test", password: "fellowship-demo", ip: "192.0.2.2", previousSessionId: planted.session.id });
    if (!result.ok) throw new Error("expected sign-in");
    expect(validateSessionToken(planted.token)).toBeNull();
    expect(result.token).not.toBe(planted.token);
    expect(validateSessionToken(result.token)?.user.id).toBe("demo-fellow-6");
  });

  it("the cookie is __Host- prefixed and Secure over HTTPS, HttpOnly and SameSite=Lax always", () => {
    const expires = new Date(Date.now() + 86_400_000);
    const https = serializeSessionCookie(new Request("https://lms.example.org/login"), "id.secret", expires);
    expect(https).toMatch(/^__Host-fellowship_session=id\.secret;/);
    expect(https).toContain("; Secure");
    expect(https).toContain("; Path=/");
    expect(https).not.toMatch(/Domain=/i);
    const http = serializeSessionCookie(new Request("http://localhost:3000/login"), "id.secret", expires);
    expect(http).toMatch(/^fellowship_session=id\.secret;/);
    expect(http).not.toContain("Secure");
    for (const cookie of [https, http]) {
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
    }
  });

  it("over HTTPS only the __Host- cookie is read: a plain-named cookie set by a sibling or over HTTP is ignored", () => {
    const { token } = createSession("demo-fellow-6");
    expect(getUser(new Request("https://lms.example.org/", { headers: { Cookie: `fellowship_session=${token}` } }))).toBeNull();
    expect(getUser(new Request("https://lms.example.org/", { headers: { Cookie: `__Host-fellowship_session=${token}` } }))?.id).toBe("demo-fellow-6");
  });
});
