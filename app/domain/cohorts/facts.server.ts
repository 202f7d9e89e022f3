import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { getModule } from "~/domain/content/catalog.server";
import { getDb } from "~/lib/db.server";

/** What a cell of the progress matrix says about one fellow and one module. */
export const CELL_STATES = ["not_started", "in_progress", "submitted", "revision_requested", "complete"] as const;
export type CellState = (typeof CELL_STATES)[number];

export type FellowFacts = {
  enrolmentId: string;
  id: string;
  name: string;
  email: string;
  invited: boolean;
  status: schema.EnrollmentStatus;
  enrolledAt: Date;
  endedAt: Date | null;
  organizationId: string | null;
  organizationName: string | null;
  municipality: string | null;
  mentorId: string | null;
  mentorName: string | null;
  cells: Record<string, CellState>;
  completedAt: Record<string, Date>;
  requiredComplete: number;
  /** Every required module complete. */
  programmeComplete: boolean;
  lastActivity: Date | null;
  /** Field practice: approved hours, and hours waiting for the mentor. */
  practiceHours: { approved: number; waiting: number };
  /** The latest attempt of each module's assignment. */
  latest: Record<string, { status: schema.SubmissionStatus; mentorId: string | null; submittedAt: Date | null; reviewReleasedAt: Date | null }>;
};

export type Turnaround = { mentorId: string | null; submittedAt: Date; releasedAt: Date };

const mentors = alias(schema.users, "mentors");
const key = (fellowId: string, slug: string) => `${fellowId}\u0000${slug}`;
const later = (a: Date | null, b: Date | null | undefined) => (b && (!a || b > a) ? b : a);

/**
 * Everything the coordinator's views of one cohort need, read in a fixed
 * number of queries (nine) whatever the number of fellows: each table is read
 * once for the whole cohort, grouped in SQL, and joined up in memory.
 */
