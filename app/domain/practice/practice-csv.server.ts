import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { toCsv } from "~/lib/csv.server";
import { getDb } from "~/lib/db.server";

const fellows = alias(schema.users, "fellows");
const reviewers = alias(schema.users, "reviewers");

/** Every approved practice entry of a cohort's fellows, one row each (UTF-8 with BOM). */
export function approvedPracticeCsv(cohortId: string, t: (key: string) => string) {
  const db = getDb();
  const cohort = db.select({ id: schema.cohorts.id }).from(schema.cohorts).where(eq(schema.cohorts.id, cohortId)).get();
  if (!cohort) return null;
  const inCohort = db.select({ id: schema.enrollments.fellowId }).from(schema.enrollments).where(eq(schema.enrollments.cohortId, cohortId));
  const rows = db
    .select({
      fellow: fellows.displayName,
      email: fellows.email,
      organisation: schema.organizations.name,
      municipality: schema.organizations.municipality,
      date: schema.practiceEntries.date,
      quarters: schema.practiceEntries.quarters,
      kind: schema.practiceEntries.kind,
      goal: schema.agreementGoals.title,
      description: schema.practiceEntries.description,
      approvedBy: reviewers.displayName,
      approvedAt: schema.practiceEntries.reviewedAt,
    })
    .from(schema.practiceEntries)
    .innerJoin(fellows, eq(fellows.id, schema.practiceEntries.fellowId))
    .leftJoin(schema.enrollments, and(eq(schema.enrollments.fellowId, schema.practiceEntries.fellowId), eq(schema.enrollments.cohortId, cohortId)))
    .leftJoin(schema.organizations, eq(schema.organizations.id, schema.enrollments.organizationId))
    .leftJoin(schema.agreementGoals, eq(schema.agreementGoals.id, schema.practiceEntries.goalId))
    .leftJoin(reviewers, eq(reviewers.id, schema.practiceEntries.reviewedById))
    .where(and(eq(schema.practiceEntries.status, "approved"), inArray(schema.practiceEntries.fellowId, inCohort)))
    .orderBy(asc(fellows.displayName), asc(schema.practiceEntries.date))
    .all();
  const header = [t("people.name"), t("people.email"), t("enrolment.organisation"), t("organisations.municipality"), t("practice.date"), t("practice.hours"), t("practice.kind"), t("practice.goal"), t("practice.description"), t("practice.approvedBy"), t("practice.approvedAt")];
  return toCsv(
    header,
    rows.map((r) => [r.fellow, r.email, r.organisation, r.municipality, r.date, r.quarters / 4, t(`practice.kinds.${r.kind}`), r.goal, r.description, r.approvedBy, r.approvedAt ? r.approvedAt.toISOString().slice(0, 10) : ""]),
  );
}
