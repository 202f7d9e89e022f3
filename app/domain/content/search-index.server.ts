import fs from "node:fs";
import Database from "better-sqlite3";
import type { CompiledModule } from "./schema";

/**
 * The full-text index of module text, every language, one row per section.
 * FTS5 is SQLite-only, so it lives in its own file beside the compiled
 * content, built with it, and opened read-only by the server.
 */
export const SEARCH_FILE = "search.db";

const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

/** Splits a compiled body into its introduction and sections, as plain text. */
export function sectionTexts(html: string): Array<{ sectionId: string | null; text: string }> {
  const parts = html.split(/<section class="module-section" aria-labelledby="([^"]+)">/);
  const out: Array<{ sectionId: string | null; text: string }> = [];
  if (parts[0].trim()) out.push({ sectionId: null, text: textOf(parts[0]) });
  for (let i = 1; i < parts.length; i += 2) out.push({ sectionId: parts[i], text: textOf(parts[i + 1] ?? "") });
  return out;
}

export function buildSearchIndex(file: string, modules: CompiledModule[]) {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(`CREATE VIRTUAL TABLE passages USING fts5(
    slug UNINDEXED, locale UNINDEXED, section_id UNINDEXED,
    module_title, section_title, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`);
  const insert = db.prepare(
    "INSERT INTO passages (slug, locale, section_id, module_title, section_title, body) VALUES (?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (const mod of modules) {
      for (const version of Object.values(mod.locales)) {
        if (!version.bodyTranslated) continue;
        const titles = new Map(version.sections.map((s) => [s.id, s.title]));
        for (const { sectionId, text } of sectionTexts(version.html)) {
          insert.run(mod.slug, version.locale, sectionId, version.frontmatter.title, sectionId ? (titles.get(sectionId) ?? "") : "", text);
        }
      }
    }
  })();
  db.exec("INSERT INTO passages(passages) VALUES ('optimize')");
  db.close();
}
