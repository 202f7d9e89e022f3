import { desc, eq } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { getDb } from "~/lib/db.server";
import type { Locale } from "~/lib/i18n/config";

/** The fellow's private journal: every reflection they wrote, newest first, with its prompt. */
export function getJournal(fellowId: string, locale: Locale) {
  const notes = getDb()
    .select()
    .from(schema.reflections)
    .where(eq(schema.reflections.fellowId, fellowId))
    .orderBy(desc(schema.reflections.updatedAt))
    .all();
  return notes
    .filter((n) => n.text.trim() !== "")
    .map((n) => {
      const mod = getModule(n.moduleSlug);
      const version = mod ? moduleInLocale(mod, locale).version : null;
      return {
        slug: n.moduleSlug,
        reflectionId: n.reflectionId,
        moduleTitle: version?.frontmatter.title ?? n.moduleSlug,
        prompt: version?.reflections.find((r) => r.id === n.reflectionId)?.prompt ?? "",
        text: n.text,
        updatedAt: n.updatedAt.toISOString(),
      };
    });
}
