import { writeTransaction } from "#db/client";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getDb, preparedQuery } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { isLocale, type Locale } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { newId } from "~/lib/ids.server";
import { sendMail } from "~/lib/outbox.server";

export type NotificationValues = { module: string; name?: string; date?: string };

/** The module's title in a language: notifications store the slug, not a title frozen in one language. */
function moduleTitle(slug: string, locale: Locale) {
  const mod = getModule(slug);
  return mod ? moduleInLocale(mod, locale).version.frontmatter.title : slug;
}

export function notificationText(kind: schema.NotificationKind, values: Record<string, string>, locale: Locale) {
  return getFixedT(locale)(`notifications.kind.${kind}`, { ...values, module: moduleTitle(values.module ?? "", locale) });
}

/**
 * Tells a user something happened: always in the app, and by mail (through
 * the outbox) unless they switched that kind of mail off.
 */
export async function notify(userId: string, kind: schema.NotificationKind, values: NotificationValues, link: string) {
  const db = getDb();
  db.insert(schema.notifications).values({ id: newId(), userId, kind, values: values as Record<string, string>, link }).run();
  const user = db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!user || user.deactivatedAt) return;
  const optedOut = db
    .select()
    .from(schema.mailOptOuts)
    .where(and(eq(schema.mailOptOuts.userId, userId), eq(schema.mailOptOuts.kind, kind)))
    .get();
  if (optedOut) return;
  const locale: Locale = isLocale(user.locale) ? user.locale : "en";
  const text = notificationText(kind, values as Record<string, string>, locale);
  const t = getFixedT(locale);
  await sendMail({
    kind: `notification:${kind}`,
    to: user.email,
    subject: text,
    text: t("notifications.mailBody", { name: user.displayName, text, link: `${getEnv().PUBLIC_URL}${link}` }),
  });
}

const unreadQuery = preparedQuery((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(schema.notifications)
    .where(and(eq(schema.notifications.userId, sql.placeholder("userId")), isNull(schema.notifications.readAt)))
    .prepare(),
);

export function unreadCount(userId: string): number {
  return unreadQuery().get({ userId })?.n ?? 0;
}

export function listNotifications(userId: string, locale: Locale, limit = 50) {
  return getDb()
    .select()
    .from(schema.notifications)
    .where(eq(schema.notifications.userId, userId))
    .orderBy(desc(schema.notifications.createdAt))
    .limit(limit)
    .all()
    .map((n) => ({
      id: n.id,
      text: notificationText(n.kind, n.values, locale),
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    }));
}

export function markAllRead(userId: string) {
  getDb()
    .update(schema.notifications)
    .set({ readAt: new Date() })
    .where(and(eq(schema.notifications.userId, userId), isNull(schema.notifications.readAt)))
    .run();
}

export function mailOptOuts(userId: string): schema.NotificationKind[] {
  return getDb()
    .select({ kind: schema.mailOptOuts.kind })
    .from(schema.mailOptOuts)
    .where(eq(schema.mailOptOuts.userId, userId))
    .all()
    .map((r) => r.kind);
}

/** Stores which kinds of mail the user wants: every kind not in `wanted` is switched off. */
export function setMailPreferences(userId: string, wanted: schema.NotificationKind[]) {
  const db = getDb();
  writeTransaction(db, (tx) => {
    tx.delete(schema.mailOptOuts).where(eq(schema.mailOptOuts.userId, userId)).run();
    const off = schema.NOTIFICATION_KINDS.filter((k) => !wanted.includes(k));
    if (off.length) tx.insert(schema.mailOptOuts).values(off.map((kind) => ({ userId, kind }))).run();
  });
}
