import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { getDb } from "~/lib/db.server";
import { listOutbox } from "~/lib/outbox.server";
import { verifyPassword } from "./password.server";
import { INVITATION_LIFETIME_MS, acceptInvitation, createInvitation, findOpenInvitation, revokeInvitation } from "./invitations.server";
import { validateSessionToken } from "./sessions.server";

const COORDINATOR = "demo-coordinator";
const tokenOf = (link: string) => link.split("/invite/")[1];

describe("invitations", () => {
  it("creates a single-use link valid for 14 days and puts the invitation in the outbox", async () => {
    const now = new Date("2026-04-01T09:00:00Z");
    const r = await createInvitation(
      { email: "Nana@Example.org", displayName: "ნანა ხარაძე", role: "fellow", locale: "ka" },
      COORDINATOR,
      now,
    );
    if (!r.ok) throw new Error("expected an invitation");
    expect(r.expiresAt.getTime() - now.getTime()).toBe(INVITATION_LIFETIME_MS);
    const mail = listOutbox().find((m) => m.to === "nana@example.org")!;
    expect(mail.kind).toBe("invitation");
    expect(mail.text).toContain(r.link);
    expect(mail.text).toContain("ნანა ხარაძე");
    // Only a hash of the token is stored.
    const stored = getDb().select().from(schema.invitations).where(eq(schema.invitations.email, "nana@example.org")).get()!;
    expect(stored.tokenHash).not.toContain(tokenOf(r.link));
    expect(findOpenInvitation(tokenOf(r.link), new Date(now.getTime() + INVITATION_LIFETIME_MS - 1000))).not.toBeNull();
    expect(findOpenInvitation(tokenOf(r.link), new Date(now.getTime() + INVITATION_LIFETIME_MS + 1000))).toBeNull();
  });

  it("creates the account with the chosen name, language and password, signs in, and works only once", async () => {
    const r = await createInvitation({ email: "aram@example.org", displayName: "Aram", role: "mentor", locale: "en" }, COORDINATOR);
    if (!r.ok) throw new Error("expected an invitation");
    const accepted = await acceptInvitation(tokenOf(r.link), {
      displayName: "Արամ Պետրոսյան",
      locale: "hy",
      password: "a long enough password",
    });
    if (!accepted.ok) throw new Error("expected acceptance");
    const session = validateSessionToken(accepted.sessionToken)!;
    expect(session.user).toMatchObject({ displayName: "Արամ Պետրոսյան", role: "mentor", locale: "hy", email: "aram@example.org" });
    const user = getDb().select().from(schema.users).where(eq(schema.users.email, "aram@example.org")).get()!;
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(user.passwordHash!, "a long enough password")).toBe(true);
    const again = await acceptInvitation(tokenOf(r.link), { displayName: "X", locale: "en", password: "another password!" });
    expect(again.ok).toBe(false);
  });

  it("refuses to invite an address that already has an account", async () => {
    const r = await createInvitation({ email: "FELLOW@demo.test", displayName: "Dup", role: "fellow", locale: "en" }, COORDINATOR);
    expect(r).toEqual({ ok: false, reason: "already_user" });
  });

  it("a withdrawn or replaced invitation no longer works", async () => {
    const first = await createInvitation({ email: "twice@example.org", displayName: "T", role: "fellow", locale: "en" }, COORDINATOR);
    const second = await createInvitation({ email: "twice@example.org", displayName: "T", role: "fellow", locale: "en" }, COORDINATOR);
    if (!first.ok || !second.ok) throw new Error("expected invitations");
    expect(findOpenInvitation(tokenOf(first.link))).toBeNull();
    const open = findOpenInvitation(tokenOf(second.link))!;
    expect(revokeInvitation(open.id, COORDINATOR)?.email).toBe("twice@example.org");
    expect(findOpenInvitation(tokenOf(second.link))).toBeNull();
  });
});
