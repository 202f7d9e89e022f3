import { and, asc, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getDb } from "~/lib/db.server";
import { toCsv } from "~/lib/csv.server";
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
  // The latest attempt per fellow and module, found in one pass (no scan per fellow).
  const latest = new Map<string, (typeof attempts)[number]>();
  for (const a of attempts) {
    const key = `${a.submission.fellowId}\u0000${a.submission.moduleSlug}`;
    const seen = latest.get(key);
    if (!seen || a.submission.attempt > seen.submission.attempt) latest.set(key, a);
  }
  const rows = fellows.map((f) => ({
    ...f,
    cells: modules.map((m) => {
      const last = latest.get(`${f.id}\u0000${m.slug}`);
      const released = last?.review?.releasedAt ? last.review : null;
      return {
        status: last?.submission.status ?? null,
        attempt: last?.submission.attempt ?? 0,
        submissionId: last && last.submission.status !== "draft" ? last.submission.id : null,
        points: released ? Object.values(released.levels).reduce((s, p) => s + p, 0) : null,
      };
    }),
  }));
  return { cohort: { id: cohort.id, name: cohort.name }, modules, rows };
}

/** The gradebook as CSV, in the coordinator's language. */
export function gradebookCsv(book: ReturnType<typeof gradebook>, statusLabel: (status: string | null) => string) {
  const header = ["Fellow", "Email", "Organisation", ...book.modules.flatMap((m) => [`${m.title} — status`, `${m.title} — points (of ${m.max})`])];
  return toCsv(
    header,
    book.rows.map((r) => [r.name, r.email, r.organisation ?? "", ...r.cells.flatMap((c) => [statusLabel(c.status), c.points])]),
  );
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
