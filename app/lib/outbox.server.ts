import { eq, desc } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import * as schema from "#db/schema";
import { getDb } from "./db.server";
import { getEnv } from "./env.server";
import { newId } from "./ids.server";

export type OutgoingMail = { kind: string; to: string; subject: string; text: string };

let transport: Transporter | undefined;

/**
 * Every message the system sends passes here. It is always stored first, so a
 * coordinator can pass a link on by hand when there is no mail server; with
 * SMTP_URL set it is also sent, and the outcome recorded.
 */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  const id = newId();
  const db = getDb();
  db.insert(schema.outboxMessages).values({ id, ...mail }).run();
  const { SMTP_URL, MAIL_FROM } = getEnv();
  if (SMTP_URL) {
    transport ??= nodemailer.createTransport(SMTP_URL);
    try {
      await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      db.update(schema.outboxMessages).set({ sentAt: new Date() }).where(eq(schema.outboxMessages.id, id)).run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      db.update(schema.outboxMessages).set({ error: message.slice(0, 500) }).where(eq(schema.outboxMessages.id, id)).run();
    }
  }
  return id;
}

export function listOutbox(limit = 100) {
  return getDb()
    .select()
    .from(schema.outboxMessages)
    .orderBy(desc(schema.outboxMessages.createdAt))
    .limit(limit)
    .all();
}