export function cohortFacts(cohortId: string) {
  const db = getDb();
  const cohort = db.select().from(schema.cohorts).where(eq(schema.cohorts.id, cohortId)).get();
  if (!cohort) return null;
  const schedule = db
    .select()
    .from(schema.cohortModules)
    .where(eq(schema.cohortModules.cohortId, cohortId))
    .orderBy(asc(schema.cohortModules.position))
    .all()
    .filter((m) => getModule(m.moduleSlug));
  const slugs = schedule.map((m) => m.moduleSlug);
  const required = schedule.filter((m) => m.required).map((m) => m.moduleSlug);

  const members = db
    .select({
      enrolmentId: schema.enrollments.id,
      id: schema.users.id,
      name: schema.users.displayName,
      email: schema.users.email,
      invited: sql<number>`${schema.users.passwordHash} is null`,
      status: schema.enrollments.status,
      enrolledAt: schema.enrollments.createdAt,
      endedAt: schema.enrollments.endedAt,
      organizationId: schema.enrollments.organizationId,
      organizationName: schema.organizations.name,
      municipality: schema.organizations.municipality,
      mentorId: schema.enrollments.mentorId,
      mentorName: mentors.displayName,
    })
    .from(schema.enrollments)
    .innerJoin(schema.users, eq(schema.users.id, schema.enrollments.fellowId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, schema.enrollments.organizationId))
    .leftJoin(mentors, eq(mentors.id, schema.enrollments.mentorId))
    .where(eq(schema.enrollments.cohortId, cohortId))
    .all();

  // The cohort's fellows as a subquery, so no list of ids is sent (or grows) with the cohort.
  const inCohort = (column: SQLiteColumn) =>
    inArray(column, db.select({ id: schema.enrollments.fellowId }).from(schema.enrollments).where(eq(schema.enrollments.cohortId, cohortId)));
  const scheduled = (column: SQLiteColumn) => (slugs.length ? inArray(column, slugs) : sql`0`);

  const reads = db
    .select({ fellowId: schema.sectionProgress.fellowId, slug: schema.sectionProgress.moduleSlug, last: max(schema.sectionProgress.readAt) })
    .from(schema.sectionProgress)
    .where(and(inCohort(schema.sectionProgress.fellowId), scheduled(schema.sectionProgress.moduleSlug)))
    .groupBy(schema.sectionProgress.fellowId, schema.sectionProgress.moduleSlug)
    .all();
  const checks = db
    .select({ fellowId: schema.knowledgeCheckAttempts.fellowId, slug: schema.knowledgeCheckAttempts.moduleSlug, last: max(schema.knowledgeCheckAttempts.createdAt) })
    .from(schema.knowledgeCheckAttempts)
    .where(and(inCohort(schema.knowledgeCheckAttempts.fellowId), scheduled(schema.knowledgeCheckAttempts.moduleSlug)))
    .groupBy(schema.knowledgeCheckAttempts.fellowId, schema.knowledgeCheckAttempts.moduleSlug)
    .all();
  const completions = db
    .select()
    .from(schema.moduleCompletions)
    .where(and(inCohort(schema.moduleCompletions.fellowId), scheduled(schema.moduleCompletions.moduleSlug)))
    .all();
  const notes = db
    .select({ fellowId: schema.reflections.fellowId, last: max(schema.reflections.updatedAt) })
    .from(schema.reflections)
    .where(inCohort(schema.reflections.fellowId))
    .groupBy(schema.reflections.fellowId)
    .all();
  const attempts = db
    .select({
      fellowId: schema.submissions.fellowId,
      slug: schema.submissions.moduleSlug,
      attempt: schema.submissions.attempt,
      status: schema.submissions.status,
      mentorId: schema.submissions.mentorId,
      updatedAt: schema.submissions.updatedAt,
      submittedAt: schema.submissions.submittedAt,
      reviewMentorId: schema.reviews.mentorId,
      releasedAt: schema.reviews.releasedAt,
    })
    .from(schema.submissions)
    .leftJoin(schema.reviews, eq(schema.reviews.submissionId, schema.submissions.id))
    .where(and(inCohort(schema.submissions.fellowId), scheduled(schema.submissions.moduleSlug)))
    .all();

  const practice = db
    .select({
      fellowId: schema.practiceEntries.fellowId,
      approved: sql<number>`coalesce(sum(case when ${schema.practiceEntries.status} = 'approved' then ${schema.practiceEntries.quarters} end), 0)`,
      waiting: sql<number>`coalesce(sum(case when ${schema.practiceEntries.status} = 'waiting' then ${schema.practiceEntries.quarters} end), 0)`,
      last: max(schema.practiceEntries.updatedAt),
    })
    .from(schema.practiceEntries)
    .where(inCohort(schema.practiceEntries.fellowId))
    .groupBy(schema.practiceEntries.fellowId)
    .all();

  const hours = new Map(practice.map((p) => [p.fellowId, { approved: p.approved / 4, waiting: p.waiting / 4 }]));
  const readSet = new Map(reads.map((r) => [key(r.fellowId, r.slug), r.last]));
  const checkSet = new Map(checks.map((c) => [key(c.fellowId, c.slug), c.last]));
  const done = new Map(completions.map((c) => [key(c.fellowId, c.moduleSlug), c.completedAt]));
  const latest = new Map<string, (typeof attempts)[number]>();
  const lastActivity = new Map<string, Date | null>();
  const touch = (fellowId: string, at: Date | null | undefined) => lastActivity.set(fellowId, later(lastActivity.get(fellowId) ?? null, at));
  for (const r of reads) touch(r.fellowId, r.last);
  for (const c of checks) touch(c.fellowId, c.last);
  for (const n of notes) touch(n.fellowId, n.last);
  for (const p of practice) touch(p.fellowId, p.last);
  const turnarounds: Turnaround[] = [];
  for (const a of attempts) {
    const k = key(a.fellowId, a.slug);
    const seen = latest.get(k);
    if (!seen || a.attempt > seen.attempt) latest.set(k, a);
    // The fellow's own work counts as activity: when they submitted, or last saved a draft.
    touch(a.fellowId, a.status === "draft" ? a.updatedAt : a.submittedAt);
    if (a.submittedAt && a.releasedAt) turnarounds.push({ mentorId: a.reviewMentorId, submittedAt: a.submittedAt, releasedAt: a.releasedAt });
  }

  const fellows: FellowFacts[] = members.map((m) => {
    const cells: Record<string, CellState> = {};
    const completedAt: Record<string, Date> = {};
    const latestOf: FellowFacts["latest"] = {};
    for (const slug of slugs) {
      const k = key(m.id, slug);
      const at = done.get(k);
      const last = latest.get(k);
      if (last) latestOf[slug] = { status: last.status, mentorId: last.mentorId, submittedAt: last.submittedAt, reviewReleasedAt: last.releasedAt };
      if (at) {
        completedAt[slug] = at;
        cells[slug] = "complete";
      } else if (last?.status === "revision_requested") cells[slug] = "revision_requested";
      else if (last?.status === "submitted") cells[slug] = "submitted";
      else if (readSet.has(k) || checkSet.has(k) || last) cells[slug] = "in_progress";
      else cells[slug] = "not_started";
    }
    const requiredComplete = required.filter((slug) => cells[slug] === "complete").length;
    return {
      ...m,
      invited: Boolean(m.invited),
      cells,
      completedAt,
      requiredComplete,
      programmeComplete: required.length > 0 && requiredComplete === required.length,
      lastActivity: lastActivity.get(m.id) ?? null,
      practiceHours: hours.get(m.id) ?? { approved: 0, waiting: 0 },
      latest: latestOf,
    };
  });
  return { cohort, schedule, required, fellows, turnarounds };
}

export type CohortFacts = NonNullable<ReturnType<typeof cohortFacts>>;

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const DAY_MS = 86_400_000;
