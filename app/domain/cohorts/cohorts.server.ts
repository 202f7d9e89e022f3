import { writeTransaction } from "#db/client";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, listModuleSlugs, moduleInLocale } from "~/domain/content/catalog.server";
import { recordAudit } from "~/lib/audit.server";
import { addDays, daysBetween } from "~/lib/dates.server";
import { getDb } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n/config";
import { newId } from "~/lib/ids.server";
import type { CohortInput } from "./schemas";

/** Cohorts, current first, with their fellows counted by status. */
export function listCohortSummaries() {
  const count = (status: schema.EnrollmentStatus) =>
    sql<number>`(select count(*) from ${schema.enrollments} e where e.cohort_id = ${schema.cohorts.id} and e.status = ${status})`;
  return getDb()
    .select({
      id: schema.cohorts.id,
      name: schema.cohorts.name,
      region: schema.cohorts.region,
      startsOn: schema.cohorts.startsOn,
      endsOn: schema.cohorts.endsOn,
      archivedAt: schema.cohorts.archivedAt,
      active: count("active"),
      withdrawn: count("withdrawn"),
      completed: count("completed"),
      modules: sql<number>`(select count(*) from ${schema.cohortModules} m where m.cohort_id = ${schema.cohorts.id})`,
    })
    .from(schema.cohorts)
    .orderBy(sql`${schema.cohorts.archivedAt} is not null`, asc(schema.cohorts.startsOn))
    .all();
}

/** Cohorts a fellow can be enrolled in or moved to: not archived. */
export function listOpenCohorts() {
  return getDb()
    .select({ id: schema.cohorts.id, name: schema.cohorts.name })
    .from(schema.cohorts)
    .where(isNull(schema.cohorts.archivedAt))
    .orderBy(asc(schema.cohorts.startsOn))
    .all();
}

export function getCohort(id: string) {
  return getDb().select().from(schema.cohorts).where(eq(schema.cohorts.id, id)).get() ?? null;
}

/**
 * A new cohort starts with every module of the curriculum scheduled in
 * order, spread evenly between its start and end, each due three weeks after
 * it opens: the coordinator adjusts rather than types ten rows of dates.
 */
export function defaultSchedule(startsOn: string, endsOn: string, slugs = listModuleSlugs()) {
  const span = Math.max(0, daysBetween(startsOn, endsOn));
  const step = slugs.length > 1 ? Math.floor(Math.max(0, span - 21) / (slugs.length - 1)) : 0;
  return slugs.map((slug, i) => {
    const opensOn = addDays(startsOn, i * step);
    const due = addDays(opensOn, 21);
    return { slug, opensOn, dueOn: due > endsOn ? endsOn : due, required: true };
  });
}

export function createCohort(input: CohortInput, actorId: string) {
  const id = newId();
  writeTransaction(getDb(), (tx) => {
    tx.insert(schema.cohorts).values({ id, ...input }).run();
    const rows = defaultSchedule(input.startsOn, input.endsOn);
    if (rows.length) {
      tx.insert(schema.cohortModules)
        .values(rows.map((r, i) => ({ id: newId(), cohortId: id, moduleSlug: r.slug, position: i + 1, opensOn: r.opensOn, dueOn: r.dueOn, required: r.required })))
        .run();
    }
  });
  recordAudit("cohort_saved", { actorId, subjectId: id, detail: { created: true } });
  return id;
}

export function updateCohort(id: string, input: CohortInput, actorId: string) {
  const changed = getDb().update(schema.cohorts).set(input).where(eq(schema.cohorts.id, id)).run().changes;
  if (changed) recordAudit("cohort_saved", { actorId, subjectId: id });
  return changed === 1;
}

/** Archiving hides a cohort from enrolment and moves; nothing in it is deleted. */
export function setArchived(id: string, archived: boolean, actorId: string) {
  const changed = getDb()
    .update(schema.cohorts)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(schema.cohorts.id, id), archived ? isNull(schema.cohorts.archivedAt) : isNotNull(schema.cohorts.archivedAt)))
    .run().changes;
  if (changed) recordAudit(archived ? "cohort_archived" : "cohort_restored", { actorId, subjectId: id });
  return changed === 1;
}

export type ScheduleRow = { slug: string; opensOn: string; dueOn: string | null; required: boolean };

/** The cohort's modules in order, with titles in the reader's language. */
export function getSchedule(cohortId: string, locale: Locale) {
  return getDb()
    .select()
    .from(schema.cohortModules)
    .where(eq(schema.cohortModules.cohortId, cohortId))
    .orderBy(asc(schema.cohortModules.position))
    .all()
    .map((row) => {
      const mod = getModule(row.moduleSlug);
      return {
        slug: row.moduleSlug,
        number: mod?.number ?? null,
        title: mod ? moduleInLocale(mod, locale).version.frontmatter.title : row.moduleSlug,
        opensOn: row.opensOn,
        dueOn: row.dueOn,
        required: row.required,
      };
    });
}

/** Modules of the curriculum not yet in the cohort's schedule. */
export function unscheduledModules(cohortId: string, locale: Locale) {
  const scheduled = new Set(
    getDb()
      .select({ slug: schema.cohortModules.moduleSlug })
      .from(schema.cohortModules)
      .where(eq(schema.cohortModules.cohortId, cohortId))
      .all()
      .map((r) => r.slug),
  );
  return listModuleSlugs()
    .filter((slug) => !scheduled.has(slug))
    .map((slug) => {
      const mod = getModule(slug)!;
      return { slug, number: mod.number, title: moduleInLocale(mod, locale).version.frontmatter.title };
    });
}

/**
 * Replaces the cohort's schedule with `rows`, in their order. Rows keep their
 * ids, so nothing that refers to a scheduled module is disturbed.
 */
export function saveSchedule(cohortId: string, rows: ScheduleRow[], actorId: string) {
  const db = getDb();
  writeTransaction(db, (tx) => {
    const existing = tx.select().from(schema.cohortModules).where(eq(schema.cohortModules.cohortId, cohortId)).all();
    const keep = new Set(rows.map((r) => r.slug));
    for (const old of existing) {
      if (!keep.has(old.moduleSlug)) tx.delete(schema.cohortModules).where(eq(schema.cohortModules.id, old.id)).run();
    }
    // Positions are moved out of the way first, so no two rows ever share one mid-way.
    tx.update(schema.cohortModules)
      .set({ position: sql`-${schema.cohortModules.position}` })
      .where(eq(schema.cohortModules.cohortId, cohortId))
      .run();
    rows.forEach((row, i) => {
      const values = { position: i + 1, opensOn: row.opensOn, dueOn: row.dueOn, required: row.required };
      const found = existing.find((e) => e.moduleSlug === row.slug);
      if (found) tx.update(schema.cohortModules).set(values).where(eq(schema.cohortModules.id, found.id)).run();
      else tx.insert(schema.cohortModules).values({ id: newId(), cohortId, moduleSlug: row.slug, ...values }).run();
    });
  });
  recordAudit("schedule_saved", { actorId, subjectId: cohortId, detail: { modules: rows.map((r) => r.slug) } });
}
