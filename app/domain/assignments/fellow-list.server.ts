import { eq } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getFellowSchedule } from "~/domain/progress/progress.server";
import { daysBetween, programmeToday } from "~/lib/dates.server";
import { getDb } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n/config";

/** Every assignment of the fellow's open modules, with where it stands and how late. */
export function listFellowAssignments(fellowId: string, locale: Locale) {
  const today = programmeToday();
  const { modules } = getFellowSchedule(fellowId, today);
  const attempts = getDb().select().from(schema.submissions).where(eq(schema.submissions.fellowId, fellowId)).all();
  return modules
    .filter((m) => !m.locked)
    .map((m) => {
      const mod = getModule(m.slug)!;
      const latest = attempts.filter((a) => a.moduleSlug === m.slug).sort((a, b) => b.attempt - a.attempt)[0];
      const approved = latest?.status === "approved";
      return {
        slug: m.slug,
        title: moduleInLocale(mod, locale).version.frontmatter.assignment.title,
        moduleTitle: moduleInLocale(mod, locale).version.frontmatter.title,
        status: latest?.status ?? null,
        attempt: latest?.attempt ?? 0,
        dueOn: m.dueOn,
        daysLate: !approved && latest?.status !== "submitted" && m.dueOn && m.dueOn < today ? daysBetween(m.dueOn, today) : 0,
      };
    });
}
