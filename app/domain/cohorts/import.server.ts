import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import * as schema from "#db/schema";
import { createInvitation } from "~/domain/accounts/invitations.server";
import { NAME_MAX } from "~/domain/accounts/schemas";
import { recordAudit } from "~/lib/audit.server";
import { parseCsvRecords } from "~/lib/csv.server";
import { getDb } from "~/lib/db.server";
import type { FieldError } from "~/lib/forms";
import { enrolFellow } from "./enrolment.server";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./limits";


export type ImportRow = {
  line: number;
  email: string;
  name: string;
  role: string;
  organisation: string;
  mentorEmail: string;
  language: string;
  /** What confirming will do with the row; null when it has problems. */
  action: "invite" | "enrol" | null;
  problems: FieldError[];
};

export type ImportPreview = { ok: true; rows: ImportRow[] } | { ok: false; error: FieldError };

// Header names as people write them: "Mentor email", "mentor_email", "Language"…
const COLUMNS: Record<string, keyof Pick<ImportRow, "email" | "name" | "role" | "organisation" | "mentorEmail" | "language">> = {
  email: "email",
  name: "name",
  fullname: "name",
  role: "role",
  organisation: "organisation",
  organization: "organisation",
  mentoremail: "mentorEmail",
  mentor: "mentorEmail",
  language: "language",
  locale: "language",
};

const isEmail = (v: string) => v.length <= 254 && z.email().safeParse(v).success;

/**
 * Reads a people CSV (email, name, role, organisation, mentor email,
 * language) and says, row by row, what importing it would do or what is
 * wrong with it. Nothing is written.
 */
export function previewImport(text: string, cohortId: string | null): ImportPreview {
  if (Buffer.byteLength(text, "utf8") > IMPORT_MAX_BYTES) return { ok: false, error: { key: "import.tooLarge", values: { kb: String(IMPORT_MAX_BYTES / 1024) } } };
  let records: Array<Record<string, string>>;
  try {
    records = parseCsvRecords(text);
  } catch {
    return { ok: false, error: { key: "import.unreadable" } };
  }
  if (records.length === 0) return { ok: false, error: { key: "import.empty" } };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, error: { key: "import.tooManyRows", values: { max: String(IMPORT_MAX_ROWS) } } };
  const headers = Object.keys(records[0]).map((h) => COLUMNS[h.replace(/[^a-z]/g, "")]);
  if (!headers.includes("email") || !headers.includes("name")) return { ok: false, error: { key: "import.missingColumns" } };

  const rows: ImportRow[] = records.map((record, i) => {
    const row: ImportRow = { line: i + 2, email: "", name: "", role: "", organisation: "", mentorEmail: "", language: "", action: null, problems: [] };
    for (const [header, value] of Object.entries(record)) {
      const column = COLUMNS[header.replace(/[^a-z]/g, "")];
      if (column && !row[column]) row[column] = String(value ?? "").trim();
    }
    row.email = row.email.toLowerCase();
    row.mentorEmail = row.mentorEmail.toLowerCase();
    row.role = row.role.toLowerCase() || "fellow";
    row.language = row.language.toLowerCase() || "en";
    return row;
  });

  // Everything the rows refer to, in four queries whatever the file's length.
  const db = getDb();
  const emails = [...new Set(rows.flatMap((r) => [r.email, r.mentorEmail]).filter(Boolean))];
  const users = new Map<string, { id: string; role: schema.Role; passwordHash: string | null; deactivatedAt: Date | null }>();
  for (let i = 0; i < emails.length; i += 500) {
    for (const u of db
      .select({ id: schema.users.id, email: schema.users.email, role: schema.users.role, passwordHash: schema.users.passwordHash, deactivatedAt: schema.users.deactivatedAt })
      .from(schema.users)
      .where(inArray(schema.users.email, emails.slice(i, i + 500)))
      .all()) {
      users.set(u.email, u);
    }
  }
  const enrolled = new Set(
    db
      .select({ fellowId: schema.enrollments.fellowId })
      .from(schema.enrollments)
      .where(eq(schema.enrollments.status, "active"))
      .all()
      .map((e) => e.fellowId),
  );
  const organisations = new Map(
    db
      .select({ id: schema.organizations.id, name: schema.organizations.name })
      .from(schema.organizations)
      .all()
      .map((o) => [o.name.trim().toLowerCase(), o.id]),
  );

  const seen = new Set<string>();
  const mentorsInFile = new Set<string>();
  for (const row of rows) {
    const problems = row.problems;
    if (!row.email || !isEmail(row.email)) problems.push({ key: "import.invalidEmail" });
    else if (seen.has(row.email)) problems.push({ key: "import.duplicate" });
    if (row.email) seen.add(row.email);
    if (!row.name) problems.push({ key: "import.missingName" });
    else if (row.name.length > NAME_MAX) problems.push({ key: "form.tooLong", values: { max: String(NAME_MAX) } });
    if (!(schema.ROLES as readonly string[]).includes(row.role)) problems.push({ key: "import.invalidRole" });
    if (!(schema.LOCALES as readonly string[]).includes(row.language)) problems.push({ key: "import.invalidLanguage" });
    if (row.organisation && !organisations.has(row.organisation.toLowerCase())) problems.push({ key: "import.unknownOrganisation" });
    if (row.mentorEmail) {
      const mentor = users.get(row.mentorEmail);
      const known = (mentor && mentor.role === "mentor" && !mentor.deactivatedAt) || mentorsInFile.has(row.mentorEmail);
      if (!known) problems.push({ key: "import.unknownMentor" });
    }
    const existing = users.get(row.email);
    if (existing) {
      if (existing.role !== "fellow" || row.role !== "fellow" || existing.deactivatedAt) problems.push({ key: "import.alreadyUser" });
      else if (enrolled.has(existing.id)) problems.push({ key: "import.alreadyEnrolled" });
      else if (!cohortId) problems.push({ key: "import.alreadyUser" });
    }
    if (problems.length === 0) {
      row.action = existing ? "enrol" : "invite";
      if (row.role === "mentor") mentorsInFile.add(row.email);
    }
  }
  return { ok: true, rows };
}

