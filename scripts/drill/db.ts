// Direct work on the SQLite file, outside the server: creating the drill's
// fellows before it starts, and reading the ground truth after the crash.
import { hash } from "@node-rs/argon2";
import Database from "better-sqlite3";

export const COHORT_ID = "demo-cohort-2026";
export const MENTOR_ID = "demo-mentor";
export const PASSWORD = "drill passphrase, long enough";

export type DrillFellow = { n: number; id: string; email: string; name: string };

// Names in the scripts fellows write them in, as in the demo data.
const NAMES = ["ნინო", "Արամ", "Günay", "Анна", "ლევან", "Լուսինե", "Elvin", "თამარ"];

export function drillFellows(count: number): DrillFellow[] {
  return Array.from({ length: count }, (_, i) => {
    const key = `drill-${String(i + 1).padStart(3, "0")}`;
    return { n: i + 1, id: key, email: `${key}@drill.test`, name: `${NAMES[i % NAMES.length]} ${key}` };
  });
}

export function openFile(file: string) {
  const db = new Database(file, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/**
 * Inserts the fellows and their enrolments in one transaction. One argon2 hash
 * is shared: computing 200 would take seconds and prove nothing more.
 */
export async function createFellows(file: string, fellows: DrillFellow[]) {
  const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const db = openFile(file);
  try {
    const now = Date.now();
    const user = db.prepare(
      "insert into users (id, email, display_name, role, locale, password_hash, created_at) values (?, ?, ?, 'fellow', null, ?, ?)",
    );
    const enrol = db.prepare(
      "insert into enrollments (id, cohort_id, fellow_id, organization_id, mentor_id, status, created_at) values (?, ?, ?, 'org-marneuli', ?, 'active', ?)",
    );
    db.transaction(() => {
      for (const f of fellows) {
        user.run(f.id, f.email, f.name, passwordHash, now);
        enrol.run(`enrol-${f.id}`, COHORT_ID, f.id, MENTOR_ID, now);
      }
    })();
  } finally {
    db.close();
  }
}

export type SubmissionRow = { id: string; attempt: number; body: string; status: string; mentor_id: string | null; version: number };

export function submissionsOf(db: Database.Database, fellowId: string, slug: string): SubmissionRow[] {
  return db
    .prepare("select id, attempt, body, status, mentor_id, version from submissions where fellow_id = ? and module_slug = ? order by attempt")
    .all(fellowId, slug) as SubmissionRow[];
}

export function integrity(db: Database.Database) {
  const integrityRows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
  const foreignKeyRows = db.pragma("foreign_key_check") as unknown[];
  return {
    integrity: integrityRows.map((r) => r.integrity_check).join("; "),
    foreignKeyProblems: foreignKeyRows.length,
  };
}
