import { describe, expect, it } from "vitest";
import { INVITATIONS_PER_EMAIL, createInvitation, invitationLimitReached } from "~/domain/accounts/invitations.server";
import { RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_EMAIL, requestPasswordReset } from "~/domain/accounts/password-reset.server";
import { listOutbox } from "~/lib/outbox.server";

// Sign-in throttling is tested in sign-in.server.test.ts and security.spec.ts;
// certificate lookups in certificates.server.test.ts.
describe("rate limits kept in the database", () => {
  it("password-reset requests: three an hour per address of mail, whether or not it has an account, then no more mail", async () => {
    const now = new Date("2026-11-27T09:00:00Z");
    const mailsBefore = listOutbox().filter((m) => m.to === "fellow3@demo.test").length;
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++) expect(await requestPasswordReset("fellow3@demo.test", `192.0.2.${i}`, now)).toBeNull();
    const limited = await requestPasswordReset("FELLOW3@demo.test", "192.0.2.99", now);
    expect(limited?.retryAfterMs).toBeGreaterThan(0);
    expect(listOutbox().filter((m) => m.to === "fellow3@demo.test").length - mailsBefore).toBe(RESET_REQUESTS_PER_EMAIL);
    // The same limit for an address without an account: the answer reveals nothing.
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++) await requestPasswordReset("nobody@example.org", `192.0.2.${i}`, now);
    expect(await requestPasswordReset("nobody@example.org", "192.0.2.50", now)).not.toBeNull();
    // An hour later, a request goes through again.
    expect(await requestPasswordReset("fellow3@demo.test", "192.0.2.1", new Date(now.getTime() + 61 * 60_000))).toBeNull();
  });

  it("password-reset requests: ten an hour from one client address", async () => {
    const now = new Date("2026-11-27T10:00:00Z");
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS; i++) expect(await requestPasswordReset(`someone${i}@example.org`, "198.51.100.20", now)).toBeNull();
    expect(await requestPasswordReset("someone-else@example.org", "198.51.100.20", now)).not.toBeNull();
    expect(await requestPasswordReset("someone-else@example.org", "198.51.100.21", now)).toBeNull();
  });

  it("invitations: three an hour to one address", async () => {
    const now = new Date();
    for (let i = 0; i < INVITATIONS_PER_EMAIL; i++) {
      expect(invitationLimitReached("demo-coordinator", "many@example.org", now)).toBeNull();
      await createInvitation({ email: "many@example.org", displayName: "Many", role: "fellow", locale: "en" }, "demo-coordinator", now);
    }
    expect(invitationLimitReached("demo-coordinator", "MANY@example.org", now)).toBeGreaterThan(0);
    expect(invitationLimitReached("demo-coordinator", "other@example.org", now)).toBeNull();
  });
});