export type ImportReport = { invited: number; enrolled: number; skipped: number; rows: Array<ImportRow & { outcome: string }> };

/**
 * Imports the rows without problems: staff first (so fellows can be paired
 * with a mentor invited in the same file), then fellows, each enrolled in the
 * cohort with their organisation and mentor. Checks everything again first:
 * the preview may be minutes old.
 */
export async function confirmImport(text: string, cohortId: string | null, actorId: string): Promise<ImportPreview & { report?: ImportReport }> {
  const preview = previewImport(text, cohortId);
  if (!preview.ok) return preview;
  const db = getDb();
  const organisations = new Map(
    db.select({ id: schema.organizations.id, name: schema.organizations.name }).from(schema.organizations).all().map((o) => [o.name.trim().toLowerCase(), o.id]),
  );
  const report: ImportReport = { invited: 0, enrolled: 0, skipped: 0, rows: [] };
  const ordered = [...preview.rows].sort((a, b) => Number(a.role === "fellow") - Number(b.role === "fellow") || a.line - b.line);
  for (const row of ordered) {
    if (!row.action) {
      report.skipped++;
      report.rows.push({ ...row, outcome: "skipped" });
      continue;
    }
    let fellowId: string | null = null;
    if (row.action === "invite") {
      const invited = await createInvitation(
        { email: row.email, displayName: row.name, role: row.role as schema.Role, locale: row.language as schema.Locale },
        actorId,
      );
      if (!invited.ok) {
        report.skipped++;
        report.rows.push({ ...row, outcome: "skipped" });
        continue;
      }
      report.invited++;
      fellowId = row.role === "fellow" ? invited.userId : null;
    } else {
      fellowId = db.select({ id: schema.users.id }).from(schema.users).where(and(eq(schema.users.email, row.email), eq(schema.users.role, "fellow"))).get()?.id ?? null;
    }
    let outcome = row.action === "invite" ? "invited" : "skipped";
    if (fellowId && cohortId) {
      const mentorId = row.mentorEmail
        ? (db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, row.mentorEmail)).get()?.id ?? null)
        : null;
      const organizationId = row.organisation ? (organisations.get(row.organisation.toLowerCase()) ?? null) : null;
      const enrolled = await enrolFellow(fellowId, cohortId, { organizationId, mentorId }, actorId);
      if (enrolled.ok) {
        report.enrolled++;
        outcome = row.action === "invite" ? "invitedAndEnrolled" : "enrolled";
      }
    }
    if (outcome === "skipped") report.skipped++;
    report.rows.push({ ...row, outcome });
  }
  report.rows.sort((a, b) => a.line - b.line);
  recordAudit("people_imported", { actorId, subjectId: cohortId, detail: { invited: report.invited, enrolled: report.enrolled, skipped: report.skipped } });
  return { ...preview, report };
}
