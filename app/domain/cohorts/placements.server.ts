import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { getDb } from "~/lib/db.server";

const mentors = alias(schema.users, "mentors");
const fellows = alias(schema.users, "fellows");

/** Where a fellow is placed: cohort, host organisation and mentor of the active enrolment. */
export function getFellowPlacement(fellowId: string) {
  return (
    getDb()
      .select({
        cohortName: schema.cohorts.name,
        startsOn: schema.cohorts.startsOn,
        endsOn: schema.cohorts.endsOn,
        organizationName: schema.organizations.name,
        municipality: schema.organizations.municipality,
        mentorName: mentors.displayName,
        mentorEmail: mentors.email,
      })
      .from(schema.enrollments)
      .innerJoin(schema.cohorts, eq(schema.cohorts.id, schema.enrollments.cohortId))
      .leftJoin(schema.organizations, eq(schema.organizations.id, schema.enrollments.organizationId))
      .leftJoin(mentors, eq(mentors.id, schema.enrollments.mentorId))
      .where(and(eq(schema.enrollments.fellowId, fellowId), eq(schema.enrollments.status, "active")))
      .get() ?? null
  );
}

/** The fellows a mentor is paired with, and only those. */
export function listMentorFellows(mentorId: string) {
  return getDb()
    .select({
      fellowId: fellows.id,
      name: fellows.displayName,
      email: fellows.email,
      cohortName: schema.cohorts.name,
      organizationName: schema.organizations.name,
    })
    .from(schema.enrollments)
    .innerJoin(fellows, eq(fellows.id, schema.enrollments.fellowId))
    .innerJoin(schema.cohorts, eq(schema.cohorts.id, schema.enrollments.cohortId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, schema.enrollments.organizationId))
    .where(and(eq(schema.enrollments.mentorId, mentorId), eq(schema.enrollments.status, "active")))
    .orderBy(asc(fellows.displayName))
    .all();
}

/**
 * For a mentor's fellows: what is waiting for whom. Submissions waiting for
 * the mentor's review, and revisions the fellow still owes (the latest
 * attempt sent back for revision).
 */
export function waitingFor(fellowIds: string[], mentorId: string) {
  const result = new Map<string, { forMentor: number; forFellow: number }>();
  if (fellowIds.length === 0) return result;
  const rows = getDb()
    .select({
      fellowId: schema.submissions.fellowId,
      moduleSlug: schema.submissions.moduleSlug,
      attempt: schema.submissions.attempt,
      status: schema.submissions.status,
      mentorId: schema.submissions.mentorId,
    })
    .from(schema.submissions)
    .where(inArray(schema.submissions.fellowId, fellowIds))
    .all();
  for (const id of fellowIds) {
    const latestByModule = new Map<string, (typeof rows)[number]>();
    for (const r of rows.filter((r) => r.fellowId === id)) {
      const seen = latestByModule.get(r.moduleSlug);
      if (!seen || r.attempt > seen.attempt) latestByModule.set(r.moduleSlug, r);
    }
    const latest = [...latestByModule.values()];
    result.set(id, {
      forMentor: latest.filter((r) => r.status === "submitted" && r.mentorId === mentorId).length,
      forFellow: latest.filter((r) => r.status === "revision_requested").length,
    });
  }
  return result;
}
