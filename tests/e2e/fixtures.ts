import { hash } from "@node-rs/argon2";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import crypto from "node:crypto";
import { DEMO_PASSWORD, E2E_DATABASE } from "./env";

export { expect };

type Role = "fellow" | "mentor" | "coordinator";
export type TestUser = { id: string; email: string; password: string; name: string; role: Role };

let db: Database.Database | undefined;
/** The same SQLite file the server under test uses (WAL lets both work at once). */
export function database() {
  db ??= new Database(E2E_DATABASE);
  db.pragma("busy_timeout = 5000");
  return db;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The newest message sent to an address, read from the outbox table. */
export function lastMailTo(email: string): { subject: string; text: string } | undefined {
  return database()
    .prepare("select subject, text from outbox_messages where \"to\" = ? order by created_at desc limit 1")
    .get(email) as { subject: string; text: string } | undefined;
}

type Fixtures = {
  /** Console errors fail the test unless it declares them expected. */
  allowConsoleError: (pattern: RegExp) => void;
  /** A fresh account for this test alone, removed afterwards. */
  makeUser: (options?: { role?: Role; name?: string; locale?: string; enrol?: boolean }) => Promise<TestUser>;
};

export const test = base.extend<Fixtures>({
  allowConsoleError: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use((pattern) => allowed.push(pattern));
      const unexpected = errors.filter((e) => !allowed.some((p) => p.test(e)));
      expect(unexpected, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  makeUser: async ({}, use) => {
    const created: string[] = [];
    await use(async (options = {}) => {
      const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
      const user: TestUser = {
        id,
        email: `${id}@e2e.test`,
        password: "e2e passphrase long enough",
        name: options.name ?? "Test Person",
        role: options.role ?? "fellow",
      };
      const passwordHash = await hash(user.password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      database()
        .prepare(
          "insert into users (id, email, display_name, role, locale, password_hash, created_at) values (?, ?, ?, ?, ?, ?, ?)",
        )
        .run(id, user.email, user.name, user.role, options.locale ?? null, passwordHash, Date.now());
      if (options.enrol) {
        // Into the demo cohort, placed in Marneuli and mentored by mentor@demo.test.
        database()
          .prepare(
            "insert into enrollments (id, cohort_id, fellow_id, organization_id, mentor_id, status, created_at) values (?, 'demo-cohort-2026', ?, 'org-marneuli', 'demo-mentor', 'active', ?)",
          )
          .run(`enrol-${id}`, id, Date.now());
      }
      created.push(id);
      return user;
    });
    for (const id of created) {
      database().prepare("delete from enrollments where fellow_id = ?").run(id);
      database().prepare("delete from notifications where user_id = ?").run(id);
      database().prepare("delete from submissions where fellow_id = ?").run(id);
      database().prepare("delete from certificates where fellow_id = ?").run(id);
      database().prepare("delete from practice_reviews where fellow_id = ?").run(id);
      database().prepare("delete from practice_entries where fellow_id = ?").run(id);
      database().prepare("delete from supervision_sessions where fellow_id = ?").run(id);
      database().prepare("delete from learning_agreements where fellow_id = ?").run(id);
      database().prepare("delete from users where id = ?").run(id);
    }
  },
});
