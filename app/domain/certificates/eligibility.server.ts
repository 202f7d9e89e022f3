import { and, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { fellowTotals } from "~/domain/practice/hours.server";
import { getActiveEnrollment } from "~/domain/progress/progress.server";
import { getDb } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n/config";

export type EligibilityItem =
  | { kind: "module"; slug: string; number: number; title: string; done: boolean }
  | { kind: "assignment"; slug: string; number: number; title: string; done: boolean; status: schema.SubmissionStatus | null }
  | { kind: "hours"; approved: number; required: number; done: boolean };

export type Facts = {
  required: Array<{ slug: string; number: number; title: string }>;
  completed: Set<string>;
  latestStatus: Map<string, schema.SubmissionStatus>;
  approvedHours: number;
  requiredHours: number;
};

/**
 * What a certificate requires, item by item: every required module of the
 * cohort complete, every required module's assignment approved (its latest
 * attempt), and the cohort's practice hours approved.
 */
export function eligibilityItems(f: Facts): EligibilityItem[] {
  return [
    ...f.required.map((m) => ({ kind: "module" as const, ...m, done: f.completed.has(m.slug) })),
    ...f.required.map((m) => {
      const status = f.latestStatus.get(m.slug) ?? null;
      return { kind: "assignment" as const, ...m, status, done: status === "approved" };
    }),
    { kind: "hours" as const, approved: f.approvedHours, required: f.requiredHours, done: f.approvedHours >= f.requiredHours },
  ];
}

/** One fellow's eligibility in their current cohort; null when not enrolled. */
export function fellowEligibility(fellowId: string, locale: Locale = "en") {
  const enrolment = getActiveEnrollment(fellowId);
  if (!enrolment) return null;
  const db = getDb();
  const cohort = db.select().from(schema.cohorts).where(eq(schema.cohorts.id, enrolment.cohortId)).get()!;
  const required = db
    .select({ slug: schema.cohortModules.moduleSlug })
    .from(schema.cohortModules)
    .where(and(eq(schema.cohortModules.cohortId, cohort.id), eq(schema.cohortModules.required, true)))
    .orderBy(schema.cohortModules.position)
    .all()
    .flatMap(({ slug }) => {
      const mod = getModule(slug);
      return mod ? [{ slug, number: mod.number, title: moduleInLocale(mod, locale).version.frontmatter.title }] : [];
    });
  const slugs = required.map((m) => m.slug);
  const completed = new Set(
    slugs.length
      ? db
          .select({ slug: schema.moduleCompletions.moduleSlug })
          .from(schema.moduleCompletions)
          .where(and(eq(schema.moduleCompletions.fellowId, fellowId), inArray(schema.moduleCompletions.moduleSlug, slugs)))
          .all()
          .map((r) => r.slug)
      : [],
  );
  const latestStatus = new Map<string, schema.SubmissionStatus>();
  const attempts = slugs.length
    ? db
        .select({ slug: schema.submissions.moduleSlug, attempt: schema.submissions.attempt, status: schema.submissions.status })
        .from(schema.submissions)
        .where(and(eq(schema.submissions.fellowId, fellowId), inArray(schema.submissions.moduleSlug, slugs)))
        .orderBy(schema.submissions.attempt)
        .all()
    : [];
  for (const a of attempts) latestStatus.set(a.slug, a.status);
  const totals = fellowTotals(fellowId);
  const items = eligibilityItems({ required, completed, latestStatus, approvedHours: totals.approved, requiredHours: cohort.requiredPracticeHours });
  return { cohort, items, eligible: items.every((i) => i.done), approvedHours: totals.approved, modules: required.filter((m) => completed.has(m.slug)) };
}
