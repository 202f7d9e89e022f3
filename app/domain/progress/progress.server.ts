import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule } from "~/domain/content/catalog.server";
import type { CompiledModule } from "~/domain/content/schema";
import { getDb, preparedQuery } from "~/lib/db.server";
import { daysBetween } from "~/lib/dates.server";
import { newId } from "~/lib/ids.server";
import { evaluateCompletion, scoreAttempt, type Answers } from "./scoring";

export type ModuleStatus = "not_started" | "in_progress" | "complete";

/** The active enrolment of a fellow, with the cohort's schedule in order. */
const activeEnrollmentQuery = preparedQuery((db) =>
  db
    .select({
      id: schema.enrollments.id,
      cohortId: schema.enrollments.cohortId,
      mentorId: schema.enrollments.mentorId,
      cohortName: schema.cohorts.name,
    })
    .from(schema.enrollments)
    .innerJoin(schema.cohorts, eq(schema.cohorts.id, schema.enrollments.cohortId))
    .where(and(eq(schema.enrollments.fellowId, sql.placeholder("fellowId")), eq(schema.enrollments.status, "active")))
    .prepare(),
);

export function getActiveEnrollment(fellowId: string) {
  return activeEnrollmentQuery().get({ fellowId }) ?? null;
}

const cohortScheduleQuery = preparedQuery((db) =>
  db
    .select()
    .from(schema.cohortModules)
    .where(eq(schema.cohortModules.cohortId, sql.placeholder("cohortId")))
    .orderBy(asc(schema.cohortModules.position))
    .prepare(),
);

/** A cohort's modules in schedule order. */
export function getCohortSchedule(cohortId: string) {
  return cohortScheduleQuery().all({ cohortId });
}

export function getScheduleEntry(cohortId: string, slug: string) {
  return getCohortSchedule(cohortId).find((m) => m.moduleSlug === slug) ?? null;
}

const moduleStateQueries = preparedQuery((db) => {
  const fellowId = sql.placeholder("fellowId");
  const slug = sql.placeholder("slug");
  return {
    read: db
      .select({ sectionId: schema.sectionProgress.sectionId })
      .from(schema.sectionProgress)
      .where(and(eq(schema.sectionProgress.fellowId, fellowId), eq(schema.sectionProgress.moduleSlug, slug)))
      .prepare(),
    lastAttempt: db
      .select({
        answers: schema.knowledgeCheckAttempts.answers,
        scorePercent: schema.knowledgeCheckAttempts.scorePercent,
        createdAt: schema.knowledgeCheckAttempts.createdAt,
        best: sql<number>`max(${schema.knowledgeCheckAttempts.scorePercent}) over ()`,
        count: sql<number>`count(*) over ()`,
      })
      .from(schema.knowledgeCheckAttempts)
      .where(and(eq(schema.knowledgeCheckAttempts.fellowId, fellowId), eq(schema.knowledgeCheckAttempts.moduleSlug, slug)))
      .orderBy(desc(schema.knowledgeCheckAttempts.createdAt))
      .limit(1)
      .prepare(),
    notes: db
      .select({ id: schema.reflections.reflectionId, text: schema.reflections.text, updatedAt: schema.reflections.updatedAt })
      .from(schema.reflections)
      .where(and(eq(schema.reflections.fellowId, fellowId), eq(schema.reflections.moduleSlug, slug)))
      .prepare(),
    completion: db
      .select({ completedAt: schema.moduleCompletions.completedAt })
      .from(schema.moduleCompletions)
      .where(and(eq(schema.moduleCompletions.fellowId, fellowId), eq(schema.moduleCompletions.moduleSlug, slug)))
      .prepare(),
  };
});

/** Everything the module page needs about one fellow, in four small queries. */
export function getModuleState(fellowId: string, slug: string) {
  const queries = moduleStateQueries();
  const read = queries.read.all({ fellowId, slug });
  const attempts = queries.lastAttempt.get({ fellowId, slug });
  const notes = queries.notes.all({ fellowId, slug });
  const completion = queries.completion.get({ fellowId, slug });
  return {
    readSectionIds: new Set(read.map((r) => r.sectionId)),
    lastAttempt: attempts
      ? { answers: attempts.answers, scorePercent: attempts.scorePercent, createdAt: attempts.createdAt }
      : null,
    bestScorePercent: attempts ? attempts.best : null,
    attemptCount: attempts ? attempts.count : 0,
    reflections: new Map(notes.map((n) => [n.id, n])),
    completedAt: completion?.completedAt ?? null,
  };
}

function hasApprovedSubmission(fellowId: string, slug: string) {
  return Boolean(
    getDb()
      .select({ id: schema.submissions.id })
      .from(schema.submissions)
      .where(and(eq(schema.submissions.fellowId, fellowId), eq(schema.submissions.moduleSlug, slug), eq(schema.submissions.status, "approved")))
      .get(),
  );
}

/** Records the module complete the first time its rules are met; never takes it back. */
export function updateCompletion(fellowId: string, mod: CompiledModule, now = new Date()) {
  const state = getModuleState(fellowId, mod.slug);
  if (state.completedAt) return state.completedAt;
  const en = mod.locales.en;
  const result = evaluateCompletion(mod.completion, {
    sectionIds: en.sections.map((s) => s.id),
    readSectionIds: state.readSectionIds,
    bestScorePercent: state.bestScorePercent,
    hasKnowledgeCheck: en.questions.length > 0,
    assignmentApproved: hasApprovedSubmission(fellowId, mod.slug),
  });
  if (!result.complete) return null;
  getDb().insert(schema.moduleCompletions).values({ fellowId, moduleSlug: mod.slug, completedAt: now }).onConflictDoNothing().run();
  return now;
}

