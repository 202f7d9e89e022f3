import type { SessionUser } from "~/lib/auth.server";
import { programmeToday } from "~/lib/dates.server";
import { notFound } from "~/lib/http.server";
import type { Locale } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { getActiveEnrollment, getCohortSchedule, getModuleState } from "~/domain/progress/progress.server";
import { fillModuleBodyStretches, type BodyState } from "./body.server";
import { getModule, listModuleSlugs, moduleInLocale } from "./catalog.server";
import type { CompiledModule } from "./schema";

/**
 * Who may open a module: a fellow, modules of their cohort's schedule once
 * open (before that: locked, with the date); mentors and coordinators, every
 * module, read-only. Anything else is 404.
 */
export function openModule(user: SessionUser, slug: string, today = programmeToday()) {
  const mod = getModule(slug) ?? notFound();
  if (user.role !== "fellow") return { mod, mode: "read-only" as const, schedule: null, cohortSchedule: null, locked: false };
  const enrollment = getActiveEnrollment(user.id) ?? notFound();
  const cohortSchedule = getCohortSchedule(enrollment.cohortId);
  const schedule = cohortSchedule.find((m) => m.moduleSlug === slug) ?? notFound();
  return { mod, mode: "fellow" as const, schedule, cohortSchedule, locked: schedule.opensOn > today };
}

/** A fellow's module they may record progress in (open, in their schedule), or 404. */
export function requireWritableModule(user: SessionUser, slug: string): CompiledModule {
  if (user.role !== "fellow") notFound();
  const access = openModule(user, slug);
  if (access.locked) notFound();
  return access.mod;
}

/** The modules before and after this one: for a fellow, among their cohort's open modules in order. */
function neighbours(slug: string, today: string, cohortSchedule: { moduleSlug: string; opensOn: string }[] | null) {
  const order = cohortSchedule
    ? cohortSchedule.filter((m) => m.opensOn <= today && getModule(m.moduleSlug)).map((m) => m.moduleSlug)
    : listModuleSlugs();
  const i = order.indexOf(slug);
  const pick = (s: string | undefined) => {
    const m = s ? getModule(s) : null;
    return m ? { slug: m.slug, title: moduleInLocale(m, "en").version.frontmatter.title } : null;
  };
  return { previous: i > 0 ? pick(order[i - 1]) : null, next: i >= 0 ? pick(order[i + 1]) : null };
}

export function buildModulePage(
  user: SessionUser,
  slug: string,
  locale: Locale,
  options: { reflectionDraft?: { id: string; text: string; errorKey: string } | null } = {},
) {
  const today = programmeToday();
  const access = openModule(user, slug, today);
  const { mod } = access;
  const { version, fallback, available } = moduleInLocale(mod, locale);
  const fm = version.frontmatter;
  const header = {
    slug,
    number: mod.number,
    title: fm.title,
    summary: fm.summary,
    estimatedMinutes: fm.estimatedMinutes,
    contentLocale: version.locale,
    fallback: fallback ? { available, readerLocale: locale } : null,
    mode: access.mode,
  };
  if (access.locked) {
    return { page: { ...header, locked: { opensOn: access.schedule!.opensOn } }, body: null };
  }
  const t = getFixedT(locale);
  const { previous, next } = neighbours(slug, today, access.cohortSchedule);
  // Titles of neighbours in the reader's language where the module has it.
  const titled = (n: { slug: string; title: string } | null) => {
    const m = n ? getModule(n.slug) : null;
    return m && n ? { slug: n.slug, title: moduleInLocale(m, locale).version.frontmatter.title } : null;
  };
  let bodyState: BodyState = { mode: "read-only" };
  let sections = version.sections.map((s) => ({ ...s, read: false }));
  let progress = null;
  if (access.mode === "fellow") {
    const state = getModuleState(user.id, slug);
    bodyState = {
      mode: "fellow",
      readSectionIds: state.readSectionIds,
      lastAttempt: state.lastAttempt,
      minScore: mod.completion.knowledgeCheckMinScore,
      reflections: state.reflections,
      reflectionDraft: options.reflectionDraft ?? null,
    };
    sections = version.sections.map((s) => ({ ...s, read: state.readSectionIds.has(s.id) }));
    const read = sections.filter((s) => s.read).length;
    progress = {
      read,
      total: sections.length,
      completedAt: state.completedAt ? state.completedAt.toISOString() : null,
      bestScorePercent: state.bestScorePercent,
      attemptCount: state.attemptCount,
      continueTo: sections.find((s) => !s.read)?.id ?? null,
      dueOn: access.schedule?.dueOn ?? null,
      rules: mod.completion,
    };
  }
  // In stretches: the page's response copies the stretches every reader shares as compressed once.
  const body = fillModuleBodyStretches(
    version.html,
    bodyState,
    { scoring: mod.locales.en.questions, shown: version.questions },
    t,
  );
  return {
    page: {
      ...header,
      locked: null,
      learningOutcomes: fm.learningOutcomes,
      sections,
      progress,
      previous: titled(previous),
      next: titled(next),
      assignmentTitle: fm.assignment.title,
    },
    body,
  };
}
