import type { SessionUser } from "~/lib/auth.server";
import { programmeToday } from "~/lib/dates.server";
import type { Locale } from "~/lib/i18n/config";
import { getFellowSchedule } from "~/domain/progress/progress.server";
import { getModule, listModuleSlugs, moduleInLocale } from "./catalog.server";

function describe(slug: string, locale: Locale) {
  const mod = getModule(slug)!;
  const { version } = moduleInLocale(mod, locale);
  return {
    slug,
    number: mod.number,
    title: version.frontmatter.title,
    summary: version.frontmatter.summary,
    estimatedMinutes: version.frontmatter.estimatedMinutes,
  };
}

/** A fellow sees their cohort's schedule with progress; mentors and coordinators, every module. */
export function listModulesFor(user: SessionUser, locale: Locale) {
  if (user.role !== "fellow") {
    return { kind: "catalog" as const, modules: listModuleSlugs().map((slug) => describe(slug, locale)) };
  }
  const { enrollment, modules } = getFellowSchedule(user.id, programmeToday());
  return {
    kind: "schedule" as const,
    enrolled: enrollment !== null,
    modules: modules.map((m) => ({ ...describe(m.slug, locale), ...m, completedAt: m.completedAt?.toISOString() ?? null })),
  };
}

/** The modules a user may open now: a fellow's open, scheduled modules; every module for staff. */
export function readableModuleSlugs(user: SessionUser): string[] {
  if (user.role !== "fellow") return listModuleSlugs();
  return getFellowSchedule(user.id, programmeToday())
    .modules.filter((m) => !m.locked)
    .map((m) => m.slug);
}
