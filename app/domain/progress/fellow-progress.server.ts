import { eq } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import type { SessionUser } from "~/lib/auth.server";
import { addDays, programmeToday } from "~/lib/dates.server";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http.server";
import type { Locale } from "~/lib/i18n/config";
import { canSeeFellow, getFellowSchedule, getModuleState, recentAttempts, type ScheduledModule } from "./progress.server";

/** Where "Continue" lands: the first section not yet marked read. */
function firstUnreadSection(fellowId: string, slug: string): string | null {
  const mod = getModule(slug);
  if (!mod) return null;
  const { readSectionIds } = getModuleState(fellowId, slug);
  return mod.locales.en.sections.find((s) => !readSectionIds.has(s.id))?.id ?? null;
}

function titled(m: ScheduledModule, locale: Locale) {
  const mod = getModule(m.slug)!;
  return { ...m, title: moduleInLocale(mod, locale).version.frontmatter.title, completedAt: m.completedAt?.toISOString() ?? null };
}

/** One fellow's progress, module by module: for the fellow, their mentor and coordinators; 404 for anyone else. */
export function getFellowProgress(viewer: SessionUser, fellowId: string, locale: Locale) {
  const fellow =
    getDb()
      .select({ id: schema.users.id, displayName: schema.users.displayName, role: schema.users.role })
      .from(schema.users)
      .where(eq(schema.users.id, fellowId))
      .get() ?? notFound();
  if (fellow.role !== "fellow" || !canSeeFellow(viewer, fellowId)) notFound();
  const today = programmeToday();
  const { enrollment, modules } = getFellowSchedule(fellowId, today);
  return {
    fellow: { id: fellow.id, displayName: fellow.displayName },
    cohortName: enrollment?.cohortName ?? null,
    summary: programmeSummary(modules),
    modules: modules.map((m) => titled(m, locale)),
  };
}

export function programmeSummary(modules: ScheduledModule[]) {
  const required = modules.filter((m) => m.required);
  const done = required.filter((m) => m.status === "complete").length;
  return { requiredComplete: done, requiredTotal: required.length, percent: required.length ? Math.round((done / required.length) * 100) : 0 };
}

/** The fellow's dashboard: programme progress, what to continue, deadlines, recent results. */
export function getDashboard(fellowId: string, locale: Locale) {
  const today = programmeToday();
  const { enrollment, modules } = getFellowSchedule(fellowId, today);
  const soon = addDays(today, 14);
  const open = modules.filter((m) => !m.locked);
  const next = open.find((m) => m.status !== "complete") ?? null;
  return {
    enrolled: enrollment !== null,
    summary: programmeSummary(modules),
    next: next ? { ...titled(next, locale), continueTo: firstUnreadSection(fellowId, next.slug) } : null,
    overdue: modules.filter((m) => m.status !== "complete" && m.dueOn && m.dueOn < today).map((m) => titled(m, locale)),
    dueSoon: modules
      .filter((m) => m.status !== "complete" && m.dueOn && m.dueOn >= today && m.dueOn <= soon)
      .map((m) => titled(m, locale)),
    recent: recentAttempts(fellowId).map((a) => {
      const mod = getModule(a.slug);
      return {
        ...a,
        title: mod ? moduleInLocale(mod, locale).version.frontmatter.title : a.slug,
        createdAt: a.createdAt.toISOString(),
      };
    }),
  };
}
