import { and, asc, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http.server";
import type { Locale } from "~/lib/i18n/config";

export function listCohorts() {
  return getDb().select().from(schema.cohorts).orderBy(asc(schema.cohorts.startsOn)).all();
}

/** Fellows × assignments of one cohort: the latest attempt's status and the points of its released review. */
export function gradebook(cohortId: string, locale: Locale) {
  const db = getDb();
  const cohort = db.select().from(schema.cohorts).where(eq(schema.cohorts.id, cohortId)).get() ?? notFound();
  const modules = db
    .select()
    .from(schema.cohortModules)
    .where(eq(schema.cohortModules.cohortId, cohortId))
    .orderBy(asc(schema.cohortModules.position))
    .all()
    .filter((m) => getModule(m.moduleSlug))
    .map((m) => {
      const version = moduleInLocale(getModule(m.moduleSlug)!, locale).version;
      const rubric = version.frontmatter.assignment.rubric;
      return {
        slug: m.moduleSlug,
        title: version.frontmatter.assignment.title,
        moduleTitle: version.frontmatter.title,
        max: rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0),
      };
    });
  const fellows = db
    .select({
      id: schema.users.id,
      name: schema.users.displayName,
      email: schema.users.email,
      organisation: schema.organizations.name,
    })
    .from(schema.enrollments)
    .innerJoin(schema.users, eq(schema.users.id, schema.enrollments.fellowId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, schema.enrollments.organizationId))
    .where(and(eq(schema.enrollments.cohortId, cohortId), eq(schema.enrollments.status, "active")))
    .orderBy(asc(schema.users.displayName))
    .all();
  const ids = fellows.map((f) => f.id);
  const attempts = ids.length
    ? db
        .select({ submission: schema.submissions, review: schema.reviews })
        .from(schema.submissions)
        .leftJoin(schema.reviews, eq(schema.reviews.submissionId, schema.submissions.id))
        .where(inArray(schema.submissions.fellowId, ids))
        .all()
    : [];
  const rows = fellows.map((f) => ({
    ...f,
    cells: modules.map((m) => {
      const mine = attempts.filter((a) => a.submission.fellowId === f.id && a.submission.moduleSlug === m.slug);
      const latest = mine.sort((a, b) => b.submission.attempt - a.submission.attempt)[0];
      const released = latest?.review?.releasedAt ? latest.review : null;
      return {
        status: latest?.submission.status ?? null,
        attempt: latest?.submission.attempt ?? 0,
        submissionId: latest && latest.submission.status !== "draft" ? latest.submission.id : null,
        points: released ? Object.values(released.levels).reduce((s, p) => s + p, 0) : null,
      };
    }),
  }));
  return { cohort: { id: cohort.id, name: cohort.name }, modules, rows };
}

const cell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with a byte-order mark, so spreadsheet programs read Georgian and Armenian names correctly. */
export function gradebookCsv(book: ReturnType<typeof gradebook>, statusLabel: (status: string | null) => string) {
  const header = ["Fellow", "Email", "Organisation", ...book.modules.flatMap((m) => [`${m.title} — status`, `${m.title} — points (of ${m.max})`])];
  const lines = [header.map(cell).join(",")];
  for (const r of book.rows) {
    lines.push(
      [r.name, r.email, r.organisation ?? "", ...r.cells.flatMap((c) => [statusLabel(c.status), c.points])].map(cell).join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function listMentors() {
  return getDb()
    .select({ id: schema.users.id, name: schema.users.displayName })
    .from(schema.users)
    .where(eq(schema.users.role, "mentor"))
    .orderBy(asc(schema.users.displayName))
    .all();
}

/** A coordinator hands a waiting submission to another mentor. */
export function reassignSubmission(submissionId: string, mentorId: string) {
  const db = getDb();
  const mentor = db.select().from(schema.users).where(and(eq(schema.users.id, mentorId), eq(schema.users.role, "mentor"))).get();
  if (!mentor || mentor.deactivatedAt) return null;
  return (
    db
      .update(schema.submissions)
      .set({ mentorId, updatedAt: new Date() })
      .where(and(eq(schema.submissions.id, submissionId), eq(schema.submissions.status, "submitted")))
      .returning()
      .get() ?? null
  );
}
