import fs from "node:fs";
import path from "node:path";
import { getEnv } from "~/lib/env.server";
import type { Locale } from "~/lib/i18n/config";
import type { CompiledLocale, CompiledModule } from "./schema";

type Index = Array<{ slug: string; number: number; hash: string }>;

let cache: { stamp: number; index: Index; modules: Map<string, CompiledModule> } | null = null;

function contentDir() {
  return path.resolve(getEnv().CONTENT_DIR);
}

/**
 * The compiled modules, read from disk once; `npm run dev` rewrites them on
 * change, so the index's timestamp is checked and a newer build is picked up.
 */
function load() {
  // A production build never changes under a running server: no need to look at the disk again.
  if (cache && getEnv().NODE_ENV === "production") return cache;
  const indexFile = path.join(contentDir(), "index.json");
  let stamp = 0;
  try {
    stamp = fs.statSync(indexFile).mtimeMs;
  } catch {
    throw new Error(`No compiled content at ${indexFile}: run "npm run build" (or "npm run content:build") first.`);
  }
  if (!cache || (cache.stamp !== stamp && getEnv().NODE_ENV !== "production")) {
    cache = { stamp, index: JSON.parse(fs.readFileSync(indexFile, "utf8")), modules: new Map() };
  }
  return cache;
}

export function listModuleSlugs(): string[] {
  return load().index.map((m) => m.slug);
}

export function getModule(slug: string): CompiledModule | null {
  const c = load();
  if (!c.index.some((m) => m.slug === slug)) return null;
  let mod = c.modules.get(slug);
  if (!mod) {
    mod = JSON.parse(fs.readFileSync(path.join(contentDir(), `${slug}.json`), "utf8")) as CompiledModule;
    c.modules.set(slug, mod);
  }
  return mod;
}

/**
 * The reader's language when the module has it, else English, saying so. A
 * translation of the frontmatter alone gives the title, outcomes and
 * assignment in the reader's language around the English text.
 */
export function moduleInLocale(mod: CompiledModule, locale: Locale): { version: CompiledLocale; fallback: boolean; available: string[] } {
  const available = Object.values(mod.locales)
    .filter((v) => v.bodyTranslated)
    .map((v) => v.locale);
  const own = mod.locales[locale];
  if (own?.bodyTranslated) return { version: own, fallback: false, available };
  const en = mod.locales.en;
  if (own) return { version: { ...en, frontmatter: own.frontmatter }, fallback: true, available };
  return { version: en, fallback: locale !== "en", available };
}

/** For tests and the dev server. */
export function resetContentCache() {
  cache = null;
}
