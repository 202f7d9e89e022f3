import path from "node:path";
import Database from "better-sqlite3";
import { getEnv } from "~/lib/env.server";
import { escapeHtml } from "~/lib/html";
import { SEARCH_FILE } from "./search-index.server";

let db: Database.Database | null = null;

function index() {
  db ??= new Database(path.resolve(getEnv().CONTENT_DIR, SEARCH_FILE), { readonly: true, fileMustExist: true });
  return db;
}

import { QUERY_MAX } from "./search-limits";
export { QUERY_MAX };
const OPEN = "\u0001";
const CLOSE = "\u0002";

/**
 * Turns what a person typed into a safe FTS5 query: words (in any script)
 * quoted and matched as prefixes, all of them required. Operators typed by the
 * user are treated as text.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize("NFC")
    .slice(0, QUERY_MAX)
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(" ");
}

export type SearchHit = {
  slug: string;
  locale: string;
  sectionId: string | null;
  moduleTitle: string;
  sectionTitle: string;
  /** HTML: the passage escaped, with the matches in <mark>. */
  snippet: string;
};

export function searchModules(input: string, allowedSlugs: Set<string> | null, limit = 30): SearchHit[] {
  const query = toFtsQuery(input);
  if (!query) return [];
  const rows = index()
    .prepare(
      `SELECT slug, locale, section_id AS sectionId, module_title AS moduleTitle, section_title AS sectionTitle,
              snippet(passages, 5, ?, ?, '…', 16) AS snippet
         FROM passages WHERE passages MATCH ? ORDER BY bm25(passages, 0, 0, 0, 5.0, 3.0, 1.0) LIMIT ?`,
    )
    .all(OPEN, CLOSE, query, limit * 3) as SearchHit[];
  return rows
    .filter((r) => !allowedSlugs || allowedSlugs.has(r.slug))
    .slice(0, limit)
    .map((r) => ({
      ...r,
      snippet: escapeHtml(r.snippet).replaceAll(OPEN, "<mark>").replaceAll(CLOSE, "</mark>"),
    }));
}

export function closeSearchIndex() {
  db?.close();
  db = null;
}