export function markSectionRead(fellowId: string, mod: CompiledModule, sectionId: string, now = new Date()) {
  if (!mod.locales.en.sections.some((s) => s.id === sectionId)) return false;
  getDb()
    .insert(schema.sectionProgress)
    .values({ fellowId, moduleSlug: mod.slug, sectionId, readAt: now })
    .onConflictDoNothing()
    .run();
  updateCompletion(fellowId, mod, now);
  return true;
}

/** Scores on the server against English's answers (translations share them) and keeps every attempt. */
export function recordAttempt(fellowId: string, mod: CompiledModule, answers: Answers, now = new Date()) {
  const scored = scoreAttempt(mod.locales.en.questions, answers);
  const kept = Object.fromEntries(Object.entries(scored.results).map(([id, r]) => [id, r.chosen]));
  getDb()
    .insert(schema.knowledgeCheckAttempts)
    .values({
      id: newId(),
      fellowId,
      moduleSlug: mod.slug,
      answers: kept,
      correct: scored.correct,
      total: scored.total,
      scorePercent: scored.scorePercent,
      createdAt: now,
    })
    .run();
  updateCompletion(fellowId, mod, now);
  return scored;
}

export const REFLECTION_MAX = 10_000;

export function saveReflection(fellowId: string, mod: CompiledModule, reflectionId: string, text: string, now = new Date()) {
  if (!mod.locales.en.reflections.some((r) => r.id === reflectionId)) return false;
  getDb()
    .insert(schema.reflections)
    .values({ fellowId, moduleSlug: mod.slug, reflectionId, text, updatedAt: now })
    .onConflictDoUpdate({
      target: [schema.reflections.fellowId, schema.reflections.moduleSlug, schema.reflections.reflectionId],
      set: { text, updatedAt: now },
    })
    .run();
  return true;
}

export type ScheduledModule = {
  slug: string;
  number: number;
  position: number;
  opensOn: string;
  dueOn: string | null;
  required: boolean;
  locked: boolean;
  status: ModuleStatus;
  sectionsRead: number;
  sectionsTotal: number;
  percent: number;
  completedAt: Date | null;
  bestScorePercent: number | null;
  daysLate: number;
};

/** A fellow's modules in schedule order with their progress: four queries whatever the module count. */
export function getFellowSchedule(fellowId: string, today: string) {
  const enrollment = getActiveEnrollment(fellowId);
  if (!enrollment) return { enrollment: null, modules: [] as ScheduledModule[] };
  const db = getDb();
  const rows = getCohortSchedule(enrollment.cohortId);
  const reads = db
    .select({ slug: schema.sectionProgress.moduleSlug, sectionId: schema.sectionProgress.sectionId })
    .from(schema.sectionProgress)
    .where(eq(schema.sectionProgress.fellowId, fellowId))
    .all();
  const completions = db.select().from(schema.moduleCompletions).where(eq(schema.moduleCompletions.fellowId, fellowId)).all();
  const scores = db
    .select({ slug: schema.knowledgeCheckAttempts.moduleSlug, best: max(schema.knowledgeCheckAttempts.scorePercent) })
    .from(schema.knowledgeCheckAttempts)
    .where(eq(schema.knowledgeCheckAttempts.fellowId, fellowId))
    .groupBy(schema.knowledgeCheckAttempts.moduleSlug)
    .all();
  const modules: ScheduledModule[] = [];
  for (const row of rows) {
    const mod = getModule(row.moduleSlug);
    if (!mod) continue; // scheduled content that is not built (yet) is left out, not an error page
    const sectionIds = new Set(mod.locales.en.sections.map((s) => s.id));
    const read = reads.filter((r) => r.slug === row.moduleSlug && sectionIds.has(r.sectionId)).length;
    const completion = completions.find((c) => c.moduleSlug === row.moduleSlug);
    const best = scores.find((s) => s.slug === row.moduleSlug)?.best ?? null;
    const status: ModuleStatus = completion ? "complete" : read > 0 || best !== null ? "in_progress" : "not_started";
    const total = sectionIds.size;
    modules.push({
      slug: row.moduleSlug,
      number: mod.number,
      position: row.position,
      opensOn: row.opensOn,
      dueOn: row.dueOn,
      required: row.required,
      locked: row.opensOn > today,
      status,
      sectionsRead: read,
      sectionsTotal: total,
      percent: completion ? 100 : total === 0 ? 0 : Math.min(99, Math.round((read / total) * 100)),
      completedAt: completion?.completedAt ?? null,
      bestScorePercent: best,
      daysLate: !completion && row.dueOn && row.dueOn < today ? daysBetween(row.dueOn, today) : 0,
    });
  }
  return { enrollment, modules };
}

export function recentAttempts(fellowId: string, limit = 5) {
  return getDb()
    .select({
      slug: schema.knowledgeCheckAttempts.moduleSlug,
      correct: schema.knowledgeCheckAttempts.correct,
      total: schema.knowledgeCheckAttempts.total,
      scorePercent: schema.knowledgeCheckAttempts.scorePercent,
      createdAt: schema.knowledgeCheckAttempts.createdAt,
    })
    .from(schema.knowledgeCheckAttempts)
    .where(eq(schema.knowledgeCheckAttempts.fellowId, fellowId))
    .orderBy(desc(schema.knowledgeCheckAttempts.createdAt))
    .limit(limit)
    .all();
}

/** Who may see one fellow's progress: the fellow, their mentor, coordinators. */
export function canSeeFellow(viewer: { id: string; role: schema.Role }, fellowId: string) {
  if (viewer.role === "coordinator") return true;
  if (viewer.role === "fellow") return viewer.id === fellowId;
  return getActiveEnrollment(fellowId)?.mentorId === viewer.id;
}
