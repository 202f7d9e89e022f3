import { writeTransaction } from "#db/client";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import * as schema from "#db/schema";
import { recordAudit } from "~/lib/audit.server";
import { anyLimitReached } from "~/lib/rate-limit.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { hashToken, newId, newToken } from "~/lib/ids.server";
import { sendMail } from "~/lib/outbox.server";
import { hashPassword } from "./password.server";
import { createSession } from "./sessions.server";

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
export const INVITATIONS_PER_EMAIL = 3;
export const INVITATIONS_PER_COORDINATOR = 100;
const HOUR = 60 * 60 * 1000;

/**
 * Invitations sent by hand are limited: three an hour to one address (no
 * inbox is flooded) and a hundred an hour from one coordinator. Returns the
 * wait in ms, or null.
 */
export function invitationLimitReached(actorId: string, email: string, now = new Date()) {
  return anyLimitReached(
    [
      { type: "invitation_created", by: "email", value: email.trim().toLowerCase(), max: INVITATIONS_PER_EMAIL, windowMs: HOUR },
      { type: "invitation_created", by: "actor", value: actorId, max: INVITATIONS_PER_COORDINATOR, windowMs: HOUR },
    ],
    now,
  );
}

export type InvitationInput = {
  email: string;
  displayName: string;
  role: schema.Role;
  locale: schema.Locale;
};

class InvitationAlreadyUsed extends Error {}

export function invitationLink(token: string) {
  return `${getEnv().PUBLIC_URL}/invite/${token}`;
}

/**
 * Invites a person. Their account exists from now on, without a password, so
 * a coordinator can enrol and pair an invited fellow at once; accepting the
 * invitation sets the password. An account that already has a password (or
 * was deactivated) is not invited again.
 */
export async function createInvitation(
  input: InvitationInput,
  invitedById: string,
  now = new Date(),
): Promise<{ ok: true; link: string; expiresAt: Date; userId: string } | { ok: false; reason: "already_user" }> {
  const db = getDb();
  const email = input.email.trim().toLowerCase();
  const existing = db.select().from(schema.users).where(eq(schema.users.email, email)).get();
  if (existing && (existing.passwordHash || existing.deactivatedAt)) return { ok: false, reason: "already_user" };
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const userId = existing?.id ?? newId();
  writeTransaction(db, (tx) => {
    // A new invitation replaces any earlier one still open for the same address.
    tx.update(schema.invitations)
      .set({ revokedAt: now })
      .where(and(eq(schema.invitations.email, email), isNull(schema.invitations.usedAt), isNull(schema.invitations.revokedAt)))
      .run();
    const account = { displayName: input.displayName, role: input.role, locale: input.locale };
    if (existing) tx.update(schema.users).set(account).where(eq(schema.users.id, userId)).run();
    else tx.insert(schema.users).values({ id: userId, email, ...account, passwordHash: null, createdAt: now }).run();
    tx.insert(schema.invitations)
      .values({
        id: newId(),
        email,
        ...account,
        tokenHash: hashToken(token),
        invitedById,
        createdAt: now,
        expiresAt,
        userId,
      })
      .run();
  });
  recordAudit("invitation_created", { actorId: invitedById, subjectId: userId, email, detail: { role: input.role }, at: now });
  const link = invitationLink(token);
  const t = getFixedT(input.locale);
  await sendMail({
    kind: "invitation",
    to: email,
    subject: t("mail.inviteSubject"),
    text: t("mail.inviteBody", {
      name: input.displayName,
      role: t(`roles.${input.role}`),
      date: expiresAt.toISOString().slice(0, 10),
      link,
    }),
  });
  return { ok: true, link, expiresAt, userId };
}

export function findOpenInvitation(token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  return (
    getDb()
      .select()
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.tokenHash, hashToken(token)),
          isNull(schema.invitations.usedAt),
          isNull(schema.invitations.revokedAt),
          gt(schema.invitations.expiresAt, now),
        ),
      )
      .get() ?? null
  );
}

export async function acceptInvitation(
  token: string,
  input: { displayName: string; locale: schema.Locale; password: string },
  now = new Date(),
): Promise<{ ok: true; sessionToken: string; expiresAt: Date; role: schema.Role } | { ok: false }> {
  const invitation = findOpenInvitation(token, now);
  if (!invitation) return { ok: false };
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  let userId = invitation.userId ?? newId();
  let accepted: boolean;
  try {
    accepted = writeTransaction(db, (tx) => {
      const account = { displayName: input.displayName, locale: input.locale, passwordHash };
      if (invitation.userId) {
        // The account waiting for this invitation: only while it has no password and is not deactivated.
        const set = tx
          .update(schema.users)
          .set(account)
          .where(and(eq(schema.users.id, invitation.userId), isNull(schema.users.passwordHash), isNull(schema.users.deactivatedAt)))
          .run();
        if (set.changes !== 1) return false;
      } else {
        // An invitation from before accounts were created at invitation time.
        const taken = tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, invitation.email)).get();
        if (taken) return false;
        userId = newId();
        tx.insert(schema.users).values({ id: userId, email: invitation.email, role: invitation.role, ...account, createdAt: now }).run();
      }
      // Marking the invitation used and setting the password happen together, once.
      const claimed = tx
        .update(schema.invitations)
        .set({ usedAt: now, userId })
        .where(and(eq(schema.invitations.id, invitation.id), isNull(schema.invitations.usedAt)))
        .run();
      if (claimed.changes !== 1) throw new InvitationAlreadyUsed();
      return true;
    });
  } catch (error) {
    if (error instanceof InvitationAlreadyUsed) return { ok: false };
    throw error;
  }
  if (!accepted) return { ok: false };
  recordAudit("invitation_accepted", { actorId: userId, email: invitation.email, at: now });
  const { token: sessionToken, session } = createSession(userId, now);
  return { ok: true, sessionToken, expiresAt: session.expiresAt, role: invitation.role };
}

export function listOpenInvitations(now = new Date()) {
  return getDb()
    .select({
      id: schema.invitations.id,
      email: schema.invitations.email,
      displayName: schema.invitations.displayName,
      role: schema.invitations.role,
      expiresAt: schema.invitations.expiresAt,
    })
    .from(schema.invitations)
    .where(and(isNull(schema.invitations.usedAt), isNull(schema.invitations.revokedAt), gt(schema.invitations.expiresAt, now)))
    .orderBy(desc(schema.invitations.createdAt))
    .all();
}

export function revokeInvitation(id: string, actorId: string, now = new Date()) {
  const invitation = getDb()
    .update(schema.invitations)
    .set({ revokedAt: now })
    .where(and(eq(schema.invitations.id, id), isNull(schema.invitations.usedAt), isNull(schema.invitations.revokedAt)))
    .returning({ email: schema.invitations.email })
    .get();
  if (invitation) recordAudit("invitation_revoked", { actorId, email: invitation.email, at: now });
  return invitation ?? null;
}
